import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { RunView } from '../../api-types.js';
import { afa } from './fa.js';
import { rfa } from './fa-run.js';
import { AMR, api, ApiError, publicErrorMessage } from './http.js';
import { Alert, AmrPage, described, faNumber, faNum, Field, groupCode, jDateTime, Loading } from './ui.js';

const PAGE_SIZE = 50;

/** Persian text whose «quoted» parts are commands or keys: each quoted part kept left to right. */
function ltrQuotes(text: string) {
  return text.split(/(«[^»]*»)/).map((part, i) =>
    part.startsWith('«') ? (
      <span key={i}>
        «<bdi dir="ltr">{part.slice(1, -1)}</bdi>»
      </span>
    ) : (
      part
    ),
  );
}

/**
 * `/amriyeh/runs/:id`: a published selection — its lottery key, the hash of its input, how to recompute it, the
 * exact input and output files, and the list (masked national codes) page by page, searchable by a tracking code or
 * the visible digits of a masked national code. The page and the search are in the address. Public.
 */
export default function Run() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const [run, setRun] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [typed, setTyped] = useState(q);
  usePageTitle(rfa.run.title);

  useEffect(() => {
    let live = true;
    setError(null);
    if (!/^\d+$/.test(id)) {
      setError(rfa.run.notFound);
      return;
    }
    setLoading(true);
    const qs = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), ...(q ? { q } : {}) });
    api
      .get<RunView>(`${AMR}/runs/${id}?${qs}`)
      .then(
        (r) => live && setRun(r),
        (e: unknown) => live && setError(e instanceof ApiError && e.status === 404 ? rfa.run.notFound : publicErrorMessage(e)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id, q, page]);

  function go(next: { q?: string; page?: number }) {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const np = next.page ?? 1;
    if (nq) p.set('q', nq);
    if (np > 1) p.set('page', String(np));
    setParams(p);
  }

  if (error) {
    return (
      <AmrPage>
        <h1 className="cx-title">{rfa.run.title}</h1>
        <Alert testId="load-error">{error}</Alert>
      </AmrPage>
    );
  }
  if (!run) {
    return (
      <AmrPage>
        <h1 className="cx-title">{rfa.run.title}</h1>
        <Loading />
      </AmrPage>
    );
  }

  const pages = Math.max(1, Math.ceil(run.total / PAGE_SIZE));
  const scope = run.provinceName ?? afa.common.national;
  return (
    <AmrPage wide>
      <h1 className="cx-title">
        {rfa.run.title} — {scope}
      </h1>
      <section className="cx-card" aria-labelledby="run-facts">
        <h2 id="run-facts" className="cx-sr">
          {rfa.run.title}
        </h2>
        <dl className="cx-facts">
          <dt>{rfa.run.call}</dt>
          <dd>
            <Link to={`/amriyeh/calls/${run.callId}`}>{run.callTitle}</Link>
          </dd>
          <dt>{rfa.run.scope}</dt>
          <dd>{scope}</dd>
          <dt>{rfa.run.created}</dt>
          <dd>{jDateTime(run.createdAt)}</dd>
          <dt>{rfa.run.counts}</dt>
          <dd>{rfa.run.countsValue(faNumber(run.applicants), faNumber(run.selected), faNumber(run.reserve))}</dd>
          <dt>{rfa.run.seed}</dt>
          <dd className="amr-mono" data-testid="run-seed">
            <bdi dir="ltr">{run.seed}</bdi>
          </dd>
          <dt>{rfa.run.inputHash}</dt>
          <dd className="amr-mono amr-hash" data-testid="input-hash">
            <bdi dir="ltr">{run.inputHash}</bdi>
          </dd>
        </dl>
        <div className="cx-actions">
          <a className="cx-btn cx-btn-light" href={`${AMR}/runs/${run.id}/input.json`} download={`amriyeh-run-${run.id}-input.json`} data-testid="input-json">
            {rfa.run.input}
          </a>
          <a className="cx-btn cx-btn-light" href={`${AMR}/runs/${run.id}/output.json`} download={`amriyeh-run-${run.id}-output.json`} data-testid="output-json">
            {rfa.run.output}
          </a>
        </div>
        <details className="cx-details">
          <summary>{rfa.run.recompute}</summary>
          <p className="cx-pre amr-help" data-testid="recompute-help">
            {ltrQuotes(run.recomputeHelp)}
          </p>
        </details>
      </section>

      <section className="cx-card" aria-labelledby="rows-title">
        <h2 id="rows-title">{rfa.run.list}</h2>
        <form
          role="search"
          className="amr-search"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            go({ q: toAsciiDigits(typed).trim() });
          }}
        >
          <Field id="run-q" label={rfa.run.search} hint={rfa.run.searchHint}>
            <input
              {...described('run-q', true, null)}
              className="cx-input cx-ltr"
              type="search"
              autoComplete="off"
              value={toPersianDigits(typed)}
              onChange={(e) => setTyped(toAsciiDigits(e.currentTarget.value).slice(0, 40))}
            />
          </Field>
          <div className="cx-actions">
            <button type="submit" className="cx-btn">
              {rfa.run.find}
            </button>
            {q && (
              <button
                type="button"
                className="cx-btn cx-btn-light"
                onClick={() => {
                  setTyped('');
                  go({ q: '' });
                }}
              >
                {rfa.run.clear}
              </button>
            )}
          </div>
        </form>
        <p className="cx-muted" role="status" data-testid="row-count">
          {loading ? afa.common.loading : rfa.run.found(faNumber(run.total))}
        </p>
        {run.rows.length === 0 ? (
          <p className="cx-muted">{rfa.run.empty}</p>
        ) : (
          <div className="cx-table-wrap">
            <table className="cx-table cx-table-cards amr-rows" data-testid="run-rows">
              <caption className="cx-sr">{rfa.run.list}</caption>
              <thead>
                <tr>
                  <th scope="col">{rfa.run.rank}</th>
                  <th scope="col">{rfa.run.nationalCode}</th>
                  <th scope="col">{rfa.run.ref}</th>
                  <th scope="col">{rfa.run.score}</th>
                  <th scope="col">{rfa.run.result}</th>
                  <th scope="col">{rfa.run.station}</th>
                </tr>
              </thead>
              <tbody>
                {run.rows.map((r) => (
                  <tr key={r.ref} data-result={r.result}>
                    <td className="cx-num" data-label={rfa.run.rank}>{toPersianDigits(r.rank)}</td>
                    <td className="cx-num" data-label={rfa.run.nationalCode}>
                      <bdi dir="ltr">{toPersianDigits(r.maskedNationalCode)}</bdi>
                    </td>
                    <td className="cx-num" data-label={rfa.run.ref}>
                      <bdi dir="ltr">{groupCode(r.ref)}</bdi>
                    </td>
                    <td className="cx-num" data-label={rfa.run.score}>{faNum(r.score)}</td>
                    <td data-label={rfa.run.result}>
                      <span className="amr-result" data-result={r.result}>
                        {r.resultTitle}
                      </span>
                    </td>
                    <td data-label={rfa.run.station}>{r.stationName ?? afa.common.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav className="cx-actions amr-pager" aria-label={rfa.run.pages}>
            <button type="button" className="cx-btn cx-btn-light" disabled={page <= 1 || loading} onClick={() => go({ page: page - 1 })}>
              {rfa.run.prev}
            </button>
            <span aria-current="page">{rfa.run.page(toPersianDigits(Math.min(page, pages)), toPersianDigits(pages))}</span>
            <button type="button" className="cx-btn cx-btn-light" disabled={page >= pages || loading} onClick={() => go({ page: page + 1 })}>
              {rfa.run.next}
            </button>
          </nav>
        )}
      </section>
    </AmrPage>
  );
}
