// What applicants and staff see of applications: lists, the applicant's view (score, history, why he was or was
// not selected), the staff view with the review actions open to the viewer, and the scoped staff list.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { normalizeFa, toAsciiDigits, toPersianDigits as fa } from '../../../core/fa/normalize.js';
import { divisionNames } from '../../../core/org/queries.js';
import { availableActions, caseHistory, type WorkflowCase } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { ApplicantView, ApplicationListItem, HistoryItem, PreferenceView, ReviewAction, StaffListItem, StaffView } from '../api-types.js';
import { REVIEW_ACTIONS } from '../api-types.js';
import { PRIORITY_TITLES, type ApplicationState } from '../contract.js';
import { amriyehApplications, amriyehCalls, amriyehLetters } from './schema.js';
import { stationsByIds, stationsWithPlaces } from './stations.js';
import { amriyehStateTitle, amriyehWorkflow } from './workflow.js';
import { applicationScope, birthInstant, type ApplicationRow, type LoadedApplication } from './applications.js';
import { containsPattern } from '../../../core/db/like.js';
import { actionTitle } from '../../../core/workflow/definition.js';

function listItem(app: ApplicationRow, c: WorkflowCase, callTitle: string): ApplicationListItem {
  return {
    id: app.id, trackingCode: app.trackingCode, callId: app.callId, callTitle, state: c.state as ApplicationState, stateTitle: amriyehStateTitle(c.state),
    score: app.score, createdAt: app.createdAt.toISOString(),
  };
}

/** The applicant's applications, newest first. */
export async function myApplications(db: DbOrTx, actor: Actor): Promise<ApplicationListItem[]> {
  const found = await db
    .select({ app: amriyehApplications, case: wfCases, callTitle: amriyehCalls.title })
    .from(amriyehApplications)
    .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
    .innerJoin(amriyehCalls, eq(amriyehCalls.id, amriyehApplications.callId))
    .where(eq(amriyehApplications.applicantId, actor.id ?? -1))
    .orderBy(desc(amriyehApplications.createdAt))
    .limit(100);
  return found.map((r) => listItem(r.app, r.case, r.callTitle));
}

/** Why he was or was not selected, from the run's outcome: his rank, and the lowest admitted score at his stations. */
async function explain(db: DbOrTx, app: ApplicationRow, state: string, prefs: PreferenceView[]): Promise<string | null> {
  if (app.runId === null || app.rank === null) return null;
  const lowest = await db
    .select({ stationId: amriyehApplications.assignedStationId, min: sql<number>`min(${amriyehApplications.score})`, n: sql<number>`count(*)::int` })
    .from(amriyehApplications)
    .where(and(eq(amriyehApplications.runId, app.runId), inArray(amriyehApplications.assignedStationId, app.preferences)))
    .groupBy(amriyehApplications.assignedStationId);
  const byStation = new Map(lowest.map((l) => [l.stationId, l]));
  const rank = `رتبه شما در فهرست گزینش ${fa(app.rank)} با امتیاز ${fa(String(app.score ?? 0)).replace('.', '٫')} است.`;
  const assigned = prefs.find((p) => p.stationId === app.assignedStationId);
  if (assigned) {
    const better = prefs.filter((p) => p.rank < assigned.rank).map((p) => `«${p.name}»`);
    return `${rank} در ایستگاه «${assigned.name}» (اولویت ${fa(assigned.rank)} شما) پذیرفته شدید.${better.length ? ` ظرفیت ${better.join('، ')} پیش از نوبت شما با متقاضیان دارای رتبه بهتر پر شده بود.` : ''}`;
  }
  const details = prefs.map((p) => {
    const l = byStation.get(p.stationId);
    return l ? `«${p.name}»: ${fa(l.n)} نفر پذیرفته شد، کمترین امتیاز پذیرفته‌شده ${fa(String(l.min)).replace('.', '٫')}` : `«${p.name}»: ظرفیتی برای شما باقی نماند`;
  });
  const head = state === 'reserve' ? `${rank} در فهرست ذخیره قرار گرفتید.` : `${rank} پذیرفته نشدید.`;
  return `${head} ظرفیت ایستگاه‌های انتخابی شما پیش از رسیدن نوبت شما پر شد یا سهمیه استان تکمیل شد. ${details.join('؛ ')}.`;
}

async function preferencesOf(db: DbOrTx, app: ApplicationRow): Promise<PreferenceView[]> {
  const stations = await stationsWithPlaces(db, await stationsByIds(db, app.preferences));
  const byId = new Map(stations.map((s) => [s.id, s]));
  return app.preferences.flatMap((id, i) => {
    const s = byId.get(id);
    return s ? [{ rank: i + 1, stationId: id, name: s.name, villageName: s.villageName, districtName: s.districtName, provinceId: s.provinceId }] : [];
  });
}

async function historyOf(db: DbOrTx, c: WorkflowCase, applicantId: number): Promise<HistoryItem[]> {
  const rowsH = await caseHistory(db, c.id);
  return rowsH.map((h) => ({
    at: h.at.toISOString(), action: h.action,
    actionTitle: actionTitle(amriyehWorkflow, h.action, 'ثبت درخواست'),
    toState: h.toState, toStateTitle: amriyehStateTitle(h.toState), comment: h.comment, byApplicant: h.actorId === applicantId, bySystem: h.system,
  }));
}

