import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../core/audit/audit.js';
import { readSingleUpload } from '../../../core/documents/store.js';
import { canonicalJson } from '../../../core/audit/canonical.js';
import { formatJalaliDate } from '../../../core/fa/index.js';
import type { AppContext } from '../../../core/http/context.js';
import { AppError, badRequest } from '../../../core/http/errors.js';
import { contentDisposition, sendExport } from '../../../core/http/export.js';
import { AllocationCreate, ScenarioCreate, SiteInput, SiteUpdate, SITE_KINDS, SITE_STATUSES, VERIFICATION_STATES } from '../contract.js';
import { allocationRows, createAllocation, getAllocation, listAllocations } from './allocations.js';
import { importRunner, importView, startImport } from './imports.js';
import { reportCsv, templateCsv, templateXlsx } from './import-template.js';
import { EXPORT_COLUMNS, exportRows, listSites, mapSites, siteView, summary } from './present.js';
import { ScenarioRunner, compareScenarios, createScenario, getScenario, listScenarios, scenarioFiles, scenarioProgress } from './scenarios.js';
import { createSite, reviewSite, updateSite } from './sites.js';

const tags = ['landfills'];
const INT_MAX = 2_147_483_647;
const zId = z.coerce.number().int().positive().max(INT_MAX);
const IdParam = z.object({ id: zId });
const READ = { access: { permission: 'landfills.read' as const } };
const EDIT = { access: { permission: 'landfills.edit' as const } };
const PLAN = { access: { permission: 'landfills.plan' as const } };
const Filters = z.object({
  q: z.string().max(100).optional(),
  kind: z.enum(SITE_KINDS).optional(),
  status: z.enum(SITE_STATUSES).optional(),
  verification: z.enum(VERIFICATION_STATES).optional(),
  divisionId: zId.optional(),
});
const ReviewInput = z.object({ action: z.string().max(40), version: z.number().int().min(0), comment: z.string().trim().max(2000).nullable().optional() });

const sendFile = (reply: FastifyReply, type: string, filename: string, body: string | Buffer) =>
  reply.type(type).header('content-disposition', contentDisposition(filename)).header('cache-control', 'private, no-store').send(body);

