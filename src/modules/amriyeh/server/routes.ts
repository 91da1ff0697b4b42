import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../core/access/policy.js';
import { canonicalJson } from '../../../core/audit/canonical.js';
import type { AppContext } from '../../../core/http/context.js';
import { forbidden, tooMany } from '../../../core/http/errors.js';
import { MissLimiter } from '../../../core/http/miss-limiter.js';
import { zFaText } from '../../../core/fa/zod.js';
import { REVIEW_ACTIONS } from '../api-types.js';
import { APPLICATION_STATES, ApplicationCreate, CallCreate, CLAIMABLE_PRIORITY_GROUPS } from '../contract.js';
import {
  checkApplication,
  ownApplication,
  resubmitApplication,
  reviewApplication,
  staffApplication,
  submitApplication,
  withdrawApplication,
} from './applications.js';
import { myApplications, presentApplicant, presentStaff, staffList } from './present.js';
import { createCall, getCall, listCalls, presentCall, publishSeed, setCallState } from './calls.js';
import { issueLetters, letterView, listRuns, presentRun, revokeLetter, runFiles, runSelection, verifyLetter } from './selection.js';
import { capStations, confirmStation, declareStation, manageStations, publicStations } from './stations.js';
import { originOf } from '../../../core/http/origin.js';

const TAGS = ['amriyeh'];
const INT_MAX = 2_147_483_647;
const zIntParam = z.coerce.number().int().positive().max(INT_MAX);
const IdParam = z.object({ id: zIntParam });
const AppParam = z.object({ id: z.string().max(64) });
const NumberParam = z.object({ number: z.string().max(60) });
const zSeats = z.number({ error: 'ظرفیت را وارد کنید' }).int({ error: 'ظرفیت باید عدد صحیح باشد' }).min(0, { error: 'ظرفیت نمی‌تواند منفی باشد' }).max(1000, { error: 'ظرفیت حداکثر ۱۰۰۰ نفر است' });
const zPage = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) };

/** Letter-number lookups a client may get wrong before it is refused (enumeration defence). */
const VERIFY_MISSES = { max: 20, windowMs: 10 * 60_000 };

