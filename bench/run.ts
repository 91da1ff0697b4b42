// The platform against the database's own limit (`npm run bench`): a real server process driven by autocannon,
// on PGlite and on PostgreSQL, and beside each scenario the same work done directly with the driver.
//
// Usage: npm run bench -- [embedded|postgres|both] [--short] [--only=submit,track,inbox,showcase]
//   --short: a few seconds per scenario and smaller data (CI); never fails on the targets, only on errors.
//   BENCH_SERVER_NODE_ARGS (node options of the server, e.g. --cpu-prof), BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; the bench uses the database shahrdeh_bench
//   on that server), BENCH_CONNECTIONS (10), BENCH_SECONDS (10, or 3 with --short).
// Results: bench/results/platform.{json,md}.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { eq } from 'drizzle-orm';
import * as schema from '../src/core/db/all-schema.js';
import type { Db } from '../src/core/db/client.js';
import { GENESIS_HASH, hashRow, verifyAudit } from '../src/core/audit/audit.js';
import { actorOf } from '../src/core/auth/sessions.js';
import { authUsers } from '../src/core/auth/schema.js';
import { generateTrackingCode } from '../src/core/codes/tracking-code.js';
import { inbox } from '../src/core/workflow/inbox.js';
import { complaintByCode } from '../src/modules/complaints/server/citizen-queries.js';
import { presentTrack } from '../src/modules/complaints/server/citizen-present.js';
import { submitComplaint } from '../src/modules/complaints/server/commands/submit.js';
import type { ComplaintCreate } from '../src/modules/complaints/contract.js';
import { searchShowcase } from '../src/modules/festival/server/showcase.js';
import { ShowcaseQuery } from '../src/modules/festival/contract.js';
// The modules register their workflows on import (the submission check runs the platform's own command).
import '../src/modules/complaints/server/index.js';
import { citizenSession, freshBenchDatabase, staffSession, startServer, type BenchServer } from './server.js';

const args = process.argv.slice(2);
const SHORT = args.includes('--short');
const WHICH = args.find((a) => ['embedded', 'postgres', 'both'].includes(a)) ?? 'both';
const ONLY = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SHORT ? 3 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The fixed request rate of the tracking-code lookup (the target: p99 < 20 ms at this rate). */
const TRACK_RATE = 1000;
const INBOX_CASES = SHORT ? 10_000 : 100_000;
const SHOWCASE_PLANS = SHORT ? 5_000 : 50_000;
const SEARCH_TERMS = ['آب', 'پسماند', 'گردشگری', 'بازیافت', 'روستا', 'صنایع دستی', 'کشاورزی', 'فضای سبز'];
const wanted = (s: string) => !ONLY || ONLY.includes(s);

type Side = 'platform' | 'direct';
interface Row {
  backend: 'embedded' | 'postgres';
  scenario: string;
  side: Side;
  requestsPerSec: number;
  p50ms: number;
  p99ms: number;
  ok: number;
  errors: number;
  /** CPU time of the server process per answered request (platform rows only): less noisy than rates on a shared machine. */
  cpuMsPerRequest?: number;
  /** platform requests/s ÷ direct requests/s (platform rows only). */
  ratio?: number;
  note?: string;
  load: string;
}
interface Measure { requestsPerSec: number; p50ms: number; p99ms: number; ok: number; errors: number; cpuMsPerRequest?: number }

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const round1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------------------------
// The platform side: autocannon against the server process.

function cannon(server: BenchServer, opts: Omit<autocannon.Options, 'url'>): Promise<Measure> {
  const cpu0 = server.cpuMs?.() ?? NaN;
  return new Promise((resolve, reject) => autocannon({ url: server.url, ...opts }, (err, r) => {
    if (err) return reject(err);
    const answered = r['2xx'] + r.non2xx;
    resolve({
      requestsPerSec: Math.round(r['2xx'] / r.duration), p50ms: round1(r.latency.p50), p99ms: round1(r.latency.p99), ok: r['2xx'], errors: r.non2xx + r.errors + r.timeouts,
      cpuMsPerRequest: answered && server.cpuMs ? Math.round((100 * (server.cpuMs() - cpu0)) / answered) / 100 : undefined,
    });
  }));
}

