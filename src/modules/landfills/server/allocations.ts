// Fund allocation: rank the registry sites of a division by urgency (criterion weights set directly or by AHP,
// sites ranked by TOPSIS) and fund the best set within the budget (exact 0/1 knapsack), each site with the plain
// Persian reasons of its score and of its funding. Stored whole, so an allocation reads the same later even when
// the registry changes.
import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can, scopeCondition } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { Db, DbOrTx } from '../../../core/db/client.js';
import { AppError, forbidden, notFound } from '../../../core/http/errors.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { placeLabels } from '../../../core/org/queries.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { complaints, complaintsCategories } from '../../complaints/server/schema.js';
import type { AllocationResult, AllocationSite, AllocationSummary, AllocationView } from '../api-types.js';
import {
  COMPLAINTS_MONTHS,
  COMPLAINTS_RADIUS_KM,
  PRIORITY_CRITERIA,
  PRIORITY_CRITERION_INFO,
  WASTE_COMPLAINT_CODES,
  type AllocationCreate,
  type PriorityCriterionKey,
  type SiteKind,
} from '../contract.js';
import { haversineKm } from './geo.js';
import { explainAllocation, solveKnapsack, type KnapsackInput } from './knapsack.js';
import { faNum } from './plan-input.js';
import { AhpInconsistentError, ahpWeights, matrixFromUpper, PriorityInputError, topsis } from './priority.js';
import { liveSitesIn, planScope, scopeTitle } from './scenarios.js';
import { landfillAllocations, landfillSites } from './schema.js';

export const ALLOCATION_FA = {
  noun: 'تخصیص اعتبار',
  empty: 'در این محدوده محلی با «اعتبار مورد نیاز» ثبت‌شده نیست؛ ابتدا اعتبار مورد نیاز محل‌ها را در ثبت محل‌ها وارد کنید.',
  noWeight: 'دست‌کم به یک معیار وزن مثبت بدهید.',
  duplicateCriterion: 'هر معیار را فقط یک بار در مقایسه زوجی بیاورید.',
  inconsistent: (cr: number) => `ناسازگاری مقایسه‌ها ${faNum2(cr)} است؛ باید کمتر از ${faNum2(0.1)} باشد`,
  waterImputed: (median: number) => `فاصله تا منبع آب این محل ثبت نشده است؛ میانهٔ محل‌های دیگر (${faNum(median)} متر) به جای آن به کار رفت.`,
  waterUnknown: 'فاصله تا منبع آب هیچ محلی ثبت نشده است؛ این معیار در رتبه‌بندی اثری ندارد.',
};

const fa2 = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 });
function faNum2(x: number): string {
  return fa2.format(x);
}

const weightsError = (message: string, path: string) => new AppError(422, 'invalid_weights', message, undefined, { errors: [{ path, message }] });

/** The criteria in use and their normalized weights (direct, or AHP with its consistency ratio). */
function resolveWeights(w: AllocationCreate['weights']): { keys: PriorityCriterionKey[]; weights: number[]; cr: number | null } {
  if (w.mode === 'direct') {
    const keys = PRIORITY_CRITERIA.filter((k) => (w.weights[k] ?? 0) > 0);
    const raw = keys.map((k) => w.weights[k]!);
    const sum = raw.reduce((s, x) => s + x, 0);
    if (!keys.length || !(sum > 0)) throw weightsError(ALLOCATION_FA.noWeight, 'weights.weights');
    return { keys, weights: raw.map((x) => x / sum), cr: null };
  }
  const keys = w.criteria;
  if (new Set(keys).size !== keys.length) throw weightsError(ALLOCATION_FA.duplicateCriterion, 'weights.criteria');
  const labels = keys.map((k) => PRIORITY_CRITERION_INFO[k].title);
  try {
    const r = ahpWeights(matrixFromUpper(w.upper, keys.length), { labels });
    return { keys, weights: r.weights, cr: r.cr };
  } catch (e) {
    if (e instanceof AhpInconsistentError) {
      throw new AppError(422, 'ahp_inconsistent', ALLOCATION_FA.inconsistent(e.cr), e.fa, {
        consistencyRatio: e.cr,
        worst: { first: keys[e.worst.i], second: keys[e.worst.j], given: e.worst.given, implied: e.worst.implied },
      });
    }
    if (e instanceof PriorityInputError) throw weightsError(e.fa, `weights.${e.path}`);
    throw e;
  }
}

