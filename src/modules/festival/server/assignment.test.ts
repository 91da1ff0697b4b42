// Judges for entries on the real database: no judge ever gets an entry from his own county or one he declared a
// conflict with; every entry gets a full panel of three or judging does not start at all (nothing changes); a declared
// conflict re-seats the least-loaded eligible judge, or leaves the panel short until the secretariat adds judges and
// fills the panels; a judge who has scored cannot be removed.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeQueue, RoundJudgesView, RoundResults, RoundView } from '../api-types.js';
import type { RoundRow } from './common.js';
import type { EntryRow } from './entries.js';
import { festAssignments, festConflicts, festEntries } from './schema.js';
import { countyIdOf, criteriaAll, makeJudges, panels, type TestJudge } from './test-judging.js';
import { createFestivalApp, createRound, entrepreneur, makeEntry, pastDeadline, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let round: RoundRow;
let expert: Headers;
let entries: EntryRow[];
const J: Record<'a1' | 'a2' | 'b1' | 'b2' | 'c1' | 'n1', TestJudge> = {} as never;
const countyOf = new Map<number, number | null>();

beforeAll(async () => {
  t = await createFestivalApp();
  round = await createRound(t.db);
  expert = await t.staff('expert.rural');
  const national = { province: t.actors['expert.rural'] };
  const villages = [t.fp.village, t.fp.village, t.fp.otherCountyVillage, t.fp.otherCountyVillage, t.fp.otherProvinceVillage, t.fp.otherProvinceVillage];
  entries = [];
  for (const [i, v] of villages.entries()) {
    entries.push(await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: v.id, to: 'eligible', screeners: national, plan: { title: `طرح آزمایشی شماره ${i + 1}` } }));
  }
  const [a, b, c] = [countyIdOf(t.fp.village), countyIdOf(t.fp.otherCountyVillage), countyIdOf(t.fp.otherProvinceVillage)];
  const js = await makeJudges(t, [
    { name: 'داور الف ۱', countyId: a }, { name: 'داور الف ۲', countyId: a }, { name: 'داور ب ۱', countyId: b }, { name: 'داور ب ۲', countyId: b },
    { name: 'داور ج ۱', countyId: c }, { name: 'داور ملی', countyId: null },
  ]);
  [J.a1, J.a2, J.b1, J.b2, J.c1, J.n1] = js as [TestJudge, TestJudge, TestJudge, TestJudge, TestJudge, TestJudge];
  for (const j of js) countyOf.set(j.id, j.countyId);
  await pastDeadline(t.db, round.id);
});
afterAll(async () => t?.close());

const roundUrl = () => `/api/v1/festival/rounds/${round.id}`;
const view = async () => (await t.call<RoundView>('GET', roundUrl(), expert)).body;
const setJudges = (js: TestJudge[]) => t.call<RoundJudgesView>('PUT', `${roundUrl()}/judges`, expert, { judges: js.map((j) => ({ userId: j.id, countyId: j.countyId })) });
const entryCounty = (e: EntryRow) => countyIdOf({ path: e.villagePath });

/** Every assignment respects the county rule and the declared conflicts. */
async function assertNoConflicts(): Promise<Map<string, number[]>> {
  const p = await panels(t.db, entries.map((e) => e.id));
  const declared = await t.db.select().from(festConflicts);
  for (const e of entries) {
    for (const j of p.get(e.id)!) {
      expect(countyOf.get(j), `judge ${j} is from the county of ${e.title}`).not.toBe(entryCounty(e));
      expect(declared.some((d) => d.entryId === e.id && d.judgeId === j), `judge ${j} declared a conflict with ${e.title}`).toBe(false);
    }
  }
  return p;
}

