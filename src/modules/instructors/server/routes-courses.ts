import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/http/context.js';

/** Bank search, courses, ratings and reports routes (see api-types.ts). */
export function courseRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
