// What people see of the registry: the scoped list (filters, paging), the map's points, the export rows, one
// site's page, and the province / national summary.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can, scopeCondition } from '../../../core/access/policy.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { divisionNames, getDivision, pathIds, placeLabels } from '../../../core/org/queries.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { availableActions, caseHistory } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { notFound } from '../../../core/http/errors.js';
import type { SiteListItem, SitePoint, SiteView, Summary, SummaryRow } from '../api-types.js';
import {
  CAPACITY_UNIT_TITLES,
  SENSITIVITY_FLAG_TITLES,
  SITE_KIND_TITLES,
  SITE_KINDS,
  SITE_STATUS_TITLES,
  SITE_STATUSES,
  WASTE_DENSITY_T_PER_M3,
  type SiteKind,
  type SiteStatus,
  type VerificationState,
} from '../contract.js';
import { remainingTons, remainingYears, round1 } from './life.js';
import { landfillSites, landfillStatusHistory } from './schema.js';
import { loadSite, type SiteRow } from './sites.js';
import { landfillSiteWorkflow, landfillStateTitle } from './workflow.js';
import { containsPattern } from '../../../core/db/like.js';
import { actionTitle } from '../../../core/workflow/definition.js';

export interface SiteFilters {
  q?: string | undefined;
  kind?: SiteKind | undefined;
  status?: SiteStatus | undefined;
  verification?: VerificationState | undefined;
  divisionId?: number | undefined;
}

/** The WHERE of every registry read: the caller's scope, the filters, and removed records only when asked for. */
async function where(db: DbOrTx, actor: Actor, f: SiteFilters): Promise<SQL> {
  const parts: SQL[] = [scopeCondition(actor, 'landfills.read', landfillSites.divisionPath)];
  if (f.kind) parts.push(eq(landfillSites.kind, f.kind));
  if (f.status) parts.push(eq(landfillSites.status, f.status));
  parts.push(f.verification ? eq(wfCases.state, f.verification) : sql`${wfCases.state} <> 'removed'`);
  if (f.divisionId) {
    const d = await getDivision(db, f.divisionId);
    parts.push(d ? sql`${landfillSites.divisionPath} like ${d.path + '%'}` : sql`false`);
  }
  const q = f.q ? normalizeFa(f.q).trim() : '';
  if (q) {
    const like = containsPattern(q);
    parts.push(sql`(fa_normalize(${landfillSites.name}) like ${like} or ${landfillSites.externalId} = ${f.q!.trim()})`);
  }
  return and(...parts)!;
}

function listItem(s: SiteRow, state: string, places: Map<string, string>): SiteListItem {
  return {
    id: s.id, externalId: s.externalId, name: s.name, kind: s.kind, status: s.status, verification: state as VerificationState,
    divisionId: s.divisionId, place: places.get(s.divisionPath) ?? '', lat: s.lat, lon: s.lon, dailyIntakeT: s.dailyIntakeT,
    fillPercent: s.fillPercent, remainingYears: round1(remainingYears(s)), flags: s.flags, updatedAt: s.updatedAt.toISOString(),
  };
}

/** One page of the sites in scope, most recently changed first, with the total. */
export async function listSites(db: DbOrTx, actor: Actor, f: SiteFilters & { page: number; pageSize: number }): Promise<{ items: SiteListItem[]; total: number }> {
  const w = await where(db, actor, f);
  const base = db.select({ site: landfillSites, state: wfCases.state }).from(landfillSites).innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId));
  const [found, [count]] = await Promise.all([
    base.where(w).orderBy(desc(landfillSites.updatedAt), desc(landfillSites.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(landfillSites).innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId)).where(w),
  ]);
  const places = await placeLabels(db, found.map((r) => r.site.divisionPath));
  return { items: found.map((r) => listItem(r.site, r.state, places)), total: count?.n ?? 0 };
}

