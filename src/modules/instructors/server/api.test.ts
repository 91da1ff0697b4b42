// The qualification API over HTTP on the real database: registration through the real one-time code, the profile's
// checks (types, sizes, national code, versions, taken codes, evidence), filing, the expert's review and the
// committee's decision, the training ID and its public verification and certificate — and the adversary's side:
// other provinces, other instructors, two experts at once. No input is ever a server error.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createStaff, createTree } from '../../../test/factories.js';
import { formatTrainingId, normalizeTrainingId, TRAINING_ID_RE } from '../training-id.js';
import { ensureInstructorDefaults } from './defaults.js';
import { instProfiles } from './schema.js';
import { sampleProfile, type ProfileForm } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
const hdr: Record<string, Headers> = {};
const MOBILE = { a: '09121230001', b: '09121230002', c: '09121230003', d: '09121230004' };

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const json = res.headers['content-type']?.toString().includes('json');
  return { status: res.statusCode, body: res.body && json ? res.json() : res.body };
}

/** A complete profile of `who` with one uploaded document on each education item. */
async function completeProfile(who: Headers, fields: string[], n: number): Promise<ProfileForm> {
  const doc = await h.upload(who, PDF, 'madrak.pdf');
  return sampleProfile(tree.province.id, fields, { n, documents: [doc] });
}

const save = (who: Headers, body: unknown) => req('PUT', '/api/v1/instructors/me/profile', who, body);
const submit = (who: Headers) => req('POST', '/api/v1/instructors/me/applications', who, {});
const review = (who: Headers, id: string, body: Record<string, unknown>) => req('POST', `/api/v1/instructors/applications/${id}/review`, who, body);
const fieldReview = (extra: Record<string, unknown> = {}) => ({ adjustments: {}, recommendation: 'qualified', note: '', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  const staff: [string, Parameters<typeof createStaff>[1][number]][] = [
    ['expert', ['expert.training', null]],
    ['expertProv', ['expert.training', tree.province]],
    ['expertOther', ['expert.training', tree.otherProvince]],
    ['committee', ['training.committee', null]],
    ['unit', ['training.unit', tree.province]],
    ['unitOther', ['training.unit', tree.otherProvince]],
  ];
  for (const [key, grant] of staff) {
    await createStaff(t.db, [grant], { username: `ia_${key}`, password: 'secret-pass' });
    hdr[key] = await t.login(`ia_${key}`);
  }
  for (const [k, m] of Object.entries(MOBILE)) hdr[k] = (await h.citizenLogin(m)).headers;
});
afterAll(async () => { await t?.close(); });

