import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/access/actor.js';
import { createSession } from '../../../core/auth/sessions.js';
import { createCitizen, createDivision, createTree } from '../../../test/factories.js';
import { ComplaintCreate } from '../contract.js';
import { createCitizenTestApp } from './citizen-test-app.js';
import { submitComplaint } from './commands/submit.js';
import { COMPLAINT_SETTINGS } from './settings.js';
import { generateTrackingCode } from '../../../core/codes/tracking-code.js';

let t: Awaited<ReturnType<typeof createCitizenTestApp>>;
let tree: Awaited<ReturnType<typeof createTree>>;
let citizen: Actor;
let lighting: number;
let waste: number;

beforeAll(async () => {
  t = await createCitizenTestApp();
  tree = await createTree(t.db);
  citizen = await createCitizen(t.db);
  lighting = (await t.category('street-lighting')).id;
  waste = (await t.category('waste-collection')).id;
});
afterAll(async () => { await t.close(); });

const file = (o: Partial<ComplaintCreate>, actor: Actor = citizen) => submitComplaint(t.db, ComplaintCreate.parse({
  kind: 'complaint', categoryId: lighting, divisionId: tree.city.id, subject: 'خاموشی چراغ‌ها', body: 'چراغ‌های کوچه خاموش است.', ...o,
}), { actor, source: 'web', sms: false });

describe('GET /api/v1/complaints/categories', () => {
  it('200 without a session: the two-level tree with offices, SLAs and questions', async () => {
    const res = await t.app.inject({ url: '/api/v1/complaints/categories' });
    expect(res.statusCode).toBe(200);
    const groups = res.json().items as { name: string; children: { code: string; name: string; slaDays: number; office: string; questions: { code: string }[] }[] }[];
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['خدمات شهری', 'حمل‌ونقل و ترافیک', 'امور روستایی', 'آتش‌نشانی و ایمنی', 'تخلفات و شکایت از کارکنان', 'ساختمان و شهرسازی']));
    const leaves = groups.flatMap((g) => g.children);
    expect(new Set(leaves.map((l) => l.code)).size).toBe(leaves.length);
    for (const l of leaves) expect(l.code).toMatch(/^[a-z][a-z0-9-]+$/);
    expect(leaves.find((l) => l.code === 'pothole')!.questions.map((q) => q.code)).toContain('pothole_size');
    expect(leaves.find((l) => l.code === 'corruption')).toMatchObject({ office: 'inspection' });
    expect(leaves.find((l) => l.code === 'village-water')).toMatchObject({ office: 'dehyari', slaDays: 7 });
  });
});