interface SiteRow {
  id: number;
  name: string;
  kind: SiteKind;
  lat: number;
  lon: number;
  divisionPath: string;
  flags: string[];
  distWaterM: number | null;
  populationExposed: number | null;
  fillPercent: number | null;
  requiredFundingMrial: number | null;
}

const KM_PER_DEG_LAT = 111.32;

/**
 * Waste complaints (categories WASTE_COMPLAINT_CODES, last COMPLAINTS_MONTHS months) within COMPLAINTS_RADIUS_KM
 * of each site. The database returns those inside the sites' bounding box (with the radius as margin); a grid of
 * about the radius then leaves a handful of great-circle distances per site.
 */
async function complaintCounts(db: DbOrTx, sites: SiteRow[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(sites.map((s) => [s.id, 0]));
  if (!sites.length) return counts;
  const r = COMPLAINTS_RADIUS_KM;
  const dLat = r / KM_PER_DEG_LAT;
  const maxAbsLat = Math.min(89, Math.max(...sites.map((s) => Math.abs(s.lat))) + dLat);
  const dLon = r / (KM_PER_DEG_LAT * Math.cos((maxAbsLat * Math.PI) / 180));
  const minLat = Math.min(...sites.map((s) => s.lat)) - dLat;
  const maxLat = Math.max(...sites.map((s) => s.lat)) + dLat;
  const minLon = Math.min(...sites.map((s) => s.lon)) - dLon;
  const maxLon = Math.max(...sites.map((s) => s.lon)) + dLon;
  const c = complaints;
  const points = await db
    .select({ lat: c.lat, lon: c.lon })
    .from(c)
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, c.categoryId))
    .where(
      and(
        inArray(complaintsCategories.code, [...WASTE_COMPLAINT_CODES]),
        gte(c.createdAt, sql`now() - make_interval(months => ${COMPLAINTS_MONTHS})`),
        isNotNull(c.lat),
        isNotNull(c.lon),
        sql`${c.lat} between ${minLat} and ${maxLat}`,
        sql`${c.lon} between ${minLon} and ${maxLon}`,
      ),
    );
  if (!points.length) return counts;
  // grid cells of dLat × dLon degrees: every point within r of a site is in the site's cell or a neighbouring one
  const cell = (lat: number, lon: number) => `${Math.floor(lat / dLat)}:${Math.floor(lon / dLon)}`;
  const grid = new Map<string, { lat: number; lon: number }[]>();
  for (const p of points) {
    const key = cell(p.lat!, p.lon!);
    const list = grid.get(key);
    if (list) list.push({ lat: p.lat!, lon: p.lon! });
    else grid.set(key, [{ lat: p.lat!, lon: p.lon! }]);
  }
  for (const s of sites) {
    const ci = Math.floor(s.lat / dLat);
    const cj = Math.floor(s.lon / dLon);
    let n = 0;
    for (let a = ci - 1; a <= ci + 1; a++) {
      for (let b = cj - 1; b <= cj + 1; b++) {
        for (const p of grid.get(`${a}:${b}`) ?? []) if (haversineKm(s.lat, s.lon, p.lat, p.lon) <= r) n++;
      }
    }
    counts.set(s.id, n);
  }
  return counts;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Ranks and funds the sites of a division and stores the result. 403 outside the actor's planning scope; 422
 * `ahp_inconsistent` (CR ≥ 0.1, the title says the CR and the detail the judgement to revisit), `invalid_weights`,
 * `empty_allocation` (no site with a required funding).
 */
