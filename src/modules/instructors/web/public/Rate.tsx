import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { RatingPage } from '../../api-types.js';
import type { RatingItem } from '../../enums.js';
import { rfa } from './fa-rate.js';
import { api, ApiError, fieldErrors, publicErrorMessage } from './http.js';
import { Alert, described, faDigits, Field, Loading, useFormErrors } from './ui.js';
// After ui.js, which brings the shell's page styles and the service's own.
import './rate.css';

type Scores = Partial<Record<RatingItem, number>>;
interface Answer {
  scores: Scores;
  comment: string;
}

/** One item's 1–5 as a radio group drawn as stars (arrow keys move between them, as in any radio group). */
function Stars({ name, legend, value, onChange }: { name: string; legend: string; value: number | undefined; onChange: (n: number) => void }) {
  return (
    <fieldset className="ins-stars-field">
      <legend>{legend}</legend>
      <div className="ins-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="ins-star" data-on={value !== undefined && n <= value}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span aria-hidden="true">★</span>
            <span className="cx-sr">
              {rfa.stars(toPersianDigits(n))}، {rfa.starWords[n - 1]}
            </span>
          </label>
        ))}
        <span className="ins-star-word" aria-hidden="true">
          {value ? rfa.starWords[value - 1] : ''}
        </span>
      </div>
    </fieldset>
  );
}

function CourseHead({ p }: { p: RatingPage }) {
  return (
    <dl className="cx-facts" data-testid="rate-course">
      <dt>{rfa.course}</dt>
      <dd>{p.courseTitle}</dd>
      <dt>{rfa.field}</dt>
      <dd>{p.fieldTitle}</dd>
      <dt>{rfa.dates}</dt>
      <dd>{rfa.range(faDigits(p.startsOn), faDigits(p.endsOn))}</dd>
    </dl>
  );
}

/**
 * `/rate/:token`: a trainee rates the instructors of his course with the code handed out at its end (no account;
 * one rating per instructor per code). Public, light: a phone opens it from the QR code in the classroom.
 */
