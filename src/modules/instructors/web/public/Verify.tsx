import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LookupForm } from '../../../../web/components/LookupForm.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { TrainingIdVerification } from '../../api-types.js';
import { normalizeTrainingId } from '../../training-id.js';
import { vfa } from './fa-verify.js';
import { api, ApiError, publicErrorMessage } from './http.js';
import { Alert, faDigits, faTrainingId, InsPage, Loading } from './ui.js';

const texts = { title: vfa.title, intro: vfa.intro, label: vfa.label, hint: vfa.hint, invalid: vfa.invalid, submit: vfa.search };

function IdForm({ initial = '' }: { initial?: string }) {
  return (
    <LookupForm
      id="training-id"
      name="trainingId"
      texts={texts}
      initial={initial}
      maxLength={24}
      drop={/[^\d۰-۹٠-٩\s-]/g}
      clean={normalizeTrainingId}
      to={(id) => `/verify/training-id/${id}`}
    />
  );
}

function Result({ v }: { v: TrainingIdVerification }) {
  return (
    <section className="cx-card ins-verify" data-valid={v.valid} aria-labelledby="verify-result" data-testid="verify-result">
      <h2 id="verify-result" className={v.valid ? 'ins-ok' : 'ins-bad'} data-testid="verify-status">
        <span aria-hidden="true">{v.valid ? '✓ ' : '✗ '}</span>
        {v.valid ? vfa.valid : vfa.expired}
      </h2>
      <dl className="cx-facts">
        <dt>{vfa.trainingId}</dt>
        <dd>
          <bdi dir="ltr" data-testid="verify-id">
            {faTrainingId(v.trainingId)}
          </bdi>
        </dd>
        <dt>{vfa.name}</dt>
        <dd data-testid="verify-name">{v.name}</dd>
        <dt>{vfa.province}</dt>
        <dd>{v.province}</dd>
        <dt>{vfa.fields}</dt>
        <dd>
          <ul className="ins-inline-list" data-testid="verify-fields">
            {v.fields.map((f) => (
              <li key={f.key}>{f.title}</li>
            ))}
          </ul>
        </dd>
        <dt>{vfa.qualifiedAt}</dt>
        <dd>{faDigits(v.qualifiedAt)}</dd>
        <dt>{vfa.expiresAt}</dt>
        <dd data-testid="verify-expires">{faDigits(v.expiresAt)}</dd>
      </dl>
    </section>
  );
}

/**
 * `/verify/training-id` and `/verify/training-id/:id`: is this instructor's training ID genuine, and is his
 * qualification still valid? Public. A typo (the check digit) is caught here before asking the server.
 */
export default function Verify() {
  usePageTitle(vfa.title);
  const params = useParams();
  const navigate = useNavigate();
  const typed = params.id ?? '';
  const id = typed ? normalizeTrainingId(typed) : null;
  const [result, setResult] = useState<TrainingIdVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!typed) return;
    if (!id) {
      setError(vfa.typo);
      return;
    }
    // An ID typed or scanned in another form (Persian digits, no dashes) gets its canonical address.
    if (typed !== id) {
      void navigate(`/verify/training-id/${id}`, { replace: true });
      return;
    }
    let live = true;
    setLoading(true);
    api
      .get<TrainingIdVerification>(`/api/v1/verify/training-id/${encodeURIComponent(id)}`)
      .then(
        (v) => live && setResult(v),
        (e: unknown) => {
          if (!live) return;
          if (e instanceof ApiError && e.status === 400) setError(vfa.typo);
          else if (e instanceof ApiError && e.status === 404) setError(vfa.notFound);
          else setError(publicErrorMessage(e));
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [typed, id, navigate]);

  return (
    <InsPage>
      <h1 className="cx-title">{vfa.title}</h1>
      {!typed && <IdForm />}
      {loading && <Loading />}
      {error && (
        <>
          <Alert testId="verify-error">{error}</Alert>
          <IdForm initial={id ?? typed} />
        </>
      )}
      {result && <Result v={result} />}
      {result && (
        <p>
          <Link to="/verify/training-id" className="cx-link-btn">
            {vfa.another}
          </Link>
        </p>
      )}
    </InsPage>
  );
}
