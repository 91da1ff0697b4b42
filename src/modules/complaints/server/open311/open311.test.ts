import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../../core/access/actor.js';
import { notifyOutbox } from '../../../../core/notify/schema.js';
import { getCase, transition } from '../../../../core/workflow/engine.js';
import { createStaff } from '../../../../test/factories.js';
import { complaints, complaintsMessages } from '../schema.js';
import { complaintWorkflow } from '../workflow.js';
import { createApiKey, revokeApiKey, verifyApiKey } from './keys.js';
import { CREATED, DISCOVERY, parseXml, problems, REQUEST, SERVICE, SERVICE_DEFINITION, TOKEN, UPDATE, xmlToSpark } from './spec-check.js';
import { DATE, expectDocument, expectError, fixture, from, get, pothole, post, useOpen311App } from './open311-fixture.js';

useOpen311App();
let t: typeof fixture.t;
let key: string;
let tree: typeof fixture.tree;
beforeAll(() => ({ t, key, tree } = fixture));

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
