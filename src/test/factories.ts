// Small factories for tests: divisions with their materialized paths, staff with roles, citizens.
import { eq } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../core/access/actor.js';
import type { Role } from '../core/access/roles.js';
import { hashPassword } from '../core/auth/passwords.js';
import { authUserRoles, authUsers } from '../core/auth/schema.js';
import type { DbOrTx } from '../core/db/client.js';
import { orgDivisions, type DivisionLevel } from '../core/org/schema.js';

/** A division as the factories return it. */
export type TestDivision = typeof orgDivisions.$inferSelect;

let seq = 0;

/** Inserts a division under `parent` (or at the top), with its materialized path computed from its new id. */
export async function createDivision(db: DbOrTx, level: DivisionLevel, parent?: TestDivision, name?: string): Promise<TestDivision> {
  const n = ++seq;
  const [row] = await db
    .insert(orgDivisions)
    .values({ level, parentId: parent?.id ?? null, name: name ?? `${level} ${n}`, code: `t${process.pid}-${n}`, path: '/', depth: (parent?.depth ?? 0) + 1 })
    .returning();
  const path = `${parent?.path ?? '/'}${row!.id}/`;
  const [done] = await db.update(orgDivisions).set({ path }).where(eq(orgDivisions.id, row!.id)).returning();
  return done!;
}

/** Two provinces; in the first a county with two districts, a city and a village in each district. */
export async function createTree(db: DbOrTx) {
  const province = await createDivision(db, 'province', undefined, 'استان آزمایشی');
  const otherProvince = await createDivision(db, 'province', undefined, 'استان دیگر');
  const county = await createDivision(db, 'county', province, 'شهرستان آزمایشی');
  const district = await createDivision(db, 'district', county, 'بخش مرکزی');
  const otherDistrict = await createDivision(db, 'district', county, 'بخش دیگر');
  const city = await createDivision(db, 'city', district, 'شهر آزمایشی');
  const village = await createDivision(db, 'village', district, 'روستای آزمایشی');
  const otherVillage = await createDivision(db, 'village', otherDistrict, 'روستای دیگر');
  return { province, otherProvince, county, district, otherDistrict, city, village, otherVillage };
}

const hashes = new Map<string, Promise<string>>();

/**
 * Inserts a staff user with the given roles (each bound to a division, or to the whole country) and returns the
 * matching Actor, exactly as the session layer would build it. With `password`, the user can also sign in over
 * HTTP as `username`.
 */
export async function createStaff(
  db: DbOrTx,
  roles: [Role, TestDivision | null][],
  extra: { username?: string; password?: string; mobile?: string | null; email?: string | null } = {},
): Promise<Actor & { username: string }> {
  const n = ++seq;
  const username = extra.username ?? `staff${process.pid}_${n}`;
  if (extra.password && !hashes.has(extra.password)) hashes.set(extra.password, hashPassword(extra.password));
  const [u] = await db
    .insert(authUsers)
    .values({
      kind: 'staff',
      username,
      displayName: `کارمند ${n}`,
      passwordHash: extra.password ? await hashes.get(extra.password)! : null,
      mobile: extra.mobile === undefined ? `0912${String(n).padStart(7, '0')}` : extra.mobile,
      email: extra.email ?? null,
    })
    .returning();
  const grants: RoleGrant[] = [];
  for (const [role, d] of roles) {
    await db.insert(authUserRoles).values({ userId: u!.id, role, divisionId: d?.id ?? null });
    grants.push({ role, divisionId: d?.id ?? null, path: d?.path ?? '/', level: d?.level ?? 'country' });
  }
  return { id: u!.id, kind: 'staff', label: username, username, mobile: u!.mobile, grants };
}

/** Inserts a citizen and returns their actor (only the `citizen` grant, country-wide). */
export async function createCitizen(db: DbOrTx): Promise<Actor> {
  const n = ++seq;
  const mobile = `0935${String(n).padStart(7, '0')}`;
  const [u] = await db.insert(authUsers).values({ kind: 'citizen', mobile, displayName: mobile }).returning();
  return { id: u!.id, kind: 'citizen', label: mobile, mobile, grants: [{ role: 'citizen', divisionId: null, path: '/', level: 'country' }] };
}
