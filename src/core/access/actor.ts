import type { DivisionLevel } from '../org/schema.js';
import type { Role } from './roles.js';

/** A role held in a scope: `path` is the division's materialized path ('/' for the whole country). */
export interface RoleGrant {
  role: Role;
  divisionId: number | null;
  path: string;
  level: DivisionLevel | 'country';
}

/** Whoever is acting: a staff member, a citizen (no grants beyond `citizen`), or the system itself (jobs). */
export interface Actor {
  id: number | null;
  kind: 'staff' | 'citizen' | 'system';
  label: string;
  mobile?: string | null;
  grants: RoleGrant[];
}

/** The actor for work the platform does by itself (SLA escalation, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = { id: null, kind: 'system', label: 'system', grants: [] };

/** Path of the whole country: every path starts with it. */
export const COUNTRY_PATH = '/';
