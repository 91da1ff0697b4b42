import type { FastifyRequest } from 'fastify';

/**
 * The public origin of this site as the client reached it ('https://shahrdeh.ir'; behind a proxy, from
 * X-Forwarded-* when TRUST_PROXY is on): the base of addresses the platform prints (QR codes, rating links, Open311
 * discovery).
 */
export const originOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
