// The shell's page layout classes first, so this service's own rules (grading.css) come after them.
import '../../../../web/styles/pages.css';
import './grading.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { Alert, described, Field } from '../../../../web/components/form.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { loadProvinces, type DivisionItem } from '../../../../web/components/PlacePicker.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, faNumber } from '../../../../web/format.js';
import type { PublicGrade } from '../../api-types.js';
import { MAX_GRADE } from '../../enums.js';
import { gfa } from './fa.js';

/** Rows per page; the server pages by the same number. */
const PAGE_SIZE = 20;

const GRADES = Array.from({ length: MAX_GRADE.municipality }, (_, i) => MAX_GRADE.municipality - i);

/** The grade as a tag whose colour deepens with the grade. */
function GradeTag({ grade }: { grade: number }) {
  return (
    <span className="gr-grade" data-band={grade >= 9 ? 'high' : grade >= 5 ? 'mid' : 'low'} data-testid="grade">
      {gfa.gradeOption(toPersianDigits(grade))}
    </span>
  );
}

/**
 * `/grades`: the grade of every graded municipality (the latest order issued), searchable by name (Persian
 * normalization by the server), by province and by grade, page by page. The filters and the page are in the
 * address (a shared link keeps them). Public, plain markup.
 */
export default function Grades() {
  usePageTitle(gfa.title);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  // Only well-formed filters from the address reach the server (a hand-edited link shows the whole list).
  const provinceId = /^\d{1,9}$/.test(params.get('provinceId') ?? '') ? params.get('provinceId')! : '';
  const grade = GRADES.includes(Number(params.get('grade'))) ? params.get('grade')! : '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  const [typed, setTyped] = useState(q);
  const [provinces, setProvinces] = useState<DivisionItem[] | null>(null);
  const [list, setList] = useState<{ items: PublicGrade[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => setTyped(q), [q]);

  useEffect(() => {
    let live = true;
    loadProvinces().then(
      (items) => live && setProvinces(items),
      () => live && setProvinces([]),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setError(null);
    setLoading(true);
    const qs = new URLSearchParams({ subject: 'municipality', page: String(page), pageSize: String(PAGE_SIZE) });
    if (q) qs.set('q', q);
    if (provinceId) qs.set('provinceId', provinceId);
    if (grade) qs.set('grade', grade);
    api
      .get<{ items: PublicGrade[]; total: number }>(`/api/v1/grading/public?${qs}`)
      .then(
        (r) => live && setList(r),
        (e: unknown) => live && setError(publicErrorMessage(e)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q, provinceId, grade, page, attempt]);

  /** Change filters (back to the first page) or move to a page. */
  function go(next: { q?: string; provinceId?: string; grade?: string; page?: number }) {
    const p = new URLSearchParams();
    const values = { q: next.q ?? q, provinceId: next.provinceId ?? provinceId, grade: next.grade ?? grade };
    for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    go({ q: typed.trim() });
  }

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;
  const filtered = !!(q || provinceId || grade);

  return (
    <div className="cx-page gr-page-wide">
      <h1 className="cx-title">{gfa.title}</h1>
      <p className="cx-lead">{gfa.lead}</p>

      <form role="search" aria-label={gfa.filters} className="cx-card gr-filters" onSubmit={submit}>
        <Field id="gr-q" label={gfa.name} hint={gfa.nameHint}>
          <input
            {...described('gr-q', true, null)}
            className="cx-input"
            type="search"
            autoComplete="off"
            maxLength={100}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            data-testid="grades-q"
          />
        </Field>
        <Field id="gr-province" label={gfa.province}>
          <select {...described('gr-province', false, null)} className="cx-select" value={provinceId} onChange={(e) => go({ provinceId: e.currentTarget.value })} data-testid="grades-province">
            <option value="">{provinces ? gfa.allProvinces : gfa.loading}</option>
            {provinces?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="gr-grade" label={gfa.grade}>
          <select {...described('gr-grade', false, null)} className="cx-select" value={grade} onChange={(e) => go({ grade: e.currentTarget.value })} data-testid="grades-grade">
            <option value="">{gfa.allGrades}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {gfa.gradeOption(toPersianDigits(g))}
              </option>
            ))}
          </select>
        </Field>
        <div className="cx-actions gr-filter-actions">
          <button type="submit" className="cx-btn" data-testid="grades-find">
            {gfa.find}
          </button>
          {filtered && (
            <button type="button" className="cx-btn cx-btn-light" onClick={() => setParams(new URLSearchParams())}>
              {gfa.clear}
            </button>
          )}
        </div>
      </form>

      {error && (
        <Alert testId="load-error">
          {error}{' '}
          <button type="button" className="cx-link-btn" onClick={() => setAttempt((n) => n + 1)}>
            {gfa.retry}
          </button>
        </Alert>
      )}
      {!list && !error && <PageLoader />}
      {list && (
        <section className="cx-card" aria-labelledby="gr-list-title" aria-busy={loading}>
          <h2 id="gr-list-title" className="cx-sr">
            {gfa.caption}
          </h2>
          <p className="cx-muted" role="status" data-testid="grades-count">
            {loading ? gfa.loading : gfa.found(faNumber(list.total))}
          </p>
          {list.items.length === 0 ? (
            <p data-testid="grades-empty">{gfa.empty}</p>
          ) : (
            <div className="gr-table-wrap">
              <table className="gr-table" data-testid="grades-table">
                <caption className="cx-sr">{pages > 1 ? gfa.captionPage(faNumber(Math.min(page, pages)), faNumber(pages)) : gfa.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{gfa.municipality}</th>
                    <th scope="col">{gfa.grade}</th>
                    <th scope="col">{gfa.county}</th>
                    <th scope="col">{gfa.province}</th>
                    <th scope="col">{gfa.effectiveDate}</th>
                    <th scope="col">{gfa.orderNumber}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((r) => (
                    <tr key={r.divisionId} data-testid="grade-row" data-division-id={r.divisionId}>
                      <th scope="row" data-testid="grade-name">
                        {r.name}
                      </th>
                      <td data-label={gfa.grade}>
                        <GradeTag grade={r.grade} />
                      </td>
                      <td data-label={gfa.county}>{r.county}</td>
                      <td data-label={gfa.province}>{r.province}</td>
                      <td data-label={gfa.effectiveDate} className="gr-num">
                        {faDigits(r.effectiveDate)}
                      </td>
                      <td data-label={gfa.orderNumber} className="gr-num">
                        {r.orderNumber ? <bdi>{faDigits(r.orderNumber)}</bdi> : gfa.none}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="cx-muted">{gfa.scale}</p>
          {pages > 1 && (
            <nav className="cx-actions gr-pager" aria-label={gfa.pages}>
              <button type="button" className="cx-btn cx-btn-light" disabled={page <= 1 || loading} onClick={() => go({ page: page - 1 })} data-testid="grades-prev">
                {gfa.prev}
              </button>
              <span aria-current="page" data-testid="grades-page">
                {gfa.page(faNumber(Math.min(page, pages)), faNumber(pages))}
              </span>
              <button type="button" className="cx-btn cx-btn-light" disabled={page >= pages || loading} onClick={() => go({ page: page + 1 })} data-testid="grades-next">
                {gfa.next}
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
