// The shipped defaults, versioned criteria and the taxonomy on the real database: idempotent start-up, the version in
// effect on a day, publishing (national grants only, checked, consecutive numbers under a race, audited), an
// application keeping the version it was filed under, and editing the taxonomy.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../core/audit/schema.js';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createStaff, createTree } from '../../../test/factories.js';
import type { CriteriaSetCreate } from '../contract.js';
import { currentCriteria } from './criteria.js';
import { DEFAULT_CRITERIA, DEFAULT_FIELDS, ensureInstructorDefaults } from './defaults.js';
import { instCriteriaSets, instFields } from './schema.js';
import { jalaliInDays, sampleProfile } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let tree: Awaited<ReturnType<typeof createTree>>;
const hdr: Record<string, Headers> = {};

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

const version = (over: Partial<CriteriaSetCreate> & { passScore?: number } = {}): CriteriaSetCreate => ({
  title: 'معیارهای مصوب ۱۴۰۵', effectiveFrom: jalaliInDays(0), approvedBy: 'صورتجلسه کمیته شماره ۱۲',
  definition: { ...DEFAULT_CRITERIA.definition, passScore: over.passScore ?? 65 }, ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  tree = await createTree(t.db);
  const staff: [string, Parameters<typeof createStaff>[1][number]][] = [
    ['admin', ['admin', null]],
    ['expert', ['expert.training', null]],
    ['expertProv', ['expert.training', tree.province]],
    ['unit', ['training.unit', null]],
  ];
  for (const [key, grant] of staff) {
    await createStaff(t.db, [grant], { username: `ic_${key}`, password: 'secret-pass' });
    hdr[key] = await t.login(`ic_${key}`);
  }
});
afterAll(async () => { await t?.close(); });

describe('defaults', () => {
  it('ensureInstructorDefaults is idempotent and keeps an admin\'s edits', async () => {
    await ensureInstructorDefaults(t.db);
    await t.db.update(instFields).set({ title: 'مالیه شهری (ویرایش)' }).where(eq(instFields.key, 'municipal_finance'));
    await Promise.all([ensureInstructorDefaults(t.db), ensureInstructorDefaults(t.db)]);
    expect(await t.db.select().from(instFields)).toHaveLength(DEFAULT_FIELDS.length);
    expect(await t.db.select().from(instCriteriaSets)).toHaveLength(1);
    expect((await t.db.select().from(instFields).where(eq(instFields.key, 'municipal_finance')))[0]!.title).toBe('مالیه شهری (ویرایش)');
    const v1 = await currentCriteria(t.db);
    expect(v1).toMatchObject({ version: 1, isExample: true, usedBy: 0 });
  });

  it('the public taxonomy lists active fields in order, with their related studies', async () => {
    const res = await req('GET', '/api/v1/instructors/fields', null);
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: { key: string }) => f.key)).toEqual(DEFAULT_FIELDS.map((f) => f.key));
    expect(res.body.items[0].relatedStudies).toContain('حسابداری');
  });
});

