// Planning scenarios: which sites to keep as regional landfills and which village sends its waste where. A scenario
// is built from the registry (the villages of a division with their population, the division's sites as
// candidates) or uploaded in the `landfill-plan` command's input format, checked, stored `queued` and solved off
// the request path by the ScenarioRunner. Views, comparison and the files (input.json, plan.json, plan.csv).
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authorize, can, scopeCondition } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { Db, DbOrTx } from '../../../core/db/client.js';
import { AppError, badRequest, forbidden, notFound } from '../../../core/http/errors.js';
import { divisionTitle } from '../../../core/org/labels.js';
import { getDivision, type Division } from '../../../core/org/queries.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { ScenarioLabels, ScenarioParams, ScenarioSummary, ScenarioView } from '../api-types.js';
import type { ScenarioCreate, SiteStatus } from '../contract.js';
import { haversineKm, ROAD_FACTOR } from './geo.js';
import { faNum, validatePlanInput } from './plan-input.js';
import { PlanError, type PlanInput } from './plan-types.js';
import { ScenarioRunner } from './scenario-runner.js';
import { landfillScenarios, landfillSites } from './schema.js';

/** The runner lives in scenario-runner.ts; the routes take it from here with the rest of the planning API. */
export { ScenarioRunner };

export const MAX_SCENARIO_VILLAGES = 100_000;
export const MAX_SCENARIO_SITES = 20_000;
/** An uploaded scenario may ask for at most this time limit (the registry form allows the same). */
const MAX_TIME_LIMIT_S = 120;

export const SCENARIO_FA = {
  noun: 'سناریو',
  divisionInvalid: 'محدوده انتخاب‌شده پیدا نشد.',
  divisionLevel: 'محدوده سناریو باید کل کشور، یک استان یا یک شهرستان باشد.',
  empty: 'در این محدوده روستایی با جمعیت و مختصات ثبت نشده است',
  tooManyVillages: `سناریو بیش از ${faNum(MAX_SCENARIO_VILLAGES)} روستا دارد؛ محدوده را کوچک‌تر بگیرید.`,
  tooManySites: `سناریو بیش از ${faNum(MAX_SCENARIO_SITES)} محل کاندید دارد؛ محدوده یا وضعیت‌های کاندید را محدودتر کنید.`,
  timeLimit: `سقف زمان حل حداکثر ${faNum(MAX_TIME_LIMIT_S)} ثانیه است.`,
  compareCount: 'برای مقایسه دو تا چهار سناریوی متفاوت را انتخاب کنید.',
};

const invalidScenario = (e: PlanError, pathPrefix: string | null) =>
  new AppError(422, 'invalid_scenario', e.fa, e.en, e.path && pathPrefix !== null ? { errors: [{ path: `${pathPrefix}${e.path}`, message: e.fa }] } : undefined);

const PLAN_LEVELS = new Set(['country', 'province', 'county']);

/** The whole country as a plan's scope (there is no country row among the divisions): id 0, path '/'. */
const COUNTRY: Division = { id: 0, level: 'country', parentId: null, name: 'کل کشور', code: '', path: '/', depth: 0, lat: null, lon: null };

/** The title of a plan's scope: «استان مازندران», or «کل کشور» for a national one (no division row). */
export const scopeTitle = (level: Division['level'] | null, name: string | null): string => (level && name ? divisionTitle({ level, name }) : COUNTRY.name);

/**
 * The scope division of a scenario or an allocation: it exists, lies inside the actor's `landfills.plan` scope
 * (else 403) and is the country, a province or a county (else 422).
 */
export async function planScope(db: DbOrTx, actor: Actor, divisionId: number | null): Promise<Division> {
  if (divisionId === null) {
    authorize(actor, 'landfills.plan', '/');
    return COUNTRY;
  }
  const division = await getDivision(db, divisionId);
  if (!division) throw new AppError(422, 'division_invalid', SCENARIO_FA.divisionInvalid, undefined, { errors: [{ path: 'divisionId', message: SCENARIO_FA.divisionInvalid }] });
  authorize(actor, 'landfills.plan', division.path);
  if (!PLAN_LEVELS.has(division.level)) throw new AppError(422, 'division_level', SCENARIO_FA.divisionLevel, undefined, { errors: [{ path: 'divisionId', message: SCENARIO_FA.divisionLevel }] });
  return division;
}

/** The registry sites a plan or an allocation may use: inside `path`, and not removed as duplicate or wrong. */
export function liveSitesIn(path: string): SQL {
  return and(sql`${landfillSites.divisionPath} like ${path + '%'}`, ne(wfCases.state, 'removed'))!;
}

