// Starts the built server (dist/server.js) as a child process for benchmarks, and signs in citizens through the
// real one-time-code flow (the code is read from the demo server's log, as a person would read the SMS).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { withDatabase } from '../src/test/pg-url.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchServer {
  url: string;
  log: () => string;
  /** CPU time the server process has used so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs?: () => number;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  /** PostgreSQL; otherwise the embedded database in `dataDir` (default: a fresh temporary folder). */
  databaseUrl?: string;
  dataDir?: string;
  /** Extra environment. */
  env?: Record<string, string>;
  /** Node options of the server process (e.g. --cpu-prof for a profile). */
  nodeArgs?: string[];
}

/** Starts the server on the embedded database (a fresh folder unless given), or on a PostgreSQL URL; demo data on. */
export async function startServer(opts: ServerOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO: '1', TRUST_PROXY: '1', LOG_LEVEL: 'info', WORKER: '0', COMPLAINT_SUBMITS_PER_HOUR: '1000000', ...opts.env };
  if (opts.databaseUrl) Object.assign(env, { DATABASE_URL: opts.databaseUrl, DATABASE_POOL_SIZE: '20' });
  else Object.assign(env, { DATA_DIR: opts.dataDir ?? mkdtempSync(join(tmpdir(), 'shahrdeh-bench-')) });
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), `${process.env.SHAHRDEH_DIST ?? 'dist'}/server.js`], { env: { ...env, WEB_DIR: `${process.env.SHAHRDEH_DIST ?? 'dist'}/web` }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; if (out.length > 5_000_000) out = out.slice(-1_000_000); });
  child.stderr!.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error('server did not start in 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    log: () => out,
    cpuMs: () => {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesized name): user and system time in ticks of 10 ms.
        const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(f[11]) + Number(f[12])) * 10;
      } catch {
        return NaN;
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Signs a citizen in with the one-time code; returns the cookie and CSRF headers of the session. */
export async function citizenSession(server: BenchServer, mobile: string, ip: string): Promise<Record<string, string>> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': ip };
  const req = await fetch(`${server.url}/api/v1/auth/otp/request`, { method: 'POST', headers, body: JSON.stringify({ mobile }) });
  if (!req.ok) throw new Error(`otp request ${mobile}: ${req.status} ${await req.text()}`);
  let code: string | undefined;
  for (let i = 0; i < 40 && !code; i++) {
    const lines = server.log().split('\n').filter((l) => l.includes('one-time code') && l.includes(mobile));
    code = lines.length ? (JSON.parse(lines.at(-1)!) as { code: string }).code : undefined;
    if (!code) await new Promise((r) => setTimeout(r, 100));
  }
  if (!code) throw new Error(`no code for ${mobile} in the server log`);
  const res = await fetch(`${server.url}/api/v1/auth/otp/verify`, { method: 'POST', headers, body: JSON.stringify({ mobile, code }) });
  return sessionHeaders(res, `otp verify ${mobile}`);
}

/** The cookie and CSRF headers of a sign-in answer. */
async function sessionHeaders(res: Response, what: string): Promise<Record<string, string>> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Signs a staff member in with the demo password; returns the cookie and CSRF headers of the session. */
export async function staffSession(server: BenchServer, username: string, ip: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return sessionHeaders(res, `login ${username}`);
}

/** The PostgreSQL server the benchmarks use: BENCH_DATABASE_URL, default the local one. */
export const BENCH_PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Drops and creates database `name` on that server (or only drops it); returns its URL. */
export async function freshBenchDatabase(name: string, opts: { create?: boolean } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_PG_BASE });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    if (opts.create !== false) await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  return withDatabase(BENCH_PG_BASE, name);
}