/** Service 4's API: see the route list at the top of api-types.ts. */
export function amriyehRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  const verifyMisses = new MissLimiter(db, 'amriyeh-verify', VERIFY_MISSES);
  const managesCalls = (request: FastifyRequest) => !!request.actor && can(request.actor, 'workflow.act', '/', ['expert.rural']);
  const requireManager = (request: FastifyRequest) => {
    if (!managesCalls(request)) throw forbidden();
  };
  const perCitizen = (max: number) => ({ rateLimit: { max, timeWindow: '1 hour', keyGenerator: (req: FastifyRequest) => `amriyeh:${req.actor?.id ?? req.ip}` } });

  return async (app) => {
    // ---- public ----------------------------------------------------------------------------------------------
    app.get('/api/v1/amriyeh/calls', { config: { access: 'public' }, schema: { tags: TAGS } }, async (request) => ({
      items: await listCalls(db, managesCalls(request)),
    }));

    app.get('/api/v1/amriyeh/calls/:id', { config: { access: 'public' }, schema: { tags: TAGS, params: IdParam } }, async (request) =>
      presentCall(db, await getCall(db, request.params.id, managesCalls(request))));

    app.get('/api/v1/amriyeh/calls/:id/stations', {
      config: { access: 'public' },
      schema: { tags: TAGS, params: IdParam, querystring: z.object({ provinceId: zIntParam.optional() }) },
    }, async (request) => ({ items: await publicStations(db, request.params.id, request.query.provinceId) }));

    app.get('/api/v1/amriyeh/calls/:id/runs', { config: { access: 'public' }, schema: { tags: TAGS, params: IdParam } }, async (request) => {
      await getCall(db, request.params.id, managesCalls(request));
      return { items: await listRuns(db, request.params.id) };
    });

    app.get('/api/v1/amriyeh/runs/:id', {
      config: { access: 'public' },
      schema: { tags: TAGS, params: IdParam, querystring: z.object({ ...zPage, q: z.string().max(40).optional() }) },
    }, async (request) => presentRun(db, request.params.id, request.query));

    for (const file of ['input', 'output'] as const) {
      app.get(`/api/v1/amriyeh/runs/:id/${file}.json`, { config: { access: 'public' }, schema: { tags: TAGS, params: IdParam } }, async (request, reply) => {
        const files = await runFiles(db, request.params.id);
        reply.header('content-disposition', `attachment; filename="amriyeh-run-${request.params.id}-${file}.json"`).header('cache-control', 'public, max-age=3600');
        // Canonical JSON (keys sorted): the file's SHA-256 is the run's published inputHash, byte for byte.
        return reply.type('application/json').send(canonicalJson(files[file]));
      });
    }

    app.get('/api/v1/verify/amriyeh/:number', { config: { access: 'public' }, schema: { tags: TAGS, params: NumberParam } }, async (request) => {
      const wait = await verifyMisses.blockedFor(request.ip);
      if (wait !== null) throw tooMany(wait);
      try {
        return await verifyLetter(db, request.params.number);
      } catch (e) {
        await verifyMisses.miss(request.ip);
        throw e;
      }
    });

    // ---- applicant -------------------------------------------------------------------------------------------
    app.post('/api/v1/amriyeh/applications/check', { config: { access: 'citizen', ...perCitizen(120) }, schema: { tags: TAGS, body: ApplicationCreate } }, async (request) =>
      checkApplication(db, request.body));

    app.post('/api/v1/amriyeh/applications', { config: { access: 'citizen', ...perCitizen(20) }, schema: { tags: TAGS, body: ApplicationCreate } }, async (request, reply) => {
      const row = await submitApplication(db, request.body, request.actor!);
      const view = await presentApplicant(db, await ownApplication(db, row.id, request.actor!), request.actor!);
      return reply.status(201).send(view);
    });

    app.get('/api/v1/amriyeh/applications/mine', { config: { access: 'citizen' }, schema: { tags: TAGS } }, async (request) => ({
      items: await myApplications(db, request.actor!),
    }));

    app.get('/api/v1/amriyeh/applications/mine/:id', { config: { access: 'citizen' }, schema: { tags: TAGS, params: AppParam } }, async (request) =>
      presentApplicant(db, await ownApplication(db, request.params.id, request.actor!), request.actor!));

    app.put('/api/v1/amriyeh/applications/mine/:id', { config: { access: 'citizen', ...perCitizen(20) }, schema: { tags: TAGS, params: AppParam, body: ApplicationCreate } }, async (request) => {
      const actor = request.actor!;
      await resubmitApplication(db, await ownApplication(db, request.params.id, actor), request.body, actor);
      return presentApplicant(db, await ownApplication(db, request.params.id, actor), actor);
    });

    app.post('/api/v1/amriyeh/applications/mine/:id/withdraw', { config: { access: 'citizen' }, schema: { tags: TAGS, params: AppParam } }, async (request) => {
      const actor = request.actor!;
      await withdrawApplication(db, await ownApplication(db, request.params.id, actor), actor);
      return presentApplicant(db, await ownApplication(db, request.params.id, actor), actor);
    });

    app.get('/api/v1/amriyeh/letters/:number', { config: { access: 'authenticated' }, schema: { tags: TAGS, params: NumberParam } }, async (request) =>
      letterView(db, request.params.number, request.actor!, originOf(request)));

    // ---- staff: calls and stations ---------------------------------------------------------------------------
    app.post('/api/v1/amriyeh/calls', { config: { access: 'staff' }, schema: { tags: TAGS, body: CallCreate } }, async (request, reply) => {
      requireManager(request);
      const call = await createCall(db, request.body, request.actor!);
      return reply.status(201).send(await presentCall(db, call));
    });

    app.post('/api/v1/amriyeh/calls/:id/state', {
      config: { access: 'staff' },
      schema: { tags: TAGS, params: IdParam, body: z.object({ state: z.enum(['open', 'closed', 'archived'], { error: 'وضعیت معتبر نیست' }) }) },
    }, async (request) => {
      requireManager(request);
      return presentCall(db, await setCallState(db, request.params.id, request.body.state, request.actor!));
    });

    app.post('/api/v1/amriyeh/calls/:id/seed', {
      config: { access: 'staff' },
      schema: {
        tags: TAGS, params: IdParam,
        body: z.object({ sources: z.array(z.union([z.array(z.number().int().min(0).max(1e12)).min(1).max(100), z.string().trim().min(1).max(200)]), { error: 'منابع تصادفی را وارد کنید' }).min(1).max(10) }),
      },
    }, async (request) => {
      requireManager(request);
      return presentCall(db, await publishSeed(db, request.params.id, request.body.sources, request.actor!));
    });

    app.get('/api/v1/amriyeh/calls/:id/stations/manage', { config: { access: 'staff' }, schema: { tags: TAGS, params: IdParam } }, async (request) => ({
      items: await manageStations(db, request.params.id, request.actor!),
    }));

    app.post('/api/v1/amriyeh/calls/:id/stations', {
      config: { access: 'staff' },
      schema: { tags: TAGS, params: IdParam, body: z.object({ dehyariId: zIntParam.optional(), name: zFaText(120), seats: zSeats }) },
    }, async (request, reply) => reply.status(201).send(await declareStation(db, request.params.id, request.body, request.actor!)));

    app.post('/api/v1/amriyeh/stations/:id/confirm', { config: { access: 'staff' }, schema: { tags: TAGS, params: IdParam, body: z.object({ seats: zSeats }) } }, async (request) =>
      confirmStation(db, request.params.id, request.body.seats, request.actor!));

    app.post('/api/v1/amriyeh/calls/:id/caps', {
      config: { access: 'staff' },
      schema: { tags: TAGS, params: IdParam, body: z.object({ provinceId: zIntParam, caps: z.array(z.object({ stationId: zIntParam, seats: zSeats })).max(5000) }) },
    }, async (request) => ({ items: await capStations(db, request.params.id, request.body.provinceId, request.body.caps, request.actor!) }));

    // ---- staff: review, selection, letters -------------------------------------------------------------------
    app.get('/api/v1/amriyeh/applications', {
      config: { access: 'staff' },
      schema: {
        tags: TAGS,
        querystring: z.object({
          callId: zIntParam.optional(), state: z.enum(APPLICATION_STATES).optional(), q: z.string().max(100).optional(),
          overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), ...zPage,
        }),
      },
    }, async (request) => staffList(db, request.actor!, request.query));

    app.get('/api/v1/amriyeh/applications/:id', { config: { access: 'staff' }, schema: { tags: TAGS, params: AppParam } }, async (request) =>
      presentStaff(db, await staffApplication(db, request.params.id, request.actor!), request.actor!));

    app.post('/api/v1/amriyeh/applications/:id/review', {
      config: { access: 'staff' },
      schema: {
        tags: TAGS, params: AppParam,
        body: z.object({
          action: z.enum(REVIEW_ACTIONS, { error: 'اقدام معتبر نیست' }),
          expectedVersion: z.number().int().min(1).max(INT_MAX),
          comment: z.string().trim().max(2000).optional(),
          claims: z.array(z.object({ group: z.enum(CLAIMABLE_PRIORITY_GROUPS), verified: z.boolean() })).max(CLAIMABLE_PRIORITY_GROUPS.length).optional(),
        }),
      },
    }, async (request) => {
      const actor = request.actor!;
      const loaded = await staffApplication(db, request.params.id, actor);
      if (request.body.action === 'issue') {
        await issueLetters(db, loaded.app.callId, loaded.app.provinceId, actor, loaded.app.id);
      } else {
        await reviewApplication(db, loaded, request.body, actor);
      }
      return presentStaff(db, await staffApplication(db, request.params.id, actor), actor);
    });

    app.post('/api/v1/amriyeh/calls/:id/runs', {
      config: { access: 'staff' },
      schema: { tags: TAGS, params: IdParam, body: z.object({ provinceId: zIntParam.optional() }) },
    }, async (request, reply) => {
      const runId = await runSelection(db, request.params.id, request.body.provinceId ?? null, request.actor!);
      return reply.status(201).send(await presentRun(db, runId, { page: 1, pageSize: 50 }));
    });

    app.post('/api/v1/amriyeh/calls/:id/letters', {
      config: { access: 'staff' },
      schema: { tags: TAGS, params: IdParam, body: z.object({ provinceId: zIntParam.optional() }) },
    }, async (request) => ({ issued: await issueLetters(db, request.params.id, request.body.provinceId ?? null, request.actor!) }));

    app.post('/api/v1/amriyeh/letters/:number/revoke', {
      config: { access: 'staff' },
      schema: { tags: TAGS, params: NumberParam, body: z.object({ reason: zFaText(1000) }) },
    }, async (request) => {
      await revokeLetter(db, request.params.number, request.body.reason, request.actor!);
      return letterView(db, request.params.number, request.actor!, originOf(request));
    });
  };
}