interface Built {
  input: PlanInput;
  labels: ScenarioLabels;
  params: ScenarioParams;
}

async function fromRegistry(db: DbOrTx, division: Division, input: Extract<ScenarioCreate, { source: 'registry' }>): Promise<Built> {
  const d = orgDivisions;
  const inScope = and(eq(d.level, 'village'), sql`${d.path} like ${division.path + '%'}`);
  const usable = and(isNotNull(d.lat), isNotNull(d.lon), isNotNull(d.population));
  const villages = await db
    .select({ id: d.id, name: d.name, lat: d.lat, lon: d.lon, population: d.population })
    .from(d)
    .where(and(inScope, usable))
    .orderBy(asc(d.id))
    .limit(MAX_SCENARIO_VILLAGES + 1);
  if (villages.length > MAX_SCENARIO_VILLAGES) throw new AppError(422, 'scenario_too_large', SCENARIO_FA.tooManyVillages);
  if (villages.length === 0) throw new AppError(422, 'empty_scenario', SCENARIO_FA.empty);
  const [skipped] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .where(and(inScope, or(isNull(d.lat), isNull(d.lon), isNull(d.population))));

  const sites = await db
    .select({ id: landfillSites.id, name: landfillSites.name, lat: landfillSites.lat, lon: landfillSites.lon, designIntakeT: landfillSites.designIntakeT })
    .from(landfillSites)
    .innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId))
    .where(and(liveSitesIn(division.path), inArray(landfillSites.status, input.candidateStatuses)))
    .orderBy(asc(landfillSites.id))
    .limit(MAX_SCENARIO_SITES + 1);
  if (sites.length + input.newCandidates.length > MAX_SCENARIO_SITES) throw new AppError(422, 'scenario_too_large', SCENARIO_FA.tooManySites);

  const labels: ScenarioLabels = { sites: {}, villages: {} };
  const planSites: PlanInput['sites'] = [];
  for (const s of sites) {
    const id = `site-${s.id}`;
    planSites.push({ id, lat: s.lat, lon: s.lon, capacity: input.capacitated ? s.designIntakeT : null });
    labels.sites[id] = { name: s.name, lat: s.lat, lon: s.lon, existing: true, siteId: s.id };
  }
  input.newCandidates.forEach((c, k) => {
    const id = `new-${k + 1}`;
    planSites.push({ id, lat: c.lat, lon: c.lon, capacity: input.capacitated ? c.capacity : null });
    labels.sites[id] = { name: c.name, lat: c.lat, lon: c.lon, existing: false, siteId: null };
  });
  const planVillages: PlanInput['villages'] = villages.map((v) => {
    const id = `village-${v.id}`;
    labels.villages[id] = { name: v.name, lat: v.lat, lon: v.lon };
    return { id, lat: v.lat, lon: v.lon, demand: (v.population! * input.kgPerCapita) / 1000 };
  });
  return {
    input: {
      p: input.p, openCost: input.openCost, sites: planSites, villages: planVillages, distances: null,
      timeLimitSeconds: input.timeLimitSeconds, roadFactor: input.roadFactor,
    },
    labels,
    params: {
      source: 'registry', p: input.p, openCost: input.openCost, roadFactor: input.roadFactor, timeLimitSeconds: input.timeLimitSeconds,
      kgPerCapita: input.kgPerCapita, candidateStatuses: input.candidateStatuses as SiteStatus[], capacitated: input.capacitated,
      skippedVillages: skipped?.n ?? 0,
    },
  };
}

function fromUpload(input: Extract<ScenarioCreate, { source: 'upload' }>): Built {
  const u = input.input;
  if (u.timeLimitSeconds !== null && u.timeLimitSeconds > MAX_TIME_LIMIT_S) {
    throw new AppError(422, 'invalid_scenario', SCENARIO_FA.timeLimit, undefined, { errors: [{ path: 'input.timeLimitSeconds', message: SCENARIO_FA.timeLimit }] });
  }
  const labels: ScenarioLabels = { sites: {}, villages: {} };
  const sites = u.sites.map((s) => {
    labels.sites[s.id] = { name: s.name || s.id, lat: s.lat ?? null, lon: s.lon ?? null, existing: true, siteId: null };
    return { id: s.id, lat: s.lat ?? null, lon: s.lon ?? null, capacity: s.capacity };
  });
  const villages = u.villages.map((v) => {
    labels.villages[v.id] = { name: v.name || v.id, lat: v.lat ?? null, lon: v.lon ?? null };
    return { id: v.id, lat: v.lat ?? null, lon: v.lon ?? null, demand: v.demand };
  });
  return {
    input: { p: u.p, openCost: u.openCost, sites, villages, distances: u.distances, timeLimitSeconds: u.timeLimitSeconds, roadFactor: u.roadFactor },
    labels,
    params: {
      source: 'upload', p: u.p, openCost: u.openCost, roadFactor: u.roadFactor, timeLimitSeconds: u.timeLimitSeconds, kgPerCapita: null,
      candidateStatuses: [], capacitated: sites.some((s) => s.capacity !== null), skippedVillages: 0,
    },
  };
}

