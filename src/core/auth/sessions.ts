import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../access/actor.js';
import { isRole } from '../access/roles.js';
import type { DbOrTx } from '../db/client.js';
import { orgDivisions } from '../org/schema.js';
import { authSessions, authUserRoles, authUsers } from './schema.js';

export const SESSION_COOKIE = 'shahrdeh_sid';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A loaded session: who, with which grants, and the CSRF token their writes must echo. */
export interface SessionInfo {
  id: string;
  csrfToken: string;
  actor: Actor;
  user: typeof authUsers.$inferSelect;
}

/** Creates a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(db: DbOrTx, userId: number, ttlHours: number, meta: { ip?: string; userAgent?: string } = {}) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(authSessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + ttlHours * 3600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, csrfToken };
}

/** A grant as read from the database (role not yet checked; division path and level null for a country-wide grant). */
interface GrantRow { role: string; divisionId: number | null; path: string | null; level: string | null }

function toGrants(rs: readonly GrantRow[]): RoleGrant[] {
  return rs
    .filter((r) => isRole(r.role))
    .map((r) => ({ role: r.role as RoleGrant['role'], divisionId: r.divisionId, path: r.path ?? '/', level: (r.level ?? 'country') as RoleGrant['level'] }));
}

/** The grants of a user, each with its division's path and level. */
export async function loadGrants(db: DbOrTx, userId: number): Promise<RoleGrant[]> {
  return toGrants(await db
    .select({ role: authUserRoles.role, divisionId: authUserRoles.divisionId, path: orgDivisions.path, level: orgDivisions.level })
    .from(authUserRoles)
    .leftJoin(orgDivisions, eq(orgDivisions.id, authUserRoles.divisionId))
    .where(eq(authUserRoles.userId, userId)));
}

/** The actor of a user row given its grants. Citizens hold only the `citizen` grant, whatever the roles table says. */
function actorFrom(user: typeof authUsers.$inferSelect, grants: RoleGrant[]): Actor {
  return {
    id: user.id, kind: user.kind, label: user.username ?? user.mobile ?? `user:${user.id}`, mobile: user.mobile,
    grants: user.kind === 'citizen' ? [{ role: 'citizen', divisionId: null, path: '/', level: 'country' }] : grants,
  };
}

/** The actor of a user row. Citizens hold only the `citizen` grant, whatever the roles table says. */
export async function actorOf(db: DbOrTx, user: typeof authUsers.$inferSelect): Promise<Actor> {
  return actorFrom(user, user.kind === 'citizen' ? [] : await loadGrants(db, user.id));
}

/**
 * Loads a live session by its cookie token (expired, unknown or disabled-user sessions give null): session, user
 * and grants in one statement, since it runs on every signed-in request.
 */
export async function loadSession(db: DbOrTx, token: string): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const [row] = await db
    .select({
      s: authSessions, u: authUsers,
      grants: sql<GrantRow[]>`(select coalesce(json_agg(json_build_object('role', r.role, 'divisionId', r.division_id, 'path', d.path, 'level', d.level)), '[]')
        from ${authUserRoles} r left join ${orgDivisions} d on d.id = r.division_id where r.user_id = ${authUsers.id} and ${authUsers.kind} = 'staff')`,
    })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(and(eq(authSessions.id, id), gt(authSessions.expiresAt, new Date())));
  if (!row || row.u.disabled) return null;
  // Touch at most once a minute: a read-mostly session should not write on every request.
  if (Date.now() - row.s.lastSeenAt.getTime() > 60_000) {
    await db.update(authSessions).set({ lastSeenAt: new Date() }).where(eq(authSessions.id, id));
  }
  return { id, csrfToken: row.s.csrfToken, user: row.u, actor: actorFrom(row.u, toGrants(row.grants)) };
}

/** Ends one session. */
export async function destroySession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.id, id));
}

/** Deletes expired sessions (run by a periodic job). */
export async function purgeExpiredSessions(db: DbOrTx): Promise<number> {
  const r = await db.delete(authSessions).where(lt(authSessions.expiresAt, sql`now()`)).returning({ id: authSessions.id });
  return r.length;
}
