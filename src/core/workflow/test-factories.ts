// Small factories for workflow tests: divisions, users with roles, actors. Test-only (the lead may move it to src/test).
import { eq } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { authUserRoles, authUsers } from '../auth/schema.js';
import type { DbOrTx } from '../db/client.js';
import { orgDivisions, type DivisionLevel } from '../org/schema.js';

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

/** A province → county → district chain, plus a second district in the same county. */
export async function createTree(db: DbOrTx) {
  const province = await createDivision(db, 'province', undefined, 'استان آزمایشی');
  const county = await createDivision(db, 'county', province, 'شهرستان آزمایشی');
  const district = await createDivision(db, 'district', county, 'بخش مرکزی');
  const otherDistrict = await createDivision(db, 'district', county, 'بخش دیگر');
  const city = await createDivision(db, 'city', district, 'شهر آزمایشی');
  return { province, county, district, otherDistrict, city };
}

/**
 * Inserts a user with the given roles (each bound to a division, or to the whole country) and returns the
 * matching Actor, exactly as the session layer would build it.
 */
export async function createStaff(db: DbOrTx, roles: [Role, TestDivision | null][], extra: { mobile?: string | null; email?: string | null } = {}): Promise<Actor> {
  const n = ++seq;
  const [u] = await db
    .insert(authUsers)
    .values({ kind: 'staff', username: `staff${process.pid}_${n}`, displayName: `کارمند ${n}`, mobile: extra.mobile === undefined ? `0912${String(n).padStart(7, '0')}` : extra.mobile, email: extra.email ?? null })
    .returning();
  const grants: RoleGrant[] = [];
  for (const [role, d] of roles) {
    await db.insert(authUserRoles).values({ userId: u!.id, role, divisionId: d?.id ?? null });
    grants.push({ role, divisionId: d?.id ?? null, path: d?.path ?? '/', level: d?.level ?? 'country' });
  }
  return { id: u!.id, kind: 'staff', label: u!.username!, mobile: u!.mobile, grants };
}

/** Inserts a citizen and returns their actor (only the `citizen` grant, country-wide). */
export async function createCitizen(db: DbOrTx): Promise<Actor> {
  const n = ++seq;
  const mobile = `0935${String(n).padStart(7, '0')}`;
  const [u] = await db.insert(authUsers).values({ kind: 'citizen', mobile, displayName: mobile }).returning();
  return { id: u!.id, kind: 'citizen', label: mobile, mobile, grants: [{ role: 'citizen', divisionId: null, path: '/', level: 'country' }] };
}
