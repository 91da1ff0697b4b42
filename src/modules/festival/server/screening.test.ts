// Screening over HTTP on the real database: the province secretariat sees and screens its province's entries (others
// do not exist for it), the national secretariat accepts for judging; returns need a comment and end at the deadline;
// two screeners at once — exactly one wins; the owner hears of it; the list filters, counts and exports; and the
// platform's own moves (moveEntry) keep the entry's state equal to its case's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/auth/demo.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createStaff } from '../../../test/factories.js';
import type { EntryListItem, OwnerEntry, StaffEntryView } from '../api-types.js';
import type { RoundRow } from './common.js';
import type { EntryRow } from './entries.js';
import { festAssignments, festScores } from './schema.js';
import { moveEntry } from './screening.js';
import { createFestivalApp, createRound, entrepreneur, entryRow, makeEntry, pastDeadline, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let round: RoundRow;
const who: Record<string, Headers> = {};
const url = '/api/v1/festival/entries';
const ENTREPRENEUR = '09127770021';
type List = { items: EntryListItem[]; total: number; counts: Record<string, number> };

beforeAll(async () => {
  t = await createFestivalApp();
  round = await createRound(t.db);
  who.reviewer = await t.staff('province.reviewer');
  who.expert = await t.staff('expert.rural');
  who.dehyari = await t.staff('dehyari');
  who.judge = await t.staff('judge');
  await createStaff(t.db, [['province.reviewer', t.fp.otherProvince]], { username: 'fs_isfahan', password: DEMO_PASSWORD });
  who.isfahan = await t.staff('fs_isfahan');
});
afterAll(async () => t?.close());

const view = (h: Headers, id: string) => t.call<StaffEntryView>('GET', `${url}/${id}`, h);
const screen = (h: Headers, id: string, action: string, expectedVersion: number, comment = '') => t.call<StaffEntryView & { code?: string; title?: string }>('POST', `${url}/${id}/screen`, h, { action, comment, expectedVersion });

describe('the province, then the nation', () => {
  let e: EntryRow;
  let isfahanEntry: EntryRow;

  beforeAll(async () => {
    e = await makeEntry(t.db, { round, owner: await entrepreneur(t.db, ENTREPRENEUR), villageId: t.fp.otherCountyVillage.id, plan: { title: 'گلخانه هیدروپونیک کارآفرین' } });
    isfahanEntry = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.otherProvinceVillage.id, plan: { title: 'اقامتگاه بوم‌گردی ابیانه' } });
    await makeEntry(t.db, { round, owner: t.actors.dehyari, to: 'draft' });
  });

  it('each province\'s screener sees only its province\'s submitted entries; drafts are nobody\'s business', async () => {
    const mine = await t.call<List>('GET', url, who.reviewer!);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i) => i.id)).toEqual([e.id]);
    expect(mine.body).toMatchObject({ total: 1, counts: { province_screening: 1 } });
    expect(mine.body.items[0]).toMatchObject({ state: 'province_screening', ownerKind: 'entrepreneur', axisTitle: round.axes[0]!.title, overdue: false, judges: 0, place: { village: t.fp.otherCountyVillage.name } });
    expect(mine.body.items[0]!.dueAt).not.toBeNull();
    expect((await t.call<List>('GET', url, who.expert!)).body.total).toBe(2);
    expect((await t.call<List>('GET', url, who.isfahan!)).body.items.map((i) => i.id)).toEqual([isfahanEntry.id]);
    expect((await t.call<List>('GET', url, who.dehyari!)).body.total).toBe(0);
    expect((await t.call('GET', url, who.judge!)).status).toBe(403);
  });

  it('another province\'s entry does not exist for a screener: view and screen are 404', async () => {
    expect((await view(who.isfahan!, e.id)).status).toBe(404);
    expect((await screen(who.isfahan!, e.id, 'province_accept', 1)).status).toBe(404);
    expect((await view(who.dehyari!, e.id)).status).toBe(404);
    expect((await entryRow(t.db, e.id)).state).toBe('province_screening');
  });

  it('answers bad input with 4xx, never 500', async () => {
    expect((await screen(who.reviewer!, e.id, 'approve_everything', 1)).status).toBe(400);
    expect((await t.call('POST', `${url}/${e.id}/screen`, who.reviewer!, { action: 'province_accept', expectedVersion: 'یک' })).status).toBe(400);
    expect((await t.call('POST', `${url}/${e.id}/screen`, who.reviewer!, { action: 'province_accept', expectedVersion: 1, comment: 'ن'.repeat(10_000) })).status).toBe(400);
    expect((await screen(who.reviewer!, '00000000-0000-4000-8000-000000000000', 'province_accept', 1)).status).toBe(404);
    expect((await screen(who.reviewer!, 'nope', 'province_accept', 1)).status).toBe(404);
    for (const q of ['state=everything', 'roundId=abc', 'pageSize=100000', 'flagged=maybe', `q=${'x'.repeat(500)}`]) expect((await t.call('GET', `${url}?${q}`, who.reviewer!)).status).toBe(400);
  });

  it('the province screener sees the actions open to him; a return needs a comment; the national step is not his', async () => {
    const v = (await view(who.reviewer!, e.id)).body;
    expect(v.actions.map((a) => a.key)).toEqual(['province_accept', 'province_return', 'province_reject']);
    expect(v.actions.find((a) => a.key === 'province_return')!.requireComment).toBe(true);
    expect(v).toMatchObject({ caseVersion: 1, owner: { mobile: ENTREPRENEUR }, panel: [], result: null });
    const noComment = await screen(who.reviewer!, e.id, 'province_return', v.caseVersion!);
    expect([noComment.status, noComment.body.code]).toEqual([400, 'comment_required']);
    const national = await screen(who.reviewer!, e.id, 'national_accept', v.caseVersion!);
    expect(national.status).toBe(403);
  });

  it('two screeners at the same moment: exactly one wins, the other gets 409 version_conflict', async () => {
    const results = await Promise.all([screen(who.reviewer!, e.id, 'province_accept', 1), screen(who.expert!, e.id, 'province_reject', 1, 'خارج از محورهای جشنواره')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('version_conflict');
    const winner = results.find((r) => r.status === 200)!.body;
    const row = await entryRow(t.db, e.id);
    const [c] = await t.db.select().from(wfCases).where(eq(wfCases.id, row.caseId!));
    expect(row.state).toBe(c!.state);
    expect(winner.state).toBe(c!.state);
    if (c!.state === 'ineligible') {
      // the rejection won the race: file again for the rest of the flow
      e = await makeEntry(t.db, { round, owner: await entrepreneur(t.db, ENTREPRENEUR), villageId: t.fp.otherCountyVillage.id, to: 'national_screening' });
    }
    const stale = await screen(who.expert!, e.id, 'national_accept', 1);
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
  });

  it('the national secretariat accepts it for judging; the owner hears of it', async () => {
    const v = (await view(who.expert!, e.id)).body;
    expect(v.state).toBe('national_screening');
    expect(v.actions.map((a) => a.key)).toEqual(['national_accept', 'national_return', 'national_reject']);
    expect((await view(who.reviewer!, e.id)).body.actions).toEqual([]);
    const res = await screen(who.expert!, e.id, 'national_accept', v.caseVersion!);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'eligible', stateTitle: 'پذیرفته برای داوری', actions: [], dueAt: null });
    expect(await t.lastSms(ENTREPRENEUR)).toContain('پذیرفته شد');
  });

  it('a return reaches the owner with the comment; a rejection takes the entry out of his limit', async () => {
    const mobile = '09127770022';
    const a = await makeEntry(t.db, { round, owner: await entrepreneur(t.db, mobile), villageId: t.fp.village.id });
    const returned = await screen(who.reviewer!, a.id, 'province_return', 1, 'عکس‌های طرح را اضافه کنید.');
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', reviewerComment: 'عکس‌های طرح را اضافه کنید.' });
    expect(await t.lastSms(mobile)).toContain('برای اصلاح بازگردانده شد');
    const b = await makeEntry(t.db, { round, owner: await entrepreneur(t.db, mobile), villageId: t.fp.village.id, to: 'national_screening' });
    const rejected = await screen(who.expert!, b.id, 'national_reject', (await view(who.expert!, b.id)).body.caseVersion!, 'طرح اجرا نشده است.');
    expect(rejected.body).toMatchObject({ state: 'ineligible', reviewerComment: 'طرح اجرا نشده است.' });
    expect(await t.lastSms(mobile)).toContain('شرایط جشنواره را نداشت');
    // returned counts towards his limit, ineligible does not: two more fit, a third does not
    const owner = await entrepreneur(t.db, mobile);
    for (let i = 0; i < 2; i++) await makeEntry(t.db, { round, owner, villageId: t.fp.village.id, to: 'draft' });
    await expect(makeEntry(t.db, { round, owner, villageId: t.fp.village.id, to: 'draft' })).rejects.toMatchObject({ status: 409, code: 'entry_limit' });
    // he corrects and resubmits: it goes back to the screener who returned it; his page says truly whether he may withdraw
    const h = (await t.citizen(mobile)).headers;
    const again = await t.call<OwnerEntry>('POST', `/api/v1/festival/mine/entries/${a.id}/resubmit`, h, { version: (await entryRow(t.db, a.id)).version });
    expect([again.status, again.body.state]).toEqual([200, 'province_screening']);
    expect((await view(who.expert!, a.id)).body.actions).toEqual([]); // handed back to the province screener who returned it
    const withdrawn = await t.call('POST', `/api/v1/festival/mine/entries/${a.id}/withdraw`, h, { version: again.body.version });
    expect(withdrawn.status === 200).toBe(again.body.can.withdraw);
  });
});

