// Reads of the citizen side. Plain functions (db, params); the callers decide who may see what they return.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { idsOnPathOf, type Division } from '../../../core/org/queries.js';
import { caseHistory } from '../../../core/workflow/engine.js';
import type { WorkflowCase } from '../../../core/workflow/permissions.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { complaints, complaintsAttachments, complaintsCategories, complaintsMessages } from './schema.js';

export type ComplaintRow = typeof complaints.$inferSelect;
export type CategoryRow = typeof complaintsCategories.$inferSelect;

/** A complaint with its workflow case, its category and the category's group name, its place and public replies. */
export interface LoadedComplaint {
  complaint: ComplaintRow;
  case: WorkflowCase;
  category: CategoryRow;
  groupName: string;
  /** The place, province first (as `divisionChain` gives it). */
  place: Pick<Division, 'id' | 'level' | 'name'>[];
  /** Public replies (body and date only), oldest first. */
  replies: { body: string; createdAt: Date }[];
}

/** Message kinds the citizen sees (never `note`: internal notes are staff-only). */
export const CITIZEN_MESSAGE_KINDS = ['reply', 'info_request', 'citizen'] as const;

/**
 * A complaint by its (normalized) tracking code, with its case, category, place and public replies, in one
 * statement (the public follow-up page is the busiest read of the service); null when there is none.
 */
export async function complaintByCode(db: DbOrTx, trackingCode: string): Promise<LoadedComplaint | null> {
  const group = alias(complaintsCategories, 'grp');
  const [row] = await db
    .select({
      complaint: complaints, case: wfCases, category: complaintsCategories, groupName: group.name,
      place: sql<LoadedComplaint['place']>`(select coalesce(json_agg(json_build_object('id', d.id, 'level', d.level, 'name', d.name) order by d.depth), '[]')
        from org_divisions d where d.id in (${idsOnPathOf(complaints.divisionId)}))`,
      replies: sql<{ body: string; createdAt: string }[]>`(select coalesce(json_agg(json_build_object('body', m.body, 'createdAt', m.created_at) order by m.id), '[]')
        from complaints_messages m where m.complaint_id = ${complaints.id} and m.kind = 'reply')`,
    })
    .from(complaints)
    .innerJoin(wfCases, eq(wfCases.id, complaints.caseId))
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, complaints.categoryId))
    .leftJoin(group, eq(group.id, complaintsCategories.parentId))
    .where(eq(complaints.trackingCode, trackingCode));
  if (!row) return null;
  return { ...row, groupName: row.groupName ?? '', replies: row.replies.map((r) => ({ body: r.body, createdAt: new Date(r.createdAt) })) };
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
