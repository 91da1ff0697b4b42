// The festival's demo: every plan ends in its story's state, the judging round has its assignments (no judge from
// the entry's county), scores in and missing, a flagged disagreement and a declared conflict; a second run adds
// nothing; and the screens' endpoints answer with it — the showcase (search across spellings, a plan's page with
// photos, questions and replications), the demo dehyari's own plans and questions, and the judge's waiting work.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFiles } from '../../../core/documents/schema.js';
import { notifyOutbox } from '../../../core/notify/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { JudgeQueue, MyEntries, QuestionItem, RoundResults, RoundView, ShowcaseFacets, ShowcasePage, ShowcasePlan } from '../api-types.js';
import { DEMO_ENTREPRENEURS, DEMO_QUESTIONS, DEMO_REPLICATIONS } from './demo-data.js';
import { DEMO_PLANS, seedFestivalDemo } from './demo.js';
import { festAssignments, festConflicts, festEntries, festJudges, festQuestions, festReplications, festRounds, festScores } from './schema.js';
import { createFestivalApp, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let firstRunMs = 0;
let counts: Record<string, number>;
const rounds = new Map<string, typeof festRounds.$inferSelect>();
let expert: Headers;

async function tableCounts(): Promise<Record<string, number>> {
  const n = async (table: typeof festRounds | typeof festEntries | typeof festScores | typeof festAssignments | typeof festReplications | typeof festQuestions | typeof docFiles | typeof wfCases | typeof notifyOutbox) =>
    Number((await t.db.select({ n: count() }).from(table))[0]!.n);
  return {
    rounds: await n(festRounds), entries: await n(festEntries), scores: await n(festScores), assignments: await n(festAssignments), replications: await n(festReplications),
    questions: await n(festQuestions), documents: await n(docFiles), cases: await n(wfCases), outbox: await n(notifyOutbox),
  };
}

beforeAll(async () => {
  t = await createFestivalApp();
  const t0 = performance.now();
  await seedFestivalDemo(t.db, t.places);
  firstRunMs = performance.now() - t0;
  counts = await tableCounts();
  await seedFestivalDemo(t.db, t.places); // idempotent
  for (const r of await t.db.select().from(festRounds)) rounds.set(r.state, r);
  expert = await t.staff('expert.rural');
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('seedFestivalDemo', () => {
  it('is quick, idempotent, and leaves no SMS of the story in the outbox', async () => {
    console.log(`seedFestivalDemo: ${Math.round(firstRunMs)} ms`, counts);
    expect(await tableCounts()).toEqual(counts);
    expect(counts.entries).toBe(DEMO_PLANS.length);
    expect(counts.outbox).toBe(0);
    expect(firstRunMs).toBeLessThan(30_000);
  });

  it('has a round in every state and every plan where its story ends', async () => {
    expect([...rounds.keys()].sort()).toEqual(['announced', 'draft', 'judging', 'open']);
    const all = await t.db.select().from(festRounds);
    expect(all.filter((r) => r.state === 'announced')).toHaveLength(2);
    const open = rounds.get('open')!;
    const daysLeft = (open.closesAt.getTime() - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(18);
    expect(daysLeft).toBeLessThan(24);
    const entries = await t.db.select().from(festEntries);
    for (const p of DEMO_PLANS) {
      const e = entries.find((x) => x.plan.title === p.plan.title);
      expect(e?.state, p.key).toBe(p.target);
    }
    const states = new Set(entries.map((e) => e.state));
    for (const s of ['draft', 'province_screening', 'national_screening', 'returned', 'eligible', 'ineligible', 'withdrawn', 'judging', 'selected', 'not_selected', 'expired']) expect(states, s).toContain(s);
    expect(entries.filter((e) => e.state === 'selected')).toHaveLength(24);
    // Entrepreneurs are the demo citizens 0900000030x; the demo dehyari's village has three entries in the open round.
    const mobiles = new Set(DEMO_ENTREPRENEURS.map((e) => e.mobile));
    expect(entries.filter((e) => e.ownerKind === 'entrepreneur').length).toBeGreaterThan(10);
    expect(entries.filter((e) => e.roundId === open.id && e.villageId === t.places.village)).toHaveLength(3);
    expect(mobiles.size).toBe(10);
    // The story's days: announced rounds' entries were submitted in their year, not today.
    for (const e of entries.filter((x) => x.state === 'selected')) expect(e.submittedAt!.getTime()).toBeLessThan(Date.now() - 300 * 86_400_000);
  });

  it('judges the judging round fairly: full panels without county conflicts, a declared conflict, scores in and missing, a flag', async () => {
    const r = rounds.get('judging')!;
    const judges = await t.db.select().from(festJudges).where(eq(festJudges.roundId, r.id));
    expect(judges).toHaveLength(5);
    expect(judges.filter((j) => j.countyPath).length).toBe(3);
    const seats = await t.db.select({ a: festAssignments, e: festEntries }).from(festAssignments).innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId)).where(eq(festAssignments.roundId, r.id));
    for (const s of seats) expect(judges.find((j) => j.userId === s.a.judgeId)!.countyPath).not.toBe(s.e.countyPath);
    const conflicts = await t.db.select().from(festConflicts);
    expect(conflicts).toHaveLength(1);
    expect(seats.some((s) => s.a.entryId === conflicts[0]!.entryId && s.a.judgeId === conflicts[0]!.judgeId)).toBe(false);

    const res = await t.call<RoundResults>('GET', `/api/v1/festival/rounds/${r.id}/results`, expert);
    expect(res.status).toBe(200);
    expect(res.body.final).toBe(false);
    expect(res.body.shortPanels).toEqual([]);
    expect(res.body.missing.length).toBeGreaterThan(0);
    // The disputed plan: one of its judges scored it far below the others.
    const disputed = DEMO_PLANS.find((p) => p.disputed)!.plan.title;
    expect(res.body.axes.flatMap((a) => a.rows).filter((row) => row.flagged).map((row) => row.title)).toContain(disputed);

    const judge = await t.staff('judge');
    const queue = await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', judge);
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBeGreaterThan(queue.body.done);
    expect(queue.body.done).toBeGreaterThan(0);
    const judge2 = await t.staff('judge2');
    expect((await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', judge2)).body.total).toBeGreaterThan(0);
  });

  it('announced rounds have stored results with agreement and awards', async () => {
    const list = await t.call<{ items: RoundView[] }>('GET', '/api/v1/festival/rounds', expert);
    expect(list.body.items.map((x) => x.phase)).toEqual(['draft', 'accepting', 'judging', 'announced', 'announced']);
    for (const r of list.body.items.filter((x) => x.state === 'announced')) {
      const res = await t.call<RoundResults>('GET', `/api/v1/festival/rounds/${r.id}/results`, expert);
      expect(res.body.final).toBe(true);
      for (const a of res.body.axes) expect(a.agreement.icc1k, a.axis).not.toBeNull();
      expect(res.body.axes.flatMap((a) => a.rows).filter((row) => row.award).length).toBe(r.counts.selected);
    }
  });

  it('fills the public showcase: search across spellings, filters, a plan page with photos, questions and replications', async () => {
    const page = await t.call<ShowcasePage>('GET', '/api/v1/showcase?pageSize=50', null);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(24);
    expect(page.body.items.filter((c) => c.cover).length).toBeGreaterThan(15);
    // Typed with Arabic ي/ك in the plan; found with Persian letters, and the other way round.
    const weaving = await t.call<ShowcasePage>('GET', `/api/v1/showcase?q=${encodeURIComponent('کارگاه تعاونی جاجیم')}`, null);
    expect(weaving.body.items.map((c) => c.title)).toEqual(['كارگاه تعاوني بافت جاجيم و گليم بانوان جورجاده']);
    const lodge = await t.call<ShowcasePage>('GET', `/api/v1/showcase?q=${encodeURIComponent('بوم‌گردي')}`, null);
    expect(lodge.body.items.map((c) => c.title)).toContain('اقامتگاه بوم گردی در خانه صدساله ابیانه');
    const mushroom = await t.call<ShowcasePage>('GET', `/api/v1/showcase?q=${encodeURIComponent('کاه برنج قارچ')}`, null);
    expect(mushroom.body.items.map((c) => c.title)).toEqual(['کارگاه پرورش قارچ صدفی با کاه برنج در سواسره']);
    const facets = await t.call<ShowcaseFacets>('GET', '/api/v1/showcase/facets', null);
    expect(facets.body.years).toHaveLength(2);
    expect(facets.body.provinces.map((p) => p.name).sort()).toEqual(['اصفهان', 'مازندران']);
    const jobs = await t.call<ShowcasePage>('GET', '/api/v1/showcase?minJobs=20&pageSize=50', null);
    expect(jobs.body.total).toBeGreaterThan(0);
    expect(jobs.body.items.every((c) => (c.jobs ?? 0) >= 20)).toBe(true);

    const waste = page.body.items.find((c) => c.title.startsWith('تفکیک پسماند'))!;
    const plan = await t.call<ShowcasePlan>('GET', `/api/v1/showcase/${waste.id}`, null);
    expect(plan.status).toBe(200);
    expect(plan.body.photos).toHaveLength(3);
    expect(plan.body.replicatedBy).toHaveLength(DEMO_REPLICATIONS.filter((r) => r.plan === 'bandarkhil-waste').length);
    expect(plan.body.questions).toHaveLength(DEMO_QUESTIONS.filter((q) => q.plan === 'bandarkhil-waste' && q.answer).length);
    expect(plan.body.similar.length).toBeGreaterThan(0);
    expect(plan.body.contact?.phone).toMatch(/^0\d{10}$/);
    expect(plan.body.rankNational).not.toBeNull();
    const photo = await t.app.inject({ method: 'GET', url: plan.body.photos[0]!.url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/png');
  });

  it('gives the demo dehyari his plans, questions to answer and a replicated plan', async () => {
    const dehyari = await t.staff('dehyari');
    const mine = await t.call<MyEntries>('GET', '/api/v1/festival/mine', dehyari);
    expect(mine.status).toBe(200);
    expect(mine.body.round?.phase).toBe('accepting');
    const states = mine.body.entries.map((e) => e.state);
    for (const s of ['draft', 'returned', 'province_screening', 'selected', 'judging']) expect(states, s).toContain(s);
    expect(mine.body.entries.find((e) => e.state === 'returned')!.reviewerComment).toBeTruthy();
    const questions = await t.call<{ items: QuestionItem[] }>('GET', '/api/v1/festival/mine/questions', dehyari);
    expect(questions.body.items.filter((q) => q.canAnswer).length).toBeGreaterThanOrEqual(2);
    expect(questions.body.items.filter((q) => q.mine).length).toBeGreaterThanOrEqual(2);
    const page = await t.call<ShowcasePage>('GET', `/api/v1/showcase?q=${encodeURIComponent('چراغ خورشیدی دولت‌آباد')}`, null);
    const solar = await t.call<ShowcasePlan>('GET', `/api/v1/showcase/${page.body.items[0]!.id}`, dehyari);
    expect(solar.body.viewer?.replicatedVillageIds).toEqual([t.places.village]);
  });

  it('gives an entrepreneur his own plans (and nobody else\'s)', async () => {
    const { headers: citizen } = await t.citizen('09000000301');
    const mine = await t.call<MyEntries>('GET', '/api/v1/festival/mine', citizen);
    expect(mine.body.entries.map((e) => e.state).sort()).toEqual(['judging', 'selected']);
  });
});
