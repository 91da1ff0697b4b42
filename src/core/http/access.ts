import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { can } from '../access/policy.js';
import type { Permission } from '../access/roles.js';
import { loadSession, SESSION_COOKIE, type SessionInfo } from '../auth/sessions.js';
import type { Db } from '../db/client.js';
import { sendProblem } from './problem.js';

/**
 * The access rule every route must declare in `config.access`:
 * - `public`: anyone (the handler may still look at `request.actor`);
 * - `authenticated`: any signed-in person; `staff` / `citizen`: that kind of person;
 * - `{ permission }`: a staff member holding the permission somewhere (the handler then checks the record's scope
 *   with `authorize`, and lists filter with `scopeCondition`).
 */
export type Access = 'public' | 'authenticated' | 'staff' | 'citizen' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    /** Every route with the access rule it declared (undefined = none), for the route-walk test. */
    routeAccess: { method: string; url: string; access: Access | undefined }[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);


/** Verdict of the access rule for this request: null when allowed, otherwise the status to answer. */
export function checkAccess(access: Access, actor: Actor | null): 401 | 403 | null {
  if (access === 'public') return null;
  if (!actor) return 401;
  if (access === 'authenticated') return null;
  if (access === 'staff') return actor.kind === 'staff' ? null : 403;
  if (access === 'citizen') return actor.kind === 'citizen' ? null : 403;
  return can(actor, access.permission) ? null : 403;
}

/**
 * Installs the access layer: loads the session from the cookie, enforces the route's access rule (deny by
 * default: a route without one answers 403 and is caught by the route-walk test), and requires the CSRF token
 * on every cookie-authenticated write.
 */
export function installAccess(app: FastifyInstance, db: Db): void {
  app.decorate('routeAccess', []);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read lazily: a plugin's own onRoute hook (see publicRoutes) may set the rule after this one ran.
    for (const method of methods) app.routeAccess.push({ method, url, get access() { return route.config?.access; } });
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const access = request.routeOptions.config?.access;
    if (!request.routeOptions.url) return; // not-found handler: nothing to protect
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(db, token);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      }
    }
    if (access === undefined) return sendProblem(reply, request, 403, 'no_access_rule');
    const verdict = checkAccess(access, request.actor);
    if (verdict) return sendProblem(reply, request, verdict);
    // CSRF: a write that rides on the session cookie must echo the session's token in a header, which a
    // cross-site form or image cannot do. SameSite=Lax cookies are the first line; this is the second.
    if (access !== 'public' && request.session && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      return sendProblem(reply, request, 403, 'csrf_failed', 'نشست شما معتبر نیست؛ صفحه را تازه کنید و دوباره تلاش کنید.');
    }
  });
}

/**
 * Registers a third-party plugin whose routes are public by nature (API docs UI, the built web app's files):
 * marks each of its routes `access: 'public'` so the deny-by-default hook lets them through.
 */
export function publicRoutes<T>(plugin: T, options: Record<string, unknown>) {
  return async (scope: FastifyInstance) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await scope.register(plugin as never, options);
  };
}
