// Applications: filing (eligibility and score computed on the spot), correction after a return, withdrawal, the
// district and province review on the workflow engine, and what the applicant and the staff see.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { insertWithFreshCode, isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { docFiles } from '../../../core/documents/schema.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import { AppError, badRequest, conflict, notFound } from '../../../core/http/errors.js';
import { notify } from '../../../core/notify/outbox.js';
import { pathIds } from '../../../core/org/path.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { openCase, transition, type WorkflowCase } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { EligibilityCheck, ReviewInput } from '../api-types.js';
import { REVIEW_ACTIONS } from '../api-types.js';
import { type ApplicationCreate, type ApplicationState, type ClaimablePriorityGroup } from '../contract.js';
import { getCall, isAccepting, type CallRow } from './calls.js';
import { checkEligibility, type EligibilityResult } from './eligibility.js';
import { AFA } from './fa.js';
import { amriyehApplications, amriyehCalls } from './schema.js';
import { scoreApplication, type ScoreResult } from './scoring.js';
import { effectiveSeats, stationsByIds, type StationRow } from './stations.js';
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
export const birthInstant = (date: string) => new Date(`${date}T00:00:00+03:30`);

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
  const loaded = await loadApplication(db, id, eq(amriyehApplications.applicantId, actor.id ?? -1));
  if (!loaded) throw notFound(AFA.applicationNoun);
  return loaded;
}

/** An application with its case, in one query; `where` narrows it further (e.g. to a staff member's scope). */
export async function loadApplication(db: DbOrTx, id: string, where?: SQL): Promise<LoadedApplication | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ app: amriyehApplications, case: wfCases })
    .from(amriyehApplications)
    .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
    .where(and(eq(amriyehApplications.id, id), where));
  return row ?? null;
}

/** The SMS an applicant gets when his application changes state. */
export async function tellApplicant(tx: DbOrTx, app: ApplicationRow, state: string, body?: string): Promise<void> {
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
  const loaded = await loadApplication(db, id, applicationScope(actor, wfCases.divisionPath));
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