describe('registration and the profile', () => {
  it('a new citizen has no profile; saving one creates it (version 1) with completeness and a pre-score', async () => {
    expect((await req('GET', '/api/v1/instructors/me', hdr.a!)).status).toBe(404);
    const res = await save(hdr.a!, await completeProfile(hdr.a!, ['municipal_finance', 'it'], 1));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 1, status: 'draft', canApply: 'initial', trainingId: null, completeness: { ready: true, missing: [] } });
    expect(res.body.completeness.percent).toBe(100);
    expect(res.body.preScores.map((s: { field: string }) => s.field)).toEqual(['municipal_finance', 'it']);
    expect(res.body.birthDateJalali).toBe('1360/04/12');
    expect(res.body.rating).toEqual({ average: null, count: 0 });
  });

  it('refuses bad input with 400 and Persian messages, never 500', async () => {
    const good = await completeProfile(hdr.b!, ['fire_safety'], 2);
    const cases: [string, unknown][] = [
      ['wrong types', { ...good, expertise: 'fire_safety', education: [{ ...good.education[0], year: '۱۳۹۰' }] }],
      ['bad national code', { ...good, nationalCode: '1234567890' }],
      ['huge bio', { ...good, bio: 'ا'.repeat(10_000) }],
      ['too many items', { ...good, teaching: Array.from({ length: 500 }, (_, i) => ({ ...good.teaching[0], id: `x${i}` })) }],
      ['duplicate item ids', { ...good, certificates: [good.certificates[0], good.certificates[0]] }],
      ['a field outside the taxonomy', { ...good, expertise: ['astrology'] }],
      ['a province that is not one', { ...good, provinceId: tree.county.id }],
      ['an unknown province to teach in', { ...good, availability: { provinceIds: [999_999], inPerson: true, online: false } }],
      ['not a date', { ...good, birthDate: '1360/13/40' }],
      ['an integer overflow', { ...good, provinceId: 2 ** 40 }],
    ];
    for (const [what, body] of cases) {
      const res = await save(hdr.b!, body);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.title, what).toMatch(/[\u0600-\u06FF]/);
    }
    expect((await req('GET', '/api/v1/instructors/me', hdr.b!)).status).toBe(404);
  });

  it('evidence must be his own uploads', async () => {
    const someoneElses = await h.upload(hdr.a!, PDF, 'other.pdf');
    const body = sampleProfile(tree.province.id, ['fire_safety'], { n: 2, documents: [someoneElses] });
    const res = await save(hdr.b!, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('attachment_invalid');
  });

  it('a stale version is 409 version_conflict; a national code held by another instructor is 409 national_code_taken', async () => {
    const a = (await req('GET', '/api/v1/instructors/me', hdr.a!)).body;
    const stale = await save(hdr.a!, { ...a.profile, birthDate: a.birthDateJalali, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const ok = await save(hdr.a!, { ...a.profile, birthDate: a.birthDateJalali, bio: 'ویرایش دوم', version: a.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.version).toBe(2);

    const taken = await save(hdr.b!, { ...(await completeProfile(hdr.b!, ['fire_safety'], 2)), nationalCode: a.profile.nationalCode });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('national_code_taken');
  });

  it('only citizens have a profile; staff get 403 on /me', async () => {
    expect((await req('GET', '/api/v1/instructors/me', hdr.expert!)).status).toBe(403);
    expect((await req('GET', '/api/v1/instructors/me', null)).status).toBe(401);
  });
});

describe('filing', () => {
  it('an incomplete profile is 422 profile_incomplete with what is missing', async () => {
    const body = sampleProfile(tree.province.id, ['fire_safety'], { n: 2 }); // no documents on the degrees
    expect((await save(hdr.b!, body)).status).toBe(200);
    const res = await submit(hdr.b!);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('profile_incomplete');
    expect(res.body.missing).toEqual(['برای هر مدرک تحصیلی تصویر مدرک را بارگذاری کنید.']);
  });

  it('files an initial application: in review, saving is 409 application_open, filing again too', async () => {
    const res = await submit(hdr.a!);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'in_review', canApply: null, open: { kind: 'initial', state: 'submitted', fields: ['municipal_finance', 'it'] } });
    expect(res.body.open.preScores).toHaveLength(2);
    expect(res.body.open.history[0]).toMatchObject({ action: 'open', toState: 'submitted' });
    const again = await submit(hdr.a!);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application_open');
    const me = res.body;
    const edit = await save(hdr.a!, { ...me.profile, birthDate: me.birthDateJalali, version: me.version });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('application_open');
  });
});

