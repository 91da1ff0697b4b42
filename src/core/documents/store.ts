import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../access/actor.js';
import { can } from '../access/policy.js';
import type { DbOrTx } from '../db/client.js';
import { AppError, notFound } from '../http/errors.js';
import { contentDisposition } from '../http/export.js';
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

// Markup a browser would run if it ever rendered the bytes as a page; never inside a real photo.
const MARKUP = /<(?:script|html|body|svg|iframe|object|embed|meta|link)[\s>/]|javascript:/i;

/**
 * A file that is a valid image or PDF and something else at once: a ZIP archive inside (GIFAR-like: its end record
 * `PK\x05\x06` plus a local header), or, for images, web markup anywhere in the bytes (a JPEG with HTML appended).
 */
export function isPolyglot(content: Buffer, mime: string): boolean {
  const tail = content.subarray(Math.max(0, content.length - 65_557));
  if (tail.includes(Buffer.from('PK\x05\x06', 'latin1')) && content.includes(Buffer.from('PK\x03\x04', 'latin1'))) return true;
  return mime.startsWith('image/') && MARKUP.test(content.toString('latin1'));
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
  if (isPolyglot(input.content, type.mime)) {
    throw new AppError(415, 'file_polyglot', 'فایل افزون بر تصویر یا PDF محتوای دیگری (کد صفحه وب یا بایگانی فشرده) دارد و پذیرفته نمی‌شود.');
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const [row] = await db
    .insert(docFiles)
    .values({ filename: safeFilename(input.filename), mime: type.mime, size: input.content.length, sha256, content: input.content, purpose: input.purpose.slice(0, 50), divisionPath: input.divisionPath ?? null, ownerId: input.owner?.id ?? null })
    .returning({ id: docFiles.id, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size, sha256: docFiles.sha256 });
  return row!;
}

/**
 * A module's answer to "may `actor` read document `docId` through a record of mine?" — for roles that reach
 * documents only through records given to them (a festival judge reads the documents of the entries assigned
 * to him, not every document of his scope).
 */
export type DocumentReader = (db: DbOrTx, actor: Actor, docId: string) => Promise<boolean>;
const documentReaders: DocumentReader[] = [];

/** Registers a module's {@link DocumentReader} (at import time of the module). */
export function registerDocumentReader(reader: DocumentReader): void {
  documentReaders.push(reader);
}

/**
 * Loads a document for download if `actor` may see it: its uploader, a staff grant with `documents.read`
 * whose scope contains the document's place (a document with no place needs a national grant), or a module's
 * registered reader. Otherwise 404, so ids of documents in other scopes cannot be probed.
 */
export async function readDocument(db: DbOrTx, id: string, actor: Actor | null) {
  if (!isUuid(id)) throw notFound('سند');
  const [doc] = await db.select().from(docFiles).where(eq(docFiles.id, id));
  if (!doc || !actor) throw notFound('سند');
  const owner = doc.ownerId !== null && doc.ownerId === actor.id;
  if (owner || can(actor, 'documents.read', doc.divisionPath ?? '/')) return doc;
  for (const reader of documentReaders) if (await reader(db, actor, doc.id)) return doc;
  throw notFound('سند');
}

/**
 * Sends a stored file. Whatever hides in its bytes (a JPEG with HTML appended, a PDF with script), the browser is
 * told the checked type and not to guess (`nosniff`), and a sandboxing CSP forbids scripts, plugins and forms should
 * it ever be opened as a page. Documents download (`attachment`); `inline` is for the showcase's public photos.
 */
export function sendStoredFile(reply: FastifyReply, file: { mime: string; filename: string; content: Buffer }, opts: { inline?: boolean; cache?: string } = {}): FastifyReply {
  const disposition = contentDisposition(file.filename);
  return reply
    .type(file.mime)
    .header('content-disposition', opts.inline ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('cache-control', opts.cache ?? 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .send(file.content);
}

/**
 * Reads the one file of a multipart upload (field name free, fields before it available): 415 when the request is
 * not multipart, 400 `file_missing` without a file, 413 `file_too_large` over `maxBytes`, 400 `too_many_files`
 * when more than one file is sent (nothing is stored then: the caller has not run yet).
 */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<{ content: Buffer; filename: string; fields: Record<string, unknown> }> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required', 'فایل باید با قالب multipart/form-data ارسال شود.');
  const files = request.files();
  const first = await files.next();
  if (first.done || !first.value) throw new AppError(400, 'file_missing', 'فایلی ارسال نشده است.');
  const file = first.value;
  const content = await file.toBuffer().catch((e: { statusCode?: number }) => {
    if (e.statusCode === 413) throw new AppError(413, 'file_too_large', `حجم فایل بیش از ${Math.round(maxBytes / 1048576)} مگابایت است.`);
    throw e;
  });
  const more = await files.next().catch(() => ({ done: false }));
  if (!more.done) throw new AppError(400, 'too_many_files', 'در هر بار فقط یک فایل بفرستید.');
  return { content, filename: file.filename, fields: file.fields as Record<string, unknown> };
}
