// Validation of a planning scenario (plan.ts): the semantic checks on p / openCost, ids, capacities, demands,
// distances or coordinates, and the up-front feasibility check (total demand against capacity). Also the Persian
// number format shared with the explanation (plan-explain.ts).
import { PlanError, type PlanInput } from './plan-types.js';

const fmt = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 });
export const faNum = (x: number) => fmt.format(x);

function invalid(path: string, en: string, fa: string): PlanError {
  return new PlanError('invalid', en, fa, path);
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Semantic checks (the CLI checks the JSON shape before). Throws PlanError. */
export function validatePlanInput(input: PlanInput): void {
  const { p, openCost, sites, villages, distances } = input;
  if ((p === null || p === undefined) === (openCost === null || openCost === undefined)) {
    throw new PlanError(
      'invalid',
      'give exactly one of p (number of sites to keep) and openCost (fixed cost per kept site)',
      'دقیقاً یکی از دو مقدار را بدهید: p (تعداد مراکزی که می‌مانند) یا openCost (هزینهٔ ثابت هر مرکز)',
      p !== null && p !== undefined ? 'openCost' : 'p',
    );
  }
  if (sites.length === 0) throw invalid('sites', 'at least one candidate site is needed', 'دست‌کم یک محل کاندید لازم است');
  if (p !== null && p !== undefined && (!Number.isInteger(p) || p < 1 || p > sites.length)) {
    throw invalid('p', `must be an integer from 1 to the number of sites (${sites.length})`, `p باید عددی صحیح از ۱ تا تعداد محل‌های کاندید (${faNum(sites.length)}) باشد`);
  }
  if (openCost !== null && openCost !== undefined && (!finite(openCost) || openCost < 0)) {
    throw invalid('openCost', 'must be a finite number ≥ 0', 'هزینهٔ ثابت باید عددی نامنفی باشد');
  }
  const unique = (ids: string[], what: 'sites' | 'villages') => {
    const seen = new Set<string>();
    ids.forEach((id, k) => {
      if (typeof id !== 'string' || id.length === 0) throw invalid(`${what}.${k}.id`, 'must be a non-empty string', 'شناسه باید متنی ناتهی باشد');
      if (seen.has(id)) throw invalid(`${what}.${k}.id`, `duplicate id ${JSON.stringify(id)}`, `شناسهٔ تکراری ${JSON.stringify(id)}`);
      seen.add(id);
    });
  };
  unique(sites.map((s) => s.id), 'sites');
  unique(villages.map((v) => v.id), 'villages');
  sites.forEach((s, k) => {
    if (s.capacity !== null && (!finite(s.capacity) || s.capacity < 0)) {
      throw invalid(`sites.${k}.capacity`, 'must be null (unlimited) or a finite number ≥ 0', 'ظرفیت باید خالی (نامحدود) یا عددی نامنفی باشد');
    }
  });
  villages.forEach((v, k) => {
    if (!finite(v.demand) || v.demand < 0) throw invalid(`villages.${k}.demand`, 'must be a finite number ≥ 0', 'مقدار پسماند باید عددی نامنفی باشد');
  });
  if (distances !== null && distances !== undefined) {
    if (!Array.isArray(distances) || distances.length !== villages.length) {
      throw invalid('distances', `must have one row per village (${villages.length})`, `ماتریس فاصله باید برای هر روستا یک سطر داشته باشد (${faNum(villages.length)})`);
    }
    distances.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== sites.length) {
        throw invalid(`distances.${i}`, `must have one entry per site (${sites.length})`, `هر سطر ماتریس فاصله باید برای هر محل یک مقدار داشته باشد (${faNum(sites.length)})`);
      }
      row.forEach((d, j) => {
        if (!finite(d) || d < 0) throw invalid(`distances.${i}.${j}`, 'must be a finite number ≥ 0', 'فاصله باید عددی نامنفی باشد');
      });
    });
  } else {
    const checkPoint = (pt: { lat?: number | null; lon?: number | null }, path: string) => {
      if (!finite(pt.lat) || pt.lat < -90 || pt.lat > 90) throw invalid(`${path}.lat`, 'latitude in degrees (−90..90) is needed when no distance matrix is given', 'بدون ماتریس فاصله، عرض جغرافیایی (۹۰- تا ۹۰ درجه) لازم است');
      if (!finite(pt.lon) || pt.lon < -180 || pt.lon > 180) throw invalid(`${path}.lon`, 'longitude in degrees (−180..180) is needed when no distance matrix is given', 'بدون ماتریس فاصله، طول جغرافیایی (۱۸۰- تا ۱۸۰ درجه) لازم است');
    };
    sites.forEach((s, k) => checkPoint(s, `sites.${k}`));
    villages.forEach((v, k) => checkPoint(v, `villages.${k}`));
    const rf = input.roadFactor;
    if (rf !== null && rf !== undefined && (!finite(rf) || rf <= 0)) throw invalid('roadFactor', 'must be a number > 0', 'ضریب جاده باید عددی مثبت باشد');
  }
  const tl = input.timeLimitSeconds;
  if (tl !== null && tl !== undefined && (!finite(tl) || tl <= 0)) throw invalid('timeLimitSeconds', 'must be a number > 0', 'محدودیت زمان باید عددی مثبت باشد');

  // feasibility
  const demand = villages.reduce((a, v) => a + v.demand, 0);
  const caps = sites.map((s) => (s.capacity === null ? Infinity : s.capacity)).sort((a, b) => b - a);
  const usable = p !== null && p !== undefined ? caps.slice(0, p) : caps;
  const total = usable.reduce((a, c) => a + c, 0);
  if (demand > total * (1 + 1e-12)) {
    const en = p !== null && p !== undefined
      ? `infeasible: total demand ${demand} t/day exceeds the capacity of even the ${p === 1 ? 'largest site' : `${p} largest sites`} (${total})`
      : `infeasible: total demand ${demand} t/day exceeds the total capacity of all sites (${total})`;
    const fa = p !== null && p !== undefined
      ? `برنامهٔ شدنی وجود ندارد: مجموع پسماند روستاها (${faNum(demand)} تن در روز) از ظرفیت حتی ${faNum(p)} محل بزرگ‌تر (${faNum(total)}) بیشتر است`
      : `برنامهٔ شدنی وجود ندارد: مجموع پسماند روستاها (${faNum(demand)} تن در روز) از مجموع ظرفیت همهٔ محل‌ها (${faNum(total)}) بیشتر است`;
    throw new PlanError('infeasible', en, fa);
  }
  const maxCap = caps[0] ?? 0;
  villages.forEach((v, k) => {
    if (v.demand > maxCap) {
      throw new PlanError(
        'infeasible',
        `infeasible: village ${v.id} alone (${v.demand} t/day) exceeds the largest site capacity (${maxCap})`,
        `برنامهٔ شدنی وجود ندارد: پسماند روستای ${v.id} به‌تنهایی (${faNum(v.demand)} تن در روز) از ظرفیت بزرگ‌ترین محل (${faNum(maxCap)}) بیشتر است`,
        `villages.${k}.demand`,
      );
    }
  });
}
