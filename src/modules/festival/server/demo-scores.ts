// The demo judges' scores: each judge scores around the plan's merit (`quality`), shifted by how strict he is, with a
// little deterministic variation per criterion. A disputed plan is scored once its panel is known: one of its judges
// gives it his lowest total on its axis, another his highest, far from their other plans, so the range of its judges'
// z-scores exceeds the round's threshold whoever the (random) assignment seats. Every criterion has a comment, written
// from the score's level and the plan's own strength and weakness.
import type { Axis, ScoreInput } from '../contract.js';
import { disagreement, normalizeScores } from '../judging.js';
import type { DemoPlan } from './demo-data.js';
import { rubricTotal } from './scores.js';

/** How strict each demo judge is (points added to every criterion): judge2 is harsh, judge3 lenient. */
const STRICTNESS: Record<string, number> = { judge: 0, judge2: -1.3, judge3: 0.9, judge4: -0.4, judge5: 0.3 };

const LEVEL_COMMENTS: Record<string, [string, string, string]> = {
  impact: [
    'اثر اقتصادی و اجتماعی طرح با شاخص‌های پیش و پس از اجرا به‌خوبی نشان داده شده است.',
    'اثر طرح محسوس است، اما شاخص‌ها کامل نیست و سهم طرح از تغییرات روشن نشده است.',
    'اثر طرح بر اشتغال و درآمد روستا اندک یا اثبات‌نشده است.',
  ],
  sustainability: [
    'منبع مالی نگهداری روشن است و طرح بدون کمک دولتی ادامه می‌یابد.',
    'پایداری طرح به ادامه حمایت‌ها وابسته است؛ برنامه نگهداری باید دقیق‌تر شود.',
    'برای ادامه طرح پس از پایان اعتبار، برنامه‌ای ارائه نشده است.',
  ],
  innovation: [
    'راه‌حل تازه و متناسب با شرایط روستاست.',
    'اجرای خوب یک راه‌حل شناخته‌شده؛ نوآوری محدود است.',
    'نوآوری چندانی در طرح دیده نمی‌شود.',
  ],
  participation: [
    'مشارکت مردم در تصمیم، هزینه و اجرا چشمگیر است.',
    'مشارکت مردم بیشتر در اجرا بوده تا در تصمیم‌گیری.',
    'مشارکت مردم و شرکای محلی کم است.',
  ],
  replicability: [
    'با هزینه و دانش موجود در روستاهای دیگر قابل اجراست؛ درس‌آموخته‌ها کاربردی است.',
    'برای الگوبرداری به شرایط ویژه‌ای نیاز دارد که باید توضیح داده شود.',
    'الگوبرداری از طرح در روستاهای دیگر دشوار است.',
  ],
};

/** A deterministic number in [0, 1) from a text (FNV-1a). */
export function hash01(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4_294_967_296;
}

const halves = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v * 2) / 2));

/**
 * A judge's scores for a plan on its axis's rubric. `shift`: points (of 10) added to the plan's merit — a disputed
 * plan's judges score it far lower (< 0: he doubts its claims) or higher than its merit.
 */
export function demoScore(axis: Axis, plan: DemoPlan, judge: string, shift = 0): ScoreInput {
  const quality = plan.quality ?? 6;
  const criteria: ScoreInput['criteria'] = {};
  let weakest = '';
  let weakestScore = Infinity;
  for (const c of axis.rubric) {
    const noise = (hash01(`${plan.key}|${judge}|${c.key}`) - 0.5) * 1.8;
    const v = halves(((quality + (STRICTNESS[judge] ?? 0) + noise + shift) * c.max) / 10, c.max);
    const level = v >= c.max * 0.75 ? 0 : v >= c.max * 0.5 ? 1 : 2;
    criteria[c.key] = { score: v, comment: LEVEL_COMMENTS[c.key]?.[level] ?? (level === 0 ? 'قوی.' : level === 1 ? 'متوسط.' : 'ضعیف.') };
    if (v < weakestScore) [weakest, weakestScore] = [c.key, v];
  }
  // The plan's own strength on the first criterion, its weakness on the weakest one.
  const [strength, weakness] = plan.remarks ?? [];
  const first = axis.rubric[0]!.key;
  if (strength) criteria[first]!.comment = `${strength} ${criteria[first]!.comment}`;
  if (weakness && weakest && weakest !== first) criteria[weakest]!.comment = `${criteria[weakest]!.comment} ${weakness}`;
  if (shift < 0) criteria[first]!.comment = `به نظر من ادعاهای طرح با مستندات پیوست هم‌خوانی ندارد. ${criteria[first]!.comment}`;
  return { criteria, version: 0 };
}

type Criteria = ScoreInput['criteria'];

/** Shifts tried for the disputed plan's low and high judge, mildest first: [low, high] (points of 10). */
const DISPUTE_STEPS: [number, number][] = Array.from({ length: 9 }, (_, k) => [-3 - k * 0.5, 1 + k * 0.5]);
/** How far above the threshold the disputed plan's range of z-scores should be (when the panel allows it). */
const DISPUTE_MARGIN = 0.4;

/**
 * The disputed plan's scores from each judge of its panel (`panel`: judge usernames, the preferred low judge first),
 * given each one's totals for the other plans of its axis that he has scored (`others`). One judge scores it below all
 * his others and another above all his others; the rest score it as usual. The pair and the shifts are the first (in
 * the panel's order, mildest first) whose range of z-scores — computed as the results compute it — exceeds
 * `threshold` by DISPUTE_MARGIN; failing that, the widest range found.
 */
export function disputedScores(axis: Axis, plan: DemoPlan, panel: readonly string[], others: ReadonlyMap<string, readonly number[]>, threshold: number): Map<string, Criteria> {
  const scored = (judge: string, shift: number) => {
    const { criteria } = demoScore(axis, plan, judge, shift);
    return { criteria, total: rubricTotal(axis, criteria) };
  };
  const spreadOf = (totals: Map<string, number>) => {
    const raw = [...totals].flatMap(([judge, total]) => [
      ...(others.get(judge) ?? []).map((score, i) => ({ judge, entry: String(i), score })),
      { judge, entry: 'disputed', score: total },
    ]);
    return disagreement(normalizeScores(raw).filter((n) => n.entry === 'disputed').map((n) => n.z), threshold).spread;
  };
  let best = { spread: -Infinity, scores: new Map<string, Criteria>() };
  for (const low of panel) {
    for (const high of panel) {
      if (high === low) continue;
      const lowest = Math.min(...(others.get(low) ?? []));
      const highest = Math.max(...(others.get(high) ?? []));
      for (const [down, up] of DISPUTE_STEPS) {
        const all = new Map(panel.map((j) => [j, scored(j, j === low ? down : j === high ? up : 0)]));
        // Below every other total of the low judge, above every other total of the high one.
        if (!(all.get(low)!.total < lowest && all.get(high)!.total > highest)) continue;
        const spread = spreadOf(new Map([...all].map(([j, s]) => [j, s.total])));
        if (spread > best.spread) best = { spread, scores: new Map([...all].map(([j, s]) => [j, s.criteria])) };
        if (spread > threshold + DISPUTE_MARGIN) return best.scores;
      }
    }
  }
  return best.scores.size ? best.scores : new Map(panel.map((j, i) => [j, scored(j, i === 0 ? DISPUTE_STEPS[0]![0] : 0).criteria]));
}
