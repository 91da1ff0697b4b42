import { useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { OwnedError, useOwned } from '../../../../web/components/Owned.js';
import { PrintSheet, SheetPage } from '../../../../web/components/PrintSheet.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { LetterView } from '../../api-types.js';
import { afa } from './fa.js';
import { lfa } from './fa-letter.js';
import { AMR } from './http.js';
import { AmrPage, AmrSignIn, jDate, jDateTime, Loading } from './ui.js';

function LetterSheet({ l }: { l: LetterView }) {
  const code = toPersianDigits(l.nationalCode);
  const t = lfa.letter;
  return (
    <PrintSheet
      title={t.title}
      titleId="letter-title"
      testId="letter"
      data={{ 'data-revoked': l.revoked }}
      notice={l.revoked ? { text: t.revoked(l.revokedAt ? jDateTime(l.revokedAt) : afa.common.none, l.revokedReason ?? afa.common.none), testId: 'letter-revoked' } : null}
      unit={t.deputy}
      meta={[
        { label: t.number, value: <bdi dir="ltr">{toPersianDigits(l.number)}</bdi>, testId: 'letter-number' },
        { label: t.date, value: jDate(l.issuedAt), testId: 'letter-date' },
      ]}
      holder={{
        caption: t.holder,
        rows: [
          { label: t.name, value: l.holderName },
          { label: t.fatherName, value: l.fatherName },
          { label: t.nationalCode, value: <bdi dir="ltr">{code}</bdi> },
          { label: t.birthDate, value: jDate(l.birthDate) },
          {
            label: t.station,
            value: (
              <>
                {l.stationName} — {l.villageName}، {l.districtName}، {l.countyName}، {l.provinceName}
              </>
            ),
          },
        ],
      }}
      signer={t.signature}
      signerNote={t.signatureNote}
      verify={{ qrSvg: l.qrSvg, qrLabel: t.qrLabel, qrTestId: 'letter-qr', text: t.verifyText, url: l.verifyUrl }}
    >
      <p className="amr-letter-line">
        <strong>{t.subject}: </strong>
        {t.subjectValue}
      </p>
      <p className="amr-letter-line">
        <strong>{t.to}</strong>
      </p>
      <p>{t.greeting}</p>
      <p className="cx-sheet-body" data-testid="letter-body">
        {t.body({
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
    </PrintSheet>
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
      <SheetPage back={afa.nav.mine} backTo="/amriyeh/my" print={lfa.letter.print}>
        <LetterSheet l={state.data} />
      </SheetPage>
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
