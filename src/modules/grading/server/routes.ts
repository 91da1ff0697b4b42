import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../core/audit/audit.js';
import { formatJalaliDate, parseJalaliDate } from '../../../core/fa/jalali.js';
import type { AppContext } from '../../../core/http/context.js';
import { badRequest, notFound } from '../../../core/http/errors.js';
import { sendExport } from '../../../core/http/export.js';
import { REQUEST_STATES, RequestCreate, ReviewInput, RuleSetCreate, SheetInput, SUBJECTS } from '../contract.js';
import { dashboard } from './dashboard.js';
import { canView, getEntity, gradeHistory, myEntities, publicGrades } from './entities.js';
import { GFA } from './fa.js';
import { EXPORT_COLUMNS, exportRows, listRequests, requestView } from './present.js';
import { actOnRequest, correctRequest, createRequest, RequestCorrection, withdrawRequest } from './requests.js';
import { createRuleSet, currentRuleSet, listRuleSets, toRuleSetLike } from './rule-sets.js';
import { evaluate } from './rules.js';
import { listSheets, loadSheet, saveSheet, sheetView } from './sheets.js';

const tags = ['grading'];
const INT_MAX = 2_147_483_647;
const zId = z.coerce.number().int().positive().max(INT_MAX);
const zSubject = z.enum(SUBJECTS, { error: 'نوع (شهرداری یا دهیاری) معتبر نیست' });
const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');
const zPage = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) };
const zJalali = z.string().regex(/^\d{4}\/\d{1,2}\/\d{1,2}$/, { error: 'تاریخ را به صورت ۱۴۰۵/۰۱/۰۱ وارد کنید' });
const RequestParam = z.object({ id: z.string().max(64) });
const ACT = { access: { permission: 'workflow.act' as const } };
const Filters = z.object({
  subject: zSubject.optional(),
  state: z.enum(REQUEST_STATES).optional(),
  provinceId: zId.optional(),
  q: z.string().max(100).optional(),
  overdue: zBool.optional(),
});
const EntityQuery = z.object({ subject: zSubject, divisionId: zId });

/** A Jalali day from a query (400 when it is not a real date), or now. */
function dayOrNow(date: string | undefined): Date {
  if (!date) return new Date();
  const d = parseJalaliDate(date);
  if (!d) throw badRequest('date_invalid', GFA.effectiveDateInvalid);
  return d;
}

/** Service 3's API: see the route list at the top of api-types.ts. */
export function gradingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    // ---- public ------------------------------------------------------------------------------------------------
    app.get('/api/v1/grading/public', {
      config: { access: 'public' },
      schema: { tags, querystring: z.object({ subject: zSubject.default('municipality'), q: z.string().max(100).optional(), provinceId: zId.optional(), grade: z.coerce.number().int().min(1).max(12).optional(), ...zPage }) },
    }, async (request) => publicGrades(db, request.query));

    // ---- rules -------------------------------------------------------------------------------------------------
    app.get('/api/v1/grading/rules', { config: { access: 'staff' }, schema: { tags, querystring: z.object({ subject: zSubject }) } }, async (request) => ({
      items: await listRuleSets(db, request.query.subject),
    }));

    app.get('/api/v1/grading/rules/current', { config: { access: 'staff' }, schema: { tags, querystring: z.object({ subject: zSubject, date: zJalali.optional() }) } }, async (request) =>
      currentRuleSet(db, request.query.subject, dayOrNow(request.query.date)));

    app.post('/api/v1/grading/rules', { config: { access: { permission: 'grading.rules' } }, schema: { tags, body: RuleSetCreate } }, async (request, reply) =>
      reply.status(201).send(await createRuleSet(db, request.actor!, request.body)));

    app.post('/api/v1/grading/evaluate', {
      config: { access: 'staff' },
      schema: { tags, body: z.object({ subject: zSubject, values: SheetInput.shape.values, date: zJalali.optional() }) },
    }, async (request) => evaluate(toRuleSetLike(await currentRuleSet(db, request.body.subject, dayOrNow(request.body.date))), request.body.values));

    // ---- the entity: its sheets and requests ---------------------------------------------------------------------
    app.get('/api/v1/grading/entities/mine', { config: ACT, schema: { tags } }, async (request) => ({ items: await myEntities(db, request.actor!) }));

    app.get('/api/v1/grading/sheets', { config: ACT, schema: { tags, querystring: EntityQuery } }, async (request) => ({
      items: await listSheets(db, request.actor!, request.query.subject, request.query.divisionId),
    }));

    app.put('/api/v1/grading/sheets', { config: ACT, schema: { tags, body: SheetInput } }, async (request) => {
      const id = await saveSheet(db, request.actor!, request.body);
      return sheetView(db, await loadSheet(db, request.actor!, id));
    });

    app.get('/api/v1/grading/sheets/:id', { config: ACT, schema: { tags, params: z.object({ id: zId }) } }, async (request) =>
      sheetView(db, await loadSheet(db, request.actor!, request.params.id)));

    app.post('/api/v1/grading/requests', { config: ACT, schema: { tags, body: RequestCreate } }, async (request, reply) => {
      const id = await createRequest(db, request.actor!, request.body);
      return reply.status(201).send(await requestView(db, request.actor!, id));
    });

    app.put('/api/v1/grading/requests/:id', { config: ACT, schema: { tags, params: RequestParam, body: RequestCorrection } }, async (request) => {
      await correctRequest(db, request.actor!, request.params.id, request.body);
      return requestView(db, request.actor!, request.params.id);
    });

    app.post('/api/v1/grading/requests/:id/withdraw', { config: ACT, schema: { tags, params: RequestParam } }, async (request) => {
      await withdrawRequest(db, request.actor!, request.params.id);
      return requestView(db, request.actor!, request.params.id);
    });

    // ---- staff -------------------------------------------------------------------------------------------------
    app.get('/api/v1/grading/requests', { config: ACT, schema: { tags, querystring: Filters.extend(zPage) } }, async (request) =>
      listRequests(db, request.actor!, request.query));

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/api/v1/grading/requests/export.${format}`, { config: ACT, schema: { tags, querystring: Filters } }, async (request, reply) => {
        await appendAudit(db, request.actor!, { action: 'grading.request.export', entityType: 'grading_request', entityId: 'export', data: { format, filters: request.query } });
        return sendExport(reply, { format, filename: `${GFA.exportFile}-${formatJalaliDate(new Date()).replaceAll('/', '-')}`, columns: EXPORT_COLUMNS, rows: exportRows(db, request.actor!, request.query) });
      });
    }

    app.get('/api/v1/grading/requests/:id', { config: ACT, schema: { tags, params: RequestParam } }, async (request) => requestView(db, request.actor!, request.params.id));

    app.post('/api/v1/grading/requests/:id/review', { config: ACT, schema: { tags, params: RequestParam, body: ReviewInput } }, async (request) => {
      await actOnRequest(db, request.actor!, request.params.id, request.body);
      return requestView(db, request.actor!, request.params.id);
    });

    app.get('/api/v1/grading/history', { config: ACT, schema: { tags, querystring: EntityQuery } }, async (request) => {
      const { subject, divisionId } = request.query;
      const entity = await getEntity(db, subject, divisionId);
      if (!entity || !canView(request.actor!, subject, entity.path)) throw notFound(GFA.entityNoun(subject));
      return { items: await gradeHistory(db, subject, divisionId) };
    });

    app.get('/api/v1/grading/dashboard', { config: ACT, schema: { tags, querystring: z.object({ subject: zSubject.default('municipality') }) } }, async (request) =>
      dashboard(db, request.actor!, request.query.subject));
  };
}