export async function createAllocation(db: Db, actor: Actor, input: AllocationCreate): Promise<AllocationView> {
  if (actor.id === null) throw forbidden();
  const division = await planScope(db, actor, input.divisionId);
  const { keys, weights, cr } = resolveWeights(input.weights);

  const s = landfillSites;
  const all: SiteRow[] = await db
    .select({
      id: s.id, name: s.name, kind: s.kind, lat: s.lat, lon: s.lon, divisionPath: s.divisionPath, flags: s.flags, distWaterM: s.distWaterM,
      populationExposed: s.populationExposed, fillPercent: s.fillPercent, requiredFundingMrial: s.requiredFundingMrial,
    })
    .from(s)
    .innerJoin(wfCases, eq(wfCases.id, s.caseId))
    .where(liveSitesIn(division.path))
    .orderBy(asc(s.id));
  const sites = all.filter((x) => x.requiredFundingMrial !== null);
  const withoutCost = all.length - sites.length;
  if (!sites.length) throw new AppError(422, 'empty_allocation', ALLOCATION_FA.empty, undefined, { withoutCost });

  // criterion values
  const complaintsBySite = keys.includes('complaints') ? await complaintCounts(db, sites) : new Map<number, number>();
  const waterMedian = median(sites.filter((x) => x.distWaterM !== null).map((x) => x.distWaterM!));
  const valueOf = (x: SiteRow, k: PriorityCriterionKey): number => {
    switch (k) {
      case 'sensitivity': return x.flags.length;
      case 'water_distance': return x.distWaterM ?? waterMedian ?? 0;
      case 'population': return x.populationExposed ?? 0;
      case 'over_capacity': return x.fillPercent ?? 0;
      case 'open_dump': return x.kind === 'open_dump' ? 1 : 0;
      case 'complaints': return complaintsBySite.get(x.id) ?? 0;
    }
  };
  const ranked = topsis(
    keys.map((k) => ({ id: k, label: PRIORITY_CRITERION_INFO[k].title, kind: PRIORITY_CRITERION_INFO[k].direction })),
    weights,
    sites.map((x) => ({ id: String(x.id), values: keys.map((k) => valueOf(x, k)) })),
  );

  // funding
  const knapsack: KnapsackInput = {
    budget: input.budget,
    items: sites.map((x, i) => ({ id: String(x.id), cost: x.requiredFundingMrial!, value: Math.round(ranked[i]!.score * 1000) })),
  };
  const funded = solveKnapsack(knapsack);
  const why = explainAllocation(knapsack, funded, {
    names: Object.fromEntries(sites.map((x) => [String(x.id), x.name])),
    // The knapsack works on score × 1000 in whole units; people read the score as TOPSIS gives it (0–1).
    valueText: (v) => (v / 1000).toLocaleString('fa-IR', { maximumFractionDigits: 3 }),
  });
  const places = await placeLabels(db, sites.map((x) => x.divisionPath));

  const out: AllocationSite[] = sites.map((x, i) => {
    const r = ranked[i]!;
    const f = why[i]!;
    let scoreText = r.text;
    if (keys.includes('water_distance') && x.distWaterM === null) scoreText += ` ${waterMedian === null ? ALLOCATION_FA.waterUnknown : ALLOCATION_FA.waterImputed(waterMedian)}`;
    return {
      siteId: x.id,
      name: x.name,
      place: places.get(x.divisionPath) ?? '',
      cost: x.requiredFundingMrial!,
      score: r.score,
      rank: r.rank,
      parts: r.parts.map((p) => {
        const k = p.criterionId as PriorityCriterionKey;
        return { criterion: k, title: PRIORITY_CRITERION_INFO[k].title, value: p.value, weight: p.weight, position: p.position };
      }),
      funded: f.funded,
      reason: f.reason,
      scoreText,
      fundingText: f.text,
    };
  });
  out.sort((a, b) => a.rank - b.rank);
  const result: AllocationResult = {
    criteria: keys.map((k, j) => ({ key: k, title: PRIORITY_CRITERION_INFO[k].title, direction: PRIORITY_CRITERION_INFO[k].direction, weight: weights[j]! })),
    consistencyRatio: cr,
    budget: input.budget,
    spent: funded.cost,
    value: funded.value,
    sites: out,
    withoutCost,
  };

  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(landfillAllocations)
      .values({ name: input.name, divisionId: division.id || null, divisionPath: division.path, budget: input.budget, weights: input.weights, result, createdById: actor.id! })
      .returning({ id: landfillAllocations.id });
    await appendAudit(tx, actor, {
      action: 'landfills.allocation.create', entityType: 'landfill_allocation', entityId: row!.id, divisionPath: division.path,
      data: { name: input.name, budget: input.budget, mode: input.weights.mode, consistencyRatio: cr, spent: funded.cost, funded: funded.selected.map(Number) },
    });
    return row!.id;
  });
  return getAllocation(db, actor, id);
}

