// A plan read-only: where and in which axis, its results as clear figures, before→after, the funding breakdown, the
// plan in words, lessons, photos (lazy images) and — when asked — the public contact. Used by the showcase's plan
// page, the owner's submitted entry, and the staff's screening and judging screens. Plain markup, no Mantine.
import '../../../../web/styles/pages.css';
import './plan.css';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { faNumber } from '../../../../web/format.js';
import type { Axis, Plan } from '../../contract.js';
import type { PlaceRef } from '../../api-types.js';
import { FUNDING_SOURCE_TITLES, OWNER_KIND_TITLES, type OwnerKind } from '../../titles.js';
import { viewFa as v } from './fa-view.js';
import { faFigure, faRial, faShort } from './format.js';

function Tile({ value, unit, label, testId }: { value: string; unit: string; label: string; testId: string }) {
  return (
    <li className="pv-tile" data-testid={testId}>
      <strong className="pv-tile-value">{value}</strong>
      {unit && <span className="pv-tile-unit">{unit}</span>}
      <span className="pv-tile-label">{label}</span>
    </li>
  );
}

function Text({ title, body, testId }: { title: string; body: string; testId: string }) {
  if (!body.trim()) return null;
  return (
    <section className="pv-block" data-testid={testId}>
      <h3>{title}</h3>
      <p className="cx-pre">{body}</p>
    </section>
  );
}

/** Rials as a tile: the short number and «… ریال» as its unit. */
const rialTile = (n: number) => {
  const s = faShort(n);
  return { value: s, unit: v.rial };
};

export default function PlanView(props: { plan: Plan; axes: Axis[]; place: PlaceRef; ownerKind: OwnerKind; photoUrl: (docId: string) => string; showContact?: boolean }) {
  const { plan, axes, place, ownerKind, photoUrl, showContact = false } = props;
  const axis = axes.find((a) => a.key === plan.axis);
  const category = axis?.categories.find((c) => c.key === plan.category);
  const tiles: { value: string; unit: string; label: string; testId: string }[] = [];
  if (plan.jobs !== null) tiles.push({ value: faNumber(plan.jobs), unit: v.person, label: v.jobs, testId: 'pv-jobs' });
  if (plan.incomePerYear !== null) tiles.push({ ...rialTile(plan.incomePerYear), label: v.income, testId: 'pv-income' });
  if (plan.beneficiaries !== null) tiles.push({ value: faNumber(plan.beneficiaries), unit: v.person, label: v.beneficiaries, testId: 'pv-beneficiaries' });
  if (plan.investment !== null) tiles.push({ ...rialTile(plan.investment), label: v.investment, testId: 'pv-investment' });
  if (plan.cost !== null) tiles.push({ ...rialTile(plan.cost), label: v.cost, testId: 'pv-cost' });
  const fundTotal = plan.funding.reduce((s, f) => s + f.amount, 0);
  const contact = showContact && (plan.contactName || plan.contactPhone);

  return (
    <div className="pv" data-testid="plan-view">
      <dl className="cx-facts pv-facts">
        <dt>{v.axis}</dt>
        <dd>
          {axis?.title ?? '—'}
          {category && ` — ${category.title}`}
        </dd>
        <dt>{v.place}</dt>
        <dd>{`${place.village}، ${place.county}، ${place.province}`}</dd>
        <dt>{v.owner}</dt>
        <dd>{OWNER_KIND_TITLES[ownerKind]}</dd>
        {plan.startYear !== null && (
          <>
            <dt>{v.startYear}</dt>
            <dd>{toPersianDigits(plan.startYear)}</dd>
          </>
        )}
      </dl>

      {plan.summary && <p className="pv-summary">{plan.summary}</p>}

      {tiles.length > 0 && (
        <section className="pv-block" aria-labelledby="pv-results">
          <h3 id="pv-results">{v.results}</h3>
          <ul className="pv-tiles">
            {tiles.map((t) => (
              <Tile key={t.testId} {...t} />
            ))}
          </ul>
        </section>
      )}

      {plan.figures.length > 0 && (
        <section className="pv-block" aria-labelledby="pv-figures" data-testid="pv-figures">
          <h3 id="pv-figures">{v.figures}</h3>
          <ul className="pv-figures">
            {plan.figures.map((f, i) => (
              <li key={i}>
                <span className="pv-figure-label">{f.label}</span>
                <span className="pv-figure-values">
                  <span>{faFigure(f.before)}</span>
                  <span className="pv-arrow" aria-hidden="true">
                    {v.arrow}
                  </span>
                  <strong>{faFigure(f.after)}</strong>
                  {f.unit && <span className="cx-muted"> {f.unit}</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Text title={v.problem} body={plan.problem} testId="pv-problem" />
      <Text title={v.actions} body={plan.actions} testId="pv-actions" />
      <Text title={v.partners} body={plan.partners} testId="pv-partners" />

      {plan.funding.length > 0 && (
        <section className="pv-block" aria-labelledby="pv-funding" data-testid="pv-funding">
          <h3 id="pv-funding">{v.funding}</h3>
          <ul className="pv-funding">
            {plan.funding.map((f, i) => {
              const share = fundTotal > 0 ? Math.round((100 * f.amount) / fundTotal) : 0;
              return (
                <li key={i}>
                  <span className="pv-fund-head">
                    <span>{FUNDING_SOURCE_TITLES[f.source]}</span>
                    <span>
                      {faRial(f.amount)} <span className="cx-muted">({toPersianDigits(share)}٪)</span>
                    </span>
                  </span>
                  <span className="pv-bar" aria-hidden="true">
                    <span style={{ inlineSize: `${share}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <Text title={v.lessons} body={plan.lessons} testId="pv-lessons" />

      {plan.photos.length > 0 && (
        <section className="pv-block" aria-labelledby="pv-photos">
          <h3 id="pv-photos">{v.photos}</h3>
          <ul className="pv-gallery" data-testid="pv-photos">
            {plan.photos.map((id, i) => (
              <li key={id}>
                <a href={photoUrl(id)} target="_blank" rel="noreferrer">
                  <img src={photoUrl(id)} alt={v.photoAlt(toPersianDigits(i + 1), plan.title)} loading="lazy" decoding="async" width={320} height={240} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {contact && (
        <section className="pv-block pv-contact" aria-labelledby="pv-contact" data-testid="pv-contact">
          <h3 id="pv-contact">{v.contact}</h3>
          <p>
            {plan.contactName}
            {plan.contactPhone && (
              <>
                {' — '}
                <a href={`tel:${plan.contactPhone}`} dir="ltr">
                  {toPersianDigits(plan.contactPhone)}
                </a>
              </>
            )}
          </p>
        </section>
      )}
    </div>
  );
}
