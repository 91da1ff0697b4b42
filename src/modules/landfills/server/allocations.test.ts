// Fund allocation on the real database: AHP weights (Saaty's textbook matrix accepted, an inconsistent one refused
// with its CR in Persian), TOPSIS ranks from the registry's measurements (missing water distance → median, waste
// complaints counted within 5 km and 24 months), the funded set equal to the brute-force best within the budget,
// scope, export rows.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/access/actor.js';
import { rows as rowsOf, sql, type Database } from '../../../core/db/client.js';
import { AppError } from '../../../core/http/errors.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createTestDatabase } from '../../../test/db.js';
import { createDivision, createStaff, createTree, type TestDivision } from '../../../test/factories.js';
import { ensureCategories } from '../../complaints/server/categories.js';
import { complaints, complaintsCategories } from '../../complaints/server/schema.js';
import type { AllocationView } from '../api-types.js';
import { AllocationCreate, type SensitivityFlag, type SiteKind } from '../contract.js';
import { allocationRows, createAllocation, getAllocation, listAllocations } from './allocations.js';
import { landfillSiteWorkflow } from './workflow.js';
import { addSite as addSiteRow } from './test-factory.js';

registerWorkflow(landfillSiteWorkflow);

let database: Database;
let tree: Awaited<ReturnType<typeof createTree>>;
let prov: Actor;
let otherProv: Actor;
let expert: Actor;
const ids: Record<string, number> = {};

interface SiteSpec {
  name: string;
  lat: number;
  lon: number;
  kind?: SiteKind;
  flags?: SensitivityFlag[];
  distWaterM?: number | null;
  populationExposed?: number | null;
  fillPercent?: number | null;
  requiredFundingMrial?: number | null;
  removed?: boolean;
}

/** A registry site with its verification case (as the registry would create it). */
const addSite = (div: TestDivision, s: SiteSpec) => addSiteRow(database.db, expert, div, { kind: 'sanitary', ...s });

let complaintSeq = 0;
async function addComplaint(code: string, lat: number, lon: number, monthsAgo = 1) {
  const [cat] = await database.db.select().from(complaintsCategories).where(eq(complaintsCategories.code, code));
  const [c] = await database.db.insert(wfCases).values({ definition: 'complaints.complaint', state: 'submitted', divisionId: tree.village.id, divisionPath: tree.village.path, title: 'شکایت' }).returning();
  await database.db.insert(complaints).values({
    caseId: c!.id, trackingCode: `LF-${++complaintSeq}`, kind: 'complaint', categoryId: cat!.id, divisionId: tree.village.id, divisionPath: tree.village.path,
    lat, lon, subject: 'بوی زباله', body: 'بوی زباله از محل دفن', createdAt: new Date(Date.now() - monthsAgo * 30.5 * 86_400_000),
  });
}

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

