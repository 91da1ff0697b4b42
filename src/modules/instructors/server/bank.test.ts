// The bank search, its exports and the staff profile view over HTTP on the real database: scope (a province sees its
// residents, those who teach there in person and online teachers), every filter, the Bayesian rating (few ratings do
// not outrank many), sorting and paging — and the adversary's side (no session, no permission, wrong types).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, type Headers } from '../../../test/citizen.js';
import { createTree } from '../../../test/factories.js';
import type { BankItem, StaffProfileView } from '../api-types.js';
import { ensureInstructorDefaults } from './defaults.js';
import { instProfiles } from './schema.js';
import { caller, courseBody, signInStaff } from './test-courses.js';
import { insertInstructor, type InsertedInstructor } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let tree: Awaited<ReturnType<typeof createTree>>;
const call = caller(() => t.app);
const who: Record<string, Headers> = {};
const ins: Record<string, InsertedInstructor> = {};
const DAY = 86_400_000;
const UP = 'urban_planning';
const URL = '/api/v1/instructors/bank';

async function search(as: Headers, query = ''): Promise<{ items: BankItem[]; total: number }> {
  const res = await call<{ items: BankItem[]; total: number }>('GET', `${URL}${query ? `?${query}` : ''}`, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const names = async (as: Headers, query = '') => (await search(as, query)).items.map((i) => i.name);

async function setProfile(p: InsertedInstructor, set: Partial<typeof instProfiles.$inferInsert>) {
  await t.db.update(instProfiles).set(set).where(eq(instProfiles.id, p.profileId));
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  tree = await createTree(t.db);
  Object.assign(who, await signInStaff(t, 'b', {
    unit: ['training.unit', tree.province], national: ['training.unit', null], committee: ['training.committee', null],
    expert: ['expert.training', tree.otherProvince], municipal: ['expert.municipal', tree.province],
  }));
  who.citizen = (await citizenHelpers(t.app, t.db).citizenLogin('09121110001')).headers;
  ins.ali = await insertInstructor(t.db, { province: tree.province, fields: [UP, 'fire_safety'], qualified: {}, name: ['علی', 'رضایی'] });
  ins.bita = await insertInstructor(t.db, { province: tree.otherProvince, fields: [UP], qualified: {}, availability: { provinceIds: [tree.province.id] }, name: ['بیتا', 'کرمانی'] });
  ins.cyrus = await insertInstructor(t.db, { province: tree.otherProvince, fields: [UP], qualified: {}, availability: { inPerson: false, online: true }, name: ['کوروش', 'تهرانی'] });
  ins.dara = await insertInstructor(t.db, { province: tree.otherProvince, fields: [UP], qualified: {}, name: ['دارا', 'یزدی'] });
  ins.elham = await insertInstructor(t.db, { province: tree.province, fields: [UP], qualified: { until: new Date(Date.now() - 5 * DAY) }, name: ['الهام', 'منقضی'] });
  ins.farid = await insertInstructor(t.db, { province: tree.province, fields: [UP], name: ['فرید', 'پیش‌نویس'] });
  // Scores and ratings set directly: A 20 ratings at 4.5, B one 5, C three at 2 → prior mean 101/24, weight 3 (the median).
  await setProfile(ins.ali!, { scores: { [UP]: 80, fire_safety: 65 }, bestScore: 80, ratingSum: 90, ratingCount: 20 });
  await setProfile(ins.bita!, { scores: { [UP]: 70 }, bestScore: 70, ratingSum: 5, ratingCount: 1 });
  await setProfile(ins.cyrus!, { scores: { [UP]: 90 }, bestScore: 90, ratingSum: 6, ratingCount: 3 });
  await setProfile(ins.dara!, { scores: { [UP]: 60 }, bestScore: 60 });
});
afterAll(async () => t?.close());

describe('GET /api/v1/instructors/bank', () => {
  it('scope: a province unit sees its residents, who teach there in person and online teachers; national sees all', async () => {
    expect((await names(who.unit!)).sort()).toEqual(['بیتا کرمانی', 'علی رضایی', 'کوروش تهرانی'].sort());
    expect(await names(who.national!)).toHaveLength(4);
    expect(await names(who.committee!)).toHaveLength(4);
    // an expert of the other province: its residents and the online teacher; not Ali, who teaches only at home
    expect((await names(who.expert!)).sort()).toEqual(['بیتا کرمانی', 'دارا یزدی', 'کوروش تهرانی'].sort());
  });

  it('status: qualified (valid today) by default; expired, draft and all on request', async () => {
    expect(await names(who.unit!, 'status=expired')).toEqual(['الهام منقضی']);
    const draft = (await search(who.unit!, 'status=draft')).items;
    expect(draft.map((i) => [i.name, i.statusTitle, i.trainingId, i.score])).toEqual([['فرید پیش‌نویس', 'پیش‌نویس', null, null]]);
    expect(await names(who.unit!, 'status=all')).toHaveLength(5);
    const ali = (await search(who.unit!, 'q=رضایی')).items[0]!;
    expect(ali).toMatchObject({ status: 'qualified', province: 'استان آزمایشی', availability: { inPerson: true, online: false, provinceNames: [] } });
    expect(ali.qualifiedUntil).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
  });

  it('field, province, mode and minimum score filters; the score is the one in the searched field', async () => {
    const fire = (await search(who.unit!, 'field=fire_safety')).items;
    expect(fire.map((i) => [i.name, i.score])).toEqual([['علی رضایی', 65]]);
    expect((await names(who.unit!, `provinceId=${tree.province.id}`)).sort()).toEqual(['بیتا کرمانی', 'علی رضایی'].sort());
    expect(await names(who.unit!, 'mode=online')).toEqual(['کوروش تهرانی']);
    expect(await names(who.unit!, `field=${UP}&minScore=75`)).toEqual(['کوروش تهرانی', 'علی رضایی']);
    const bita = (await search(who.unit!, 'q=بیتا')).items[0]!;
    expect(bita.availability.provinceNames).toEqual(['استان آزمایشی']);
  });

  it('Bayesian rating: 20 ratings at 4.5 outrank one 5; minRating needs a rating of his own', async () => {
    const byRating = await names(who.national!, 'sort=rating');
    expect(byRating.indexOf('علی رضایی')).toBeLessThan(byRating.indexOf('بیتا کرمانی'));
    expect(byRating.indexOf('بیتا کرمانی')).toBeLessThan(byRating.indexOf('دارا یزدی')); // unrated: the prior's mean
    expect(byRating.at(-1)).toBe('کوروش تهرانی');
    const ali = (await search(who.unit!, 'q=علی')).items[0]!;
    const prior = { mean: 101 / 24, weight: 3 };
    expect(ali.rating.average).toBeCloseTo((prior.weight * prior.mean + 90) / (prior.weight + 20), 2);
    expect(ali.rating.count).toBe(20);
    expect(await names(who.national!, 'minRating=4.45')).toEqual(['علی رضایی']);
    expect((await names(who.national!, 'minRating=4')).sort()).toEqual(['بیتا کرمانی', 'علی رضایی'].sort());
    expect((await search(who.national!, 'q=دارا')).items[0]!.rating).toEqual({ average: null, count: 0 });
  });

  it('q: the name with Arabic letters or half-spaces, or the training ID as typed (Persian digits, no dashes)', async () => {
    expect(await names(who.unit!, `q=${encodeURIComponent('علي رضايي')}`)).toEqual(['علی رضایی']);
    const id = ins.ali!.trainingId!;
    const typed = id.replaceAll('-', '').replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(await names(who.unit!, `q=${encodeURIComponent(typed)}`)).toEqual(['علی رضایی']);
    const typo = `${id.slice(0, -1)}${(Number(id.at(-1)) + 1) % 10}`;
    expect(await names(who.unit!, `q=${typo}`)).toEqual([]);
    expect(await names(who.unit!, `q=${encodeURIComponent('%_\\')}`)).toEqual([]);
  });

  it('sort by name and paging with a stable total', async () => {
    const all = await names(who.national!, 'sort=name');
    expect(all).toEqual([...all].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!, 'fa')));
    const page2 = await search(who.national!, 'sort=name&pageSize=1&page=2');
    expect([page2.total, page2.items.map((i) => i.name)]).toEqual([4, [all[1]]]);
    expect((await search(who.national!, 'sort=name&pageSize=2&page=3')).items).toEqual([]);
  });

  it('401 without a session, 403 for a citizen or staff without the bank; 400 (never 500) on wrong types and huge input', async () => {
    expect((await call('GET', URL, null)).status).toBe(401);
    expect((await call('GET', URL, who.citizen!)).status).toBe(403);
    expect((await call('GET', URL, who.municipal!)).status).toBe(403);
    for (const q of ['minScore=abc', 'minScore=101', 'minRating=9', 'pageSize=1000', 'page=-1', 'status=bogus', 'sort=x', 'mode=boat', 'provinceId=-1', 'field=DROP%20TABLE', `q=${'ا'.repeat(500)}`, 'provinceId=99999999999']) {
      expect((await call('GET', `${URL}?${q}`, who.unit!)).status, q).toBe(400);
    }
  });
});

