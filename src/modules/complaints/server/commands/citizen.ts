// What the citizen who filed a complaint may do with it: add information, rate the answer, reopen, withdraw.
// Each is one transaction: the workflow transition (when there is one), the module's rows, the audit event.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit.js';
import type { DbOrTx, Tx } from '../../../../core/db/client.js';
import { conflict, notFound } from '../../../../core/http/errors.js';
import { getCase, transition } from '../../../../core/workflow/engine.js';
import type { WorkflowCase } from '../../../../core/workflow/permissions.js';
import { wfCases } from '../../../../core/workflow/schema.js';
import type { ComplaintState } from '../../contract.js';
import { linkAttachments } from '../attachments.js';
import type { ComplaintRow } from '../citizen-queries.js';
import { FA } from '../fa.js';
import { cancelAutoClose } from '../jobs.js';
import { complaints, complaintsMessages } from '../schema.js';
import { satisfactionWindowEnd } from '../settings.js';

/** States in which the citizen may add information (after an answer they rate or reopen instead). */
export const ADD_INFO_STATES: readonly ComplaintState[] = ['submitted', 'in_progress', 'needs_info', 'reopened'];

/**
 * True when `actor` is the citizen the complaint belongs to: signed in with the one-time code sent to the mobile
 * the complaint was filed with. (A citizen account is unique per mobile, so this also covers the linked citizen.)
 */
export function isComplaintOwner(complaint: Pick<ComplaintRow, 'mobile'>, actor: Actor | null): boolean {
  return !!actor && actor.kind === 'citizen' && !!actor.mobile && complaint.mobile === actor.mobile;
}

/**
 * The case as the engine should judge the owner's actions on it. A complaint filed without an account (Open311)
 * has no creator; its owner — proven by the one-time code — counts as the creator.
 */
export function caseForOwner(c: WorkflowCase, complaint: ComplaintRow, actor: Actor): WorkflowCase {
  return c.createdById == null && isComplaintOwner(complaint, actor) ? { ...c, createdById: actor.id } : c;
}

/**
 * Before the owner's first action on a complaint filed without an account: makes them the case's creator and
 * links the complaint to them, so the engine's creator-only actions (provide_info, rate, reopen, withdraw) are
 * theirs. Nothing to do when the case already has a creator.
 */
async function claimIfUnowned(tx: Tx, c: WorkflowCase, complaint: ComplaintRow, actor: Actor): Promise<boolean> {
  if (c.createdById != null || actor.id == null) return false;
  await tx.update(wfCases).set({ createdById: actor.id }).where(and(eq(wfCases.id, c.id), isNull(wfCases.createdById)));
  await tx.update(complaints).set({ citizenId: actor.id }).where(and(eq(complaints.id, complaint.id), isNull(complaints.citizenId)));
  return true;
}

/** The complaint's case, read inside the transaction (the caller's copy may be stale). */
async function freshCase(tx: Tx, complaint: ComplaintRow, actor: Actor): Promise<WorkflowCase> {
  const c = await getCase(tx, complaint.caseId);
  if (!c || !isComplaintOwner(complaint, actor)) throw notFound(FA.complaintNoun);
  return c;
}

const audit = (tx: Tx, actor: Actor, complaint: ComplaintRow, action: string, data: Record<string, unknown>) =>
  appendAudit(tx, actor, { action, entityType: 'complaint', entityId: complaint.id, divisionPath: complaint.divisionPath, data: { caseId: complaint.caseId, ...data } });

/**
 * The owner adds information (text and their own uploads) as a 'citizen' message. When the case waits for it
 * (`needs_info`), this also takes `provide_info`: the case goes back to the reviewer who asked, and the message
 * is written by the transition's `apply`. 409 `info_not_allowed` once the case is answered or final.
 */
