import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { formatJalaliDate } from '../../../core/fa/index.js';
import type { AppContext } from '../../../core/http/context.js';
import { forbidden, notFound } from '../../../core/http/errors.js';
import { exportTooLarge, MAX_EXPORT_ROWS, sendExport, type ExportColumn } from '../../../core/http/export.js';
import {
  ComplaintActionCreate, ComplaintListQuery, ExportQuery, KIND_TITLES, NoteCreate, StatsQuery, TemplateCreate, TemplateQuery, TemplateUpdate,
} from '../contract.js';
import { actOnComplaint } from './commands/act.js';
import { addNote } from './commands/note.js';
import { STAFF_FA } from './fa-staff.js';
import { presentComplaintForStaff } from './present.js';
import { countComplaints, getComplaintForStaff, iterateComplaints, listComplaints, templatesFor, type ComplaintListItem } from './queries.js';
import { complaintStats } from './stats.js';
import { createTemplate, deleteTemplate, updateTemplate } from './templates.js';

const ComplaintParams = z.object({ id: z.string().max(64) });
const TemplateParams = z.object({ templateId: z.coerce.number().int().positive().max(2_147_483_647) });

const ACT = { access: { permission: 'workflow.act' as const } };
const CONFIGURE = { access: { permission: 'complaints.configure' as const } };
const tags = ['complaints'];

const col = STAFF_FA.columns;
const EXPORT_COLUMNS: ExportColumn<ComplaintListItem>[] = [
  { key: 'trackingCode', title: col.trackingCode },
  { key: 'kind', title: col.kind, value: (r) => KIND_TITLES[r.kind] },
  { key: 'categoryName', title: col.category },
  { key: 'placeName', title: col.place },
  { key: 'subject', title: col.subject },
  { key: 'stateTitle', title: col.state },
  { key: 'citizenName', title: col.citizen },
  { key: 'assigneeName', title: col.assignee },
  { key: 'createdAt', title: col.createdAt },
  { key: 'dueAt', title: col.dueAt },
  { key: 'overdue', title: col.overdue },
];

/** Response templates are national: only a country-wide `complaints.configure` grant edits them. */
function authorizeTemplates(actor: Actor): void {
  if (!can(actor, 'complaints.configure', '/')) throw forbidden(STAFF_FA.nationalOnly);
}

/**
 * The staff side of the complaints service: the scoped list (filters, search, paging), its CSV/XLSX export,
 * the dashboard, one complaint with everything needed to act on it, actions through the workflow engine,
 * internal notes, and response templates (read by staff, edited with `complaints.configure`). Every route
 * declares its access rule; every record is loaded through the actor's scope (outside it: 404).
 */
export function staffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  const load = async (actor: Actor, id: string) => {
    const loaded = await getComplaintForStaff(db, actor, id);
    if (!loaded) throw notFound(STAFF_FA.complaintNoun);
    return loaded;
  };

  return async (app) => {
    app.get('/api/v1/complaints', { config: ACT, schema: { tags, querystring: ComplaintListQuery } }, async (request) =>
      listComplaints(db, request.actor!, request.query));

    app.get('/api/v1/complaints/export', { config: ACT, schema: { tags, querystring: ExportQuery } }, async (request, reply) => {
      const actor = request.actor!;
      const { format, limit: _limit, offset: _offset, ...filters } = request.query;
      const total = await countComplaints(db, actor, filters);
      if (total > MAX_EXPORT_ROWS) throw exportTooLarge();
      // An export takes personal data out of the system: who took what is on the record.
      await db.transaction((tx) => appendAudit(tx, actor, { action: 'complaint.export', entityType: 'complaint', entityId: 'export', data: { format, filters, rows: total } }));
      return sendExport(reply, {
        format, filename: STAFF_FA.exportFilename(formatJalaliDate(new Date())), columns: EXPORT_COLUMNS,
        rows: iterateComplaints(db, actor, filters, { max: total }),
      });
    });

    app.get('/api/v1/complaints/stats', { config: ACT, schema: { tags, querystring: StatsQuery } }, async (request) =>
      complaintStats(db, request.actor!, request.query));

    app.get('/api/v1/complaints/templates', { config: ACT, schema: { tags, querystring: TemplateQuery } }, async (request) =>
      ({ items: await templatesFor(db, request.query.categoryId) }));

    app.post('/api/v1/complaints/templates', { config: CONFIGURE, schema: { tags, body: TemplateCreate } }, async (request, reply) => {
      authorizeTemplates(request.actor!);
      return reply.status(201).send(await createTemplate(db, request.actor!, request.body));
    });

    app.put('/api/v1/complaints/templates/:templateId', { config: CONFIGURE, schema: { tags, params: TemplateParams, body: TemplateUpdate } }, async (request) => {
      authorizeTemplates(request.actor!);
      return updateTemplate(db, request.actor!, request.params.templateId, request.body);
    });

    app.delete('/api/v1/complaints/templates/:templateId', { config: CONFIGURE, schema: { tags, params: TemplateParams } }, async (request, reply) => {
      authorizeTemplates(request.actor!);
      await deleteTemplate(db, request.actor!, request.params.templateId);
      return reply.status(204).send();
    });

    app.get('/api/v1/complaints/:id', { config: ACT, schema: { tags, params: ComplaintParams } }, async (request) => {
      const actor = request.actor!;
      return presentComplaintForStaff(db, actor, await load(actor, request.params.id));
    });

    app.post('/api/v1/complaints/:id/actions', { config: ACT, schema: { tags, params: ComplaintParams, body: ComplaintActionCreate } }, async (request) => {
      const actor = request.actor!;
      const loaded = await load(actor, request.params.id);
      await actOnComplaint(db, actor, loaded, request.body);
      return presentComplaintForStaff(db, actor, await load(actor, loaded.complaint.id));
    });

    app.post('/api/v1/complaints/:id/notes', { config: ACT, schema: { tags, params: ComplaintParams, body: NoteCreate } }, async (request, reply) => {
      const actor = request.actor!;
      const note = await addNote(db, actor, await load(actor, request.params.id), request.body.body);
      return reply.status(201).send({ id: note.id, kind: note.kind, body: note.body, createdAt: note.createdAt });
    });
  };
}
