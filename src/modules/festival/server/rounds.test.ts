// Festival rounds over HTTP on the real database: the national secretariat creates (one round a year), edits
// (everything in draft; title, deadline and rubric once open; nothing once judging), opens (one open round at a
// time); the public sees the current round; bad input is a 4xx, never a 500; every change is audited.
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../core/audit/schema.js';
import { DEMO_PASSWORD } from '../../../core/auth/demo.js';
import { createStaff } from '../../../test/factories.js';
import type { RoundPublic, RoundView } from '../api-types.js';
import { festRounds } from './schema.js';
import { createFestivalApp, jalaliInDays, makeEntry, roundBody, tehranDayStart, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
const who: Record<string, Headers> = {};
const url = '/api/v1/festival/rounds';

beforeAll(async () => {
  t = await createFestivalApp();
  who.expert = await t.staff('expert.rural');
  who.admin = await t.staff('admin');
  who.reviewer = await t.staff('province.reviewer');
  who.dehyari = await t.staff('dehyari');
  await createStaff(t.db, [['expert.rural', t.fp.province]], { username: 'fr_province_expert', password: DEMO_PASSWORD });
  who.provinceExpert = await t.staff('fr_province_expert');
  who.citizen = (await t.citizen('09127770001')).headers;
});
afterAll(async () => t?.close());

describe('creating a round', () => {
  it('has no current round before any is opened', async () => {
    const res = await t.call('GET', `${url}/current`, null);
    expect([res.status, res.body.code]).toEqual([404, 'no_round']);
  });

  it('the national secretariat creates a draft; the window is stored as days and Tehran instants', async () => {
    const res = await t.call<RoundView>('POST', url, who.expert!, roundBody({ year: 1404 }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ year: 1404, state: 'draft', phase: 'draft', editable: 'all', version: 1, opensOn: jalaliInDays(-10), deadline: jalaliInDays(10), counts: {}, judgeCount: 0 });
    expect(res.body.can).toEqual({ edit: true, open: true, startJudging: false, announce: false, manageJudges: true });
    expect(res.body.opensAt).toBe(tehranDayStart(-10).toISOString());
    // the deadline day is included: submissions close at the Tehran midnight that ends it
    expect(res.body.closesAt).toBe(tehranDayStart(11).toISOString());
    expect(res.body.axes.map((a) => a.key)).toEqual(['income', 'construction']);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'festival.round.create'), eq(auditLog.entityId, String(res.body.id))));
    expect(audit?.data).toMatchObject({ year: 1404 });
  });

  it('refuses a second round of the same year with 409 year_taken', async () => {
    const res = await t.call('POST', url, who.expert!, roundBody({ year: 1404, title: 'دوره تکراری' }));
    expect([res.status, res.body.code]).toEqual([409, 'year_taken']);
  });

  it('is the national secretariat\'s (and the admin\'s) only', async () => {
    expect((await t.call('POST', url, who.reviewer!, roundBody())).status).toBe(403);
    expect((await t.call('POST', url, who.dehyari!, roundBody())).status).toBe(403);
    expect((await t.call('POST', url, who.citizen!, roundBody())).status).toBe(403);
    expect((await t.call('POST', url, null, roundBody())).status).toBe(401);
    const provincial = await t.call('POST', url, who.provinceExpert!, roundBody());
    expect([provincial.status, provincial.body.code]).toEqual([403, 'forbidden']);
    expect((await t.call('POST', url, who.admin!, roundBody({ year: 1499 }))).status).toBe(201);
  });

  it('answers bad input with 400, never 500', async () => {
    const bad: Record<string, unknown>[] = [
      { ...roundBody(), year: 'هزار' },
      { ...roundBody(), year: 1300 },
      { ...roundBody(), title: 'ب'.repeat(50_000) },
      { ...roundBody(), opensOn: '1405/13/40' },
      { ...roundBody(), deadline: jalaliInDays(-20) },
      { ...roundBody(), axes: [] },
      { ...roundBody(), axes: [{ key: 'x', title: 'محور', categories: [], rubric: [{ key: 'a', title: 'معیار', weight: 60, max: 10 }] }] },
      { ...roundBody(), judgesPerEntry: 2 },
      { ...roundBody(), requiredParts: ['everything'] },
      { nonsense: true },
    ];
    for (const body of bad) {
      const res = await t.call('POST', url, who.expert!, body);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    for (const id of ['abc', '0', '99999999999', '1.5']) expect((await t.call('GET', `${url}/${id}`, who.expert!)).status).toBe(400);
    expect((await t.call('GET', `${url}/987654`, who.expert!)).status).toBe(404);
    expect((await t.call('PUT', `${url}/987654`, who.expert!, { ...roundBody(), version: 1 })).status).toBe(404);
    expect((await t.call('POST', `${url}/987654/open`, who.expert!, { version: 1 })).status).toBe(404);
  });
});

