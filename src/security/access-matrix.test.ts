// The access matrix: every route of the app (from `app.routeAccess`) × every demo account × real demo records in
// and out of the account's scope. Expectations are derived from the policy code (`checkAccess`, `inScope`, the
// accounts' grants and the records' division paths), never from a table of results. See src/security/records.ts.
import { unzipSync, strFromU8 } from 'fflate';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/actor.js';
import { grantsFor, inScope } from '../core/access/policy.js';
import { actorOf } from '../core/auth/sessions.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../core/auth/demo.js';
import { authUsers } from '../core/auth/schema.js';
import { rows } from '../core/db/client.js';
import { checkAccess, type Access } from '../core/http/access.js';
import { MODULES } from '../modules/index.js';
import { createTestApp } from '../test/app.js';
import { citizenHelpers, PNG, type Headers } from '../test/citizen.js';
import { storeDocument } from '../core/documents/store.js';
import { fingerprint, kindPermission, KINDS, ownerToo, recordsOf, type KindKey, type MatrixRecord } from './records.js';
import { BIND, BODIES, FAKE, LOOSE, NOT_SCOPED, SECOND, SKIP } from './matrix-routes.js';


interface Account { name: string; headers: Headers; actor: Actor; userId: number }

let t: Awaited<ReturnType<typeof createTestApp>>;
const accounts: Account[] = [];
const records = new Map<KindKey, MatrixRecord[]>();
let assigned: Set<string>;
/** `judgeId:docId` for the photos and documents of the entries assigned to a judge. */
let judgeDocs: Set<string>;
/** Complaint tracking code → one of its attachments (for the citizen's attachment route). */
const attachmentOf = new Map<string, string>();
/** Entries and photos on the public showcase: anyone may see them. */
const publicMarkers = new Set<string>();
let checks = 0;

const routes = () => t.app.routeAccess.filter((r) => r.method !== 'HEAD' && r.access !== undefined && !SKIP.has(`${r.method} ${r.url}`));
const params = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
const fill = (url: string, first: string) => {
  const second = url.endsWith('/documents/:documentId') ? attachmentOf.get(first) : undefined;
  return url.replace(/:([A-Za-z]+)/, encodeURIComponent(first)).replace(/:([A-Za-z]+)/g, (_, p: string) => second ?? SECOND[p] ?? FAKE);
};

async function call(method: string, url: string, headers: Headers, payload: object = {}) {
  return t.app.inject({ method: method as 'GET', url, headers, payload: method === 'GET' || method === 'DELETE' ? undefined : payload });
}

/** The response as text, with the sheets of an XLSX workbook unpacked. */
function bodyText(res: { rawPayload: Buffer; headers: Record<string, unknown>; body: string }): string {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml') || res.rawPayload.subarray(0, 2).toString() === 'PK') {
    const files = unzipSync(new Uint8Array(res.rawPayload));
    return Object.entries(files).filter(([n]) => n.endsWith('.xml')).map(([, f]) => strFromU8(f)).join('\n');
  }
  return res.body;
}

const isStaff = (a: Account) => a.actor.kind === 'staff';
const insideGrants = (a: Account, path: string, kind?: KindKey) => {
  const permission = kind && kindPermission(kind);
  return (permission ? grantsFor(a.actor, permission) : a.actor.grants).some((g) => inScope(g.path, path));
};
const onlyJudge = (a: Account) => isStaff(a) && a.actor.grants.every((g) => g.role === 'judge');

/** May this account touch this record at all, by the record's rule? (Necessary, not sufficient: roles narrow it further.) */
function mayTouch(a: Account, kind: KindKey, r: MatrixRecord): boolean {
  const rule = KINDS[kind].rule;
  if (rule === 'owner') return r.owner === a.userId;
  if (rule === 'assigned') return assigned.has(`${a.userId}:${r.id}`);
  if (ownerToo(kind) && r.owner === a.userId) return true;
  // A judge reads the documents of his assigned entries (the festival's document reader).
  if (kind === 'document' && judgeDocs.has(`${a.userId}:${r.id}`)) return true;
  return isStaff(a) && insideGrants(a, r.path, kind);
}

/** Length of the common prefix of two paths: the nearest out-of-scope record is the sharpest test. */
const common = (x: string, y: string) => { let i = 0; while (i < x.length && x[i] === y[i]) i++; return i; };

