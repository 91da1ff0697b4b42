import type { SQLWrapper } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can, scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import { SERVICES } from '../../../core/access/services.js';
import { STAFF_FA } from './fa-staff.js';
import { maskMobile } from '../../../core/fa/mask.js';

/**
 * Roles that see complaints in their scope: the complaints service's users (inspection, governorates, district
 * offices, municipalities, dehyaris, the ministry's municipal and rural experts, administrators). Other staff roles
 * also carry `workflow.act` (for their own services) but have no business reading citizens' complaints.
 */
export const COMPLAINT_VIEW_ROLES: readonly Role[] = SERVICES.find((s) => s.key === 'complaints')!.roles;

/** The Inspection Office: sees the identity behind anonymous complaints and full mobile numbers. */
const IDENTITY_ROLES: readonly Role[] = ['inspector'];

/** The SQL scope of every complaints list, search, export and count: `workflow.act` of a complaints role. */
export function complaintScope(actor: Actor, pathColumn: SQLWrapper) {
  return scopeCondition(actor, 'workflow.act', pathColumn, COMPLAINT_VIEW_ROLES);
}

/** May `actor` see the complaint placed at `path` at all (the record-level twin of {@link complaintScope})? */
export function canSeeComplaint(actor: Actor, path: string): boolean {
  return can(actor, 'workflow.act', path, COMPLAINT_VIEW_ROLES);
}

/**
 * May `actor` see who filed a complaint? Only the Inspection Office (a grant of role `inspector`, whose scope
 * contains the complaint when `path` is given). This is the promise of the anonymous option: staff below the
 * Inspection Office — the office being complained about among them — must not learn who complained.
 */
export function canSeeIdentity(actor: Actor, path?: string): boolean {
  return can(actor, 'workflow.act', path, IDENTITY_ROLES);
}

/** The identity fields of a complaint as stored. */
export interface IdentityFields {
  anonymous: boolean;
  citizenName: string | null;
  mobile: string | null;
  divisionPath: string;
}

/** The identity of a complaint as `actor` may see it. */
export interface PresentedIdentity {
  /** The citizen's name, «ناشناس» when hidden, or null when the citizen gave none. */
  name: string | null;
  mobile: string | null;
  /** True when the citizen asked for anonymity (shown to every reader: it changes how staff reply). */
  anonymous: boolean;
  /** True when this reader does not see the identity (name replaced, mobile withheld). */
  hidden: boolean;
}

/**
 * The identity rule, in one place (detail page, list, export, history):
 * - anonymous complaint: the Inspection Office sees the name and the full mobile; everyone else sees «ناشناس»
 *   and no mobile at all (not even masked: its last digits can identify a neighbour);
 * - named complaint: staff in scope see the name; the mobile is masked (0912***4567) except for the Inspection
 *   Office. Reviewers reach the citizen through the platform (request for information → SMS), so they do not
 *   need the number itself, and a masked number keeps exports and screenshots from spreading it.
 */
export function presentIdentity(actor: Actor, c: IdentityFields): PresentedIdentity {
  const full = canSeeIdentity(actor, c.divisionPath);
  if (c.anonymous && !full) return { name: STAFF_FA.anonymous, mobile: null, anonymous: true, hidden: true };
  return { name: c.citizenName, mobile: full ? c.mobile : maskMobile(c.mobile), anonymous: c.anonymous, hidden: false };
}
