import { existsSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fa as zodFa } from 'zod/v4/locales';
import { authRoutes } from '../auth/routes.js';
import { documentRoutes } from '../documents/routes.js';
import { workflowRoutes } from '../workflow/routes.js';
import { installAccess, publicRoutes } from './access.js';
import type { AppContext } from './context.js';
import type { ModuleDef } from './module.js';
import { coreRoutes } from './core-routes.js';
import { installMetrics } from './metrics.js';
import { installCompression } from './compress.js';
import { frameworkProblem, installProblemHandlers, sendProblem } from './problem.js';
import { databaseRateLimitStore } from './rate-limits.js';

// zod's own messages in Persian, for every schema that does not give its own.
z.config(zodFa());

/** The built web app: dist/web, or WEB_DIR (a development aid: serve another build, e.g. a helper's, without touching dist). */
export const WEB_DIR = process.env.WEB_DIR ? resolvePath(process.env.WEB_DIR) : fileURLToPath(new URL('../../../dist/web', import.meta.url));

export interface BuildOptions {
  /** The service modules, whose routes are registered after the core's. */
  modules?: ModuleDef[];
  logger?: boolean | object;
  /** Serve the built web app from dist/web when it exists (default true). */
  serveWeb?: boolean;
}

/**
 * One log line per request ("request completed", with the method, URL, status and time), not Fastify's two:
 * logging was an eighth of the server's CPU per request. Errors are still logged as before.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/**
 * Builds the HTTP application: security headers, cookies, rate limits, problem+json errors, the access layer,
 * OpenAPI generated from the zod contracts, metrics, the core routes, each module's routes, and the web app.
 */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: ctx.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkProblem,
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // HSTS only when the request really came over TLS (directly or through a trusted proxy).
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  installProblemHandlers(app);
  await app.register(helmet, {
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and Swagger UI set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // Counted in the database, shared by every instance (rate-limits.ts); fails closed (503) without it.
    store: databaseRateLimitStore(ctx.db),
    errorResponseBuilder: (_req, c) => Object.assign(new Error('rate limited'), { statusCode: 429, retryAfter: Math.ceil(c.ttl / 1000) }),
  });
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 5, fields: 20, fieldSize: 10_000 } });
  installAccess(app, ctx.db);
  installMetrics(app, ctx);
  installCompression(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Shahrdeh API — شهرده', version: '1', description: 'سامانه خدمات الکترونیک شهرداری‌ها و دهیاری‌ها' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shahrdeh_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(publicRoutes(swaggerUi, { routePrefix: '/api/docs', staticCSP: false }));

  await app.register(coreRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(documentRoutes(ctx));
  await app.register(workflowRoutes(ctx));
  for (const m of opts.modules ?? []) await app.register(m.routes(ctx));

  const serveWeb = (opts.serveWeb ?? true) && existsSync(WEB_DIR);
  if (serveWeb) {
    await app.register(publicRoutes(fastifyStatic, {
      root: WEB_DIR,
      wildcard: true,
      index: false,
      decorateReply: false,
      // The build writes .br and .gz copies of its text files (vite.config.ts): sent as they are when accepted.
      preCompressed: true,
      // Not the build's own notes (.vite/manifest.json).
      dotfiles: 'ignore',
      // Vite names assets by content hash: cache them for good; everything else revalidates. (cacheControl off, or
      // the static plugin's own `max-age=0` replaces this.)
      cacheControl: false,
      setHeaders: (res: { setHeader(k: string, v: string): void }, path: string) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    }));
  }
  const indexHtml = serveWeb ? readFileSync(join(WEB_DIR, 'index.html'), 'utf8') : '';
  if (serveWeb) {
    // The static plugin treats "/" as a folder (index: false); the home page is the web app's index.html.
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml));
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any GET outside the API gets index.html.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/metrics')) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    }
    return sendProblem(reply, request, 404, 'not_found', 'نشانی درخواستی پیدا نشد.');
  });
  return app;
}
