// The public showcase over HTTP: only selected plans of announced rounds; paging without overlap; filters and sorts;
// facets; photos only of a selected plan; bad query parameters are 400, never 500; replication marks by dehyaris only,
// for their own villages, never their own plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/auth/demo.js';
import { createStaff } from '../../../test/factories.js';
import type { ShowcaseFacets, ShowcasePage, ShowcasePlan } from '../api-types.js';
import type { PlanRaw } from '../contract.js';
import { announceRound } from './results.js';
import { getRound, type RoundRow } from './common.js';
import type { EntryRow } from './entries.js';
import { judgeRound, makeJudges, scoreAll } from './test-judging.js';
import { createFestivalApp, createRound, entrepreneur, insertDocument, makeEntry, type FestivalTestApp, type Headers } from './test-factory.js';

let t: FestivalTestApp;
let round: RoundRow;
let plans: EntryRow[];
let loser: EntryRow;
let photo: string;
let loserPhoto: string;
let stray: string;
const who: Record<string, Headers> = {};

type Spec = { plan: Partial<PlanRaw>; village: 'village' | 'otherCountyVillage' | 'otherProvinceVillage' };
const SPECS: Spec[] = [
  { plan: { axis: 'income', category: 'agriculture', title: 'گلخانه‌های خانوادگی سبزی', jobs: 14 }, village: 'village' },
  { plan: { axis: 'income', category: 'tourism', title: 'اقامتگاه بوم‌گردی کوهستان', jobs: 30 }, village: 'otherProvinceVillage' },
  { plan: { axis: 'construction', category: 'infrastructure', title: 'آسفالت معابر با مشارکت مردم', jobs: 5 }, village: 'otherCountyVillage' },
  { plan: { axis: 'construction', category: 'environment', title: 'تفکیک پسماند از مبدأ', jobs: 22 }, village: 'otherProvinceVillage' },
  { plan: { axis: 'income', category: 'handicrafts', title: 'کارگاه قالی‌بافی زنان', jobs: 8 }, village: 'otherCountyVillage' },
  { plan: { axis: 'income', category: 'agriculture', title: 'پرورش زعفران در گلخانه', jobs: 40 }, village: 'village' },
];

beforeAll(async () => {
  t = await createFestivalApp();
  round = await createRound(t.db);
  const national = { province: t.actors['expert.rural'] };
  plans = [];
  for (const [i, s] of SPECS.entries()) {
    const owner = await entrepreneur(t.db);
    const photos = i === 0 ? [(photo = await insertDocument(t.db, owner.id, 'sabzi.png'))] : [];
    plans.push(await makeEntry(t.db, { round, owner, villageId: t.fp[s.village].id, to: 'eligible', screeners: national, plan: { ...s.plan, photos } }));
  }
  const loserOwner = await entrepreneur(t.db);
  loserPhoto = await insertDocument(t.db, loserOwner.id, 'loser.png');
  loser = await makeEntry(t.db, { round, owner: loserOwner, villageId: t.fp.village.id, to: 'eligible', plan: { title: 'گلخانه بزرگ بی‌نتیجه', jobs: 100, photos: [loserPhoto] } });
  stray = await insertDocument(t.db, loserOwner.id, 'stray.png');
  const judges = await makeJudges(t, [{ name: 'داور ۱' }, { name: 'داور ۲' }, { name: 'داور ۳' }]);
  await judgeRound(t, round, judges);
  const all = [...plans, loser];
  await scoreAll(t, round, all, judges, (e, j) => 3 + ((all.indexOf(e) + judges.indexOf(j)) % 7));
  const { version } = await getRound(t.db, round.id);
  await announceRound(t.db, t.actors['expert.rural'], round.id, { winners: plans.map((p) => p.id), version });
  who.dehyari = await t.staff('dehyari');
  await createStaff(t.db, [['dehyari', t.fp.village], ['dehyari', t.fp.otherCountyVillage]], { username: 'sc_two_villages', password: DEMO_PASSWORD });
  who.twoVillages = await t.staff('sc_two_villages');
  who.reviewer = await t.staff('province.reviewer');
});
afterAll(async () => t?.close());

