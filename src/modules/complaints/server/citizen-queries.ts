// Reads of the citizen side. Plain functions (db, params); the callers decide who may see what they return.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { divisionChain, type Division } from '../../../core/org/queries.js';
import { caseHistory } from '../../../core/workflow/engine.js';
import type { WorkflowCase } from '../../../core/workflow/permissions.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { complaints, complaintsAttachments, complaintsCategories, complaintsMessages } from './schema.js';

export type ComplaintRow = typeof complaints.$inferSelect;
export type CategoryRow = typeof complaintsCategories.$inferSelect;

/** A complaint with its workflow case, its category and the category's group name. */
export interface LoadedComplaint {
  complaint: ComplaintRow;
  case: WorkflowCase;
  category: CategoryRow;
  groupName: string;
}

/** Message kinds the citizen sees (never `note`: internal notes are staff-only). */
export const CITIZEN_MESSAGE_KINDS = ['reply', 'info_request', 'citizen'] as const;

/** A complaint by its (normalized) tracking code, with its case and category; null when there is none. */
export async function complaintByCode(db: DbOrTx, trackingCode: string): Promise<LoadedComplaint | null> {
  const group = alias(complaintsCategories, 'grp');
  const [row] = await db
    .select({ complaint: complaints, case: wfCases, category: complaintsCategories, groupName: group.name })
    .from(complaints)
    .innerJoin(wfCases, eq(wfCases.id, complaints.caseId))
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, complaints.categoryId))
    .leftJoin(group, eq(group.id, complaintsCategories.parentId))
    .where(eq(complaints.trackingCode, trackingCode));
  return row ? { ...row, groupName: row.groupName ?? '' } : null;
}

/** The place of a complaint, province first. */
export function complaintPlace(db: DbOrTx, c: ComplaintRow): Promise<Division[]> {
  return divisionChain(db, c.divisionId);
}

/** Public replies of a complaint, oldest first (body and date only). */
export async function publicReplies(db: DbOrTx, complaintId: string): Promise<{ body: string; createdAt: Date }[]> {
  return db.select({ body: complaintsMessages.body, createdAt: complaintsMessages.createdAt }).from(complaintsMessages)
    .where(and(eq(complaintsMessages.complaintId, complaintId), eq(complaintsMessages.kind, 'reply')))
    .orderBy(asc(complaintsMessages.id));
}

/** The messages the citizen sees (replies, information requests, their own additions), oldest first. */
export async function citizenMessages(db: DbOrTx, complaintId: string) {
  return db
    .select({ id: complaintsMessages.id, kind: complaintsMessages.kind, body: complaintsMessages.body, documentIds: complaintsMessages.documentIds, createdAt: complaintsMessages.createdAt })
    .from(complaintsMessages)
    .where(and(eq(complaintsMessages.complaintId, complaintId), inArray(complaintsMessages.kind, [...CITIZEN_MESSAGE_KINDS])))
    .orderBy(asc(complaintsMessages.id));
}

/** The public attachments of a complaint (file metadata only, never the content), oldest first. */
export async function publicAttachments(db: DbOrTx, complaintId: string) {
  return db
    .select({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size, addedBy: complaintsAttachments.addedBy, createdAt: complaintsAttachments.createdAt })
    .from(complaintsAttachments)
    .innerJoin(docFiles, eq(docFiles.id, complaintsAttachments.documentId))
    .where(and(eq(complaintsAttachments.complaintId, complaintId), eq(complaintsAttachments.isPublic, true)))
    .orderBy(asc(complaintsAttachments.createdAt), asc(docFiles.id));
}

/** One public attachment of a complaint with its content, or null (not attached, or not public). */
export async function publicAttachment(db: DbOrTx, complaintId: string, documentId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(documentId)) return null;
  const [doc] = await db
    .select({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, content: docFiles.content })
    .from(complaintsAttachments)
    .innerJoin(docFiles, eq(docFiles.id, complaintsAttachments.documentId))
    .where(and(eq(complaintsAttachments.complaintId, complaintId), eq(complaintsAttachments.documentId, documentId), eq(complaintsAttachments.isPublic, true)));
  return doc ?? null;
}

/** The history rows of a case that change its state (and the opening), oldest first. */
export async function stateChanges(db: DbOrTx, caseId: string) {
  const rows = await caseHistory(db, caseId);
  return rows.filter((h) => h.action === 'open' || h.fromState !== h.toState);
}

/**
 * The complaints of a signed-in citizen: linked to them, or filed (e.g. through Open311) with their mobile,
 * which they proved by the one-time code. Newest first, at most `limit`.
 */
export async function citizenComplaints(db: DbOrTx, actor: Actor, limit = 200) {
  const mine = actor.mobile
    ? or(eq(complaints.citizenId, actor.id ?? -1), eq(complaints.mobile, actor.mobile))
    : eq(complaints.citizenId, actor.id ?? -1);
  return db
    .select({
      trackingCode: complaints.trackingCode, kind: complaints.kind, subject: complaints.subject, categoryName: complaintsCategories.name,
      state: wfCases.state, createdAt: complaints.createdAt, answeredAt: complaints.answeredAt, closedAt: complaints.closedAt,
      publicReplies: sql<number>`(select count(*) from ${complaintsMessages} m where m.complaint_id = ${complaints.id} and m.kind = 'reply')`.mapWith(Number),
    })
    .from(complaints)
    .innerJoin(wfCases, eq(wfCases.id, complaints.caseId))
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, complaints.categoryId))
    .where(mine)
    .orderBy(desc(complaints.createdAt))
    .limit(limit);
}
