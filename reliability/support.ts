/**
 * Helpers of the reliability suite: fresh copies of a seeded database (an embedded data folder or a PostgreSQL
 * database), the built server started on them (e2e/support.ts's starter) and killed with SIGKILL, signed-in
 * clients (citizens through the real one-time-code flow, the code read from the log; staff by password), the operator CLI,
 * and direct SQL on the same data (the server stopped, for the embedded folder) for the consistency checks.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { DEMO_PASSWORD, otpFromLog, repoRoot, startServer, type RunningServer } from '../e2e/support.js';
import { openDatabase, rows, type Db } from '../src/core/db/client.js';
import { withDatabase } from '../src/test/pg-url.js';
import type { SQL } from 'drizzle-orm';

export type Backend = 'embedded' | 'postgres';
export const BACKENDS: Backend[] = ['embedded', 'postgres'];
export const DIST = path.join(repoRoot, process.env.SHAHRDEH_DIST ?? 'dist');
export const PG_URL = process.env.RELIABILITY_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What every server of the suite runs with: client addresses from X-Forwarded-For, no per-citizen cap in the way. */
const SERVER_ENV = { TRUST_PROXY: '1', COMPLAINT_SUBMITS_PER_HOUR: '1000000', LOG_LEVEL: 'info', DEMO: '1' };

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** One database of a test: its server settings (DATA_DIR or DATABASE_URL) and how to drop it. */
export interface Store {
  backend: Backend;
  /** The data folder (embedded), or an empty folder the server is given but does not use (PostgreSQL). */
  dataDir: string;
  url?: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;

/** A fresh store: an empty one, or (`seeded`) a copy of the demo-seeded template of global setup. */
export async function freshStore(backend: Backend, { seeded = true } = {}): Promise<Store> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-rel-'));
  if (backend === 'embedded') {
    if (seeded) await cp(inject('embeddedTemplate'), dataDir, { recursive: true });
    return { backend, dataDir, env: { DATA_DIR: dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = uniqueName('shahrdeh_rel');
  await admin((c) => c.query(seeded ? `CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}` : `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
  const url = withDatabase(PG_URL, name);
  return {
    backend, dataDir, url, env: { DATABASE_URL: url, DATABASE_POOL_SIZE: '10' },
    drop: async () => {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the built server on `store` (demo mode, so one-time codes are logged); `env` adds or overrides settings. */
export function start(store: Store, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({ ...SERVER_ENV, WORKER: '0', ...store.env, ...env }, { dataDir: store.dataDir, healthTimeoutMs: 150_000 });
}

/** SIGKILL: no shutdown hook, no flush, no lock release. */
export async function kill(server: RunningServer): Promise<void> {
  const p = server.process;
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGKILL');
  await exited;
}

/**
 * Seeds the templates of global setup: a server started with the demo data on an empty folder and on an empty
 * PostgreSQL database, then stopped cleanly. Both at once (the slow part is each start's own seeding).
 */
export async function prepareTemplates() {
  const embedded = await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-rel-tpl-'));
  const pgName = uniqueName('shahrdeh_rel_tpl');
  await admin((c) => c.query(`CREATE DATABASE ${pgName} TEMPLATE template0 ENCODING 'UTF8'`));
  const env = { ...SERVER_ENV, WORKER: '0' };
  const seed = async (extra: Record<string, string>) => {
    const s = await startServer({ ...env, ...extra }, { dataDir: embedded, healthTimeoutMs: 240_000 });
    await s.stop();
  };
  await Promise.all([seed({ DATA_DIR: embedded }), seed({ DATABASE_URL: withDatabase(PG_URL, pgName) })]);
  return {
    embeddedDir: embedded,
    postgresDb: pgName,
    remove: async () => {
      await rm(embedded, { recursive: true, force: true });
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`));
    },
  };
}

/** Runs `fn` with a database handle on the store (embedded: only while no server runs on the folder). */
export async function withDb<T>(store: Store, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(store.url ? { url: store.url, poolSize: 2 } : { dataDir: store.dataDir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export const query = <T = Record<string, unknown>>(db: Db, q: SQL) => rows<T>(db, q);

/** Runs the built operator CLI on the store (`node dist/cli.js …`); resolves with its exit code and output. */
export function cli(store: Store, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd: repoRoot, env: { ...process.env, ...store.env, LOG_LEVEL: 'warn' }, maxBuffer: 10_000_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** Headers of a signed-in client: cookie, CSRF token, and its address (X-Forwarded-For). */
export type Session = Record<string, string>;

/** A citizen signed in with the one-time code read from the server's log (as a person reads the SMS). */
export async function citizen(server: RunningServer, mobile: string, ip: string): Promise<Session> {
  const logAt = server.output().length;
  const asked = await call(server.baseUrl, 'POST', '/api/v1/auth/otp/request', { 'x-forwarded-for': ip }, { mobile });
  if (asked.status >= 300) throw new Error(`otp request ${mobile}: ${asked.status} ${JSON.stringify(asked.body)}`);
  const code = await otpFromLog(server, mobile, logAt);
  const res = await fetch(`${server.baseUrl}/api/v1/auth/otp/verify`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ mobile, code }),
  });
  if (res.status !== 200) throw new Error(`otp verify ${mobile}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken, 'x-forwarded-for': ip };
}

/** A staff member signed in with the demo password; also returns the user's id. */
export async function staff(baseUrl: string, username: string, ip = '10.20.0.1'): Promise<{ headers: Session; userId: number }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken: string; user: { id: number } };
  return { headers: { cookie, 'x-csrf-token': body.csrfToken, 'x-forwarded-for': ip }, userId: body.user.id };
}

/** A JSON request; answers the status and the parsed body (null when none). Network errors throw. */
export async function call(baseUrl: string, method: string, p: string, headers: Session = {}, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${p}`, {
    method,
    headers: { accept: 'application/json', ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** A category without required questions and the city of Sari (inside the demo district reviewer's scope). */
export async function complaintFixtures(baseUrl: string): Promise<{ categoryId: number; divisionId: number }> {
  const cats = (await call(baseUrl, 'GET', '/api/v1/complaints/categories')).body as { items: { children: { id: number; questions: { required: boolean }[] }[] }[] };
  const leaf = cats.items.flatMap((c) => c.children).find((c) => !c.questions.some((q) => q.required))!;
  const places = (await call(baseUrl, 'GET', `/api/v1/divisions?q=${encodeURIComponent('ساری')}&level=city`)).body as { items: { id: number }[] };
  return { categoryId: leaf.id, divisionId: places.items[0]!.id };
}

/** What a citizen filed and the server acknowledged with 201. */
export interface Filed {
  id: string;
  trackingCode: string;
  subject: string;
  body: string;
  categoryId: number;
  divisionId: number;
}

let filedSeq = 0;

/** An HTTP answer other than the one expected (as opposed to a network error: the server is down). */
export class UnexpectedStatus extends Error {}

/** Files one complaint; returns it when acknowledged (201). Another answer throws UnexpectedStatus. */
export async function fileComplaint(baseUrl: string, session: Session, fx: { categoryId: number; divisionId: number }, tag: string): Promise<Filed> {
  const n = ++filedSeq;
  const input = {
    kind: 'complaint', categoryId: fx.categoryId, divisionId: fx.divisionId,
    subject: `چاله خیابان ${tag} شماره ${n}`,
    body: `در خیابان اصلی محله ${n} چاله‌ای بزرگ ایجاد شده که برای خودروها و عابران خطرناک است (${tag}).`,
  };
  const r = await call(baseUrl, 'POST', '/api/v1/complaints', session, input);
  if (r.status !== 201) throw new UnexpectedStatus(`POST /api/v1/complaints → ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, trackingCode: r.body.trackingCode, subject: input.subject, body: input.body, categoryId: input.categoryId, divisionId: input.divisionId };
}

/**
 * Checks every acknowledged complaint through the public tracking lookup and the staff API (`staffHeaders`, e.g.
 * the inspector's): present, with the subject, body, category and division that were sent. Returns the problems.
 */
export async function checkFiled(baseUrl: string, filed: Filed[], staffHeaders: Session): Promise<string[]> {
  const problems: string[] = [];
  for (const f of filed) {
    // Each lookup from its own address: the miss limiter counts per address, and none of these may miss anyway.
    const t = await call(baseUrl, 'GET', `/api/v1/complaints/track/${f.trackingCode}`, { 'x-forwarded-for': '10.30.0.1' });
    if (t.status !== 200) problems.push(`${f.trackingCode}: track ${t.status}`);
    else if (t.body.subject !== f.subject || t.body.place?.id !== f.divisionId) problems.push(`${f.trackingCode}: track shows ${t.body.subject} at ${t.body.place?.id}`);
    const s = await call(baseUrl, 'GET', `/api/v1/complaints/${f.id}`, staffHeaders);
    if (s.status !== 200) {
      problems.push(`${f.trackingCode}: staff ${s.status}`);
      continue;
    }
    const c = s.body;
    const got = { trackingCode: c.trackingCode, subject: c.subject, body: c.body, categoryId: c.category?.id, divisionId: c.place?.id };
    const want = { trackingCode: f.trackingCode, subject: f.subject, body: f.body, categoryId: f.categoryId, divisionId: f.divisionId };
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${f.trackingCode}: staff view ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return problems;
}

/** Runs `audit-verify` on the store (server stopped for the embedded folder); returns its exit code and output. */
export const auditVerify = (store: Store) => cli(store, ['audit-verify']);