/** A different client address per request (the server trusts x-forwarded-for), so per-address limits never throttle the bench. */
let ipCounter = 0;
const nextIp = () => { ipCounter++; return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`; };

// ---------------------------------------------------------------------------------------------------------------
// The direct side: the same statements straight through the driver (a pg pool, or PGlite in this process).

interface Direct {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  transaction<T>(fn: (q: Direct['query']) => Promise<T>): Promise<T>;
  /** A drizzle handle over the same connection(s) that records every statement it runs into `log`. */
  recorder(log: Statement[]): Db;
  close(): Promise<void>;
}
interface Statement { text: string; params: unknown[] }

function directPg(url: string): Direct {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  // The bench database is dropped WITH (FORCE) at the end: a client still connected then gets 57P01, which must
  // not crash the run (the core's own pool does the same, client.ts).
  pool.on('error', () => {});
  return {
    query: (text, params) => pool.query(text, params as unknown[]),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const r = await fn((text, params) => c.query(text, params as unknown[]));
        await c.query('commit');
        return r;
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    },
    recorder: (log) => drizzlePg(pool, { schema, logger: { logQuery: (text, params) => log.push({ text, params }) } }) as unknown as Db,
    close: () => pool.end(),
  };
}

async function directPglite(dataDir: string): Promise<Direct> {
  const client = new PGlite({ dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  return {
    query: (text, params) => client.query(text, params),
    transaction: (fn) => client.transaction((tx) => fn((text, params) => tx.query(text, params))),
    recorder: (log) => drizzlePglite(client, { schema, logger: { logQuery: (text, params) => log.push({ text, params }) } }) as unknown as Db,
    close: () => client.close(),
  };
}

/**
 * Runs `work` from `connections` concurrent loops for `seconds` (each loop paced to rate/connections when a rate
 * is given, as autocannon's overallRate does) and measures it like autocannon: requests/s and p50/p99 latency.
 */
async function drive(work: (i: number) => Promise<unknown>, opts: { seconds: number; connections: number; rate?: number }): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  const interval = opts.rate ? (1000 * opts.connections) / opts.rate : 0;
  let firstError: unknown;
  await Promise.all(Array.from({ length: opts.connections }, async (_, w) => {
    for (let k = 0; ; k++) {
      if (interval) {
        const due = start + (k + w / opts.connections) * interval;
        const now = performance.now();
        if (due > now) await new Promise((r) => setTimeout(r, due - now));
      }
      if (performance.now() >= end) return;
      const t = performance.now();
      try {
        await work(i++);
        latencies.push(performance.now() - t);
      } catch (e) {
        errors++;
        firstError ??= e;
      }
    }
  }));
  if (firstError) console.error('direct side error:', firstError);
  const took = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? round1(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!) : 0);
  return { requestsPerSec: Math.round(latencies.length / took), p50ms: pct(50), p99ms: pct(99), ok: latencies.length, errors };
}

/** Replays recorded statement groups in turn (group i % n for request i), each group's statements one after the other. */
const replay = (direct: Direct, groups: Statement[][]) => async (i: number) => {
  for (const s of groups[i % groups.length]!) await direct.query(s.text, s.params);
};

/** Runs `fn` against a recording handle; returns the statements it ran. */
async function record(direct: Direct, fn: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const log: Statement[] = [];
  await fn(direct.recorder(log));
  return log;
}

// ---------------------------------------------------------------------------------------------------------------
// Complaint submission written directly: the rows one submission writes, in one transaction.

interface SubmitFixture { categoryId: number; divisionId: number; divisionPath: string; citizens: { id: number; mobile: string }[] }

/**
 * What one submission writes, as plain statements: the workflow case, its first history row, its SLA job, the
 * complaint, the SMS in the outbox and the two audit events (workflow.open, complaint.submit) appended to the hash
 * chain under the same advisory lock the platform takes (held from the lock to the commit, as in the platform).
 * Not included: the platform's reads that validate the request (session, category, place, holidays) and the
 * savepoint around the tracking-code insert (its retry on a collision).
 */
async function directSubmit(direct: Direct, f: SubmitFixture, i: number): Promise<void> {
  const citizen = f.citizens[i % f.citizens.length]!;
  const complaintId = randomUUID();
  const code = generateTrackingCode();
  const now = new Date();
  const due = new Date(now.getTime() + 7 * 86_400_000);
  const subject = `چاله در خیابان ${i}`;
  await direct.transaction(async (q) => {
    const [c] = (await q(
      `insert into wf_cases (definition, state, division_id, division_path, title, subject_ref, data, created_by_id, due_at, created_at, updated_at)
       values ('complaints.case', 'submitted', $1, $2, $3, $4, $5, $6, $7, $8, $8) returning *`,
      [f.divisionId, f.divisionPath, subject, complaintId, JSON.stringify({ slaDays: 7, complaintId }), citizen.id, due, now],
    )).rows as { id: string }[];
    await q(
      `insert into wf_history (case_id, seq, action, from_state, to_state, actor_id, system, document_ids)
       values ($1, (select coalesce(max(seq), 0) + 1 from wf_history where case_id = $1), 'open', null, 'submitted', $2, false, '[]') returning *`,
      [c!.id, citizen.id],
    );
    await q(`insert into jobs (kind, key, payload, run_at) values ('workflow.sla', $1, $2, $3) on conflict (key) do nothing returning id`,
      [`sla:${c!.id}:1`, JSON.stringify({ caseId: c!.id, version: 1, state: 'submitted' }), due]);
    await q(
      `insert into complaints (id, case_id, tracking_code, kind, category_id, division_id, division_path, subject, body, answers, mobile, anonymous, citizen_id, source)
       values ($1, $2, $3, 'complaint', $4, $5, $6, $7, $8, '{}', $9, false, $10, 'web')`,
      [complaintId, c!.id, code, f.categoryId, f.divisionId, f.divisionPath, subject, 'در خیابان اصلی چاله‌ای بزرگ ایجاد شده که برای خودروها خطرناک است.', citizen.mobile, citizen.id],
    );
    await q(`insert into notify_outbox (channel, recipient, body) values ('sms', $1, $2) returning id`, [citizen.mobile, `شهرده — کد پیگیری شما: ${code}`]);
    await q('select pg_advisory_xact_lock(7349002)');
    const [last] = (await q('select seq, hash from audit_log order by seq desc limit 1')).rows as { seq: string; hash: string }[];
    let seq = Number(last?.seq ?? 0);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = new Date(Math.floor(Date.now()));
    const events = [
      { action: 'workflow.open', entityType: 'wf_case', entityId: c!.id, data: { definition: 'complaints.case', state: 'submitted', title: subject } },
      { action: 'complaint.submit', entityType: 'complaint', entityId: complaintId, data: { caseId: c!.id, kind: 'complaint', categoryId: f.categoryId, source: 'web', apiClient: null, anonymous: false, attachments: 0 } },
    ];
    const values: unknown[] = [];
    for (const ev of events) {
      const row = { seq: ++seq, at, actorId: citizen.id, actorLabel: citizen.mobile, ...ev, divisionPath: f.divisionPath, prevHash };
      prevHash = hashRow(row);
      values.push(row.seq, row.at, row.actorId, row.actorLabel, row.action, row.entityType, row.entityId, row.divisionPath, JSON.stringify(row.data), row.prevHash, prevHash);
    }
    await q(`insert into audit_log (seq, at, actor_id, actor_label, action, entity_type, entity_id, division_path, data, prev_hash, hash)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11), ($12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`, values);
  });
}

/** Rows per table, to check that the direct transaction writes what one platform submission writes. */
async function rowCounts(direct: Direct): Promise<Map<string, number>> {
  const tables = (await direct.query(`select tablename from pg_tables where schemaname = 'public' order by 1`)).rows.map((r) => String(r.tablename));
  const counts = await direct.query(tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all '));
  return new Map(counts.rows.map((r) => [String(r.t), Number(r.n)]));
}
const diff = (a: Map<string, number>, b: Map<string, number>) =>
  [...b].filter(([t, n]) => n !== (a.get(t) ?? 0)).map(([t, n]) => `${t}+${n - (a.get(t) ?? 0)}`).sort().join(' ');

// ---------------------------------------------------------------------------------------------------------------

interface Target { databaseUrl?: string; dataDir?: string; open(): Promise<Direct>; drop(): Promise<void> }

async function target(backend: 'embedded' | 'postgres'): Promise<Target> {
  if (backend === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'shahrdeh-bench-'));
    return { dataDir, open: () => directPglite(dataDir), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const databaseUrl = await freshBenchDatabase('shahrdeh_bench');
  return {
    databaseUrl,
    open: async () => directPg(databaseUrl),
    drop: async () => { await freshBenchDatabase('shahrdeh_bench', { create: false }); },
  };
}

/** Runs `fn` with the server up, then stops it (the embedded database allows one process at a time). */
async function withServer<T>(t: Target, fn: (s: BenchServer) => Promise<T>): Promise<T> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean);
  const server = await startServer({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, nodeArgs });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** Runs `fn` with a direct connection open, then closes it. */
async function withDirect<T>(t: Target, fn: (d: Direct) => Promise<T>): Promise<T> {
  const d = await t.open();
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

async function json<T>(server: BenchServer, path: string): Promise<T> {
  const res = await fetch(server.url + path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function benchBackend(backend: 'embedded' | 'postgres'): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (scenario: string, platform: Measure, direct: Measure, note?: string) => {
    const l = load();
    rows.push({ backend, scenario, side: 'platform', ...platform, ratio: direct.requestsPerSec ? Math.round((100 * platform.requestsPerSec) / direct.requestsPerSec) / 100 : undefined, load: l, note });
    rows.push({ backend, scenario, side: 'direct', ...direct, load: l });
    console.log(`${backend} ${scenario}: platform ${platform.requestsPerSec}/s cpu ${platform.cpuMsPerRequest} ms/req p50 ${platform.p50ms} p99 ${platform.p99ms} (errors ${platform.errors}); direct ${direct.requestsPerSec}/s p50 ${direct.p50ms} p99 ${direct.p99ms} (errors ${direct.errors}); load ${l}`);
  };
  const t = await target(backend);
  try {
    // 30 s before a request counts as failed (autocannon's default is 10): PGlite answers one query at a time, so ten
    // connections' worth of a 2-second search queue up; a person's browser waits that long, and p99 shows it.
    const baseOpts = { connections: CONNECTIONS, duration: SECONDS, timeout: 30 };
    if (wanted('submit') || wanted('track')) {
      // 1. Submission and 2. tracking lookup on the platform.
      const { platformSubmit, platformTrack, codes, fixture } = await withServer(t, async (server) => {
        const cats = await json<{ items: { children: { id: number; questions: { required: boolean }[] }[] }[] }>(server, '/api/v1/complaints/categories');
        const categoryId = cats.items.flatMap((c) => c.children).find((c) => !c.questions.some((q) => q.required))!.id;
        const place = (await json<{ items: { id: number; path: string }[] }>(server, `/api/v1/divisions?q=${encodeURIComponent('ساری')}&level=city`)).items[0]!;
        const sessions: Record<string, string>[] = [];
        for (let i = 0; i < CONNECTIONS; i++) sessions.push(await citizenSession(server, `0915${String(1000000 + i)}`, nextIp()));
        const body = (n: number) => JSON.stringify({ kind: 'complaint', categoryId, divisionId: place.id, subject: `چاله در خیابان ${n}`, body: 'در خیابان اصلی چاله‌ای بزرگ ایجاد شده که برای خودروها خطرناک است.' });
        let n = 0;
        const codes: string[] = [];
        const platformSubmit = await cannon(server, {
          ...baseOpts,
          requests: [{
            method: 'POST', path: '/api/v1/complaints',
            setupRequest: (req) => ({ ...req, headers: { ...sessions[n % sessions.length]!, 'content-type': 'application/json' }, body: body(n++) }),
            onResponse: (status, b) => { if (status === 201 && codes.length < 5000) codes.push((JSON.parse(b) as { trackingCode: string }).trackingCode); },
          }],
        });
        let m = 0;
        const platformTrack = await cannon(server, {
          ...baseOpts, overallRate: TRACK_RATE,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/complaints/track/${codes[m++ % codes.length]}` }) }],
        });
        const citizens = await userIds(server, sessions);
        return { platformSubmit, platformTrack, codes, fixture: { categoryId, divisionId: place.id, divisionPath: '', citizens } };
      });
      await withDirect(t, async (direct) => {
        const [d] = (await direct.query('select path from org_divisions where id = $1', [fixture.divisionId])).rows;
        fixture.divisionPath = String(d!.path);
        // What one submission writes, table by table: the platform's own submitComplaint, then the direct transaction.
        const c0 = await rowCounts(direct);
        const submitLog: Statement[] = [];
        const db = direct.recorder(submitLog);
        const [cu] = await db.select().from(authUsers).where(eq(authUsers.id, fixture.citizens[0]!.id));
        const actor = await actorOf(db, cu!);
        submitLog.length = 0;
        await submitComplaint(db, { kind: 'complaint', categoryId: fixture.categoryId, divisionId: fixture.divisionId, subject: 'چاله', body: 'در خیابان اصلی چاله‌ای بزرگ ایجاد شده است.' } as ComplaintCreate, { actor, source: 'web' });
        if (process.env.BENCH_VERBOSE) console.log(submitLog.map((x) => x.text.slice(0, 120)).join('\n'));
        const c1 = await rowCounts(direct);
        await directSubmit(direct, fixture, 0);
        const writes = diff(c0, c1);
        const directWrites = diff(c1, await rowCounts(direct));
        if (directWrites !== writes) throw new Error(`the direct submission writes ${directWrites}, the platform ${writes}: update directSubmit`);
        const directSubmitM = await drive((i) => directSubmit(direct, fixture, i + 1), { seconds: SECONDS, connections: CONNECTIONS });
        // Every submission above (the platform's and the direct ones) is in one intact hash chain.
        const chain = await verifyAudit(direct.recorder([]));
        if (!chain.ok) throw new Error(`audit chain broken after the submissions: ${JSON.stringify(chain)}`);
        if (wanted('submit')) add('complaint submission', platformSubmit, directSubmitM, `writes per submission: ${writes}; audit chain verified (${chain.rows} rows); the platform's command runs ${submitLog.length} statements (plus begin/commit and the session lookup), the direct transaction 9`);
        // The lookup's own statements, recorded from the platform's functions for 200 of the codes, replayed as they are.
        const groups: Statement[][] = [];
        for (const code of codes.slice(0, 200)) groups.push(await record(direct, async (db) => presentTrack((await complaintByCode(db, code))!)));
        const directTrack = await drive(replay(direct, groups), { seconds: SECONDS, connections: CONNECTIONS, rate: TRACK_RATE });
        if (wanted('track')) add(`tracking-code lookup at ${TRACK_RATE}/s`, platformTrack, directTrack, `${groups[0]!.length} statements per lookup`);
      });
    }
    if (wanted('inbox') || wanted('showcase')) {
      const gen = await loadGenerator();
      if (!gen) console.log('src/generate is not there yet: inbox and showcase scenarios skipped');
      else {
        // Data first (server stopped: the embedded database takes one process at a time).
        if (!wanted('submit') && !wanted('track')) await withDemoData(t);
        await withGenerated(t, backend, gen);
        const [platformInbox, platformShowcase] = await withServer(t, async (server) => {
          const reviewer = await staffSession(server, 'district.reviewer', nextIp());
          const inboxM = wanted('inbox') ? await cannon(server, { ...baseOpts, requests: [{ method: 'GET', path: '/api/v1/inbox?limit=20', headers: reviewer }] }) : null;
          let k = 0;
          const showcaseM = wanted('showcase') ? await cannon(server, {
            ...baseOpts,
            requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, headers: { 'x-forwarded-for': nextIp() }, path: `/api/v1/showcase?q=${encodeURIComponent(SEARCH_TERMS[k++ % SEARCH_TERMS.length]!)}` }) }],
          }) : null;
          return [inboxM, showcaseM] as const;
        });
        await withDirect(t, async (direct) => {
          if (platformInbox) {
            const [u] = await direct.recorder([]).select().from(authUsers).where(eq(authUsers.username, 'district.reviewer'));
            const actor = await actorOf(direct.recorder([]), u!);
            const page = await record(direct, (db) => inbox(db, actor, { limit: 20 }));
            const { total } = (await direct.query(`select count(*)::int as total from wf_cases`)).rows[0] as { total: number };
            add(`inbox page of district.reviewer (${total.toLocaleString('en')} cases in the table)`, platformInbox, await drive(replay(direct, [page]), { seconds: SECONDS, connections: CONNECTIONS }), `${page.length} statement(s) per page`);
          }
          if (platformShowcase) {
            const groups: Statement[][] = [];
            for (const q of SEARCH_TERMS) groups.push(await record(direct, (db) => searchShowcase(db, ShowcaseQuery.parse({ q }))));
            add(`showcase search over ${SHOWCASE_PLANS.toLocaleString('en')} plans`, platformShowcase, await drive(replay(direct, groups), { seconds: SECONDS, connections: CONNECTIONS }), `${groups[0]!.length} statement(s) per search`);
          }
        });
      }
    }
  } finally {
    await t.drop();
  }
  return rows;

}

