// The plan explained in plain Persian for planners (explainPlan): sites kept and closed, total haul, distance from
// optimal, and per site its villages and load.
import { haversineKm } from './geo.js';
import { faNum } from './plan-input.js';
import type { PlanInput, PlanResult } from './plan-types.js';

// ---- explanation ---------------------------------------------------------------------------------------------

export interface PlanExplanation {
  /** one paragraph for the planner */
  summary: string;
  kept: { siteId: string; text: string }[];
  closed: { siteId: string; text: string }[];
}

/**
 * The plan in plain Persian: how many sites are kept and closed (pollution points removed), total ton-km, how far
 * from optimal it can be, and per kept site its villages and load against capacity. `names` maps ids to display
 * names; `existingSiteIds`, when given, marks which candidates are existing dump sites (closing one removes a
 * pollution point) — otherwise every candidate counts as existing.
 */
export function explainPlan(
  input: PlanInput,
  result: PlanResult,
  opts: { names?: Record<string, string>; existingSiteIds?: string[] } = {},
): PlanExplanation {
  const name = (id: string) => opts.names?.[id] ?? id;
  const openSet = new Set(result.open);
  const existing = opts.existingSiteIds ? new Set(opts.existingSiteIds) : null;
  const closedSites = input.sites.filter((s) => !openSet.has(s.id));
  const closedExisting = closedSites.filter((s) => !existing || existing.has(s.id));
  const newOpened = existing ? result.open.filter((id) => !existing.has(id)) : [];
  const pct = new Intl.NumberFormat('fa-IR', { style: 'percent', maximumFractionDigits: 1 });

  const parts: string[] = [];
  parts.push(
    `از ${faNum(input.sites.length)} محل کاندید، ${faNum(result.open.length)} محل به‌عنوان مرکز منطقه‌ای دفن پسماند می‌ماند` +
      (newOpened.length ? ` (${faNum(newOpened.length)} محل از آن‌ها تازه است)` : '') +
      ` و ${faNum(closedSites.length)} محل بسته می‌شود` +
      (closedExisting.length ? `؛ یعنی ${faNum(closedExisting.length)} کانون آلودگی کمتر.` : '.'),
  );
  parts.push(`پسماند ${faNum(input.villages.length)} روستا با مجموع حمل روزانهٔ ${faNum(result.cost)} تن-کیلومتر به این مراکز می‌رسد.`);
  if (result.fixedCost > 0) parts.push(`هزینهٔ ثابت مراکز ${faNum(result.fixedCost)} و جمع کل ${faNum(result.objective)} است.`);
  if (result.stats.provedOptimal) parts.push('این برنامه بهینه است: هیچ برنامهٔ دیگری با همین داده‌ها هزینهٔ کمتری ندارد.');
  else if (result.gap !== null) {
    parts.push(
      `کران پایین ${faNum(result.lowerBound!)} است؛ پس این برنامه حداکثر ${pct.format(result.gap)} از بهترین برنامهٔ ممکن گران‌تر است (معمولاً بسیار کمتر).`,
    );
  }
  const full = result.loads.filter((l) => l.capacity !== null && l.capacity > 0 && l.load / l.capacity >= 0.95);
  if (full.length) parts.push(`${faNum(full.length)} مرکز تقریباً با تمام ظرفیت کار می‌کند؛ افزایش ظرفیت آن‌ها می‌تواند برنامه را ارزان‌تر کند.`);

  const kept = result.loads.map((l) => {
    let text = `«${name(l.siteId)}»: ${faNum(l.villages)} روستا، ${faNum(l.load)} تن پسماند در روز`;
    if (l.capacity !== null) text += ` از ظرفیت ${faNum(l.capacity)} (${pct.format(l.capacity > 0 ? l.load / l.capacity : 0)})`;
    text += `، حمل ${faNum(l.tonKm)} تن-کیلومتر در روز.`;
    return { siteId: l.siteId, text };
  });
  // Where the villages nearest to a closed site now go (the kept site receiving most of them). Needs each
  // village's nearest candidate: computed when the scenario is small enough (≤ 5 M village-site pairs).
  const receivers = new Map<string, string>();
  if (closedSites.length > 0 && input.villages.length * input.sites.length <= 5_000_000) {
    const counts = new Map<string, Map<string, number>>();
    input.villages.forEach((v, i) => {
      let nearest = -1;
      let bd = Infinity;
      input.sites.forEach((s, j) => {
        const d = input.distances ? input.distances[i]![j]! : haversineKm(v.lat!, v.lon!, s.lat!, s.lon!);
        if (d < bd) {
          bd = d;
          nearest = j;
        }
      });
      const near = input.sites[nearest]!.id;
      if (openSet.has(near)) return;
      const c = counts.get(near) ?? new Map<string, number>();
      const to = result.assignment[v.id]!;
      c.set(to, (c.get(to) ?? 0) + 1);
      counts.set(near, c);
    });
    for (const [site, c] of counts) {
      const top = [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (top) receivers.set(site, top[0]);
    }
  }
  const closed = closedSites.map((s) => {
    const to = receivers.get(s.id);
    const isExisting = !existing || existing.has(s.id);
    let text = `«${name(s.id)}» ${isExisting ? 'بسته می‌شود' : 'ساخته نمی‌شود'}`;
    text += to ? `؛ روستاهای اطراف آن به «${name(to)}» می‌روند.` : '.';
    return { siteId: s.id, text };
  });
  return { summary: parts.join(' '), kept, closed };
}
