import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../../core/access/actor.js';
import { sendStoredFile } from '../../../core/documents/store.js';
import type { AppContext } from '../../../core/http/context.js';
import { notFound, tooMany } from '../../../core/http/errors.js';
import { MissLimiter } from '../../../core/http/miss-limiter.js';
import { CitizenInfoCreate, ComplaintCreate, OPEN_STATES, RatingCreate, ReopenCreate, SimilarQuery, TrackingCodeParam } from '../contract.js';
import { categoryTree } from './categories.js';
import { citizenComplaints, complaintByCode, publicAttachment, type LoadedComplaint } from './citizen-queries.js';
import { presentOwnerView, presentTrack } from './citizen-present.js';
import { addCitizenInfo, isComplaintOwner, rateComplaint, reopenComplaint, withdrawComplaint } from './commands/citizen.js';
import { submitComplaint } from './commands/submit.js';
import { FA } from './fa.js';
import { COMPLAINT_SETTINGS } from './settings.js';
import { similarOpenCases } from './similar.js';
import { normalizeTrackingCode } from '../../../core/codes/tracking-code.js';

const TAGS = ['complaints'];
const DocumentParams = TrackingCodeParam.extend({ documentId: z.string().max(64) });
/** Tracking-code lookups a client may get wrong in the window before it is refused (enumeration defence). */
const TRACK_MISSES = { max: 10, windowMs: 10 * 60_000 };

/**
 * The citizen side of the complaints service: the category tree and similar open cases (public), filing
 * (a citizen signed in with the one-time code sent to their mobile), the public follow-up page by tracking code
 * (throttled per client against enumeration), and the owner's own complaints with their actions.
 */
export function citizenRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  // Shared by every instance (in the database): see MissLimiter.
  const trackMisses = new MissLimiter(db, 'track', TRACK_MISSES);

  /** The complaint of `code` if `actor` owns it (signed in with its mobile); otherwise 404, never 403. */
  async function ownComplaint(code: string, actor: Actor): Promise<LoadedComplaint> {
    const normalized = normalizeTrackingCode(code);
    const lc = normalized ? await complaintByCode(db, normalized) : null;
    if (!lc || !isComplaintOwner(lc.complaint, actor)) throw notFound(FA.complaintNoun);
    return lc;
  }

  const perCitizen = (max: number, timeWindow: string) => ({
    rateLimit: { max, timeWindow, keyGenerator: (req: FastifyRequest) => `c:${req.actor?.id ?? req.ip}` },
  });

  return async (app) => {
    app.get('/api/v1/complaints/categories', { config: { access: 'public' }, schema: { tags: TAGS } }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await categoryTree(db) };
    });

    app.get('/api/v1/complaints/similar', {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: TAGS, querystring: SimilarQuery },
    }, async (request) => ({ items: await similarOpenCases(db, request.query) }));

    app.post('/api/v1/complaints', { config: { access: 'citizen', ...perCitizen(COMPLAINT_SETTINGS.submitsPerHour, '1 hour') }, schema: { tags: TAGS, body: ComplaintCreate } }, async (request, reply) => {
      const r = await submitComplaint(db, request.body, { actor: request.actor!, source: 'web' });
      return reply.status(201).send({ id: r.id, trackingCode: r.trackingCode });
    });

    app.get('/api/v1/complaints/track/:code', { config: { access: 'public' }, schema: { tags: TAGS, params: TrackingCodeParam } }, async (request) => {
      // Checked first, and for every code: a client that guessed too often learns nothing, not even from a right code.
      const wait = await trackMisses.blockedFor(request.ip);
      if (wait !== null) throw tooMany(wait);
      const code = normalizeTrackingCode(request.params.code);
      const lc = code ? await complaintByCode(db, code) : null;
      if (!lc) {
        await trackMisses.miss(request.ip);
        throw notFound(FA.complaintNoun);
      }
      return presentTrack(lc);
    });

    app.get('/api/v1/complaints/mine', { config: { access: 'citizen' }, schema: { tags: TAGS } }, async (request) => {
      const items = await citizenComplaints(db, request.actor!);
      return { items: items.map((i) => ({ ...i, status: (OPEN_STATES as readonly string[]).includes(i.state) ? 'open' : 'closed' })) };
    });

    app.get('/api/v1/complaints/mine/:code', { config: { access: 'citizen' }, schema: { tags: TAGS, params: TrackingCodeParam } }, async (request) => {
      const lc = await ownComplaint(request.params.code, request.actor!);
      return presentOwnerView(db, lc, request.actor!);
    });

    app.get('/api/v1/complaints/mine/:code/documents/:documentId', { config: { access: 'citizen' }, schema: { tags: TAGS, params: DocumentParams } }, async (request, reply) => {
      const lc = await ownComplaint(request.params.code, request.actor!);
      const doc = await publicAttachment(db, lc.complaint.id, request.params.documentId);
      if (!doc) throw notFound(FA.documentNoun);
      return sendStoredFile(reply, doc);
    });

    // The owner's actions: each answers the refreshed full view.
    const act = async (request: FastifyRequest & { params: { code: string } }, run: (lc: LoadedComplaint, actor: Actor) => Promise<unknown>) => {
      const actor = request.actor!;
      const lc = await ownComplaint(request.params.code, actor);
      await run(lc, actor);
      return presentOwnerView(db, (await complaintByCode(db, lc.complaint.trackingCode))!, actor);
    };

    app.post('/api/v1/complaints/mine/:code/info', { config: { access: 'citizen', ...perCitizen(COMPLAINT_SETTINGS.submitsPerHour, '1 hour') }, schema: { tags: TAGS, params: TrackingCodeParam, body: CitizenInfoCreate } }, async (request) =>
      act(request, (lc, actor) => addCitizenInfo(db, lc.complaint, actor, request.body)));

    app.post('/api/v1/complaints/mine/:code/rate', { config: { access: 'citizen' }, schema: { tags: TAGS, params: TrackingCodeParam, body: RatingCreate } }, async (request) =>
      act(request, (lc, actor) => rateComplaint(db, lc.complaint, actor, request.body)));

    app.post('/api/v1/complaints/mine/:code/reopen', { config: { access: 'citizen' }, schema: { tags: TAGS, params: TrackingCodeParam, body: ReopenCreate } }, async (request) =>
      act(request, (lc, actor) => reopenComplaint(db, lc.complaint, actor, request.body)));

    app.post('/api/v1/complaints/mine/:code/withdraw', { config: { access: 'citizen' }, schema: { tags: TAGS, params: TrackingCodeParam } }, async (request) =>
      act(request, (lc, actor) => withdrawComplaint(db, lc.complaint, actor)));
  };
}