/**
 * Builds, checks and queues a scenario, then wakes the runner. 403 outside the actor's planning scope; 422
 * `invalid_scenario` (the solver's Persian reason), `empty_scenario`, `scenario_too_large`.
 */
export async function createScenario(db: Db, actor: Actor, input: ScenarioCreate, runner: ScenarioRunner): Promise<ScenarioView> {
  if (actor.id === null) throw forbidden();
  const division = await planScope(db, actor, input.divisionId);
  const built = input.source === 'registry' ? await fromRegistry(db, division, input) : fromUpload(input);
  try {
    validatePlanInput(built.input);
  } catch (e) {
    if (e instanceof PlanError) throw invalidScenario(e, input.source === 'upload' ? 'input.' : '');
    throw e;
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(landfillScenarios)
      .values({ name: input.name, divisionId: division.id || null, divisionPath: division.path, params: built.params, input: built.input, labels: built.labels, state: 'queued', createdById: actor.id! })
      .returning({ id: landfillScenarios.id });
    await appendAudit(tx, actor, {
      action: 'landfills.scenario.create', entityType: 'landfill_scenario', entityId: row!.id, divisionPath: division.path,
      data: { name: input.name, source: input.source, villages: built.input.villages.length, sites: built.input.sites.length, p: built.input.p, openCost: built.input.openCost },
    });
    return row!.id;
  });
  runner.kick();
  return getScenario(db, actor, id);
}

// ---- reading ---------------------------------------------------------------------------------------------------

const t = landfillScenarios;
const summaryColumns = {
  id: t.id,
  name: t.name,
  divisionName: orgDivisions.name,
  divisionLevel: orgDivisions.level,
  state: t.state,
  villages: sql<number>`jsonb_array_length(${t.input}->'villages')`.mapWith(Number),
  candidates: sql<number>`jsonb_array_length(${t.input}->'sites')`.mapWith(Number),
  open: sql<number | null>`jsonb_array_length(${t.result}->'open')`.mapWith(Number),
  cost: sql<number | null>`(${t.result}->>'cost')::float8`.mapWith(Number),
  gap: sql<number | null>`(${t.result}->>'gap')::float8`.mapWith(Number),
  createdBy: authUsers.displayName,
  createdAt: t.createdAt,
};
interface SummaryRow {
  id: number; name: string; divisionName: string | null; divisionLevel: Division['level'] | null; state: ScenarioSummary['state'];
  villages: number; candidates: number; open: number | null; cost: number | null; gap: number | null; createdBy: string | null; createdAt: Date;
}

function toSummary(r: SummaryRow): ScenarioSummary {
  return {
    id: r.id, name: r.name, division: scopeTitle(r.divisionLevel, r.divisionName), state: r.state, villages: r.villages, candidates: r.candidates,
    open: r.open, cost: r.cost, gap: r.gap, createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
  };
}

