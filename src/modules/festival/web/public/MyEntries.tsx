import { Link, useLocation } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { jDate } from '../../../../web/format.js';
import type { OwnerEntry } from '../../api-types.js';
import { MAX_ENTRIES_PER_OWNER } from '../../enums.js';
import { Deadline } from '../shared/Deadline.js';
import { ffa } from './fa.js';
import { FestSignIn } from './SignIn.js';
import { mfa } from './fa-my.js';
import { Questions } from './Questions.js';
import { Alert, FestPage, LoadFailed, Loading, StateBadge } from './ui.js';
import { liveCount, useMine } from './useMine.js';

function EntryCard({ e }: { e: OwnerEntry }) {
  return (
    <li className="cx-card fe-entry" data-testid="entry">
      <div className="fe-entry-head">
        <Link to={`/festival/my/${e.id}`} className="fe-entry-title">
          {e.plan.title || ffa.common.untitled}
        </Link>
        <StateBadge state={e.state} title={e.stateTitle} />
      </div>
      <dl className="cx-facts">
        <dt>{mfa.roundLabel}</dt>
        <dd>{toPersianDigits(e.roundYear)}</dd>
        <dt>{mfa.village}</dt>
        <dd>{`${e.place.village}، ${e.place.province}`}</dd>
        {e.trackingCode && (
          <>
            <dt>{mfa.tracking}</dt>
            <dd>
              <bdi dir="ltr" data-testid="tracking-code">{toPersianDigits(e.trackingCode)}</bdi>
            </dd>
          </>
        )}
        <dt>{e.submittedAt ? mfa.submitted : mfa.updated}</dt>
        <dd>{jDate(e.submittedAt ?? e.updatedAt)}</dd>
        {e.state === 'draft' && (
          <>
            <dt>{mfa.ready}</dt>
            <dd>{mfa.completeness(toPersianDigits(e.completeness.percent))}</dd>
          </>
        )}
        {e.award && (
          <>
            <dt>{mfa.award}</dt>
            <dd className="fe-award" data-testid="award">{e.award}</dd>
          </>
        )}
      </dl>
      {e.reviewerComment && (e.state === 'returned' || e.state === 'ineligible') && (
        <p className="cx-msg" data-kind="info_request">
          <strong>{mfa.reviewerComment}: </strong>
          {e.reviewerComment}
        </p>
      )}
      <div className="cx-actions">
        <Link to={`/festival/my/${e.id}`} className="cx-btn cx-btn-light">
          {e.can.edit ? mfa.open : mfa.view}
        </Link>
        {e.state === 'selected' && (
          <Link to={`/showcase/${e.id}`} className="cx-btn cx-btn-light">
            {mfa.onShowcase}
          </Link>
        )}
      </div>
    </li>
  );
}

/** `/festival/my`: the entrepreneur's entries of every round, the open round's deadline, «new plan», questions to answer. */
export default function MyEntriesPage() {
  usePageTitle(mfa.title);
  const { state, load, otherMobile } = useMine();
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;

  return (
    <FestPage>
      <h1 className="cx-title">{mfa.title}</h1>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'auth' && <FestSignIn subtitle={mfa.signIn} onSignedIn={() => load()} />}
      {state.kind === 'error' && <LoadFailed message={state.message} onRetry={() => void load()} />}
      {state.kind === 'open' && (
        <>
          <p className="cx-hint fe-signed">
            {ffa.common.signedInAs(toPersianDigits(state.citizen.mobile))}{' '}
            <button type="button" className="cx-link-btn" onClick={otherMobile}>
              {ffa.common.otherMobile}
            </button>
          </p>
          <Alert tone="ok">{notice}</Alert>
          {state.mine.round?.phase === 'accepting' ? (
            <section className="cx-card" aria-label={state.mine.round.title}>
              <strong>{state.mine.round.title}</strong>
              <Deadline round={state.mine.round} />
              {liveCount(state.mine.entries, state.mine.round.id) < MAX_ENTRIES_PER_OWNER ? (
                <Link to="/festival/my/new" className="cx-btn fe-new" data-testid="new-plan">
                  + {mfa.newPlan}
                </Link>
              ) : (
                <p className="cx-hint">{mfa.limit(toPersianDigits(MAX_ENTRIES_PER_OWNER))}</p>
              )}
            </section>
          ) : (
            <p className="cx-alert cx-alert-info">{mfa.noOpenRound}</p>
          )}
          {state.mine.entries.length === 0 ? (
            <p className="cx-muted" data-testid="no-entries">{mfa.empty}</p>
          ) : (
            <ul className="fe-entries" data-testid="entries">
              {state.mine.entries.map((e) => (
                <EntryCard key={e.id} e={e} />
              ))}
            </ul>
          )}
          <Questions />
        </>
      )}
    </FestPage>
  );
}
