import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../../core/access/actor.js';
import type { Db, Tx } from '../../../../core/db/client.js';
import { badRequest, conflict } from '../../../../core/http/errors.js';
import { notify } from '../../../../core/notify/outbox.js';
import { loadHolidays, workingDaysBetween } from '../../../../core/workflow/calendar.js';
import { availableActions, transition, type WorkflowCase } from '../../../../core/workflow/engine.js';
import { WF_FA } from '../../../../core/workflow/fa.js';
import { linkAttachments } from '../attachments.js';
import { SMS_FA, STAFF_FA } from '../fa-staff.js';
import { scheduleAutoClose } from '../jobs.js';
import { findComplaintByCode, type StaffComplaint } from '../queries.js';
import { complaints, complaintsMessages } from '../schema.js';

/** What a staff member sends to act on a complaint (ComplaintActionCreate). */
export interface StaffActionInput {
  action: string;
  expectedVersion: number;
  comment?: string;
  assigneeId?: number;
  /** For mark_duplicate: the tracking code of the original. */
  duplicateOf?: string;
  documentIds?: string[];
}

type Message = 'reply' | 'info_request';
// The message each action leaves for the citizen (its required comment), and whether it ends the case.
const EFFECTS: Record<string, { message?: Message; closes?: boolean }> = {
  answer: { message: 'reply' },
  request_info: { message: 'info_request' },
  reject: { message: 'reply', closes: true },
  mark_duplicate: { message: 'reply', closes: true },
};

/**
 * Takes a staff action on a complaint the actor may see (loaded in scope by the caller): the engine's
 * `transition` (access in scope, assignee lock, version — 409 `version_conflict` when someone acted first,
 * required comment, assignee check) with the module's side written in the same transaction through `apply`:
 * - answer: a public reply, `answered_at` (and on the first answer `first_answered_at`, whether it came by the
 *   deadline then in force, and the working days it took), the auto-close job of the satisfaction window, SMS;
 * - request_info: the request as a message to the citizen, SMS (the clock pauses in the engine);
 * - reject / mark_duplicate: the reason as a public reply, `closed_at`, `duplicate_of`, SMS. The original of a
 *   duplicate must be another complaint inside the actor's scope (400 `invalid_duplicate`);
 * - assign: the engine sets the assignee (`assigneeId`; taking over is one's own id).
 * Files given with a reply become public attachments of the complaint.
 */
export async function actOnComplaint(db: Db, actor: Actor, loaded: StaffComplaint, input: StaffActionInput): Promise<WorkflowCase> {
  const { complaint: c, case: wc } = loaded;
  const effect = EFFECTS[input.action] ?? {};
  let original: { id: string; trackingCode: string } | null = null;
  if (input.duplicateOf != null && input.action !== 'mark_duplicate') throw badRequest('duplicate_not_allowed', STAFF_FA.duplicateNotAllowed);
  // Only once the actor may take the action: otherwise the engine answers with the real reason (403, 409…).
  if (availableActions(wc, actor).includes(input.action)) {
    if (input.action === 'mark_duplicate') {
      if (!input.duplicateOf?.trim()) throw badRequest('duplicate_required', STAFF_FA.duplicateRequired);
      original = await findComplaintByCode(db, actor, input.duplicateOf);
      if (!original || original.id === c.id) throw badRequest('invalid_duplicate', STAFF_FA.duplicateInvalid);
    }
    // The answer is judged against the deadline of the version the actor saw; a stale version is a conflict anyway.
    if (input.action === 'answer' && wc.version !== input.expectedVersion) throw conflict('version_conflict', WF_FA.versionConflict);
  }

  const apply = async (tx: Tx, updated: WorkflowCase) => {
    const now = updated.updatedAt;
    const set: PgUpdateSetSource<typeof complaints> = { updatedAt: now };
    if (effect.message) {
      const documentIds = await linkAttachments(tx, c, actor, input.documentIds, true);
      await tx.insert(complaintsMessages).values({ complaintId: c.id, kind: effect.message, body: input.comment!.trim(), authorId: actor.id, documentIds, createdAt: now });
    }
    if (effect.closes) set.closedAt = now;
    if (original) set.duplicateOf = original.id;
    if (input.action === 'answer') {
      const onTime = wc.dueAt ? now.getTime() <= wc.dueAt.getTime() : null;
      const days = Math.max(0, workingDaysBetween(c.createdAt, now, await loadHolidays(tx)));
      set.answeredAt = now;
      // Only the first answer counts for the SLA figures; a reopened case answered again keeps them.
      set.answeredOnTime = sql`case when ${complaints.firstAnsweredAt} is null then ${onTime}::boolean else ${complaints.answeredOnTime} end`;
      set.answerWorkingDays = sql`case when ${complaints.firstAnsweredAt} is null then ${days}::smallint else ${complaints.answerWorkingDays} end`;
      set.firstAnsweredAt = sql`coalesce(${complaints.firstAnsweredAt}, ${now.toISOString()}::timestamptz)`;
    }
    await tx.update(complaints).set(set).where(eq(complaints.id, c.id));
    if (input.action === 'answer') await scheduleAutoClose(tx, { id: c.id, caseId: c.caseId }, now);
    const sms = smsFor(input.action, c.trackingCode, original?.trackingCode);
    if (sms && c.mobile) await notify(tx, { channel: 'sms', to: c.mobile, body: sms });
  };

  return transition(db, {
    caseId: wc.id, action: input.action, actor, expectedVersion: input.expectedVersion,
    comment: input.comment, documentIds: input.documentIds, assigneeId: input.assigneeId, apply,
  });
}

function smsFor(action: string, code: string, original?: string): string | null {
  if (action === 'answer') return SMS_FA.answered(code);
  if (action === 'request_info') return SMS_FA.infoRequested(code);
  if (action === 'reject') return SMS_FA.rejected(code);
  if (action === 'mark_duplicate' && original) return SMS_FA.duplicate(code, original);
  return null;
}