/** The ids and mobiles of the signed-in citizens (read through the API: /api/v1/me). */
async function userIds(server: BenchServer, sessions: Record<string, string>[]): Promise<{ id: number; mobile: string }[]> {
  const out: { id: number; mobile: string }[] = [];
  for (const s of sessions) {
    const me = (await (await fetch(`${server.url}/api/v1/me`, { headers: s })).json()) as { user: { id: number; mobile: string } };
    out.push({ id: me.user.id, mobile: me.user.mobile });
  }
  return out;
}

type Generator = { generateComplaints: (database: unknown, count: number, o: { seed: number }) => Promise<unknown>; generateFestivalPlans: (database: unknown, count: number, o: { seed: number }) => Promise<unknown> };
async function loadGenerator(): Promise<Generator | null> {
  try {
    return (await import('../src/generate/index.js')) as unknown as Generator;
  } catch {
    return null;
  }
}

/** Makes sure the demo accounts and divisions exist (the server seeds them at start). */
async function withDemoData(t: Target): Promise<void> {
  await withServer(t, async () => undefined);
}

async function withGenerated(t: Target, backend: 'embedded' | 'postgres', gen: Generator): Promise<void> {
  const { openDatabase } = await import('../src/core/db/client.js');
  const database = await openDatabase(backend === 'postgres' ? { url: t.databaseUrl! } : { dataDir: t.dataDir });
  try {
    const started = Date.now();
    if (wanted('inbox')) await gen.generateComplaints(database, INBOX_CASES, { seed: 9 });
    if (wanted('showcase')) await gen.generateFestivalPlans(database, SHOWCASE_PLANS, { seed: 9 });
    console.log(`${backend}: generated ${wanted('inbox') ? INBOX_CASES : 0} complaints and ${wanted('showcase') ? SHOWCASE_PLANS : 0} plans in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

const rows: Row[] = [];
if (WHICH !== 'postgres') rows.push(...(await benchBackend('embedded')));
if (WHICH !== 'embedded') rows.push(...(await benchBackend('postgres')));
const errors = rows.reduce((s, r) => s + r.errors, 0);
const engine = (b: Row['backend']) => (b === 'embedded' ? 'PGlite' : 'PostgreSQL');
const md = [
  `# Platform against the database (${new Date().toISOString()}${SHORT ? ', short mode' : ''})`,
  '',
  `${CONNECTIONS} connections, ${SECONDS} s per measurement; tracking lookups at a fixed ${TRACK_RATE} requests/s. "direct" is the same`,
  'work done straight through the driver (PostgreSQL: a pg pool of the same size; PGlite: in this process on the',
  'same data folder, after the server stopped). Submission: the same rows in one transaction each, audit chain and',
  'its lock included, without the platform\'s reads (session, category, place). Lookups, inbox and showcase: the',
  'very statements the platform runs for them, recorded from its own functions and replayed one after the other.',
  'Load average (1/5/15 min) of the 2-core machine at the end of each pair.',
  '',
  '| engine | scenario | side | requests/s | p50 ms | p99 ms | errors | platform ÷ direct | server CPU ms/request | load |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${engine(r.backend)} | ${r.scenario} | ${r.side} | ${r.requestsPerSec} | ${r.p50ms} | ${r.p99ms} | ${r.errors} | ${r.ratio ?? ''} | ${r.cpuMsPerRequest ?? ''} | ${r.load} |`),
  '',
  ...rows.filter((r) => r.note).map((r) => `- ${engine(r.backend)}, ${r.scenario}: ${r.note}`),
].join('\n');
writeFileSync(new URL('./results/platform.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), short: SHORT, connections: CONNECTIONS, seconds: SECONDS, trackRate: TRACK_RATE, rows }, null, 2) + '\n');
writeFileSync(new URL('./results/platform.md', import.meta.url), md + '\n');
console.log(md);
if (errors) {
  console.error(`${errors} request(s) failed`);
  process.exit(1);
}
