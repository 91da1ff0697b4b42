import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/http/context.js';

/** STUB — to be written (see api-types.ts). */
export function roundRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
