import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { CallView, RunSummary } from '../../api-types.js';
import { afa } from './fa.js';
import { kfa } from './fa-calls.js';
import { AMR, api, ApiError, publicErrorMessage } from './http.js';
import { Alert, AmrPage, faNumber, faNum, jDate, jDateTime, Loading, StateBadge } from './ui.js';

function runLabel(r: RunSummary): string {
  return kfa.call.runTitle(r.provinceName ?? kfa.call.national, jDateTime(r.createdAt));
}

/** `/amriyeh/calls/:id`: a call as published — rules, scoring criteria, quotas, the lottery key, the runs. Public. */
export default function CallPage() {
  const { id = '' } = useParams();
  const [call, setCall] = useState<CallView | null>(null);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(call?.title ?? kfa.calls.title);

  const load = useCallback(() => {
    setError(null);
    setCall(null);
    if (!/^\d+$/.test(id)) {
      setError(afa.common.notFound);
      return;
    }
    api.get<CallView>(`${AMR}/calls/${id}`).then(setCall, (e: unknown) =>
      setError(e instanceof ApiError && e.status === 404 ? afa.common.notFound : publicErrorMessage(e)),
    );
    api.get<{ items: RunSummary[] }>(`${AMR}/calls/${id}/runs`).then(
      (r) => setRuns(r.items),
      () => setRuns([]),
    );
  }, [id]);
  useEffect(load, [load]);

  if (error) {
    return (
      <AmrPage>
        <h1 className="cx-title">{kfa.calls.title}</h1>
        <Alert testId="load-error">{error}</Alert>
        <Link to="/amriyeh" className="cx-link-btn">
          {afa.common.back}
        </Link>
      </AmrPage>
    );
  }
  if (!call) {
    return (
      <AmrPage>
        <Loading />
      </AmrPage>
    );
  }

  const weightTotal = call.criteriaText.reduce((s, c) => s + c.weight, 0);
  return (
    <AmrPage>
      <h1 className="cx-title" data-testid="call-title">
        {call.title}
      </h1>
      <section className="cx-card" aria-labelledby="call-facts">
        <h2 id="call-facts" className="cx-sr">
          {kfa.call.state}
        </h2>
        <StateBadge state={call.state} title={call.stateTitle} />
        {call.description && <p className="cx-pre">{call.description}</p>}
        <dl className="cx-facts">
          <dt>{kfa.call.period}</dt>
          <dd>{kfa.call.periodValue(jDate(call.startsAt), jDate(call.endsAt))}</dd>
          <dt>{kfa.call.referenceDate}</dt>
          <dd>{jDate(call.referenceDate)}</dd>
          <dt>{kfa.call.nationalQuota}</dt>
          <dd>{kfa.call.persons(faNumber(call.nationalQuota))}</dd>
          <dt>{kfa.call.stationCount}</dt>
          <dd>{faNumber(call.stationCount)}</dd>
        </dl>
        {call.accepting ? (
          <Link className="cx-btn cx-btn-block" to={`/amriyeh/apply/${call.id}`} data-testid="apply">
            {kfa.call.apply}
          </Link>
        ) : (
          <p className="cx-muted">{kfa.call.notAccepting}</p>
        )}
      </section>

      <section className="cx-card" aria-labelledby="rules-title">
        <h2 id="rules-title">{kfa.call.rules}</h2>
        <ul className="amr-rules" data-testid="rules">
          {call.rulesText.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </section>

      <section className="cx-card" aria-labelledby="criteria-title">
        <h2 id="criteria-title">{kfa.call.criteria}</h2>
        <ul className="amr-criteria" data-testid="criteria">
          {call.criteriaText.map((c) => (
            <li key={c.kind}>
              <span className="amr-criterion-head">
                <strong>{c.title}</strong>
                <span className="amr-weight">{kfa.call.upTo(faNum(c.weight))}</span>
              </span>
              <span className="cx-hint">{c.description}</span>
            </li>
          ))}
        </ul>
        <p className="amr-criteria-total">
          {kfa.call.criteriaTotal}: {kfa.call.upTo(faNum(weightTotal))}
        </p>
      </section>

      <section className="cx-card" aria-labelledby="quotas-title">
        <h2 id="quotas-title">{kfa.call.quotas}</h2>
        {call.provinceQuotas.length === 0 ? (
          <p className="cx-muted">{kfa.call.noQuotas}</p>
        ) : (
          <div className="cx-table-wrap">
            <table className="cx-table" data-testid="quotas">
              <thead>
                <tr>
                  <th scope="col">{kfa.call.province}</th>
                  <th scope="col">{kfa.call.quota}</th>
                </tr>
              </thead>
              <tbody>
                {call.provinceQuotas.map((q) => (
                  <tr key={q.provinceId}>
                    <th scope="row">{q.provinceName}</th>
                    <td className="cx-num">{kfa.call.persons(faNumber(q.quota))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="cx-card" aria-labelledby="lottery-title">
        <h2 id="lottery-title">{kfa.call.lottery}</h2>
        <p className="cx-muted">{kfa.call.lotteryHelp}</p>
        {call.lotterySeed ? (
          <>
            <p className="amr-mono">
              <span className="cx-sr">{kfa.call.seed}: </span>
              <bdi dir="ltr" data-testid="seed">
                {call.lotterySeed}
              </bdi>
            </p>
            {call.seedPublishedAt && <p className="cx-muted">{kfa.call.seedAt(jDateTime(call.seedPublishedAt))}</p>}
          </>
        ) : (
          <p data-testid="seed-pending">{kfa.call.seedPending}</p>
        )}
      </section>

      <section className="cx-card" aria-labelledby="runs-title">
        <h2 id="runs-title">{kfa.call.runs}</h2>
        {runs === null ? (
          <Loading />
        ) : runs.length === 0 ? (
          <p className="cx-muted">{kfa.call.noRuns}</p>
        ) : (
          <ul className="amr-links" data-testid="runs">
            {runs.map((r) => (
              <li key={r.id}>
                <Link to={`/amriyeh/runs/${r.id}`}>{runLabel(r)}</Link>{' '}
                <span className="cx-muted">{kfa.call.runCounts(faNumber(r.applicants), faNumber(r.selected))}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AmrPage>
  );
}