describe('changing and opening a round', () => {
  let round: RoundView;

  it('changes everything while a draft, with the version (409 on a stale one)', async () => {
    round = (await t.call<RoundView>('POST', url, who.expert!, roundBody({ year: 1405 }))).body;
    const next = roundBody({ year: 1406, title: 'جشنواره دوم', opensOn: jalaliInDays(-5), deadline: jalaliInDays(20), requiredParts: ['photos'], judgesPerEntry: 4 });
    const res = await t.call<RoundView>('PUT', `${url}/${round.id}`, who.expert!, { ...next, version: round.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ year: 1406, title: 'جشنواره دوم', version: 2, deadline: jalaliInDays(20), requiredParts: ['photos'], judgesPerEntry: 4 });
    const stale = await t.call('PUT', `${url}/${round.id}`, who.expert!, { ...next, title: 'دیگر', version: round.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    const taken = await t.call('PUT', `${url}/${round.id}`, who.expert!, { ...next, year: 1404, version: 2 });
    expect([taken.status, taken.body.code]).toEqual([409, 'year_taken']);
    round = res.body;
  });

  it('opens it (draft → open, accepting now); a second open round is refused', async () => {
    const res = await t.call<RoundView>('POST', `${url}/${round.id}/open`, who.expert!, { version: round.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'open', phase: 'accepting', editable: 'deadline_rubric', version: round.version + 1 });
    expect(res.body.can).toMatchObject({ open: false, edit: true, startJudging: false });
    round = res.body;
    const again = await t.call('POST', `${url}/${round.id}/open`, who.expert!, { version: round.version });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);
    const draft = (await t.call<RoundView>('POST', url, who.expert!, roundBody({ year: 1407 }))).body;
    const second = await t.call('POST', `${url}/${draft.id}/open`, who.expert!, { version: draft.version });
    expect([second.status, second.body.code]).toEqual([409, 'round_open_exists']);
    expect((await t.call<RoundView>('GET', `${url}/${draft.id}`, who.expert!)).body.state).toBe('draft');
    expect((await t.call('POST', `${url}/${draft.id}/open`, who.reviewer!, { version: draft.version })).status).toBe(403);
  });

  it('the public sees the open round as current, with the server\'s clock; a draft has no public page', async () => {
    const cur = await t.call<RoundPublic>('GET', `${url}/current`, null);
    expect(cur.status).toBe(200);
    expect(cur.body).toMatchObject({ id: round.id, phase: 'accepting', selectedCount: null });
    expect(Math.abs(new Date(cur.body.serverNow).getTime() - Date.now())).toBeLessThan(60_000);
    expect(cur.body).not.toHaveProperty('counts');
    expect((await t.call('GET', `${url}/${round.id}/public`, null)).status).toBe(200);
    const [draft] = await t.db.select().from(festRounds).where(eq(festRounds.year, 1407));
    expect((await t.call('GET', `${url}/${draft!.id}/public`, null)).status).toBe(404);
    expect((await t.call('GET', url, null)).status).toBe(401);
  });

  it('once open, only the title, the deadline and the rubric change; the rest is 409 round_locked with the fields', async () => {
    const body = (over: Record<string, unknown>) => ({ ...roundBody({ year: 1406, title: round.title, opensOn: round.opensOn, deadline: round.deadline, requiredParts: ['photos'], judgesPerEntry: 4 }), ...over, version: round.version });
    const rubric = round.axes.map((a, i) => (i === 0 ? { ...a, rubric: [{ key: 'impact', title: 'اثر', weight: 60, max: 10 }, { key: 'innovation', title: 'نوآوری', weight: 40, max: 5 }] } : a));
    const ok = await t.call<RoundView>('PUT', `${url}/${round.id}`, who.expert!, body({ title: 'جشنواره دوم (ویرایش)', deadline: jalaliInDays(30), axes: rubric }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ title: 'جشنواره دوم (ویرایش)', deadline: jalaliInDays(30), closesAt: tehranDayStart(31).toISOString() });
    expect(ok.body.axes[0]!.rubric.map((c) => c.key)).toEqual(['impact', 'innovation']);
    round = ok.body;
    const locked = await t.call('PUT', `${url}/${round.id}`, who.expert!, body({ axes: round.axes, opensOn: jalaliInDays(-3), requiredParts: [], judgesPerEntry: 5 }));
    expect([locked.status, locked.body.code]).toEqual([409, 'round_locked']);
    expect(locked.body.fields).toEqual(['opensOn', 'requiredParts', 'judgesPerEntry']);
    const renamed = round.axes.map((a, i) => (i === 1 ? { ...a, categories: [] } : a));
    const axes = await t.call('PUT', `${url}/${round.id}`, who.expert!, body({ axes: renamed }));
    expect([axes.status, axes.body.fields]).toEqual([409, ['axes']]);
    const past = await t.call('PUT', `${url}/${round.id}`, who.expert!, body({ axes: round.axes, opensOn: jalaliInDays(-5), deadline: jalaliInDays(-1) }));
    expect([past.status, past.body.code]).toEqual([422, 'deadline_in_past']);
    expect((await t.call<RoundView>('GET', `${url}/${round.id}`, who.reviewer!)).body.version).toBe(round.version);
  });

  it('shows the entries by state, and once judging starts nothing changes', async () => {
    const [row] = await t.db.select().from(festRounds).where(eq(festRounds.id, round.id));
    await makeEntry(t.db, { round: row!, owner: t.actors.dehyari, plan: { photos: [] }, to: 'draft' });
    const view = await t.call<RoundView>('GET', `${url}/${round.id}`, who.expert!);
    expect(view.body.counts).toEqual({ draft: 1 });
    await t.db.update(festRounds).set({ state: 'judging', judgingStartedAt: new Date() }).where(eq(festRounds.id, round.id));
    const judging = (await t.call<RoundView>('GET', `${url}/${round.id}`, who.expert!)).body;
    expect(judging).toMatchObject({ phase: 'judging', editable: 'none', can: { edit: false, announce: true } });
    const res = await t.call('PUT', `${url}/${round.id}`, who.expert!, {
      ...roundBody({ year: 1406, title: 'عنوان تازه', opensOn: round.opensOn, deadline: round.deadline, requiredParts: ['photos'], judgesPerEntry: 4 }), axes: round.axes, version: judging.version,
    });
    expect([res.status, res.body.code, res.body.fields]).toEqual([409, 'round_locked', ['title']]);
    const list = await t.call<{ items: RoundView[] }>('GET', url, who.reviewer!);
    expect(list.body.items.map((r) => r.year)).toEqual([1499, 1407, 1406, 1404]);
    expect(list.body.items.find((r) => r.year === 1406)!.can.edit).toBe(false);
  });

  it('audits every change', async () => {
    const events = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(like(auditLog.action, 'festival.round.%'), eq(auditLog.entityId, String(round.id)))).orderBy(asc(auditLog.seq));
    expect(events.map((e) => e.action)).toEqual(['festival.round.create', 'festival.round.update', 'festival.round.open', 'festival.round.update']);
  });
});
