import { Link } from 'react-router';
import { Logo } from '../../../../web/components/Logo.js';
import { OwnedError, useOwned } from '../../../../web/components/Owned.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { Certificate } from '../../api-types.js';
import { ifa } from './fa.js';
import { cfa } from './fa-certificate.js';
import { INS } from './http.js';
import { faDigits, faTrainingId, InsPage, InsSignIn, Loading, ltrText } from './ui.js';
// After ui.js, which brings the shell's page styles: the sheet's rules override them.
import './certificate.css';

/** The server's SVG document as markup to inline (without an XML prolog or doctype). */
function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '').trim();
}

function Sheet({ c }: { c: Certificate }) {
  const id = faTrainingId(c.trainingId);
  return (
    <article className="ins-cert" aria-labelledby="cert-title" data-testid="certificate" data-valid={c.valid}>
      {!c.valid && (
        <p className="ins-cert-expired" role="alert" data-testid="cert-expired">
          {cfa.expired(faDigits(c.validUntil))}
        </p>
      )}
      <header className="ins-cert-head">
        <div className="ins-cert-org">
          <Logo className="ins-cert-logo" />
          <div>
            <p>{cfa.republic}</p>
            <p>{cfa.ministry}</p>
            <p className="ins-cert-orgname">{cfa.org}</p>
            <p>{cfa.center}</p>
          </div>
        </div>
        <p className="ins-cert-bism">{cfa.bism}</p>
        <dl className="ins-cert-meta">
          <dt>{cfa.trainingId}:</dt>
          <dd>
            <bdi dir="ltr" data-testid="cert-id">
              {id}
            </bdi>
          </dd>
          <dt>{cfa.date}:</dt>
          <dd>{faDigits(c.qualifiedAt)}</dd>
        </dl>
      </header>

      <h1 id="cert-title" className="ins-cert-title">
        {cfa.title}
      </h1>
      <p className="ins-cert-body">{cfa.body(c.name, ltrText(id))}</p>
      <ul className="ins-cert-fields" data-testid="cert-fields">
        {c.fields.map((f) => (
          <li key={f.key}>{f.title}</li>
        ))}
      </ul>

      <table className="ins-cert-table">
        <caption>{cfa.holder}</caption>
        <tbody>
          <tr>
            <th scope="row">{cfa.name}</th>
            <td data-testid="cert-name">{c.name}</td>
          </tr>
          <tr>
            <th scope="row">{cfa.trainingId}</th>
            <td>
              <bdi dir="ltr">{id}</bdi>
            </td>
          </tr>
          <tr>
            <th scope="row">{cfa.province}</th>
            <td>{c.province}</td>
          </tr>
          <tr>
            <th scope="row">{cfa.qualifiedAt}</th>
            <td>{faDigits(c.qualifiedAt)}</td>
          </tr>
          <tr>
            <th scope="row">{cfa.validUntil}</th>
            <td data-testid="cert-valid-until">{faDigits(c.validUntil)}</td>
          </tr>
        </tbody>
      </table>

      <div className="ins-cert-sign">
        <p className="ins-cert-signer">{cfa.signature}</p>
        <p className="cx-hint">{cfa.signatureNote}</p>
      </div>

      <footer className="ins-cert-foot">
        <div className="ins-cert-qr" role="img" aria-label={cfa.qrLabel} data-testid="cert-qr" dangerouslySetInnerHTML={{ __html: inlineSvg(c.qrSvg) }} />
        <div>
          <p>{cfa.verifyText}</p>
          <p className="ins-mono">
            <bdi dir="ltr" data-testid="verify-url">
              {c.verifyUrl}
            </bdi>
          </p>
        </div>
      </footer>
    </article>
  );
}

/**
 * `/instructors/me/certificate`: the signed-in instructor's printable qualification certificate: the organization's
 * header, his name, training ID, qualified fields and Jalali dates, the QR code of the public verification page, a
 * print button, and print styles that drop the site's header and footer and fit one A4 page.
 */
export default function CertificatePage() {
  usePageTitle(cfa.title);
  const { state, load, otherMobile } = useOwned<Certificate>(`${INS}/me/certificate`, { notOwner: cfa.notFound, citizenFirst: true });

  if (state.kind === 'open') {
    return (
      <div className="cx-page ins-cert-page">
        <div className="ins-noprint cx-actions ins-cert-actions">
          <Link to="/instructors/me" className="cx-link-btn">
            {ifa.nav.me}
          </Link>
          <button type="button" className="cx-btn" onClick={() => window.print()} data-testid="print">
            {cfa.print}
          </button>
        </div>
        <Sheet c={state.data} />
      </div>
    );
  }

  return (
    <InsPage>
      <h1 className="cx-title">{cfa.title}</h1>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <InsSignIn subtitle={cfa.signIn} onSignedIn={() => load()} />}
      {state.kind === 'error' && <OwnedError message={state.message} relogin={state.relogin} onOtherMobile={otherMobile} testId="load-error" />}
    </InsPage>
  );
}