/** Out-of-scope samples for an account: the nearest one and one far away; in-scope: one. */
function samples(a: Account, kind: KindKey, url = ''): { inside: MatrixRecord[]; outside: MatrixRecord[] } {
  const all = (records.get(kind) ?? []).filter((r) => !url.endsWith('/documents/:documentId') || attachmentOf.has(r.id));
  const home = a.actor.grants[0]?.path ?? '/';
  const outside = all.filter((r) => !mayTouch(a, kind, r)).sort((x, y) => common(y.path, home) - common(x.path, home) || x.id.localeCompare(y.id));
  const inside = all.filter((r) => mayTouch(a, kind, r)).sort((x, y) => y.path.length - x.path.length || x.id.localeCompare(y.id));
  return { inside: inside.slice(0, 1), outside: [...new Set([outside[0], outside[outside.length - 1]])].filter((r): r is MatrixRecord => !!r) };
}

/** Markers of every record this account must never see in any response (the sweep over lists, exports, counts, search). */
function forbiddenMarkers(a: Account): Map<string, string> {
  const out = new Map<string, string>();
  const kinds: KindKey[] = isStaff(a)
    ? ['complaint', 'case', 'amriyehApplication', 'amriyehLetter', 'gradingRequest', 'instructorApplication', 'festivalEntry', 'document']
    : ['complaintCode', 'amriyehMine', 'instructorMine', 'festivalMine', 'amriyehLetter'];
  for (const k of kinds) {
    for (const r of records.get(k) ?? []) {
      const hidden = ownerToo(k) ? !mayTouch(a, k, r) : isStaff(a) ? !insideGrants(a, r.path) : r.owner !== a.userId;
      if (hidden && r.marker && !publicMarkers.has(r.marker)) out.set(r.marker, `${k} ${r.id} at ${r.path}`);
    }
  }
  // A judge sees only the entries assigned to him.
  if (onlyJudge(a)) for (const r of records.get('judging') ?? []) if (!assigned.has(`${a.userId}:${r.id}`) && r.marker) out.set(r.marker, `entry ${r.id} not assigned`);
  return out;
}

async function auditCount(): Promise<number> {
  const [r] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
  return r!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  const places = await seedDemo(t.db);
  for (const m of MODULES) await m.seedDemo?.(t.db, places);
  const staffNames = [...DEMO_ACCOUNTS.map((a) => a.username), 'judge2', 'dehyari.abyaneh'];
  for (const name of staffNames) {
    const [u] = await t.db.select().from(authUsers).where(eq(authUsers.username, name));
    if (!u) throw new Error(`demo account ${name} is missing`);
    accounts.push({ name, headers: await t.login(name, DEMO_PASSWORD), actor: await actorOf(t.db, u), userId: u.id });
  }
  const { citizenLogin } = citizenHelpers(t.app, t.db);
  // Citizens of each service: complaints, amriyeh, instructors, festival entrepreneurs.
  for (const mobile of ['09000000001', '09000000002', '09000000100', '09000000200', '09000000301']) {
    const { headers, userId } = await citizenLogin(mobile);
    const [u] = await t.db.select().from(authUsers).where(eq(authUsers.id, userId));
    accounts.push({ name: `citizen ${mobile}`, headers, actor: await actorOf(t.db, u!), userId });
  }
  // The demo has no landfill import: one by the dehyar, so another account's attempt to read it can be tested.
  const dehyar = accounts.find((x) => x.name === 'dehyari')!;
  await rows(t.db, sql`insert into landfill_imports (filename, format, content, rows, state, total_rows, created_by_id) values ('sites.csv', 'csv', decode('6e616d650a', 'hex'), '[]', 'done', 0, ${dehyar.userId})`);
  // The demo complaints have no attachments: each demo citizen attaches a photo to one of his complaints.
  for (const c of accounts.filter((x) => ['citizen 09000000001', 'citizen 09000000002'].includes(x.name))) {
    const [k] = await rows<{ id: string; path: string }>(t.db, sql`select id::text, division_path as path from complaints where citizen_id = ${c.userId} order by tracking_code limit 1`);
    const doc = await storeDocument(t.db, { content: PNG, filename: 'photo.png', purpose: 'complaint', divisionPath: k!.path, owner: c.actor, maxBytes: 1 << 20 });
    await rows(t.db, sql`insert into complaints_attachments (complaint_id, document_id, added_by, is_public) values (${k!.id}::uuid, ${doc.id}::uuid, ${c.userId}, true)`);
  }
  for (const k of Object.keys(KINDS) as KindKey[]) records.set(k, await recordsOf(t.db, k));
  const a = await rows<{ k: string }>(t.db, sql`select judge_id || ':' || entry_id as k from fest_assignments`);
  assigned = new Set(a.map((x) => x.k));
  const jd = await rows<{ k: string }>(t.db, sql`select distinct a.judge_id || ':' || d.id as k from fest_assignments a join fest_entries e on e.id = a.entry_id join doc_files d on e.plan::text like '%' || d.id::text || '%'`);
  judgeDocs = new Set(jd.map((x) => x.k));
  for (const r of await rows<{ code: string; doc: string }>(t.db, sql`select c.tracking_code as code, min(x.document_id::text) as doc from complaints c join complaints_attachments x on x.complaint_id = c.id where x.is_public group by c.tracking_code`)) attachmentOf.set(r.code, r.doc);
  // The public showcase, read through its public API: its plans and photos are nobody's secret.
  for (let page = 1; ; page++) {
    const items = (await t.app.inject({ url: `/api/v1/showcase?page=${page}&pageSize=50` })).json().items as { id: string }[] | undefined;
    if (!items?.length) break;
    for (const it of items) {
      publicMarkers.add(it.id);
      const plan = (await t.app.inject({ url: `/api/v1/showcase/${it.id}` })).body;
      for (const m of plan.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) publicMarkers.add(m[0]);
    }
  }
}, 600_000);
afterAll(async () => {
  console.log(`access matrix: ${checks} route × account × record checks`);
  await t?.close();
});

