// The festival demo's people: the secretariats (demo accounts), a dehyar for every demo village (the demo `dehyari`
// account for its own village; `dehyari.<village>` for the others), the rural entrepreneurs (citizens) and the
// judges judge…judge5 with their home counties. Staff accounts made here share the demo password (its hash is
// copied from the demo account of the same role, as core/auth/demo.ts would have set it).
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { Role } from '../../../core/access/roles.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { demoCitizenActor, demoStaffActors } from '../../../core/auth/demo.js';
import { authUserRoles, authUsers } from '../../../core/auth/schema.js';
import type { Tx } from '../../../core/db/client.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { DEMO_ENTREPRENEURS, DEMO_JUDGES, DEMO_VILLAGES, HOME_VILLAGE, type VillageKey } from './demo-data.js';

export interface DemoVillageRow {
  id: number;
  path: string;
  provinceCode: string;
}

export interface DemoPeople {
  /** the national secretariat (expert.rural) and Mazandaran's screener (province.reviewer) */
  national: Actor;
  mazandaran: Actor;
  villages: Record<VillageKey, DemoVillageRow>;
  dehyars: Record<VillageKey, Actor>;
  /** entrepreneurs by mobile */
  entrepreneurs: Map<string, Actor>;
  /** judges by username, with their county's division id */
  judges: Map<string, { actor: Actor; countyId: number | null }>;
}

interface StaffSpec { username: string; displayName: string; mobile: string | null; role: Role; divisionId: number | null; passwordHash: string | null }

/** Staff accounts with one role each (made with the demo password when missing), as Actors by username; a few statements. */
async function staffAccounts(tx: Tx, specs: StaffSpec[]): Promise<Map<string, Actor>> {
  const names = specs.map((s) => s.username);
  const have = new Set((await tx.select({ username: authUsers.username }).from(authUsers).where(inArray(authUsers.username, names))).map((u) => u.username));
  const missing = specs.filter((s) => !have.has(s.username));
  if (missing.length) {
    await tx.insert(authUsers).values(missing.map((s) => ({ kind: 'staff' as const, username: s.username, displayName: s.displayName, mobile: s.mobile, passwordHash: s.passwordHash })));
    await appendAudit(tx, null, { action: 'festival.demo.accounts', entityType: 'user', entityId: 'demo', data: { created: missing.map((s) => [s.username, s.role]), demo: true } });
  }
  const users = await tx.select().from(authUsers).where(inArray(authUsers.username, names));
  const idOf = new Map(users.map((u) => [u.username!, u.id]));
  if (missing.length) await tx.insert(authUserRoles).values(missing.map((s) => ({ userId: idOf.get(s.username)!, role: s.role, divisionId: s.divisionId })));
  const grants = await tx
    .select({ userId: authUserRoles.userId, role: authUserRoles.role, divisionId: authUserRoles.divisionId, path: orgDivisions.path, level: orgDivisions.level })
    .from(authUserRoles)
    .leftJoin(orgDivisions, eq(orgDivisions.id, authUserRoles.divisionId))
    .where(inArray(authUserRoles.userId, users.map((u) => u.id)));
  return new Map(users.map((u) => [u.username!, {
    id: u.id, kind: 'staff' as const, label: u.username!, mobile: u.mobile,
    grants: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role as Role, divisionId: g.divisionId, path: g.path ?? '/', level: g.level ?? 'country' })),
  }]));
}

/** Loads (and makes, the first time) everyone the demo needs. Throws when the demo divisions are missing. */
export async function demoPeople(tx: Tx): Promise<DemoPeople> {
  const staff = await demoStaffActors(tx, ['expert.rural', 'province.reviewer', 'dehyari', 'judge'] as const, 'seedFestivalDemo');
  const keys = Object.keys(DEMO_VILLAGES) as VillageKey[];
  const codes = keys.map((k) => DEMO_VILLAGES[k].code);
  const found = await tx.select({ id: orgDivisions.id, path: orgDivisions.path, code: orgDivisions.code }).from(orgDivisions).where(and(eq(orgDivisions.level, 'village'), inArray(orgDivisions.code, codes)));
  const countyCodes = [...new Set(DEMO_JUDGES.map((j): string | null => j.county))].filter((c): c is string => c !== null);
  const counties = await tx.select({ id: orgDivisions.id, code: orgDivisions.code }).from(orgDivisions).where(and(eq(orgDivisions.level, 'county'), inArray(orgDivisions.code, countyCodes)));
  const provinceIds = [...new Set(found.map((f) => Number(f.path.split('/')[1])))];
  const provinces = new Map((await tx.select({ id: orgDivisions.id, code: orgDivisions.code }).from(orgDivisions).where(inArray(orgDivisions.id, provinceIds))).map((p) => [p.id, p.code]));
  const villages = {} as Record<VillageKey, DemoVillageRow>;
  for (const k of keys) {
    const v = found.find((f) => f.code === DEMO_VILLAGES[k].code);
    if (!v) throw new Error(`seedFestivalDemo: demo village ${k} (${DEMO_VILLAGES[k].code}) is missing`);
    villages[k] = { id: v.id, path: v.path, provinceCode: provinces.get(Number(v.path.split('/')[1]))! };
  }

  const hashOf = async (username: string) => (await tx.select({ h: authUsers.passwordHash }).from(authUsers).where(eq(authUsers.username, username)))[0]?.h ?? null;
  const dehyariHash = await hashOf('dehyari');
  const judgeHash = await hashOf('judge');
  const accounts = await staffAccounts(tx, [
    ...keys.filter((k) => k !== HOME_VILLAGE).map((k) => ({
      username: `dehyari.${k}`, displayName: DEMO_VILLAGES[k].dehyar, mobile: DEMO_VILLAGES[k].phone, role: 'dehyari' as const, divisionId: villages[k].id, passwordHash: dehyariHash,
    })),
    ...DEMO_JUDGES.filter((j) => j.username !== 'judge').map((j) => ({ username: j.username, displayName: j.displayName, mobile: null, role: 'judge' as const, divisionId: null, passwordHash: judgeHash })),
  ]);
  const dehyars = Object.fromEntries(keys.map((k) => [k, k === HOME_VILLAGE ? staff.dehyari : accounts.get(`dehyari.${k}`)!])) as Record<VillageKey, Actor>;

  const entrepreneurs = new Map<string, Actor>();
  for (const e of DEMO_ENTREPRENEURS) entrepreneurs.set(e.mobile, await demoCitizenActor(tx, e.mobile, e.name));

  const judges = new Map<string, { actor: Actor; countyId: number | null }>();
  for (const j of DEMO_JUDGES) {
    const actor = j.username === 'judge' ? staff.judge : accounts.get(j.username)!;
    judges.set(j.username, { actor, countyId: j.county ? (counties.find((c) => c.code === j.county)?.id ?? null) : null });
  }
  return { national: staff['expert.rural'], mazandaran: staff['province.reviewer'], villages, dehyars, entrepreneurs, judges };
}

/** The actor who files a plan: its village's dehyar, or the entrepreneur. */
export function ownerActor(p: DemoPeople, plan: { village: VillageKey; by: string }): Actor {
  if (plan.by === 'dehyari') return p.dehyars[plan.village];
  const a = p.entrepreneurs.get(plan.by);
  if (!a) throw new Error(`seedFestivalDemo: entrepreneur ${plan.by} is missing`);
  return a;
}

/** Who screens a plan at the province: Mazandaran's reviewer there, the national secretariat elsewhere. */
export const provinceScreener = (p: DemoPeople, village: VillageKey): Actor => (p.villages[village].provinceCode === '2' ? p.mazandaran : p.national);