describe('the list', () => {
  it('filters by state, axis, province, owner kind and Persian words (Arabic letters read the same); pages; counts by state', async () => {
    await makeEntry(t.db, { round, owner: t.actors.dehyari, plan: { axis: 'construction', category: 'environment', title: 'تفکیک پسماند از مبدأ در روستا' } });
    const q = (s: string) => t.call<List>('GET', `${url}?roundId=${round.id}&${s}`, who.expert!);
    expect((await q('ownerKind=dehyari')).body.items.map((i) => i.title)).toEqual(['تفکیک پسماند از مبدأ در روستا']);
    expect((await q('axis=construction')).body.total).toBe(1);
    // «يك» with Arabic letters, and the two words in any order
    expect((await q(`q=${encodeURIComponent('روستا پسماند تفكيك')}`)).body.total).toBe(1);
    expect((await q(`q=${encodeURIComponent('ابیانه')}`)).body.items.map((i) => i.place.provinceId)).toEqual([t.fp.otherProvince.id]);
    expect((await q(`q=${encodeURIComponent('پسماند ابیانه')}`)).body.total).toBe(0);
    const byProvince = (await q(`provinceId=${t.fp.otherProvince.id}`)).body;
    expect(byProvince.items.every((i) => i.place.provinceId === t.fp.otherProvince.id)).toBe(true);
    const all = (await q('')).body;
    const screening = (await q('state=province_screening&pageSize=1&page=2')).body;
    expect(screening.items).toHaveLength(1);
    expect(screening.total).toBe(all.counts.province_screening);
    expect(screening.counts).toEqual(all.counts);
    expect(Object.values(all.counts).reduce((s, n) => s + n, 0)).toBe(all.total);
    const code = all.items[0]!.trackingCode!;
    expect((await q(`q=${code}`)).body.items.map((i) => i.trackingCode)).toEqual([code]);
  });

  it('exports the same rows as CSV and XLSX with Persian headers', async () => {
    const csv = await t.app.inject({ method: 'GET', url: `${url}/export.csv?roundId=${round.id}`, headers: who.reviewer! });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('کد پیگیری');
    const total = (await t.call<List>('GET', `${url}?roundId=${round.id}`, who.reviewer!)).body.total;
    expect(lines).toHaveLength(total + 1);
    const xlsx = await t.app.inject({ method: 'GET', url: `${url}/export.xlsx`, headers: who.expert! });
    expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
  });
});