const KM_LAT = 1 / 111.2; // degrees of latitude per km

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureCategories(database.db);
  tree = await createTree(database.db);
  expert = await createStaff(database.db, [['expert.rural', null]]);
  prov = await createStaff(database.db, [['province.reviewer', tree.province]]);
  otherProv = await createStaff(database.db, [['province.reviewer', tree.otherProvince]]);
  // A dominates on every criterion; E is the least urgent on every one
  const specs: [string, SiteSpec][] = [
    ['A', { name: 'محل الف', lat: 36.0, lon: 52.0, kind: 'open_dump', flags: ['river', 'wetland', 'protected', 'flood'], distWaterM: 100, populationExposed: 9000, fillPercent: 100, requiredFundingMrial: 500 }],
    ['B', { name: 'محل ب', lat: 36.5, lon: 52.0, kind: 'open_dump', flags: ['river', 'flood'], distWaterM: 300, populationExposed: 5000, fillPercent: 80, requiredFundingMrial: 300 }],
    ['C', { name: 'محل پ', lat: 37.0, lon: 52.0, kind: 'open_dump', flags: ['wetland'], distWaterM: null, populationExposed: 3000, fillPercent: 60, requiredFundingMrial: 400 }],
    ['D', { name: 'محل ت', lat: 36.0, lon: 53.0, kind: 'sanitary', flags: ['flood'], distWaterM: 800, populationExposed: null, fillPercent: null, requiredFundingMrial: 200 }],
    ['E', { name: 'محل ث', lat: 37.0, lon: 53.0, kind: 'sanitary', flags: [], distWaterM: 1000, populationExposed: 0, fillPercent: 0, requiredFundingMrial: 100 }],
    ['F', { name: 'بدون برآورد', lat: 36.2, lon: 52.2, requiredFundingMrial: null }],
    ['G', { name: 'حذف‌شده', lat: 36.2, lon: 52.2, requiredFundingMrial: 50, removed: true }],
  ];
  for (const [k, s] of specs) ids[k] = (await addSite(k === 'D' || k === 'E' ? tree.otherDistrict : tree.district, s)).id;
  const elsewhere = await createDivision(database.db, 'district', await createDivision(database.db, 'county', tree.otherProvince));
  ids.H = (await addSite(elsewhere, { name: 'استان دیگر', lat: 30, lon: 50, requiredFundingMrial: 10 })).id;
  // waste complaints: three near B, one near D; not counted: 6 km from B, 30 months old, another category
  for (const km of [1, 2, 3]) await addComplaint(km === 2 ? 'waste-collection' : 'village-waste', 36.5 + km * KM_LAT, 52.0);
  await addComplaint('village-waste', 36.0 - 4 * KM_LAT, 53.0);
  await addComplaint('village-waste', 36.5 + 6 * KM_LAT, 52.0);
  await addComplaint('village-waste', 36.5, 52.0 + 0.001, 30);
  await addComplaint('street-lighting', 36.5, 52.0);
});

afterAll(async () => {
  await database?.close();
});

const allocation = (extra: Record<string, unknown>) => AllocationCreate.parse({ name: 'تخصیص آزمایشی', divisionId: tree.province.id, budget: 800, ...extra });
const byId = (v: AllocationView) => new Map(v.result.sites.map((s) => [s.siteId, s]));

/** The best total value of any subset within the budget, and every subset that reaches it (brute force). */
function bruteForce(items: { id: number; cost: number; value: number }[], budget: number) {
  let best = -1;
  let sets: number[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const chosen = items.filter((_, k) => mask & (1 << k));
    const cost = chosen.reduce((s, x) => s + x.cost, 0);
    if (cost > budget) continue;
    const value = chosen.reduce((s, x) => s + x.value, 0);
    if (value > best) (best = value), (sets = []);
    if (value === best) sets.push(chosen.map((x) => x.id).sort((a, b) => a - b));
  }
  return { best, sets };
}