describe('starting judging', () => {
  it('judges are active users holding `judge`, with a real county', async () => {
    const notJudge = await t.call('PUT', `${roundUrl()}/judges`, expert, { judges: [{ userId: t.actors['expert.rural'].id, countyId: null }] });
    expect([notJudge.status, notJudge.body.code]).toEqual([422, 'not_a_judge']);
    const province = await t.call('PUT', `${roundUrl()}/judges`, expert, { judges: [{ userId: J.n1.id, countyId: t.fp.province.id }] });
    expect([province.status, province.body.code]).toEqual([422, 'county_invalid']);
    const twice = await t.call('PUT', `${roundUrl()}/judges`, expert, { judges: [{ userId: J.n1.id }, { userId: J.n1.id }] });
    expect(twice.status).toBe(400);
    expect((await t.call<RoundJudgesView>('GET', `${roundUrl()}/judges`, expert)).body.judges).toEqual([]);
  });

  it('too few judges without a conflict for some entries: 409 not_enough_judges naming them, and nothing changes', async () => {
    expect((await setJudges([J.a1, J.a2, J.c1, J.n1])).status).toBe(200);
    const before = await view();
    const res = await t.call('POST', `${roundUrl()}/start-judging`, expert, { version: before.version });
    expect([res.status, res.body.code]).toEqual([409, 'not_enough_judges']);
    // the two entries of county A have only c1 and n1 without a conflict
    expect(res.body.entries.map((x: { entryId: string }) => x.entryId).sort()).toEqual([entries[0]!.id, entries[1]!.id].sort());
    expect(res.body.title).toContain('۲');
    const after = await view();
    expect({ state: after.state, version: after.version, counts: after.counts }).toEqual({ state: 'open', version: before.version, counts: before.counts });
    expect(await t.db.select().from(festAssignments)).toEqual([]);
    expect((await t.db.select({ s: festEntries.state }).from(festEntries)).every((r) => r.s === 'eligible')).toBe(true);
  });

  it('with enough judges: three each, none from the entry\'s county, loads spread', async () => {
    expect((await setJudges(Object.values(J))).status).toBe(200);
    const res = await t.call<RoundView>('POST', `${roundUrl()}/start-judging`, expert, { version: (await view()).version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts).toEqual({ judging: 6 });
    const p = await assertNoConflicts();
    for (const js of p.values()) expect(new Set(js).size).toBe(3);
    const loads = Object.values(J).map((j) => [...p.values()].filter((js) => js.includes(j.id)).length);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(18);
    // with county conflicts assignJudges balances greedily (best effort, see assign.ts): nobody idle, nobody swamped
    expect(Math.min(...loads)).toBeGreaterThan(0);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
    // starting twice is refused
    expect((await t.call('POST', `${roundUrl()}/start-judging`, expert, { version: (await view()).version })).body.code).toBe('round_not_open');
  });
});

describe('declared conflicts', () => {
  const target = () => entries[0]!; // county A: eligible judges b1, b2, c1, n1
  const judgeOf = (id: number) => Object.values(J).find((j) => j.id === id)!;
  const conflictCall = (j: TestJudge, entryId: string) => t.call<JudgeQueue>('POST', `/api/v1/festival/judging/${entryId}/conflict`, j.headers, { reason: 'با صاحب طرح خویشاوندی دارم.' });

  it('a judge declares a conflict: the entry leaves his queue and the free eligible judge takes the seat', async () => {
    const panel = (await panels(t.db, [target().id])).get(target().id)!;
    const out = judgeOf(panel[0]!);
    const free = [J.b1, J.b2, J.c1, J.n1].find((j) => !panel.includes(j.id))!;
    const res = await conflictCall(out, target().id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i) => i.entryId)).not.toContain(target().id);
    const now = (await panels(t.db, [target().id])).get(target().id)!;
    expect(now.sort()).toEqual([...panel.slice(1), free.id].sort());
    await assertNoConflicts();
    // declaring again (no longer his) → 404; a judge never assigned it → 404
    expect((await conflictCall(out, target().id)).status).toBe(404);
    expect((await conflictCall(J.a1, target().id)).status).toBe(404);
  });

  it('when nobody eligible is left the panel stays short; results show it; new judges fill it, never the declared one', async () => {
    const panel = (await panels(t.db, [target().id])).get(target().id)!;
    expect((await conflictCall(judgeOf(panel[0]!), target().id)).status).toBe(200);
    expect((await panels(t.db, [target().id])).get(target().id)).toHaveLength(2);
    const results = await t.call<RoundResults>('GET', `${roundUrl()}/results`, expert);
    expect(results.body.shortPanels).toEqual([{ entryId: target().id, title: target().title, judges: 2 }]);
    // filling with the same judges changes nothing (both remaining eligible judges declared)
    expect((await t.call('POST', `${roundUrl()}/fill-panels`, expert)).status).toBe(200);
    expect((await panels(t.db, [target().id])).get(target().id)).toHaveLength(2);
    const [extra] = await makeJudges(t, [{ name: 'داور تازه', countyId: null }]);
    countyOf.set(extra!.id, null);
    expect((await setJudges([...Object.values(J), extra!])).status).toBe(200);
    const filled = await t.call<RoundView>('POST', `${roundUrl()}/fill-panels`, expert);
    expect(filled.status).toBe(200);
    expect((await panels(t.db, [target().id])).get(target().id)).toContain(extra!.id);
    await assertNoConflicts();
    expect((await t.call<RoundResults>('GET', `${roundUrl()}/results`, expert)).body.shortPanels).toEqual([]);
    expect(await t.db.select().from(festConflicts).where(eq(festConflicts.entryId, target().id))).toHaveLength(2);
  });

  it('a judge who has scored cannot be removed (409 judge_has_scores); one who has not loses his seats', async () => {
    const e = entries[4]!; // county C
    const [jid] = (await panels(t.db, [e.id])).get(e.id)!;
    const scorer = judgeOf(jid!);
    const axis = round.axes[0]!;
    expect((await t.call('PUT', `/api/v1/festival/judging/${e.id}/score`, scorer.headers, { criteria: criteriaAll(axis, 6), version: 0 })).status).toBe(200);
    const current = (await t.call<RoundJudgesView>('GET', `${roundUrl()}/judges`, expert)).body.judges;
    const without = (id: number) => current.filter((j) => j.userId !== id).map((j) => ({ userId: j.userId, countyId: j.countyId }));
    const refused = await t.call('PUT', `${roundUrl()}/judges`, expert, { judges: without(scorer.id) });
    expect([refused.status, refused.body.code]).toEqual([409, 'judge_has_scores']);
    const idle = current.find((j) => j.scored === 0 && j.assigned > 0)!;
    const removed = await t.call<RoundJudgesView>('PUT', `${roundUrl()}/judges`, expert, { judges: without(idle.userId) });
    expect(removed.status).toBe(200);
    expect(removed.body.judges.map((j) => j.userId)).not.toContain(idle.userId);
    expect(await t.db.select().from(festAssignments).where(and(eq(festAssignments.judgeId, idle.userId), inArray(festAssignments.entryId, entries.map((x) => x.id))))).toEqual([]);
    expect((await t.call<RoundResults>('GET', `${roundUrl()}/results`, expert)).body.shortPanels.length).toBeGreaterThan(0);
  });
});
