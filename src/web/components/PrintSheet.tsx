// A printable official sheet of the organization (the amriyeh letter, the instructor's qualification certificate)
// in plain markup, so a light public page and a staff screen draw the same sheet; styled by styles/sheet.css, which
// also prints it alone on one A4 page. Each service fills in its title, text and table.
import '../styles/sheet.css';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Logo } from './Logo.js';

/** The organization's header, the same on every sheet. */
const HEAD = {
  republic: 'جمهوری اسلامی ایران',
  ministry: 'وزارت کشور',
  org: 'سازمان شهرداری‌ها و دهیاری‌های کشور',
  bism: 'بسمه تعالی',
} as const;

/** A label and its value: a line of the sheet's head (number, date) or a row of the holder's table. */
export interface SheetItem {
  label: string;
  value: ReactNode;
  /** On the value's cell. */
  testId?: string;
}

/** The server's SVG document as markup to inline (without an XML prolog or doctype). */
export function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '').trim();
}

export interface PrintSheetProps {
  /** The `<h1>` and its id (the sheet is labelled by it). */
  title: string;
  titleId: string;
  testId: string;
  /** A service's own class for its rules (e.g. a certificate's frame). */
  className?: string;
  /** `data-*` attributes of the sheet (e.g. `data-revoked`). */
  data?: Record<`data-${string}`, string | boolean>;
  /** Shown above all, as an alert: the sheet is revoked or expired. */
  notice?: { text: string; testId: string } | null;
  /** The unit under the organization's name that issues the sheet. */
  unit: string;
  /** Beside the header: the sheet's number, its date. */
  meta: SheetItem[];
  /** The holder's table: its caption and rows. */
  holder: { caption: string; rows: SheetItem[] };
  signer: string;
  signerNote: string;
  /** The QR code of the public verification page (the server's SVG), its address, and the words that invite to check. */
  verify: { qrSvg: string; qrLabel: string; qrTestId: string; text: string; url: string };
  /** The text between the title and the holder's table (give a paragraph the class `cx-sheet-body`). */
  children: ReactNode;
}

/** The sheet: header, title, text, holder's table, signature and the verification QR code. */
export function PrintSheet({ title, titleId, testId, className, data, notice, unit, meta, holder, signer, signerNote, verify, children }: PrintSheetProps) {
  return (
    <article className={className ? `cx-sheet ${className}` : 'cx-sheet'} aria-labelledby={titleId} data-testid={testId} {...data}>
      {notice && (
        <p className="cx-sheet-notice" role="alert" data-testid={notice.testId}>
          {notice.text}
        </p>
      )}
      <header className="cx-sheet-head">
        <div className="cx-sheet-org">
          <Logo className="cx-sheet-logo" />
          <div>
            <p>{HEAD.republic}</p>
            <p>{HEAD.ministry}</p>
            <p className="cx-sheet-orgname">{HEAD.org}</p>
            <p>{unit}</p>
          </div>
        </div>
        <p className="cx-sheet-bism">{HEAD.bism}</p>
        <dl className="cx-sheet-meta">
          {meta.map((m) => (
            <Fragment key={m.label}>
              <dt>{m.label}:</dt>
              <dd data-testid={m.testId}>{m.value}</dd>
            </Fragment>
          ))}
        </dl>
      </header>

      <h1 id={titleId} className="cx-sheet-title">
        {title}
      </h1>
      {children}

      <table className="cx-sheet-table">
        <caption>{holder.caption}</caption>
        <tbody>
          {holder.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td data-testid={r.testId}>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="cx-sheet-sign">
        <p className="cx-sheet-signer">{signer}</p>
        <p className="cx-sheet-note">{signerNote}</p>
      </div>

      <footer className="cx-sheet-foot">
        <div className="cx-sheet-qr" role="img" aria-label={verify.qrLabel} data-testid={verify.qrTestId} dangerouslySetInnerHTML={{ __html: inlineSvg(verify.qrSvg) }} />
        <div>
          <p>{verify.text}</p>
          <p className="cx-sheet-url">
            <bdi dir="ltr" data-testid="verify-url">
              {verify.url}
            </bdi>
          </p>
        </div>
      </footer>
    </article>
  );
}

/**
 * A light public page that shows a sheet: the way back and a print button above it (neither is printed). Uses the
 * shell's page and button classes (styles/pages.css, forms.css).
 */
export function SheetPage({ back, backTo, print, children }: { back: string; backTo: string; print: string; children: ReactNode }) {
  return (
    <div className="cx-page cx-sheet-page">
      <div className="cx-noprint cx-actions cx-sheet-actions">
        <Link to={backTo} className="cx-link-btn">
          {back}
        </Link>
        <button type="button" className="cx-btn" onClick={() => window.print()} data-testid="print">
          {print}
        </button>
      </div>
      {children}
    </div>
  );
}
