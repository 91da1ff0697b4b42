// Property-based fuzzing of every route the app registers (read from app.routeAccess, so a new route is fuzzed
// without editing this file): public endpoints anonymously, every other route signed in with an account allowed
// to use it. Inputs: schema-shaped bodies with hostile content (from the OpenAPI document), arbitrary JSON of
// wrong types, hostile query strings and path parameters (Persian/Arabic, zero-width, RTL override, NUL, markup,
// SQL, huge strings), and wrong content types. Every answer must keep expectSafeAnswer: never 5xx, problem+json
// with a Persian title and a stable code, no SQL error, stack trace or source path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApiKey } from '../modules/complaints/server/open311/keys.js';
import { complaints } from '../modules/complaints/server/schema.js';
import { createCitizenTestApp, type Headers } from '../modules/complaints/server/citizen-test-app.js';
import { createCitizen, createStaff, createTree } from '../test/factories.js';
import { asText, bodyFor, expectSafeAnswer, fillUrl, hostileString, paramValue, queryFor, routeTable, sessionHeaders, type RouteInfo } from './support.js';

let t: Awaited<ReturnType<typeof createCitizenTestApp>>;
let routes: RouteInfo[];
let staff: Headers;
let citizen: Headers;
let apiKey: string;
const known: string[] = [];
/** What the fuzzed requests got (status and problem code), printed with FUZZ_STATS=1 to see how deep the inputs reach. */
const outcomes = new Map<string, number>();

beforeAll(async () => {
  t = await createCitizenTestApp({ TRUST_PROXY: '1' });
  const tree = await createTree(t.db);
  // One staff account holding every permission (national roles plus local ones), so every guarded route runs its handler.
  await createStaff(t.db, [['admin', null], ['expert.rural', null], ['expert.training', null], ['judge', null], ['district.reviewer', tree.district], ['dehyari', tree.village]], { username: 'fuzz-staff', password: 'secret-pass' });
  staff = await t.login('fuzz-staff');
  citizen = (await t.citizenLogin('09121234567')).headers;
  apiKey = await createApiKey(t.db, 'fuzz');
  // A real complaint, so tracking-code and id parameters sometimes hit a record.
  const pothole = (await t.category('pothole')).id;
  const filed = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: citizen, payload: { kind: 'complaint', categoryId: pothole, divisionId: tree.city.id, subject: 'چاله در خیابان', body: 'چاله‌ای بزرگ روبه‌روی مدرسه.', answers: { pothole_size: 'large', dangerous: true } } });
  expect(filed.statusCode).toBe(201);
  const [row] = await t.db.select({ id: complaints.id, caseId: complaints.caseId }).from(complaints);
  known.push(String(filed.json().trackingCode), String(row!.id), String(row!.caseId), String(tree.city.id), String(tree.village.id), String(pothole), '1');
  routes = routeTable(t.app);
});
afterAll(async () => {
  if (process.env.FUZZ_STATS) console.log([...outcomes].sort((a, b) => b[1] - a[1]));
  await t.close();
});

type Encoding = 'json' | 'text' | 'form' | 'broken-json' | 'none';
const encoding = fc.constantFrom<Encoding>('json', 'json', 'json', 'text', 'form', 'broken-json', 'none');

/** One request of a route with hostile parameters, query and body, sent as `headers` (a session, or none). */
function requestOf(r: RouteInfo) {
  return fc.record({
    params: fc.array(paramValue(known), { minLength: r.params.length, maxLength: r.params.length }),
    query: queryFor(r),
    body: bodyFor(r),
    encoding,
    ip: fc.integer({ min: 1, max: 250 }),
  });
}

