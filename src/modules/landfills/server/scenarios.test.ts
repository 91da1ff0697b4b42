// Planning scenarios on the real database, solved by the runner in its worker thread: a registry scenario end to
// end (capacities, assignment, pollution points, plan.json identical to the CLI's), an uploaded one, one without a
// feasible plan, refusals, scope, two runners sharing the queue, stop and resume after a crash.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/access/actor.js';
import { rows as rowsOf, sql, type Database } from '../../../core/db/client.js';
import type { Log } from '../../../core/jobs/worker.js';
import { AppError } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { createTestDatabase } from '../../../test/db.js';
import { createDivision, createStaff, createTree, type TestDivision } from '../../../test/factories.js';
import type { ScenarioView } from '../api-types.js';
import { ScenarioCreate } from '../contract.js';
import { landfillPlanCommand } from './cli-commands.js';
import { ScenarioRunner } from './scenario-runner.js';
import { compareScenarios, createScenario, getScenario, listScenarios, scenarioFiles } from './scenarios.js';
import { landfillScenarios } from './schema.js';
import { landfillSiteWorkflow } from './workflow.js';
import { addSite as addSiteRow } from './test-factory.js';

registerWorkflow(landfillSiteWorkflow);

let database: Database;
let tree: Awaited<ReturnType<typeof createTree>>;
let rd: TestDivision;
let prov: Actor;
let otherProv: Actor;
let expert: Actor;
const logs: { msg: string; scenarioId?: number }[] = [];
const log = {
  info: (o: object, msg?: string) => void logs.push({ msg: msg ?? '', ...(o as { scenarioId?: number }) }),
  warn: () => {},
  error: () => {},
} as unknown as Log;
const runners: ScenarioRunner[] = [];
const newRunner = (opts: { maxWorkers?: number } = {}) => {
  const r = new ScenarioRunner(database.db, { log, ...opts });
  runners.push(r);
  return r;
};

/** A registry site with its verification case (as the registry would create it). */
const addSite = (div: TestDivision, s: Parameters<typeof addSiteRow>[3]) => addSiteRow(database.db, expert, div, s);

async function addVillage(parent: TestDivision, name: string, lat: number | null, lon: number | null, population: number | null) {
  const v = await createDivision(database.db, 'village', parent, name);
  await database.db.update(orgDivisions).set({ lat, lon, population }).where(eq(orgDivisions.id, v.id));
  return v;
}