export async function addCitizenInfo(db: DbOrTx, complaint: ComplaintRow, actor: Actor, input: { body: string; documentIds?: string[] }): Promise<WorkflowCase> {
  return db.transaction(async (tx) => {
    const c = await freshCase(tx, complaint, actor);
    if (!ADD_INFO_STATES.includes(c.state as ComplaintState)) throw conflict('info_not_allowed', FA.infoNotAllowed, undefined, { state: c.state });
    const documentIds = await linkAttachments(tx, complaint, actor, input.documentIds);
    const write = async (t: DbOrTx) => {
      const now = new Date();
      await t.insert(complaintsMessages).values({ complaintId: complaint.id, kind: 'citizen', body: input.body, authorId: actor.id, documentIds, createdAt: now });
      await t.update(complaints).set({ updatedAt: now }).where(eq(complaints.id, complaint.id));
    };
    let updated = c;
    if (c.state === 'needs_info') {
      const claimed = await claimIfUnowned(tx, c, complaint, actor);
      updated = await transition(tx, {
        caseId: c.id, action: 'provide_info', actor, expectedVersion: c.version, comment: input.body, documentIds, apply: (t) => write(t),
      });
      await audit(tx, actor, complaint, 'complaint.info', { provided: true, claimed, documents: documentIds.length });
    } else {
      await write(tx);
      await audit(tx, actor, complaint, 'complaint.info', { provided: false, documents: documentIds.length });
    }
    return updated;
  });
}

/** The owner rates the answer (1–5, optional comment); the case closes (`rate`). 409 `invalid_state` unless answered. */
export async function rateComplaint(db: DbOrTx, complaint: ComplaintRow, actor: Actor, input: { rating: number; comment?: string }): Promise<WorkflowCase> {
  return db.transaction(async (tx) => {
    const c = await freshCase(tx, complaint, actor);
    const claimed = await claimIfUnowned(tx, c, complaint, actor);
    const updated = await transition(tx, {
      caseId: c.id, action: 'rate', actor, expectedVersion: c.version, comment: input.comment ?? null,
      apply: async (t) => {
        const now = new Date();
        await t.update(complaints).set({ rating: input.rating, ratingComment: input.comment?.trim() || null, closedAt: now, updatedAt: now }).where(eq(complaints.id, complaint.id));
      },
    });
    await cancelAutoClose(tx, complaint);
    await audit(tx, actor, complaint, 'complaint.rate', { rating: input.rating, claimed });
    return updated;
  });
}

/**
 * The owner reopens an answered case within the satisfaction window (COMPLAINT_REOPEN_DAYS after the answer;
 * later: 409 `reopen_window_closed`), giving a reason (kept as a 'citizen' message and the history comment) and
 * optionally a rating. Counts the reopening.
 */
export async function reopenComplaint(db: DbOrTx, complaint: ComplaintRow, actor: Actor, input: { reason: string; rating?: number }): Promise<WorkflowCase> {
  return db.transaction(async (tx) => {
    const c = await freshCase(tx, complaint, actor);
    if (c.state === 'answered') {
      const end = satisfactionWindowEnd(complaint.answeredAt ?? c.updatedAt);
      if (Date.now() > end.getTime()) throw conflict('reopen_window_closed', FA.reopenWindowClosed, undefined, { windowEnd: end.toISOString() });
    }
    const claimed = await claimIfUnowned(tx, c, complaint, actor);
    const updated = await transition(tx, {
      caseId: c.id, action: 'reopen', actor, expectedVersion: c.version, comment: input.reason,
      apply: async (t) => {
        const now = new Date();
        await t.insert(complaintsMessages).values({ complaintId: complaint.id, kind: 'citizen', body: input.reason, authorId: actor.id, createdAt: now });
        await t.update(complaints).set({
          reopenedCount: sql`${complaints.reopenedCount} + 1`, updatedAt: now, ...(input.rating != null ? { rating: input.rating } : {}),
        }).where(eq(complaints.id, complaint.id));
      },
    });
    await cancelAutoClose(tx, complaint);
    await audit(tx, actor, complaint, 'complaint.reopen', { rating: input.rating ?? null, claimed });
    return updated;
  });
}

/** The owner withdraws the complaint (`withdraw`, while submitted or waiting for their information). */
export async function withdrawComplaint(db: DbOrTx, complaint: ComplaintRow, actor: Actor): Promise<WorkflowCase> {
  return db.transaction(async (tx) => {
    const c = await freshCase(tx, complaint, actor);
    const claimed = await claimIfUnowned(tx, c, complaint, actor);
    const updated = await transition(tx, {
      caseId: c.id, action: 'withdraw', actor, expectedVersion: c.version,
      apply: async (t) => {
        const now = new Date();
        await t.update(complaints).set({ closedAt: now, updatedAt: now }).where(eq(complaints.id, complaint.id));
      },
    });
    await audit(tx, actor, complaint, 'complaint.withdraw', { claimed });
    return updated;
  });
}
