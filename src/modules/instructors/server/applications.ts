// Qualification applications on the workflow engine, the instructor's side: filing (the kind derived from where he
// stands, the profile complete, the criteria in force, a pre-score per field), resubmitting after a request for more
// information, withdrawing; and loading an application for its instructor or for staff in scope.
import { randomUUID } from 'node:crypto';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { insertWithFreshCode, isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { AppError, conflict, notFound } from '../../../core/http/errors.js';
import { openCase, transition, type WorkflowCase } from '../../../core/workflow/engine.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { completeness } from '../completeness.js';
import { getCriteria, currentCriteria } from './criteria.js';
import { IFA } from './fa.js';
import { canApply, noProfile, openApplicationOf, ownProfile } from './profiles.js';
import { bankPrior, ratingInputOf, scoreProfile, type ProfileRow } from './ratings-store.js';
import { instApplications, instProfiles } from './schema.js';
import { qualificationWorkflow } from './workflow.js';

export type ApplicationRow = typeof instApplications.$inferSelect;
export interface LoadedApplication {
  app: ApplicationRow;
  case: WorkflowCase;
  profile: ProfileRow;
}

/** Staff who see qualification applications in their scope (the training experts and the committee). */
export const APPLICATION_VIEW_ROLES: readonly Role[] = ['expert.training', 'training.committee'];
/** The scope condition of staff lists over a column holding the application's province path. */
export const applicationScope = (actor: Actor, pathColumn: SQL | typeof wfCases.divisionPath) => scopeCondition(actor, 'workflow.act', pathColumn, APPLICATION_VIEW_ROLES);

/** An application with its case and profile in one query; `where` narrows it (the owner, a staff scope). */
async function loadApplication(db: DbOrTx, id: string, where: SQL, lock = false): Promise<LoadedApplication | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select({ app: instApplications, case: wfCases, profile: instProfiles })
    .from(instApplications)
    .innerJoin(wfCases, eq(wfCases.id, instApplications.caseId))
    .innerJoin(instProfiles, eq(instProfiles.id, instApplications.profileId))
    .where(and(eq(instApplications.id, id), where));
  const [found] = lock ? await q.for('update', { of: instApplications }) : await q;
  return found ?? null;
}

