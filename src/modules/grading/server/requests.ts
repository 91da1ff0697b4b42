// Upgrade requests on the workflow engine: filing from a sheet (one open request per entity, an upgrade only, the
// dehyari 4-year rule, complete values and documents), the reviewers' steps (province completeness check, the
// expert's verdict per indicator, the committee's decision, the order), the entity's correction and withdrawal.
// Every step is one `transition` with the module's writes in `apply`; the entity hears of returns and decisions.
import { randomUUID } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { formatTrackingCode, insertWithFreshCode, isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx, Tx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { jalaliParts } from '../../../core/fa/jalali.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../core/http/errors.js';
import { orgDehyaris, orgMunicipalities } from '../../../core/org/schema.js';
import { openCase, transition, type WorkflowCase } from '../../../core/workflow/engine.js';
import { nearestRoleHolders, notifyRecipients } from '../../../core/workflow/recipients.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { RequestCreate, SheetInput, type IndicatorValue, type ReviewInput } from '../contract.js';
import type { Subject } from '../enums.js';
import { canView, currentGrade, getEntity, isEntityStaff, nextReviewFrom, openRequestOf, type Entity } from './entities.js';
import { GFA } from './fa.js';
import { dbDateFromJalali, getRuleSet, toRuleSetLike } from './rule-sets.js';
import { evaluate, type RuleSetLike } from './rules.js';
import { gradingHistory, gradingRequests, gradingSheets } from './schema.js';
import { assertComplete, checkValues, cleanDocuments, placeDocuments, rulesNow, valueProblem, type FieldIssue } from './sheets.js';
import { ENTITY_ROLE, GRADING_WORKFLOWS, gradingStateTitle } from './workflow.js';

export type RequestRow = typeof gradingRequests.$inferSelect;
export interface LoadedRequest {
  req: RequestRow;
  case: WorkflowCase;
}

/** The entity's correction of a returned request. */
export const RequestCorrection = z.object({ values: SheetInput.shape.values, documents: SheetInput.shape.documents, justification: RequestCreate.shape.justification });
export type RequestCorrection = z.infer<typeof RequestCorrection>;

/** The actions POST …/review takes (the correction has its own route: PUT). */
export const REVIEW_ACTIONS = ['province_forward', 'province_return', 'expert_forward', 'expert_return', 'approve', 'reject', 'issue', 'withdraw'] as const;
/** The extra input an action needs, for the screens. */
export const ACTION_NEEDS: Record<string, 'verdicts' | 'effectiveDate'> = { expert_forward: 'verdicts', approve: 'effectiveDate' };
/** Steps the entity is told about (SMS or e-mail to its staff). */
const TOLD = new Set(['province_return', 'expert_return', 'approve', 'reject', 'issue']);
/** Steps that end a request (free the entity for a new one). */
const CLOSING = new Set(['reject', 'issue', 'withdraw']);
const ORDER_LOCK = 7349201;
const ORDER_LETTER: Record<Subject, string> = { municipality: 'ش', dehyari: 'د' };

const problem = (status: number, code: string, title: string, errors: FieldIssue[]) =>
  new AppError(status, code, title, errors.map((e) => e.message).join(' '), { errors });

/** A request with its case, if it exists and the actor may see it (the entity, its reviewers in scope); else 404. */
export async function loadRequest(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LoadedRequest> {
  if (!isUuid(id)) throw notFound(GFA.requestNoun);
  const q = db.select({ req: gradingRequests, case: wfCases }).from(gradingRequests).innerJoin(wfCases, eq(wfCases.id, gradingRequests.caseId)).where(eq(gradingRequests.id, id));
  const [found] = lock ? await q.for('update', { of: gradingRequests }) : await q;
  if (!found || !canView(actor, found.req.subject, found.req.divisionPath)) throw notFound(GFA.requestNoun);
  return found;
}

/** The rule set a request was filed under. */
export async function requestRules(db: DbOrTx, req: RequestRow): Promise<RuleSetLike> {
  const view = await getRuleSet(db, req.ruleSetId);
  if (!view) throw new Error(`grading request ${req.id}: rule set ${req.ruleSetId} is missing`);
  return toRuleSetLike(view);
}

/** Only the indicators of `rules` (a sheet may hold keys of an older version). */
function pickIndicators<T>(rules: RuleSetLike, record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(rules.definition.indicators.flatMap((i) => (Object.hasOwn(record, i.key) ? [[i.key, record[i.key]!]] : [])));
}

const notUpgrade = (supported: number, current: number) => new AppError(422, 'not_upgrade', GFA.notUpgrade(supported, current), undefined, { supportedGrade: supported, currentGrade: current });

/**
 * Files an upgrade request from a sheet (the entity's own staff): 409 `request_open` when one is open (the partial
 * unique index settles races), 422 `too_soon` (dehyari within 4 years of its last grade), `incomplete`, `not_upgrade`.
 * Snapshots the values, documents, rule version and evaluation, and opens the case at the entity. Returns the id.
 */
export async function createRequest(db: DbOrTx, actor: Actor, input: RequestCreate): Promise<string> {
  const [sheet] = await db.select().from(gradingSheets).where(eq(gradingSheets.id, input.sheetId));
  if (!sheet || !canView(actor, sheet.subject, sheet.divisionPath)) throw notFound(GFA.sheetNoun);
  const subject = sheet.subject;
  if (!isEntityStaff(actor, subject, sheet.divisionPath)) throw forbidden(GFA.notOwnEntity(subject));
  const entity = (await getEntity(db, subject, sheet.divisionId))!;
  if (await openRequestOf(db, subject, entity.divisionId)) throw conflict('request_open', GFA.requestOpen(subject));
  const current = await currentGrade(db, entity);
  const next = nextReviewFrom(subject, current.gradedOn);
  if (next) throw new AppError(422, 'too_soon', GFA.tooSoon(next), undefined, { nextReviewFrom: next });
  const rules = await rulesNow(db, subject);
  const values = pickIndicators(rules, sheet.values);
  const documents = cleanDocuments(pickIndicators(rules, sheet.documents));
  assertComplete(rules, values, documents);
  const evaluation = evaluate(rules, values);
  if (current.grade != null && evaluation.grade <= current.grade) throw notUpgrade(evaluation.grade, current.grade);
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      const c = await openCase(tx, {
        definition: GRADING_WORKFLOWS[subject], divisionId: entity.divisionId, divisionPath: entity.path, title: `ارتقای درجه ${entity.name}`,
        subjectRef: `grading:${id}`, actor,
      });
      const code = await insertWithFreshCode(tx, async (trackingCode, sp) => {
        await sp.insert(gradingRequests).values({
          id, caseId: c.id, trackingCode, subject, divisionId: entity.divisionId, divisionPath: entity.path, sheetId: sheet.id, year: sheet.year,
          ruleSetId: rules.id, values, documents, evaluation, fromGrade: current.grade, supportedGrade: evaluation.grade,
          justification: input.justification, createdById: actor.id!,
        });
      }, { constraint: 'grading_requests_tracking', column: 'tracking_code' });
      if (!code) throw new AppError(503, 'code_exhausted', GFA.codeExhausted);
      await appendAudit(tx, actor, {
        action: 'grading.request.create', entityType: 'grading_request', entityId: id, divisionPath: entity.path,
        data: { subject, trackingCode: code, sheetId: sheet.id, ruleSetId: rules.id, fromGrade: current.grade, supportedGrade: evaluation.grade },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'grading_requests_open', 'grading_requests_open')) throw conflict('request_open', GFA.requestOpen(subject));
    throw e;
  }
  return id;
}

/** The entity's correction of a returned request: new values, documents and justification; back to whoever returned it. */
export async function correctRequest(db: DbOrTx, actor: Actor, id: string, input: RequestCorrection): Promise<void> {
  await db.transaction(async (tx) => {
    const { req, case: c } = await loadRequest(tx, actor, id, true);
    if (!isEntityStaff(actor, req.subject, req.divisionPath)) throw forbidden(GFA.notOwnEntity(req.subject));
    if (c.state !== 'returned') throw conflict('not_returned', GFA.notReturned);
    const rules = await requestRules(tx, req);
    checkValues(rules, input.values, input.documents);
    const documents = cleanDocuments(input.documents);
    assertComplete(rules, input.values, documents);
    const evaluation = evaluate(rules, input.values);
    if (req.fromGrade != null && evaluation.grade <= req.fromGrade) throw notUpgrade(evaluation.grade, req.fromGrade);
    await transition(tx, {
      caseId: c.id, action: 'resubmit', actor, expectedVersion: c.version,
      apply: async (t) => {
        await placeDocuments(t, actor, documents, req.divisionPath, Object.values(req.documents).flat());
        await t.update(gradingRequests)
          .set({ values: input.values, documents, evaluation, supportedGrade: evaluation.grade, justification: input.justification })
          .where(eq(gradingRequests.id, req.id));
        await t.update(gradingSheets).set({ values: input.values, documents, updatedById: actor.id, updatedAt: new Date() }).where(eq(gradingSheets.id, req.sheetId));
      },
    });
    await appendAudit(tx, actor, {
      action: 'grading.request.correct', entityType: 'grading_request', entityId: req.id, divisionPath: req.divisionPath,
      data: { values: input.values, supportedGrade: evaluation.grade },
    });
  });
}

/** The expert's verdicts checked against the request's rules: every indicator, adjusted ones with a valid value and a reason. */
export function checkVerdicts(rules: RuleSetLike, req: Pick<RequestRow, 'values'>, verdicts: ReviewInput['verdicts'], reviewerId: number | null) {
  if (!verdicts) throw badRequest('verdicts_required', GFA.verdictsRequired);
  const known = new Set(rules.definition.indicators.map((i) => i.key));
  const unknown = Object.keys(verdicts).filter((k) => !known.has(k));
  if (unknown.length) throw problem(400, 'unknown_indicator', GFA.unknownIndicatorTitle, unknown.map((k) => ({ path: `body.verdicts.${k}`, message: GFA.unknownIndicator(k) })));
  const issues: FieldIssue[] = [];
  const stored: RequestRow['verdicts'] = {};
  const values: Record<string, IndicatorValue> = {};
  for (const ind of rules.definition.indicators) {
    const v = verdicts[ind.key];
    const path = `body.verdicts.${ind.key}`;
    if (!v) {
      issues.push({ path, message: GFA.verdictMissing(ind.title) });
      continue;
    }
    let value: IndicatorValue = req.values[ind.key] ?? null;
    if (v.verdict === 'adjusted') {
      if (v.value === undefined) issues.push({ path: `${path}.value`, message: GFA.verdictValueRequired(ind.title) });
      else {
        const bad = valueProblem(rules, ind.key, v.value);
        if (bad) issues.push({ path: `${path}.value`, message: bad });
        value = v.value;
      }
      if (!v.reason.trim()) issues.push({ path: `${path}.reason`, message: GFA.verdictReasonRequired(ind.title) });
    }
    values[ind.key] = value;
    stored[ind.key] = { verdict: v.verdict, value, reason: v.reason.trim(), documentsVerified: v.documentsVerified, reviewerId };
  }
  if (issues.length) throw problem(400, 'verdicts_invalid', GFA.verdictsRequired, issues);
  return { verdicts: stored, reviewed: evaluate(rules, values) };
}

/**
 * The next order number of a subject in the current Jalali year: «1405/ش/0012» (ش municipalities, د dehyaris), a
 * running number per year and subject. A transaction-scoped advisory lock per (year, subject) makes two issues at
 * once take consecutive numbers.
 */
export async function nextOrderNumber(tx: DbOrTx, subject: Subject, at = new Date()): Promise<string> {
  const year = jalaliParts(at).year;
  await tx.execute(sql`select pg_advisory_xact_lock(${ORDER_LOCK}::int, ${year * 2 + (subject === 'municipality' ? 0 : 1)}::int)`);
  const prefix = `${year}/${ORDER_LETTER[subject]}/`;
  const [inHistory, inRequests] = await Promise.all([
    tx.select({ n: gradingHistory.orderNumber }).from(gradingHistory).where(like(gradingHistory.orderNumber, `${prefix}%`)),
    tx.select({ n: gradingRequests.orderNumber }).from(gradingRequests).where(like(gradingRequests.orderNumber, `${prefix}%`)),
  ]);
  const last = Math.max(0, ...[...inHistory, ...inRequests].map((r) => Number(r.n!.slice(prefix.length)) || 0));
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/** Writes an entity's grade in the core table (org_municipalities / org_dehyaris). */
export async function setCoreGrade(tx: DbOrTx, subject: Subject, divisionId: number, grade: number): Promise<void> {
  if (subject === 'municipality') await tx.update(orgMunicipalities).set({ grade }).where(eq(orgMunicipalities.divisionId, divisionId));
  else await tx.update(orgDehyaris).set({ grade }).where(eq(orgDehyaris.divisionId, divisionId));
}

/** The SMS (or e-mail) to the entity's staff after a return or a decision. */
async function tellEntity(tx: DbOrTx, req: RequestRow, entity: Entity | null, state: string, comment: string | null, orderNumber: string | null, grade: number | null): Promise<void> {
  const people = await nearestRoleHolders(tx, [ENTITY_ROLE[req.subject]], req.divisionPath);
  const name = entity?.name ?? '';
  const title = gradingStateTitle(req.subject, state);
  const body = orderNumber && grade != null ? GFA.smsIssued(name, grade, orderNumber) : GFA.sms(name, formatTrackingCode(req.trackingCode), title, comment);
  await notifyRecipients(tx, people, `${GFA.requestNoun}: ${title}`, body);
}

/**
 * A step on a request (POST …/review; also the entity's withdrawal). Access, version (409), state and required
 * comment are the engine's; the module's writes run in `apply`: the expert's verdicts and the reviewed evaluation,
 * the committee's effective date and final grade, the rejection's reasons, the order (number, history row, core
 * grade), and closing the request.
 */
export async function actOnRequest(db: DbOrTx, actor: Actor, id: string, input: ReviewInput): Promise<void> {
  if (!(REVIEW_ACTIONS as readonly string[]).includes(input.action)) throw badRequest('action_invalid', GFA.actionInvalid);
  await db.transaction(async (tx) => {
    const { req, case: c } = await loadRequest(tx, actor, id, true);
    const comment = input.comment?.trim() || null;
    let orderNumber: string | null = null;
    let grade: number | null = null;
    const updated = await transition(tx, {
      caseId: c.id, action: input.action, actor, expectedVersion: input.version, comment,
      apply: async (t) => applyStep(t, actor, req, input, comment, (n, g) => ((orderNumber = n), (grade = g))),
    });
    if (TOLD.has(input.action)) await tellEntity(tx, req, await getEntity(tx, req.subject, req.divisionId), updated.state, comment, orderNumber, grade);
    await appendAudit(tx, actor, {
      action: `grading.request.${input.action}`, entityType: 'grading_request', entityId: req.id, divisionPath: req.divisionPath,
      data: { state: updated.state, comment, ...(orderNumber ? { orderNumber, grade } : {}) },
    });
  });
}

async function applyStep(t: Tx, actor: Actor, req: RequestRow, input: ReviewInput, comment: string | null, issued: (orderNumber: string, grade: number) => void): Promise<void> {
  const set: Partial<typeof gradingRequests.$inferInsert> = {};
  if (CLOSING.has(input.action)) set.closedAt = new Date();
  if (input.action === 'expert_forward') {
    const { verdicts, reviewed } = checkVerdicts(await requestRules(t, req), req, input.verdicts, actor.id);
    set.verdicts = verdicts;
    set.reviewedEvaluation = reviewed;
  } else if (input.action === 'approve') {
    if (!input.effectiveDate) throw problem(400, 'effective_date_required', GFA.effectiveDateRequired, [{ path: 'body.effectiveDate', message: GFA.effectiveDateRequired }]);
    const day = dbDateFromJalali(input.effectiveDate);
    if (!day) throw problem(400, 'effective_date_invalid', GFA.effectiveDateInvalid, [{ path: 'body.effectiveDate', message: GFA.effectiveDateInvalid }]);
    const grade = (req.reviewedEvaluation ?? req.evaluation).grade;
    if (req.fromGrade != null && grade <= req.fromGrade) throw new AppError(422, 'not_upgrade', GFA.approveNotUpgrade(grade, req.fromGrade));
    set.finalGrade = grade;
    set.effectiveDate = day;
  } else if (input.action === 'reject') {
    set.decisionReasons = comment;
  } else if (input.action === 'issue') {
    const orderNumber = await nextOrderNumber(t, req.subject);
    const grade = req.finalGrade!;
    await t.insert(gradingHistory).values({
      subject: req.subject, divisionId: req.divisionId, divisionPath: req.divisionPath, grade, ruleSetId: req.ruleSetId, orderNumber,
      effectiveDate: req.effectiveDate!, requestId: req.id,
    });
    await setCoreGrade(t, req.subject, req.divisionId, grade);
    set.orderNumber = orderNumber;
    issued(orderNumber, grade);
  }
  if (Object.keys(set).length) await t.update(gradingRequests).set(set).where(eq(gradingRequests.id, req.id));
}

/** The entity withdraws its request (until the decision). */
export async function withdrawRequest(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const { case: c } = await loadRequest(db, actor, id);
  await actOnRequest(db, actor, id, { action: 'withdraw', version: c.version });
}
