import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/http/context.js';

/** Instructor, review, criteria and verification routes (see api-types.ts). */
export function instructorRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
