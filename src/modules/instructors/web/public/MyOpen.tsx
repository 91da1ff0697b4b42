// The application under review on the instructor's own page (MyInstructor.tsx), its own chunk: shown only while one
// is open. Its state, what to add when it was returned, its history, and the way to correct and resubmit (the profile page), and withdrawing.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationSummary, MyInstructor } from '../../api-types.js';
import { ofa } from './fa-open.js';
import { api, INS, publicErrorMessage } from './http.js';
import { fieldTitles } from './MyParts.js';
import { faDigits, jDateTime, StateBadge } from './ui.js';

function Withdraw({ id, onDone }: { id: string; onDone: (v: MyInstructor) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const yes = useRef<HTMLButtonElement>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<MyInstructor>(`${INS}/me/applications/${encodeURIComponent(id)}/withdraw`));
    } catch (err) {
      setError(publicErrorMessage(err));
      setBusy(false);
    }
  }

  if (!asking) {
    return (
      <button
        type="button"
        className="cx-btn cx-btn-danger"
        data-testid="withdraw"
        onClick={() => {
          setAsking(true);
          setTimeout(() => yes.current?.focus(), 0);
        }}
      >
        {ofa.withdraw}
      </button>
    );
  }
  return (
    <div className="cx-alert ins-confirm" role="group" aria-labelledby="withdraw-q" data-testid="withdraw-confirm">
      <p id="withdraw-q">{ofa.withdrawConfirm}</p>
      {error && <p className="cx-error">{error}</p>}
      <div className="cx-actions">
        <button ref={yes} type="button" className="cx-btn cx-btn-danger" onClick={() => void confirm()} disabled={busy} data-testid="withdraw-yes">
          {ofa.withdrawYes}
        </button>
        <button type="button" className="cx-btn cx-btn-light" onClick={() => setAsking(false)} disabled={busy}>
          {ofa.withdrawNo}
        </button>
      </div>
    </div>
  );
}

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
        <Withdraw id={a.id} onDone={(v) => onChanged(v, 'withdrawn')} />
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
