import type { AppContext } from '../core/http/context.js';
import type { FastifyInstance } from 'fastify';

/** The service modules, in the order their routes are registered. Each module adds itself here. */
export const MODULES: ((ctx: AppContext) => Parameters<FastifyInstance['register']>[0])[] = [];