describe('GET /api/v1/complaints/track/:code', () => {
  it('after 10 unknown or malformed codes in 10 minutes, 429 with Retry-After even for a real code; other clients unaffected', async () => {
    const { trackingCode } = await file({});
    const ip = '10.9.9.9';
    const track = (code: string, remoteAddress = ip) => t.app.inject({ url: `/api/v1/complaints/track/${encodeURIComponent(code)}`, remoteAddress });
    expect((await track(trackingCode)).statusCode).toBe(200); // hits do not count
    for (let i = 0; i < 10; i++) {
      const res = await track(i % 2 ? generateTrackingCode() : `not-a-code-${i}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const blocked = await track(trackingCode);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
    expect((await track(trackingCode, '10.9.9.10')).statusCode).toBe(200);
  });

  it('never shows the text, the name or the mobile', async () => {
    const { trackingCode } = await file({ name: 'علی محمدی', body: 'متن محرمانه شکایت' });
    const res = await t.app.inject({ url: `/api/v1/complaints/track/${trackingCode}`, remoteAddress: '10.1.1.1' });
    for (const secret of ['علی محمدی', 'متن محرمانه', citizen.mobile!, '"body"', '"mobile"']) expect(res.body).not.toContain(secret);
  });
});

describe('GET /api/v1/complaints/similar', () => {
  it('open cases of the same category in the same district, most similar first, public fields only', async () => {
    const county = tree.county;
    const farDistrict = await createDivision(t.db, 'district', county, 'بخش دور');
    const farCity = await createDivision(t.db, 'city', farDistrict, 'شهر دور');
    await file({ subject: 'خاموشی چراغ‌های خیابان بهار', body: 'چراغ‌های برق خیابان بهار یک هفته است که خاموش مانده و شب‌ها تاریک است.' });
    await file({ subject: 'تیر چراغ کج شده', body: 'تیر چراغ برق کوچه سوم کج شده و ممکن است بیفتد.' });
    await file({ subject: 'خاموشی چراغ‌های خیابان بهار', body: 'چراغ‌های خیابان بهار خاموش است.', anonymous: true });
    await file({ subject: 'خاموشی چراغ‌های خیابان بهار', body: 'چراغ‌های خیابان بهار خاموش است.', divisionId: farCity.id });
    await file({ subject: 'زباله خیابان بهار', body: 'زباله‌های خیابان بهار جمع نشده است.', categoryId: waste });
    const q = new URLSearchParams({ categoryId: String(lighting), divisionId: String(tree.village.id), text: 'چراغهای خیابان بهار خاموش هستند' });
    const res = await t.app.inject({ url: `/api/v1/complaints/similar?${q}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]).toMatchObject({ subject: 'خاموشی چراغ‌های خیابان بهار', state: 'submitted', stateTitle: expect.any(String), placeName: 'شهر آزمایشی', publicReplies: 0 });
    expect(items.every((i: { placeName: string }) => i.placeName !== 'شهر دور')).toBe(true);
    expect(items.filter((i: { subject: string }) => i.subject === 'خاموشی چراغ‌های خیابان بهار')).toHaveLength(1); // not the anonymous one
    for (const key of ['trackingCode', 'body', 'mobile', 'citizenName', 'id']) expect(items[0]).not.toHaveProperty(key);
    const unrelated = new URLSearchParams({ categoryId: String(lighting), divisionId: String(tree.city.id), text: 'درخت قطع شده در پارک' });
    expect((await t.app.inject({ url: `/api/v1/complaints/similar?${unrelated}` })).json().items).toEqual([]);
  });

  it('400 for a missing or too short text', async () => {
    expect((await t.app.inject({ url: `/api/v1/complaints/similar?categoryId=${lighting}&divisionId=${tree.city.id}&text=ab` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/complaints/similar' })).statusCode).toBe(400);
  });
});

describe('POST /api/v1/complaints throttling', () => {
  it('429 once a citizen sent COMPLAINT_SUBMITS_PER_HOUR (default 30) requests in an hour; another citizen is unaffected', async () => {
    const session = async () => {
      const s = await createSession(t.db, (await createCitizen(t.db)).id!, 1);
      return { cookie: `shahrdeh_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
    };
    const [a, b] = [await session(), await session()];
    const body = { kind: 'complaint', categoryId: waste, divisionId: tree.city.id, subject: 'زباله', body: 'زباله جمع نشده است.' };
    for (let i = 0; i < COMPLAINT_SETTINGS.submitsPerHour; i++) expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: a, payload: i % 2 ? {} : body })).statusCode).toBeLessThan(429);
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: a, payload: body });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: b, payload: body })).statusCode).toBe(201);
  });
});

describe('public and citizen endpoints under arbitrary input', () => {
  it('POST /api/v1/complaints answers 4xx problem+json, never 5xx, to any JSON', async () => {
    const sessions = await Promise.all(Array.from({ length: 6 }, async () => {
      const c = await createCitizen(t.db);
      const s = await createSession(t.db, c.id!, 1);
      return { cookie: `shahrdeh_sid=${s.token}`, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' };
    }));
    const near = fc.record({
      kind: fc.oneof(fc.constantFrom('complaint', 'request'), fc.string()),
      categoryId: fc.oneof(fc.constant(lighting), fc.integer(), fc.double(), fc.string()),
      divisionId: fc.oneof(fc.constant(tree.city.id), fc.integer({ min: -5, max: 3_000_000_000 })),
      subject: fc.string({ maxLength: 200 }),
      body: fc.string({ maxLength: 300 }),
      answers: fc.dictionary(fc.string({ maxLength: 45 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
      documentIds: fc.array(fc.oneof(fc.uuid(), fc.string()), { maxLength: 7 }),
      lat: fc.double(), lon: fc.double(), anonymous: fc.oneof(fc.boolean(), fc.string()),
    }, { requiredKeys: [] });
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(near, fc.jsonValue({ maxDepth: 3 })), async (body) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: JSON.stringify(body), headers: sessions[n++ % sessions.length]! });
      expect(res.statusCode).toBeLessThan(500);
      if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    }), { numRuns: 150 });
  });

  it('GET track/:code and similar answer < 500 to any string', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 100 }), fc.string({ maxLength: 300 }), async (code, text) => {
      const remoteAddress = `10.2.${Math.floor(n / 250)}.${n++ % 250}`;
      const track = await t.app.inject({ url: `/api/v1/complaints/track/${encodeURIComponent(code) || 'x'}`, remoteAddress });
      expect(track.statusCode).toBeLessThan(500);
      const q = new URLSearchParams({ categoryId: code, divisionId: String(tree.city.id), text });
      const similar = await t.app.inject({ url: `/api/v1/complaints/similar?${q}`, remoteAddress });
      expect(similar.statusCode).toBeLessThan(500);
      const q2 = new URLSearchParams({ categoryId: String(lighting), divisionId: String(tree.city.id), text: text || 'abc' });
      expect((await t.app.inject({ url: `/api/v1/complaints/similar?${q2}`, remoteAddress })).statusCode).toBeLessThan(500);
    }), { numRuns: 150 });
  });
});
