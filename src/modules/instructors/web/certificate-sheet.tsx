// The instructor's qualification certificate as one official sheet: printed by the instructor from his page
// (public/Certificate.tsx) and by the staff from his profile (staff/CertificatePage.tsx). Plain markup on the shared
// sheet (web/components/PrintSheet.tsx), no Mantine, so both draw and print the same A4 page.
import { toPersianDigits } from '../../../core/fa/normalize.js';
import { PrintSheet } from '../../../web/components/PrintSheet.js';
import { faDigits } from '../../../web/format.js';
import type { Certificate } from '../api-types.js';
import { cfa } from './fa-certificate.js';
import './certificate-sheet.css';

/** Text isolated left to right inside a Persian sentence (LRI … PDI): the training ID's digit groups keep their order. */
const ltrText = (s: string) => `\u2066${s}\u2069`;

/** The certificate: holder, training ID, qualified fields, Jalali dates and the QR code of the public verification page. */
export function CertificateSheet({ c }: { c: Certificate }) {
  const id = toPersianDigits(c.trainingId);
  return (
    <PrintSheet
      title={cfa.title}
      titleId="cert-title"
      testId="certificate"
      className="ins-cert"
      data={{ 'data-valid': c.valid }}
      notice={c.valid ? null : { text: cfa.expired(faDigits(c.validUntil)), testId: 'cert-expired' }}
      unit={cfa.center}
      meta={[
        {
          label: cfa.trainingId,
          value: (
            <bdi dir="ltr" data-testid="cert-id">
              {id}
            </bdi>
          ),
        },
        { label: cfa.date, value: faDigits(c.qualifiedAt) },
      ]}
      holder={{
        caption: cfa.holder,
        rows: [
          { label: cfa.name, value: c.name, testId: 'cert-name' },
          { label: cfa.trainingId, value: <bdi dir="ltr">{id}</bdi> },
          { label: cfa.province, value: c.province },
          { label: cfa.qualifiedAt, value: faDigits(c.qualifiedAt) },
          { label: cfa.validUntil, value: faDigits(c.validUntil), testId: 'cert-valid-until' },
        ],
      }}
      signer={cfa.signature}
      signerNote={cfa.signatureNote}
      verify={{ qrSvg: c.qrSvg, qrLabel: cfa.qrLabel, qrTestId: 'cert-qr', text: cfa.verifyText, url: c.verifyUrl }}
    >
      <p className="cx-sheet-body">{cfa.body(c.name, ltrText(id))}</p>
      <ul className="ins-cert-fields" data-testid="cert-fields">
        {c.fields.map((f) => (
          <li key={f.key}>{f.title}</li>
        ))}
      </ul>
    </PrintSheet>
  );
}
