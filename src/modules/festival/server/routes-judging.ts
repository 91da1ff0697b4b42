import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/http/context.js';
import { AnnounceInput, ConflictInput, RoundJudges, RoundStep, ScoreInput } from '../contract.js';
import { declareConflict, fillPanels, startJudging } from './assignment.js';
import { getRound } from './common.js';
import { roundJudgesView, setRoundJudges } from './judges.js';
import { announceRound, roundResults } from './results.js';
import { roundView } from './rounds.js';
import { judgeEntryView, judgeQueue, saveScore } from './scores.js';

const tags = ['festival'];
const RoundParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const EntryParam = z.object({ entryId: z.string().max(64) });
const MANAGE = { access: { permission: 'festival.manage' as const } };
const JUDGE = { access: { permission: 'festival.judge' as const } };

/** The secretariat's judging commands on a round and the judges' own routes (see api-types.ts). */
export function judgingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  const perJudge = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `festival-judge:${req.actor?.id ?? req.ip}` } });
  return async (app) => {
    const view = async (actor: NonNullable<FastifyRequest['actor']>, id: number) => roundView(db, actor, await getRound(db, id));

    // ---- the secretariat --------------------------------------------------------------------------------------
    app.get('/api/v1/festival/rounds/:id/judges', { config: MANAGE, schema: { tags, params: RoundParam } }, async (request) => roundJudgesView(db, request.actor!, request.params.id));

    app.put('/api/v1/festival/rounds/:id/judges', { config: MANAGE, schema: { tags, params: RoundParam, body: RoundJudges } }, async (request) => {
      await setRoundJudges(db, request.actor!, request.params.id, request.body);
      return roundJudgesView(db, request.actor!, request.params.id);
    });

    app.post('/api/v1/festival/rounds/:id/start-judging', { config: MANAGE, schema: { tags, params: RoundParam, body: RoundStep } }, async (request) => {
      await startJudging(db, request.actor!, request.params.id, request.body.version);
      return view(request.actor!, request.params.id);
    });

    app.post('/api/v1/festival/rounds/:id/fill-panels', { config: MANAGE, schema: { tags, params: RoundParam } }, async (request) => {
      await fillPanels(db, request.actor!, request.params.id);
      return view(request.actor!, request.params.id);
    });

    app.get('/api/v1/festival/rounds/:id/results', { config: MANAGE, schema: { tags, params: RoundParam } }, async (request) => roundResults(db, request.actor!, request.params.id));

    app.post('/api/v1/festival/rounds/:id/announce', { config: MANAGE, schema: { tags, params: RoundParam, body: AnnounceInput } }, async (request) => {
      await announceRound(db, request.actor!, request.params.id, request.body);
      return view(request.actor!, request.params.id);
    });

    // ---- judges ---------------------------------------------------------------------------------------------------
    app.get('/api/v1/festival/judging', { config: JUDGE, schema: { tags } }, async (request) => judgeQueue(db, request.actor!));

    app.get('/api/v1/festival/judging/:entryId', { config: JUDGE, schema: { tags, params: EntryParam } }, async (request) => judgeEntryView(db, request.actor!, request.params.entryId));

    app.put('/api/v1/festival/judging/:entryId/score', { config: { ...JUDGE, ...perJudge(120) }, schema: { tags, params: EntryParam, body: ScoreInput } }, async (request) => {
      await saveScore(db, request.actor!, request.params.entryId, request.body);
      return judgeEntryView(db, request.actor!, request.params.entryId);
    });

    app.post('/api/v1/festival/judging/:entryId/conflict', { config: { ...JUDGE, ...perJudge(30) }, schema: { tags, params: EntryParam, body: ConflictInput } }, async (request) => {
      await declareConflict(db, request.actor!, request.params.entryId, request.body.reason);
      return judgeQueue(db, request.actor!);
    });
  };
}