/** The instructor's own application, or 404 — never 403, so ids of others reveal nothing. */
export async function ownApplication(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LoadedApplication> {
  const found = await loadApplication(db, id, eq(instProfiles.userId, actor.kind === 'citizen' ? (actor.id ?? -1) : -1), lock);
  if (!found) throw notFound(IFA.applicationNoun);
  return found;
}

/** An application a training expert or the committee may see (in scope), or 404. */
export async function staffApplication(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LoadedApplication> {
  const found = await loadApplication(db, id, applicationScope(actor, wfCases.divisionPath), lock);
  if (!found) throw notFound(IFA.applicationNoun);
  return found;
}

/** 422 `profile_incomplete` with the missing items (also as `errors`, the shape every form reads). */
function assertReady(p: ProfileRow): void {
  const c = completeness(p.data);
  if (c.ready) return;
  throw new AppError(422, 'profile_incomplete', IFA.profileIncomplete, c.missing.join(' '), { missing: c.missing, errors: c.missing.map((m) => ({ path: 'profile', message: m })) });
}

/** The snapshot columns of an application from the profile as saved: its data, version and a pre-score per field. */
async function snapshotOf(db: DbOrTx, p: ProfileRow, criteriaSetId: number, at: Date, review: ApplicationRow['review'] = {}) {
  const criteria = (await getCriteria(db, criteriaSetId))!;
  const rating = ratingInputOf(p, await bankPrior(db));
  const fields = p.data.expertise;
  const preScores = await scoreProfile(db, criteria.definition, p.data, fields, rating, at);
  const kept = Object.fromEntries(Object.entries(review).filter(([k]) => fields.includes(k)));
  const reviewedScores = Object.keys(kept).length ? await scoreProfile(db, criteria.definition, p.data, fields, rating, at, kept) : null;
  return { snapshot: p.data, profileVersion: p.version, fields, preScores, review: kept, reviewedScores };
}

/**
 * Files an application for the signed-in instructor: the kind is derived (initial / renewal / update; otherwise 409
 * `nothing_to_review`), one open at a time (409 `application_open`; the partial unique index settles races), the
 * profile must be complete (422 `profile_incomplete`). Opens the case at his province, snapshots the profile under
 * the criteria in force today. Returns the application id.
 */
export async function submitApplication(db: DbOrTx, actor: Actor, now = new Date()): Promise<string> {
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      const p = await ownProfile(tx, actor, true);
      if (!p) throw noProfile();
      if (await openApplicationOf(tx, p.id)) throw conflict('application_open', IFA.applicationOpenSubmit);
      const kind = canApply(p, false, now);
      if (!kind) throw conflict('nothing_to_review', IFA.nothingToReview);
      assertReady(p);
      const criteria = await currentCriteria(tx, now);
      const snap = await snapshotOf(tx, p, criteria.id, now);
      const c = await openCase(tx, {
        definition: qualificationWorkflow, divisionId: p.provinceId, divisionPath: p.provincePath, title: `${p.firstName} ${p.lastName}`,
        subjectRef: `instructors:${id}`, data: { applicationId: id, profileId: p.id, kind }, actor,
      });
      const code = await insertWithFreshCode(tx, async (trackingCode, sp) => {
        await sp.insert(instApplications).values({
          id, caseId: c.id, trackingCode, profileId: p.id, kind, provincePath: p.provincePath, criteriaSetId: criteria.id, createdAt: now,
          snapshot: snap.snapshot, profileVersion: snap.profileVersion, fields: snap.fields, preScores: snap.preScores,
        });
      }, { constraint: 'inst_applications_tracking', column: 'tracking_code' });
      if (!code) throw new AppError(503, 'code_exhausted', IFA.codeExhausted);
      await appendAudit(tx, actor, {
        action: 'instructors.application.submit', entityType: 'inst_application', entityId: id, divisionPath: p.provincePath,
        data: { trackingCode: code, kind, profileVersion: p.version, criteriaSetId: criteria.id, fields: snap.fields, preScores: snap.preScores.map((s) => [s.field, s.total]) },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'inst_applications_open')) throw conflict('application_open', IFA.applicationOpenSubmit);
    throw e;
  }
  return id;
}

/**
 * Sends a returned application back to whoever asked for more information, with the profile as now saved (it must
 * be complete): a fresh snapshot and pre-score under the application's criteria, the reviewer's adjustments kept for
 * the fields still there.
 */
export async function resubmitApplication(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { app, case: c, profile } = await ownApplication(tx, actor, id, true);
    if (c.state !== 'returned') throw conflict('not_returned', IFA.notReturned);
    assertReady(profile);
    const snap = await snapshotOf(tx, profile, app.criteriaSetId, app.createdAt, app.review);
    await transition(tx, {
      caseId: c.id, action: 'resubmit', actor, expectedVersion: c.version,
      apply: async (t) => {
        await t.update(instApplications).set(snap).where(eq(instApplications.id, app.id));
      },
    });
    await appendAudit(tx, actor, {
      action: 'instructors.application.resubmit', entityType: 'inst_application', entityId: app.id, divisionPath: app.provincePath,
      data: { profileVersion: snap.profileVersion, fields: snap.fields },
    });
  });
}

/** He withdraws his application (until the decision); it closes, and he may file again. */
export async function withdrawApplication(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { app, case: c } = await ownApplication(tx, actor, id, true);
    await transition(tx, {
      caseId: c.id, action: 'withdraw', actor, expectedVersion: c.version,
      apply: async (t) => {
        await t.update(instApplications).set({ closedAt: new Date() }).where(eq(instApplications.id, app.id));
      },
    });
  });
}