describe('criteria versions', () => {
  it('publishing needs a national instructors.criteria grant', async () => {
    expect((await req('POST', '/api/v1/instructors/criteria', hdr.expertProv!, version())).status).toBe(403);
    expect((await req('POST', '/api/v1/instructors/criteria', hdr.unit!, version())).status).toBe(403);
    expect((await req('GET', '/api/v1/instructors/criteria', null)).status).toBe(401);
  });

  it('refuses an invalid definition with 400 and Persian messages', async () => {
    const bad: [string, unknown][] = [
      ['weights not summing to 100', { ...version(), definition: { ...DEFAULT_CRITERIA.definition, criteria: DEFAULT_CRITERIA.definition.criteria.slice(1) } }],
      ['a choice missing', { ...version(), definition: { ...DEFAULT_CRITERIA.definition, criteria: DEFAULT_CRITERIA.definition.criteria.map((c) => (c.measure === 'field_match' ? { ...c, choices: c.choices.slice(1) } : c)) } }],
      ['overlapping bands', { ...version(), definition: { ...DEFAULT_CRITERIA.definition, criteria: DEFAULT_CRITERIA.definition.criteria.map((c) => (c.measure === 'certificates' ? { ...c, bands: [{ min: null, max: 3, share: 0 }, { min: 1, max: null, share: 1 }] } : c)) } }],
      ['a measure twice', { ...version(), definition: { ...DEFAULT_CRITERIA.definition, criteria: [...DEFAULT_CRITERIA.definition.criteria.slice(0, 6), { ...DEFAULT_CRITERIA.definition.criteria[0]!, weight: 10 }] } }],
      ['not a Jalali day', version({ effectiveFrom: '1405/13/01' })],
      ['validity of 10 years', { ...version(), definition: { ...DEFAULT_CRITERIA.definition, validityYears: 10 } }],
    ];
    for (const [what, body] of bad) {
      const res = await req('POST', '/api/v1/instructors/criteria', hdr.admin!, body);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.title).toMatch(/[\u0600-\u06FF]/);
    }
    expect(await t.db.select().from(instCriteriaSets)).toHaveLength(1);
  });

  it('two publishers at once get consecutive versions; each is audited', async () => {
    const [a, b] = await Promise.all([
      req('POST', '/api/v1/instructors/criteria', hdr.admin!, version({ effectiveFrom: jalaliInDays(30), title: 'نسخه آینده الف' })),
      req('POST', '/api/v1/instructors/criteria', hdr.expert!, version({ effectiveFrom: jalaliInDays(30), title: 'نسخه آینده ب' })),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.version, b.body.version].sort()).toEqual([2, 3]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'instructors.criteria.create'));
    expect(audits).toHaveLength(2);
  });

  it('the version in effect is the latest effective on or before the day', async () => {
    expect((await currentCriteria(t.db)).version).toBe(1);
    expect((await currentCriteria(t.db, new Date(Date.now() + 31 * 86_400_000))).version).toBe(3);
    const today = await req('POST', '/api/v1/instructors/criteria', hdr.admin!, version({ passScore: 70 }));
    expect(today.status).toBe(201);
    expect(today.body).toMatchObject({ version: 4, isExample: false, createdBy: expect.any(String) });
    const cur = await req('GET', '/api/v1/instructors/criteria/current', hdr.unit!);
    expect(cur.body).toMatchObject({ version: 4, definition: { passScore: 70 } });
    const list = await req('GET', '/api/v1/instructors/criteria', hdr.unit!);
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('an application records the version in force when filed and keeps it after a newer one', async () => {
    const h = citizenHelpers(t.app, t.db);
    const me = (await h.citizenLogin('09121238001')).headers;
    const doc = await h.upload(me, PDF, 'd.pdf');
    expect((await req('PUT', '/api/v1/instructors/me/profile', me, sampleProfile(tree.province.id, ['it'], { n: 1, documents: [doc] }))).status).toBe(200);
    const filed = await req('POST', '/api/v1/instructors/me/applications', me, {});
    expect(filed.status).toBe(201);
    expect(filed.body.open.preScores[0].passScore).toBe(70);
    await req('POST', '/api/v1/instructors/criteria', hdr.admin!, version({ passScore: 50 }));
    const view = await req('GET', `/api/v1/instructors/applications/${filed.body.open.id}`, hdr.expert!);
    expect(view.body.criteriaSet).toMatchObject({ version: 4, passScore: 70 });
    const list = (await req('GET', '/api/v1/instructors/criteria', hdr.admin!)).body.items;
    expect(list.find((v: { version: number }) => v.version === 4).usedBy).toBe(1);
    expect(list.find((v: { version: number }) => v.version === 5).usedBy).toBe(0);
  });
});

describe('the taxonomy', () => {
  const field = { key: 'tourism', title: 'گردشگری شهری و روستایی', relatedStudies: ['مدیریت جهانگردی', 'گردشگری', 'گردشگری'], active: true };

  it('national grants add and edit fields; province grants and units cannot', async () => {
    expect((await req('PUT', '/api/v1/instructors/fields/tourism', hdr.expertProv!, field)).status).toBe(403);
    expect((await req('PUT', '/api/v1/instructors/fields/tourism', hdr.unit!, field)).status).toBe(403);
    const created = await req('PUT', '/api/v1/instructors/fields/tourism', hdr.admin!, field);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ ...field, relatedStudies: ['مدیریت جهانگردی', 'گردشگری'] });
    const keys = (await req('GET', '/api/v1/instructors/fields', null)).body.items.map((f: { key: string }) => f.key);
    expect(keys.at(-1)).toBe('tourism');
  });

  it('a deactivated field leaves the public list but stays for staff; bad keys are 400', async () => {
    expect((await req('PUT', '/api/v1/instructors/fields/tourism', hdr.expert!, { ...field, active: false })).status).toBe(200);
    expect((await req('GET', '/api/v1/instructors/fields', null)).body.items.some((f: { key: string }) => f.key === 'tourism')).toBe(false);
    expect((await req('GET', '/api/v1/instructors/fields?all=true', null)).body.items.some((f: { key: string }) => f.key === 'tourism')).toBe(false);
    expect((await req('GET', '/api/v1/instructors/fields?all=true', hdr.unit!)).body.items.some((f: { key: string }) => f.key === 'tourism')).toBe(true);
    expect((await req('PUT', '/api/v1/instructors/fields/tourism', hdr.admin!, { ...field, key: 'other' })).status).toBe(400);
    expect((await req('PUT', '/api/v1/instructors/fields/Bad-Key', hdr.admin!, { ...field, key: 'Bad-Key' })).status).toBe(400);
    expect(await t.db.select().from(instFields)).toHaveLength(DEFAULT_FIELDS.length + 1);
  });
});
