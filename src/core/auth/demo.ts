import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { appendAudit } from '../audit/audit.js';
import type { Db, DbOrTx } from '../db/client.js';
import { actorOf } from './sessions.js';
import { jalaliParts } from '../fa/index.js';
import { seedDemoDivisions, type DemoPlaces } from '../org/demo.js';
import { seedFixedHolidays } from '../workflow/holidays.js';
import { hashPassword } from './passwords.js';
import { authUserRoles, authUsers } from './schema.js';

export const DEMO_PASSWORD = 'demo1234';

/** The demo accounts: username, Persian display name, role, and which demo place the role is bound to. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; place: keyof DemoPlaces | null }[] = [
  { username: 'admin', displayName: 'مدیر سامانه', role: 'admin', place: null },
  { username: 'inspector', displayName: 'کارشناس دفتر بازرسی', role: 'inspector', place: null },
  { username: 'expert.municipal', displayName: 'کارشناس معاونت امور شهری', role: 'expert.municipal', place: null },
  { username: 'expert.rural', displayName: 'کارشناس معاونت امور دهیاری‌ها', role: 'expert.rural', place: null },
  { username: 'expert.training', displayName: 'کارشناس مرکز مطالعات', role: 'expert.training', place: null },
  { username: 'province.reviewer', displayName: 'کارشناس استانداری', role: 'province.reviewer', place: 'province' },
  { username: 'district.reviewer', displayName: 'کارشناس بخشداری', role: 'district.reviewer', place: 'district' },
  { username: 'municipality', displayName: 'کارشناس شهرداری', role: 'municipality', place: 'city' },
  { username: 'dehyari', displayName: 'دهیار', role: 'dehyari', place: 'village' },
  { username: 'grading.committee', displayName: 'دبیر کارگروه درجه‌بندی', role: 'grading.committee', place: null },
  { username: 'training.unit', displayName: 'کارشناس واحد آموزش استان', role: 'training.unit', place: 'province' },
  { username: 'training.committee', displayName: 'دبیر کمیته تشخیص صلاحیت مدرسان', role: 'training.committee', place: null },
  { username: 'judge', displayName: 'داور جشنواره', role: 'judge', place: null },
];

/**
 * Loads the demo: divisions (all provinces, a realistic slice below them), this and next year's fixed official
 * holidays, and the demo accounts with their roles and scopes. Idempotent: an account that exists keeps its password and gains any missing role.
 */
export async function seedDemo(db: Db): Promise<DemoPlaces> {
  const places = await seedDemoDivisions(db);
  const year = jalaliParts(new Date()).year;
  await seedFixedHolidays(db, [year, year + 1]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      let [user] = await tx.select().from(authUsers).where(eq(authUsers.username, a.username));
      if (!user) {
        [user] = await tx.insert(authUsers).values({ kind: 'staff', username: a.username, displayName: a.displayName, passwordHash }).returning();
        await appendAudit(tx, null, { action: 'user.create', entityType: 'user', entityId: user!.id, data: { username: a.username, demo: true } });
      }
      const divisionId = a.place ? places[a.place] : null;
      const [role] = await tx
        .select()
        .from(authUserRoles)
        .where(and(eq(authUserRoles.userId, user!.id), eq(authUserRoles.role, a.role), divisionId === null ? isNull(authUserRoles.divisionId) : eq(authUserRoles.divisionId, divisionId)));
      if (!role) {
        await tx.insert(authUserRoles).values({ userId: user!.id, role: a.role, divisionId });
        await appendAudit(tx, null, { action: 'user.grant', entityType: 'user', entityId: user!.id, data: { role: a.role, divisionId } });
      }
    }
  });
  return places;
}

/** The actors of demo staff accounts by username (for modules' demo data); throws when one is missing. */
export async function demoStaffActors<K extends string>(db: DbOrTx, usernames: readonly K[], who = 'demo'): Promise<Record<K, Actor>> {
  const users = await db.select().from(authUsers).where(inArray(authUsers.username, [...usernames]));
  const out = {} as Record<K, Actor>;
  for (const k of usernames) {
    const u = users.find((x) => x.username === k);
    if (!u) throw new Error(`${who}: demo account ${k} is missing (run seedDemo first)`);
    out[k] = await actorOf(db, u);
  }
  return out;
}

/** The actor of the citizen with this mobile, created (with `name`) when missing: a demo citizen. */
export async function demoCitizenActor(db: DbOrTx, mobile: string, name: string | null): Promise<Actor> {
  let [u] = await db.select().from(authUsers).where(and(eq(authUsers.kind, 'citizen'), eq(authUsers.mobile, mobile)));
  if (!u) [u] = await db.insert(authUsers).values({ kind: 'citizen', mobile, displayName: name ?? mobile }).returning();
  return actorOf(db, u!);
}
