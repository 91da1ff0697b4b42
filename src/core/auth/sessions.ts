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

/** The grants of a user, each with its division's path and level. */
export async function loadGrants(db: DbOrTx, userId: number): Promise<RoleGrant[]> {
  const rs = await db
    .select({ role: authUserRoles.role, divisionId: authUserRoles.divisionId, path: orgDivisions.path, level: orgDivisions.level })
    .from(authUserRoles)
    .leftJoin(orgDivisions, eq(orgDivisions.id, authUserRoles.divisionId))
    .where(eq(authUserRoles.userId, userId));
  return rs
    .filter((r) => isRole(r.role))
    .map((r) => ({ role: r.role as RoleGrant['role'], divisionId: r.divisionId, path: r.path ?? '/', level: r.level ?? 'country' }));
}

/** The actor of a user row. Citizens hold only the `citizen` grant, whatever the roles table says. */
export async function actorOf(db: DbOrTx, user: typeof authUsers.$inferSelect): Promise<Actor> {
  const grants: RoleGrant[] = user.kind === 'citizen'
    ? [{ role: 'citizen', divisionId: null, path: '/', level: 'country' }]
    : await loadGrants(db, user.id);
  return { id: user.id, kind: user.kind, label: user.username ?? user.mobile ?? `user:${user.id}`, mobile: user.mobile, grants };
}

/** Loads a live session by its cookie token (expired, unknown or disabled-user sessions give null). */
export async function loadSession(db: DbOrTx, token: string): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const [row] = await db
    .select({ s: authSessions, u: authUsers })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(and(eq(authSessions.id, id), gt(authSessions.expiresAt, new Date())));
  if (!row || row.u.disabled) return null;
  // Touch at most once a minute: a read-mostly session should not write on every request.
  if (Date.now() - row.s.lastSeenAt.getTime() > 60_000) {
    await db.update(authSessions).set({ lastSeenAt: new Date() }).where(eq(authSessions.id, id));
  }
  return { id, csrfToken: row.s.csrfToken, user: row.u, actor: await actorOf(db, row.u) };
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
