import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { MyInstructor } from '../../api-types.js';
import { ifa } from './fa.js';
import { mfa } from './fa-my.js';
import { api, ApiError, INS, problemMessages, publicErrorMessage } from './http.js';
import { Courses, Past, Scores } from './MyParts.js';
import { Alert, faScore, faDigits, faTrainingId, InsPage, InsSignIn, Loading, StateBadge } from './ui.js';
import { useMine } from './useMine.js';

// The application under review, with its actions: its own chunk, fetched only while one is open.
const OpenApplication = lazy(() => import('./MyOpen.js'));

type Notice = keyof typeof mfa.notices;

/** File an application (initial, renewal or a review of changes: the server derives which). */
function Apply({ me, onDone }: { me: MyInstructor; onDone: (v: MyInstructor) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  if (!me.canApply) return null;
  const kind = me.canApply;

  async function apply() {
    setBusy(true);
    setError(null);
    setMissing([]);
    try {
      onDone(await api.post<MyInstructor>(`${INS}/me/applications`, {}));
    } catch (err) {
      setError(publicErrorMessage(err));
      if (err instanceof ApiError && err.code === 'profile_incomplete') setMissing(problemMessages(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ins-apply" data-testid="apply-box">
      {kind === 'renewal' && <p className="cx-hint">{me.status === 'expired' ? mfa.apply.expiredHelp : mfa.apply.renewalHelp}</p>}
      <Alert testId="apply-error">{error}</Alert>
      {missing.length > 0 && (
        <ul className="ins-missing" data-testid="apply-missing">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="cx-actions">
        <button type="button" className="cx-btn" disabled={busy} onClick={() => void apply()} data-testid="apply">
          {busy ? mfa.apply.sending : mfa.apply[kind]}
        </button>
        <Link to="/instructors/profile" className="cx-btn cx-btn-light">
          {mfa.editProfile}
        </Link>
      </div>
    </div>
  );
}

function Status({ me, onApplied }: { me: MyInstructor; onApplied: (v: MyInstructor) => void }) {
  const name = `${me.profile.firstName} ${me.profile.lastName}`;
  return (
    <section className="cx-card" aria-labelledby="status-title" data-testid="status-card">
      <h2 id="status-title">{name}</h2>
      <StateBadge state={me.status} title={me.statusTitle} />
      <dl className="cx-facts">
        {me.trainingId && (
          <>
            <dt>{mfa.status.trainingId}</dt>
            <dd>
              <bdi dir="ltr" className="ins-id" data-testid="training-id">
                {faTrainingId(me.trainingId)}
              </bdi>
            </dd>
          </>
        )}
        {me.qualifiedFields.length > 0 && (
          <>
            <dt>{mfa.status.fields}</dt>
            <dd data-testid="qualified-fields">{me.qualifiedFields.map((f) => f.title).join('، ')}</dd>
          </>
        )}
        {me.qualifiedUntil && (
          <>
            <dt>{mfa.status.validUntil}</dt>
            <dd data-testid="valid-until">{faDigits(me.qualifiedUntil)}</dd>
          </>
        )}
        <dt>{mfa.status.rating}</dt>
        <dd data-testid="rating">{me.rating.count > 0 ? mfa.status.ratingValue(faScore(me.rating.average), toPersianDigits(me.rating.count)) : mfa.status.noRating}</dd>
      </dl>
      {me.status === 'draft' && !me.open && (
        <p className="cx-hint">
          {mfa.status.draftHelp} {mfa.status.completeness(toPersianDigits(me.completeness.percent))}
        </p>
      )}
      {me.changedSinceQualification && <Alert tone="info">{mfa.status.changed}</Alert>}
      {!me.open && <Apply me={me} onDone={onApplied} />}
      <div className="cx-actions">
        {me.trainingId && (
          <Link to="/instructors/me/certificate" className="cx-btn cx-btn-light" data-testid="certificate-link">
            {mfa.status.certificate}
          </Link>
        )}
        {(me.open || !me.canApply) && (
          <Link to="/instructors/profile" className="cx-btn cx-btn-light">
            {mfa.editProfile}
          </Link>
        )}
      </div>
    </section>
  );
}

/**
 * `/instructors/me`: the signed-in instructor's status — the application under review (state, history, what to add
 * when returned; resubmit or withdraw), the pre-score per field by criterion, the training ID, qualified fields and
 * validity with renewal, ratings, courses, and the certificate.
 */
export default function MyInstructorPage() {
  usePageTitle(mfa.title);
  const location = useLocation();
  const navigate = useNavigate();
  const { state, load, show, otherMobile } = useMine();
  const [notice, setNotice] = useState<Notice | null>(((location.state as { notice?: Notice } | null)?.notice) ?? null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The notice came with the navigation: forget it in the history entry so a reload does not show it again.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function changed(me: MyInstructor, n: Notice) {
    show(me);
    setNotice(n);
    window.scrollTo(0, 0);
    setTimeout(() => heading.current?.focus(), 0);
  }

  return (
    <InsPage>
      <h1 className="cx-title" ref={heading} tabIndex={-1}>
        {mfa.title}
      </h1>
      {notice && (
        <Alert tone="ok" testId="notice">
          {mfa.notices[notice]}
        </Alert>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <InsSignIn subtitle={mfa.signIn} onSignedIn={() => load()} />}
      {state.kind === 'error' && <Alert testId="load-error">{state.message}</Alert>}
      {state.kind === 'open' && !state.me && (
        <section className="cx-card">
          <p>{mfa.noProfile}</p>
          <div>
            <Link to="/instructors/profile" className="cx-btn" data-testid="make-profile">
              {mfa.makeProfile}
            </Link>
          </div>
        </section>
      )}
      {state.kind === 'open' && state.me && (
        <>
          <Status me={state.me} onApplied={(v) => changed(v, 'applied')} />
          {state.me.open && (
            <Suspense fallback={<Loading />}>
              <OpenApplication a={state.me.open} onChanged={changed} />
            </Suspense>
          )}
          <Scores scores={state.me.preScores} />
          <Courses courses={state.me.courses} />
          {state.me.past.length > 0 && <Past past={state.me.past} />}
        </>
      )}
      {state.kind === 'open' && (
        <p className="cx-muted">
          {ifa.common.signedInAs(toPersianDigits(state.citizen.mobile))}{' '}
          <button type="button" className="cx-link-btn" onClick={otherMobile}>
            {ifa.common.otherMobile}
          </button>
        </p>
      )}
    </InsPage>
  );
}