async function until(actor: Actor, id: number, states: ScenarioView['state'][], timeoutMs = 60_000): Promise<ScenarioView> {
  const t0 = Date.now();
  for (;;) {
    const v = await getScenario(database.db, actor, id);
    if (states.includes(v.state)) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`scenario ${id} still ${v.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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

// a deterministic scatter of points around (36°, 52°)
const rand = (() => {
  let s = 12345;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
})();

const VILLAGES = 40;
beforeAll(async () => {
  database = await createTestDatabase();
  tree = await createTree(database.db);
  expert = await createStaff(database.db, [['expert.rural', null]]);
  prov = await createStaff(database.db, [['province.reviewer', tree.province]]);
  otherProv = await createStaff(database.db, [['province.reviewer', tree.otherProvince]]);
  rd = await createDivision(database.db, 'rural_district', tree.district, 'دهستان آزمایشی');
  for (let i = 0; i < VILLAGES; i++) await addVillage(rd, `روستای ${i + 1}`, 36 + rand() * 0.5, 52 + rand() * 0.5, 200 + Math.round(rand() * 1800));
  // skipped: no population, no latitude, no longitude (and the two villages of createTree, which have neither)
  await addVillage(rd, 'بی‌جمعیت', 36.1, 52.1, null);
  await addVillage(rd, 'بی‌مختصات', null, 52.1, 500);
  await addVillage(rd, 'بی‌طول', 36.1, null, 500);
  // candidates: six active sites with a daily capacity; not candidates: a full one, a removed one, one elsewhere
  for (let j = 0; j < 6; j++) await addSite(tree.district, { name: `محل ${j + 1}`, lat: 36 + rand() * 0.5, lon: 52 + rand() * 0.5, designIntakeT: 20 });
  await addSite(tree.district, { name: 'پرشده', lat: 36.2, lon: 52.2, status: 'full', designIntakeT: 100 });
  await addSite(tree.district, { name: 'حذف‌شده', lat: 36.2, lon: 52.2, removed: true, designIntakeT: 100 });
  const elsewhere = await createDivision(database.db, 'district', await createDivision(database.db, 'county', tree.otherProvince));
  await addSite(elsewhere, { name: 'استان دیگر', lat: 30, lon: 50, designIntakeT: 100 });
});

afterAll(async () => {
  for (const r of runners) await r.close();
  await database?.close();
});

const registry = (extra: Record<string, unknown> = {}) => ScenarioCreate.parse({ source: 'registry', name: 'سناریوی استان', divisionId: tree.province.id, p: 3, ...extra });

describe('a registry scenario', () => {
  it('is queued, solved in the worker and stored with a plan that respects every capacity', async () => {
    const runner = newRunner();
    const created = await createScenario(database.db, prov, registry({ newCandidates: [{ name: 'مرکز تازه', lat: 36.25, lon: 52.25, capacity: 30 }] }), runner);
    expect(['queued', 'running']).toContain(created.state);
    expect(created.villages).toBe(VILLAGES);
    expect(created.candidates).toBe(7);
    expect(created.params).toMatchObject({ source: 'registry', p: 3, kgPerCapita: 0.6, candidateStatuses: ['active'], capacitated: true, skippedVillages: 5 });
    expect(created.labels.sites['new-1']).toEqual({ name: 'مرکز تازه', lat: 36.25, lon: 52.25, existing: false, siteId: null });
    expect(Object.values(created.labels.sites).map((s) => s.name).sort()).toEqual(['مرکز تازه', ...[1, 2, 3, 4, 5, 6].map((j) => `محل ${j}`)].sort());

    const v = await until(prov, created.id, ['done', 'failed']);
    expect(v.error).toBeNull();
    expect(v.state).toBe('done');
    expect(v.startedAt).not.toBeNull();
    expect(v.finishedAt).not.toBeNull();
    expect(v.progress).toMatchObject({ phase: 'done', phaseTitle: 'پایان حل', fraction: 1 });
    const r = v.result!;
    expect(r.open).toHaveLength(3);
    expect(v.open).toBe(3);
    expect(v.cost).toBeCloseTo(r.cost, 9);

    const { input, plan, rows } = await scenarioFiles(database.db, prov, v.id);
    expect(input.villages).toHaveLength(VILLAGES);
    const totalPopulation = (await database.db.select().from(orgDivisions).where(eq(orgDivisions.parentId, rd.id)))
      .filter((d) => d.lat !== null && d.lon !== null && d.population !== null)
      .reduce((s, d) => s + d.population!, 0);
    expect(v.totalDemand).toBeCloseTo((totalPopulation * 0.6) / 1000, 9);
    // every village to a kept site, and no site over its capacity
    const open = new Set(r.open);
    const load = new Map<string, number>();
    for (const village of input.villages) {
      const to = r.assignment[village.id]!;
      expect(open.has(to)).toBe(true);
      load.set(to, (load.get(to) ?? 0) + village.demand);
    }
    expect(Object.keys(r.assignment).sort()).toEqual(input.villages.map((x) => x.id).sort());
    for (const s of input.sites) if (s.capacity !== null) expect(load.get(s.id) ?? 0).toBeLessThanOrEqual(s.capacity + 1e-9);
    // the capacities bind (total demand > one site's 20 t/day), so the plan really had to respect them
    expect(v.totalDemand).toBeGreaterThan(20);
    for (const l of r.loads) expect(l.load).toBeCloseTo(load.get(l.siteId)!, 9);
    // pollution points: the existing sites that are closed
    const closedExisting = input.sites.filter((s) => !open.has(s.id) && v.labels.sites[s.id]!.existing).length;
    expect(r.pollutionPointsRemoved).toBe(closedExisting);
    expect(r.pollutionPointsRemoved).toBeGreaterThanOrEqual(3);
    expect(r.explanation.summary).toContain(`${(closedExisting).toLocaleString('fa-IR')} کانون آلودگی کمتر`);
    for (const k of r.explanation.kept) expect(k.text).toContain(`«${v.labels.sites[k.siteId]!.name}»`);
    // plan.json is exactly what the CLI prints for the same input; the CSV rows add up to the cost
    expect(plan).toEqual(JSON.parse(landfillPlanCommand(JSON.stringify(input)).stdout));
    expect(rows).toHaveLength(VILLAGES);
    expect(rows.reduce((s, x) => s + x.demand * x.distanceKm, 0)).toBeCloseTo(r.cost, 0);
    expect(rows.every((x) => x.village.startsWith('روستای ') && v.labels.sites[x.siteId]!.name === x.site)).toBe(true);

    expect((await listScenarios(database.db, prov)).map((s) => s.id)).toContain(v.id);
    const audit = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where action = 'landfills.scenario.create' and entity_id = ${String(v.id)}`);
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses what cannot be planned, in Persian', async () => {
    const runner = newRunner();
    const tooMany = await rejects(createScenario(database.db, prov, registry({ p: 50 }), runner));
    expect(tooMany).toMatchObject({ status: 422, code: 'invalid_scenario' });
    expect(tooMany.title).toContain('p باید عددی صحیح');
    // total demand above the total capacity of three 1-t/day candidates: refused up front
    const small = await createDivision(database.db, 'county', tree.province, 'شهرستان کوچک');
    const smallRd = await createDivision(database.db, 'rural_district', await createDivision(database.db, 'district', small));
    const empty = await rejects(createScenario(database.db, prov, registry({ divisionId: small.id }), runner));
    expect(empty).toMatchObject({ status: 422, code: 'empty_scenario', title: 'در این محدوده روستایی با جمعیت و مختصات ثبت نشده است' });
    await addVillage(smallRd, 'روستای پرجمعیت', 35, 51, 10_000);
    await addSite(smallRd, { name: 'کوچک', lat: 35.01, lon: 51.01, designIntakeT: 1 });
    const infeasible = await rejects(createScenario(database.db, prov, registry({ divisionId: small.id, p: 1 }), runner));
    expect(infeasible).toMatchObject({ status: 422, code: 'invalid_scenario' });
    expect(infeasible.title).toContain('برنامهٔ شدنی وجود ندارد');
    // without capacities the same scope is fine
    const ok = await createScenario(database.db, prov, registry({ divisionId: small.id, p: 1, capacitated: false }), runner);
    expect((await until(prov, ok.id, ['done', 'failed'])).state).toBe('done');
    // a district is not a planning scope; neither p nor a fixed cost
    expect(await rejects(createScenario(database.db, prov, registry({ divisionId: tree.district.id }), runner))).toMatchObject({ status: 422, code: 'division_level' });
    const neither = await rejects(createScenario(database.db, prov, registry({ p: null }), runner));
    expect(neither).toMatchObject({ status: 422, code: 'invalid_scenario' });
    expect(neither.title).toContain('دقیقاً یکی');
  });
});

