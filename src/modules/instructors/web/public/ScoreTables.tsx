// The pre-scores broken down by criterion (lazy-loaded by MyParts.tsx when the instructor opens the breakdown): one
// table per field of expertise, as the server explained each criterion.
import type { FieldScore } from '../../api-types.js';
import { sfa } from './fa-scores.js';
import { faScore } from './ui.js';

/** One field of expertise's score broken down by criterion, as the server explained it, with the total and pass mark. */
function ScoreTable({ score }: { score: FieldScore }) {
  const max = score.parts.reduce((s, p) => s + p.weight, 0);
  return (
    <div className="cx-table-wrap ins-table-wrap">
      <table className="cx-table cx-table-cards ins-table ins-score" data-testid="score-table" data-field={score.field}>
        <caption>
          <span className="ins-caption">
            <span className="ins-caption-title">{score.fieldTitle}</span>
            <span className="cx-state ins-state" data-state={score.passes ? 'passes' : 'fails'}>
              {score.passes ? sfa.passes : sfa.fails}
            </span>
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{sfa.criterion}</th>
            <th scope="col">{sfa.value}</th>
            <th scope="col">{sfa.points}</th>
            <th scope="col">{sfa.rule}</th>
          </tr>
        </thead>
        <tbody>
          {score.parts.map((p) => (
            <tr key={p.measure}>
              <th scope="row">{p.title}</th>
              <td>{p.valueText}</td>
              <td className="cx-num">{sfa.outOf(faScore(p.points), faScore(p.weight))}</td>
              <td>
                {p.rule}
                {p.adjusted && <span className="ins-adjusted">{sfa.adjusted(p.adjusted.reason)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{sfa.total}</th>
            <td className="cx-num" data-testid="score-total">
              {sfa.outOf(faScore(score.total), faScore(max))}
            </td>
            <td colSpan={2}>{sfa.pass(faScore(score.passScore))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function ScoreTables({ scores }: { scores: FieldScore[] }) {
  return (
    <>
      {scores.map((s) => (
        <ScoreTable key={s.field} score={s} />
      ))}
    </>
  );
}
