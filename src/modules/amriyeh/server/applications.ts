// Applications: filing (eligibility and score computed on the spot), correction after a return, withdrawal, the
// district and province review on the workflow engine, and what the applicant and the staff see.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { insertWithFreshCode, isUniqueViolation, normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { docFiles } from '../../../core/documents/schema.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import { normalizeFa, toAsciiDigits, toPersianDigits as fa } from '../../../core/fa/normalize.js';
import { AppError, badRequest, conflict, notFound } from '../../../core/http/errors.js';
import { notify } from '../../../core/notify/outbox.js';
import { divisionNames } from '../../../core/org/queries.js';
import { pathIds } from '../../../core/org/path.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { availableActions, caseHistory, getCase, openCase, transition, type WorkflowCase } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { ApplicantView, ApplicationListItem, EligibilityCheck, HistoryItem, PreferenceView, ReviewAction, ReviewInput, StaffListItem, StaffView } from '../api-types.js';
import { REVIEW_ACTIONS } from '../api-types.js';
import { PRIORITY_TITLES, type ApplicationCreate, type ApplicationState, type ClaimablePriorityGroup } from '../contract.js';
import { getCall, isAccepting, type CallRow } from './calls.js';
import { checkEligibility, type EligibilityResult } from './eligibility.js';
import { AFA } from './fa.js';
import { amriyehApplications, amriyehCalls, amriyehLetters } from './schema.js';
import { scoreApplication, type ScoreResult } from './scoring.js';
import { effectiveSeats, stationsByIds, stationsWithPlaces, type StationRow } from './stations.js';
import { amriyehStateTitle, amriyehWorkflow } from './workflow.js';

export type ApplicationRow = typeof amriyehApplications.$inferSelect;
export interface LoadedApplication { app: ApplicationRow; case: WorkflowCase }

/** Staff who see applications in their scope (a dehyar does not: applicants' documents are personal). */
export const APPLICATION_VIEW_ROLES: readonly Role[] = ['district.reviewer', 'province.reviewer', 'expert.rural', 'admin'];
/**
 * Review states: an application here still awaits a reviewer, and a run waits until none of its scope does.
 * ('returned' waits for the applicant: a run closes those as not corrected in time, see runSelection.)
 */
export const REVIEW_STATES: readonly ApplicationState[] = ['submitted', 'district_approved'];

const fieldError = (code: string, title: string, path: string, message = title) => badRequest(code, title, undefined, { errors: [{ path, message }] });
const birthInstant = (date: string) => new Date(`${date}T00:00:00+03:30`);

/** What filing computes from the form before anything is stored. */
interface Prepared {
  call: CallRow;
  stations: StationRow[];
  provinceId: number;
  residencePath: string;
  birthPlacePath: string;
  eligibility: EligibilityResult;
  score: ScoreResult;
}

async function divisionPath(db: DbOrTx, id: number, path: string): Promise<string> {
  const [d] = await db.select({ path: orgDivisions.path, level: orgDivisions.level }).from(orgDivisions).where(eq(orgDivisions.id, id));
  // A place of birth or residence is inside a province (a county at least).
  if (!d || d.level === 'country' || d.level === 'province') throw fieldError('place_invalid', AFA.placeInvalid, path);
  return d.path;
}

/** Loads the stations and places of a form and computes eligibility and the score (claims counted as verified). */
async function prepare(db: DbOrTx, input: ApplicationCreate, claimsVerified: readonly ClaimablePriorityGroup[] | null): Promise<Prepared> {
  const call = await getCall(db, input.callId);
  const found = await stationsByIds(db, input.stationIds);
  const byId = new Map(found.map((s) => [s.id, s]));
  const stations = input.stationIds.map((id) => byId.get(id));
  if (stations.some((s) => !s || s.callId !== call.id || effectiveSeats(s) <= 0)) throw fieldError('stations_invalid', AFA.stationsInvalid, 'stationIds');
  const ok = stations as StationRow[];
  const provinceId = ok[0]!.provinceId;
  if (ok.some((s) => s.provinceId !== provinceId)) throw fieldError('stations_invalid', AFA.stationsOneProvince, 'stationIds');
  const residencePath = await divisionPath(db, input.residenceDivisionId, 'residenceDivisionId');
  const birthPlacePath = await divisionPath(db, input.birthPlaceDivisionId, 'birthPlaceDivisionId');
  const eligibility = checkEligibility(
    call.rules,
    {
      birthDate: input.birthDate, educationLevel: input.educationLevel, fieldOfStudy: input.fieldOfStudy, residencePath, conscriptionStatus: input.conscriptionStatus,
      stations: ok.map((s) => ({ id: s.id, name: s.name, path: s.divisionPath })),
    },
    call.referenceDate,
  );
  const groups = claimsVerified ?? input.priorityClaims.map((c) => c.group);
  const score = scoreApplication(call.criteria, {
    educationLevel: input.educationLevel, fieldOfStudy: input.fieldOfStudy, maritalStatus: input.maritalStatus, birthPlacePath, residencePath, priorityGroups: groups,
  });
  return { call, stations: ok, provinceId, residencePath, birthPlacePath, eligibility, score };
}

