// Parts of the instructor's own page (MyInstructor.tsx): the pre-scores broken down by criterion, the courses he
// taught, and his earlier applications. (The open application is MyOpen.tsx, loaded only when there is one.)
import { lazy, Suspense, useState } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import type { ApplicationSummary, FieldScore, MyInstructor } from '../../api-types.js';
import { ifa } from './fa.js';
import { mfa } from './fa-my.js';
import { faDigits, faScore, jDate, Loading, StateBadge } from './ui.js';

const ScoreTables = lazy(() => import('./ScoreTables.js'));

/** The title of each field of an application (from its scores, which carry them). */
export const fieldTitles = (a: ApplicationSummary) => a.fields.map((f) => a.preScores.find((s) => s.field === f)?.fieldTitle ?? f);

/**
 * The pre-score of each field with its pass mark; the breakdown by criterion opens on demand (a long table on a phone,
 * and its own chunk, fetched when opened).
 */
export function Scores({ scores }: { scores: FieldScore[] }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="cx-card" aria-labelledby="scores-title" data-testid="scores">
      <h2 id="scores-title">{mfa.scores.title}</h2>
      <p className="cx-hint">{mfa.scores.note}</p>
      {scores.length === 0 ? (
        <p className="cx-muted">{mfa.scores.none}</p>
      ) : (
        <>
          <ul className="ins-totals" data-testid="score-totals">
            {scores.map((s) => (
              <li key={s.field} data-passes={s.passes}>
                <span>{s.fieldTitle}</span>
                <strong>{mfa.scores.total(faScore(s.total), faScore(s.passScore))}</strong>
              </li>
            ))}
          </ul>
          <details className="cx-details ins-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary data-testid="score-details">{mfa.scores.details}</summary>
            {open && (
              <Suspense fallback={<Loading />}>
                <ScoreTables scores={scores} />
              </Suspense>
            )}
          </details>
        </>
      )}
    </section>
  );
}

export function Courses({ courses }: { courses: MyInstructor['courses'] }) {
  return (
    <section className="cx-card" aria-labelledby="courses-title" data-testid="courses">
      <h2 id="courses-title">{mfa.courses.title}</h2>
      {courses.length === 0 ? (
        <p className="cx-muted">{mfa.courses.none}</p>
      ) : (
        <div className="cx-table-wrap ins-table-wrap">
          <table className="cx-table cx-table-cards ins-table ins-cards">
            <thead>
              <tr>
                <th scope="col">{mfa.courses.course}</th>
                <th scope="col">{mfa.courses.field}</th>
                <th scope="col">{mfa.courses.dates}</th>
                <th scope="col">{mfa.courses.state}</th>
                <th scope="col">{mfa.courses.rating}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.title}</th>
                  <td data-label={mfa.courses.field}>{c.fieldTitle}</td>
                  <td data-label={mfa.courses.dates}>{mfa.courses.range(faDigits(c.startsOn), faDigits(c.endsOn))}</td>
                  <td data-label={mfa.courses.state}>{c.stateTitle}</td>
                  <td data-label={mfa.courses.rating}>{c.ratingCount > 0 ? mfa.status.ratingValue(faScore(c.ratingAverage), toPersianDigits(c.ratingCount)) : ifa.common.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Past({ past }: { past: ApplicationSummary[] }) {
  return (
    <section className="cx-card" aria-labelledby="past-title" data-testid="past">
      <h2 id="past-title">{mfa.past.title}</h2>
      <ul className="ins-past">
        {past.map((a) => (
          <li key={a.id}>
            <div className="ins-past-head">
              <strong>{a.kindTitle}</strong>
              <StateBadge state={a.state} title={a.stateTitle} />
              <span className="cx-hint">{jDate(a.createdAt)}</span>
            </div>
            <p className="cx-hint">{fieldTitles(a).join('، ')}</p>
            {a.validUntil && <p className="cx-hint">{mfa.past.validUntil(faDigits(a.validUntil))}</p>}
            {a.decisionReasons && (
              <p>
                <strong>{mfa.past.reasons}: </strong>
                {a.decisionReasons}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
