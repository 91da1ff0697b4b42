import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { badRequest } from '../../../core/http/errors.js';
import { MAX_ATTACHMENTS } from '../contract.js';
import { FA } from './fa.js';
import { complaintsAttachments } from './schema.js';
import { isUuid } from '../../../core/db/ids.js';

const invalid = (message: string) => badRequest('attachment_invalid', FA.attachmentInvalid, undefined, { errors: [{ path: 'documentIds', message }] });

/**
 * Attaches documents the actor uploaded to a complaint, inside the caller's transaction. Each must be the actor's
 * own upload (documents are owned by the uploader: a citizen cannot attach someone else's file by its id) and not
 * yet attached to any complaint; at most {@link MAX_ATTACHMENTS} at a time. The documents are then placed at the
 * complaint's division, so staff whose scope contains the complaint — and nobody else but the uploader — may
 * download them through the documents API. Throws 400 `attachment_invalid`. Returns the distinct ids.
 */
export async function linkAttachments(
  tx: DbOrTx,
  complaint: { id: string; divisionPath: string },
  actor: Actor,
  ids: readonly string[] | undefined,
  isPublic = true,
): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  if (unique.length > MAX_ATTACHMENTS) throw invalid(FA.attachmentsTooMany(MAX_ATTACHMENTS));
  // A caller without an account (an Open311 client) owns no uploads.
  if (actor.id == null || !unique.every(isUuid)) throw invalid(FA.attachmentNotYours);
  const owned = await tx.select({ id: docFiles.id }).from(docFiles).where(and(inArray(docFiles.id, unique), eq(docFiles.ownerId, actor.id)));
  if (owned.length !== unique.length) throw invalid(FA.attachmentNotYours);
  const taken = await tx.select({ id: complaintsAttachments.documentId }).from(complaintsAttachments).where(inArray(complaintsAttachments.documentId, unique));
  if (taken.length) throw invalid(FA.attachmentNotYours);
  await tx.insert(complaintsAttachments).values(unique.map((documentId) => ({ complaintId: complaint.id, documentId, addedBy: actor.id, isPublic })));
  // Only documents not placed yet (a citizen's uploads have no place until attached).
  await tx.update(docFiles).set({ divisionPath: complaint.divisionPath }).where(and(inArray(docFiles.id, unique), isNull(docFiles.divisionPath)));
  return unique;
}