describe('bank exports', () => {
  it('CSV with Persian headers and the rows in scope; XLSX; audited; 403 without the bank', async () => {
    const csv = await call<string>('GET', `${URL}/export.csv?sort=name`, who.unit!);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.body).toContain('شناسه آموزشی');
    expect(csv.body).toContain('علی رضایی');
    expect(csv.body).not.toContain('دارا یزدی');
    expect(csv.body).toContain(ins.ali!.trainingId!);
    const xlsx = await t.app.inject({ method: 'GET', url: `${URL}/export.xlsx`, headers: who.national! });
    expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `${URL}/export.csv`, who.municipal!)).status).toBe(403);
    expect((await call('GET', `${URL}/export.csv?minScore=x`, who.unit!)).status).toBe(400);
  });
});

describe('GET /api/v1/instructors/profiles/:id', () => {
  it('200 in scope: the bank item, profile, mobile, applications, courses; 404 out of scope or unknown', async () => {
    const course = await call('POST', '/api/v1/instructors/courses', who.unit!, courseBody(tree.province.id, UP, { from: 10, to: 11 }));
    expect((await call('POST', `/api/v1/instructors/courses/${course.body.id}/assignments`, who.unit!, { profileId: ins.ali!.profileId })).status).toBe(200);
    const res = await call<StaffProfileView>('GET', `/api/v1/instructors/profiles/${ins.ali!.profileId}`, who.unit!);
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ name: 'علی رضایی', trainingId: ins.ali!.trainingId, courseCount: 1 });
    expect(res.body.mobile).toBe(ins.ali!.mobile);
    expect(res.body.profile.expertise).toEqual([UP, 'fire_safety']);
    expect(res.body.courses).toMatchObject([{ id: course.body.id, state: 'planned', ratingAverage: null, ratingCount: 0 }]);
    expect(res.body.applications).toEqual([]);
    expect(res.body.evaluations).toEqual([]);
    expect((await call('GET', `/api/v1/instructors/profiles/${ins.dara!.profileId}`, who.unit!)).status).toBe(404);
    expect((await call('GET', `/api/v1/instructors/profiles/${ins.dara!.profileId}`, who.committee!)).status).toBe(200);
    expect((await call('GET', '/api/v1/instructors/profiles/99999999', who.national!)).status).toBe(404);
    expect((await call('GET', '/api/v1/instructors/profiles/abc', who.national!)).status).toBe(400);
    expect((await call('GET', `/api/v1/instructors/profiles/${ins.ali!.profileId}`, null)).status).toBe(401);
    expect((await call('GET', `/api/v1/instructors/profiles/${ins.ali!.profileId}`, who.citizen!)).status).toBe(403);
  });
});