describe('an uploaded scenario', () => {
  const upload = (input: Record<string, unknown>) => ScenarioCreate.parse({ source: 'upload', name: 'بارگذاری', divisionId: tree.province.id, input });

  it('is solved as given (distance matrix, optional names)', async () => {
    const runner = newRunner();
    const created = await createScenario(database.db, prov, upload({
      p: 1,
      sites: [{ id: 'a', capacity: null, name: 'مرکز الف' }, { id: 'b', capacity: null }],
      villages: [{ id: 'x', demand: 2, name: 'ایکس' }, { id: 'y', demand: 1 }, { id: 'z', demand: 1 }],
      distances: [[1, 10], [4, 2], [6, 3]],
    }), runner);
    expect(created.labels.sites).toEqual({ a: { name: 'مرکز الف', lat: null, lon: null, existing: true, siteId: null }, b: { name: 'b', lat: null, lon: null, existing: true, siteId: null } });
    expect(created.params).toMatchObject({ source: 'upload', p: 1, capacitated: false, skippedVillages: 0, kgPerCapita: null });
    const v = await until(prov, created.id, ['done', 'failed']);
    expect(v.state).toBe('done');
    // a: 2·1 + 4 + 6 = 12; b: 2·10 + 2 + 3 = 25
    expect(v.result).toMatchObject({ open: ['a'], cost: 12, lowerBound: 12, pollutionPointsRemoved: 1, assignment: { x: 'a', y: 'a', z: 'a' } });
    expect(v.result!.stats.provedOptimal).toBe(true);
    const files = await scenarioFiles(database.db, prov, v.id);
    expect(files.plan).toEqual({ open: ['a'], assignment: { x: 'a', y: 'a', z: 'a' }, cost: 12, lowerBound: 12 });
    expect(files.rows.map((r) => [r.village, r.site, r.distanceKm])).toEqual([['ایکس', 'مرکز الف', 1], ['y', 'مرکز الف', 4], ['z', 'مرکز الف', 6]]);
  });

  it('with a fixed cost, plan.json carries the objective', async () => {
    const runner = newRunner();
    const created = await createScenario(database.db, prov, upload({
      openCost: 5, sites: [{ id: 'a', capacity: null }, { id: 'b', capacity: null }], villages: [{ id: 'x', demand: 1 }, { id: 'y', demand: 1 }], distances: [[0, 10], [10, 0]],
    }), runner);
    await until(prov, created.id, ['done']);
    const files = await scenarioFiles(database.db, prov, created.id);
    expect(files.plan).toEqual(JSON.parse(landfillPlanCommand(JSON.stringify(files.input)).stdout));
    expect(files.plan!.objective).toBe(10);
  });

  it('fails with a Persian reason when whole villages cannot be packed into the capacities', async () => {
    const runner = newRunner();
    // 1.8 t/day against 2 × 1 t/day passes the up-front check, but no site can take two villages of 0.6
    const created = await createScenario(database.db, prov, upload({
      openCost: 0, sites: [{ id: 'a', capacity: 1 }, { id: 'b', capacity: 1 }], villages: [{ id: 'x', demand: 0.6 }, { id: 'y', demand: 0.6 }, { id: 'z', demand: 0.6 }],
      distances: [[1, 2], [2, 1], [1, 1]],
    }), runner);
    const v = await until(prov, created.id, ['done', 'failed']);
    expect(v.state).toBe('failed');
    expect(v.result).toBeNull();
    expect(v.error).toMatch(/^برنامهٔ شدنی وجود ندارد/);
    expect(v.finishedAt).not.toBeNull();
    const files = await scenarioFiles(database.db, prov, v.id);
    expect(files.plan).toBeNull();
    expect(files.rows).toEqual([]);
  });

  it('reports the path of an invalid value and refuses a time limit over two minutes', async () => {
    const runner = newRunner();
    const bad = await rejects(createScenario(database.db, prov, upload({ p: 1, sites: [{ id: 'a', capacity: null }], villages: [{ id: 'x', demand: 1 }, { id: 'x', demand: 1 }], distances: [[1], [1]] }), runner));
    expect(bad).toMatchObject({ status: 422, code: 'invalid_scenario', extra: { errors: [{ path: 'input.villages.1.id' }] } });
    expect(bad.title).toContain('شناسهٔ تکراری');
    const slow = await rejects(createScenario(database.db, prov, upload({ p: 1, sites: [{ id: 'a', capacity: null }], villages: [{ id: 'x', demand: 1 }], distances: [[1]], timeLimitSeconds: 600 }), runner));
    expect(slow).toMatchObject({ status: 422, code: 'invalid_scenario' });
  });
});

