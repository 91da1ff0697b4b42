import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDivisions } from '../../../../core/org/schema.js';
import { createTree } from '../../../../test/factories.js';
import { ensureCategories } from '../categories.js';
import { complaints, complaintsCategories } from '../schema.js';
import { M } from './messages.js';
import { MISS_LIMIT } from './routes.js';
import { CREATED, parseXml, problems, xmlToSpark } from './spec-check.js';
import { expectError, FORM, fixture, from, get, openApp, pothole, post, useOpen311App, type T } from './open311-fixture.js';

useOpen311App();
let t: typeof fixture.t;
let key: string;
let tree: typeof fixture.tree;
beforeAll(() => ({ t, key, tree } = fixture));

describe('lookups of unknown ids', () => {
  it('404 in the spec format; 429 after 10 misses from one client (as on the track page), even for a real code', async () => {
    const headers = { 'x-forwarded-for': '10.250.0.1' };
    const real = (await post('requests.json', pothole())).json()[0].service_request_id;
    for (let i = 0; i < MISS_LIMIT.max; i++) {
      const res = await t.app.inject({ url: `/open311/v2/requests/${1000000000000 + i}.json`, headers });
      expect(res.statusCode).toBe(404);
    }
    const blocked = await t.app.inject({ url: `/open311/v2/requests/${real}.json`, headers });
    await expectError(blocked, 429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(`requests/${real}.json`)).statusCode).toBe(200); // another client is not affected
  });

  it('404 in the spec format for an unknown resource or path', async () => {
    await expectError(await get('nothing.json'), 404);
    await expectError(await get('a/b/c.xml'), 404, 'xml');
  });

  it('429 in the spec format (with Retry-After) past the per-client request rate', async () => {
    const headers = { 'x-forwarded-for': '10.251.0.1' };
    let last = await t.app.inject({ url: '/open311/v2/discovery.xml', headers });
    for (let i = 0; i < 130 && last.statusCode === 200; i++) last = await t.app.inject({ url: '/open311/v2/discovery.xml', headers });
    await expectError(last, 429, 'xml');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('appears in the OpenAPI document under the open311 tag', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/open311/v2/{resource}'].post.tags).toEqual(['open311']);
    expect(doc.paths['/open311/v2/requests/{file}'].get).toBeTruthy();
  });

  it('answers a CORS preflight for GET; deeper unknown paths are spec 404s', async () => {
    const pre = await t.app.inject({ method: 'OPTIONS', url: '/open311/v2/requests.json', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-requested-with' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-headers']).toBe('x-requested-with');
    await expectError(await t.app.inject({ method: 'DELETE', url: '/open311/v2/requests/1.json' }), 404);
    await expectError(await get('services/pothole/more.json'), 404);
  });

  it('CORS only on /open311 GETs', async () => {
    expect((await get('services.json')).headers['access-control-allow-origin']).toBe('*');
    expect((await t.app.inject({ url: '/api/health' })).headers['access-control-allow-origin']).toBeUndefined();
    expect((await post('requests.json', pothole())).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('junk input', () => {
  const FIELDS = [
    'api_key', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'description', 'phone', 'first_name', 'last_name', 'email',
    'media_url', 'jurisdiction_id', 'account_id', 'device_id', 'attribute[pothole_size]', 'attribute[dangerous]', 'attribute[]', 'attribute[x][]', '',
  ];
  const value = () => fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.constantFrom('', ' ', 'pothole', 'large', 'true', '36.566', '53.06', '-0', '1e308', 'NaN', '%', '%zz', '\u0000', 'id:1', 'id:99999999999', '09123456789', 'https://x.y/z'),
    fc.integer().map(String),
    fc.double().map(String),
  );

  it('POST requests: any form — junk alone or a valid one with junk in a few fields — never gets a 5xx; errors are spec documents', async () => {
    const seen = new Map<number, number>();
    const junk = fc.oneof(
      fc.record({ base: fc.constant({} as Record<string, string>), fields: fc.dictionary(fc.constantFrom(...FIELDS), value(), { maxKeys: 12 }), withKey: fc.boolean() }),
      fc.record({ base: fc.constant(pothole()), fields: fc.dictionary(fc.constantFrom(...FIELDS), value(), { maxKeys: 3 }), withKey: fc.constant(false) }),
    );
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom('json', 'xml'), async ({ base, fields, withKey }, format) => {
        const res = await post(`requests.${format}`, { ...base, ...fields, ...(withKey ? { api_key: key } : {}) });
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) await expectError(res, res.statusCode, format);
        else expect(problems(CREATED, format === 'json' ? res.json()[0] : (xmlToSpark(parseXml(res.body).root) as unknown[])[0])).toEqual([]);
      }),
      { numRuns: 200 },
    );
    // The property reached both the checks and the command.
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
  });

  it('POST requests: raw junk bodies and content types never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml'), async (body, type) => {
        const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: body, headers: { 'content-type': type, ...from() } });
        expect(res.statusCode).toBeLessThan(500);
        await expectError(res, res.statusCode);
      }),
      { numRuns: 100 },
    );
  });

  it('GET: any path segment and query never gets a 5xx', async () => {
    const seg = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('requests', 'services', 'tokens', 'servicerequestupdates', 'discovery', 'pothole', '\u0000', '1234567890123'));
    const ext = fc.constantFrom('.json', '.xml', '', '.JSON', '.', '.json.xml');
    const q = fc.dictionary(fc.constantFrom('service_request_id', 'service_code', 'status', 'start_date', 'end_date', 'jurisdiction_id', 'x'), value(), { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(seg, { minLength: 1, maxLength: 2 }), ext, q, async (segs, e, query) => {
        const path = segs.map((s) => encodeURIComponent(s)).join('/') + e;
        const res = await t.app.inject({ url: `/open311/v2/${path}?${new URLSearchParams(query)}`, headers: from() });
        expect(res.statusCode).toBeLessThan(500);
        expect(res.body).not.toContain(M.general);
      }),
      { numRuns: 200 },
    );
  });
});

