import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { LookupForm } from '../../../../web/components/LookupForm.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { LetterVerification } from '../../api-types.js';
import { afa } from './fa.js';
import { vfa } from './fa-verify.js';
import { api, ApiError, publicErrorMessage } from './http.js';
import { Alert, AmrPage, jDate, jDateTime, Loading } from './ui.js';

/** A letter number as typed or scanned: ASCII digits, no spaces. */
export function cleanNumber(s: string): string {
  return toAsciiDigits(s).replace(/\s+/g, '').slice(0, 40);
}

const numberTexts = {
  title: vfa.verify.title,
  intro: vfa.verify.intro,
  label: vfa.verify.number,
  hint: vfa.verify.numberHint,
  invalid: vfa.verify.numberInvalid,
  submit: vfa.verify.search,
};

function NumberForm({ initial = '' }: { initial?: string }) {
  return (
    <LookupForm
      id="letter-number"
      name="number"
      texts={numberTexts}
      initial={initial}
      maxLength={40}
      clean={(typed) => cleanNumber(typed) || null}
      to={(n) => `/verify/amriyeh/${encodeURIComponent(n)}`}
    />
  );
}

function Result({ v }: { v: LetterVerification }) {
  return (
    <section className="cx-card amr-verify" data-valid={v.valid} aria-labelledby="verify-result" data-testid="verify-result">
      <h2 id="verify-result" className={v.valid ? 'amr-ok' : 'amr-bad'} data-testid="verify-status">
        <span aria-hidden="true">{v.valid ? '✓ ' : '✗ '}</span>
        {v.valid ? vfa.verify.valid : vfa.verify.revoked}
      </h2>
      <dl className="cx-facts">
        <dt>{vfa.verify.number}</dt>
        <dd>
          <bdi dir="ltr">{toPersianDigits(v.number)}</bdi>
        </dd>
        <dt>{vfa.verify.holder}</dt>
        <dd data-testid="verify-holder">{v.holderName}</dd>
        <dt>{vfa.verify.station}</dt>
        <dd>{v.stationName}</dd>
        <dt>{vfa.verify.village}</dt>
        <dd>{v.villageName}</dd>
        <dt>{vfa.verify.province}</dt>
        <dd>{v.provinceName}</dd>
        <dt>{vfa.verify.call}</dt>
        <dd>{v.callTitle}</dd>
        <dt>{vfa.verify.issuedAt}</dt>
        <dd>{jDate(v.issuedAt)}</dd>
        {v.revoked && (
          <>
            <dt>{vfa.verify.revokedAt}</dt>
            <dd>{v.revokedAt ? jDateTime(v.revokedAt) : afa.common.none}</dd>
            <dt>{vfa.verify.revokedReason}</dt>
            <dd data-testid="revoked-reason">{v.revokedReason ?? afa.common.none}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** `/verify/amriyeh` and `/verify/amriyeh/:number`: is this amriyeh letter genuine, and still valid? Public. */
export default function Verify() {
  usePageTitle(vfa.verify.title);
  const params = useParams();
  const number = cleanNumber(params.number ?? '');
  const [result, setResult] = useState<LetterVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!number) return;
    let live = true;
    setLoading(true);
    api
      .get<LetterVerification>(`/api/v1/verify/amriyeh/${encodeURIComponent(number)}`)
      .then(
        (v) => live && setResult(v),
        (e: unknown) => live && setError(e instanceof ApiError && (e.status === 404 || e.status === 400) ? vfa.verify.notFound : publicErrorMessage(e)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [number]);

  return (
    <AmrPage>
      <h1 className="cx-title">{vfa.verify.title}</h1>
      {!number && <NumberForm />}
      {number && loading && <Loading />}
      {number && error && (
        <>
          <Alert testId="verify-error">{error}</Alert>
          <NumberForm initial={number} />
        </>
      )}
      {result && <Result v={result} />}
      {result && (
        <p>
          <Link to="/verify/amriyeh" className="cx-link-btn">
            {vfa.verify.another}
          </Link>
        </p>
      )}
    </AmrPage>
  );
}
