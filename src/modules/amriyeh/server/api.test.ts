// The amriyeh service end to end over HTTP on the real database: a call, its stations, an application through the
// district and province review, a published run anyone can recompute, the letter and its public verification —
// and the adversary's side: other scopes, other applicants, bad input, two runs at once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import { nationalCodeFrom } from '../../../core/fa/validators.js';
import { orgDehyaris } from '../../../core/org/schema.js';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createDivision, createStaff, createTree, type TestDivision } from '../../../test/factories.js';
import { allocate, type AllocationInput, type AllocationOutput } from './allocate.js';
import { DEFAULT_CRITERIA } from './scoring.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceVillage2: TestDivision;
let otherProvinceVillage: TestDivision;
const hdr: Record<string, Headers> = {};
const DAY = 86_400_000;
const day = (offset: number) => formatJalaliDate(new Date(Date.now() + offset * DAY));

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) : null, raw: res.body };
}

const rules = { minEducation: 'diploma', acceptedFields: [], minAge: 18, maxAge: 30, residence: 'county', conscriptionStatuses: ['eligible', 'ready_to_serve'] };

beforeAll(async () => {
  t = await createTestApp();
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  provinceVillage2 = await createDivision(t.db, 'village', tree.district, 'روستای دوم');
  const otherProvinceDistrict = await createDivision(t.db, 'district', await createDivision(t.db, 'county', tree.otherProvince));
  otherProvinceVillage = await createDivision(t.db, 'village', otherProvinceDistrict, 'روستای استان دیگر');
  for (const v of [tree.village, tree.otherVillage, provinceVillage2, otherProvinceVillage]) await t.db.insert(orgDehyaris).values({ divisionId: v.id, name: `دهیاری ${v.name}`, hasFireStation: true });
  await t.db.insert(orgDehyaris).values({ divisionId: tree.city.id, name: 'بدون ایستگاه', hasFireStation: false });
  const staff: [string, [Parameters<typeof createStaff>[1][number][0], TestDivision | null]][] = [
    ['expert', ['expert.rural', null]],
    ['province', ['province.reviewer', tree.province]],
    ['otherProvince', ['province.reviewer', tree.otherProvince]],
    ['district', ['district.reviewer', tree.district]],
    ['otherDistrict', ['district.reviewer', tree.otherDistrict]],
    ['otherProvinceDistrict', ['district.reviewer', otherProvinceDistrict]],
    ['dehyar', ['dehyari', tree.village]],
    ['dehyar2', ['dehyari', provinceVillage2]],
    ['dehyarOther', ['dehyari', tree.otherVillage]],
    ['dehyarOtherProvince', ['dehyari', otherProvinceVillage]],
  ];
  for (const [key, grant] of staff) {
    await createStaff(t.db, [grant], { username: `amr_${key}`, password: 'secret-pass' });
    hdr[key] = await t.login(`amr_${key}`);
  }
  hdr.applicant = (await h.citizenLogin('09351110001')).headers;
  hdr.other = (await h.citizenLogin('09351110002')).headers;
});
afterAll(async () => { await t?.close(); });

function callBody(extra: Record<string, unknown> = {}) {
  return {
    title: 'فراخوان آزمایشی امریه', startsOn: day(-1), endsOn: day(10), referenceDate: day(10), nationalQuota: 10,
    provinceQuotas: [{ provinceId: tree.province.id, quota: 3 }, { provinceId: tree.otherProvince.id, quota: 1 }], rules, criteria: DEFAULT_CRITERIA, ...extra,
  };
}

function application(callId: number, stationIds: number[], extra: Record<string, unknown> = {}) {
  return {
    callId, nationalCode: '0013542419', firstName: 'علی', lastName: 'رضایی', fatherName: 'حسن', birthDate: '1382/05/10', educationLevel: 'bachelor',
    fieldOfStudy: 'مهندسی ایمنی', gpa: 16.5, residenceDivisionId: tree.village.id, birthPlaceDivisionId: tree.village.id, maritalStatus: 'single',
    priorityClaims: [], conscriptionStatus: 'eligible', stationIds, ...extra,
  };
}