/** Every site in scope matching the filters, as map points (few fields; the map clusters them). */
export async function mapSites(db: DbOrTx, actor: Actor, f: SiteFilters): Promise<SitePoint[]> {
  const found = await db
    .select({ id: landfillSites.id, name: landfillSites.name, kind: landfillSites.kind, status: landfillSites.status, lat: landfillSites.lat, lon: landfillSites.lon, path: landfillSites.divisionPath })
    .from(landfillSites)
    .innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId))
    .where(await where(db, actor, f))
    .orderBy(asc(landfillSites.id))
    .limit(20_000);
  return found.map(({ path, ...p }) => ({ ...p, provinceId: pathIds(path)[0] ?? 0 }));
}

/** Rows of the export, in pages of 1,000 (the export streams them). */
export async function* exportRows(db: DbOrTx, actor: Actor, f: SiteFilters): AsyncGenerator<SiteRow & { state: string; place: string; remainingTons: number | null; remainingYears: number | null }> {
  const w = await where(db, actor, f);
  for (let after = 0; ; ) {
    const found = await db.select({ site: landfillSites, state: wfCases.state }).from(landfillSites).innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId))
      .where(and(w, sql`${landfillSites.id} > ${after}`)).orderBy(asc(landfillSites.id)).limit(1000);
    if (!found.length) return;
    const places = await placeLabels(db, found.map((r) => r.site.divisionPath));
    for (const r of found) yield { ...r.site, state: r.state, place: places.get(r.site.divisionPath) ?? '', remainingTons: round1(remainingTons(r.site)), remainingYears: round1(remainingYears(r.site)) };
    after = found[found.length - 1]!.site.id;
  }
}

type ExportRow = Awaited<ReturnType<typeof exportRows> extends AsyncGenerator<infer R> ? R : never>;
/** The export's columns, Persian headers; the same columns the import template reads where they overlap. */
export const EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { key: 'c1', title: 'شناسه', value: (r) => r.id },
  { key: 'c2', title: 'شناسه خارجی', value: (r) => r.externalId ?? '' },
  { key: 'c3', title: 'نام محل', value: (r) => r.name },
  { key: 'c4', title: 'نوع', value: (r) => SITE_KIND_TITLES[r.kind] },
  { key: 'c5', title: 'وضعیت', value: (r) => SITE_STATUS_TITLES[r.status] },
  { key: 'c6', title: 'وضعیت تأیید', value: (r) => landfillStateTitle(r.state) },
  { key: 'c7', title: 'محل', value: (r) => r.place },
  { key: 'c8', title: 'عرض جغرافیایی', value: (r) => r.lat },
  { key: 'c9', title: 'طول جغرافیایی', value: (r) => r.lon },
  { key: 'c10', title: 'بهره‌بردار', value: (r) => r.operator },
  { key: 'c11', title: 'سال شروع', value: (r) => r.startYear },
  { key: 'c12', title: 'مساحت (مترمربع)', value: (r) => r.areaM2 },
  { key: 'c13', title: 'ظرفیت کل', value: (r) => r.capacity },
  { key: 'c14', title: 'واحد ظرفیت', value: (r) => CAPACITY_UNIT_TITLES[r.capacityUnit] },
  { key: 'c15', title: 'درصد پرشدگی', value: (r) => r.fillPercent },
  { key: 'c16', title: 'ورودی روزانه (تن)', value: (r) => r.dailyIntakeT },
  { key: 'c17', title: 'ظرفیت پذیرش روزانه (تن)', value: (r) => r.designIntakeT },
  { key: 'c18', title: 'ظرفیت باقی‌مانده (تن)', value: (r) => r.remainingTons },
  { key: 'c19', title: 'عمر باقی‌مانده (سال)', value: (r) => r.remainingYears },
  { key: 'c20', title: 'تعداد روستاهای تحت پوشش', value: (r) => r.servedVillageIds.length },
  { key: 'c21', title: 'فاصله تا منبع آب (متر)', value: (r) => r.distWaterM },
  { key: 'c22', title: 'فاصله تا سکونتگاه (متر)', value: (r) => r.distSettlementM },
  { key: 'c23', title: 'فاصله تا جاده (متر)', value: (r) => r.distRoadM },
  { key: 'c24', title: 'عمق آب زیرزمینی (متر)', value: (r) => r.groundwaterDepthM },
  { key: 'c25', title: 'حساسیت‌ها', value: (r) => r.flags.map((f) => SENSITIVITY_FLAG_TITLES[f]).join('، ') },
  { key: 'c26', title: 'جمعیت در معرض', value: (r) => r.populationExposed },
  { key: 'c27', title: 'اعتبار مورد نیاز (میلیون ریال)', value: (r) => r.requiredFundingMrial },
  { key: 'c28', title: 'آخرین تغییر', value: (r) => r.updatedAt, date: 'datetime' },
];

