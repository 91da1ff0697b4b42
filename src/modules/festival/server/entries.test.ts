// Owners' entries over HTTP on the real database: a dehyari (for his village) and an entrepreneur (a citizen with a
// one-time code) write drafts, save them with versions, submit complete plans (tracking code, SMS), resubmit after a
// return, withdraw, delete drafts; others' entries do not exist for them; the limit per owner; attached files must be
// their own; and after the deadline nothing is created, saved, submitted or resubmitted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/auth/demo.js';
import { isValidTrackingCode } from '../../../core/codes/tracking-code.js';
import { normalizeFa, toPersianDigits } from '../../../core/fa/normalize.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createStaff } from '../../../test/factories.js';
import type { MyEntries, OwnerEntry } from '../api-types.js';
import { MAX_ENTRIES_PER_OWNER } from '../enums.js';
import type { RoundRow } from './common.js';
import { createFestivalApp, createRound, entrepreneur, entryRow, makeEntry, pastDeadline, samplePlan, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let round: RoundRow;
const who: Record<string, Headers> = {};
const ENTREPRENEUR = '09127770011';
const mine = '/api/v1/festival/mine/entries';

beforeAll(async () => {
  t = await createFestivalApp();
  round = await createRound(t.db, { requiredParts: ['jobs', 'lessons'] });
  who.dehyari = await t.staff('dehyari');
  await createStaff(t.db, [['dehyari', t.fp.village]], { username: 'fe_dehyari2', password: DEMO_PASSWORD });
  who.dehyari2 = await t.staff('fe_dehyari2');
  await createStaff(t.db, [['dehyari', t.fp.otherCountyVillage]], { username: 'fe_other_dehyari', password: DEMO_PASSWORD });
  who.otherDehyari = await t.staff('fe_other_dehyari');
  await createStaff(t.db, [['dehyari', t.fp.otherCountyVillage], ['dehyari', t.fp.otherProvinceVillage]], { username: 'fe_two_villages', password: DEMO_PASSWORD });
  who.twoVillages = await t.staff('fe_two_villages');
  who.judge = await t.staff('judge');
  who.reviewer = await t.staff('province.reviewer');
  who.entrepreneur = (await t.citizen(ENTREPRENEUR)).headers;
  who.citizen2 = (await t.citizen('09127770012')).headers;
});
afterAll(async () => t?.close());

const create = (h: Headers, villageId: number | null, plan = samplePlan(round)) => t.call<OwnerEntry & { code?: string; title?: string }>('POST', mine, h, { roundId: round.id, villageId, plan });

describe('drafts', () => {
  let draft: OwnerEntry;

  it('a dehyari of one village files without naming it; his page lists his village and the accepting round', async () => {
    const res = await create(who.dehyari!, null);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ ownerKind: 'dehyari', state: 'draft', stateTitle: 'پیش‌نویس', trackingCode: null, version: 1, place: { villageId: t.fp.village.id, village: t.fp.village.name, provinceId: t.fp.province.id } });
    expect(res.body.completeness).toEqual({ ready: true, missing: [], percent: 100 });
    expect(res.body.can).toEqual({ edit: true, submit: true, resubmit: false, withdraw: false, delete: true });
    draft = res.body;
    const page = await t.call<MyEntries>('GET', '/api/v1/festival/mine', who.dehyari!);
    expect(page.body.round?.id).toBe(round.id);
    expect(page.body.entries.map((e) => e.id)).toEqual([draft.id]);
    expect(page.body.villages).toEqual([{ id: t.fp.village.id, label: expect.stringContaining(t.fp.village.name) }]);
    // the copies lists search on, with the place's names, Persian-normalized
    const row = await entryRow(t.db, draft.id);
    expect(row).toMatchObject({ axis: 'income', category: 'agriculture', title: samplePlan(round).title, jobs: 14, countyPath: `/${t.fp.province.id}/${t.fp.village.path.split('/')[2]}/` });
    expect(row.searchText).toContain(normalizeFa(t.fp.village.name));
    expect(row.searchText).toContain(normalizeFa('صنایع دستی'));
  });

  it('a dehyari of several villages must name one of his; another village is 403 not_your_village', async () => {
    const none = await create(who.twoVillages!, null);
    expect([none.status, none.body.code]).toEqual([422, 'village_required']);
    const foreign = await create(who.twoVillages!, t.fp.village.id);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'not_your_village']);
    const ok = await create(who.twoVillages!, t.fp.otherProvinceVillage.id);
    expect([ok.status, ok.body.place.villageId]).toEqual([201, t.fp.otherProvinceVillage.id]);
    expect((await t.call<MyEntries>('GET', '/api/v1/festival/mine', who.twoVillages!)).body.villages).toHaveLength(2);
  });

  it('an entrepreneur names a village (a county is not one); his page offers no villages', async () => {
    const none = await create(who.entrepreneur!, null);
    expect([none.status, none.body.code]).toEqual([422, 'village_required']);
    const county = await create(who.entrepreneur!, t.places.county);
    expect([county.status, county.body.code]).toEqual([422, 'village_invalid']);
    const missing = await create(who.entrepreneur!, 987_654);
    expect([missing.status, missing.body.code]).toEqual([422, 'village_invalid']);
    const ok = await create(who.entrepreneur!, t.fp.otherCountyVillage.id);
    expect([ok.status, ok.body.ownerKind]).toEqual([201, 'entrepreneur']);
    expect((await t.call<MyEntries>('GET', '/api/v1/festival/mine', who.entrepreneur!)).body).toMatchObject({ villages: [], entries: [{ id: ok.body.id }] });
  });

  it('staff who are not dehyaris, and anonymous visitors, file nothing', async () => {
    for (const h of [who.judge!, who.reviewer!]) {
      expect((await create(h, t.fp.village.id)).status).toBe(403);
      expect((await t.call('GET', '/api/v1/festival/mine', h)).status).toBe(403);
    }
    expect((await create(null as unknown as Headers, t.fp.village.id)).status).toBe(401);
  });

  it('saves with the version it saw: a stale one is 409 and keeps the newer text', async () => {
    const res = await t.call<OwnerEntry>('PUT', `${mine}/${draft.id}`, who.dehyari!, { villageId: null, plan: samplePlan(round, { title: 'بازارچه محلی زنان', jobs: 20 }), version: draft.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, plan: { title: 'بازارچه محلی زنان', jobs: 20 } });
    // any dehyari of the village may edit it
    const other = await t.call<OwnerEntry>('PUT', `${mine}/${draft.id}`, who.dehyari2!, { villageId: null, plan: samplePlan(round, { title: 'بازارچه محلی زنان روستا' }), version: 2 });
    expect(other.status).toBe(200);
    const stale = await t.call('PUT', `${mine}/${draft.id}`, who.dehyari!, { villageId: null, plan: samplePlan(round, { title: 'کهنه' }), version: 2 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    expect((await entryRow(t.db, draft.id)).title).toBe('بازارچه محلی زنان روستا');
    draft = other.body;
  });

  it('others\' entries do not exist: another owner, a dehyari of another village → 404', async () => {
    for (const h of [who.entrepreneur!, who.otherDehyari!, who.citizen2!]) {
      expect((await t.call('GET', `${mine}/${draft.id}`, h)).status).toBe(404);
      expect((await t.call('PUT', `${mine}/${draft.id}`, h, { villageId: null, plan: samplePlan(round), version: draft.version })).status).toBe(404);
      expect((await t.call('POST', `${mine}/${draft.id}/submit`, h, { version: draft.version })).status).toBe(404);
      expect((await t.call('DELETE', `${mine}/${draft.id}`, h)).status).toBe(404);
    }
    expect((await entryRow(t.db, draft.id)).version).toBe(draft.version);
  });

  it('answers wrong types, huge input and unknown ids with 4xx, never 500', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['jobs', { roundId: round.id, villageId: null, plan: { ...samplePlan(round), jobs: 'بسیار' } }],
      ['title', { roundId: round.id, villageId: null, plan: { ...samplePlan(round), title: 'ط'.repeat(100_000) } }],
      ['cost', { roundId: round.id, villageId: null, plan: { ...samplePlan(round), cost: -5 } }],
      ['phone', { roundId: round.id, villageId: null, plan: { ...samplePlan(round), contactPhone: '12' } }],
      ['photos', { roundId: round.id, villageId: null, plan: { ...samplePlan(round), photos: ['not-a-uuid'] } }],
      ['round', { roundId: 'یک', villageId: null, plan: samplePlan(round) }],
      ['axis', { roundId: round.id, villageId: null, plan: { ...samplePlan(round), axis: 'DROP TABLE' } }],
      ['plan', { roundId: round.id, villageId: null, plan: 'x' }],
    ];
    for (const [name, body] of cases) {
      const res = await t.call('POST', mine, who.dehyari!, body);
      expect([name, res.status]).toEqual([name, 400]);
    }
    const unknownRound = await t.call('POST', mine, who.dehyari!, { roundId: 987_654, villageId: null, plan: samplePlan(round) });
    expect(unknownRound.status).toBe(404);
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'x'.repeat(64)]) {
      expect((await t.call('GET', `${mine}/${id}`, who.dehyari!)).status).toBe(404);
      expect((await t.call('POST', `${mine}/${id}/submit`, who.dehyari!, { version: 1 })).status).toBe(404);
    }
    expect((await t.call('GET', `${mine}/${'x'.repeat(65)}`, who.dehyari!)).status).toBe(400);
    expect((await t.call('POST', `${mine}/${draft.id}/submit`, who.dehyari!, { version: 'یک' })).status).toBe(400);
  });

  it('attached files must be the owner\'s own uploads and documents the round\'s', async () => {
    const own = await t.upload(who.dehyari!);
    const others = await t.upload(who.entrepreneur!);
    const put = (plan: object, version: number) => t.call<OwnerEntry & { code?: string; title?: string }>('PUT', `${mine}/${draft.id}`, who.dehyari!, { villageId: null, plan, version });
    const foreign = await put(samplePlan(round, { photos: [others] }), draft.version);
    expect([foreign.status, foreign.body.code]).toEqual([422, 'document_invalid']);
    expect(foreign.body.title).toMatch(/[\u0600-\u06FF]/);
    const unknown = await put(samplePlan(round, { photos: ['00000000-0000-4000-8000-000000000000'] }), draft.version);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'document_invalid']);
    const key = await put(samplePlan(round, { documents: { council: [own] } }), draft.version);
    expect([key.status, key.body.code]).toEqual([422, 'document_unknown']);
    const ok = await put(samplePlan(round, { photos: [own] }), draft.version);
    expect([ok.status, ok.body.plan.photos]).toEqual([200, [own]]);
    // a file already on the entry stays, whoever of the village saves it next
    const kept = await t.call<OwnerEntry>('PUT', `${mine}/${draft.id}`, who.dehyari2!, { villageId: null, plan: samplePlan(round, { photos: [own] }), version: ok.body.version });
    expect(kept.status).toBe(200);
    draft = kept.body;
  });
});

