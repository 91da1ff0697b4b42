import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { docFiles } from '../documents/schema.js';
import { badRequest } from '../http/errors.js';
import type { ActionDef } from './definition.js';
import { WF_FA } from './fa.js';
import { isUuid } from '../db/ids.js';

/** A case or document id; anything else is not looked up (a malformed id would be a database error). */

/**
 * The comment and documents of a transition, checked against action `a`: the trimmed comment (blank = none;
 * 400 `comment_required`), the distinct document ids (400 `document_required`), each an existing document
 * (400 `document_not_found`).
 */
export async function checkInput(
  tx: DbOrTx, a: ActionDef, input: { comment?: string | null; documentIds?: string[] },
): Promise<{ comment: string | null; documentIds: string[] }> {
  const comment = input.comment?.trim() || null;
  if (a.requireComment && !comment) throw badRequest('comment_required', WF_FA.commentRequired);
  const documentIds = [...new Set(input.documentIds ?? [])];
  if (a.requireDocument && documentIds.length === 0) throw badRequest('document_required', WF_FA.documentRequired);
  if (documentIds.length) {
    const found = documentIds.every(isUuid)
      ? await tx.select({ id: docFiles.id }).from(docFiles).where(inArray(docFiles.id, documentIds)) : [];
    if (found.length !== documentIds.length) throw badRequest('document_not_found', WF_FA.documentNotFound);
  }
  return { comment, documentIds };
}
