import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantsFor } from '../access/policy.js';
import { appendAudit } from '../audit/audit.js';
import type { AppContext } from '../http/context.js';
import { readDocument, readSingleUpload, sendStoredFile, storeDocument } from './store.js';

const DocumentParams = z.object({ id: z.string().max(64) });

/** Upload (multipart, one file, content-checked) and scoped download of documents. */
export function documentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db, config } = ctx;
  return async (app) => {
    app.post('/api/v1/documents', { config: { access: { permission: 'documents.upload' } }, schema: { tags: ['documents'], consumes: ['multipart/form-data'] } }, async (request, reply) => {
      const file = await readSingleUpload(request, config.uploadMaxBytes);
      const content = file.content;
      const purposeField = file.fields.purpose as { value?: unknown } | undefined;
      const purpose = typeof purposeField?.value === 'string' ? purposeField.value : 'attachment';
      const actor = request.actor!;
      // A staff upload is placed at the uploader's own scope (narrowest grant); a citizen's has no place.
      const grant = grantsFor(actor, 'documents.upload').sort((a, b) => b.path.length - a.path.length)[0];
      const divisionPath = actor.kind === 'staff' ? grant?.path ?? null : null;
      const doc = await db.transaction(async (tx) => {
        const stored = await storeDocument(tx, { content, filename: file.filename, purpose, divisionPath, owner: actor, maxBytes: config.uploadMaxBytes });
        await appendAudit(tx, actor, { action: 'document.upload', entityType: 'document', entityId: stored.id, divisionPath, data: { mime: stored.mime, size: stored.size, sha256: stored.sha256 } });
        return stored;
      });
      return reply.status(201).send(doc);
    });

    app.get('/api/v1/documents/:id', { config: { access: 'authenticated' }, schema: { tags: ['documents'], params: DocumentParams } }, async (request, reply) => {
      return sendStoredFile(reply, await readDocument(db, request.params.id, request.actor));
    });
  };
}