async function send(r: RouteInfo, x: { params: string[]; query: string; body: unknown; encoding: Encoding; ip: number }, headers: Headers = {}) {
  const url = fillUrl(r.url, x.params) + (x.query ? `?${x.query}` : '');
  const h: Record<string, string> = { ...headers, 'x-forwarded-for': `10.9.${x.ip}.1` };
  let payload: string | undefined;
  if (r.method !== 'GET' && r.method !== 'OPTIONS' && x.encoding !== 'none') {
    if (r.url.startsWith('/open311') || x.encoding === 'form') {
      const form = typeof x.body === 'object' && x.body && !Array.isArray(x.body) ? Object.entries(x.body).map(([k, v]) => [k, asText(v)]) : [['description', asText(x.body)]];
      payload = new URLSearchParams([['api_key', apiKey], ...form]).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    } else if (x.encoding === 'text') {
      payload = asText(x.body);
      h['content-type'] = 'text/plain';
    } else {
      payload = x.encoding === 'broken-json' ? JSON.stringify(x.body).slice(0, -1) + '\u0000' : JSON.stringify(x.body ?? null);
      h['content-type'] = 'application/json';
    }
  }
  const res = await t.app.inject({ method: r.method as 'GET', url, headers: h, payload });
  expectSafeAnswer(res, `${r.method} ${url.slice(0, 200)}`);
  const key = res.statusCode < 400 ? String(res.statusCode) : `${res.statusCode} ${String(res.headers['content-type']).includes('problem') ? (res.json() as { code: string }).code : 'open311'}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  return res;
}

/** FUZZ_SCALE=10 runs ten times the inputs per route (a deeper run than the default, which keeps `npm test` quick). */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);

/** Fuzzes each route in turn (so every one is reached, whatever the random choices), `runs` inputs each. */
async function fuzzEach(list: RouteInfo[], runs: number, headersFor: (r: RouteInfo) => Headers | undefined) {
  let requests = 0;
  for (const r of list) {
    await fc.assert(fc.asyncProperty(requestOf(r), async (x) => { requests++; await send(r, x, headersFor(r)); }), { numRuns: runs * SCALE });
  }
  return requests;
}

const isPublic = (r: RouteInfo) => r.access === 'public' && r.url !== '/metrics' && r.url !== '/api/openapi.json';
const SIGNED_IN_SKIP = new Set(['POST /api/v1/auth/logout']);

describe('fuzzing every route', () => {
  it('public endpoints, anonymous: never 5xx, problem+json with a Persian title, no leak', async () => {
    const pub = routes.filter(isPublic);
    expect(pub.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/v1/divisions', '/api/v1/complaints/track/:code', '/api/v1/showcase', '/api/v1/verify/training-id/:id', '/open311/v2/:resource', '/api/v1/auth/login']));
    const n = await fuzzEach(pub, 12, () => undefined);
    expect(n).toBe(pub.length * 12 * SCALE);
  });

  it('every write route (POST/PUT/PATCH/DELETE), signed in with an account allowed to use it', async () => {
    const writes = routes.filter((r) => !isPublic(r) && !['GET', 'OPTIONS'].includes(r.method) && !SIGNED_IN_SKIP.has(`${r.method} ${r.url}`));
    expect(writes.length).toBeGreaterThan(60);
    const n = await fuzzEach(writes, 8, (r) => (r.access === 'citizen' ? citizen : staff));
    // 'authenticated' writes (the festival's own entries, questions…) are open to citizens too.
    await fuzzEach(writes.filter((r) => r.access === 'authenticated'), 4, () => citizen);
    expect(n).toBe(writes.length * 8 * SCALE);
  });

  it('every signed-in read route, with hostile query strings and path parameters', async () => {
    const reads = routes.filter((r) => !isPublic(r) && r.method === 'GET' && r.url !== '/metrics');
    expect(reads.length).toBeGreaterThan(60);
    await fuzzEach(reads, 4, (r) => (r.access === 'citizen' ? citizen : staff));
    await fuzzEach(reads.filter((r) => r.access === 'authenticated'), 2, () => citizen);
  });

  it('the session survived the fuzzing (no route signed the fuzzer out or broke the account)', async () => {
    expect((await t.app.inject({ url: '/api/v1/me', headers: staff })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: citizen })).statusCode).toBe(200);
  });
});

describe('the complaint form, deeply', () => {
  it('any subject, body, name, address and answers: 201 with the text stored as given (normalised), or a clear 4xx', async () => {
    const pothole = (await t.category('pothole')).id;
    const divisionId = Number(known[3]);
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, fc.option(hostileString, { nil: undefined }), fc.dictionary(fc.string({ maxLength: 40 }), fc.oneof(hostileString, fc.integer(), fc.boolean()), { maxKeys: 3 }), async (subject, body, name, answers) => {
        const who = await sessionHeaders(t.db, (await createCitizen(t.db)).id!);
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: who, payload: { kind: 'complaint', categoryId: pothole, divisionId, subject, body, name, address: name, answers: { pothole_size: 'small', dangerous: false, ...answers } } });
        expectSafeAnswer(res, 'POST /api/v1/complaints');
        if (res.statusCode === 201) {
          const track = await t.app.inject({ url: `/api/v1/complaints/mine/${res.json().trackingCode}`, headers: who });
          expectSafeAnswer(track, 'GET /api/v1/complaints/mine/:code');
          expect(track.statusCode).toBe(200);
          // Stored as data: markup comes back verbatim (control characters stripped, ends trimmed).
          const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
          if (subject.includes('<')) expect(JSON.stringify(track.json())).toContain(JSON.stringify(clean(subject)).slice(1, -1).slice(0, 40));
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('transport security', () => {
  // (moved here from src/core/http/bad-input.test.ts, whose fuzzing this file replaces; this app trusts the proxy)
  it('sends HSTS only when the request came over https through a trusted proxy', async () => {
    const plain = await t.app.inject({ url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await t.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toContain('max-age=');
  });
});

describe('regressions found by the fuzzer', () => {
  it('a path parameter over the router limit or with a broken %-escape answers problem+json (was plain JSON echoing the path)', async () => {
    const long = await t.app.inject({ url: `/api/v1/showcase/${'%3Cscript%3E'.repeat(40)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ code: 'uri_too_long', status: 414 });
    const broken = await t.app.inject({ url: '/api/v1/complaints/track/%E0%A4%A' });
    expectSafeAnswer(broken, 'GET /api/v1/complaints/track/%E0%A4%A');
    expect(broken.statusCode).toBe(400);
  });

  it('a NUL byte in a rate-limit or miss-counter key (a %00 in a URL, a username) is a 4xx, not 503 rate_limit_unavailable', async () => {
    const rate = await t.app.inject({ url: '/api/v1/rate/%00' });
    expectSafeAnswer(rate, 'GET /api/v1/rate/%00');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expectSafeAnswer(login, 'POST /api/v1/auth/login');
    expect([400, 401]).toContain(login.statusCode);
  });
});
