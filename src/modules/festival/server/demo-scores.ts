// The demo judges' scores: each judge scores around the plan's merit (`quality`), shifted by how strict he is, with a
// little deterministic variation per criterion; a disputed plan gets one judge far from the others. Every criterion
// has a comment, written from the score's level and the plan's own strength and weakness.
import type { Axis, ScoreInput } from '../contract.js';
import type { DemoPlan } from './demo-data.js';

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
 * A judge's scores for a plan on its axis's rubric. `far`: this judge is the disputed plan's outlier (he scores it
 * far lower than the others do).
 */
export function demoScore(axis: Axis, plan: DemoPlan, judge: string, far = false): ScoreInput {
  const quality = plan.quality ?? 6;
  const criteria: ScoreInput['criteria'] = {};
  let weakest = '';
  let weakestScore = Infinity;
  for (const c of axis.rubric) {
    const noise = (hash01(`${plan.key}|${judge}|${c.key}`) - 0.5) * 1.8;
    const v = halves(((quality + (STRICTNESS[judge] ?? 0) + noise - (far ? 4 : 0)) * c.max) / 10, c.max);
    const level = v >= c.max * 0.75 ? 0 : v >= c.max * 0.5 ? 1 : 2;
    criteria[c.key] = { score: v, comment: LEVEL_COMMENTS[c.key]?.[level] ?? (level === 0 ? 'قوی.' : level === 1 ? 'متوسط.' : 'ضعیف.') };
    if (v < weakestScore) [weakest, weakestScore] = [c.key, v];
  }
  // The plan's own strength on the first criterion, its weakness on the weakest one.
  const [strength, weakness] = plan.remarks ?? [];
  const first = axis.rubric[0]!.key;
  if (strength) criteria[first]!.comment = `${strength} ${criteria[first]!.comment}`;
  if (weakness && weakest && weakest !== first) criteria[weakest]!.comment = `${criteria[weakest]!.comment} ${weakness}`;
  if (far) criteria[first]!.comment = `به نظر من ادعاهای طرح با مستندات پیوست هم‌خوانی ندارد. ${criteria[first]!.comment}`;
  return { criteria, version: 0 };
}