/** Eligibility and the score a form would get (claims counted as verified), nothing stored. */
export async function checkApplication(db: DbOrTx, input: ApplicationCreate): Promise<EligibilityCheck> {
  const p = await prepare(db, input, null);
  return { eligible: p.eligibility.eligible, failures: p.eligibility.failures, score: p.score.total, scoreParts: p.score.parts };
}

function notEligible(e: EligibilityResult): AppError {
  // `errors` too, in the shape every form already reads ({ path, message }), so a client needs no special case.
  return new AppError(422, 'not_eligible', AFA.notEligible, e.failures.map((f) => f.message).join(' | '), {
    failures: e.failures,
    errors: e.failures.map((f) => ({ path: `eligibility.${f.rule}`, message: f.message })),
  });
}

/** The claim documents must be the applicant's own uploads; they are placed at the district then (staff scope). */
async function placeClaimDocuments(tx: DbOrTx, input: ApplicationCreate, actor: Actor, districtPath: string): Promise<void> {
  const ids = [...new Set(input.priorityClaims.flatMap((c) => c.documentIds))];
  if (!ids.length) return;
  if (actor.id == null || !ids.every(isUuid)) throw fieldError('attachment_invalid', AFA.claimDocuments, 'priorityClaims');
  const owned = await tx.select({ id: docFiles.id, path: docFiles.divisionPath }).from(docFiles).where(and(inArray(docFiles.id, ids), eq(docFiles.ownerId, actor.id)));
  if (owned.length !== ids.length) throw fieldError('attachment_invalid', AFA.claimDocuments, 'priorityClaims');
  await tx.update(docFiles).set({ divisionPath: districtPath }).where(and(inArray(docFiles.id, ids), isNull(docFiles.divisionPath)));
}

/** The district of a village path: '/p/c/d/r/v/' → '/p/c/d/'. */
const districtOf = (path: string) => `/${pathIds(path).slice(0, 3).join('/')}/`;

function formValues(input: ApplicationCreate, p: Prepared) {
  return {
    nationalCode: input.nationalCode, firstName: input.firstName, lastName: input.lastName, fatherName: input.fatherName,
    birthDate: tehranDateKey(input.birthDate), educationLevel: input.educationLevel, fieldOfStudy: input.fieldOfStudy, gpa: input.gpa,
    residenceDivisionId: input.residenceDivisionId, birthPlaceDivisionId: input.birthPlaceDivisionId, maritalStatus: input.maritalStatus,
    conscriptionStatus: input.conscriptionStatus, priorityClaims: input.priorityClaims.map((c) => ({ group: c.group, documentIds: c.documentIds, verified: null })),
    preferences: input.stationIds, provinceId: p.provinceId, eligibility: p.eligibility, score: p.score.total, scoreParts: p.score.parts,
  };
}

/**
 * Files an application for a signed-in applicant (his verified mobile is the contact). The call must be accepting;
 * the application must pass every published rule (422 `not_eligible` with each failed rule in Persian, nothing
 * stored); one per national code per call (409 `duplicate_application`). Opens the review case at the district of
 * his first-ranked station, stores the form with its provisional score (claims counted until the district rules
 * on them), places his claim documents at that district, sends the tracking code by SMS, audits.
 */