/** The actor's scenarios (inside their planning scope), newest first, at most 200. */
export async function listScenarios(db: DbOrTx, actor: Actor): Promise<ScenarioSummary[]> {
  const list = await db
    .select(summaryColumns)
    .from(t)
    .leftJoin(orgDivisions, eq(orgDivisions.id, t.divisionId))
    .leftJoin(authUsers, eq(authUsers.id, t.createdById))
    .where(scopeCondition(actor, 'landfills.plan', t.divisionPath))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(200);
  return list.map((r) => toSummary(r));
}

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/** One scenario with its parameters, progress and result. 404 when absent or outside the actor's scope. */
export async function getScenario(db: DbOrTx, actor: Actor, id: number): Promise<ScenarioView> {
  const [r] = validId(id)
    ? await db
        .select({
          ...summaryColumns,
          divisionId: t.divisionId, divisionPath: t.divisionPath, params: t.params, labels: t.labels, progress: t.progress, result: t.result, error: t.error,
          startedAt: t.startedAt, finishedAt: t.finishedAt,
          totalDemand: sql<number>`(select coalesce(sum((v->>'demand')::float8), 0) from jsonb_array_elements(${t.input}->'villages') v)`.mapWith(Number),
        })
        .from(t)
        .leftJoin(orgDivisions, eq(orgDivisions.id, t.divisionId))
        .leftJoin(authUsers, eq(authUsers.id, t.createdById))
        .where(eq(t.id, id))
    : [];
  if (!r || !can(actor, 'landfills.plan', r.divisionPath)) throw notFound(SCENARIO_FA.noun);
  return {
    ...toSummary(r),
    divisionId: r.divisionId,
    params: r.params,
    labels: r.labels,
    progress: r.progress,
    result: r.result,
    error: r.error,
    totalDemand: r.totalDemand,
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * A scenario's state and progress only: what a page polls every second while it solves (the full view carries every
 * village's label — megabytes for a national scenario). 404 when absent or outside the actor's scope.
 */
export async function scenarioProgress(db: DbOrTx, actor: Actor, id: number): Promise<Pick<ScenarioView, 'id' | 'state' | 'progress' | 'error'>> {
  const [r] = validId(id) ? await db.select({ id: t.id, state: t.state, progress: t.progress, error: t.error, divisionPath: t.divisionPath }).from(t).where(eq(t.id, id)) : [];
  if (!r || !can(actor, 'landfills.plan', r.divisionPath)) throw notFound(SCENARIO_FA.noun);
  return { id: r.id, state: r.state, progress: r.progress, error: r.error };
}

/** Two to four scenarios side by side (each as getScenario: 404 if any is absent or out of scope). */
export async function compareScenarios(db: DbOrTx, actor: Actor, ids: number[]): Promise<ScenarioView[]> {
  const unique = [...new Set(ids)];
  if (unique.length < 2 || unique.length > 4 || unique.length !== ids.length) throw badRequest('compare_ids', SCENARIO_FA.compareCount);
  const out: ScenarioView[] = [];
  for (const id of unique) out.push(await getScenario(db, actor, id));
  return out;
}

/** plan.json: exactly what `landfill-plan` prints for this input (with `objective` when there is a fixed cost). */
export interface PlanFile {
  open: string[];
  assignment: Record<string, string>;
  cost: number;
  lowerBound: number | null;
  objective?: number;
}

export interface ScenarioFileRow {
  villageId: string;
  village: string;
  siteId: string;
  site: string;
  /** tons/day */
  demand: number;
  /** haul distance the solver used (matrix, or great-circle × road factor) */
  distanceKm: number;
}

/** The solver's input, its output in the CLI's format (null until solved) and the assignment row by row. */
export async function scenarioFiles(db: DbOrTx, actor: Actor, id: number): Promise<{ input: PlanInput; plan: PlanFile | null; rows: ScenarioFileRow[] }> {
  const [r] = validId(id)
    ? await db.select({ divisionPath: t.divisionPath, input: t.input, labels: t.labels, result: t.result, state: t.state }).from(t).where(eq(t.id, id))
    : [];
  if (!r || !can(actor, 'landfills.plan', r.divisionPath)) throw notFound(SCENARIO_FA.noun);
  const input = r.input;
  const res = r.state === 'done' ? r.result : null;
  if (!res) return { input, plan: null, rows: [] };
  const plan: PlanFile = { open: res.open, assignment: res.assignment, cost: res.cost, lowerBound: res.lowerBound };
  if (input.openCost !== null && input.openCost !== undefined) plan.objective = res.objective;
  const siteIndex = new Map(input.sites.map((s, j) => [s.id, j]));
  const roadFactor = input.roadFactor ?? ROAD_FACTOR;
  const rows = input.villages.map((v, i): ScenarioFileRow => {
    const siteId = res.assignment[v.id]!;
    const j = siteIndex.get(siteId)!;
    const s = input.sites[j]!;
    const distanceKm = input.distances ? input.distances[i]![j]! : haversineKm(v.lat!, v.lon!, s.lat!, s.lon!) * roadFactor;
    return {
      villageId: v.id, village: r.labels.villages[v.id]?.name ?? v.id, siteId, site: r.labels.sites[siteId]?.name ?? siteId,
      demand: v.demand, distanceKm: Math.round(distanceKm * 1000) / 1000,
    };
  });
  return { input, plan, rows };
}