describe('the platform\'s moves and the deadline', () => {
  it('moveEntry takes system actions as the platform and mirrors the state (and the columns it is given)', async () => {
    const eligible = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.village.id, to: 'eligible' });
    const returned = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.village.id, to: 'returned' });
    const judging = await t.db.transaction(async (tx) => (await moveEntry(tx, eligible, 'start_judging')).entry);
    expect(judging.state).toBe('judging');
    expect(judging.version).toBe(eligible.version + 1);
    const expired = await t.db.transaction(async (tx) => moveEntry(tx, returned, 'expire'));
    expect([expired.entry.state, expired.case.state]).toEqual(['expired', 'expired']);
    await expect(t.db.transaction((tx) => moveEntry(tx, expired.entry, 'select'))).rejects.toMatchObject({ status: 409, code: 'invalid_state' });
    // the secretariat sees the panel while judging: names and totals, no z yet
    await t.db.insert(festAssignments).values({ entryId: judging.id, judgeId: t.actors.judge.id!, roundId: round.id });
    await t.db.insert(festScores).values({ entryId: judging.id, judgeId: t.actors.judge.id!, criteria: { impact: { score: 8, comment: 'خوب' } }, total: 80 });
    const panel = (await view(who.expert!, judging.id)).body.panel;
    expect(panel).toEqual([{ judgeId: t.actors.judge.id, judge: 'داور جشنواره', total: 80, z: null, criteria: { impact: { score: 8, comment: 'خوب' } } }]);
    expect((await view(who.reviewer!, judging.id)).body.panel).toEqual([]);
    const selected = await t.db.transaction(async (tx) => moveEntry(tx, judging, 'select', { set: { award: 'رتبه اول کشوری', rankNational: 1 } }));
    expect(selected.entry).toMatchObject({ state: 'selected', award: 'رتبه اول کشوری', rankNational: 1 });
    expect(selected.entry.selectedAt).toBeInstanceOf(Date);
    const draft = await makeEntry(t.db, { round, owner: t.actors.dehyari, to: 'draft' });
    await expect(t.db.transaction((tx) => moveEntry(tx, draft, 'start_judging'))).rejects.toThrow(/no case/);
  });

  it('after the deadline a screener may no longer return an entry (409 deadline_passed) but still accepts or rejects', async () => {
    const a = await makeEntry(t.db, { round, owner: await entrepreneur(t.db), villageId: t.fp.village.id });
    await pastDeadline(t.db, round.id);
    const v = (await view(who.reviewer!, a.id)).body;
    expect(v.actions.map((x) => x.key)).toEqual(['province_accept', 'province_reject']);
    const ret = await screen(who.reviewer!, a.id, 'province_return', v.caseVersion!, 'اصلاح کنید');
    expect([ret.status, ret.body.code]).toEqual([409, 'deadline_passed']);
    expect(ret.body.title).toMatch(/[۰-۹]/);
    expect((await entryRow(t.db, a.id)).state).toBe('province_screening');
    const ok = await screen(who.reviewer!, a.id, 'province_accept', v.caseVersion!);
    expect([ok.status, ok.body.state]).toEqual([200, 'national_screening']);
    const national = await screen(who.expert!, a.id, 'national_return', ok.body.caseVersion!, 'اصلاح کنید');
    expect([national.status, national.body.code]).toEqual([409, 'deadline_passed']);
  });
});
