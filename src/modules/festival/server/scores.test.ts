// A judge's scores over HTTP: exactly the rubric of the entry's axis, 0..max in halves, each with a comment (422
// rubric_mismatch in Persian otherwise); the weighted total; the version he saw; only his own assignments (another
// judge's entry does not exist for him); nothing changes once the winners are announced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeEntryView, JudgeQueue, RoundView } from '../api-types.js';
import type { RoundRow } from './common.js';
import type { EntryRow } from './entries.js';
import { criteriaAll, judgeRound, makeJudges, panels, scoreAll, type TestJudge } from './test-judging.js';
import { createFestivalApp, createRound, entrepreneur, makeEntry, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let round: RoundRow;
let entries: EntryRow[];
let judges: TestJudge[];
let expert: Headers;
let e: EntryRow;
let mine: TestJudge;
let other: TestJudge;

beforeAll(async () => {
  t = await createFestivalApp();
  round = await createRound(t.db);
  expert = await t.staff('expert.rural');
  entries = [];
  for (let i = 0; i < 3; i++) entries.push(await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.otherCountyVillage.id, to: 'eligible', plan: { title: `طرح داوری ${i + 1}` } }));
  judges = await makeJudges(t, [{ name: 'داور یکم' }, { name: 'داور دوم' }, { name: 'داور سوم' }, { name: 'داور چهارم' }]);
  await judgeRound(t, round, judges);
  e = entries[0]!;
  const panel = (await panels(t.db, [e.id])).get(e.id)!;
  mine = judges.find((j) => panel.includes(j.id))!;
  other = judges.find((j) => !panel.includes(j.id))!;
});
afterAll(async () => t?.close());

const url = (id: string) => `/api/v1/festival/judging/${id}`;
/** The view, or a problem+json answer. */
type Answer = JudgeEntryView & { code?: string; detail?: string; errors?: { path: string; message: string }[] };
const put = (j: TestJudge, id: string, body: unknown) => t.call<Answer>('PUT', `${url(id)}/score`, j.headers, body);
const axis = () => round.axes[0]!;