/** Opens a call with a seed and stations at `villages` (keys of hdr for their dehyars), confirmed and ready. */
async function readyCall(stations: { dehyar: string; seats: number; confirmBy: string }[]) {
  const call = await req('POST', '/api/v1/amriyeh/calls', hdr.expert!, callBody());
  expect(call.status).toBe(201);
  const id = call.body.id as number;
  expect((await req('POST', `/api/v1/amriyeh/calls/${id}/state`, hdr.expert!, { state: 'open' })).status).toBe(200);
  expect((await req('POST', `/api/v1/amriyeh/calls/${id}/seed`, hdr.expert!, { sources: [[9319], [2, 5, 12, 8, 10]] })).body.lotterySeed).toBe('9319./2.5.8.10.12./');
  const ids: number[] = [];
  for (const s of stations) {
    const d = await req('POST', `/api/v1/amriyeh/calls/${id}/stations`, hdr[s.dehyar]!, { name: `ایستگاه ${s.dehyar}`, seats: s.seats });
    expect(d.status, d.raw).toBe(201);
    const c = await req('POST', `/api/v1/amriyeh/stations/${d.body.id}/confirm`, hdr[s.confirmBy]!, { seats: s.seats });
    expect(c.status, c.raw).toBe(200);
    ids.push(d.body.id);
  }
  return { id, stations: ids };
}