describe('submitting, resubmitting, withdrawing', () => {
  it('an incomplete plan is 422 entry_incomplete listing what is missing', async () => {
    const e = (await create(who.entrepreneur!, t.fp.otherCountyVillage.id, samplePlan(round, { summary: '', lessons: '', jobs: null, category: '' }))).body;
    expect(e.completeness.ready).toBe(false);
    const res = await t.call('POST', `${mine}/${e.id}/submit`, who.entrepreneur!, { version: e.version });
    expect([res.status, res.body.code]).toEqual([422, 'entry_incomplete']);
    expect(res.body.missing).toEqual(['زیرمحور', 'خلاصه طرح', 'اشتغال ایجادشده', 'درس‌آموخته‌ها']);
    expect(res.body.errors).toHaveLength(4);
    expect((await entryRow(t.db, e.id)).state).toBe('draft');
    expect((await t.call('DELETE', `${mine}/${e.id}`, who.entrepreneur!)).status).toBe(204);
    expect((await t.call('GET', `${mine}/${e.id}`, who.entrepreneur!)).status).toBe(404);
  });

  it('a complete plan is submitted: the case opens at the village, a tracking code, an SMS; then it is no longer editable', async () => {
    const e = (await create(who.entrepreneur!, t.fp.otherCountyVillage.id)).body;
    const stale = await t.call('POST', `${mine}/${e.id}/submit`, who.entrepreneur!, { version: e.version + 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    const res = await t.call<OwnerEntry>('POST', `${mine}/${e.id}/submit`, who.entrepreneur!, { version: e.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'province_screening', stateTitle: 'بررسی دبیرخانه استان', can: { edit: false, submit: false, withdraw: true, delete: false } });
    expect(isValidTrackingCode(res.body.trackingCode!)).toBe(true);
    expect(res.body.history.map((h) => [h.action, h.actor])).toEqual([['open', 'شما']]);
    const row = await entryRow(t.db, e.id);
    const [c] = await t.db.select().from(wfCases).where(eq(wfCases.id, row.caseId!));
    expect(c).toMatchObject({ definition: 'festival.entry', state: 'province_screening', divisionId: t.fp.otherCountyVillage.id });
    expect(await t.lastSms(ENTREPRENEUR)).toContain(toPersianDigits(res.body.trackingCode!.slice(0, 4)));
    const again = await t.call('POST', `${mine}/${e.id}/submit`, who.entrepreneur!, { version: res.body.version });
    expect([again.status, again.body.code]).toEqual([409, 'not_editable']);
    const save = await t.call('PUT', `${mine}/${e.id}`, who.entrepreneur!, { villageId: null, plan: samplePlan(round), version: res.body.version });
    expect([save.status, save.body.code]).toEqual([409, 'not_editable']);
    expect((await t.call('DELETE', `${mine}/${e.id}`, who.entrepreneur!)).body.code).toBe('not_editable');
    // the generic case API refuses festival cases: only the festival's routes move them (and mirror the state)
    const generic = await t.call('POST', `/api/v1/cases/${row.caseId}/transitions`, who.reviewer!, { action: 'province_accept', expectedVersion: c!.version });
    expect([generic.status, generic.body.code]).toEqual([409, 'use_service_route']);
  });

  it('a returned entry is corrected and resubmitted by any dehyari of the village, back to whoever returned it', async () => {
    const e = await makeEntry(t.db, { round, owner: t.actors.dehyari, to: 'returned' });
    const view = (await t.call<OwnerEntry>('GET', `${mine}/${e.id}`, who.dehyari2!)).body;
    expect(view).toMatchObject({ state: 'returned', reviewerComment: 'مدارک طرح ناقص است؛ لطفاً اصلاح کنید.', can: { edit: true, resubmit: true, submit: false } });
    // staff owners see the screener's name
    expect(view.history.at(-1)).toMatchObject({ action: 'province_return', actor: 'کارشناس استانداری', comment: 'مدارک طرح ناقص است؛ لطفاً اصلاح کنید.' });
    const saved = await t.call<OwnerEntry>('PUT', `${mine}/${e.id}`, who.dehyari2!, { villageId: null, plan: samplePlan(round, { summary: 'خلاصه اصلاح‌شده با مدارک کامل' }), version: view.version });
    expect(saved.status).toBe(200);
    const moved = await t.call('PUT', `${mine}/${e.id}`, who.dehyari2!, { villageId: t.fp.otherCountyVillage.id, plan: samplePlan(round), version: saved.body.version });
    expect([moved.status, moved.body.code]).toEqual([422, 'village_locked']);
    const res = await t.call<OwnerEntry>('POST', `${mine}/${e.id}/resubmit`, who.dehyari2!, { version: saved.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('province_screening');
    const [c] = await t.db.select().from(wfCases).where(eq(wfCases.id, e.caseId!));
    expect(c!.assigneeId).toBe(t.actors['province.reviewer'].id);
    expect(res.body.history.at(-1)).toMatchObject({ action: 'resubmit_village' });
    const twice = await t.call('POST', `${mine}/${e.id}/resubmit`, who.dehyari2!, { version: res.body.version });
    expect([twice.status, twice.body.code]).toEqual([409, 'not_returned']);
  });

  it('a citizen sees the screeners by their role title, never their names', async () => {
    const me = (await t.call<MyEntries>('GET', '/api/v1/festival/mine', who.citizen2!)).body;
    expect(me.entries).toEqual([]);
    const e = await makeEntry(t.db, { round, owner: await entrepreneur(t.db, '09127770013'), villageId: t.fp.village.id, to: 'returned' });
    const c2 = await t.citizen('09127770013');
    const view = (await t.call<OwnerEntry>('GET', `${mine}/${e.id}`, c2.headers)).body;
    expect(view.history.map((h) => h.actor)).toEqual(['شما', 'کارشناس استانداری']);
    const res = await t.call<OwnerEntry>('POST', `${mine}/${e.id}/resubmit`, c2.headers, { version: view.version });
    expect([res.status, res.body.history.at(-1)!.action]).toEqual([200, 'resubmit']);
  });

  it('withdraws until judging; a withdrawn entry leaves the limit', async () => {
    const e = await makeEntry(t.db, { round, owner: t.actors.dehyari, to: 'eligible' });
    const stale = await t.call('POST', `${mine}/${e.id}/withdraw`, who.dehyari!, { version: e.version - 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    const res = await t.call<OwnerEntry>('POST', `${mine}/${e.id}/withdraw`, who.dehyari!, { version: e.version });
    expect([res.status, res.body.state, res.body.can.withdraw]).toEqual([200, 'withdrawn', false]);
    const draftWithdraw = await t.call('POST', `${mine}/${(await create(who.citizen2!, t.fp.village.id)).body.id}/withdraw`, who.citizen2!, { version: 1 });
    expect([draftWithdraw.status, draftWithdraw.body.code]).toEqual([409, 'cannot_withdraw']);
  });

  it(`limits live entries to ${MAX_ENTRIES_PER_OWNER} per owner (per village for dehyaris, per person for entrepreneurs)`, async () => {
    // the demo village has a draft, a resubmitted one and a withdrawn one: one more fits
    expect((await create(who.dehyari2!, null)).status).toBe(201);
    const over = await create(who.dehyari!, null);
    expect([over.status, over.body.code]).toEqual([409, 'entry_limit']);
    // the entrepreneur has a draft and a submitted one (the deleted draft is gone); citizen2's entries are his own
    expect((await create(who.entrepreneur!, t.fp.village.id)).status).toBe(201);
    const third = await create(who.entrepreneur!, t.fp.village.id);
    expect([third.status, third.body.code]).toEqual([409, 'entry_limit']);
    expect((await create(who.citizen2!, t.fp.village.id)).status).toBe(201);
  });
});

describe('after the deadline', () => {
  it('creating, saving, submitting and resubmitting are 409 deadline_passed, saying when it closed (Jalali)', async () => {
    const draft = (await t.call<MyEntries>('GET', '/api/v1/festival/mine', who.entrepreneur!)).body.entries.find((e) => e.state === 'draft')!;
    const late = await entrepreneur(t.db, '09127770014');
    const ret = await makeEntry(t.db, { round, owner: late, villageId: t.fp.village.id, to: 'returned' });
    const lateHeaders = (await t.citizen('09127770014')).headers;
    const closed = await pastDeadline(t.db, round.id, 2);
    const checks = [
      await create(who.entrepreneur!, t.fp.village.id),
      await t.call('PUT', `${mine}/${draft.id}`, who.entrepreneur!, { villageId: null, plan: samplePlan(round), version: draft.version }),
      await t.call('POST', `${mine}/${draft.id}/submit`, who.entrepreneur!, { version: draft.version }),
    ];
    for (const res of checks) {
      expect([res.status, res.body.code]).toEqual([409, 'deadline_passed']);
      expect(res.body.title).toMatch(/[۰-۹]{4}/);
      expect(res.body.title).not.toMatch(/[0-9]/);
    }
    const resubmit = await t.call('POST', `${mine}/${ret.id}/resubmit`, lateHeaders, { version: ret.version });
    expect([resubmit.status, resubmit.body.code]).toEqual([409, 'deadline_passed']);
    expect((await entryRow(t.db, ret.id)).state).toBe('returned');
    expect((await t.call<MyEntries>('GET', '/api/v1/festival/mine', who.entrepreneur!)).body.round).toBeNull();
    expect(closed.closesAt.getTime()).toBeLessThan(Date.now());
    // the draft can still be deleted
    expect((await t.call('DELETE', `${mine}/${draft.id}`, who.entrepreneur!)).status).toBe(204);
  });
});