/** What the applicant sees of his own application (also the base of the staff view). */
export async function presentApplicant(db: DbOrTx, loaded: LoadedApplication, actor: Actor): Promise<ApplicantView> {
  const { app, case: c } = loaded;
  const [call] = await db.select({ title: amriyehCalls.title }).from(amriyehCalls).where(eq(amriyehCalls.id, app.callId));
  const names = await divisionNames(db, [app.residenceDivisionId, app.birthPlaceDivisionId]);
  const prefs = await preferencesOf(db, app);
  const history = await historyOf(db, c, app.applicantId);
  const [letter] = await db.select({ number: amriyehLetters.number }).from(amriyehLetters).where(eq(amriyehLetters.applicationId, app.id));
  const docIds = app.priorityClaims.flatMap((cl) => cl.documentIds);
  const docs = new Map(
    (docIds.length ? await db.select({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size }).from(docFiles).where(inArray(docFiles.id, docIds)) : []).map((d) => [d.id, d]),
  );
  const lastComment = [...history].reverse().find((h) => h.comment && !h.byApplicant)?.comment ?? null;
  const actions = availableActions(c, actor);
  return {
    ...listItem(app, c, call?.title ?? ''),
    nationalCode: app.nationalCode, firstName: app.firstName, lastName: app.lastName, fatherName: app.fatherName, birthDate: birthInstant(app.birthDate).toISOString(),
    educationLevel: app.educationLevel, fieldOfStudy: app.fieldOfStudy, gpa: app.gpa,
    residenceDivisionId: app.residenceDivisionId, residenceName: names.get(app.residenceDivisionId) ?? '',
    birthPlaceDivisionId: app.birthPlaceDivisionId, birthPlaceName: names.get(app.birthPlaceDivisionId) ?? '',
    maritalStatus: app.maritalStatus, conscriptionStatus: app.conscriptionStatus,
    priorityClaims: app.priorityClaims.map((cl) => ({ ...cl, title: PRIORITY_TITLES[cl.group], documents: cl.documentIds.flatMap((id) => docs.get(id) ?? []) })),
    preferences: prefs,
    eligibility: app.eligibility,
    scoreParts: app.scoreParts,
    assignedStation: prefs.find((p) => p.stationId === app.assignedStationId) ?? null,
    selectionExplanation: await explain(db, app, c.state, prefs),
    runId: app.runId,
    letterNumber: letter?.number ?? null,
    lastComment,
    history,
    canResubmit: actions.includes('resubmit'),
    canWithdraw: actions.includes('withdraw'),
    dueAt: c.dueAt?.toISOString() ?? null,
  };
}

/** The staff view: the applicant's view plus the case's version, his mobile and the review actions open to the viewer. */
export async function presentStaff(db: DbOrTx, loaded: LoadedApplication, actor: Actor): Promise<StaffView> {
  const base = await presentApplicant(db, loaded, actor);
  const possible = availableActions(loaded.case, actor);
  const open = possible.filter((a): a is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(a));
  const defs = amriyehWorkflow.actions as Record<string, { title: string; requireComment?: boolean }>;
  return {
    ...base, canResubmit: false, canWithdraw: false, caseId: loaded.case.id, version: loaded.case.version, mobile: loaded.app.mobile,
    actions: open.map((key) => ({ key, title: defs[key]!.title, requireComment: defs[key]!.requireComment ?? false })),
    canRevoke: base.letterNumber !== null && possible.includes('revoke'),
  };
}

export interface StaffListQuery { callId?: number; state?: ApplicationState; q?: string; overdue?: boolean; page: number; pageSize: number }

/** The staff list: in scope, filtered, overdue first then oldest first (what waits longest is seen first). */
export async function staffList(db: DbOrTx, actor: Actor, query: StaffListQuery): Promise<{ items: StaffListItem[]; total: number }> {
  const conds: SQL[] = [applicationScope(actor, wfCases.divisionPath)];
  if (query.callId) conds.push(eq(amriyehApplications.callId, query.callId));
  if (query.state) conds.push(eq(wfCases.state, query.state));
  if (query.overdue) conds.push(sql`${wfCases.dueAt} < now()`);
  const q = query.q?.trim();
  if (q) {
    const digits = toAsciiDigits(q).replace(/[\s-]/g, '');
    const code = normalizeTrackingCode(q);
    const parts: SQL[] = [];
    if (/^\d{3,10}$/.test(digits)) parts.push(sql`${amriyehApplications.nationalCode} like ${digits + '%'}`);
    if (code) parts.push(eq(amriyehApplications.trackingCode, code));
    const norm = normalizeFa(q);
    if (norm) parts.push(sql`(${amriyehApplications.firstName} || ' ' || ${amriyehApplications.lastName}) ilike ${containsPattern(norm)}`);
    conds.push(parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`);
  }
  const where = and(...conds);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(amriyehApplications)
    .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
    .where(where);
  const found = await db
    .select({ app: amriyehApplications, case: wfCases })
    .from(amriyehApplications)
    .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
    .where(where)
    .orderBy(sql`(${wfCases.dueAt} < now()) desc nulls last`, asc(wfCases.dueAt), asc(amriyehApplications.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const first = await stationsWithPlaces(db, await stationsByIds(db, found.map((r) => r.app.preferences[0]!)));
  const byId = new Map(first.map((s) => [s.id, s]));
  const now = Date.now();
  return {
    total,
    items: found.map(({ app, case: c }) => {
      const s = byId.get(app.preferences[0]!);
      return {
        id: app.id, caseId: c.id, trackingCode: app.trackingCode, callId: app.callId, nationalCode: app.nationalCode, fullName: `${app.firstName} ${app.lastName}`,
        state: c.state as ApplicationState, stateTitle: amriyehStateTitle(c.state), score: app.score, firstStation: s?.name ?? '', districtName: s?.districtName ?? '',
        dueAt: c.dueAt?.toISOString() ?? null, overdue: c.dueAt !== null && c.dueAt.getTime() < now, createdAt: app.createdAt.toISOString(),
      };
    }),
  };
}

