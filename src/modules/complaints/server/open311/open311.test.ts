import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../../core/access/actor.js';
import { loadConfig } from '../../../../core/config/config.js';
import { buildApp } from '../../../../core/http/app.js';
import type { ModuleDef } from '../../../../core/http/module.js';
import { notifyOutbox } from '../../../../core/notify/schema.js';
import { orgDivisions } from '../../../../core/org/schema.js';
import { registerWorkflow } from '../../../../core/workflow/definition.js';
import { getCase, transition } from '../../../../core/workflow/engine.js';
import { MODULES } from '../../../index.js';
import { createTestApp } from '../../../../test/app.js';
import { createTestDatabase } from '../../../../test/db.js';
import { createStaff, createTree } from '../../../../test/factories.js';
import { ensureCategories } from '../categories.js';
import { complaints, complaintsCategories, complaintsMessages } from '../schema.js';
import { complaintWorkflow } from '../workflow.js';
import { createApiKey, revokeApiKey, verifyApiKey } from './keys.js';
import { M } from './messages.js';
import { MISS_LIMIT, open311Routes } from './routes.js';
import {
  asXmlText, CREATED, DISCOVERY, ERROR, parseXml, problems, REQUEST, SERVICE, SERVICE_DEFINITION, TOKEN, UPDATE, xmlToSpark, type Schema,
} from './spec-check.js';

/**
 * The app under test: `createTestApp` once the complaints module is in MODULES; until then the same app built
 * with only these routes (so this suite runs while the rest of the module is written).
 */
async function openApp(env: Record<string, string> = {}) {
  if (MODULES.some((m) => m.key === 'complaints')) return createTestApp(env);
  registerWorkflow(complaintWorkflow);
  const database = await createTestDatabase();
  const ctx = { db: database.db, backend: database.backend, config: loadConfig({ DEMO: '0', LOG_LEVEL: 'silent', ...env }) };
  const app = await buildApp(ctx, { logger: false, serveWeb: false, modules: [{ key: 'open311-only', routes: open311Routes as unknown as ModuleDef['routes'] }] });
  await app.ready();
  return { app, db: database.db, ctx, async close() { await app.close(); await database.close(); } };
}

type T = Awaited<ReturnType<typeof openApp>>;
let t: T;
let key: string;
let tree: Awaited<ReturnType<typeof createTree>>;
let ip = 0;
// TRUST_PROXY is on: each test speaks from its own address, so the per-client limits do not mix between tests.
const from = () => ({ 'x-forwarded-for': `10.1.${Math.floor(++ip / 250) % 250}.${ip % 250}` });
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

beforeAll(async () => {
  t = await openApp({ TRUST_PROXY: '1' });
  await ensureCategories(t.db);
  tree = await createTree(t.db);
  // Coordinates: the city near Sari, the village 10 km east of it (the tree's other village has none).
  await t.db.update(orgDivisions).set({ lat: 36.5659, lon: 53.0586 }).where(eq(orgDivisions.id, tree.city.id));
  await t.db.update(orgDivisions).set({ lat: 36.5659, lon: 53.17 }).where(eq(orgDivisions.id, tree.village.id));
  tree.city.lat = 36.5659; tree.city.lon = 53.0586;
  // Statistical Centre codes as they look after an import (the factory's own codes are not numeric).
  await t.db.update(orgDivisions).set({ code: '87' }).where(eq(orgDivisions.id, tree.province.id));
  await t.db.update(orgDivisions).set({ code: '8701010101' }).where(eq(orgDivisions.id, tree.city.id));
  await t.db.update(orgDivisions).set({ code: '8701020304005' }).where(eq(orgDivisions.id, tree.otherVillage.id));
  key = await createApiKey(t.db, 'civic-app');
});
afterAll(async () => { await t?.close(); });

const get = (url: string) => t.app.inject({ url: `/open311/v2/${url}`, headers: from() });
const post = (url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({ method: 'POST', url: `/open311/v2/${url}`, payload: body.toString(), headers: { ...FORM, ...from(), ...headers } });
};

