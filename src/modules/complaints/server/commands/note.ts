import { eq } from 'drizzle-orm';
import type { Actor } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit.js';
import type { Db } from '../../../../core/db/client.js';
import type { StaffComplaint } from '../queries.js';
import { complaints, complaintsMessages } from '../schema.js';

/**
 * Adds an internal note to a complaint the actor may see (loaded in scope by the caller): a message of kind
 * 'note', which staff see in the timeline and the citizen never does (the citizen's views list only replies,
 * information requests and their own messages). One transaction with its audit event `complaints.note`; the
 * audit keeps who wrote which note, not its text (the text stays with the case).
 */
export async function addNote(db: Db, actor: Actor, loaded: StaffComplaint, body: string) {
  const c = loaded.complaint;
  return db.transaction(async (tx) => {
    const [note] = await tx.insert(complaintsMessages).values({ complaintId: c.id, kind: 'note', body: body.trim(), authorId: actor.id }).returning();
    await tx.update(complaints).set({ updatedAt: note!.createdAt }).where(eq(complaints.id, c.id));
    await appendAudit(tx, actor, {
      action: 'complaint.note', entityType: 'complaint', entityId: c.id, divisionPath: c.divisionPath,
      data: { messageId: note!.id, trackingCode: c.trackingCode, length: note!.body.length },
    });
    return note!;
  });
}
