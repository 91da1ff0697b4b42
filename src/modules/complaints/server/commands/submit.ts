import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../../core/access/actor.js';
import { appendAudit, auditedTransaction } from '../../../../core/audit/audit.js';
import type { DbOrTx } from '../../../../core/db/client.js';
import { normalizeMobile } from '../../../../core/fa/index.js';
import { AppError, badRequest } from '../../../../core/http/errors.js';
import { notify } from '../../../../core/notify/outbox.js';
import { getDivision } from '../../../../core/org/queries.js';
import type { DivisionLevel } from '../../../../core/org/schema.js';
import { openCase } from '../../../../core/workflow/engine.js';
import type { ComplaintCreate } from '../../contract.js';
import { checkAnswers } from '../answers.js';
import { linkAttachments } from '../attachments.js';
import { getLeafCategory } from '../categories.js';
import { FA } from '../fa.js';
import { complaints } from '../schema.js';
import { insertWithFreshCode } from '../../../../core/codes/tracking-code.js';
import { complaintWorkflow } from '../workflow.js';

/** The places a complaint can be filed at: where a municipality, a dehyari or a district office answers. */
export const COMPLAINT_PLACE_LEVELS: readonly DivisionLevel[] = ['city', 'village', 'rural_district', 'district'];
const CODE_ATTEMPTS = 5;

export interface SubmitOptions {
  /** A citizen (web), or for Open311 a system-like actor `{ id: null, kind: 'system', label: 'open311:<client>' }`. */
  actor: Actor;
  source: 'web' | 'open311';
  /** The Open311 client (api key id), stored for `tokens/{token}`. */
  apiClient?: string;
  /** Queue the SMS with the tracking code (default true; demo seeding turns it off). */
  sms?: boolean;
  /** Tests only: the tracking code generator (to force collisions). */
  generateCode?: () => string;
}

export interface SubmitResult {
  id: string;
  trackingCode: string;
  caseId: string;
}

const fieldError = (code: string, title: string, path: string, message: string) => badRequest(code, title, undefined, { errors: [{ path, message }] });

/**
 * Files a complaint or request, in one transaction: checks that the category is an active leaf (400
 * `category_invalid`), the place a city, village, rural district or district (400 `place_invalid`), the answers
 * to the category's questions (400 `answers_invalid`) and the attachments (the actor's own uploads, ≤ 5; 400
 * `attachment_invalid`); opens the workflow case at the place (SLA from the category: `data.slaDays`); stores the
 * complaint under a fresh tracking code (a collision with an existing code — about one in 10¹¹ — is retried
 * under a savepoint, at most 5 times); links the attachments; queues the SMS with the code; audits
 * `complaint.submit`. Errors carry `errors: [{ path, message }]` in Persian.
 *
 * Web: the actor is the signed-in citizen; the complaint's mobile is theirs (verified by the one-time code) and it
 * is linked to them. Open311: `input.mobile` (if any) is stored and messaged; no citizen is linked — the owner of
 * the mobile can later sign in with a one-time code and follow it.
 */
export async function submitComplaint(db: DbOrTx, input: ComplaintCreate & { mobile?: string | null }, opts: SubmitOptions): Promise<SubmitResult> {
  const { actor } = opts;
  return auditedTransaction(db, async (tx) => {
    const category = await getLeafCategory(tx, input.categoryId);
    if (!category) throw fieldError('category_invalid', FA.categoryInvalid, 'categoryId', FA.categoryPick);
    const division = Number.isInteger(input.divisionId) && input.divisionId > 0 && input.divisionId <= 2_147_483_647 ? await getDivision(tx, input.divisionId) : null;
    if (!division || !COMPLAINT_PLACE_LEVELS.includes(division.level)) throw fieldError('place_invalid', FA.placeInvalid, 'divisionId', FA.placePick);
    const answers = checkAnswers(category.questions, input.answers);
    const hasPin = input.lat != null && input.lon != null;
    if ((input.lat != null) !== (input.lon != null)) throw fieldError('location_invalid', FA.locationInvalid, input.lat == null ? 'lat' : 'lon', FA.locationInvalid);

    let mobile: string | null;
    if (opts.source === 'web') mobile = actor.mobile ?? null;
    else {
      mobile = input.mobile ? normalizeMobile(input.mobile) : null;
      if (input.mobile && !mobile) throw fieldError('mobile_invalid', FA.mobileInvalid, 'mobile', FA.mobileInvalidField);
    }

    const id = randomUUID();
    const c = await openCase(tx, {
      definition: complaintWorkflow.key, divisionId: division.id, divisionPath: division.path, title: input.subject,
      subjectRef: id, data: { slaDays: category.slaDays, complaintId: id }, actor,
    });
    const trackingCode = await insertWithFreshCode(tx, async (code, sp) => {
      await sp.insert(complaints).values({
        id, caseId: c.id, trackingCode: code, kind: input.kind, categoryId: category.id, divisionId: division.id, divisionPath: division.path,
        lat: hasPin ? input.lat! : null, lon: hasPin ? input.lon! : null, address: input.address?.trim() || null,
        subject: input.subject, body: input.body, answers, mobile, citizenName: input.name?.trim() || null, anonymous: input.anonymous ?? false,
        citizenId: actor.kind === 'citizen' ? actor.id : null, source: opts.source, apiClient: opts.apiClient ?? null,
      });
    }, { constraint: 'complaints_tracking_code_unique', column: 'tracking_code', attempts: CODE_ATTEMPTS, ...(opts.generateCode ? { generate: opts.generateCode } : {}) });
    if (!trackingCode) throw new AppError(503, 'tracking_code_failed', FA.codeFailed);

    const attached = await linkAttachments(tx, { id, divisionPath: division.path }, actor, input.documentIds);
    if (mobile && opts.sms !== false) await notify(tx, { channel: 'sms', to: mobile, body: FA.submittedSms(trackingCode) });
    await appendAudit(tx, actor, {
      action: 'complaint.submit', entityType: 'complaint', entityId: id, divisionPath: division.path,
      data: { caseId: c.id, kind: input.kind, categoryId: category.id, source: opts.source, apiClient: opts.apiClient ?? null, anonymous: input.anonymous ?? false, attachments: attached.length },
    });
    return { id, trackingCode, caseId: c.id };
  });
}
