// How the latency of the main lists grows with the data: the demo, the real divisions with 37,000 generated villages,
// then 10k → 100k → 1M complaints (and proportionally festival plans ×1/20, amriyeh applicants ×1/5, landfill sites
// ×1/200) written by the generator (`src/generate`); after each level, ANALYZE, then the hot paths of
// `src/generate/test-hot-paths.ts` (tracking lookup, the district reviewer's inbox page 1 and a deep page, the staff list
// filtered and searched, a citizen's own cases, the showcase, the amriyeh review list, the landfill list) are requested
// through the real app (buildApp + inject, warm, sequential), GROWTH_REQUESTS times each: p50 / p95 / max.
// The generator's own time per level is reported too.
//
// Usage: npx tsx bench/lists-growth.ts [embedded|postgres]   (default postgres)
//   GROWTH_LEVELS (postgres: 10000,100000,1000000; embedded: 10000,100000), GROWTH_REQUESTS (30),
//   BENCH_DATABASE_URL / DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): the server; the run uses a fresh
//   database `shahrdeh_growth` there (dropped and re-created, dropped again at the end unless GROWTH_KEEP=1).
//   The embedded run uses a fresh folder under the system temp folder, removed at the end.
// Results: bench/results/lists-growth.{json,md} (one backend's run replaces that backend's entry).
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { seedDemo } from '../src/core/auth/demo.js';
import { loadConfig } from '../src/core/config/config.js';
import { openDatabase, rows, type Database } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { buildApp } from '../src/core/http/app.js';
import { generateCounts, generateDivisions } from '../src/generate/index.js';
import { headersFor, hotPaths } from '../src/generate/test-hot-paths.js';
import { MODULES } from '../src/modules/index.js';
import { withDatabase } from '../src/test/pg-url.js';