export async function submitApplication(db: DbOrTx, input: ApplicationCreate, actor: Actor, opts: { sms?: boolean; now?: Date } = {}): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    const p = await prepare(tx, input, null);
    if (!isAccepting(p.call, opts.now)) throw conflict('call_not_open', AFA.callNotOpen);
    if (!p.eligibility.eligible) throw notEligible(p.eligibility);
    const [dup] = await tx.select({ id: amriyehApplications.id }).from(amriyehApplications).where(and(eq(amriyehApplications.callId, p.call.id), eq(amriyehApplications.nationalCode, input.nationalCode)));
    if (dup) throw conflict('duplicate_application', AFA.duplicateApplication);
    const district = districtOf(p.stations[0]!.divisionPath);
    const [districtRow] = await tx.select({ id: orgDivisions.id }).from(orgDivisions).where(eq(orgDivisions.path, district));
    const id = randomUUID();
    const c = await openCase(tx, {
      definition: amriyehWorkflow.key, divisionId: districtRow!.id, divisionPath: district, title: `${input.firstName} ${input.lastName}`, subjectRef: id,
      data: { applicationId: id, callId: p.call.id }, actor,
    });
    let row: ApplicationRow | undefined;
    const code = await insertWithFreshCode(tx, async (trackingCode, sp) => {
      try {
        [row] = await sp.insert(amriyehApplications).values({ id, callId: p.call.id, caseId: c.id, trackingCode, applicantId: actor.id!, mobile: actor.mobile ?? '', ...formValues(input, p) }).returning();
      } catch (e) {
        // Two filings for one national code at the same moment: the unique index decides.
        if (isUniqueViolation(e, 'amriyeh_applications_call_national_code')) throw conflict('duplicate_application', AFA.duplicateApplication);
        throw e;
      }
    }, { constraint: 'amriyeh_applications_tracking_code_unique', column: 'tracking_code' });
    if (!code || !row) throw new AppError(503, 'tracking_code_failed', AFA.codeFailed);
    await placeClaimDocuments(tx, input, actor, district);
    if (actor.mobile && opts.sms !== false) await notify(tx, { channel: 'sms', to: actor.mobile, body: AFA.sms.submitted(code) });
    await appendAudit(tx, actor, { action: 'amriyeh.application.submit', entityType: 'amriyeh_application', entityId: id, divisionPath: district, data: { callId: p.call.id, caseId: c.id, score: p.score.total } });
    return row;
  });
}

/** The applicant's own application (by id), or 404 — never 403, so ids of others reveal nothing. */
export async function ownApplication(db: DbOrTx, id: string, actor: Actor): Promise<LoadedApplication> {
  const loaded = isUuid(id) ? await loadApplication(db, id) : null;
  if (!loaded || loaded.app.applicantId !== actor.id) throw notFound(AFA.applicationNoun);
  return loaded;
}

export async function loadApplication(db: DbOrTx, id: string): Promise<LoadedApplication | null> {
  const [app] = await db.select().from(amriyehApplications).where(eq(amriyehApplications.id, id));
  if (!app) return null;
  const c = await getCase(db, app.caseId);
  return c ? { app, case: c } : null;
}

/** The SMS an applicant gets when his application changes state. */
async function tellApplicant(tx: DbOrTx, app: ApplicationRow, state: string, body?: string): Promise<void> {
  if (!app.mobile) return;
  await notify(tx, { channel: 'sms', to: app.mobile, body: body ?? AFA.sms.decision(app.trackingCode, amriyehStateTitle(state)) });
}

/**
 * Corrects a returned application (same call; the first-ranked station — which decides who reviews it — stays) and
 * sends it back to the reviewer who returned it. Eligibility is checked again (422 when the correction fails it).
 */
export async function resubmitApplication(db: DbOrTx, loaded: LoadedApplication, input: ApplicationCreate, actor: Actor): Promise<void> {
  const { app } = loaded;
  if (loaded.case.state !== 'returned') throw conflict('not_returned', AFA.notReturned);
  if (input.callId !== app.callId) throw fieldError('call_mismatch', AFA.callMismatch, 'callId');
  if (input.stationIds[0] !== app.preferences[0]) throw fieldError('stations_invalid', 'ایستگاه اول انتخاب‌شده در اصلاح درخواست تغییر نمی‌کند.', 'stationIds');
  await db.transaction(async (tx) => {
    const p = await prepare(tx, input, null);
    if (!p.eligibility.eligible) throw notEligible(p.eligibility);
    if (input.nationalCode !== app.nationalCode) {
      const [dup] = await tx.select({ id: amriyehApplications.id }).from(amriyehApplications).where(and(eq(amriyehApplications.callId, app.callId), eq(amriyehApplications.nationalCode, input.nationalCode)));
      if (dup) throw conflict('duplicate_application', AFA.duplicateApplication);
    }
    await transition(tx, {
      caseId: app.caseId, action: 'resubmit', actor, expectedVersion: loaded.case.version,
      apply: async (t) => {
        await placeClaimDocuments(t, input, actor, loaded.case.divisionPath);
        await t.update(amriyehApplications).set({ ...formValues(input, p), updatedAt: new Date() }).where(eq(amriyehApplications.id, app.id));
      },
    });
    await appendAudit(tx, actor, { action: 'amriyeh.application.resubmit', entityType: 'amriyeh_application', entityId: app.id, divisionPath: loaded.case.divisionPath, data: { score: p.score.total } });
  });
}

