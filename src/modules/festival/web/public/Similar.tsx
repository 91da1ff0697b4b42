// «Similar plans» of a plan's page as cards: its own chunk, fetched when the section nears the screen (it is at the
// bottom of a long page; a slow phone first gets what is on screen).
import type { ShowcaseCard as Card } from '../../api-types.js';
import { ShowcaseCard } from './ShowcaseCard.js';

export default function Similar({ cards }: { cards: Card[] }) {
  return (
    <ul className="fe-cards">
      {cards.map((c) => (
        <ShowcaseCard key={c.id} card={c} headingLevel={3} />
      ))}
    </ul>
  );
}
