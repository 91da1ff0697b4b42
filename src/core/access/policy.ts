import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { forbidden } from '../http/errors.js';
import type { Actor, RoleGrant } from './actor.js';
import { ROLES, type Permission, type Role } from './roles.js';

/** The grants of `actor` that carry `permission` (optionally only those of the given roles). */
export function grantsFor(actor: Actor, permission: Permission, roles?: readonly Role[]): RoleGrant[] {
  return actor.grants.filter(
    (g) => (ROLES[g.role].permissions as readonly Permission[]).includes(permission) && (!roles || roles.includes(g.role)),
  );
}

/** True when `path` lies inside the scope `scopePath` (a node is inside its own scope). */
export function inScope(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath);
}

/**
 * May `actor` use `permission` on a record placed at division `path`? Deny by default: no grant, no access.
 * Without a path the question is "anywhere at all" (e.g. opening a list that is then filtered by scope).
 */
export function can(actor: Actor, permission: Permission, path?: string | null, roles?: readonly Role[]): boolean {
  const grants = grantsFor(actor, permission, roles);
  if (path == null) return grants.length > 0;
  return grants.some((g) => inScope(g.path, path));
}

/** Like {@link can}, but throws 403 (problem+json `forbidden`). */
export function authorize(actor: Actor, permission: Permission, path?: string | null, roles?: readonly Role[]): void {
  if (!can(actor, permission, path, roles)) throw forbidden();
}

/**
 * The SQL condition "the row's division path is inside one of the actor's scopes for this permission".
 * Every list, search, export and count filters through it. No grant → `false` (an empty list, not an error).
 */
export function scopeCondition(actor: Actor, permission: Permission, pathColumn: SQLWrapper, roles?: readonly Role[]): SQL {
  const paths = [...new Set(grantsFor(actor, permission, roles).map((g) => g.path))];
  if (paths.length === 0) return sql`false`;
  if (paths.includes('/')) return sql`true`;
  // Prefix match on a text_pattern_ops index; paths are digits and slashes only, so LIKE needs no escaping.
  return sql`(${sql.join(paths.map((p) => sql`${pathColumn} like ${p + '%'}`), sql` or `)})`;
}
