// The festival from filed plans to the public showcase, over HTTP on the real database: plans by a dehyari and by
// entrepreneurs are screened; judging starts only after the deadline and screening; four judges score (one of them
// harsh — the z-normalization keeps his entries where they belong); the results carry the very ICC figures judging.ts
// computes from the same scores; the announcement selects the winners; the showcase finds them with Arabic letters and
// half-space variants; a dehyari of another province marks one for replication and asks; the author answers; the
// spread report counts it.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/auth/demo.js';
import { authUsers } from '../../../core/auth/schema.js';
import { createStaff } from '../../../test/factories.js';
import type { JudgeEntryView, JudgeQueue, QuestionItem, RoundJudgesView, RoundResults, RoundView, ShowcasePage, ShowcasePlan, Spread } from '../api-types.js';
import { iccFromScores, normalizeScores } from '../judging.js';
import type { RoundRow } from './common.js';
import type { EntryRow } from './entries.js';
import { festEntries, festScores } from './schema.js';
import { screenEntry } from './screening.js';
import { criteriaAll, freeCounty, makeJudges, panels, type TestJudge } from './test-judging.js';
import { caseVersion, createFestivalApp, createRound, entrepreneur, entryRow, insertDocument, makeEntry, pastDeadline, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let round: RoundRow;
let judges: TestJudge[];
const who: Record<string, Headers> = {};
const e: Record<'greenhouse' | 'dairy' | 'ecolodge' | 'mushroom' | 'returned' | 'late', EntryRow> = {} as never;
const QUALITY: Record<string, number> = {};
const WINNER_MOBILE = '09127770101';
const ASKER_MOBILE = '09127770102';
const AUTHOR_MOBILE = '09127770103';
let photo: string;
let harsh: TestJudge;

beforeAll(async () => {
  t = await createFestivalApp();
  round = await createRound(t.db);
  who.expert = await t.staff('expert.rural');
  who.reviewer = await t.staff('province.reviewer');
  who.dehyari = await t.staff('dehyari');
  await t.db.update(authUsers).set({ mobile: AUTHOR_MOBILE }).where(eq(authUsers.id, t.actors.dehyari.id!));
});
afterAll(async () => t?.close());

const roundUrl = () => `/api/v1/festival/rounds/${round.id}`;
const version = async () => (await t.call<RoundView>('GET', roundUrl(), who.expert!)).body.version;

describe('plans → screening → judging → results → announcement → showcase → spread', () => {
  it('a dehyari and three entrepreneurs file plans; screening accepts them (one returned, one still in screening)', async () => {
    photo = await insertDocument(t.db, t.actors.dehyari.id, 'golkhaneh.png');
    const national = { province: t.actors['expert.rural'] };
    e.greenhouse = await makeEntry(t.db, { round, owner: t.actors.dehyari, to: 'eligible', plan: { title: 'گلخانه‌های کوچک خانوادگی برای پرورش سبزی', summary: 'ساخت گلخانه‌های کوچک در حیاط خانه‌ها برای کشت سبزی و صیفی در همه فصل‌ها.', photos: [photo] } });
    e.dairy = await makeEntry(t.db, { round, owner: await entrepreneur(t.db, WINNER_MOBILE), villageId: t.fp.otherCountyVillage.id, to: 'eligible', plan: { title: 'کارگاه فرآوری لبنیات محلی', summary: 'تولید ماست و پنیر محلی با شیر دامداران روستا و فروش در شهر.' } });
    e.ecolodge = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.otherProvinceVillage.id, to: 'eligible', screeners: national, plan: { title: 'اقامتگاه بوم‌گردی در خانه‌های قدیمی', summary: 'مرمت دو خانه قدیمی و پذیرایی از گردشگران با غذای محلی.' } });
    e.mushroom = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.village.id, to: 'eligible', plan: { title: 'پرورش قارچ خوراکی در انبارهای متروک', summary: 'تبدیل انبارهای بی‌استفاده به سالن پرورش قارچ دکمه‌ای.' } });
    e.returned = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.village.id, to: 'returned' });
    e.late = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.otherCountyVillage.id, to: 'province_screening' });
    Object.assign(QUALITY, { [e.greenhouse.id]: 8, [e.dairy.id]: 7, [e.ecolodge.id]: 6, [e.mushroom.id]: 5 });
    expect([e.greenhouse.state, e.returned.state, e.late.state]).toEqual(['eligible', 'returned', 'province_screening']);
  });

  it('the secretariat names four judges (one with a home county); judging waits for the deadline and for screening', async () => {
    const county = await freeCounty(t.db, t.fp.otherProvince);
    judges = await makeJudges(t, [{ name: 'دکتر رضایی', countyId: county }, { name: 'مهندس کریمی' }, { name: 'دکتر احمدی' }, { name: 'مهندس سعیدی' }]);
    const put = await t.call<RoundJudgesView>('PUT', `${roundUrl()}/judges`, who.expert!, { judges: judges.map((j) => ({ userId: j.id, countyId: j.countyId })) });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.judges).toHaveLength(4);
    expect(put.body.judges.find((j) => j.userId === judges[0]!.id)).toMatchObject({ countyId: county, assigned: 0, scored: 0, conflicts: 0 });
    expect(put.body.judges.find((j) => j.userId === judges[0]!.id)!.county).toBeTruthy();
    expect(put.body.available.map((a) => a.userId)).toEqual(expect.arrayContaining(judges.map((j) => j.id)));
    expect((await t.call('PUT', `${roundUrl()}/judges`, who.reviewer!, { judges: [] })).status).toBe(403);

    const early = await t.call('POST', `${roundUrl()}/start-judging`, who.expert!, { version: await version() });
    expect([early.status, early.body.code]).toEqual([409, 'deadline_not_passed']);
    await pastDeadline(t.db, round.id);
    const open = await t.call('POST', `${roundUrl()}/start-judging`, who.expert!, { version: await version() });
    expect([open.status, open.body.code, open.body.count]).toEqual([409, 'screening_open', 1]);
    await screenEntry(t.db, t.actors['province.reviewer'], e.late.id, { action: 'province_reject', comment: 'طرح در محورهای جشنواره نیست.', expectedVersion: await caseVersion(t.db, e.late.id) });
    expect((await t.call('POST', `${roundUrl()}/start-judging`, who.expert!, { version: 1_000 })).body.code).toBe('version_conflict');
    expect((await t.call('POST', `${roundUrl()}/start-judging`, who.reviewer!, { version: await version() })).status).toBe(403);
  });

  it('starting judging: eligible → judging with three judges each, returned → expired', async () => {
    const started = await t.call<RoundView>('POST', `${roundUrl()}/start-judging`, who.expert!, { version: await version() });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ state: 'judging', phase: 'judging', counts: { judging: 4, expired: 1, ineligible: 1 } });
    expect((await entryRow(t.db, e.returned.id)).state).toBe('expired');
    const p = await panels(t.db, [e.greenhouse.id, e.dairy.id, e.ecolodge.id, e.mushroom.id]);
    for (const js of p.values()) expect(js).toHaveLength(3);
    // The judge on no panel of the weakest plan scores everything 4 points lower (out of 10) than the others.
    harsh = judges.find((j) => !p.get(e.mushroom.id)!.includes(j.id))!;
  });

  it('each judge sees only his three plans and scores them; a harsh judge scores low', async () => {
    for (const j of judges) {
      const q = await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', j.headers);
      expect(q.status).toBe(200);
      expect(q.body).toMatchObject({ total: 3, done: 0 });
      for (const item of q.body.items) {
        const v = await t.call<JudgeEntryView>('GET', `/api/v1/festival/judging/${item.entryId}`, j.headers);
        expect(v.body).toMatchObject({ open: true, score: null, axis: { key: round.axes[0]!.key } });
        const s = QUALITY[item.entryId]! - (j === harsh ? 4 : 0);
        const saved = await t.call<JudgeEntryView>('PUT', `/api/v1/festival/judging/${item.entryId}/score`, j.headers, { criteria: criteriaAll(v.body.axis, s), version: 0 });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        expect(saved.body.score).toMatchObject({ total: s * 10, version: 1 });
      }
      expect((await t.call<JudgeQueue>('GET', '/api/v1/festival/judging', j.headers)).body).toMatchObject({ total: 3, done: 3 });
    }
  });

  it('results: the harsh judge does not sink his plans (ranked by mean z); ICC equals judging.ts on the same scores', async () => {
    const res = await t.call<RoundResults>('GET', `${roundUrl()}/results`, who.expert!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ final: false, missing: [], shortPanels: [] });
    const axis = res.body.axes.find((a) => a.axis === round.axes[0]!.key)!;
    const ids = [e.greenhouse.id, e.dairy.id, e.ecolodge.id, e.mushroom.id];
    expect(axis.rows.map((r) => r.entryId)).toEqual(ids);
    expect(axis.rows.map((r) => r.rankNational)).toEqual([1, 2, 3, 4]);
    const row = (id: string) => axis.rows.find((r) => r.entryId === id)!;
    // in raw points the harsh judge pushed the eco-lodge below the mushroom farm he never saw …
    expect(row(e.ecolodge.id).rawMean).toBeLessThan(row(e.mushroom.id).rawMean);
    // … his z-scores are as centred as anyone's, so the ranking keeps the eco-lodge above it
    const hz = axis.rows.flatMap((r) => r.scores.filter((s) => s.judgeId === harsh.id).map((s) => s.z));
    expect(hz).toHaveLength(3);
    expect(hz.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
    expect(row(e.ecolodge.id).rankProvince).toBe(1); // alone in Isfahan
    expect(axis.rows.filter((r) => r.suggested).map((r) => r.entryId).sort()).toEqual([e.greenhouse.id, e.dairy.id, e.ecolodge.id].sort());

    const stored = await t.db.select().from(festScores).where(inArray(festScores.entryId, ids));
    const raw = stored.map((s) => ({ judge: String(s.judgeId), entry: s.entryId, score: s.total }));
    const iccRaw = iccFromScores(raw)!;
    const iccZ = iccFromScores(normalizeScores(raw).map((n) => ({ ...n, score: n.z })))!;
    expect(axis.agreement).toMatchObject({ entries: 4, judges: 4, design: 'incomplete' });
    expect(axis.agreement.icc1).toBeCloseTo(iccRaw.icc1_1!, 10);
    expect(axis.agreement.icc1k).toBeCloseTo(iccRaw.icc1_k!, 10);
    expect(axis.agreement.icc1Z).toBeCloseTo(iccZ.icc1_1!, 10);
    expect(axis.agreement.icc1kZ).toBeCloseTo(iccZ.icc1_k!, 10);
    expect(['ضعیف', 'متوسط', 'خوب', 'عالی']).toContain(axis.agreement.reading);
    // removing harshness raises agreement: z-scores agree more than raw points
    expect(axis.agreement.icc1kZ!).toBeGreaterThan(axis.agreement.icc1k!);
    const empty = res.body.axes.find((a) => a.axis === round.axes[1]!.key)!;
    expect(empty).toMatchObject({ rows: [], agreement: { entries: 0, icc1: null, icc1k: null, reading: null } });
    expect((await t.call('GET', `${roundUrl()}/results`, who.reviewer!)).status).toBe(403);
    expect((await t.call('GET', `${roundUrl()}/results`, judges[0]!.headers)).status).toBe(403);
  });

  it('the announcement selects the chosen winners with their awards; the owners hear of it', async () => {
    const bad = await t.call('POST', `${roundUrl()}/announce`, who.expert!, { winners: [e.returned.id], version: await version() });
    expect([bad.status, bad.body.code]).toEqual([422, 'winner_invalid']);
    const done = await t.call<RoundView>('POST', `${roundUrl()}/announce`, who.expert!, { winners: [e.greenhouse.id, e.dairy.id], version: await version() });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'announced', selectedCount: 2, counts: { selected: 2, not_selected: 2 } });
    const rows = await t.db.select().from(festEntries).where(inArray(festEntries.id, [e.greenhouse.id, e.dairy.id, e.mushroom.id]));
    const by = (id: string) => rows.find((r) => r.id === id)!;
    expect(by(e.greenhouse.id)).toMatchObject({ state: 'selected', rankNational: 1, award: `رتبه اول کشوری — محور ${round.axes[0]!.title}` });
    expect(by(e.greenhouse.id).selectedAt).not.toBeNull();
    expect(by(e.dairy.id).award).toContain('رتبه دوم کشوری');
    expect(by(e.mushroom.id)).toMatchObject({ state: 'not_selected', award: null, rankNational: 4 });
    expect(await t.lastSms(WINNER_MOBILE)).toContain('برگزیده شد');
    const final = await t.call<RoundResults>('GET', `${roundUrl()}/results`, who.expert!);
    expect(final.body.final).toBe(true);
    expect(final.body.axes[0]!.rows.find((r) => r.entryId === e.greenhouse.id)!.award).toContain('رتبه اول');
    expect((await t.call('POST', `${roundUrl()}/announce`, who.expert!, { winners: [e.greenhouse.id], version: await version() })).body.code).toBe('not_judging');
  });

  it('the showcase lists the winners and finds them however the words are typed', async () => {
    const all = await t.call<ShowcasePage>('GET', '/api/v1/showcase', null);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.id)).toEqual([e.greenhouse.id, e.dairy.id]);
    expect(all.body.items[0]!.cover).toBe(`/api/v1/showcase/${e.greenhouse.id}/photos/${photo}`);
    const q = async (text: string) => (await t.call<ShowcasePage>('GET', `/api/v1/showcase?q=${encodeURIComponent(text)}`, null)).body.items.map((i) => i.id);
    expect(await q('گلخانه هاي كوچك')).toEqual([e.greenhouse.id]); // Arabic ي and ك
    expect(await q('گلخانه‌ها')).toEqual([e.greenhouse.id]); // half-space
    expect(await q('گلخانه ها')).toEqual([e.greenhouse.id]);
    expect(await q('لبنيات')).toEqual([e.dairy.id]);
    expect(await q(t.fp.otherCountyVillage.name)).toEqual([e.dairy.id]); // the place's name
    expect(await q('گلخانه لبنیات')).toEqual([]); // every word must match
    expect(await q('قارچ')).toEqual([]); // not selected
  });

  it('a plan page: figures, the photo, contact, similar plans', async () => {
    const page = await t.call<ShowcasePlan>('GET', `/api/v1/showcase/${e.greenhouse.id}`, null);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ rankNational: 1, contact: { phone: '09121234567' }, viewer: null, photos: [{ filename: 'golkhaneh.png' }] });
    expect(page.body.similar.map((s) => s.id)).toEqual([e.dairy.id]);
    const img = await t.app.inject({ method: 'GET', url: page.body.photos[0]!.url });
    expect([img.statusCode, img.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await t.call('GET', `/api/v1/showcase/${e.mushroom.id}`, null)).status).toBe(404);
  });

  it('a dehyari of another province marks it for replication (once) and asks; the author answers; the spread report counts it', async () => {
    await createStaff(t.db, [['dehyari', t.fp.otherProvinceVillage]], { username: 'fl_isfahan_dehyari', password: DEMO_PASSWORD, mobile: ASKER_MOBILE });
    who.asker = await t.staff('fl_isfahan_dehyari');
    const url = `/api/v1/showcase/${e.greenhouse.id}`;
    const seen = await t.call<ShowcasePlan>('GET', url, who.asker!);
    expect(seen.body.viewer).toMatchObject({ canReplicate: true, replicatedVillageIds: [], villages: [{ id: t.fp.otherProvinceVillage.id }] });
    for (let i = 0; i < 2; i++) {
      const r = await t.call<ShowcasePlan>('POST', `${url}/replicate`, who.asker!, { note: 'برای روستای ما هم مناسب است.' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.replicatedBy).toHaveLength(1);
      expect(r.body.viewer!.replicatedVillageIds).toEqual([t.fp.otherProvinceVillage.id]);
    }
    expect((await t.call('POST', `${url}/replicate`, who.reviewer!, {})).status).toBe(403);
    const asked = await t.call<QuestionItem>('POST', `${url}/questions`, who.asker!, { question: 'هزینه ساخت هر گلخانه چقدر بود؟' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ mine: true, canAnswer: false, answer: null });
    expect(await t.lastSms(AUTHOR_MOBILE)).toContain('گلخانه');
    expect((await t.call<ShowcasePlan>('GET', url, null)).body.questions).toEqual([]); // unanswered: not public

    const mine = await t.call<{ items: QuestionItem[] }>('GET', '/api/v1/festival/mine/questions', who.dehyari!);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ canAnswer: true, mine: false, entryTitle: e.greenhouse.title });
    expect((await t.call('POST', `/api/v1/festival/mine/questions/${asked.body.id}/answer`, who.asker!, { answer: 'نمی‌دانم' })).status).toBe(404);
    const answered = await t.call<QuestionItem>('POST', `/api/v1/festival/mine/questions/${asked.body.id}/answer`, who.dehyari!, { answer: 'هر گلخانه حدود دویست میلیون ریال.' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(await t.lastSms(ASKER_MOBILE)).toContain('پاسخ');
    expect((await t.call('POST', `/api/v1/festival/mine/questions/${asked.body.id}/answer`, who.dehyari!, { answer: 'دوباره' })).body.code).toBe('already_answered');
    expect((await t.call<ShowcasePlan>('GET', url, null)).body.questions).toMatchObject([{ answer: 'هر گلخانه حدود دویست میلیون ریال.', village: t.fp.otherProvinceVillage.name }]);

    const spread = await t.call<Spread>('GET', `/api/v1/festival/spread?roundId=${round.id}`, who.expert!);
    expect(spread.status).toBe(200);
    expect(spread.body.totals).toEqual({ plans: 2, replications: 1, villages: 1, provinces: 1, questions: 1, answered: 1 });
    expect(spread.body.plans[0]).toMatchObject({ entryId: e.greenhouse.id, replications: 1, questions: 1, answered: 1, provinces: 1 });
    expect(spread.body.byProvince).toEqual([{ provinceId: t.fp.otherProvince.id, province: t.fp.otherProvince.name, replications: 1, fromOtherProvinces: 1 }]);
    expect(spread.body.links[0]).toMatchObject({ entryId: e.greenhouse.id, from: { villageId: t.fp.village.id }, to: { villageId: t.fp.otherProvinceVillage.id } });
    expect(typeof spread.body.links[0]!.to.lat).toBe('number');
    // the Mazandaran reviewer has no festival.manage; a judge neither
    expect((await t.call('GET', '/api/v1/festival/spread', judges[0]!.headers)).status).toBe(403);

    const undone = await t.call<ShowcasePlan>('DELETE', `${url}/replicate`, who.asker!);
    expect(undone.body.replicatedBy).toEqual([]);
  });
});
