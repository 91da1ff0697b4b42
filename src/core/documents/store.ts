import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../access/actor.js';
import { can } from '../access/policy.js';
import type { DbOrTx } from '../db/client.js';
import { AppError, notFound } from '../http/errors.js';
import { docFiles } from './schema.js';
import { isUuid } from '../db/ids.js';

/** The file types the platform accepts, decided from the bytes, never from the name or the browser's claim. */
export const ALLOWED_MIME = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

export interface StoredDocument {
  id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Keeps a safe display name: no path, no control characters, at most 200 characters. */
export function safeFilename(name: string | undefined): string {
  const base = (name ?? 'file').split(/[\\/]/).pop() ?? 'file';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(0, 200);
  return clean || 'file';
}

/**
 * Stores an uploaded file after checking its real type from its content (PDF, JPEG, PNG, WebP) and its size.
 * `divisionPath` places it in the divisions tree: who may download it is decided from that place.
 */
export async function storeDocument(
  db: DbOrTx,
  input: { content: Buffer; filename?: string; purpose: string; divisionPath?: string | null; owner: Actor | null; maxBytes: number },
): Promise<StoredDocument> {
  if (input.content.length === 0) throw new AppError(400, 'file_empty', 'فایل خالی است.');
  if (input.content.length > input.maxBytes) throw new AppError(413, 'file_too_large', `حجم فایل بیش از ${Math.round(input.maxBytes / 1048576)} مگابایت است.`);
  const type = await fileTypeFromBuffer(input.content);
  if (!type || !(ALLOWED_MIME as readonly string[]).includes(type.mime)) {
    throw new AppError(415, 'file_type_not_allowed', 'نوع فایل مجاز نیست؛ فقط PDF، JPEG، PNG و WebP پذیرفته می‌شود.');
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const [row] = await db
    .insert(docFiles)
    .values({ filename: safeFilename(input.filename), mime: type.mime, size: input.content.length, sha256, content: input.content, purpose: input.purpose.slice(0, 50), divisionPath: input.divisionPath ?? null, ownerId: input.owner?.id ?? null })
    .returning({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size, sha256: docFiles.sha256 });
  return row!;
}

/**
 * Loads a document for download if `actor` may see it: its uploader, or a staff grant with `documents.read`
 * whose scope contains the document's place (a document with no place needs a national grant). Otherwise 404,
 * so ids of documents in other scopes cannot be probed.
 */
export async function readDocument(db: DbOrTx, id: string, actor: Actor | null) {
  if (!isUuid(id)) throw notFound('سند');
  const [doc] = await db.select().from(docFiles).where(eq(docFiles.id, id));
  if (!doc || !actor) throw notFound('سند');
  const owner = doc.ownerId !== null && doc.ownerId === actor.id;
  if (!owner && !can(actor, 'documents.read', doc.divisionPath ?? '/')) throw notFound('سند');
  return doc;
}