describe('AHP weights', () => {
  it("Saaty's textbook matrix is accepted: its weights and CR, TOPSIS ranks, the best funded set", async () => {
    // Saaty's classic 3×3 example: w ≈ (0.637, 0.258, 0.105), λmax ≈ 3.039, CR ≈ 0.033
    const v = await createAllocation(database.db, prov, allocation({ weights: { mode: 'ahp', criteria: ['sensitivity', 'population', 'open_dump'], upper: [[3, 5], [3]] } }));
    expect(v.result.criteria.map((c) => c.key)).toEqual(['sensitivity', 'population', 'open_dump']);
    [0.637, 0.258, 0.105].forEach((w, i) => expect(v.result.criteria[i]!.weight).toBeCloseTo(w, 3));
    expect(v.result.consistencyRatio).toBeCloseTo(0.033, 3);
    expect(v.result.criteria[0]).toMatchObject({ title: 'حساسیت محیط‌زیستی', direction: 'benefit' });

    // the registry's sites in scope with a cost; the one without is counted, removed and foreign ones are not there
    const sites = byId(v);
    expect([...sites.keys()].sort((a, b) => a - b)).toEqual(['A', 'B', 'C', 'D', 'E'].map((k) => ids[k]!).sort((a, b) => a - b));
    expect(v.result.withoutCost).toBe(1);
    expect(v.sites).toBe(5);
    // measured values: flags, population (missing → 0), open dump
    expect(sites.get(ids.D!)!.parts.map((p) => p.value)).toEqual([1, 0, 0]);
    expect(sites.get(ids.A!)!.parts.map((p) => p.value)).toEqual([4, 9000, 1]);
    // A is the ideal and E the anti-ideal on every criterion
    expect(sites.get(ids.A!)).toMatchObject({ rank: 1, score: 1 });
    expect(sites.get(ids.E!)).toMatchObject({ rank: 5, score: 0, funded: false, reason: 'no_value' });
    expect(v.result.sites.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    for (let k = 1; k < 5; k++) expect(v.result.sites[k]!.score).toBeLessThanOrEqual(v.result.sites[k - 1]!.score);
    expect(sites.get(ids.A!)!.scoreText).toContain('رتبهٔ ۱ از ۵');
    expect(sites.get(ids.A!)!.place).toContain('بخش مرکزی');

    // funding: within the budget and the best possible set
    const items = v.result.sites.map((s) => ({ id: s.siteId, cost: s.cost, value: Math.round(s.score * 1000) }));
    const { best, sets } = bruteForce(items, 800);
    const funded = v.result.sites.filter((s) => s.funded).map((s) => s.siteId).sort((a, b) => a - b);
    expect(v.result.spent).toBe(items.filter((x) => funded.includes(x.id)).reduce((s, x) => s + x.cost, 0));
    expect(v.result.spent).toBeLessThanOrEqual(800);
    expect(v.result.value).toBe(best);
    expect(sets).toContainEqual(funded);
    expect(v.funded).toBe(funded.length);
    for (const s of v.result.sites) expect(s.fundingText).toContain(`«${s.name}»`);
    expect(v.result.sites.filter((s) => s.funded).every((s) => s.reason === 'funded' && s.fundingText.includes('تأمین می‌شود'))).toBe(true);

    const audit = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where action = 'landfills.allocation.create' and entity_id = ${String(v.id)}`);
    expect(audit[0]!.n).toBe(1);
    expect(await getAllocation(database.db, prov, v.id)).toEqual(v);
  });

  it('an inconsistent matrix is refused with its CR in the title and the judgement to revisit', async () => {
    // Saaty's light-intensity judgements: CR ≈ 0.145
    const e = await rejects(createAllocation(database.db, prov, allocation({
      weights: { mode: 'ahp', criteria: ['sensitivity', 'water_distance', 'population', 'complaints'], upper: [[5, 6, 7], [4, 6], [4]] },
    })));
    expect(e).toMatchObject({ status: 422, code: 'ahp_inconsistent', title: 'ناسازگاری مقایسه‌ها ۰٫۱۴ است؛ باید کمتر از ۰٫۱ باشد' });
    expect(e.extra).toMatchObject({ worst: { first: 'sensitivity', second: 'complaints', given: 7 } });
    expect((e.extra as { consistencyRatio: number }).consistencyRatio).toBeCloseTo(0.1447, 3);
    expect(e.detail).toContain('«حساسیت محیط‌زیستی» با «شکایات مردمی»');
    expect(await listAllocations(database.db, prov)).toHaveLength(1);
  });
});

describe('direct weights and the measurements', () => {
  it('a missing water distance takes the median of the others, and says so', async () => {
    const v = await createAllocation(database.db, prov, allocation({ name: 'آب', weights: { mode: 'direct', weights: { water_distance: 3 } } }));
    expect(v.result.consistencyRatio).toBeNull();
    expect(v.result.criteria).toEqual([{ key: 'water_distance', title: 'فاصله تا منبع آب', direction: 'cost', weight: 1 }]);
    const sites = byId(v);
    // known: 100, 300, 800, 1000 → median 550
    expect(sites.get(ids.C!)!.parts[0]!.value).toBe(550);
    expect(sites.get(ids.C!)!.scoreText).toContain('میانهٔ محل‌های دیگر (۵۵۰ متر)');
    expect(sites.get(ids.B!)!.scoreText).not.toContain('میانه');
    // nearer to water = more urgent
    expect(['A', 'B', 'C', 'D', 'E'].map((k) => sites.get(ids[k]!)!.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts waste complaints within 5 km in the last 24 months', async () => {
    const v = await createAllocation(database.db, prov, allocation({ name: 'شکایات', weights: { mode: 'direct', weights: { complaints: 1, open_dump: 0 } } }));
    const sites = byId(v);
    expect(['A', 'B', 'C', 'D', 'E'].map((k) => sites.get(ids[k]!)!.parts[0]!.value)).toEqual([0, 3, 0, 1, 0]);
    expect(sites.get(ids.B!)!.rank).toBe(1);
    expect(sites.get(ids.D!)!.rank).toBe(2);
  });

  it('refuses weights that are all zero, and a scope with no costed site', async () => {
    expect(await rejects(createAllocation(database.db, prov, allocation({ weights: { mode: 'direct', weights: { population: 0 } } })))).toMatchObject({ status: 422, code: 'invalid_weights' });
    const empty = await createDivision(database.db, 'county', tree.province, 'شهرستان بی‌محل');
    expect(await rejects(createAllocation(database.db, prov, allocation({ divisionId: empty.id, weights: { mode: 'direct', weights: { population: 1 } } })))).toMatchObject({ status: 422, code: 'empty_allocation' });
  });

  it('a budget below every cost funds nothing; a budget above all costs funds every site with a positive score', async () => {
    const none = await createAllocation(database.db, prov, allocation({ budget: 50, weights: { mode: 'direct', weights: { population: 1 } } }));
    expect(none.result.sites.every((s) => !s.funded)).toBe(true);
    expect(none.spent).toBe(0);
    expect(byId(none).get(ids.A!)!.reason).toBe('over_budget');
    const all = await createAllocation(database.db, prov, allocation({ budget: 10_000, weights: { mode: 'direct', weights: { population: 1 } } }));
    expect(all.result.sites.filter((s) => s.funded).map((s) => s.siteId).sort()).toEqual(all.result.sites.filter((s) => Math.round(s.score * 1000) > 0).map((s) => s.siteId).sort());
  });
});

describe('scope and export', () => {
  it('another province can neither allocate here nor read the allocations', async () => {
    expect((await rejects(createAllocation(database.db, otherProv, allocation({ weights: { mode: 'direct', weights: { population: 1 } } })))).status).toBe(403);
    const mine = (await listAllocations(database.db, prov))[0]!;
    expect((await rejects(getAllocation(database.db, otherProv, mine.id))).status).toBe(404);
    expect(await listAllocations(database.db, otherProv)).toEqual([]);
    expect((await listAllocations(database.db, expert)).map((a) => a.id)).toContain(mine.id);
    expect(mine).toMatchObject({ division: 'استان استان آزمایشی', sites: 5 });
  });

  it('export rows: one per site in rank order, one column per criterion', async () => {
    const v = await createAllocation(database.db, prov, allocation({ weights: { mode: 'direct', weights: { sensitivity: 2, population: 1 } } }));
    const { columns, rows } = allocationRows(v);
    expect(columns.map((c) => c.title)).toEqual(expect.arrayContaining(['رتبه', 'نام محل', 'حساسیت محیط‌زیستی', 'جمعیت در معرض', 'توضیح تأمین اعتبار']));
    expect(columns.map((c) => c.title)).not.toContain('شکایات مردمی');
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const a = rows.find((r) => r.siteId === ids.A)!;
    const col = columns.find((c) => c.title === 'جمعیت در معرض')!;
    expect(col.value!(a)).toBe(9000);
  });
});