describe('demo mode', () => {
  let d: T;
  beforeAll(async () => {
    d = await openApp({ DEMO: '1' });
    await ensureCategories(d.db);
    const tr = await createTree(d.db);
    await d.db.update(orgDivisions).set({ lat: 36.5659, lon: 53.0586 }).where(eq(orgDivisions.id, tr.city.id));
  });
  afterAll(async () => { await d?.close(); });

  it('accepts the api_key "demo" and says so in discovery (type test)', async () => {
    const body = new URLSearchParams({ api_key: 'demo', service_code: 'street-lighting', lat: '36.566', long: '53.06', description: 'چراغ خاموش است' });
    const res = await d.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: body.toString(), headers: FORM });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await d.db.select().from(complaints).where(eq(complaints.trackingCode, res.json()[0].service_request_id));
    expect(row!.apiClient).toBe('demo');
    const disc = (await d.app.inject({ url: '/open311/v2/discovery.json' })).json();
    expect(disc.endpoints[0].type).toBe('test');
    expect(disc.key_service).toContain('demo');
  });
});

describe('what Open311 publishes', () => {
  it('offers no Inspection Office category and lists no anonymous complaint', async () => {
    const services = (await get('services.json')).json() as { service_code: string }[];
    const codes = (await t.db.select().from(complaintsCategories)).filter((c) => c.office === 'inspection' && c.parentId !== null).map((c) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(services.map((s) => s.service_code)).not.toContain(code);
      expect((await get(`services/${code}.json`)).statusCode).toBe(404);
    }
    const res = await post('requests.json', { api_key: key, service_code: services[0]!.service_code, lat: '36.5659', long: '53.0586', description: 'چراغ کوچه خاموش است' });
    const id = (res.json() as { service_request_id: string }[])[0]!.service_request_id;
    expect((await get(`requests/${id}.json`)).statusCode).toBe(200);
    await t.db.update(complaints).set({ anonymous: true }).where(eq(complaints.trackingCode, id));
    expect((await get(`requests/${id}.json`)).statusCode).toBe(404);
    const list = (await get('requests.json')).json() as { service_request_id: string }[];
    expect(list.map((r) => r.service_request_id)).not.toContain(id);
  });
});
