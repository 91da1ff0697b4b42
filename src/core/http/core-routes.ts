import { and, desc, eq, lt, or, isNull, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantsFor, scopeCondition } from '../access/policy.js';
import { DEFINITION_SERVICE, SERVICES } from '../access/services.js';
import { auditLog } from '../audit/schema.js';
import { listChildren, searchDivisions } from '../org/queries.js';
import { DIVISION_LEVELS } from '../org/schema.js';
import { inboxCounts } from '../workflow/inbox.js';
import type { AppContext } from './context.js';

export const DivisionQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  level: z.enum(DIVISION_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Health, the OpenAPI document, the role-aware home, divisions lookup and the audit trail. */
export function coreRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['platform'] } }, async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok', database: ctx.backend, time: new Date().toISOString() };
    });

    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

    app.get('/api/v1/home', { config: { access: { permission: 'home.view' } }, schema: { tags: ['platform'] } }, async (request) => {
      const actor = request.actor!;
      const counts = await inboxCounts(db, actor);
      const roles = new Set(actor.grants.map((g) => g.role));
      const services = SERVICES.filter((s) => s.roles.some((r) => roles.has(r))).map((s) => {
        const mine = counts.filter((c) => DEFINITION_SERVICE.get(c.definition) === s.key);
        return { key: s.key, title: s.title, path: s.path, inbox: mine.reduce((a, c) => a + c.total, 0), overdue: mine.reduce((a, c) => a + c.overdue, 0) };
      });
      return { services, inbox: { total: counts.reduce((a, c) => a + c.total, 0), overdue: counts.reduce((a, c) => a + c.overdue, 0) } };
    });

    // Divisions are public reference data (every form's place picker needs them, signed in or not).
    app.get('/api/v1/divisions', { config: { access: 'public' }, schema: { tags: ['platform'], querystring: DivisionQuery } }, async (request) => {
      const { parentId, q, level, limit } = request.query;
      const items = q ? await searchDivisions(db, { q, level, limit }) : await listChildren(db, parentId ?? null);
      return { items };
    });

    app.get('/api/v1/audit', { config: { access: { permission: 'audit.read' } }, schema: { tags: ['platform'], querystring: AuditQuery } }, async (request) => {
      const actor = request.actor!;
      const { entityType, entityId, before, limit } = request.query;
      // Events with no place are national: only a national grant sees them.
      const national = grantsFor(actor, 'audit.read').some((g) => g.path === '/');
      const where: SQL[] = [or(scopeCondition(actor, 'audit.read', auditLog.divisionPath), national ? isNull(auditLog.divisionPath) : sql`false`)!];
      if (entityType) where.push(eq(auditLog.entityType, entityType));
      if (entityId) where.push(eq(auditLog.entityId, entityId));
      if (before) where.push(lt(auditLog.seq, before));
      const items = await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.seq)).limit(limit);
      return { items };
    });
  };
}