/** The applicant withdraws (until a letter is issued). */
export async function withdrawApplication(db: DbOrTx, loaded: LoadedApplication, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await transition(tx, { caseId: loaded.app.caseId, action: 'withdraw', actor, expectedVersion: loaded.case.version });
    await tx.update(amriyehApplications).set({ assignedStationId: null, updatedAt: new Date() }).where(eq(amriyehApplications.id, loaded.app.id));
  });
}

/** The scope condition of staff lists over a column holding the case's division path. */
export const applicationScope = (actor: Actor, pathColumn: SQL | typeof wfCases.divisionPath) => scopeCondition(actor, 'workflow.act', pathColumn, APPLICATION_VIEW_ROLES);

/** An application a staff member may see (in his scope), or 404. */
export async function staffApplication(db: DbOrTx, id: string, actor: Actor): Promise<LoadedApplication> {
  if (!isUuid(id)) throw notFound(AFA.applicationNoun);
  const [hit] = await db
    .select({ id: amriyehApplications.id })
    .from(amriyehApplications)
    .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
    .where(and(eq(amriyehApplications.id, id), applicationScope(actor, wfCases.divisionPath)));
  const loaded = hit ? await loadApplication(db, id) : null;
  if (!loaded) throw notFound(AFA.applicationNoun);
  return loaded;
}

/**
 * A reviewer's decision, on the engine (scope, level, version → 409, required comment). district_approve records
 * the verdict on each claimed priority group and recomputes the score from the verified ones only.
 */
export async function reviewApplication(db: DbOrTx, loaded: LoadedApplication, input: ReviewInput, actor: Actor): Promise<void> {
  if (!(REVIEW_ACTIONS as readonly string[]).includes(input.action) || input.action === 'issue') throw badRequest('action_invalid', AFA.reviewActionInvalid);
  const { app } = loaded;
  await db.transaction(async (tx) => {
    const updated = await transition(tx, {
      caseId: app.caseId, action: input.action, actor, expectedVersion: input.expectedVersion, comment: input.comment?.trim() || null,
      apply: async (t) => {
        if (input.action !== 'district_approve') return;
        const verdict = new Map((input.claims ?? []).map((c) => [c.group, c.verified]));
        const claims = app.priorityClaims.map((c) => ({ ...c, verified: verdict.get(c.group) ?? false }));
        const score = await rescore(t, app, claims.filter((c) => c.verified).map((c) => c.group));
        await t.update(amriyehApplications).set({ priorityClaims: claims, score: score.total, scoreParts: score.parts, updatedAt: new Date() }).where(eq(amriyehApplications.id, app.id));
      },
    });
    await tellApplicant(tx, app, updated.state);
  });
}

async function rescore(tx: DbOrTx, app: ApplicationRow, groups: ClaimablePriorityGroup[]): Promise<ScoreResult> {
  const [call] = await tx.select().from(amriyehCalls).where(eq(amriyehCalls.id, app.callId));
  const names = await tx.select({ id: orgDivisions.id, path: orgDivisions.path }).from(orgDivisions).where(inArray(orgDivisions.id, [app.residenceDivisionId, app.birthPlaceDivisionId]));
  const path = new Map(names.map((n) => [n.id, n.path]));
  return scoreApplication(call!.criteria, {
    educationLevel: app.educationLevel, fieldOfStudy: app.fieldOfStudy, maritalStatus: app.maritalStatus,
    residencePath: path.get(app.residenceDivisionId)!, birthPlacePath: path.get(app.birthPlaceDivisionId)!, priorityGroups: groups,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Views

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
    actionTitle: h.action === 'open' ? 'ثبت درخواست' : (amriyehWorkflow.actions as Record<string, { title: string }>)[h.action]?.title ?? h.action,
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
  const open = availableActions(loaded.case, actor).filter((a): a is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(a));
  const defs = amriyehWorkflow.actions as Record<string, { title: string; requireComment?: boolean }>;
  return {
    ...base, canResubmit: false, canWithdraw: false, caseId: loaded.case.id, version: loaded.case.version, mobile: loaded.app.mobile,
    actions: open.map((key) => ({ key, title: defs[key]!.title, requireComment: defs[key]!.requireComment ?? false })),
    canRevoke: base.letterNumber !== null && availableActions(loaded.case, actor).includes('revoke'),
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
    if (norm) parts.push(sql`(${amriyehApplications.firstName} || ' ' || ${amriyehApplications.lastName}) ilike ${'%' + norm.replace(/[%_\\]/g, '\\$&') + '%'}`);
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

export { tellApplicant, birthInstant };
