import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, ApiError } from '../../../../web/api.js';
import { currentCitizen, publicErrorMessage } from '../../../../web/citizen-auth.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { jDateTime } from '../../../../web/format.js';
import type { HistoryItem, MyEntries, OwnerEntry, RoundPublic } from '../../api-types.js';
import { MAX_ENTRIES_PER_OWNER } from '../../enums.js';
import { FEST, ownDocumentUrl } from '../shared/paths.js';
import { ffa } from './fa.js';
import { FestSignIn } from './SignIn.js';
import { mfa } from './fa-my.js';
import { Alert, FestPage, LoadFailed, Loading, StateBadge } from './ui.js';
import { liveCount } from './useMine.js';

// The form is fetched once the entrepreneur is signed in and the plan loaded (the sign-in step stays light).
const PlanForm = lazy(() => import('../shared/PlanForm.js'));
// A plan that may not be edited now (under review, judged, selected…) is only read: the view without the form.
const PlanView = lazy(() => import('../shared/PlanView.js'));
// Withdraw / delete, only for an entry that allows one.
const EntryActions = lazy(() => import('../shared/EntryActions.js').then((m) => ({ default: m.EntryActions })));

type PageState =
  | { kind: 'loading' }
  | { kind: 'auth' }
  | { kind: 'error'; message: string }
  | { kind: 'closed'; message: string }
  | { kind: 'open'; round: RoundPublic; formKey: string; readOnly: boolean };

function History({ items }: { items: HistoryItem[] }) {
  return (
    <section className="cx-card" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{mfa.history}</h2>
      {items.length === 0 ? (
        <p className="cx-muted">{mfa.noHistory}</p>
      ) : (
        <ol className="cx-timeline">
          {items.map((h, i) => (
            <li key={i}>
              <div className="cx-msg-head">
                <strong>{h.actionTitle}</strong>
                <span>{jDateTime(h.at)}</span>
              </div>
              <p className="cx-hint">{`${h.toStateTitle} — ${h.actor}`}</p>
              {h.comment && <p className="cx-pre">{h.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * `/festival/my/new` and `/festival/my/:id`: the entrepreneur's plan — the form (PlanForm, any village), its state,
 * tracking code, award, withdraw / delete, and its history. After the first save of a new plan the address becomes
 * the plan's own (the form stays as it is).
 */
export default function MyEntryPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [entry, setEntry] = useState<OwnerEntry | null>(null);
  const [attempt, setAttempt] = useState(0);
  usePageTitle(entry?.plan.title || mfa.newTitle);

  useEffect(() => {
    if (id && entry?.id === id) return; // the plan just saved here: already shown
    let live = true;
    setPage({ kind: 'loading' });
    void (async () => {
      if (!(await currentCitizen())) return live && setPage({ kind: 'auth' });
      try {
        if (id) {
          const e = await api.get<OwnerEntry>(`${FEST}/mine/entries/${encodeURIComponent(id)}`);
          const round = await api.get<RoundPublic>(`${FEST}/rounds/${e.roundId}/public`);
          if (!live) return;
          setEntry(e);
          setPage({ kind: 'open', round, formKey: e.id, readOnly: !e.can.edit });
          return;
        }
        const mine = await api.get<MyEntries>(`${FEST}/mine`);
        if (!live) return;
        if (!mine.round || mine.round.phase !== 'accepting') return setPage({ kind: 'closed', message: mfa.noOpenRound });
        if (liveCount(mine.entries, mine.round.id) >= MAX_ENTRIES_PER_OWNER) return setPage({ kind: 'closed', message: mfa.limit(toPersianDigits(MAX_ENTRIES_PER_OWNER)) });
        setEntry(null);
        setPage({ kind: 'open', round: mine.round, formKey: 'new', readOnly: false });
      } catch (err) {
        if (!live) return;
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setPage({ kind: 'auth' });
        else if (err instanceof ApiError && err.status === 404) setPage({ kind: 'closed', message: mfa.notFound });
        else setPage({ kind: 'error', message: publicErrorMessage(err) });
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, attempt]);

  /** Withdrawn: the form opens again, read-only. */
  function withdrawn(e: OwnerEntry) {
    setEntry(e);
    setPage((p) => (p.kind === 'open' ? { ...p, formKey: `${e.id}:${e.version}` } : p));
  }

  function changed(e: OwnerEntry) {
    setEntry(e);
    if (!id) void navigate(`/festival/my/${e.id}`, { replace: true });
  }

  return (
    <FestPage>
      <Link to="/festival/my" className="fe-back">
        {mfa.back}
      </Link>
      <h1 className="cx-title">{entry ? entry.plan.title || ffa.common.untitled : mfa.newTitle}</h1>
      {page.kind === 'loading' && <Loading />}
      {page.kind === 'auth' && <FestSignIn subtitle={mfa.signIn} onSignedIn={() => setAttempt((a) => a + 1)} />}
      {page.kind === 'error' && <LoadFailed message={page.message} onRetry={() => setAttempt((a) => a + 1)} />}
      {page.kind === 'closed' && <Alert tone="info">{page.message}</Alert>}
      {page.kind === 'open' && (
        <>
          {entry && (
            <div className="fe-entry-status">
              <StateBadge state={entry.state} title={entry.stateTitle} />
              {entry.trackingCode && (
                <span>
                  {mfa.tracking}:{' '}
                  <bdi dir="ltr" data-testid="tracking-code">
                    {toPersianDigits(entry.trackingCode)}
                  </bdi>
                </span>
              )}
              {entry.award && (
                <span className="fe-award" data-testid="award">
                  {entry.award}
                </span>
              )}
              {entry.state === 'selected' && <Link to={`/showcase/${entry.id}`}>{mfa.onShowcase}</Link>}
            </div>
          )}
          {entry?.reviewerComment && entry.state === 'ineligible' && (
            <p className="cx-msg" data-kind="info_request">
              <strong>{mfa.reviewerComment}: </strong>
              {entry.reviewerComment}
            </p>
          )}
          <Suspense fallback={<Loading />}>
            {entry && page.readOnly ? (
              <div className="cx-card">
                {(entry.state === 'province_screening' || entry.state === 'national_screening') && <Alert tone="info">{mfa.underReview}</Alert>}
                <PlanView plan={entry.plan} axes={page.round.axes} place={entry.place} ownerKind={entry.ownerKind} photoUrl={ownDocumentUrl} showContact />
              </div>
            ) : (
              <PlanForm key={page.formKey} round={page.round} entry={entry} villages="pick" onChange={changed} />
            )}
          </Suspense>
          {entry && (entry.can.withdraw || entry.can.delete) && (
            <Suspense fallback={null}>
              <EntryActions entry={entry} onChange={withdrawn} onDeleted={() => void navigate('/festival/my', { state: { notice: mfa.deleted } })} />
            </Suspense>
          )}
          {entry && <History items={entry.history} />}
        </>
      )}
    </FestPage>
  );
}
