// The application under review on the instructor's own page (MyInstructor.tsx), its own chunk: shown only while one
// is open. Its state, what to add when it was returned, its history, and the way to correct and resubmit (the profile page), and withdrawing.
import { Link } from 'react-router';
import { ConfirmAction } from '../../../../web/components/ConfirmAction.js';
import type { ApplicationSummary, MyInstructor } from '../../api-types.js';
import { ofa } from './fa-open.js';
import { api, INS } from './http.js';
import { fieldTitles } from './MyParts.js';
import { faDigits, jDateTime, StateBadge } from './ui.js';

export default function OpenApplication({ a, onChanged }: { a: ApplicationSummary; onChanged: (v: MyInstructor, notice: 'withdrawn') => void }) {
  const returned = a.state === 'returned';
  return (
    <section className="cx-card" aria-labelledby="open-title" data-testid="open-application">
      <h2 id="open-title">{ofa.title}</h2>
      <StateBadge state={a.state} title={a.stateTitle} />
      <dl className="cx-facts">
        <dt>{ofa.kind}</dt>
        <dd>{a.kindTitle}</dd>
        <dt>{ofa.code}</dt>
        <dd>
          <bdi dir="ltr" data-testid="tracking-code">
            {faDigits(a.trackingCode)}
          </bdi>
        </dd>
        <dt>{ofa.created}</dt>
        <dd>{jDateTime(a.createdAt)}</dd>
        <dt>{ofa.fields}</dt>
        <dd>{fieldTitles(a).join('، ')}</dd>
      </dl>
      {returned && (
        <div className="cx-msg" data-kind="info_request" data-testid="return-comment">
          <div className="cx-msg-head">
            <strong>{ofa.returnComment}</strong>
          </div>
          {a.returnComment && <p>{a.returnComment}</p>}
          <p className="cx-hint">{ofa.returnedHelp}</p>
        </div>
      )}
      <div className="cx-actions">
        {returned && (
          <Link to="/instructors/profile" className="cx-btn" data-testid="edit-resubmit">
            {ofa.editAndResubmit}
          </Link>
        )}
        <ConfirmAction
          testId="withdraw"
          label={ofa.withdraw}
          question={ofa.withdrawConfirm}
          yes={ofa.withdrawYes}
          no={ofa.withdrawNo}
          onConfirm={async () => onChanged(await api.post<MyInstructor>(`${INS}/me/applications/${encodeURIComponent(a.id)}/withdraw`), 'withdrawn')}
        />
      </div>
      <h3>{ofa.history}</h3>
      <History a={a} />
    </section>
  );
}

function History({ a }: { a: ApplicationSummary }) {
  return (
    <ol className="cx-timeline" data-testid="history">
      {a.history.map((h) => (
        <li key={h.seq}>
          <div className="cx-msg" data-kind={h.toState === 'returned' ? 'info_request' : 'reply'}>
            <div className="cx-msg-head">
              <strong>
                {h.actionTitle} — {h.toStateTitle}
              </strong>
              <time dateTime={h.at}>{jDateTime(h.at)}</time>
            </div>
            {h.comment && <p>{h.comment}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
