import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/http/context.js';
import { sendStoredFile } from '../../../core/documents/store.js';
import { AnswerInput, QuestionInput, ReplicateInput, ShowcaseQuery } from '../contract.js';
import { answerQuestion, askQuestion, myQuestions, replicate, spreadReport, unreplicate } from './sharing.js';
import { searchShowcase, showcaseFacets, showcasePhoto, showcasePlan } from './showcase.js';

const tags = ['festival'];
const INT_MAX = 2_147_483_647;
const PlanParam = z.object({ id: z.string().max(64) });
const PUBLIC_CACHE = 'public, max-age=60';

/** The public showcase, the dehyaris' replication marks and questions, and the spread report (see api-types.ts). */
export function showcaseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  // The public search hits the database for every keystroke a page debounces: generous for people, a ceiling for scrapers.
  const perIp = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `showcase:${req.ip}` } });
  const perActor = (max: number) => ({ rateLimit: { max, timeWindow: '1 hour', keyGenerator: (req: FastifyRequest) => `showcase-act:${req.actor?.id ?? req.ip}` } });
  return async (app) => {
    // ---- public ---------------------------------------------------------------------------------------------------
    app.get('/api/v1/showcase', { config: { access: 'public', ...perIp(120) }, schema: { tags, querystring: ShowcaseQuery } }, async (request) => searchShowcase(db, request.query));

    app.get('/api/v1/showcase/facets', { config: { access: 'public', ...perIp(120) }, schema: { tags } }, async (_request, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return showcaseFacets(db);
    });

    app.get('/api/v1/showcase/:id', { config: { access: 'public', ...perIp(240) }, schema: { tags, params: PlanParam } }, async (request) => showcasePlan(db, request.params.id, request.actor));

    app.get('/api/v1/showcase/:id/photos/:docId', { config: { access: 'public', ...perIp(600) }, schema: { tags, params: z.object({ id: z.string().max(64), docId: z.string().max(64) }) } }, async (request, reply) => {
      const photo = await showcasePhoto(db, request.params.id, request.params.docId);
      return sendStoredFile(reply, photo, { inline: true, cache: 'public, max-age=86400' });
    });

    // ---- dehyaris on the showcase --------------------------------------------------------------------------------------
    app.post('/api/v1/showcase/:id/replicate', { config: { access: 'staff', ...perActor(200) }, schema: { tags, params: PlanParam, body: ReplicateInput } }, async (request) =>
      replicate(db, request.actor!, request.params.id, request.body));

    app.delete('/api/v1/showcase/:id/replicate', { config: { access: 'staff', ...perActor(200) }, schema: { tags, params: PlanParam, querystring: z.object({ villageId: z.coerce.number().int().positive().max(INT_MAX).optional() }) } }, async (request) =>
      unreplicate(db, request.actor!, request.params.id, request.query.villageId));

    app.post('/api/v1/showcase/:id/questions', { config: { access: 'staff', ...perActor(30) }, schema: { tags, params: PlanParam, body: QuestionInput } }, async (request, reply) =>
      reply.status(201).send(await askQuestion(db, request.actor!, request.params.id, request.body.question)));

    // ---- the author side ----------------------------------------------------------------------------------------------
    app.get('/api/v1/festival/mine/questions', { config: { access: 'authenticated' }, schema: { tags } }, async (request) => myQuestions(db, request.actor!));

    app.post('/api/v1/festival/mine/questions/:id/answer', { config: { access: 'authenticated', ...perActor(60) }, schema: { tags, params: z.object({ id: z.coerce.number().int().positive().max(INT_MAX) }), body: AnswerInput } }, async (request) =>
      answerQuestion(db, request.actor!, request.params.id, request.body.answer));

    // ---- the secretariat -----------------------------------------------------------------------------------------------
    app.get('/api/v1/festival/spread', { config: { access: { permission: 'festival.manage' } }, schema: { tags, querystring: z.object({ roundId: z.coerce.number().int().positive().max(INT_MAX).optional() }) } }, async (request) =>
      spreadReport(db, request.actor!, request.query.roundId));
  };
}
