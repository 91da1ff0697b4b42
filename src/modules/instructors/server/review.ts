// The reviewers' steps on a qualification application, each one `transition` with the module's writes in `apply`:
// the expert's review of every field (evidence verified, measured values adjusted with reasons → the reviewed
// scores), a request for more information, the committee's decision (qualified in chosen fields with a validity
// period and the training ID / not qualified). The instructor hears of every decision by SMS.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { formatTrackingCode } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { AppError, badRequest } from '../../../core/http/errors.js';
import { notify } from '../../../core/notify/outbox.js';
import { transition } from '../../../core/workflow/engine.js';
import type { CriteriaDefinition, FieldReview, ReviewInput } from '../contract.js';
import { choiceValuesOf, isChoiceMeasure, MEASURE_TITLES, type Measure } from '../enums.js';
import { staffApplication, type ApplicationRow, type LoadedApplication } from './applications.js';
import { getCriteria } from './criteria.js';
import { applyQualification } from './decision.js';
import { IFA } from './fa.js';
import { fieldTitles } from './fields.js';
import { bankPrior, ratingInputOf, scoreProfile } from './ratings-store.js';
import { instApplications } from './schema.js';

/** The actions POST …/review takes (resubmit and withdraw are the instructor's own routes). */
export const REVIEW_ACTIONS = ['expert_forward', 'expert_return', 'qualify', 'not_qualify', 'more_info'] as const;

type Issue = { path: string; message: string };
const problem = (code: string, title: string, errors: Issue[]) => new AppError(400, code, title, errors.map((e) => e.message).join(' '), { errors });

/** Every item id of a snapshot (the evidence a reviewer may mark verified). */
const itemIds = (s: ApplicationRow['snapshot']): Set<string> =>
  new Set([...s.education, ...s.teaching, ...s.experience, ...s.publications, ...s.certificates].map((i) => i.id));

/** A reviewer's adjusted value, checked against the criterion's scale: a choice of it, or a number. */
function adjustmentIssue(def: CriteriaDefinition, m: Measure, value: unknown): string | null {
  if (!def.criteria.some((c) => c.measure === m)) return IFA.adjustmentInvalid;
  if (isChoiceMeasure(m)) return typeof value === 'string' && choiceValuesOf(m).includes(value) ? null : IFA.adjustmentChoice(MEASURE_TITLES[m]);
  return typeof value === 'number' && Number.isFinite(value) ? null : IFA.adjustmentNumber(MEASURE_TITLES[m]);
}

/**
 * The expert's review checked against the application: a review of every field and none other (400
 * `review_incomplete`), valid adjusted values (400 `adjustment_invalid`), verified items of the snapshot (400
 * `verified_invalid`). Returns what to store.
 */
export async function checkExpertReview(db: DbOrTx, app: ApplicationRow, def: CriteriaDefinition, input: ReviewInput) {
  const title = await fieldTitles(db);
  const given = input.fields ?? {};
  const missing: Issue[] = app.fields.filter((f) => !given[f]).map((f) => ({ path: `body.fields.${f}`, message: IFA.reviewFieldMissing(title(f)) }));
  const unknown: Issue[] = Object.keys(given).filter((k) => !app.fields.includes(k)).map((k) => ({ path: `body.fields.${k}`, message: IFA.reviewFieldUnknown(k) }));
  if (missing.length || unknown.length) throw problem('review_incomplete', IFA.reviewIncomplete, [...missing, ...unknown]);
  const issues: Issue[] = [];
  const review: Record<string, FieldReview> = {};
  for (const f of app.fields) {
    const r = given[f]!;
    for (const [m, adj] of Object.entries(r.adjustments) as [Measure, { value: unknown }][]) {
      const bad = adjustmentIssue(def, m, adj.value);
      if (bad) issues.push({ path: `body.fields.${f}.adjustments.${m}.value`, message: bad });
    }
    review[f] = r;
  }
  if (issues.length) throw problem('adjustment_invalid', IFA.adjustmentInvalid, issues);
  const ids = itemIds(app.snapshot);
  const verifiedItems = [...new Set(input.verifiedItems ?? [])];
  if (verifiedItems.some((id) => !ids.has(id))) throw problem('verified_invalid', IFA.verifiedUnknown, [{ path: 'body.verifiedItems', message: IFA.verifiedUnknown }]);
  return { review, verifiedItems };
}

