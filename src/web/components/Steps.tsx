// The numbered steps above a multi-step public form (plain markup; styled by styles/pages.css, `cx-steps`).
import { toPersianDigits } from '../../core/fa/normalize.js';

const stepOf = (n: string, total: string) => `گام ${n} از ${total}`;

/** The steps' labels with step `at` (from 0) current and those before it done. */
export function Steps({ labels, at }: { labels: readonly string[]; at: number }) {
  return (
    <ol className="cx-steps" aria-label={stepOf(toPersianDigits(at + 1), toPersianDigits(labels.length))}>
      {labels.map((l, i) => (
        <li key={l} data-n={toPersianDigits(i + 1)} data-state={i < at ? 'done' : undefined} aria-current={i === at ? 'step' : undefined}>
          {l}
        </li>
      ))}
    </ol>
  );
}
