// Test helpers of judging and the showcase: judges with a home county, signed in; a round judged from entries made
// by the real functions; scores as a judge's form sends them. Used by *.test.ts only.
import { eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Actor } from '../../../core/access/actor.js';
import { DEMO_PASSWORD } from '../../../core/auth/demo.js';
import { authUsers } from '../../../core/auth/schema.js';
import { actorOf } from '../../../core/auth/sessions.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { pathIds } from '../../../core/org/path.js';
import { createDivision, createStaff, type TestDivision } from '../../../test/factories.js';
import type { Axis, ScoreInput } from '../contract.js';
import { startJudging } from './assignment.js';
import type { RoundRow } from './common.js';
import type { EntryRow } from './entries.js';
import { setRoundJudges } from './judges.js';
import { festAssignments } from './schema.js';
import { saveScore } from './scores.js';
import { pastDeadline, type FestivalTestApp, type Headers } from './test-factory.js';

let seq = 0;

export interface TestJudge {
  id: number;
  username: string;
  name: string;
  actor: Actor;
  headers: Headers;
  countyId: number | null;
}

/** Judges (staff with the national `judge` grant, DEMO_PASSWORD), named, signed in over HTTP. */
export async function makeJudges(t: FestivalTestApp, specs: { name: string; countyId?: number | null }[]): Promise<TestJudge[]> {
  const out: TestJudge[] = [];
  for (const s of specs) {
    const username = `judge${process.pid}_${++seq}`;
    const a = await createStaff(t.db, [['judge', null]], { username, password: DEMO_PASSWORD });
    await t.db.update(authUsers).set({ displayName: s.name }).where(eq(authUsers.id, a.id!));
    out.push({ id: a.id!, username, name: s.name, actor: a, headers: await t.staff(username), countyId: s.countyId ?? null });
  }
  return out;
}

/** The county id of a village. */
export const countyIdOf = (village: { path: string }): number => pathIds(village.path)[1]!;

/** A new county (in `province`) that no entry comes from: a judge's home county without conflicts. */
export async function freeCounty(db: DbOrTx, province: TestDivision): Promise<number> {
  return (await createDivision(db, 'county', province, 'شهرستان داوران')).id;
}

/** Every criterion of the axis scored `score` (so the total is 10 × score on a 0..10 scale), with a comment. */
export const criteriaAll = (axis: Pick<Axis, 'rubric'>, score: number, comment = 'مستندات طرح کامل و روشن است.'): ScoreInput['criteria'] =>
  Object.fromEntries(axis.rubric.map((c) => [c.key, { score, comment }]));

/** The panel (judge ids) of each entry. */
export async function panels(db: DbOrTx, entryIds: string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>(entryIds.map((id) => [id, []]));
  for (const a of await db.select().from(festAssignments).where(inArray(festAssignments.entryId, entryIds))) out.get(a.entryId)?.push(a.judgeId);
  return out;
}

/** Sets the judges of a round, moves its deadline into the past and starts judging (as the national secretariat). */
export async function judgeRound(t: FestivalTestApp, round: RoundRow, judges: TestJudge[]): Promise<void> {
  const national = t.actors['expert.rural'];
  await setRoundJudges(t.db, national, round.id, { judges: judges.map((j) => ({ userId: j.id, countyId: j.countyId })) });
  const r = await pastDeadline(t.db, round.id);
  await startJudging(t.db, national, round.id, r.version);
}

/** Every assignment of `judges` on `entries` scored by the real function: `scoreOf(entry, judge)` on the 0..10 scale of the default rubric. */
export async function scoreAll(t: FestivalTestApp, round: Pick<RoundRow, 'axes'>, entries: EntryRow[], judges: TestJudge[], scoreOf: (e: EntryRow, j: TestJudge) => number): Promise<void> {
  const p = await panels(t.db, entries.map((e) => e.id));
  for (const e of entries) {
    const axis = round.axes.find((a) => a.key === e.axis)!;
    for (const jid of p.get(e.id)!) {
      const j = judges.find((x) => x.id === jid);
      if (!j) continue; // not among the judges asked to score
      await saveScore(t.db, j.actor, e.id, { criteria: criteriaAll(axis, scoreOf(e, j)), version: 0 });
    }
  }
}

/** The actor of a user by id (e.g. a dehyari made with createStaff). */
export async function actorById(db: DbOrTx, id: number): Promise<Actor> {
  const [u] = await db.select().from(authUsers).where(eq(authUsers.id, id));
  expect(u).toBeTruthy();
  return actorOf(db, u!);
}