/** The JSON document conforms: an array of `schema` items (or one object), and its .xml twin says the same. */
async function expectDocument(path: string, root: string, schema: Schema, opts: { array?: boolean } = { array: true }) {
  const res = await get(`${path.replace('{f}', 'json')}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers['access-control-allow-origin']).toBe('*');
  const json = res.json();
  const items = opts.array ? json : [json];
  expect(Array.isArray(items)).toBe(true);
  for (const item of items) expect(problems(schema, item)).toEqual([]);
  const xml = await get(`${path.replace('{f}', 'xml')}`);
  expect(xml.statusCode).toBe(200);
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  const { root: el } = parseXml(xml.body);
  expect(el.name).toBe(root);
  expect(xmlToSpark(el)).toEqual(asXmlText(json));
  return json;
}

/** The response is a spec error document with this status — and never the "general error" that hides a fault. */
async function expectError(res: Awaited<ReturnType<typeof get>>, status: number, format: 'json' | 'xml' = 'json') {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.body).not.toContain(M.general);
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json();
    expect(Array.isArray(body) && body.length > 0).toBe(true);
    for (const e of body) expect(problems(ERROR, e)).toEqual([]);
    expect(body[0].code).toBe(status);
    return body[0].description as string;
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const { root } = parseXml(res.body);
  expect(root.name).toBe('errors');
  const errors = xmlToSpark(root) as { code: string; description: string }[];
  expect(errors[0]!.code).toBe(String(status));
  return errors[0]!.description;
}

const pothole = (extra: Record<string, string | string[]> = {}) => ({
  api_key: key, service_code: 'pothole', lat: '36.566', long: '53.06', description: 'چاله بزرگ وسط خیابان امام\nنزدیک میدان',
  'attribute[pothole_size]': 'large', 'attribute[dangerous]': 'true', ...extra,
});

describe('GET discovery.{json,xml}', () => {
  it('200: the discovery document naming this endpoint, both formats', async () => {
    const d = await expectDocument('discovery.{f}', 'discovery', DISCOVERY, { array: false });
    expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
    expect(d.endpoints[0].url).toMatch(/\/open311\/v2$/);
    expect(d.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
  });
});

describe('GET services.{json,xml}', () => {
  it('200: every active leaf category, with its group, metadata true when it has questions', async () => {
    const list = await expectDocument('services.{f}', 'services', SERVICE);
    expect(list.length).toBeGreaterThan(10);
    const p = list.find((s: { service_code: string }) => s.service_code === 'pothole');
    expect(p).toMatchObject({ metadata: true, type: 'realtime', service_name: 'آسفالت و چاله' });
    expect(p.group).not.toBe('');
    expect(list.some((s: { metadata: boolean }) => !s.metadata)).toBe(true);
    // Groups are not services.
    expect(list.some((s: { service_code: string }) => s.service_code === 'urban-services')).toBe(false);
  });

  it('404 for an unknown jurisdiction_id; 200 for a province code and for id:<n>', async () => {
    await expectError(await get('services.json?jurisdiction_id=nowhere'), 404);
    expect((await get(`services.json?jurisdiction_id=id:${tree.province.id}`)).statusCode).toBe(200);
    expect((await get('services.json?jurisdiction_id=87')).statusCode).toBe(200);
    expect((await get('services.json?jurisdiction_id=%DB%B8%DB%B7')).statusCode).toBe(200); // Persian digits
  });
});

describe('GET services/{service_code}.{json,xml}', () => {
  it('200: the questions as attributes (singlevaluelist with keys, boolean as true/false list, order from 1)', async () => {
    const d = await expectDocument('services/pothole.{f}', 'service_definition', SERVICE_DEFINITION, { array: false });
    expect(d.service_code).toBe('pothole');
    const [size, danger] = d.attributes;
    expect(size).toMatchObject({ code: 'pothole_size', datatype: 'singlevaluelist', required: true, order: 1, variable: true });
    expect(size.values.map((v: { key: string }) => v.key)).toEqual(['small', 'medium', 'large']);
    expect(danger).toMatchObject({ code: 'dangerous', datatype: 'singlevaluelist', required: false, order: 2 });
    expect(danger.values.map((v: { key: string }) => v.key)).toEqual(['true', 'false']);
  });

  it('404 in the spec format for an unknown service, JSON and XML', async () => {
    expect(await expectError(await get('services/no-such.json'), 404)).toContain('no-such');
    await expectError(await get('services/no-such.xml'), 404, 'xml');
  });

  it('400 for a suffix other than .json/.xml', async () => {
    await expectError(await get('services/pothole.html'), 400, 'xml');
    await expectError(await get('services.yaml'), 400, 'xml');
  });
});

describe('POST requests.{json,xml}', () => {
  it('200: files the request and answers [{service_request_id, service_notice, account_id}]; SMS to the phone', async () => {
    const res = await post('requests.json', pothole({ phone: '+98 912 345 6789', first_name: 'مریم', last_name: 'احمدی', account_id: 'u-77', email: 'm@example.org' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const [created] = res.json();
    expect(problems(CREATED, created)).toEqual([]);
    expect(created.service_request_id).toMatch(/^\d{13}$/);
    expect(created.account_id).toBe('u-77');
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, created.service_request_id));
    expect(row).toMatchObject({ source: 'open311', divisionId: tree.city.id, mobile: '09123456789', citizenName: 'مریم احمدی', kind: 'report', answers: { pothole_size: 'large', dangerous: true } });
    expect(row!.apiClient).toMatch(/^\d+$/);
    expect(row!.subject).toBe('چاله بزرگ وسط خیابان امام');
    const sms = await t.db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, '09123456789'));
    expect(sms.some((m) => m.body.includes(created.service_request_id))).toBe(true);
  });

  it('200 in XML: <service_requests><request><service_request_id>…', async () => {
    const res = await post('requests.xml', pothole());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const { root } = parseXml(res.body);
    expect(root.name).toBe('service_requests');
    const [req] = xmlToSpark(root) as Record<string, string>[];
    expect(Object.keys(req!)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(req!.service_request_id).toMatch(/^\d{13}$/);
  });

  it('places the request at the nearest city or village to lat/long', async () => {
    const res = await post('requests.json', pothole({ lat: '36.57', long: '53.16' }));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, res.json()[0].service_request_id));
    expect(row!.divisionId).toBe(tree.village.id);
    expect(row!.lat).toBeCloseTo(36.57);
  });

  it('403 in the spec format without an api_key, with a wrong one, with a revoked one', async () => {
    const { api_key: _, ...noKey } = pothole();
    expect(await expectError(await post('requests.json', noKey), 403)).toContain('api_key');
    await expectError(await post('requests.json', pothole({ api_key: 'o311_wrong-key-123456' })), 403);
    await expectError(await post('requests.xml', pothole({ api_key: 'demo' })), 403, 'xml'); // demo off
    const old = await createApiKey(t.db, 'old-app');
    expect((await post('requests.json', pothole({ api_key: old }))).statusCode).toBe(200);
    await revokeApiKey(t.db, Number((await verifyApiKey(t.db, old))!.id));
    await expectError(await post('requests.json', pothole({ api_key: old })), 403);
  });

  it('400 without service_code, 404 for an unknown one', async () => {
    const { service_code: _, ...noCode } = pothole();
    expect(await expectError(await post('requests.json', noCode), 400)).toContain('service_code');
    await expectError(await post('requests.xml', pothole({ service_code: 'no-such' })), 404, 'xml');
  });

  it('400 for a missing required attribute, a value not in the list, a bad number of lat/long', async () => {
    const { 'attribute[pothole_size]': _, ...noSize } = pothole();
    expect(await expectError(await post('requests.json', noSize), 400)).toContain('pothole_size');
    expect(await expectError(await post('requests.json', pothole({ 'attribute[pothole_size]': 'huge' })), 400)).toContain('pothole_size');
    expect(await expectError(await post('requests.json', pothole({ 'attribute[pothole_size]': ['small', 'large'] })), 400)).toContain('pothole_size');
    await expectError(await post('requests.json', pothole({ long: '' })), 400);
    await expectError(await post('requests.json', pothole({ lat: '51.5', long: '-0.12' })), 400); // London
    await expectError(await post('requests.json', pothole({ lat: '29.6', long: '52.5' })), 400); // Shiraz: no place of ours near
    await expectError(await post('requests.json', pothole({ description: '   ' })), 400);
    await expectError(await post('requests.json', pothole({ description: 'x'.repeat(4001) })), 400);
    await expectError(await post('requests.json', pothole({ media_url: 'javascript:alert(1)' })), 400);
  });

  it('400 without any location; address_string alone only with a city as jurisdiction; address_id as a place code', async () => {
    const { lat: _a, long: _b, ...noLoc } = pothole();
    await expectError(await post('requests.json', noLoc), 400);
    await expectError(await post('requests.json', { ...noLoc, address_string: 'خیابان امام' }), 400);
    const byCity = await post('requests.json', { ...noLoc, address_string: 'خیابان امام', jurisdiction_id: `id:${tree.city.id}` });
    expect(byCity.statusCode, byCity.body).toBe(200);
    await expectError(await post('requests.json', { ...noLoc, address_id: '123456789' }), 400);
    const byAddressId = await post('requests.json', { ...noLoc, address_id: '8701020304005' });
    expect(byAddressId.statusCode, byAddressId.body).toBe(200);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, byAddressId.json()[0].service_request_id));
    expect(row!.divisionId).toBe(tree.otherVillage.id);
    // By amar code: the province (87) and the city (8701010101) as jurisdictions.
    expect((await post('requests.json', pothole({ jurisdiction_id: '87' }))).statusCode).toBe(200);
    const inCity = await post('requests.json', { ...noLoc, address_string: 'میدان', jurisdiction_id: '8701010101' });
    expect(inCity.statusCode, inCity.body).toBe(200);
    await expectError(await post('requests.json', { ...noLoc, address_id: '8701020304005', jurisdiction_id: '8701010101' }), 400);
  });

  it('jurisdiction_id: 404 when unknown; the place must lie inside it', async () => {
    await expectError(await post('requests.json', pothole({ jurisdiction_id: '999999999' })), 404);
    await expectError(await post('requests.json', pothole({ jurisdiction_id: `id:${tree.otherProvince.id}` })), 400);
    const ok = await post('requests.json', pothole({ jurisdiction_id: `id:${tree.province.id}` }));
    expect(ok.statusCode, ok.body).toBe(200);
    // A city as jurisdiction: a point 100 km away is outside it.
    await expectError(await post('requests.json', pothole({ jurisdiction_id: `id:${tree.city.id}`, lat: '36.0', long: '52.3' })), 400);
  });

  it('400 in the spec format for a JSON or multipart body, 413 for a huge one', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: pothole(), headers: from() });
    await expectError(json, 400);
    const huge = await post('requests.xml', pothole({ description: 'ب'.repeat(200_000) }));
    await expectError(huge, 413, 'xml');
    const none = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: from() });
    expect(none.statusCode).toBe(400);
  });

  it('404 for POST to anything but requests', async () => {
    await expectError(await post('services.json', pothole()), 404);
  });
});

describe('GET requests and requests/{id}: round trip and lifecycle', () => {
  let code: string;
  let caseId: string;

  beforeAll(async () => {
    const res = await post('requests.json', pothole({ description: 'درخت افتاده روی پیاده‌رو <b>&</b>', media_url: 'https://example.org/p/1.jpg', phone: '09121112233', first_name: 'Secret', last_name: 'Name' }));
    code = res.json()[0].service_request_id;
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, code));
    caseId = row!.caseId;
  });

  it('200: status open, the public fields only (no name, no mobile), dates in Tehran time', async () => {
    const [r] = await expectDocument(`requests/${code}.{f}`, 'service_requests', REQUEST);
    expect(r).toMatchObject({
      service_request_id: code, status: 'open', status_notes: complaintWorkflow.states.submitted.title, service_code: 'pothole', service_name: 'آسفالت و چاله',
      description: 'درخت افتاده روی پیاده‌رو <b>&</b>', agency_responsible: 'شهرداری شهر آزمایشی', media_url: 'https://example.org/p/1.jpg', lat: 36.566, long: 53.06,
    });
    expect(r.requested_datetime).toMatch(/\+03:30$/);
    expect(r.expected_datetime).toMatch(DATE);
    expect(r.address).toContain('شهر آزمایشی');
    const raw = (await get(`requests/${code}.json`)).body + (await get(`requests/${code}.xml`)).body;
    expect(raw).not.toContain('Secret');
    expect(raw).not.toContain('09121112233');
  });

  it('GET requests lists it; filters by service_request_id, service_code, status, dates, jurisdiction', async () => {
    const all = await expectDocument('requests.{f}', 'service_requests', REQUEST);
    expect(all.some((r: { service_request_id: string }) => r.service_request_id === code)).toBe(true);
    const ids = (url: string) => get(url).then((r) => (r.json() as { service_request_id: string }[]).map((x) => x.service_request_id));
    expect(await ids(`requests.json?service_request_id=${code},1234567890123`)).toEqual([code]);
    expect(await ids('requests.json?service_code=street-lighting')).toEqual([]);
    expect(await ids('requests.json?service_code=street-lighting,pothole')).toContain(code);
    expect(await ids('requests.json?status=closed')).not.toContain(code);
    expect(await ids('requests.json?status=open')).toContain(code);
    expect(await ids(`requests.json?jurisdiction_id=id:${tree.otherProvince.id}`)).toEqual([]);
    expect(await ids(`requests.json?jurisdiction_id=id:${tree.province.id}`)).toContain(code);
    expect(await ids('requests.json?start_date=2010-01-01T00:00:00Z&end_date=2010-02-01T00:00:00Z')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`requests.json?start_date=${today}T00:00:00%2B03:30`)).toContain(code);
    // An unencoded '+' arrives as a space; still read as the offset.
    expect((await get(`requests.json?start_date=${today}T00:00:00+03:30`)).statusCode).toBe(200);
  });

  it('400 for bad filters: status, dates, a range over 90 days, too many ids', async () => {
    await expectError(await get('requests.json?status=pending'), 400);
    await expectError(await get('requests.json?start_date=yesterday'), 400);
    await expectError(await get('requests.json?start_date=2024-02-30T00:00:00Z'), 400);
    await expectError(await get('requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z'), 400);
    await expectError(await get(`requests.xml?service_request_id=${Array.from({ length: 30 }, (_, i) => 1000000000000 + i).join(',')}`), 400, 'xml');
  });

  it('tokens/{token}: the token is the id', async () => {
    const [tok] = await expectDocument(`tokens/${code}.{f}`, 'service_requests', TOKEN);
    expect(tok).toEqual({ service_request_id: code, token: code });
    await expectError(await get('tokens/1234567890123.json'), 404);
  });

  it('after the case is answered and closed through the engine: status closed, replies as updates', async () => {
    const staff = await createStaff(t.db, [['municipality', tree.city]]);
    let c = (await getCase(t.db, caseId))!;
    c = await transition(t.db, { caseId, action: 'assign', actor: staff, expectedVersion: c.version, assigneeId: staff.id });
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, code));
    c = await transition(t.db, {
      caseId, action: 'answer', actor: staff, expectedVersion: c.version, comment: 'چاله ترمیم شد.',
      apply: async (tx, u) => { await tx.insert(complaintsMessages).values({ complaintId: row!.id, kind: 'reply', body: 'چاله ترمیم شد.', authorId: staff.id, createdAt: u.updatedAt }); },
    });
    const [answered] = (await get(`requests/${code}.json`)).json();
    expect(answered).toMatchObject({ status: 'open', status_notes: complaintWorkflow.states.answered.title });
    await transition(t.db, { caseId, action: 'auto_close', actor: SYSTEM_ACTOR, expectedVersion: c.version });

    const [closed] = await expectDocument(`requests/${code}.{f}`, 'service_requests', REQUEST);
    expect(closed).toMatchObject({ status: 'closed', status_notes: complaintWorkflow.states.closed.title, expected_datetime: null });
    expect(new Date(closed.updated_datetime).getTime()).toBeGreaterThanOrEqual(new Date(closed.requested_datetime).getTime());
    const closedIds = (await get('requests.json?status=closed').then((r) => r.json())) as { service_request_id: string }[];
    expect(closedIds.map((x) => x.service_request_id)).toContain(code);

    const updates = (await expectDocument('servicerequestupdates.{f}', 'service_request_updates', UPDATE)) as { service_request_id: string; status: string; description: string }[];
    const mine = updates.filter((u) => u.service_request_id === code);
    expect(mine).toEqual([
      expect.objectContaining({ status: 'open', description: 'چاله ترمیم شد.' }),
      expect.objectContaining({ status: 'closed', description: complaintWorkflow.states.closed.title }),
    ]);
    expect((await get(`servicerequestupdates.json?jurisdiction_id=id:${tree.otherProvince.id}`)).json()).toEqual([]);
    await expectError(await get('servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2021-01-01T00:00:00Z'), 400);
  });
});

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
