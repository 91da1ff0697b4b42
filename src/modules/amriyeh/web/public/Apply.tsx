import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Steps } from '../../../../web/components/Steps.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { CallView } from '../../api-types.js';
import { afa } from './fa.js';
import { AMR, api, ApiError, currentCitizen, publicErrorMessage, type Citizen } from './http.js';
import { Alert, AmrPage, AmrSignIn, jDate, Loading } from './ui.js';

// The form is its own chunk, fetched once the applicant is signed in: step 1 does not wait for its code.
const ApplicationForm = lazy(() => import('./ApplicationForm.js'));

type Step = 'checking' | 'auth' | 'form' | 'review';
const STEP_INDEX: Record<Step, number> = { checking: 0, auth: 0, form: 1, review: 2 };

/**
 * `/amriyeh/apply/:callId`: (1) mobile and one-time code (skipped when signed in as a citizen), (2) the form,
 * (3) the eligibility check and the expected score, (4) submitted → the application's page.
 */
export default function Apply() {
  usePageTitle(afa.apply.title);
  const { callId = '' } = useParams();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('checking');
  const [citizen, setCitizen] = useState<Citizen | null>(null);
  const [call, setCall] = useState<CallView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formShown, setFormShown] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    if (!/^\d+$/.test(callId)) {
      setError(afa.common.notFound);
      return;
    }
    api.get<CallView>(`${AMR}/calls/${callId}`).then(
      (c) => live && setCall(c),
      (e: unknown) => live && setError(e instanceof ApiError && e.status === 404 ? afa.common.notFound : publicErrorMessage(e)),
    );
    void currentCitizen().then((c) => {
      if (!live) return;
      setCitizen(c);
      if (c) {
        setFormShown(true);
        setStep('form');
      } else setStep('auth');
    });
    return () => {
      live = false;
    };
  }, [callId]);

  function go(next: Step) {
    setStep(next);
    if (next !== 'review') {
      window.scrollTo(0, 0);
      setTimeout(() => heading.current?.focus(), 0);
    }
  }

  if (error) {
    return (
      <AmrPage>
        <h1 className="cx-title">{afa.apply.title}</h1>
        <Alert testId="load-error">{error}</Alert>
        <Link to="/amriyeh" className="cx-link-btn">
          {afa.common.back}
        </Link>
      </AmrPage>
    );
  }

  return (
    <AmrPage wide>
      <h1 className="cx-title" ref={heading} tabIndex={-1}>
        {afa.apply.title}
      </h1>
      {call && (
        <p className="cx-lead" data-testid="call-title">
          <Link to={`/amriyeh/calls/${call.id}`}>{call.title}</Link> — {afa.common.period(jDate(call.startsAt), jDate(call.endsAt))}
        </p>
      )}
      <Steps labels={afa.apply.steps} at={STEP_INDEX[step]} />
      {(step === 'checking' || !call) && <Loading />}
      {call && !call.accepting && <Alert testId="not-accepting">{afa.apply.notAccepting}</Alert>}
      {call && call.accepting && step === 'auth' && (
        <AmrSignIn
          onSignedIn={(c) => {
            setCitizen(c);
            setFormShown(true);
            go('form');
          }}
        />
      )}
      {call && call.accepting && formShown && citizen && (
        <div hidden={step === 'auth'}>
          <Suspense fallback={<Loading />}>
            <ApplicationForm
              call={call}
              citizen={citizen}
              onStep={(s) => setStep(s)}
              onNeedAuth={() => go('auth')}
              onDone={(view) => {
                void navigate(`/amriyeh/my/${view.id}`, { state: { notice: 'submitted' } });
              }}
            />
          </Suspense>
        </div>
      )}
    </AmrPage>
  );
}
