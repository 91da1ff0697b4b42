import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { described, Field } from '../../../../web/components/form.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import type { ShowcaseFacets, ShowcasePage } from '../../api-types.js';
import { SHOWCASE } from '../shared/paths.js';
import { sfa } from './fa-showcase.js';
import { ShowcaseCard } from './ShowcaseCard.js';
import { apiQuery, filtersFromParams, isFiltered, MIN_JOBS, PAGE_SIZE, pageList, paramsFromFilters, SORTS, withFilters, type ShowcaseFilters } from './showcase-query.js';
import { FestPage, LoadFailed, Loading } from './ui.js';
// After ui.js (the shell's page styles and festival.css): the showcase's own rules.
import './showcase.css';

function Choice({ id, label, value, onChange, all, children }: { id: string; label: string; value: string; onChange: (v: string) => void; all?: string; children: ReactNode }) {
  return (
    <Field id={id} label={label}>
      <select {...described(id, false, null)} className="cx-select" value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={id}>
        {all !== undefined && <option value="">{all}</option>}
        {children}
      </select>
    </Field>
  );
}

function Pager({ page, pages, go }: { page: number; pages: number; go: (p: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="fe-pager" aria-label={sfa.pages}>
      <button type="button" className="cx-btn cx-btn-light" disabled={page <= 1} onClick={() => go(page - 1)}>
        {sfa.prev}
      </button>
      {pageList(page, pages).map((p, i) =>
        p === null ? (
          <span key={`gap${i}`} aria-hidden="true">
            …
          </span>
        ) : (
          <button key={p} type="button" className="fe-page" aria-current={p === page ? 'page' : undefined} aria-label={sfa.page(toPersianDigits(p))} onClick={() => go(p)}>
            {toPersianDigits(p)}
          </button>
        ),
      )}
      <button type="button" className="cx-btn cx-btn-light" disabled={page >= pages} onClick={() => go(page + 1)}>
        {sfa.next}
      </button>
    </nav>
  );
}

/**
 * `/showcase`: the catalogue of selected plans — search (Persian normalization by the server), filters, sort and
 * pages, all in the address so a link shares the same list. Public, plain markup, no map.
 */
export default function Showcase() {
  usePageTitle(sfa.title);
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => filtersFromParams(params), [params]);
  const [typed, setTyped] = useState(f.q);
  const [facets, setFacets] = useState<ShowcaseFacets | null>(null);
  const [list, setList] = useState<ShowcasePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const query = apiQuery(f);
  // The filters fold away on a phone (the results come first) unless one is in use.
  const [more, setMore] = useState(() => !!(f.axis || f.provinceId || f.year || f.minJobs) || f.sort !== 'relevance' || window.matchMedia('(min-width: 36em)').matches);

  useEffect(() => setTyped(f.q), [f.q]);

  useEffect(() => {
    let live = true;
    api.get<ShowcaseFacets>(`${SHOWCASE}/facets`).then(
      (r) => live && setFacets(r),
      () => live && setFacets({ axes: [], provinces: [], years: [] }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setError(null);
    setLoading(true);
    api
      .get<ShowcasePage>(`${SHOWCASE}?${query}`)
      .then(
        (r) => live && setList(r),
        (e: unknown) => live && setError(publicErrorMessage(e)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, attempt]);

  const go = (change: Partial<ShowcaseFilters>) => setParams(paramsFromFilters(withFilters(f, change)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: typed.trim() });
  };
  const axis = facets?.axes.find((a) => a.key === f.axis);
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;

  return (
    <FestPage wide>
      <h1 className="cx-title">{sfa.title}</h1>
      <p className="cx-lead">{sfa.lead}</p>

      <form role="search" aria-label={sfa.filters} className="cx-card fe-filters" onSubmit={submit}>
        <div className="fe-search">
          <Field id="sc-q" label={sfa.q} hint={sfa.qHint}>
            <input {...described('sc-q', true, null)} className="cx-input" type="search" autoComplete="off" maxLength={100} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} data-testid="sc-q" />
          </Field>
          <button type="submit" className="cx-btn" data-testid="sc-find">
            {sfa.find}
          </button>
        </div>
        <details className="cx-details fe-more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
          <summary data-testid="sc-more">{sfa.more}</summary>
        <div className="fe-filter-row">
          <Choice id="sc-axis" label={sfa.axis} value={f.axis} all={sfa.allAxes} onChange={(v) => go({ axis: v })}>
            {facets?.axes.map((a) => (
              <option key={a.key} value={a.key}>
                {a.title}
              </option>
            ))}
          </Choice>
          {axis && axis.categories.length > 0 && (
            <Choice id="sc-category" label={sfa.category} value={f.category} all={sfa.allCategories} onChange={(v) => go({ category: v })}>
              {axis.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.title}
                </option>
              ))}
            </Choice>
          )}
          <Choice id="sc-province" label={sfa.province} value={f.provinceId} all={facets ? sfa.allProvinces : sfa.loading} onChange={(v) => go({ provinceId: v })}>
            {facets?.provinces.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.name} (${faNumber(p.count)})`}
              </option>
            ))}
          </Choice>
          <Choice id="sc-year" label={sfa.year} value={f.year} all={sfa.allYears} onChange={(v) => go({ year: v })}>
            {facets?.years.map((y) => (
              <option key={y} value={y}>
                {toPersianDigits(y)}
              </option>
            ))}
          </Choice>
          <Choice id="sc-jobs" label={sfa.minJobs} value={f.minJobs} all={sfa.anyJobs} onChange={(v) => go({ minJobs: v })}>
            {MIN_JOBS.map((n) => (
              <option key={n} value={n}>
                {sfa.minJobsOption(toPersianDigits(n))}
              </option>
            ))}
          </Choice>
          <Choice id="sc-sort" label={sfa.sort} value={f.sort} onChange={(v) => go({ sort: v as ShowcaseFilters['sort'] })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {sfa.sorts[s]}
              </option>
            ))}
          </Choice>
        </div>
        </details>
        {isFiltered(f) && (
          <button type="button" className="cx-link-btn fe-clear" onClick={() => setParams(new URLSearchParams())}>
            {sfa.clear}
          </button>
        )}
      </form>

      {error && <LoadFailed message={error} onRetry={() => setAttempt((a) => a + 1)} />}
      {!list && !error && <Loading />}
      {list && (
        <section aria-live="polite" aria-busy={loading} className="fe-results" data-testid="showcase-results">
          <p className="cx-hint" data-testid="sc-count">
            {sfa.count(faNumber(list.total))}
          </p>
          {list.items.length === 0 ? (
            <p className="cx-card fe-empty" data-testid="sc-empty">
              {isFiltered(f) ? sfa.empty : sfa.emptyAll}
            </p>
          ) : (
            <ul className="fe-cards">
              {list.items.map((c, i) => (
                <ShowcaseCard key={c.id} card={c} first={i === 0} />
              ))}
            </ul>
          )}
          <Pager page={f.page} pages={pages} go={(p) => { go({ page: p }); window.scrollTo(0, 0); }} />
        </section>
      )}
    </FestPage>
  );
}