describe('scope', () => {
  it('another province sees nothing and may create nothing here', async () => {
    const runner = newRunner();
    const mine = await createScenario(database.db, prov, registry({ name: 'محرمانه' }), runner);
    const forbidden = await rejects(createScenario(database.db, otherProv, registry(), runner));
    expect(forbidden.status).toBe(403);
    expect((await rejects(getScenario(database.db, otherProv, mine.id))).status).toBe(404);
    expect((await rejects(getScenario(database.db, prov, 999_999))).status).toBe(404);
    expect((await rejects(scenarioFiles(database.db, otherProv, mine.id))).status).toBe(404);
    expect((await rejects(compareScenarios(database.db, otherProv, [mine.id, mine.id + 1]))).status).toBe(404);
    expect(await listScenarios(database.db, otherProv)).toEqual([]);
    // the national expert sees it, and may compare it with another one
    const second = await createScenario(database.db, expert, registry({ name: 'دوم', p: 2 }), runner);
    const compared = await compareScenarios(database.db, expert, [mine.id, second.id]);
    expect(compared.map((c) => c.name)).toEqual(['محرمانه', 'دوم']);
    expect((await rejects(compareScenarios(database.db, expert, [mine.id]))).status).toBe(400);
    const list = await listScenarios(database.db, expert);
    expect(list.slice(0, 2).map((s) => s.id)).toEqual([second.id, mine.id]);
    expect(list[0]).toMatchObject({ division: 'استان استان آزمایشی', createdBy: expect.any(String) });
    await runner.drain();
  });
});