/** The last valid day of a qualification granted on `now`'s day for `years`: the same day `years` later (a `date` value). */
export function validUntilFrom(now: Date, years: number): Date {
  const d = dbDateOf(now);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** The SMS after a step the instructor must hear of (a decision, a request for more information). */
async function tellInstructor(tx: DbOrTx, mobile: string, app: ApplicationRow, state: string, trainingId: string | null, until: Date | null): Promise<void> {
  const code = formatTrackingCode(app.trackingCode);
  const body =
    state === 'qualified' && trainingId && until ? IFA.sms.qualified(trainingId, jalaliFromDbDate(until))
    : state === 'not_qualified' ? IFA.sms.notQualified(code)
    : state === 'returned' ? IFA.sms.moreInfo(code)
    : null;
  if (body && mobile) await notify(tx, { channel: 'sms', to: mobile, body });
}

/**
 * A reviewer's step (POST …/review). Access, scope, level, version (409), state and the required comment are the
 * engine's; the module's checks run first and its writes in `apply`: the expert's review and reviewed scores; the
 * committee's qualification (fields ⊆ the application's, validity from the criteria version, the training ID, the
 * profile's approved columns, reminders) or refusal (an existing valid qualification stays until it ends).
 */
export async function actOnApplication(db: DbOrTx, actor: Actor, id: string, input: ReviewInput, now = new Date()): Promise<void> {
  if (!(REVIEW_ACTIONS as readonly string[]).includes(input.action)) throw badRequest('action_invalid', IFA.actionInvalid);
  await db.transaction(async (tx) => {
    const loaded: LoadedApplication = await staffApplication(tx, actor, id, true);
    const { app, case: c, profile } = loaded;
    const criteria = (await getCriteria(tx, app.criteriaSetId))!;
    const comment = input.comment?.trim() || null;
    let write: Partial<typeof instApplications.$inferInsert> = {};
    let qualifiedFields: string[] | null = null;
    if (input.action === 'expert_forward') {
      const { review, verifiedItems } = await checkExpertReview(tx, app, criteria.definition, input);
      const rating = ratingInputOf(profile, await bankPrior(tx));
      const reviewedScores = await scoreProfile(tx, criteria.definition, app.snapshot, app.fields, rating, app.createdAt, review);
      write = { review, verifiedItems, reviewedScores, reviewedById: actor.id };
    } else if (input.action === 'qualify') {
      qualifiedFields = [...new Set(input.qualifiedFields ?? [])];
      if (!qualifiedFields.length || qualifiedFields.some((f) => !app.fields.includes(f))) {
        throw problem('qualified_fields_required', IFA.qualifiedFieldsRequired, [{ path: 'body.qualifiedFields', message: IFA.qualifiedFieldsRequired }]);
      }
    }
    let trainingId: string | null = null;
    let until: Date | null = null;
    const updated = await transition(tx, {
      caseId: c.id, action: input.action, actor, expectedVersion: input.version, comment,
      apply: async (t) => {
        if (input.action === 'qualify') {
          until = validUntilFrom(now, criteria.definition.validityYears);
          write = { qualifiedFields, validUntil: until, decisionReasons: comment, decidedAt: now, closedAt: now };
          await t.update(instApplications).set(write).where(eq(instApplications.id, app.id));
          trainingId = await applyQualification(t, { profileId: profile.id, fields: qualifiedFields!, until, applicationId: app.id, approvedDataVersion: app.profileVersion, at: now });
          return;
        }
        if (input.action === 'not_qualify') write = { decisionReasons: comment, decidedAt: now, closedAt: now };
        if (Object.keys(write).length) await t.update(instApplications).set(write).where(eq(instApplications.id, app.id));
      },
    });
    if (input.action === 'qualify' || input.action === 'not_qualify' || input.action === 'expert_forward') {
      await appendAudit(tx, actor, {
        action: `instructors.application.${input.action}`, entityType: 'inst_application', entityId: app.id, divisionPath: app.provincePath,
        data: { ...write, trainingId, reviewedScores: write.reviewedScores?.map((s) => [s.field, s.total]) },
      });
    }
    await tellInstructor(tx, profile.mobile, app, updated.state, trainingId, until);
  });
}
