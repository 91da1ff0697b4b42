import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { AppContext } from './context.js';
import { sendProblem } from './problem.js';

/**
 * Prometheus metrics at `/metrics`: process defaults plus a request-duration histogram labelled by route
 * pattern (never the raw URL, so tracking codes and ids do not explode the label space). When METRICS_TOKEN is
 * set, the endpoint asks for it as a bearer token.
 */
export function installMetrics(app: FastifyInstance, ctx: AppContext): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'not_found', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const token = ctx.config.metricsToken;
    if (token && request.headers.authorization !== `Bearer ${token}`) return sendProblem(reply, request, 401);
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