describe('access matrix', () => {
  it('binds every route with a path parameter to a record kind, or says why it has no scope', () => {
    const unbound = routes().filter((r) => params(r.url).length > 0 && !BIND[r.url] && !NOT_SCOPED[r.url] && r.access !== 'public').map((r) => `${r.method} ${r.url}`);
    expect(unbound).toEqual([]);
    const stale = [...Object.keys(BIND), ...Object.keys(NOT_SCOPED)].filter((u) => !t.app.routeAccess.some((r) => r.url === u));
    expect(stale).toEqual([]);
    const writes = routes().filter((r) => BIND[r.url] && r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    const bodiless = writes.filter((w) => !BODIES[w] && !LOOSE.has(w) && !/^(DELETE|POST) .*\/(withdraw|held|close|assignments\/:assignmentId|:id)$/.test(w));
    expect(bodiless).toEqual([]);
    for (const k of Object.keys(KINDS) as KindKey[]) expect({ kind: k, some: (records.get(k)?.length ?? 0) > 0 }).toEqual({ kind: k, some: true });
  });

  it('role matrix: every route × every account answers as its access rule and the role\'s permissions say', async () => {
    const failures: string[] = [];
    // The verdict depends only on the account's kind and roles: one account per distinct set of them.
    const signature = (a: Account) => `${a.actor.kind}:${[...new Set(a.actor.grants.map((g) => g.role))].sort().join(',')}`;
    const distinct = accounts.filter((a, i) => accounts.findIndex((b) => signature(b) === signature(a)) === i);
    expect(distinct.length).toBeGreaterThan(12);
    for (const r of routes()) {
      if (r.access === 'public') continue;
      for (const a of distinct) {
        const verdict = checkAccess(r.access as Access, a.actor);
        const res = await call(r.method, fill(r.url, FAKE), a.headers);
        checks++;
        const code = res.headers['content-type']?.toString().includes('json') ? (res.json() as { code?: string }).code : undefined;
        if (verdict !== null && res.statusCode !== verdict) failures.push(`${a.name} ${r.method} ${r.url}: ${res.statusCode}, expected ${verdict}`);
        if (verdict === null && (res.statusCode === 401 || code === 'csrf_failed' || code === 'no_access_rule' || res.statusCode >= 500)) failures.push(`${a.name} ${r.method} ${r.url}: ${res.statusCode} ${code}, expected the handler to answer`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('scope matrix: out-of-scope records are neither readable nor writable; in-scope reads succeed', async () => {
    const failures: string[] = [];
    const served = new Map<string, number>();
    for (const r of routes()) {
      const kind = BIND[r.url];
      if (!kind) continue;
      const route = `${r.method} ${r.url}`;
      if (r.method === 'GET') served.set(route, served.get(route) ?? 0);
      for (const a of accounts) {
        if (checkAccess(r.access as Access, a.actor) !== null) continue; // the role matrix covers it
        const { inside, outside } = samples(a, kind, r.url);
        for (const rec of outside) {
          const before = r.method === 'GET' ? '' : await fingerprint(t.db, kind, rec.id);
          const audit = r.method === 'GET' ? 0 : await auditCount();
          const res = await call(r.method, fill(r.url, rec.id), a.headers, await BODIES[route]?.(rec, t.db));
          checks++;
          const refused = [403, 404].includes(res.statusCode) || (LOOSE.has(route) && res.statusCode === 400);
          if (!refused) failures.push(`${a.name} ${route} on ${kind} ${rec.id} (${rec.path}, owner ${rec.owner}): ${res.statusCode}`);
          if (r.method !== 'GET') {
            const after = await fingerprint(t.db, kind, rec.id);
            if (after !== before) failures.push(`${a.name} ${route} changed ${kind} ${rec.id}`);
            if ((await auditCount()) !== audit) failures.push(`${a.name} ${route} on ${kind} ${rec.id} wrote to the audit log`);
          }
        }
        if (r.method !== 'GET') continue;
        for (const rec of inside) {
          const res = await call(r.method, fill(r.url, rec.id), a.headers);
          checks++;
          if (res.statusCode >= 500) failures.push(`${a.name} ${route} on in-scope ${kind} ${rec.id}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          if (res.statusCode === 200) served.set(route, served.get(route)! + 1);
        }
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: every record-reading route served a real record to someone whose scope holds it.
    expect([...served].filter(([, n]) => n === 0).map(([route]) => route)).toEqual([]);
  }, 300_000);

  it('lists, counts, exports and search: no response names a record outside the account\'s scope', async () => {
    const failures: string[] = [];
    const national = { round: (await rows<{ id: string }>(t.db, sql`select id::text from fest_rounds order by id`)).map((x) => x.id), call: (await rows<{ id: string }>(t.db, sql`select id::text from amriyeh_calls order by id`)).map((x) => x.id) };
    for (const a of accounts) {
      const markers = forbiddenMarkers(a);
      if (markers.size === 0) continue;
      for (const r of routes()) {
        if (r.method !== 'GET' || r.access === 'public' || checkAccess(r.access as Access, a.actor) !== null) continue;
        const ps = params(r.url);
        let urls: string[];
        if (ps.length === 0) urls = [r.url];
        else if (r.url.startsWith('/api/v1/festival/rounds/:id')) urls = national.round.map((id) => fill(r.url, id));
        else if (r.url.startsWith('/api/v1/amriyeh/calls/:id')) urls = national.call.map((id) => fill(r.url, id));
        else {
          const kind = BIND[r.url];
          if (!kind) continue;
          urls = samples(a, kind).inside.map((rec) => fill(r.url, rec.id));
        }
        for (const url of urls) {
          const res = await call('GET', url, a.headers);
          checks++;
          if (res.statusCode !== 200) continue;
          const text = bodyText(res);
          for (const [m, what] of markers) if (text.includes(m)) failures.push(`${a.name} GET ${url} shows ${what}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('lists and counts of records with numeric ids hold only records in scope; the landfill summary and export count exactly them', async () => {
    // Lists whose items are records with small numeric ids (the marker sweep cannot see those): every item in scope.
    const LISTS: Record<string, KindKey> = {
      '/api/v1/landfills/sites?pageSize=100': 'landfillSite',
      '/api/v1/landfills/sites/map': 'landfillSite',
      '/api/v1/landfills/scenarios': 'landfillScenario',
      '/api/v1/landfills/allocations': 'landfillAllocation',
      '/api/v1/instructors/courses?pageSize=100': 'course',
    };
    const failures: string[] = [];
    let nonEmpty = 0;
    for (const a of accounts) {
      for (const [url, kind] of Object.entries(LISTS)) {
        const r = routes().find((x) => x.method === 'GET' && x.url === url.split('?')[0])!;
        if (checkAccess(r.access as Access, a.actor) !== null) continue;
        const res = await call('GET', url, a.headers);
        checks++;
        if (res.statusCode === 403) continue; // the handler narrows a 'staff' route to its service's roles
        if (res.statusCode !== 200) { failures.push(`${a.name} GET ${url}: ${res.statusCode}`); continue; }
        const items = (res.json() as { items: { id: number }[] }).items;
        if (items.length) nonEmpty++;
        const byId = new Map((records.get(kind) ?? []).map((x) => [x.id, x]));
        for (const it of items) {
          const rec = byId.get(String(it.id));
          if (!rec || !mayTouch(a, kind, rec)) failures.push(`${a.name} GET ${url} lists ${kind} ${it.id} at ${rec?.path}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(nonEmpty).toBeGreaterThan(5);
    // Counts: the summary (per province or county), the list's total and the CSV export count exactly the sites of
    // the account's landfills.read scopes that are not removed, counted here straight from the database.
    const sites = await rows<{ path: string; state: string }>(t.db, sql`select s.division_path as path, c.state from landfill_sites s join wf_cases c on c.id = s.case_id`);
    for (const a of accounts.filter((x) => grantsFor(x.actor, 'landfills.read').length > 0)) {
      const scopes = grantsFor(a.actor, 'landfills.read').map((g) => g.path);
      const expected = sites.filter((x) => x.state !== 'removed' && scopes.some((p) => inScope(p, x.path))).length;
      const summary = (await call('GET', '/api/v1/landfills/summary', a.headers)).json() as { rows: { sites: number }[]; total: { sites: number } };
      const list = (await call('GET', '/api/v1/landfills/sites', a.headers)).json() as { total: number };
      const csv = (await call('GET', '/api/v1/landfills/sites/export.csv', a.headers)).body.trim().split('\n').length - 1;
      checks += 3;
      expect({ account: a.name, total: summary.total.sites, rows: summary.rows.reduce((n, x) => n + x.sites, 0), list: list.total, csv }).toEqual({ account: a.name, total: expected, rows: expected, list: expected, csv: expected });
    }
  }, 300_000);

  it('attachments: documents of records out of scope cannot be downloaded by id; a judge reads only his entries\' documents', async () => {
    const get = async (a: Account, url: string) => { checks++; return (await call('GET', url, a.headers)).statusCode; };
    const judge = accounts.find((a) => a.name === 'judge')!;
    const complaintDocs = [...attachmentOf.values()];
    expect(complaintDocs.length).toBeGreaterThan(0);
    // Regression: the judge role had country-wide documents.read and opened any citizen's attachment by id.
    for (const d of complaintDocs) expect({ doc: d, status: await get(judge, `/api/v1/documents/${d}`) }).toEqual({ doc: d, status: 404 });
    const own = [...judgeDocs].filter((k) => k.startsWith(`${judge.userId}:`)).map((k) => k.split(':')[1]!);
    expect(own.length).toBeGreaterThan(0);
    for (const d of own) expect({ doc: d, status: await get(judge, `/api/v1/documents/${d}`) }).toEqual({ doc: d, status: 200 });
    const others = (records.get('document') ?? []).filter((r) => !judgeDocs.has(`${judge.userId}:${r.id}`) && r.owner !== judge.userId);
    expect(others.length).toBeGreaterThan(0);
    for (const d of others) expect({ doc: d.id, status: await get(judge, `/api/v1/documents/${d.id}`) }).toEqual({ doc: d.id, status: 404 });
    // A citizen: his own attachment by his own code, never another citizen's, by either route.
    for (const mobile of ['09000000001', '09000000002']) {
      const c = accounts.find((a) => a.name === `citizen ${mobile}`)!;
      const mine = (records.get('complaintCode') ?? []).filter((r) => r.owner === c.userId && attachmentOf.has(r.id));
      const theirs = (records.get('complaintCode') ?? []).filter((r) => r.owner !== c.userId && attachmentOf.has(r.id));
      expect(mine.length * theirs.length).toBeGreaterThan(0);
      for (const o of theirs) {
        expect(await get(c, `/api/v1/documents/${attachmentOf.get(o.id)}`)).toBe(404);
        for (const m of mine) expect(await get(c, `/api/v1/complaints/mine/${m.id}/documents/${attachmentOf.get(o.id)}`)).toBe(404);
      }
      for (const m of mine) {
        expect(await get(c, `/api/v1/complaints/mine/${m.id}/documents/${attachmentOf.get(m.id)}`)).toBe(200);
        expect(await get(c, `/api/v1/documents/${attachmentOf.get(m.id)}`)).toBe(200);
      }
    }
  }, 300_000);
});
