import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/http/context.js';
import { RoundInput, RoundStep, RoundUpdate } from '../contract.js';
import { getRound } from './common.js';
import { createRound, currentRound, listRounds, openRound, publicRound, roundView, updateRound } from './rounds.js';

const tags = ['festival'];
const RoundParam = z.object({ id: z.coerce.number({ error: 'شناسه دوره معتبر نیست' }).int().positive().max(2_147_483_647) });
const MANAGE = { access: { permission: 'festival.manage' as const } };

/** The festival's rounds (see api-types.ts): public current/one, the secretariat's list, create, change, open. */
export function roundRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    app.get('/api/v1/festival/rounds/current', { config: { access: 'public' }, schema: { tags } }, async () => currentRound(db));

    app.get('/api/v1/festival/rounds/:id/public', { config: { access: 'public' }, schema: { tags, params: RoundParam } }, async (request) => publicRound(db, request.params.id));

    app.get('/api/v1/festival/rounds', { config: { access: 'staff' }, schema: { tags } }, async (request) => listRounds(db, request.actor!));

    app.post('/api/v1/festival/rounds', { config: MANAGE, schema: { tags, body: RoundInput } }, async (request, reply) => {
      const r = await createRound(db, request.actor!, request.body);
      return reply.status(201).send(await roundView(db, request.actor!, r));
    });

    app.get('/api/v1/festival/rounds/:id', { config: { access: 'staff' }, schema: { tags, params: RoundParam } }, async (request) =>
      roundView(db, request.actor!, await getRound(db, request.params.id)));

    app.put('/api/v1/festival/rounds/:id', { config: MANAGE, schema: { tags, params: RoundParam, body: RoundUpdate } }, async (request) =>
      roundView(db, request.actor!, await updateRound(db, request.actor!, request.params.id, request.body)));

    app.post('/api/v1/festival/rounds/:id/open', { config: MANAGE, schema: { tags, params: RoundParam, body: RoundStep } }, async (request) =>
      roundView(db, request.actor!, await openRound(db, request.actor!, request.params.id, request.body.version)));
  };
}