describe('scope and the review', () => {
  let appId: string;

  it('training experts see applications of their province only; others see nothing (404)', async () => {
    const list = await req('GET', '/api/v1/instructors/applications', hdr.expertProv!);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    appId = list.body.items[0].id;
    expect(list.body.items[0]).toMatchObject({ kind: 'initial', state: 'submitted', province: tree.province.name });
    expect((await req('GET', '/api/v1/instructors/applications', hdr.expertOther!)).body).toEqual({ items: [], total: 0 });
    expect((await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.expertOther!)).status).toBe(404);
    expect((await review(hdr.expertOther!, appId, { action: 'expert_return', version: 1, comment: 'x' })).status).toBe(404);
    // a training unit plans courses; it does not read applications
    expect((await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.unit!)).status).toBe(404);
    // another citizen cannot act on it, and it reads as absent
    expect((await req('POST', `/api/v1/instructors/me/applications/${appId}/withdraw`, hdr.b!)).status).toBe(404);
    expect((await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.b!)).status).toBe(403);
    expect((await req('GET', '/api/v1/instructors/applications/not-a-uuid', hdr.expert!)).status).toBe(404);
  });

  it('the staff page shows the evidence with file names, the criteria version and the actions', async () => {
    const v = (await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.expertProv!)).body;
    expect(v.criteriaSet).toMatchObject({ version: 1, passScore: 60, validityYears: 3 });
    expect(v.evidence.find((e: { section: string }) => e.section === 'education')).toMatchObject({ verified: false, documents: [{ filename: 'madrak.pdf' }] });
    expect(v.actions.map((a: { action: string }) => a.action).sort()).toEqual(['expert_forward', 'expert_return']);
    const committee = (await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.committee!)).body;
    expect(committee.actions).toEqual([]);
  });

  it('the expert asks for more: he edits while returned and resubmits; the comment reaches him', async () => {
    const back = await review(hdr.expertProv!, appId, { action: 'expert_return', version: 1, comment: 'گواهی سابقه تدریس را بارگذاری کنید.' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.state).toBe('returned');
    expect(await h.lastSms(MOBILE.a)).toContain('اطلاعات یا مدارک بیشتر');
    const me = (await req('GET', '/api/v1/instructors/me', hdr.a!)).body;
    expect(me.open.returnComment).toBe('گواهی سابقه تدریس را بارگذاری کنید.');
    const teaching = [...me.profile.teaching, { id: 'tnew', course: 'بودجه‌ریزی عملیاتی', organization: 'شهرداری ساری', field: 'municipal_finance', hours: 200, year: 1403, documents: [] }];
    expect((await save(hdr.a!, { ...me.profile, teaching, birthDate: me.birthDateJalali, version: me.version })).status).toBe(200);
    const re = await req('PUT', `/api/v1/instructors/me/applications/${appId}/resubmit`, hdr.a!, {});
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    expect(re.body.open.state).toBe('submitted');
    const finance = re.body.open.preScores.find((s: { field: string }) => s.field === 'municipal_finance');
    expect(finance.parts.find((p: { measure: string }) => p.measure === 'teaching_hours').value).toBe(320);
  });

  it('expert_forward needs a valid review of every field', async () => {
    const v = (await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.expertProv!)).body;
    const only = await review(hdr.expertProv!, appId, { action: 'expert_forward', version: v.version, fields: { municipal_finance: fieldReview() } });
    expect(only.status).toBe(400);
    expect(only.body.code).toBe('review_incomplete');
    const badChoice = await review(hdr.expertProv!, appId, {
      action: 'expert_forward', version: v.version,
      fields: { municipal_finance: fieldReview({ adjustments: { degree_level: { value: 'professor', reason: 'مدرک' } } }), it: fieldReview() },
    });
    expect(badChoice.status).toBe(400);
    expect(badChoice.body.code).toBe('adjustment_invalid');
    const noReason = await review(hdr.expertProv!, appId, {
      action: 'expert_forward', version: v.version, fields: { municipal_finance: fieldReview({ adjustments: { teaching_hours: { value: 100, reason: '' } } }), it: fieldReview() },
    });
    expect(noReason.status).toBe(400);
    const badItem = await review(hdr.expertProv!, appId, { action: 'expert_forward', version: v.version, fields: { municipal_finance: fieldReview(), it: fieldReview() }, verifiedItems: ['nope'] });
    expect(badItem.status).toBe(400);
    expect(badItem.body.code).toBe('verified_invalid');
  });

  it('expert_forward stores the review, verified items and reviewed scores with the adjustment and its reason', async () => {
    const v = (await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.expertProv!)).body;
    const res = await review(hdr.expertProv!, appId, {
      action: 'expert_forward', version: v.version, comment: 'مدارک بررسی شد.',
      fields: {
        municipal_finance: fieldReview({ adjustments: { teaching_hours: { value: 120, reason: 'دوره بودجه‌ریزی سند ندارد' } } }),
        it: fieldReview({ recommendation: 'not_qualified' }),
      },
      verifiedItems: [v.evidence[0].id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('committee');
    expect(res.body.evidence[0].verified).toBe(true);
    const finance = res.body.reviewedScores.find((s: { field: string }) => s.field === 'municipal_finance');
    const part = finance.parts.find((p: { measure: string }) => p.measure === 'teaching_hours');
    expect(part).toMatchObject({ value: 120, adjusted: { from: 320, reason: 'دوره بودجه‌ریزی سند ندارد' }, points: 12 });
    expect(res.body.reviewedBy).not.toBeNull();
  });

  it('the committee qualifies in chosen fields of the application only; the training ID is issued, told by SMS and verifiable', async () => {
    const v = (await req('GET', `/api/v1/instructors/applications/${appId}`, hdr.committee!)).body;
    expect((await review(hdr.expert!, appId, { action: 'qualify', version: v.version, qualifiedFields: ['municipal_finance'] })).status).toBe(403);
    const outside = await review(hdr.committee!, appId, { action: 'qualify', version: v.version, qualifiedFields: ['fire_safety'] });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('qualified_fields_required');
    expect((await review(hdr.committee!, appId, { action: 'qualify', version: v.version, qualifiedFields: [] })).status).toBe(400);
    const res = await review(hdr.committee!, appId, { action: 'qualify', version: v.version, qualifiedFields: ['municipal_finance'], comment: 'تأیید شد.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('qualified');
    const id = res.body.trainingId as string;
    expect(id).toMatch(TRAINING_ID_RE);
    expect(normalizeTrainingId(id)).toBe(id);
    expect(await h.lastSms(MOBILE.a)).toContain(id);

    const me = (await req('GET', '/api/v1/instructors/me', hdr.a!)).body;
    expect(me).toMatchObject({ status: 'qualified', trainingId: id, qualifiedFields: [{ key: 'municipal_finance' }], canApply: null, changedSinceQualification: false, open: null });
    expect(me.past[0].validUntil).toBe(me.qualifiedUntil);
    const [p] = await t.db.select().from(instProfiles).where(eq(instProfiles.trainingId, id));
    expect(p!.scores).toEqual({ municipal_finance: res.body.reviewedScores[0].total });

    const ok = await req('GET', `/api/v1/verify/training-id/${id}`, null);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ trainingId: id, valid: true, status: 'valid', fields: [{ key: 'municipal_finance', title: 'مالیه و درآمدهای شهری' }], expiresAt: me.qualifiedUntil });
    const persian = id.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!).replaceAll('-', ' ');
    expect((await req('GET', `/api/v1/verify/training-id/${encodeURIComponent(persian)}`, null)).status).toBe(200);
    const typo = id.slice(0, 5) + String((Number(id[5]) + 1) % 10) + id.slice(6);
    const bad = await req('GET', `/api/v1/verify/training-id/${typo}`, null);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('training_id_invalid');
    expect((await req('GET', `/api/v1/verify/training-id/${formatTrainingId(1405, 0, 99_999)}`, null)).status).toBe(404);
  });

  it('the certificate carries a QR code of the verification page; staff of another province see 404', async () => {
    const mine = await req('GET', '/api/v1/instructors/me/certificate', hdr.a!);
    expect(mine.status).toBe(200);
    expect(mine.body.verifyUrl).toMatch(new RegExp(`/verify/training-id/${mine.body.trainingId}$`));
    expect(mine.body.qrSvg).toContain('<svg');
    expect((await req('GET', '/api/v1/instructors/me/certificate', hdr.b!)).status).toBe(404);
    const me = (await req('GET', '/api/v1/instructors/me', hdr.a!)).body;
    expect((await req('GET', `/api/v1/instructors/profiles/${me.profileId}/certificate`, hdr.unit!)).status).toBe(200);
    expect((await req('GET', `/api/v1/instructors/profiles/${me.profileId}/certificate`, hdr.unitOther!)).status).toBe(404);
    expect((await req('GET', `/api/v1/instructors/profiles/${me.profileId}/certificate`, hdr.expertOther!)).status).toBe(404);
  });

  it('lists filter by state, kind, field and name, and export CSV and XLSX in scope', async () => {
    const q = (s: string) => req('GET', `/api/v1/instructors/applications?${s}`, hdr.expert!);
    expect((await q('state=qualified')).body.total).toBe(1);
    expect((await q('state=submitted')).body.total).toBe(0);
    expect((await q('field=municipal_finance&kind=initial')).body.total).toBe(1);
    expect((await q('field=fire_safety')).body.total).toBe(0);
    expect((await q(`q=${encodeURIComponent('احمدی')}`)).body.total).toBe(1);
    expect((await q('state=bogus')).status).toBe(400);
    const csv = await req('GET', '/api/v1/instructors/applications/export.csv', hdr.expert!);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('شناسه آموزشی');
    expect(String(csv.body)).toContain('صلاحیت تأیید شد');
    const other = await req('GET', '/api/v1/instructors/applications/export.csv', hdr.expertOther!);
    expect(String(other.body)).not.toContain('احمدی');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/instructors/applications/export.xlsx', headers: hdr.expert! })).statusCode).toBe(200);
  });
});

describe('two experts at once', () => {
  it('forwarding the same application at the same moment: one wins, the other gets 409', async () => {
    const body = await completeProfile(hdr.c!, ['waste_management'], 3);
    expect((await save(hdr.c!, body)).status).toBe(200);
    expect((await submit(hdr.c!)).status).toBe(201);
    const id = (await req('GET', '/api/v1/instructors/applications?state=submitted', hdr.expert!)).body.items[0].id;
    const step = { action: 'expert_forward', version: 1, fields: { waste_management: fieldReview() } };
    const results = await Promise.all([review(hdr.expert!, id, step), review(hdr.expertProv!, id, step)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('version_conflict');
  });
});