export default function Rate() {
  usePageTitle(rfa.title);
  const { token = '' } = useParams();
  const [page, setPage] = useState<RatingPage | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const { formRef, errors, formError, setFormError, showErrors, clearFieldError } = useFormErrors();

  useEffect(() => {
    let live = true;
    api.get<RatingPage>(`/api/v1/rate/${encodeURIComponent(token)}`).then(
      (p) => live && setPage(p),
      (e: unknown) => live && setLoadError(e instanceof ApiError && e.status === 404 ? rfa.notFound : publicErrorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [token]);

  const answer = (id: number): Answer => answers[id] ?? { scores: {}, comment: '' };
  const patch = (id: number, a: Partial<Answer>) => setAnswers((m) => ({ ...m, [id]: { ...answer(id), ...a } }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!page) return;
    const errs: Record<string, string> = {};
    if (!code) errs.code = rfa.codeRequired;
    // An instructor is rated once anything is given for him; then every item is needed (the contract asks for all).
    const rated = page.instructors.filter((i) => Object.keys(answer(i.assignmentId).scores).length > 0 || answer(i.assignmentId).comment.trim());
    for (const i of rated) if (page.items.some((it) => !answer(i.assignmentId).scores[it.key])) errs[`i-${i.assignmentId}`] = rfa.allItems;
    if (rated.length === 0) errs[`i-${page.instructors[0]?.assignmentId}`] = rfa.atLeastOne;
    if (Object.keys(errs).length) return showErrors(errs);
    setBusy(true);
    setFormError(null);
    try {
      const body = { code, ratings: rated.map((i) => ({ assignmentId: i.assignmentId, scores: answer(i.assignmentId).scores, comment: answer(i.assignmentId).comment.trim() })) };
      const res = await api.post<{ saved: number }>(`/api/v1/rate/${encodeURIComponent(token)}`, body);
      setSaved(res.saved);
      window.scrollTo(0, 0);
    } catch (err) {
      const known = err instanceof ApiError ? (rfa.errors as Record<string, string>)[err.code] : undefined;
      if (err instanceof ApiError && err.code === 'code_invalid') showErrors({ code: known! }, known!);
      else if (Object.keys(fieldErrors(err)).length) {
        // A rating the server refused: its message goes to that instructor (ratings.N… is the N-th one sent).
        const mapped: Record<string, string> = {};
        for (const [path, msg] of Object.entries(fieldErrors(err))) {
          const n = /^ratings\.(\d+)/.exec(path);
          const key = n ? `i-${rated[Number(n[1])]?.assignmentId}` : path.split('.')[0]!;
          mapped[key] ??= msg;
        }
        showErrors(mapped, publicErrorMessage(err));
      } else {
        setFormError(known ?? publicErrorMessage(err));
        if (err instanceof ApiError && err.code === 'rating_closed') setPage({ ...page, open: false });
        window.scrollTo(0, 0);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cx-page">
      <h1 className="cx-title">{rfa.title}</h1>
      {!page && !loadError && <Loading />}
      <Alert testId="load-error">{loadError}</Alert>
      {page && saved !== null && (
        <section className="cx-card ins-thanks" data-testid="thanks" aria-labelledby="thanks-title">
          <h2 id="thanks-title">{rfa.thanksTitle}</h2>
          <p>{rfa.thanks(toPersianDigits(saved))}</p>
          <CourseHead p={page} />
        </section>
      )}
      {page && saved === null && (
        <form ref={formRef} className="ins-form" onSubmit={submit} onChange={clearFieldError} noValidate aria-busy={busy} data-testid="rate-form">
          <section className="cx-card">
            <CourseHead p={page} />
            {page.open ? <p className="cx-hint">{rfa.intro}</p> : <Alert testId="rate-closed">{rfa.closed}</Alert>}
          </section>
          <Alert testId="form-error">{formError}</Alert>
          {page.open && (
            <>
              <section className="cx-card">
                <Field id="code" label={rfa.code} hint={rfa.codeHint} error={errors.code}>
                  <input
                    {...described('code', true, errors.code)}
                    className="cx-input cx-ltr ins-code"
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    value={code}
                    onChange={(e) => setCode(toAsciiDigits(e.currentTarget.value).toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20))}
                  />
                </Field>
              </section>
              {page.instructors.map((ins) => (
                <section key={ins.assignmentId} className="cx-card" aria-labelledby={`ins-${ins.assignmentId}`} data-testid="rate-instructor">
                  <h2 id={`ins-${ins.assignmentId}`}>{rfa.instructor(ins.name)}</h2>
                  <div className="cx-field" data-field={`i-${ins.assignmentId}`}>
                    {page.items.map((it) => (
                      <Stars
                        key={it.key}
                        name={`r-${ins.assignmentId}-${it.key}`}
                        legend={it.title}
                        value={answer(ins.assignmentId).scores[it.key]}
                        onChange={(n) => patch(ins.assignmentId, { scores: { ...answer(ins.assignmentId).scores, [it.key]: n } })}
                      />
                    ))}
                    {errors[`i-${ins.assignmentId}`] && (
                      <p className="cx-error" role="alert">
                        {errors[`i-${ins.assignmentId}`]}
                      </p>
                    )}
                  </div>
                  <Field id={`c-${ins.assignmentId}`} label={rfa.comment} hint={rfa.commentHint}>
                    <textarea
                      {...described(`c-${ins.assignmentId}`, true, null)}
                      className="cx-textarea ins-short"
                      maxLength={1000}
                      value={answer(ins.assignmentId).comment}
                      onChange={(e) => patch(ins.assignmentId, { comment: e.currentTarget.value })}
                    />
                  </Field>
                  {Object.keys(answer(ins.assignmentId).scores).length > 0 && (
                    <button type="button" className="cx-link-btn" onClick={() => patch(ins.assignmentId, { scores: {} })}>
                      {rfa.clear}
                    </button>
                  )}
                </section>
              ))}
              <button type="submit" className="cx-btn cx-btn-block" disabled={busy} data-testid="rate-submit">
                {busy ? rfa.sending : rfa.submit}
              </button>
            </>
          )}
        </form>
      )}
    </div>
  );
}