describe('scores', () => {
  it('not his assignment → 404 (view and save); not a judge → 403; a bad id → 404', async () => {
    expect((await t.call('GET', url(e.id), other.headers)).status).toBe(404);
    expect((await put(other, e.id, { criteria: criteriaAll(axis(), 5), version: 0 })).status).toBe(404);
    expect((await t.call('GET', url(e.id), expert)).status).toBe(403);
    expect((await t.call('GET', url('not-a-uuid'), mine.headers)).status).toBe(404);
    expect((await t.call('GET', url('00000000-0000-4000-8000-000000000000'), mine.headers)).status).toBe(404);
    const queue = await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', other.headers);
    expect(queue.body.items.map((i) => i.entryId)).not.toContain(e.id);
  });

  it('the rubric must match: a missing criterion, an unknown one or a score above max → 422 rubric_mismatch in Persian', async () => {
    const all = criteriaAll(axis(), 5);
    const [first, ...rest] = axis().rubric;
    const missing = await put(mine, e.id, { criteria: Object.fromEntries(Object.entries(all).filter(([k]) => k !== first!.key)), version: 0 });
    expect([missing.status, missing.body.code]).toEqual([422, 'rubric_mismatch']);
    expect(missing.body.detail).toContain(first!.title);
    expect(missing.body.errors).toEqual([{ path: `body.criteria.${first!.key}`, message: expect.stringContaining('داده نشده') }]);
    const unknown = await put(mine, e.id, { criteria: { ...all, beauty: { score: 3, comment: 'زیبا' } }, version: 0 });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'rubric_mismatch']);
    expect(unknown.body.detail).toContain('beauty');
    const over = await put(mine, e.id, { criteria: { ...all, [rest[0]!.key]: { score: 10.5, comment: 'عالی' } }, version: 0 });
    expect([over.status, over.body.code]).toEqual([422, 'rubric_mismatch']);
    expect(over.body.detail).toContain('۱۰');
    // the form's own validation: quarter points, negative scores, an empty comment → 400
    for (const bad of [{ score: 7.25, comment: 'خوب' }, { score: -1, comment: 'خوب' }, { score: 5, comment: '  ' }]) {
      const r = await put(mine, e.id, { criteria: { ...all, [first!.key]: bad }, version: 0 });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await t.call<JudgeEntryView>('GET', url(e.id), mine.headers)).body.score).toBeNull();
  });

  it('halves are fine; the total is Σ weight × score / max; a stale version → 409 version_conflict', async () => {
    // default rubric: impact 30, sustainability 20, innovation 15, participation 15, replicability 20 (max 10 each)
    const criteria = {
      impact: { score: 10, comment: 'اثر اشتغال بالا' }, sustainability: { score: 5, comment: 'وابسته به یارانه' }, innovation: { score: 0, comment: 'تکراری' },
      participation: { score: 7.5, comment: 'مشارکت خوب زنان' }, replicability: { score: 2.5, comment: 'نیاز به آب فراوان' },
    };
    const first = await put(mine, e.id, { criteria, version: 0 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.score).toMatchObject({ total: 56.25, version: 1, criteria: { participation: { score: 7.5, comment: 'مشارکت خوب زنان' } } });
    expect(first.body.open).toBe(true);
    const stale = await put(mine, e.id, { criteria: criteriaAll(axis(), 6), version: 0 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    const again = await put(mine, e.id, { criteria: criteriaAll(axis(), 6), version: 1 });
    expect(again.body.score).toMatchObject({ total: 60, version: 2 });
    expect((await put(mine, e.id, { criteria: criteriaAll(axis(), 7), version: 1 })).body.code).toBe('version_conflict');
    const queue = await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', mine.headers);
    expect(queue.body.items.find((i) => i.entryId === e.id)).toMatchObject({ scored: true, total: 60 });
  });

  it('the announcement waits for every score (409 scores_missing); afterwards scores are closed (409 judging_closed)', async () => {
    const version = async () => (await t.call<RoundView>('GET', `/api/v1/festival/rounds/${round.id}`, expert)).body.version;
    const early = await t.call('POST', `/api/v1/festival/rounds/${round.id}/announce`, expert, { winners: [e.id], version: await version() });
    expect([early.status, early.body.code]).toEqual([409, 'scores_missing']);
    expect(early.body.missing).toHaveLength(8); // 9 seats, one scored
    await scoreAll(t, round, entries.slice(1), judges, () => 5);
    const rest = (await panels(t.db, [e.id])).get(e.id)!.filter((j) => j !== mine.id);
    await scoreAll(t, round, [e], judges.filter((j) => rest.includes(j.id)), () => 7);
    const none = await t.call('POST', `/api/v1/festival/rounds/${round.id}/announce`, expert, { winners: [], version: await version() });
    expect([none.status, none.body.code]).toEqual([422, 'winners_required']);
    const done = await t.call('POST', `/api/v1/festival/rounds/${round.id}/announce`, expert, { winners: [e.id], version: await version() });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const closed = await put(mine, e.id, { criteria: criteriaAll(axis(), 9), version: 2 });
    expect([closed.status, closed.body.code]).toEqual([409, 'judging_closed']);
    const v = await t.call<JudgeEntryView>('GET', url(e.id), mine.headers);
    expect(v.body).toMatchObject({ open: false, round: { state: 'announced' }, score: { total: 60 } });
    expect((await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', mine.headers)).body).toEqual({ items: [], done: 0, total: 0 });
    const conflict = await t.call('POST', `${url(e.id)}/conflict`, mine.headers, { reason: 'دیر فهمیدم.' });
    expect([conflict.status, conflict.body.code]).toEqual([409, 'judging_closed']);
  });
});
