import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { CallSummary } from '../../api-types.js';
import { afa } from './fa.js';
import { kfa } from './fa-calls.js';
import { AMR, api, publicErrorMessage } from './http.js';
import { Alert, AmrPage, faNumber, jDate, Loading, StateBadge } from './ui.js';

function CallCard({ c }: { c: CallSummary }) {
  return (
    <li className="cx-card amr-call" data-testid="call" data-call-id={c.id}>
      <h3>
        <Link to={`/amriyeh/calls/${c.id}`}>{c.title}</Link>
      </h3>
      <StateBadge state={c.state} title={c.stateTitle} />
      <p className="cx-muted">{kfa.calls.period(jDate(c.startsAt), jDate(c.endsAt))}</p>
      <p className="cx-muted">
        {kfa.calls.quota(faNumber(c.nationalQuota))} — {kfa.calls.stations(faNumber(c.stationCount))}
      </p>
      <div className="cx-actions">
        <Link className="cx-btn cx-btn-light" to={`/amriyeh/calls/${c.id}`}>
          {kfa.calls.details}
        </Link>
        {c.accepting && (
          <Link className="cx-btn" to={`/amriyeh/apply/${c.id}`} data-testid="apply">
            {kfa.calls.apply}
          </Link>
        )}
      </div>
    </li>
  );
}

/** `/amriyeh`: the calls (فراخوان‌ها) of the rural firefighter amriyeh, open ones first. Public. */
export default function Calls() {
  usePageTitle(kfa.calls.title);
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  function load() {
    setError(null);
    api.get<{ items: CallSummary[] }>(`${AMR}/calls`).then(
      (r) => setCalls(r.items),
      (e: unknown) => setError(publicErrorMessage(e)),
    );
  }
  useEffect(load, []);

  const open = calls?.filter((c) => c.accepting) ?? [];
  const others = calls?.filter((c) => !c.accepting) ?? [];

  return (
    <AmrPage>
      <h1 className="cx-title">{kfa.calls.title}</h1>
      <p className="cx-lead">{kfa.calls.intro}</p>
      {error && (
        <Alert>
          {error}{' '}
          <button type="button" className="cx-link-btn" onClick={load}>
            {afa.common.retry}
          </button>
        </Alert>
      )}
      {!calls && !error && <Loading />}
      {calls && (
        <>
          <section aria-labelledby="open-title" className="amr-section">
            <h2 id="open-title">{kfa.calls.open}</h2>
            {open.length === 0 ? (
              <p className="cx-muted">{kfa.calls.none}</p>
            ) : (
              <ul className="amr-list" data-testid="open-calls">
                {open.map((c) => (
                  <CallCard key={c.id} c={c} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="others-title" className="amr-section">
            <h2 id="others-title">{kfa.calls.others}</h2>
            {others.length === 0 ? (
              <p className="cx-muted">{kfa.calls.noneOthers}</p>
            ) : (
              <ul className="amr-list" data-testid="other-calls">
                {others.map((c) => (
                  <CallCard key={c.id} c={c} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <div className="cx-actions">
        <Link to="/amriyeh/my" className="cx-btn cx-btn-light">
          {kfa.calls.mineLink}
        </Link>
        <Link to="/verify/amriyeh" className="cx-btn cx-btn-light">
          {kfa.calls.verifyLink}
        </Link>
      </div>
    </AmrPage>
  );
}