const page = async (qs = '') => {
  const r = await t.call<ShowcasePage>('GET', `/api/v1/showcase${qs}`, null);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const ids = (p: ShowcasePage) => p.items.map((i) => i.id);
const idx = (...n: number[]) => n.map((i) => plans[i]!.id);

describe('the catalogue', () => {
  it('only selected plans of announced rounds; pages without overlap', async () => {
    const all = await page('?pageSize=50');
    expect(all.total).toBe(6);
    expect(ids(all).sort()).toEqual(plans.map((p) => p.id).sort());
    const [p1, p2, p3] = [await page('?pageSize=4'), await page('?pageSize=4&page=2'), await page('?pageSize=4&page=3')];
    expect([p1.items.length, p2.items.length, p3.items.length, p1.total, p2.page]).toEqual([4, 2, 0, 6, 2]);
    expect(new Set([...ids(p1), ...ids(p2)]).size).toBe(6);
    expect(ids(all)).toEqual([...ids(p1), ...ids(p2)]);
    expect(ids(await page('?q=گلخانه')).sort()).toEqual(idx(0, 5).sort()); // not the loser's greenhouse
    expect((await t.call('GET', `/api/v1/showcase/${loser.id}`, null)).status).toBe(404);
    const card = all.items.find((i) => i.id === plans[0]!.id)!;
    expect(card).toMatchObject({ axis: 'income', category: 'agriculture', categoryTitle: 'کشاورزی، دامپروری و شیلات', year: round.year, jobs: 14, ownerKind: 'entrepreneur', replications: 0 });
    expect(card.award).toBeTruthy();
  });

  it('filters: axis, category, province, year, minimum jobs; relevance puts title hits first', async () => {
    expect(ids(await page('?axis=construction')).sort()).toEqual(idx(2, 3).sort());
    expect(ids(await page('?axis=income&category=agriculture')).sort()).toEqual(idx(0, 5).sort());
    expect(ids(await page(`?provinceId=${t.fp.otherProvince.id}`)).sort()).toEqual(idx(1, 3).sort());
    expect((await page(`?year=${round.year}`)).total).toBe(6);
    expect((await page(`?year=${round.year + 1}`)).total).toBe(0);
    expect(ids(await page('?minJobs=22')).sort()).toEqual(idx(1, 3, 5).sort());
    expect(ids(await page('?minJobs=22&axis=income&provinceId=' + t.fp.province.id))).toEqual(idx(5));
    // every word must match: 'گلخانه' is in plans 0 and 5, 'زعفران' only in plan 5
    expect(ids(await page('?q=' + encodeURIComponent('زعفران گلخانه')))).toEqual(idx(5));
  });

  it('sorts: jobs, replications', async () => {
    expect(ids(await page('?sort=jobs&pageSize=50'))).toEqual(idx(5, 1, 3, 0, 4, 2));
    const r = await t.call<ShowcasePlan>('POST', `/api/v1/showcase/${plans[3]!.id}/replicate`, who.dehyari!, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(ids(await page('?sort=replications'))[0]).toBe(plans[3]!.id);
    expect((await page('?sort=recent')).total).toBe(6);
  });

  it('facets: what is in the catalogue', async () => {
    const f = await t.call<ShowcaseFacets>('GET', '/api/v1/showcase/facets', null);
    expect(f.status).toBe(200);
    expect(f.body.years).toEqual([round.year]);
    expect(f.body.axes.map((a) => a.key)).toEqual(['income', 'construction']);
    expect(f.body.axes[1]!.categories.map((c) => c.key)).toEqual(['infrastructure', 'environment']);
    expect(f.body.provinces).toEqual([
      { id: t.fp.province.id, name: t.fp.province.name, count: 4 },
      { id: t.fp.otherProvince.id, name: t.fp.otherProvince.name, count: 2 },
    ]);
  });

  it('bad query parameters → 400, never 500', async () => {
    for (const qs of ['?page=0', '?page=abc', '?pageSize=1000', '?sort=best', '?provinceId=-1', '?year=abc', '?year=99', '?minJobs=-5', '?axis=BAD', `?q=${'ب'.repeat(101)}`, '?page=1e9']) {
      const r = await t.call('GET', `/api/v1/showcase${qs}`, null);
      expect(r.status, qs).toBe(400);
    }
    expect((await page('?q=' + encodeURIComponent('%_\\'))).total).toBe(6); // punctuation only: no words, no filter
    expect((await page('?q=' + encodeURIComponent("' or 1=1 --"))).total).toBe(0);
    expect((await t.call('GET', '/api/v1/showcase/not-a-uuid', null)).status).toBe(404);
  });
});

describe('photos', () => {
  const photoUrl = (entry: EntryRow, doc: string) => `/api/v1/showcase/${entry.id}/photos/${doc}`;
  it('a selected plan\'s photo streams with its type and cache headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: photoUrl(plans[0]!, photo) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toContain('public');
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });
  it('a non-selected plan\'s photo, a file not among the plan\'s photos, a bad id → 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: photoUrl(loser, loserPhoto) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: photoUrl(plans[0]!, stray) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: photoUrl(plans[0]!, loserPhoto) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: photoUrl(plans[0]!, 'x') })).statusCode).toBe(404);
  });
});

describe('replication marks', () => {
  it('only dehyaris; the village must be his, chosen when he has several; never his own plan', async () => {
    const url = (i: number) => `/api/v1/showcase/${plans[i]!.id}/replicate`;
    expect((await t.call('POST', url(1), who.reviewer!, {})).body.code).toBe('not_a_dehyari');
    expect((await t.call('POST', `/api/v1/showcase/${plans[1]!.id}/questions`, who.reviewer!, { question: 'چطور؟' })).status).toBe(403);
    const citizen = await t.citizen('09127770201');
    expect((await t.call('POST', url(1), citizen.headers, {})).status).toBe(403);
    expect((await t.call('POST', url(1), who.twoVillages!, {})).body.code).toBe('village_required');
    expect((await t.call('POST', url(1), who.twoVillages!, { villageId: t.fp.otherProvinceVillage.id })).body.code).toBe('not_your_village');
    const ok = await t.call<ShowcasePlan>('POST', url(1), who.twoVillages!, { villageId: t.fp.otherCountyVillage.id });
    expect(ok.body.viewer).toMatchObject({ canReplicate: true, replicatedVillageIds: [t.fp.otherCountyVillage.id] });
    expect(ok.body.viewer!.villages.map((v) => v.id).sort()).toEqual([t.fp.village.id, t.fp.otherCountyVillage.id].sort());
    // plan 0 is from the demo dehyari's own village
    expect((await t.call('POST', url(0), who.dehyari!, {})).body.code).toBe('own_plan');
    expect((await t.call<ShowcasePlan>('GET', `/api/v1/showcase/${plans[0]!.id}`, who.dehyari!)).body.viewer).toEqual({ canReplicate: false, replicatedVillageIds: [], villages: [] });
    expect((await t.call<ShowcasePlan>('DELETE', url(1) + `?villageId=${t.fp.otherCountyVillage.id}`, who.twoVillages!)).body.replicatedBy).toEqual([]);
    expect((await t.call('DELETE', url(1) + '?villageId=abc', who.twoVillages!)).status).toBe(400);
  });
});