describe('the runner', () => {
  /** A scenario big enough to run for a few seconds. */
  function bigUpload(name: string, timeLimitSeconds: number) {
    const sites = Array.from({ length: 150 }, (_, j) => ({ id: `s${j}`, lat: 35 + rand() * 3, lon: 50 + rand() * 4, capacity: null }));
    const villages = Array.from({ length: 3000 }, (_, i) => ({ id: `v${i}`, lat: 35 + rand() * 3, lon: 50 + rand() * 4, demand: 0.1 + rand() }));
    return ScenarioCreate.parse({ source: 'upload', name, divisionId: tree.province.id, input: { p: 15, sites, villages, timeLimitSeconds } });
  }

  it('keeps the event loop free and writes progress while solving; a stopped run is queued again and resumed', async () => {
    const first = newRunner();
    const created = await createScenario(database.db, prov, bigUpload('بزرگ', 60), first);
    // the event loop keeps ticking while the worker solves
    let lastTick = Date.now();
    let worstLag = 0;
    const ticker = setInterval(() => {
      const now = Date.now();
      worstLag = Math.max(worstLag, now - lastTick);
      lastTick = now;
    }, 10);
    let running: ScenarioView;
    try {
      running = await until(prov, created.id, ['running']);
      const t0 = Date.now();
      while (Date.now() - t0 < 20_000) {
        running = await getScenario(database.db, prov, created.id);
        if (running.progress && running.progress.phase !== 'prepare') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      clearInterval(ticker);
    }
    expect(running.state).toBe('running');
    expect(running.progress!.phase).not.toBe('prepare');
    expect(running.progress!.phaseTitle).not.toMatch(/[a-z]/);
    // a solve on the main thread would stall it for seconds (this one takes 3–6 s); PGlite queries run here too
    expect(worstLag).toBeLessThan(1000);

    // stopping the process puts the solve back in the queue
    await first.close();
    const stopped = await getScenario(database.db, prov, created.id);
    expect(stopped.state).toBe('queued');
    expect(stopped.startedAt).toBeNull();

    // a crash: left `running` with a start time, nobody solving it
    await database.db.update(landfillScenarios).set({ state: 'running', startedAt: new Date(Date.now() - 60_000) }).where(eq(landfillScenarios.id, created.id));
    const second = newRunner();
    await second.resume();
    const v = await until(prov, created.id, ['done', 'failed']);
    expect(v.state).toBe('done');
    expect(v.result!.open).toHaveLength(15);
    expect(Object.keys(v.result!.assignment)).toHaveLength(3000);
  });

  it('two runners on one database solve each queued scenario exactly once', async () => {
    // queued while no runner of this process is working (a closed runner is not woken)
    const stopped = newRunner();
    await stopped.close();
    const ids: number[] = [];
    for (let k = 0; k < 4; k++) ids.push((await createScenario(database.db, prov, registry({ name: `صف ${k}`, p: 2 + (k % 2) }), stopped)).id);
    for (const id of ids) expect((await getScenario(database.db, prov, id)).state).toBe('queued');
    logs.length = 0;
    const a = newRunner();
    const b = newRunner();
    a.kick();
    b.kick();
    await Promise.all([a.drain(), b.drain()]);
    for (const id of ids) expect((await getScenario(database.db, prov, id)).state).toBe('done');
    const solved = logs.filter((l) => l.msg === 'solving scenario').map((l) => l.scenarioId!).sort((x, y) => x - y);
    expect(solved).toEqual(ids);
  });
});
