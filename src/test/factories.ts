import { sql } from 'drizzle-orm';
import type { Role } from '../core/access/roles.js';
import { hashPassword } from '../core/auth/passwords.js';
import { authUserRoles, authUsers } from '../core/auth/schema.js';
import type { DbOrTx } from '../core/db/client.js';
import { orgDivisions, type DivisionLevel } from '../core/org/schema.js';

let counter = 0;

/** Inserts one division under `parent` (or a province when no parent) and returns it with its path. */
export async function makeDivision(db: DbOrTx, level: DivisionLevel, parent?: { id: number; path: string; depth: number }, name?: string) {
  counter++;
  const [row] = await db
    .insert(orgDivisions)
    .values({ level, parentId: parent?.id ?? null, name: name ?? `${level}-${counter}`, code: `T${Date.now()}${counter}`, path: 'pending', depth: (parent?.depth ?? 0) + 1 })
    .returning();
  const path = `${parent?.path ?? '/'}${row!.id}/`;
  await db.execute(sql`update org_divisions set path = ${path} where id = ${row!.id}`);
  return { ...row!, path };
}

/** A small tree: two provinces; in the first a county with two districts, each with a village. */
export async function makeTree(db: DbOrTx) {
  const province = await makeDivision(db, 'province', undefined, 'استان آزمون');
  const otherProvince = await makeDivision(db, 'province', undefined, 'استان دیگر');
  const county = await makeDivision(db, 'county', province, 'شهرستان آزمون');
  const district = await makeDivision(db, 'district', county, 'بخش مرکزی');
  const otherDistrict = await makeDivision(db, 'district', county, 'بخش دیگر');
  const city = await makeDivision(db, 'city', district, 'شهر آزمون');
  const village = await makeDivision(db, 'village', district, 'روستای آزمون');
  const otherVillage = await makeDivision(db, 'village', otherDistrict, 'روستای دیگر');
  return { province, otherProvince, county, district, otherDistrict, city, village, otherVillage };
}

const hashes = new Map<string, Promise<string>>();

/** Creates a staff user with a role bound to a division (null = national). Password defaults to 'secret-pass'. */
export async function makeStaff(db: DbOrTx, opts: { username?: string; role: Role; divisionId?: number | null; password?: string }) {
  counter++;
  const password = opts.password ?? 'secret-pass';
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const [user] = await db
    .insert(authUsers)
    .values({ kind: 'staff', username: opts.username ?? `user${counter}`, displayName: `کاربر ${counter}`, passwordHash: await hashes.get(password)! })
    .returning();
  await db.insert(authUserRoles).values({ userId: user!.id, role: opts.role, divisionId: opts.divisionId ?? null });
  return { ...user!, password };
}
