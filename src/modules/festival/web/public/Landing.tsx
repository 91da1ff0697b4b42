import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, ApiError } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { RoundPublic } from '../../api-types.js';
import { PART_TITLES } from '../../titles.js';
import { useTimeLeft } from '../shared/Deadline.js';
import { faDay } from '../shared/format.js';
import { FEST } from '../shared/paths.js';
import { lfa } from './fa-landing.js';
import { FestPage, LoadFailed, Loading, StateBadge } from './ui.js';

const ALWAYS = [PART_TITLES.axis, PART_TITLES.title, PART_TITLES.summary, PART_TITLES.actions, PART_TITLES.village];

function RoundCard({ round }: { round: RoundPublic }) {
  const left = useTimeLeft(round);
  const accepting = round.phase === 'accepting';
  return (
    <section className="cx-card fe-round" aria-labelledby="round-title" data-testid="round">
      <div className="fe-round-head">
        <h2 id="round-title">{round.title}</h2>
        <StateBadge state={round.phase} title={round.phaseTitle} />
      </div>
      <dl className="cx-facts">
        <dt>{lfa.opens}</dt>
        <dd>{faDay(round.opensOn)}</dd>
        <dt>{lfa.deadline}</dt>
        <dd>{lfa.deadlineValue(faDay(round.deadline))}</dd>
        {accepting && (
          <>
            <dt>{lfa.left}</dt>
            <dd className="fe-left" data-testid="time-left">
              {left ?? lfa.closed}
            </dd>
          </>
        )}
        <dt>{lfa.judges}</dt>
        <dd>{lfa.judgesValue(toPersianDigits(round.judgesPerEntry))}</dd>
        {round.selectedCount !== null && (
          <>
            <dt>{lfa.selected}</dt>
            <dd>{lfa.selectedValue(toPersianDigits(round.selectedCount))}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Ways({ round }: { round: RoundPublic | null }) {
  const accepting = round?.phase === 'accepting';
  return (
    <ul className="fe-links">
      {accepting && (
        <li className="cx-card fe-link-card">
          <strong>{lfa.file}</strong>
          <span className="cx-hint">{lfa.fileText}</span>
          <div className="cx-actions">
            <Link to="/festival/my/new" className="cx-btn" data-testid="go-file">
              {lfa.file}
            </Link>
            <Link to="/festival/my" className="cx-btn cx-btn-light">
              {lfa.my}
            </Link>
          </div>
        </li>
      )}
      {accepting && (
        <li className="cx-card fe-link-card">
          <strong>{lfa.dehyari}</strong>
          <span className="cx-hint">{lfa.dehyariText}</span>
          <div className="cx-actions">
            <Link to="/login?next=/app/festival/mine" className="cx-btn cx-btn-light">
              {lfa.dehyariLink}
            </Link>
          </div>
        </li>
      )}
      <li className="cx-card fe-link-card">
        <strong>{lfa.showcase}</strong>
        <span className="cx-hint">{lfa.showcaseText}</span>
        <div className="cx-actions">
          <Link to="/showcase" className="cx-btn cx-btn-light" data-testid="go-showcase">
            {lfa.showcase}
          </Link>
        </div>
      </li>
    </ul>
  );
}

function Axes({ round }: { round: RoundPublic }) {
  // Each weight's bar is drawn against the axis's largest weight.
  const top = (a: RoundPublic['axes'][number]) => Math.max(1, ...a.rubric.map((c) => c.weight));
  return (
    <section className="cx-card" aria-labelledby="axes-title" data-testid="axes">
      <h2 id="axes-title">{lfa.axesTitle}</h2>
      {round.axes.map((a) => (
        <div key={a.key} className="fe-axis">
          <h3>{a.title}</h3>
          {a.categories.length > 0 && (
            <ul className="fe-chips">
              {a.categories.map((c) => (
                <li key={c.key}>{c.title}</li>
              ))}
            </ul>
          )}
          <details className="cx-details" open>
            <summary>{lfa.rubricTitle}</summary>
            <div className="cx-table-wrap">
              <table className="cx-table fe-rubric" data-testid={`rubric-${a.key}`}>
                <thead>
                  <tr>
                    <th scope="col">{lfa.criterion}</th>
                    <th scope="col">{lfa.weight}</th>
                    <th scope="col">{lfa.max}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.rubric.map((c) => (
                    <tr key={c.key}>
                      <th scope="row">{c.title}</th>
                      <td className="cx-num">
                        <span className="fe-weight" style={{ inlineSize: `${Math.round((100 * c.weight) / top(a))}%` }} aria-hidden="true" />
                        {lfa.weightValue(toPersianDigits(c.weight))}
                      </td>
                      <td className="cx-num">{toPersianDigits(c.max)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      ))}
      <p className="cx-hint">{lfa.rubricNote}</p>
    </section>
  );
}

function Requirements({ round }: { round: RoundPublic }) {
  return (
    <section className="cx-card" aria-labelledby="parts-title" data-testid="requirements">
      <h2 id="parts-title">{lfa.partsTitle}</h2>
      <dl className="cx-facts">
        <dt>{lfa.partsAlways}</dt>
        <dd>{ALWAYS.join('، ')}</dd>
        {round.requiredParts.length > 0 && (
          <>
            <dt>{lfa.partsRound}</dt>
            <dd>{round.requiredParts.map((p) => PART_TITLES[p]).join('، ')}</dd>
          </>
        )}
        <dt>{lfa.docsTitle}</dt>
        <dd>{round.requiredDocuments.length ? round.requiredDocuments.map((d) => d.title).join('، ') : lfa.noDocs}</dd>
      </dl>
    </section>
  );
}

/** `/festival`: the current round (phase, dates, countdown, axes, the judging rubric, requirements), the ways in. */
export default function Landing() {
  usePageTitle(lfa.title);
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; round: RoundPublic | null }>({ kind: 'loading' });
  const load = useCallback(() => {
    setState({ kind: 'loading' });
    api.get<RoundPublic>(`${FEST}/rounds/current`).then(
      (round) => setState({ kind: 'ok', round }),
      (e: unknown) => setState(e instanceof ApiError && e.status === 404 ? { kind: 'ok', round: null } : { kind: 'error', message: publicErrorMessage(e) }),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <FestPage>
      <h1 className="cx-title">{lfa.title}</h1>
      <p className="cx-lead">{lfa.lead}</p>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <LoadFailed message={state.message} onRetry={load} />}
      {state.kind === 'ok' && (
        <>
          {state.round ? <RoundCard round={state.round} /> : <p className="cx-alert cx-alert-info">{lfa.noRound}</p>}
          <Ways round={state.round} />
          {state.round && <Axes round={state.round} />}
          {state.round && <Requirements round={state.round} />}
          <section className="cx-card" aria-labelledby="how-title">
            <h2 id="how-title">{lfa.howTitle}</h2>
            <ol className="fe-how">
              {lfa.how.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </section>
        </>
      )}
    </FestPage>
  );
}
