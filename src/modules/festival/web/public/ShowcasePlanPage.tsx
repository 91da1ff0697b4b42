import { lazy, Suspense, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, ApiError } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { jDate } from '../../../../web/format.js';
import type { ShowcasePlan } from '../../api-types.js';
import { SHOWCASE } from '../shared/paths.js';
import PlanView from '../shared/PlanView.js';
import { ppa as s } from './fa-plan-page.js';
import { planOf, photoUrlOf } from './showcase-plan.js';
import { Alert, FestPage, LoadFailed, Loading } from './ui.js';
// After ui.js (the shell's page styles and festival.css): the showcase's own rules.
import './showcase.css';

// What a signed-in dehyari may do (replicate, ask): fetched only when the answer has a `viewer`.
const ShowcaseViewer = lazy(() => import('./ShowcaseViewer.js'));
const Similar = lazy(() => import('./Similar.js'));

/** Whether the element has come within a screen of the viewport (then stays true). */
function useNear<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}

/**
 * `/showcase/:id`: a selected plan — award and ranks, the plan (results, figures, funding, lessons, photos), the
 * dehyari's contact, answered questions, the villages replicating it and similar plans. A signed-in dehyari (the
 * API's `viewer`) may say «we want to replicate this» and ask the author; others are told how to sign in.
 */
export default function ShowcasePlanPage() {
  const { id = '' } = useParams();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string; missing: boolean } | { kind: 'ok'; plan: ShowcasePlan }>({ kind: 'loading' });
  usePageTitle(state.kind === 'ok' ? state.plan.title : s.title);

  const load = useCallback(() => {
    let live = true;
    setState({ kind: 'loading' });
    api.get<ShowcasePlan>(`${SHOWCASE}/${encodeURIComponent(id)}`).then(
      (plan) => live && setState({ kind: 'ok', plan }),
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof ApiError && (e.status === 404 || e.status === 400) ? s.notFound : publicErrorMessage(e), missing: e instanceof ApiError && (e.status === 404 || e.status === 400) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  useEffect(load, [load]);

  return (
    <FestPage wide>
      <Link to="/showcase" className="fe-back">
        {s.back}
      </Link>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && (state.missing ? <Alert tone="info">{state.message}</Alert> : <LoadFailed message={state.message} onRetry={load} />)}
      {state.kind === 'ok' && <Plan p={state.plan} onChange={(plan) => setState({ kind: 'ok', plan })} />}
    </FestPage>
  );
}

function Plan({ p, onChange }: { p: ShowcasePlan; onChange: (p: ShowcasePlan) => void }) {
  const { plan, axes } = planOf(p);
  const [similarRef, similarNear] = useNear<HTMLElement>();
  const here = `/showcase/${p.id}`;
  return (
    <article className="fe-plan" data-testid="showcase-plan">
      <header className="fe-plan-head">
        {p.award && (
          <span className="fe-award fe-award-lg" data-testid="award">
            {p.award}
          </span>
        )}
        <h1 className="cx-title">{p.title}</h1>
        <p className="cx-hint">
          {[p.rankNational !== null ? s.rankNational(toPersianDigits(p.rankNational)) : null, p.rankProvince !== null ? s.rankProvince(toPersianDigits(p.rankProvince)) : null, s.year(toPersianDigits(p.year))]
            .filter(Boolean)
            .join(' — ')}
        </p>
      </header>

      {p.cover && <img className="fe-hero" src={p.cover} alt="" width={1024} height={576} decoding="async" />}

      <div className="fe-plan-grid">
        <div className="cx-card fe-plan-main">
          <PlanView plan={plan} axes={axes} place={p.place} ownerKind={p.ownerKind} photoUrl={photoUrlOf} showContact />
        </div>

        <aside className="fe-plan-side">
          <section className="cx-card" aria-labelledby="rep-title" data-testid="replicated-by">
            <h2 id="rep-title">{s.replicatedBy}</h2>
            {p.replicatedBy.length === 0 ? (
              <p className="cx-muted">{s.noReplications}</p>
            ) : (
              <ul className="fe-plain-list">
                {p.replicatedBy.map((r, i) => (
                  <li key={i}>{s.replicatedAt(r.village, r.province, jDate(r.at))}</li>
                ))}
              </ul>
            )}
            {p.viewer ? (
              <Suspense fallback={null}>
                <ShowcaseViewer part="replicate" plan={p} onChange={onChange} />
              </Suspense>
            ) : (
              <p className="cx-hint" data-testid="sign-in-line">
                {s.signInLine} <a href={`/login?next=${encodeURIComponent(here)}`}>{s.signIn}</a>
              </p>
            )}
          </section>
          {p.viewer && (
            <Suspense fallback={null}>
              <ShowcaseViewer part="ask" plan={p} onChange={onChange} />
            </Suspense>
          )}
        </aside>
      </div>

      <section className="cx-card" aria-labelledby="qa-title" data-testid="questions">
        <h2 id="qa-title">{s.questions}</h2>
        {p.questions.length === 0 ? (
          <p className="cx-muted">{s.noQuestions}</p>
        ) : (
          <ul className="fe-questions">
            {p.questions.map((q, i) => (
              <li key={i} className="cx-msg">
                <div className="cx-msg-head">
                  <span>{s.askedBy(q.village, jDate(q.askedAt))}</span>
                </div>
                <p>{q.question}</p>
                <p className="fe-answered">
                  <strong>{s.answer}: </strong>
                  {q.answer}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.similar.length > 0 && (
        <section ref={similarRef} aria-labelledby="similar-title" data-testid="similar">
          <h2 id="similar-title" className="fe-h2">
            {s.similar}
          </h2>
          {similarNear && (
            <Suspense fallback={null}>
              <Similar cards={p.similar} />
            </Suspense>
          )}
        </section>
      )}
    </article>
  );
}