/** Service 2's API: see the route list at the top of api-types.ts. */
export function landfillRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    const imports = importRunner(db, app.log);
    const scenarios = new ScenarioRunner(db, { log: app.log });
    // Work left by a stopped process resumes at start; shutting down waits for the current chunk / stops the solve.
    app.addHook('onReady', async () => {
      imports.kick();
      await scenarios.resume();
    });
    app.addHook('onClose', async () => {
      await imports.close();
      await scenarios.close();
    });

    // ---- registry ----------------------------------------------------------------------------------------------
    app.get('/api/v1/landfills/sites', {
      config: READ,
      schema: { tags, querystring: Filters.extend({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) }) },
    }, async (request) => listSites(db, request.actor!, request.query));

    app.get('/api/v1/landfills/sites/map', { config: READ, schema: { tags, querystring: Filters } }, async (request) => ({ items: await mapSites(db, request.actor!, request.query) }));

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/api/v1/landfills/sites/export.${format}`, { config: READ, schema: { tags, querystring: Filters } }, async (request, reply) => {
        await appendAudit(db, request.actor!, { action: 'landfills.site.export', entityType: 'landfill_site', entityId: 'export', data: { format, filters: request.query } });
        return sendExport(reply, { format, filename: `محل‌های-دفن-پسماند-${formatJalaliDate(new Date()).replaceAll('/', '-')}`, columns: EXPORT_COLUMNS, rows: exportRows(db, request.actor!, request.query) });
      });
    }

    app.get('/api/v1/landfills/sites/:id', { config: READ, schema: { tags, params: IdParam } }, async (request) => siteView(db, request.actor!, request.params.id));

    app.post('/api/v1/landfills/sites', { config: EDIT, schema: { tags, body: SiteInput } }, async (request, reply) => {
      const id = await createSite(db, request.actor!, request.body);
      return reply.status(201).send(await siteView(db, request.actor!, id));
    });

    app.put('/api/v1/landfills/sites/:id', { config: EDIT, schema: { tags, params: IdParam, body: SiteUpdate } }, async (request) => {
      const { version, statusNote, ...input } = request.body;
      await updateSite(db, request.actor!, request.params.id, input, { expectedVersion: version, statusNote });
      return siteView(db, request.actor!, request.params.id);
    });

    app.post('/api/v1/landfills/sites/:id/review', { config: READ, schema: { tags, params: IdParam, body: ReviewInput } }, async (request) => {
      await reviewSite(db, request.actor!, request.params.id, request.body);
      return siteView(db, request.actor!, request.params.id);
    });

    app.get('/api/v1/landfills/summary', { config: READ, schema: { tags, querystring: z.object({ divisionId: zId.optional() }) } }, async (request) =>
      summary(db, request.actor!, request.query.divisionId));

    // ---- import ------------------------------------------------------------------------------------------------
    app.get('/api/v1/landfills/import/template.csv', { config: EDIT, schema: { tags } }, async (_request, reply) =>
      sendFile(reply, 'text/csv; charset=utf-8', 'الگوی-ورود-محل‌های-دفن.csv', templateCsv()));
    app.get('/api/v1/landfills/import/template.xlsx', { config: EDIT, schema: { tags } }, async (_request, reply) =>
      sendFile(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'الگوی-ورود-محل‌های-دفن.xlsx', await templateXlsx()));

    app.post('/api/v1/landfills/imports', { config: EDIT, schema: { tags, consumes: ['multipart/form-data'] } }, async (request, reply) => {
      const file = await readSingleUpload(request, ctx.config.uploadMaxBytes);
      return reply.status(202).send(await startImport(db, request.actor!, { buffer: file.content, filename: file.filename }, imports));
    });

    app.get('/api/v1/landfills/imports/:id', { config: EDIT, schema: { tags, params: IdParam } }, async (request) => importView(db, request.actor!, request.params.id));

    app.get('/api/v1/landfills/imports/:id/report.csv', { config: EDIT, schema: { tags, params: IdParam } }, async (request, reply) => {
      const v = await importView(db, request.actor!, request.params.id);
      return sendFile(reply, 'text/csv; charset=utf-8', `گزارش-ورود-${v.id}.csv`, reportCsv(v.issues));
    });

    // ---- planning ----------------------------------------------------------------------------------------------
    app.get('/api/v1/landfills/scenarios', { config: PLAN, schema: { tags } }, async (request) => ({ items: await listScenarios(db, request.actor!) }));

    app.post('/api/v1/landfills/scenarios', { config: PLAN, schema: { tags, body: ScenarioCreate } }, async (request, reply) =>
      reply.status(202).send(await createScenario(db, request.actor!, request.body, scenarios)));

    app.get('/api/v1/landfills/scenarios/compare', {
      config: PLAN,
      schema: { tags, querystring: z.object({ ids: z.string().max(100).regex(/^\d+(,\d+)*$/, { error: 'شناسه سناریوها معتبر نیست' }) }) },
    }, async (request) => {
      const ids = [...new Set(request.query.ids.split(',').map(Number))];
      if (ids.length < 2 || ids.length > 4 || ids.some((i) => i > INT_MAX)) throw badRequest('compare_count', 'برای مقایسه ۲ تا ۴ سناریو انتخاب کنید.');
      return { items: await compareScenarios(db, request.actor!, ids) };
    });

    app.get('/api/v1/landfills/scenarios/:id', { config: PLAN, schema: { tags, params: IdParam } }, async (request) => getScenario(db, request.actor!, request.params.id));

    app.get('/api/v1/landfills/scenarios/:id/progress', { config: PLAN, schema: { tags, params: IdParam } }, async (request) => scenarioProgress(db, request.actor!, request.params.id));

    app.get('/api/v1/landfills/scenarios/:id/:file', {
      config: PLAN,
      schema: { tags, params: z.object({ id: zId, file: z.enum(['input.json', 'plan.json', 'plan.csv']) }) },
    }, async (request, reply) => {
      const { id, file } = request.params;
      const files = await scenarioFiles(db, request.actor!, id);
      if (file === 'input.json') return sendFile(reply, 'application/json', `scenario-${id}-input.json`, canonicalJson(files.input));
      if (!files.plan) throw new AppError(409, 'scenario_not_solved', 'این سناریو هنوز حل نشده است.');
      if (file === 'plan.json') return sendFile(reply, 'application/json', `scenario-${id}-plan.json`, JSON.stringify(files.plan));
      return sendExport(reply, {
        format: 'csv', filename: `سناریو-${id}-تخصیص`,
        columns: [
          { key: 'villageId', title: 'شناسه روستا' }, { key: 'village', title: 'روستا' }, { key: 'siteId', title: 'شناسه مرکز' },
          { key: 'site', title: 'مرکز منطقه‌ای' }, { key: 'demand', title: 'پسماند (تن در روز)' }, { key: 'distanceKm', title: 'فاصله (کیلومتر)' },
        ],
        rows: files.rows,
      });
    });

    app.get('/api/v1/landfills/allocations', { config: PLAN, schema: { tags } }, async (request) => ({ items: await listAllocations(db, request.actor!) }));

    app.post('/api/v1/landfills/allocations', { config: PLAN, schema: { tags, body: AllocationCreate } }, async (request, reply) =>
      reply.status(201).send(await createAllocation(db, request.actor!, request.body)));

    app.get('/api/v1/landfills/allocations/:id', { config: PLAN, schema: { tags, params: IdParam } }, async (request) => getAllocation(db, request.actor!, request.params.id));

    app.get('/api/v1/landfills/allocations/:id/export.csv', { config: PLAN, schema: { tags, params: IdParam } }, async (request, reply) => {
      const view = await getAllocation(db, request.actor!, request.params.id);
      const { columns, rows } = allocationRows(view);
      return sendExport(reply, { format: 'csv', filename: `تخصیص-اعتبار-${view.id}`, columns, rows });
    });
  };
}
