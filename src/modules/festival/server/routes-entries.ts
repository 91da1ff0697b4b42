import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../core/audit/audit.js';
import { clockNow } from '../../../core/clock.js';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import type { AppContext } from '../../../core/http/context.js';
import { sendExport } from '../../../core/http/export.js';
import { EntryCreate, EntryUpdate, EntryVersion, ScreeningInput, zKey } from '../contract.js';
import { ENTRY_STATES, OWNER_KINDS } from '../enums.js';
import { createEntry, deleteEntry, ownEntry, saveEntry } from './entries.js';
import { resubmitEntry, submitEntry, withdrawEntry } from './entries-owner.js';
import { FFA } from './fa.js';
import { myEntries, ownerEntryView, staffEntryView } from './present.js';
import { EXPORT_COLUMNS, exportRows, listEntries } from './present-list.js';
import { screenEntry } from './screening.js';

const tags = ['festival'];
const INT_MAX = 2_147_483_647;
const zId = z.coerce.number().int().positive().max(INT_MAX);
const EntryParam = z.object({ id: z.string().max(64) });
const ACT = { access: { permission: 'workflow.act' as const } };
const Filters = z.object({
  roundId: zId.optional(),
  state: z.enum(ENTRY_STATES).optional(),
  axis: zKey.optional(),
  provinceId: zId.optional(),
  ownerKind: z.enum(OWNER_KINDS).optional(),
  q: z.string().max(100).optional(),
  flagged: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
const Page = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) };

/** Owners' entries (/festival/mine*) and the secretariats' entry routes (/festival/entries*); see api-types.ts. */
export function entryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  const perActor = (max: number) => ({ rateLimit: { max, timeWindow: '1 hour', keyGenerator: (req: FastifyRequest) => `festival:${req.actor?.id ?? req.ip}` } });
  const OWNER = { access: 'authenticated' as const };

  return async (app) => {
    // ---- owners: a dehyari or an entrepreneur ------------------------------------------------------------------
    app.get('/api/v1/festival/mine', { config: OWNER, schema: { tags } }, async (request) => myEntries(db, request.actor!));

    app.post('/api/v1/festival/mine/entries', { config: { ...OWNER, ...perActor(60) }, schema: { tags, body: EntryCreate } }, async (request, reply) => {
      const e = await createEntry(db, request.actor!, request.body);
      return reply.status(201).send(await ownerEntryView(db, request.actor!, e));
    });

    app.get('/api/v1/festival/mine/entries/:id', { config: OWNER, schema: { tags, params: EntryParam } }, async (request) =>
      ownerEntryView(db, request.actor!, (await ownEntry(db, request.actor!, request.params.id)).entry));

    app.put('/api/v1/festival/mine/entries/:id', { config: { ...OWNER, ...perActor(600) }, schema: { tags, params: EntryParam, body: EntryUpdate } }, async (request) =>
      ownerEntryView(db, request.actor!, await saveEntry(db, request.actor!, request.params.id, request.body)));

    app.post('/api/v1/festival/mine/entries/:id/submit', { config: { ...OWNER, ...perActor(60) }, schema: { tags, params: EntryParam, body: EntryVersion } }, async (request) =>
      ownerEntryView(db, request.actor!, await submitEntry(db, request.actor!, request.params.id, request.body.version)));

    app.post('/api/v1/festival/mine/entries/:id/resubmit', { config: { ...OWNER, ...perActor(60) }, schema: { tags, params: EntryParam, body: EntryVersion } }, async (request) =>
      ownerEntryView(db, request.actor!, await resubmitEntry(db, request.actor!, request.params.id, request.body.version)));

    app.post('/api/v1/festival/mine/entries/:id/withdraw', { config: OWNER, schema: { tags, params: EntryParam, body: EntryVersion } }, async (request) =>
      ownerEntryView(db, request.actor!, await withdrawEntry(db, request.actor!, request.params.id, request.body.version)));

    app.delete('/api/v1/festival/mine/entries/:id', { config: OWNER, schema: { tags, params: EntryParam } }, async (request, reply) => {
      await deleteEntry(db, request.actor!, request.params.id);
      return reply.status(204).send();
    });

    // ---- the secretariats (province and national screening) -------------------------------------------------------
    app.get('/api/v1/festival/entries', { config: ACT, schema: { tags, querystring: Filters.extend(Page) } }, async (request) => listEntries(db, request.actor!, request.query));

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/api/v1/festival/entries/export.${format}`, { config: ACT, schema: { tags, querystring: Filters } }, async (request, reply) => {
        await appendAudit(db, request.actor!, { action: 'festival.entry.export', entityType: 'fest_entry', entityId: 'export', data: { format, filters: request.query } });
        return sendExport(reply, { format, filename: `${FFA.exportFile}-${formatJalaliDate(clockNow()).replaceAll('/', '-')}`, columns: EXPORT_COLUMNS, rows: exportRows(db, request.actor!, request.query) });
      });
    }

    app.get('/api/v1/festival/entries/:id', { config: ACT, schema: { tags, params: EntryParam } }, async (request) => staffEntryView(db, request.actor!, request.params.id));

    app.post('/api/v1/festival/entries/:id/screen', { config: { ...ACT, ...perActor(600) }, schema: { tags, params: EntryParam, body: ScreeningInput } }, async (request) => {
      await screenEntry(db, request.actor!, request.params.id, request.body);
      return staffEntryView(db, request.actor!, request.params.id);
    });
  };
}
