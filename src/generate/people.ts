// Generated people: a pool of citizens (mobiles 0991…, never the demo's 0900…), reused across runs, and the staff
// accounts whose scope contains a place (to hold generated cases).
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../core/db/client.js';
import { FIRST_NAMES, LAST_NAMES } from './words.js';

export interface Citizen {
  id: number;
  mobile: string;
  name: string;
}

const arr = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

/** At least `n` generated citizens (created once, set-based; later runs reuse them), the first `n` returned. */
export async function ensureCitizens(db: DbOrTx, n: number): Promise<Citizen[]> {
  await db.execute(sql`
    insert into auth_users (kind, mobile, display_name)
    select 'citizen', '0991' || lpad(g::text, 7, '0'),
           (${arr(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] || ' ' || (${arr(LAST_NAMES)})[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}]
    from generate_series(1, ${n}) g
    on conflict (mobile) where kind = 'citizen' do nothing`);
  const rs = await rows<{ id: number; mobile: string; display_name: string }>(db, sql`
    select id, mobile, display_name from auth_users where kind = 'citizen' and mobile like '0991%' order by mobile limit ${n}`);
  return rs.map((r) => ({ id: Number(r.id), mobile: r.mobile, name: r.display_name }));
}

export interface StaffGrant {
  userId: number;
  role: string;
  path: string;
}

/** Staff holding one of `roles`, with the path of their scope ('/' for the whole country). */
export async function staffGrants(db: DbOrTx, roles: readonly string[]): Promise<StaffGrant[]> {
  const rs = await rows<{ user_id: number; role: string; path: string | null }>(db, sql`
    select r.user_id, r.role, d.path from auth_user_roles r join auth_users u on u.id = r.user_id and u.kind = 'staff' and not u.disabled
    left join org_divisions d on d.id = r.division_id where r.role in (${sql.join(roles.map((x) => sql`${x}`), sql`, `)})`);
  return rs.map((r) => ({ userId: Number(r.user_id), role: r.role, path: r.path ?? '/' }));
}

/** The staff member of deepest scope containing `path` (null when nobody's scope contains it). */
export function deepestStaff(grants: readonly StaffGrant[], path: string): number | null {
  let best: StaffGrant | null = null;
  for (const g of grants) if (path.startsWith(g.path) && (!best || g.path.length > best.path.length)) best = g;
  return best?.userId ?? null;
}

/** The scope path of a demo account's role (e.g. `district.reviewer`), or null without the demo. */
export async function demoScopePath(db: DbOrTx, username: string, role: string): Promise<string | null> {
  const [r] = await rows<{ path: string }>(db, sql`
    select d.path from auth_users u join auth_user_roles r on r.user_id = u.id and r.role = ${role}
    join org_divisions d on d.id = r.division_id where u.username = ${username}`);
  return r?.path ?? null;
}
