import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../core/audit/audit.js';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import type { AppContext } from '../../../core/http/context.js';
import { tooMany } from '../../../core/http/errors.js';
import { sendExport } from '../../../core/http/export.js';
import { MissLimiter } from '../../../core/http/miss-limiter.js';
import { APPLICATION_KINDS, APPLICATION_STATES, CriteriaSetCreate, FieldInput, ProfileInput, ReviewInput, zFieldKey } from '../contract.js';
import { resubmitApplication, submitApplication, withdrawApplication } from './applications.js';
import { createCriteria, currentCriteria, listCriteria } from './criteria.js';
import { IFA } from './fa.js';
import { listFields, upsertField } from './fields.js';
import { livePreScores, myInstructor } from './my.js';
import { EXPORT_COLUMNS, exportRows, listApplications, applicationView } from './present.js';
import { noProfile, ownProfile, saveProfile } from './profiles.js';
import { actOnApplication } from './review.js';
import { myCertificate, staffCertificate, verifyTrainingId } from './verify.js';
import { originOf } from '../../../core/http/origin.js';

const tags = ['instructors'];
const INT_MAX = 2_147_483_647;
const zId = z.coerce.number().int().positive().max(INT_MAX);
const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');
const zPage = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) };
const AppParam = z.object({ id: z.string().max(64) });
const ACT = { access: { permission: 'workflow.act' as const } };
const Filters = z.object({
  state: z.enum(APPLICATION_STATES).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  field: zFieldKey.optional(),
  provinceId: zId.optional(),
  q: z.string().max(100).optional(),
  overdue: zBool.optional(),
});

/** Training-ID lookups a client may get wrong before it is refused (enumeration defence), as for amriyeh letters. */
const VERIFY_MISSES = { max: 20, windowMs: 10 * 60_000 };

/** Instructor, review, criteria and verification routes (see api-types.ts). */
export function instructorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  const verifyMisses = new MissLimiter(db, 'training-id-verify', VERIFY_MISSES);
  const perCitizen = (max: number) => ({ rateLimit: { max, timeWindow: '1 hour', keyGenerator: (req: FastifyRequest) => `instructors:${req.actor?.id ?? req.ip}` } });

  return async (app) => {
    // ---- public ----------------------------------------------------------------------------------------------
    app.get('/api/v1/instructors/fields', { config: { access: 'public' }, schema: { tags, querystring: z.object({ all: zBool.optional() }) } }, async (request) => ({
      items: await listFields(db, !!request.query.all && request.actor?.kind === 'staff'),
    }));

    app.get('/api/v1/verify/training-id/:id', { config: { access: 'public' }, schema: { tags, params: z.object({ id: z.string().max(60) }) } }, async (request) => {
      const wait = await verifyMisses.blockedFor(request.ip);
      if (wait !== null) throw tooMany(wait);
      try {
        return await verifyTrainingId(db, request.params.id);
      } catch (e) {
        await verifyMisses.miss(request.ip);
        throw e;
      }
    });

    // ---- the instructor ----------------------------------------------------------------------------------------
    app.get('/api/v1/instructors/me', { config: { access: 'citizen' }, schema: { tags } }, async (request) => myInstructor(db, request.actor!));

    app.put('/api/v1/instructors/me/profile', { config: { access: 'citizen', ...perCitizen(120) }, schema: { tags, body: ProfileInput } }, async (request) => {
      await saveProfile(db, request.actor!, request.body);
      return myInstructor(db, request.actor!);
    });

    app.post('/api/v1/instructors/me/applications', { config: { access: 'citizen', ...perCitizen(20) }, schema: { tags } }, async (request, reply) => {
      await submitApplication(db, request.actor!);
      return reply.status(201).send(await myInstructor(db, request.actor!));
    });

    app.put('/api/v1/instructors/me/applications/:id/resubmit', { config: { access: 'citizen', ...perCitizen(20) }, schema: { tags, params: AppParam } }, async (request) => {
      await resubmitApplication(db, request.actor!, request.params.id);
      return myInstructor(db, request.actor!);
    });

    app.post('/api/v1/instructors/me/applications/:id/withdraw', { config: { access: 'citizen' }, schema: { tags, params: AppParam } }, async (request) => {
      await withdrawApplication(db, request.actor!, request.params.id);
      return myInstructor(db, request.actor!);
    });

    app.get('/api/v1/instructors/me/certificate', { config: { access: 'citizen' }, schema: { tags } }, async (request) => myCertificate(db, request.actor!, originOf(request)));

    app.post('/api/v1/instructors/me/prescore', { config: { access: 'citizen' }, schema: { tags } }, async (request) => {
      const p = await ownProfile(db, request.actor!);
      if (!p) throw noProfile();
      return { scores: await livePreScores(db, p) };
    });

    // ---- criteria and taxonomy ---------------------------------------------------------------------------------
    app.get('/api/v1/instructors/criteria', { config: { access: 'staff' }, schema: { tags } }, async () => ({ items: await listCriteria(db) }));

    app.get('/api/v1/instructors/criteria/current', { config: { access: 'staff' }, schema: { tags } }, async () => currentCriteria(db));

    app.post('/api/v1/instructors/criteria', { config: { access: { permission: 'instructors.criteria' } }, schema: { tags, body: CriteriaSetCreate } }, async (request, reply) =>
      reply.status(201).send(await createCriteria(db, request.actor!, request.body)));

    app.put('/api/v1/instructors/fields/:key', { config: { access: { permission: 'instructors.criteria' } }, schema: { tags, params: z.object({ key: z.string().max(40) }), body: FieldInput } }, async (request) =>
      upsertField(db, request.actor!, request.params.key, request.body));

    // ---- applications (training experts, the committee) ---------------------------------------------------------
    app.get('/api/v1/instructors/applications', { config: ACT, schema: { tags, querystring: Filters.extend(zPage) } }, async (request) =>
      listApplications(db, request.actor!, request.query));

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/api/v1/instructors/applications/export.${format}`, { config: ACT, schema: { tags, querystring: Filters } }, async (request, reply) => {
        await appendAudit(db, request.actor!, { action: 'instructors.application.export', entityType: 'inst_application', entityId: 'export', data: { format, filters: request.query } });
        return sendExport(reply, { format, filename: `${IFA.exportFile}-${formatJalaliDate(new Date()).replaceAll('/', '-')}`, columns: EXPORT_COLUMNS, rows: exportRows(db, request.actor!, request.query) });
      });
    }

    app.get('/api/v1/instructors/applications/:id', { config: ACT, schema: { tags, params: AppParam } }, async (request) => applicationView(db, request.actor!, request.params.id));

    app.post('/api/v1/instructors/applications/:id/review', { config: ACT, schema: { tags, params: AppParam, body: ReviewInput } }, async (request) => {
      await actOnApplication(db, request.actor!, request.params.id, request.body);
      return applicationView(db, request.actor!, request.params.id);
    });

    app.get('/api/v1/instructors/profiles/:id/certificate', { config: { access: 'staff' }, schema: { tags, params: z.object({ id: zId }) } }, async (request) =>
      staffCertificate(db, request.actor!, request.params.id, originOf(request)));
  };
}
