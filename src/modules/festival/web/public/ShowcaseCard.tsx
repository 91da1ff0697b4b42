// A selected plan as a card of the catalogue (and of «similar plans»): cover photo (lazy but the first), award, title, place and
// its key results.
import './showcase.css';
import { Link } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { faNumber } from '../../../../web/format.js';
import type { ShowcaseCard as Card } from '../../api-types.js';
import { faRial } from '../shared/format.js';
import { cfa as c } from './fa-card.js';

/** `first`: the first card of the catalogue, whose cover is on screen at once (the page's largest paint): loaded eagerly. */
export function ShowcaseCard({ card, headingLevel = 2, first = false }: { card: Card; headingLevel?: 2 | 3; first?: boolean }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const facts = [
    card.jobs !== null ? c.jobs(faNumber(card.jobs)) : null,
    card.beneficiaries !== null ? c.beneficiaries(faNumber(card.beneficiaries)) : null,
    card.incomePerYear !== null ? c.income(faRial(card.incomePerYear)) : null,
  ].filter((x): x is string => x !== null);
  return (
    <li className="fe-card" data-testid="showcase-card">
      <Link to={`/showcase/${card.id}`} className="fe-card-link">
        {card.cover ? (
          <img className="fe-cover" src={card.cover} alt="" loading={first ? 'eager' : 'lazy'} fetchPriority={first ? 'high' : 'auto'} decoding="async" width={400} height={225} />
        ) : (
          <span className="fe-cover fe-cover-none" aria-hidden="true">
            {c.noPhoto}
          </span>
        )}
        <span className="fe-card-body">
          {card.award && <span className="fe-award">{card.award}</span>}
          <H className="fe-card-title">{card.title}</H>
          <span className="cx-hint">{`${card.place.village}، ${card.place.province} — ${c.year(toPersianDigits(card.year))}`}</span>
          <span className="fe-card-axis">{card.categoryTitle ?? card.axisTitle}</span>
          {facts.length > 0 && (
            <span className="fe-card-facts">
              {facts.map((f) => (
                <span key={f}>{f}</span>
              ))}
            </span>
          )}
          {card.replications > 0 && <span className="fe-card-rep">{c.replications(faNumber(card.replications))}</span>}
        </span>
      </Link>
    </li>
  );
}