// ---- reading ---------------------------------------------------------------------------------------------------

const a = landfillAllocations;
const summaryColumns = {
  id: a.id,
  name: a.name,
  divisionName: orgDivisions.name,
  divisionLevel: orgDivisions.level,
  budget: a.budget,
  spent: sql<number>`(${a.result}->>'spent')::float8`.mapWith(Number),
  funded: sql<number>`(select count(*) from jsonb_array_elements(${a.result}->'sites') s where (s->>'funded')::boolean)::int`.mapWith(Number),
  sites: sql<number>`jsonb_array_length(${a.result}->'sites')`.mapWith(Number),
  createdBy: authUsers.displayName,
  createdAt: a.createdAt,
};
interface SummaryRow {
  id: number; name: string; divisionName: string | null; divisionLevel: (typeof orgDivisions.$inferSelect)['level'] | null; budget: number; spent: number; funded: number; sites: number;
  createdBy: string | null; createdAt: Date;
}
const toSummary = (r: SummaryRow): AllocationSummary => ({
  id: r.id, name: r.name, division: scopeTitle(r.divisionLevel, r.divisionName), budget: r.budget, spent: r.spent, funded: r.funded,
  sites: r.sites, createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
});

/** The actor's allocations (inside their planning scope), newest first, at most 200. */
export async function listAllocations(db: DbOrTx, actor: Actor): Promise<AllocationSummary[]> {
  const list = await db
    .select(summaryColumns)
    .from(a)
    .leftJoin(orgDivisions, eq(orgDivisions.id, a.divisionId))
    .leftJoin(authUsers, eq(authUsers.id, a.createdById))
    .where(scopeCondition(actor, 'landfills.plan', a.divisionPath))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(200);
  return list.map(toSummary);
}

/** One allocation with its whole result. 404 when absent or outside the actor's scope. */
export async function getAllocation(db: DbOrTx, actor: Actor, id: number): Promise<AllocationView> {
  const [r] = Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
    ? await db
        .select({ ...summaryColumns, divisionId: a.divisionId, divisionPath: a.divisionPath, weights: a.weights, result: a.result })
        .from(a)
        .leftJoin(orgDivisions, eq(orgDivisions.id, a.divisionId))
        .leftJoin(authUsers, eq(authUsers.id, a.createdById))
        .where(eq(a.id, id))
    : [];
  if (!r || !can(actor, 'landfills.plan', r.divisionPath)) throw notFound(ALLOCATION_FA.noun);
  return { ...toSummary(r), divisionId: r.divisionId, weights: r.weights, result: r.result };
}

// ---- export ----------------------------------------------------------------------------------------------------

export type AllocationRow = AllocationSite & { values: Partial<Record<PriorityCriterionKey, number>> };

/**
 * The allocation as an export (sendExport from core/http/export.ts): one row per site in rank order, one column
 * per criterion in use.
 */
export function allocationRows(view: AllocationView): { columns: ExportColumn<AllocationRow>[]; rows: AllocationRow[] } {
  const columns: ExportColumn<AllocationRow>[] = [
    { key: 'rank', title: 'رتبه' },
    { key: 'siteId', title: 'شناسه محل' },
    { key: 'name', title: 'نام محل' },
    { key: 'place', title: 'محل' },
    { key: 'score', title: 'امتیاز اولویت', value: (r) => Math.round(r.score * 10_000) / 10_000 },
    { key: 'cost', title: 'اعتبار مورد نیاز (میلیون ریال)' },
    { key: 'funded', title: 'تأمین اعتبار' },
    ...view.result.criteria.map((c): ExportColumn<AllocationRow> => ({ key: `value_${c.key}`, title: c.title, value: (r) => r.values[c.key] ?? null })),
    { key: 'scoreText', title: 'توضیح امتیاز' },
    { key: 'fundingText', title: 'توضیح تأمین اعتبار' },
  ];
  const rows = view.result.sites.map((s) => ({ ...s, values: Object.fromEntries(s.parts.map((p) => [p.criterion, p.value])) }));
  return { columns, rows };
}