const backend = (process.argv[2] ?? 'postgres') as 'embedded' | 'postgres';
const LEVELS = (process.env.GROWTH_LEVELS ?? (backend === 'embedded' ? '10000,100000' : '10000,100000,1000000')).split(',').map(Number);
const REQUESTS = Number(process.env.GROWTH_REQUESTS ?? 30);
const WARMUP = 3;
const PG_DB = 'shahrdeh_growth';
const OUT = join(import.meta.dirname, 'results');

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (backend === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'shahrdeh-growth-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, cleanup: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${PG_DB} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const database = await openDatabase({ url: withDatabase(base, PG_DB), poolSize: 10 });
  return { database, cleanup: async () => { await database.close(); if (process.env.GROWTH_KEEP !== '1') await admin(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`); } };
}

interface ListResult { p50ms: number; p95ms: number; maxMs: number; errors: number; rows: number | null }
interface LevelResult {
  complaints: number; plans: number; amriyeh: number; landfills: number;
  districtCases: number;
  generateSeconds: Record<string, number>;
  lists: Record<string, ListResult>;
}

async function main() {
  const load = () => execSync('uptime').toString().trim();
  log(`lists growth on ${backend}: levels ${LEVELS.join(', ')}; ${load()}`);
  const { database, cleanup } = await open();
  const { db } = database;
  const setup: Record<string, number> = {};
  const levels: LevelResult[] = [];
  try {
    let t = Date.now();
    await migrateDatabase(database);
    for (const m of MODULES) await m.init?.(db);
    const places = await seedDemo(db);
    for (const m of MODULES) await m.seedDemo?.(db, places);
    setup.demoSeconds = (Date.now() - t) / 1000;
    log(`demo loaded in ${setup.demoSeconds} s`);
    t = Date.now();
    await generateDivisions(database, { log });
    setup.divisionsSeconds = (Date.now() - t) / 1000;

    const config = loadConfig({ DEMO: '0', LOG_LEVEL: 'silent', WORKER: '0' });
    const app = await buildApp({ db, backend: database.backend, config }, { logger: false, serveWeb: false, modules: MODULES });
    await app.ready();
    const headers = new Map<string, Record<string, string>>();
    const have = { complaints: 0, plans: 0, amriyeh: 0, landfills: 0 };
    for (const level of LEVELS) {
      const want = { complaints: level, plans: Math.round(level / 20), amriyeh: Math.round(level / 5), landfills: Math.round(level / 200) };
      const report = await generateCounts(database, {
        divisions: false, complaints: want.complaints - have.complaints, plans: want.plans - have.plans, amriyeh: want.amriyeh - have.amriyeh, landfills: want.landfills - have.landfills,
      }, { seed: level, log });
      Object.assign(have, want);
      t = Date.now();
      await db.execute(sql`analyze`);
      report.seconds.analyze = (Date.now() - t) / 1000;
      const paths = await hotPaths(db);
      const [{ n: districtCases }] = (await rows<{ n: number }>(db, sql`
        select count(*)::int as n from complaints where division_path like (select d.path || '%' from auth_users u join auth_user_roles r on r.user_id = u.id
        join org_divisions d on d.id = r.division_id where u.username = 'district.reviewer' and r.role = 'district.reviewer')`)) as [{ n: number }];
      const lists: Record<string, ListResult> = {};
      let ip = 0;
      for (const p of paths) {
        const key = JSON.stringify(p.as);
        if (!headers.has(key)) headers.set(key, await headersFor(app, db, p.as));
        const times: number[] = [];
        let errors = 0;
        let total: number | null = null;
        for (let i = 0; i < WARMUP + REQUESTS; i++) {
          const t0 = performance.now();
          const res = await app.inject({ method: 'GET', url: p.url, headers: headers.get(key)!, remoteAddress: `10.9.${(ip >> 8) & 255}.${ip++ & 255}` });
          const ms = performance.now() - t0;
          if (res.statusCode !== 200) errors++;
          else if (i === 0) {
            const body = res.json() as { total?: number; items?: unknown[] } | unknown[];
            total = Array.isArray(body) ? body.length : (body.total ?? body.items?.length ?? null);
          }
          if (i >= WARMUP) times.push(ms);
        }
        lists[p.name] = { p50ms: round1(pct(times, 50)), p95ms: round1(pct(times, 95)), maxMs: round1(Math.max(...times)), errors, rows: total };
        log(`  ${level.toLocaleString('en')}: ${p.name}: p50 ${lists[p.name]!.p50ms} ms, p95 ${lists[p.name]!.p95ms} ms${errors ? `, ${errors} errors` : ''}`);
      }
      levels.push({ ...want, districtCases: Number(districtCases), generateSeconds: report.seconds, lists });
    }
    await app.close();
  } finally {
    await cleanup();
  }

  const file = join(OUT, 'lists-growth.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[backend] = { at: new Date().toISOString(), load: load(), requests: REQUESTS, setup, levels };
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  writeFileSync(join(OUT, 'lists-growth.md'), markdown(all as Record<string, { at: string; load: string; requests: number; setup: Record<string, number>; levels: LevelResult[] }>));
  log(`written ${file}; ${load()}`);
}

function markdown(all: Record<string, { at: string; load: string; requests: number; setup: Record<string, number>; levels: LevelResult[] }>): string {
  const out = ['# Growth of list latency with the data', '',
    'Generated by `npx tsx bench/lists-growth.ts [embedded|postgres]`: the demo, the real divisions with 37,000 generated villages, then complaints',
    '(plans ×1/20, amriyeh applicants ×1/5, landfill sites ×1/200) by the generator; each list requested through the real app (warm, sequential).',
    'Latency in ms, p50 / p95. Measured on a shared 2-core machine under other load: read the trend, not the absolute numbers.', ''];
  for (const [name, r] of Object.entries(all)) {
    out.push(`## ${name} (${r.at}, ${r.requests} requests per list; load: ${r.load.replace(/.*load average: /, '')})`, '');
    out.push(`Demo loaded in ${r.setup.demoSeconds} s, divisions imported in ${r.setup.divisionsSeconds} s.`, '');
    out.push(`| list | ${r.levels.map((l) => `${l.complaints.toLocaleString('en')} complaints`).join(' | ')} |`, `|---|${r.levels.map(() => '---:').join('|')}|`);
    for (const list of Object.keys(r.levels[0]?.lists ?? {})) {
      out.push(`| ${list} | ${r.levels.map((l) => { const x = l.lists[list]!; return `${x.p50ms} / ${x.p95ms}${x.errors ? ` (${x.errors} errors)` : ''}`; }).join(' | ')} |`);
    }
    out.push(`| _cases in the district reviewer's scope_ | ${r.levels.map((l) => l.districtCases.toLocaleString('en')).join(' | ')} |`);
    out.push(`| _generation time of the level, s_ | ${r.levels.map((l) => `${l.generateSeconds.total} (complaints ${l.generateSeconds.complaints ?? 0})`).join(' | ')} |`, '');
  }
  return out.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
