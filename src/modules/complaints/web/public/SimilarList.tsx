// The similar open cases at the same place, shown before a complaint is sent.
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { jDate } from '../../../../web/format.js';
import type { SimilarItem } from '../types.js';
import { nfa } from './fa-new.js';

export function SimilarList({ similar }: { similar: SimilarItem[] }) {
  return (
    <ul className="cx-similar" data-testid="similar">
      {similar.map((s, i) => (
        <li key={i}>
          <strong>{s.subject}</strong>
          <span className="cx-muted">
            {[
              s.stateTitle,
              s.placeName,
              s.createdAt ? jDate(s.createdAt) : undefined,
              s.publicReplies ? nfa.create.similarReplies(toPersianDigits(s.publicReplies)) : undefined,
            ]
              .filter(Boolean)
              .join(' — ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
