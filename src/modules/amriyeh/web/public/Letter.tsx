import { Link, useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { Logo } from '../../../../web/components/Logo.js';
import { OwnedError, useOwned } from '../../../../web/components/Owned.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { LetterView } from '../../api-types.js';
import { afa } from './fa.js';
import { lfa } from './fa-letter.js';
import { AMR } from './http.js';
import { AmrPage, AmrSignIn, jDate, jDateTime, Loading } from './ui.js';

/** The server's SVG document as markup to inline (without an XML prolog or doctype). */
function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '').trim();
}

function LetterSheet({ l }: { l: LetterView }) {
  const code = toPersianDigits(l.nationalCode);
  return (
    <article className="amr-letter" aria-labelledby="letter-title" data-testid="letter" data-revoked={l.revoked}>
      {l.revoked && (
        <p className="amr-letter-revoked" role="alert" data-testid="letter-revoked">
          {lfa.letter.revoked(l.revokedAt ? jDateTime(l.revokedAt) : afa.common.none, l.revokedReason ?? afa.common.none)}
        </p>
      )}
      <header className="amr-letter-head">
        <div className="amr-letter-org">
          <Logo className="amr-letter-logo" />
          <div>
            <p>{lfa.letter.republic}</p>
            <p>{lfa.letter.ministry}</p>
            <p className="amr-letter-orgname">{lfa.letter.org}</p>
            <p>{lfa.letter.deputy}</p>
          </div>
        </div>
        <p className="amr-letter-bism">{lfa.letter.bism}</p>
        <dl className="amr-letter-meta">
          <dt>{lfa.letter.number}:</dt>
          <dd data-testid="letter-number">
            <bdi dir="ltr">{toPersianDigits(l.number)}</bdi>
          </dd>
          <dt>{lfa.letter.date}:</dt>
          <dd data-testid="letter-date">{jDate(l.issuedAt)}</dd>
        </dl>
      </header>

      <h1 id="letter-title" className="amr-letter-title">
        {lfa.letter.title}
      </h1>
      <p className="amr-letter-line">
        <strong>{lfa.letter.subject}: </strong>
        {lfa.letter.subjectValue}
      </p>
      <p className="amr-letter-line">
        <strong>{lfa.letter.to}</strong>
      </p>
      <p>{lfa.letter.greeting}</p>
      <p className="amr-letter-body" data-testid="letter-body">
        {lfa.letter.body({
          name: l.holderName,
          father: l.fatherName,
          code,
          birth: jDate(l.birthDate),
          call: l.callTitle,
          station: l.stationName,
          village: l.villageName,
          district: l.districtName,
          county: l.countyName,
          province: l.provinceName,
        })}
      </p>

      <table className="amr-letter-table">
        <caption>{lfa.letter.holder}</caption>
        <tbody>
          <tr>
            <th scope="row">{lfa.letter.name}</th>
            <td>{l.holderName}</td>
          </tr>
          <tr>
            <th scope="row">{lfa.letter.fatherName}</th>
            <td>{l.fatherName}</td>
          </tr>
          <tr>
            <th scope="row">{lfa.letter.nationalCode}</th>
            <td>
              <bdi dir="ltr">{code}</bdi>
            </td>
          </tr>
          <tr>
            <th scope="row">{lfa.letter.birthDate}</th>
            <td>{jDate(l.birthDate)}</td>
          </tr>
          <tr>
            <th scope="row">{lfa.letter.station}</th>
            <td>
              {l.stationName} — {l.villageName}، {l.districtName}، {l.countyName}، {l.provinceName}
            </td>
          </tr>
        </tbody>
      </table>

      <div className="amr-letter-sign">
        <p className="amr-letter-signer">{lfa.letter.signature}</p>
        <p className="cx-hint">{lfa.letter.signatureNote}</p>
      </div>

      <footer className="amr-letter-foot">
        <div className="amr-letter-qr" role="img" aria-label={lfa.letter.qrLabel} data-testid="letter-qr" dangerouslySetInnerHTML={{ __html: inlineSvg(l.qrSvg) }} />
        <div>
          <p>{lfa.letter.verifyText}</p>
          <p className="amr-mono">
            <bdi dir="ltr" data-testid="verify-url">
              {l.verifyUrl}
            </bdi>
          </p>
        </div>
      </footer>
    </article>
  );
}

/**
 * `/amriyeh/letters/:number`: the printable amriyeh letter for its holder (signed in with the one-time code) or
 * staff in scope: a formal letter of the organization with the QR code of its public verification address, a
 * print button, and print styles that drop the site's header and footer and fit one A4 page.
 */
export default function Letter() {
  const { number = '' } = useParams();
  const { state, load, otherMobile } = useOwned<LetterView>(`${AMR}/letters/${encodeURIComponent(number)}`, { notOwner: lfa.letter.notFound });
  usePageTitle(`${lfa.letter.title} ${toPersianDigits(number)}`);

  if (state.kind === 'open') {
    return (
      <div className="cx-page amr-letter-page">
        <div className="amr-noprint cx-actions amr-letter-actions">
          <Link to="/amriyeh/my" className="cx-link-btn">
            {afa.nav.mine}
          </Link>
          <button type="button" className="cx-btn" onClick={() => window.print()} data-testid="print">
            {lfa.letter.print}
          </button>
        </div>
        <LetterSheet l={state.data} />
      </div>
    );
  }

  return (
    <AmrPage>
      <h1 className="cx-title">{lfa.letter.title}</h1>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <AmrSignIn subtitle={lfa.letter.signIn} onSignedIn={() => load()} />}
      {state.kind === 'error' && <OwnedError message={state.message} relogin={state.relogin} onOtherMobile={otherMobile} testId="load-error" />}
    </AmrPage>
  );
}