/** One site's page for `actor`: everything, its histories, and what the actor may do now. */
export async function siteView(db: DbOrTx, actor: Actor, id: number): Promise<SiteView> {
  const { site: s, case: c } = await loadSite(db, actor, id);
  const [places, villages, docs, statusRows, history] = await Promise.all([
    placeLabels(db, [s.divisionPath]),
    s.servedVillageIds.length ? db.select({ id: orgDivisions.id, name: orgDivisions.name }).from(orgDivisions).where(inArray(orgDivisions.id, s.servedVillageIds)).orderBy(asc(orgDivisions.name)) : [],
    s.documentIds.length ? db.select({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size }).from(docFiles).where(inArray(docFiles.id, s.documentIds)) : [],
    db.select({ h: landfillStatusHistory, actor: authUsers.displayName }).from(landfillStatusHistory).leftJoin(authUsers, eq(authUsers.id, landfillStatusHistory.actorId))
      .where(eq(landfillStatusHistory.siteId, s.id)).orderBy(asc(landfillStatusHistory.at), asc(landfillStatusHistory.id)),
    caseHistory(db, c.id),
  ]);
  const actorIds = [...new Set(history.map((h) => h.actorId).filter((x): x is number => x != null))];
  const names = new Map(actorIds.length ? (await db.select({ id: authUsers.id, name: authUsers.displayName }).from(authUsers).where(inArray(authUsers.id, actorIds))).map((u) => [u.id, u.name]) : []);
  const actions = availableActions(c, actor).map((key) => {
    const a = landfillSiteWorkflow.actions[key as keyof typeof landfillSiteWorkflow.actions];
    return { key, title: a.title, requireComment: !!('requireComment' in a && a.requireComment) };
  });
  return {
    ...listItem(s, c.state, places),
    operator: s.operator, startYear: s.startYear, areaM2: s.areaM2, capacity: s.capacity, capacityUnit: s.capacityUnit, designIntakeT: s.designIntakeT,
    servedVillages: villages, distWaterM: s.distWaterM, distSettlementM: s.distSettlementM, distRoadM: s.distRoadM, groundwaterDepthM: s.groundwaterDepthM,
    soilNotes: s.soilNotes, populationExposed: s.populationExposed, requiredFundingMrial: s.requiredFundingMrial,
    documents: s.documentIds.flatMap((d) => docs.find((x) => x.id === d) ?? []),
    remainingTons: round1(remainingTons(s)), version: s.version, caseId: c.id, verificationTitle: landfillStateTitle(c.state), dueAt: c.dueAt?.toISOString() ?? null,
    statusHistory: statusRows.map((r) => ({ fromStatus: r.h.fromStatus, toStatus: r.h.toStatus, note: r.h.note, actor: r.actor, at: r.h.at.toISOString() })),
    verificationHistory: history.map((h) => ({
      action: h.action, title: actionTitle(landfillSiteWorkflow, h.action),
      fromState: h.fromState, toState: h.toState, comment: h.comment, actor: h.actorId != null ? (names.get(h.actorId) ?? null) : null, at: h.at.toISOString(),
    })),
    actions,
    canEdit: c.state !== 'removed' && can(actor, 'landfills.edit', s.divisionPath),
    createdAt: s.createdAt.toISOString(),
  };
}