describe('the whole life of an application', () => {
  let call: { id: number; stations: number[] };
  let appId: string;

  it('calls: only the national expert opens one; drafts are hidden from the public; rules are published in Persian', async () => {
    expect((await req('POST', '/api/v1/amriyeh/calls', hdr.province!, callBody())).status).toBe(403);
    expect((await req('POST', '/api/v1/amriyeh/calls', null, callBody())).status).toBe(401);
    const bad = await req('POST', '/api/v1/amriyeh/calls', hdr.expert!, callBody({ nationalQuota: 1 }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('جمع سهمیه استان‌ها از سهمیه کشوری بیشتر است');
    const draft = await req('POST', '/api/v1/amriyeh/calls', hdr.expert!, callBody());
    expect((await req('GET', `/api/v1/amriyeh/calls/${draft.body.id}`, null)).status).toBe(404);
    expect((await req('GET', `/api/v1/amriyeh/calls/${draft.body.id}`, hdr.expert!)).body.rulesText).toContain('حداقل مدرک تحصیلی: دیپلم');
    call = await readyCall([{ dehyar: 'dehyar', seats: 1, confirmBy: 'district' }, { dehyar: 'dehyar2', seats: 2, confirmBy: 'district' }, { dehyar: 'dehyarOther', seats: 1, confirmBy: 'otherDistrict' }]);
    const pub = await req('GET', `/api/v1/amriyeh/calls/${call.id}`, null);
    expect(pub.body).toMatchObject({ accepting: true, lotterySeed: '9319./2.5.8.10.12./', stationCount: 3 });
    expect(pub.body.criteriaText.map((c: { weight: number }) => c.weight)).toEqual(DEFAULT_CRITERIA.map((c) => c.weight));
  });

  it('the seed is published once, and only before registration ends', async () => {
    const again = await req('POST', `/api/v1/amriyeh/calls/${call.id}/seed`, hdr.expert!, { sources: [[1, 2, 3]] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('seed_already_set');
  });

  it('stations: a dehyar declares only his own; the district confirms only its own; the province caps within its quota', async () => {
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/stations`, hdr.dehyar!, { dehyariId: 999999, name: 'x', seats: 1 })).status).toBe(400);
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/stations`, hdr.district!, { name: 'x', seats: 1 })).status).toBe(400);
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/stations`, hdr.dehyar!, { name: 'x', seats: -1 })).status).toBe(400);
    expect((await req('POST', `/api/v1/amriyeh/stations/${call.stations[2]}/confirm`, hdr.district!, { seats: 1 })).status).toBe(404);
    expect((await req('POST', `/api/v1/amriyeh/stations/${call.stations[0]}/confirm`, hdr.district!, { seats: 5 })).status).toBe(400);
    const over = await req('POST', `/api/v1/amriyeh/calls/${call.id}/caps`, hdr.province!, { provinceId: tree.province.id, caps: [{ stationId: call.stations[1], seats: 2 }, { stationId: call.stations[2], seats: 1 }] });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('quota_exceeded');
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/caps`, hdr.otherProvince!, { provinceId: tree.province.id, caps: [] })).status).toBe(403);
    const capped = await req('POST', `/api/v1/amriyeh/calls/${call.id}/caps`, hdr.province!, { provinceId: tree.province.id, caps: [{ stationId: call.stations[1], seats: 1 }] });
    expect(capped.status, capped.raw).toBe(200);
    expect(capped.body.items.reduce((s: number, x: { seats: number }) => s + x.seats, 0)).toBe(3);
    const mine = await req('GET', `/api/v1/amriyeh/calls/${call.id}/stations/manage`, hdr.otherDistrict!);
    expect(mine.body.items.map((s: { id: number }) => s.id)).toEqual([call.stations[2]]);
  });

  it('filing: eligibility with a reason per failed rule, nothing stored; then filed once per national code', async () => {
    const old = await req('POST', '/api/v1/amriyeh/applications', hdr.applicant!, application(call.id, [call.stations[0]!], { birthDate: '1360/01/01', educationLevel: 'below_diploma', fieldOfStudy: '', conscriptionStatus: 'exempt' }));
    expect(old.status).toBe(422);
    expect(old.body.code).toBe('not_eligible');
    expect(old.body.failures.map((f: { rule: string }) => f.rule).sort()).toEqual(['age', 'conscription', 'education']);
    expect(old.body.failures[0].message).toMatch(/[\u0600-\u06FF]/);
    expect(old.body.errors).toHaveLength(3);
    expect((await req('GET', '/api/v1/amriyeh/applications/mine', hdr.applicant!)).body.items).toEqual([]);

    const doc = await h.upload(hdr.applicant!, PDF, 'emdad.pdf');
    const body = application(call.id, [call.stations[0]!, call.stations[1]!], { priorityClaims: [{ group: 'relief_supported', documentIds: [doc] }] });
    const check = await req('POST', '/api/v1/amriyeh/applications/check', hdr.applicant!, body);
    expect(check.body).toMatchObject({ eligible: true, score: 30 + 15 + 15 + 12 });
    const res = await req('POST', '/api/v1/amriyeh/applications', hdr.applicant!, body);
    expect(res.status, res.raw).toBe(201);
    appId = res.body.id;
    expect(res.body).toMatchObject({ state: 'submitted', score: 72, canWithdraw: true });
    expect(await h.lastSms('09351110001')).toContain(res.body.trackingCode);
    const dup = await req('POST', '/api/v1/amriyeh/applications', hdr.other!, { ...body, priorityClaims: [] });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_application');
    // Someone else's document cannot be claimed.
    const stolen = await req('POST', '/api/v1/amriyeh/applications', hdr.other!, application(call.id, [call.stations[0]!], { nationalCode: '0084575948', priorityClaims: [{ group: 'veteran', documentIds: [doc] }] }));
    expect(stolen.status).toBe(400);
  });

  it('bad input is a 400 with Persian messages, never a 500', async () => {
    for (const body of [
      application(call.id, [call.stations[0]!], { stationIds: 'x' }),
      application(call.id, Array.from({ length: 6 }, (_, i) => i + 1)),
      application(call.id, [2 ** 40]),
      application(call.id, [call.stations[0]!], { residenceDivisionId: 2 ** 31 - 1 }),
      application(call.id, [call.stations[0]!, call.stations[2]!, 999]),
      application(call.id, [call.stations[0]!], { firstName: 'ع'.repeat(10_000) }),
      { ...application(call.id, [call.stations[0]!]), callId: 'abc' },
      null,
    ]) {
      const r = await req('POST', '/api/v1/amriyeh/applications/check', hdr.other!, body);
      expect(r.status, r.raw).toBe(400);
      expect(r.body.title).toMatch(/[\u0600-\u06FF]/);
    }
    expect((await req('GET', '/api/v1/amriyeh/applications?page=0', hdr.district!)).status).toBe(400);
    expect((await req('GET', '/api/v1/amriyeh/runs/abc', null)).status).toBe(400);
    expect((await req('GET', '/api/v1/verify/amriyeh/12', null)).status).toBe(404);
  });

  it('scope: the district reviewer of another district, another province and the dehyar see nothing of it by any route', async () => {
    for (const who of ['otherDistrict', 'otherProvince', 'dehyar']) {
      expect((await req('GET', `/api/v1/amriyeh/applications?callId=${call.id}`, hdr[who]!)).body.items, who).toEqual([]);
      expect((await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr[who]!)).status, who).toBe(404);
      expect((await req('POST', `/api/v1/amriyeh/applications/${appId}/review`, hdr[who]!, { action: 'district_approve', expectedVersion: 1 })).status, who).toBe(404);
    }
    expect((await req('GET', `/api/v1/amriyeh/applications/mine/${appId}`, hdr.other!)).status).toBe(404);
    expect((await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr.applicant!)).status).toBe(403);
    const list = await req('GET', `/api/v1/amriyeh/applications?callId=${call.id}&q=0013`, hdr.district!);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([appId]);
  });

  it('district: return for correction → the applicant corrects → approve with the claim not verified (score recomputed)', async () => {
    let view = await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr.district!);
    expect(view.body.actions.map((a: { key: string }) => a.key)).toEqual(['district_approve', 'return', 'district_reject']);
    // The generic route would skip the claims' verdicts and the rescoring: only …/review moves the case.
    const generic = await req('POST', `/api/v1/cases/${view.body.caseId}/transitions`, hdr.district!, { action: 'district_approve', expectedVersion: view.body.version });
    expect([generic.status, generic.body.code]).toEqual([409, 'use_service_route']);
    expect((await req('POST', `/api/v1/amriyeh/applications/${appId}/review`, hdr.district!, { action: 'return', expectedVersion: view.body.version })).status).toBe(400);
    const ret = await req('POST', `/api/v1/amriyeh/applications/${appId}/review`, hdr.district!, { action: 'return', expectedVersion: view.body.version, comment: 'گواهی خوانا نیست.' });
    expect(ret.body.state).toBe('returned');
    expect((await req('POST', `/api/v1/amriyeh/applications/${appId}/review`, hdr.district!, { action: 'district_approve', expectedVersion: view.body.version })).status).toBe(409);
    const mine = await req('GET', `/api/v1/amriyeh/applications/mine/${appId}`, hdr.applicant!);
    expect(mine.body).toMatchObject({ state: 'returned', canResubmit: true, lastComment: 'گواهی خوانا نیست.' });
    const doc = await h.upload(hdr.applicant!, PDF, 'emdad2.pdf');
    const fixed = await req('PUT', `/api/v1/amriyeh/applications/mine/${appId}`, hdr.applicant!, application(call.id, [call.stations[0]!, call.stations[1]!], { priorityClaims: [{ group: 'relief_supported', documentIds: [doc] }] }));
    expect(fixed.status, fixed.raw).toBe(200);
    expect(fixed.body.state).toBe('submitted');
    view = await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr.district!);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/documents/${doc}`, headers: hdr.district! })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/documents/${doc}`, headers: hdr.dehyar! })).statusCode).toBe(404);
    const ok = await req('POST', `/api/v1/amriyeh/applications/${appId}/review`, hdr.district!, { action: 'district_approve', expectedVersion: view.body.version, claims: [{ group: 'relief_supported', verified: false }] });
    expect(ok.body).toMatchObject({ state: 'district_approved', score: 60 });
    expect(ok.body.priorityClaims[0].verified).toBe(false);
    expect(await h.lastSms('09351110001')).toContain('تأیید بخشداری');
  });

  it('province confirms; a second applicant is approved as well; selection waits for the call to close', async () => {
    const v = await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr.province!);
    expect((await req('POST', `/api/v1/amriyeh/applications/${appId}/review`, hdr.province!, { action: 'province_confirm', expectedVersion: v.body.version })).body.state).toBe('eligible');
    const second = await req('POST', '/api/v1/amriyeh/applications', hdr.other!, application(call.id, [call.stations[0]!], { nationalCode: '0084575948', maritalStatus: 'married' }));
    expect(second.status, second.raw).toBe(201);
    const early = await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id });
    expect(early.status).toBe(409);
    await req('POST', `/api/v1/amriyeh/calls/${call.id}/state`, hdr.expert!, { state: 'closed' });
    const pending = await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id });
    expect(pending.body.code).toBe('reviews_pending');
    let s = await req('GET', `/api/v1/amriyeh/applications/${second.body.id}`, hdr.district!);
    await req('POST', `/api/v1/amriyeh/applications/${second.body.id}/review`, hdr.district!, { action: 'district_approve', expectedVersion: s.body.version });
    s = await req('GET', `/api/v1/amriyeh/applications/${second.body.id}`, hdr.province!);
    await req('POST', `/api/v1/amriyeh/applications/${second.body.id}/review`, hdr.province!, { action: 'province_confirm', expectedVersion: s.body.version });
  });

  it("the run: only the province's reviewer; published, recomputable from the downloaded input; once", async () => {
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.otherProvince!, { provinceId: tree.province.id })).status).toBe(403);
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.district!, { provinceId: tree.province.id })).status).toBe(403);
    const run = await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id });
    expect(run.status, run.raw).toBe(201);
    expect(run.body).toMatchObject({ applicants: 2, selected: 2, seed: '9319./2.5.8.10.12./' });
    // Married (10) + native (30) + bachelor (15) + relevant field (15) = 70 beats 60.
    expect(run.body.rows.map((r: { score: number; result: string }) => [r.score, r.result])).toEqual([[70, 'selected'], [60, 'selected']]);
    expect(run.body.rows[0].maskedNationalCode).toBe('00*****948');
    const input = await t.app.inject({ method: 'GET', url: `/api/v1/amriyeh/runs/${run.body.id}/input.json` });
    expect(createHash('sha256').update(input.body).digest('hex')).toBe(run.body.inputHash);
    const output = (await t.app.inject({ method: 'GET', url: `/api/v1/amriyeh/runs/${run.body.id}/output.json` })).json() as AllocationOutput;
    expect(allocate(JSON.parse(input.body) as AllocationInput)).toEqual(output);
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id })).body.code).toBe('run_done');
    const mine = await req('GET', `/api/v1/amriyeh/applications/mine/${appId}`, hdr.applicant!);
    expect(mine.body).toMatchObject({ state: 'selected', runId: run.body.id, assignedStation: { rank: 2 } });
    expect(mine.body.selectionExplanation).toContain('رتبه شما در فهرست گزینش ۲');
    expect(mine.body.selectionExplanation).toContain('اولویت ۲ شما');
  });

  it('letters: issued by the province, shown to the holder with a QR code, verified publicly, revoked with a reason', async () => {
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/letters`, hdr.province!, { provinceId: tree.province.id })).body.issued).toBe(2);
    const mine = await req('GET', `/api/v1/amriyeh/applications/mine/${appId}`, hdr.applicant!);
    expect(mine.body.state).toBe('issued');
    const number = mine.body.letterNumber as string;
    expect(number).toMatch(/^\d{13}$/);
    const letter = await req('GET', `/api/v1/amriyeh/letters/${number}`, hdr.applicant!);
    expect(letter.body).toMatchObject({ holderName: 'علی رضایی', nationalCode: '0013542419', revoked: false });
    expect(letter.body.qrSvg).toContain('<svg');
    const staffView = await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr.province!);
    expect(staffView.body).toMatchObject({ canRevoke: true });
    expect(staffView.body.priorityClaims[0].documents[0]).toMatchObject({ filename: 'emdad2.pdf', mime: 'application/pdf' });
    expect((await req('GET', `/api/v1/amriyeh/applications/${appId}`, hdr.district!)).body.canRevoke).toBe(false);
    expect(letter.body.verifyUrl).toContain(`/verify/amriyeh/${number}`);
    expect((await req('GET', `/api/v1/amriyeh/letters/${number}`, hdr.other!)).status).toBe(404);
    expect((await req('GET', `/api/v1/amriyeh/letters/${number}`, hdr.otherDistrict!)).status).toBe(404);
    const v = await req('GET', `/api/v1/verify/amriyeh/${number}`, null);
    expect(v.body).toMatchObject({ valid: true, revoked: false, holderName: 'ع** ر***ی', stationName: 'ایستگاه dehyar2' });
    expect(JSON.stringify(v.body)).not.toContain('0013542419');
    expect((await req('POST', `/api/v1/amriyeh/letters/${number}/revoke`, hdr.otherProvince!, { reason: 'آزمایش' })).status).toBe(403);
    const r = await req('POST', `/api/v1/amriyeh/letters/${number}/revoke`, hdr.province!, { reason: 'عدم معرفی به ایستگاه' });
    expect(r.status, r.raw).toBe(200);
    expect((await req('GET', `/api/v1/verify/amriyeh/${number}`, null)).body).toMatchObject({ valid: false, revoked: true, revokedReason: 'عدم معرفی به ایستگاه' });
    expect((await req('POST', `/api/v1/amriyeh/letters/${number}/revoke`, hdr.province!, { reason: 'دوباره' })).status).toBe(409);
  });
});

describe('two runs at the same moment', () => {
  it('the same province twice: one run, one 409; two provinces at once: both, never a seat twice, never over a quota', async () => {
    const call = await readyCall([{ dehyar: 'dehyar', seats: 2, confirmBy: 'district' }, { dehyar: 'dehyarOtherProvince', seats: 3, confirmBy: 'otherProvinceDistrict' }]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const other = i >= 3;
      const village = other ? otherProvinceVillage : tree.village;
      const filer = (await h.citizenLogin(`0935222000${i}`)).headers;
      const r = await req('POST', '/api/v1/amriyeh/applications', filer, application(call.id, [call.stations[other ? 1 : 0]!], { nationalCode: nationalCodeFrom(300_123_457 + i * 10_007), residenceDivisionId: village.id, birthPlaceDivisionId: village.id }));
      expect(r.status, r.raw).toBe(201);
      ids.push(r.body.id);
    }
    for (const [i, id] of ids.entries()) {
      const [district, province] = i >= 3 ? ['otherProvinceDistrict', 'otherProvince'] : ['district', 'province'];
      let v = await req('GET', `/api/v1/amriyeh/applications/${id}`, hdr[district]!);
      expect((await req('POST', `/api/v1/amriyeh/applications/${id}/review`, hdr[district]!, { action: 'district_approve', expectedVersion: v.body.version })).status).toBe(200);
      v = await req('GET', `/api/v1/amriyeh/applications/${id}`, hdr[province]!);
      expect((await req('POST', `/api/v1/amriyeh/applications/${id}/review`, hdr[province]!, { action: 'province_confirm', expectedVersion: v.body.version })).status).toBe(200);
    }
    await req('POST', `/api/v1/amriyeh/calls/${call.id}/state`, hdr.expert!, { state: 'closed' });
    const results = await Promise.all([
      req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id }),
      req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.otherProvince!, { provinceId: tree.otherProvince.id }),
      req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    expect((await req('GET', `/api/v1/amriyeh/calls/${call.id}/runs`, null)).body.items).toHaveLength(2);
    const states = await Promise.all(ids.map(async (id, i) => (await req('GET', `/api/v1/amriyeh/applications/${id}`, hdr[i >= 3 ? 'otherProvince' : 'province']!)).body));
    // Province: 2 seats for 3 applicants. Other province: 3 seats but a quota of 1.
    expect(states.slice(0, 3).filter((s) => s.state === 'selected')).toHaveLength(2);
    expect(states.slice(3).filter((s) => s.state === 'selected')).toHaveLength(1);
    expect(states.filter((s) => s.state === 'reserve')).toHaveLength(2);
    // All runs done: the call is allocated.
    expect((await req('GET', `/api/v1/amriyeh/calls/${call.id}`, null)).body.state).toBe('allocated');
  });
});

describe('a national run', () => {
  it('only by the national expert, covers every province, and then no province may run again', async () => {
    const call = await readyCall([{ dehyar: 'dehyar', seats: 1, confirmBy: 'district' }]);
    const filer = (await h.citizenLogin('09352220099')).headers;
    const r = await req('POST', '/api/v1/amriyeh/applications', filer, application(call.id, [call.stations[0]!], { nationalCode: nationalCodeFrom(412_345_678) }));
    expect(r.status, r.raw).toBe(201);
    for (const [who, action] of [['district', 'district_approve'], ['province', 'province_confirm']] as const) {
      const v = await req('GET', `/api/v1/amriyeh/applications/${r.body.id}`, hdr[who]!);
      expect((await req('POST', `/api/v1/amriyeh/applications/${r.body.id}/review`, hdr[who]!, { action, expectedVersion: v.body.version })).status).toBe(200);
    }
    // A second applicant returned for correction, who never corrects: he does not hold the run back.
    const late = await req('POST', '/api/v1/amriyeh/applications', (await h.citizenLogin('09352220098')).headers, application(call.id, [call.stations[0]!], { nationalCode: nationalCodeFrom(412_345_679) }));
    const lv = await req('GET', `/api/v1/amriyeh/applications/${late.body.id}`, hdr.district!);
    expect((await req('POST', `/api/v1/amriyeh/applications/${late.body.id}/review`, hdr.district!, { action: 'return', expectedVersion: lv.body.version, comment: 'مدرک تحصیلی را بارگذاری کنید.' })).status).toBe(200);
    await req('POST', `/api/v1/amriyeh/calls/${call.id}/state`, hdr.expert!, { state: 'closed' });
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, {})).status).toBe(403);
    const run = await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.expert!, {});
    expect(run.status, run.raw).toBe(201);
    expect(run.body).toMatchObject({ scope: 'national', provinceId: null, selected: 1 });
    expect((await req('POST', `/api/v1/amriyeh/calls/${call.id}/runs`, hdr.province!, { provinceId: tree.province.id })).body.code).toBe('run_done');
    expect((await req('GET', `/api/v1/amriyeh/calls/${call.id}`, null)).body.state).toBe('allocated');
    const closed = await req('GET', `/api/v1/amriyeh/applications/${late.body.id}`, hdr.district!);
    expect(closed.body).toMatchObject({ state: 'rejected', lastComment: 'درخواست برای اصلاح بازگردانده شده بود و تا زمان گزینش اصلاح نشد.' });
    expect(closed.body.history.at(-1)).toMatchObject({ bySystem: true, action: 'expire' });
    // Seats are settled: the district may no longer confirm, nor the province cap.
    const stations = await req('GET', `/api/v1/amriyeh/calls/${call.id}/stations/manage`, hdr.district!);
    expect(stations.body.items.every((s: { canConfirm: boolean; canCap: boolean }) => !s.canConfirm && !s.canCap)).toBe(true);
    expect((await req('POST', `/api/v1/amriyeh/stations/${call.stations[0]}/confirm`, hdr.district!, { seats: 1 })).status).toBe(409);
  });
});