function emptyRow(divisionId: number | null, name: string): SummaryRow {
  return {
    divisionId, name, sites: 0,
    byKind: Object.fromEntries(SITE_KINDS.map((k) => [k, 0])) as Record<SiteKind, number>,
    byStatus: Object.fromEntries(SITE_STATUSES.map((k) => [k, 0])) as Record<SiteStatus, number>,
    unverified: 0, sensitiveActive: 0, dailyIntakeT: 0, remainingTons: 0, remainingYears: null, nearlyFull: 0,
  };
}

/**
 * Counts, capacity and remaining life, per province (national scope) or per county (a province), plus the total.
 * Remaining years of a group = its remaining tons / (its intake × 365), over active sites that know both.
 */
export async function summary(db: DbOrTx, actor: Actor, divisionId?: number): Promise<Summary> {
  const scope = divisionId ? await getDivision(db, divisionId) : null;
  if (divisionId && !scope) throw notFound('محدوده');
  const depth = scope ? pathIds(scope.path).length : 0; // group by the level below the scope
  const found = await db
    .select({ s: { kind: landfillSites.kind, status: landfillSites.status, capacity: landfillSites.capacity, capacityUnit: landfillSites.capacityUnit, fillPercent: landfillSites.fillPercent, dailyIntakeT: landfillSites.dailyIntakeT, flags: landfillSites.flags, path: landfillSites.divisionPath }, state: wfCases.state })
    .from(landfillSites)
    .innerJoin(wfCases, eq(wfCases.id, landfillSites.caseId))
    .where(await where(db, actor, { divisionId }));
  const groupOf = (path: string) => pathIds(path)[depth] ?? 0;
  const groupIds = [...new Set(found.map((r) => groupOf(r.s.path)))];
  const names = await divisionNames(db, [...groupIds, ...(scope ? [scope.id] : [])]);
  const rows = new Map<number, SummaryRow & { lifeTons: number; lifeIntake: number }>();
  const total = { ...emptyRow(null, 'جمع'), lifeTons: 0, lifeIntake: 0 };
  for (const { s, state } of found) {
    const g = groupOf(s.path);
    if (!rows.has(g)) rows.set(g, { ...emptyRow(g, names.get(g) ?? ''), lifeTons: 0, lifeIntake: 0 });
    for (const row of [rows.get(g)!, total]) {
      row.sites++;
      row.byKind[s.kind]++;
      row.byStatus[s.status]++;
      if (state !== 'verified') row.unverified++;
      if (s.status !== 'active') continue;
      if (s.flags.length) row.sensitiveActive++;
      row.dailyIntakeT += s.dailyIntakeT ?? 0;
      const left = remainingTons(s);
      row.remainingTons += left ?? 0;
      const years = remainingYears(s);
      if (years != null) {
        row.lifeTons += left!;
        row.lifeIntake += s.dailyIntakeT!;
        if (years < 2) row.nearlyFull++;
      }
    }
  }
  const finish = ({ lifeTons, lifeIntake, ...r }: SummaryRow & { lifeTons: number; lifeIntake: number }): SummaryRow => ({
    ...r, dailyIntakeT: round1(r.dailyIntakeT)!, remainingTons: Math.round(r.remainingTons), remainingYears: lifeIntake > 0 ? round1(lifeTons / (lifeIntake * 365)) : null,
  });
  const collator = new Intl.Collator('fa');
  return {
    scope: { divisionId: scope?.id ?? null, name: scope ? (names.get(scope.id) ?? scope.name) : 'کل کشور' },
    rows: [...rows.values()].map(finish).sort((a, b) => collator.compare(a.name, b.name)),
    total: finish(total),
    densityTPerM3: WASTE_DENSITY_T_PER_M3,
  };
}
