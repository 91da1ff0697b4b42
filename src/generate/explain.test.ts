// No sequential scan on a big table on any hot path: generated data (demo places and accounts, then complaints,
// plans, amriyeh applications and landfill sites from the generator), ANALYZE, then each hot path is requested
// through the real app while its SQL is captured from the driver, and every captured query touching a big table is
// EXPLAINed with sequential scans disabled — a `Seq Scan` left in the plan means no index can serve it.
import { appendFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../core/auth/demo.js';
import { rows, type Database } from '../core/db/client.js';
import { amriyehModule } from '../modules/amriyeh/server/index.js';
import { createTestApp } from '../test/app.js';
import { BIG_TABLES, captureQueries, headersFor, hotPaths, type CapturedQuery, type HotPath } from './test-hot-paths.js';
import { generateCounts } from './index.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let paths: HotPath[];
const signedIn = new Map<string, Record<string, string>>();

/** Headers of whoever a hot path is asked as, signed in once (a second one-time code within the minute is refused). */
async function signIn(as: HotPath['as']): Promise<Record<string, string>> {
  const key = JSON.stringify(as);
  if (!signedIn.has(key)) signedIn.set(key, await headersFor(t.app, t.db, as));
  return signedIn.get(key)!;
}

type Client = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>; connect?: () => Promise<Client & { release(): void }> };

/**
 * The plan of `q` (text format, one line per node) with sequential scans disabled, on one connection, in a
 * transaction that is rolled back — after `ddl` (e.g. dropping an index to prove the check notices).
 */
async function planOf(q: CapturedQuery, ddl: string[] = []): Promise<string> {
  const client = (t.db as unknown as { $client: Client }).$client;
  const conn = client.connect ? await client.connect() : client;
  try {
    await conn.query('begin');
    for (const d of ddl) await conn.query(d);
    // Joins as nested loops too: then every big table is reached through an index condition, or scanned whole.
    for (const off of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin']) await conn.query(`set local ${off} = off`);
    const res = await conn.query(`explain ${q.sql}`, q.params);
    return res.rows.map((r) => String(Object.values(r)[0])).join('\n');
  } finally {
    await conn.query('rollback');
    if ('release' in conn) (conn as { release(): void }).release();
  }
}

/** Partial indexes (their predicate narrows the rows without an index condition). */
let partial = new Set<string>();

/**
 * The big tables a plan reads whole: a `Seq Scan`, or an index scan with no `Index Cond` on a full (not partial) index
 * — with sequential scans disabled, that is how the planner reads a table no index can narrow.
 */
function seqScansOnBigTables(plan: string): string[] {
  const lines = plan.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    const seq = /Seq Scan on (\w+)/.exec(line);
    const idx = /Index (?:Only )?Scan(?: Backward)? using (\w+) on (\w+)/.exec(line);
    const table = seq?.[1] ?? idx?.[2];
    if (!table || !(BIG_TABLES as readonly string[]).includes(table)) return;
    if (idx) {
      if (partial.has(idx[1]!)) return;
      const indent = line.search(/\S/);
      let hasCond = false;
      for (let j = i + 1; j < lines.length && !/->/.test(lines[j]!) && lines[j]!.search(/\S/) > indent; j++) if (/Index Cond:/.test(lines[j]!)) hasCond = true;
      if (hasCond) return;
    }
    found.push(table);
  });
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  const places = await seedDemo(t.db);
  await amriyehModule.seedDemo!(t.db, places);
  const database: Database = { db: t.db, backend: t.ctx.backend, close: async () => {} };
  await generateCounts(database, { divisions: false, complaints: 2_000, plans: 400, amriyeh: 400, landfills: 400 }, { seed: 7 });
  await t.db.execute(sql`analyze`);
  partial = new Set((await rows<{ indexname: string }>(t.db, sql`select indexname from pg_indexes where schemaname = 'public' and indexdef like '% WHERE %'`)).map((r) => r.indexname));
  paths = await hotPaths(t.db);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('hot paths use indexes', () => {
  it('every hot path answers 200 with generated rows, and none of its queries needs a sequential scan of a big table', async () => {
    // The generated records' pages too: they must display (200) from generated rows.
    expect(paths.map((p) => p.name)).toEqual(expect.arrayContaining(['complaint page (staff)', "citizen's case page", 'showcase plan page', 'amriyeh application (staff)', 'landfill site page']));
    const failures: string[] = [];
    let explained = 0;
    for (const p of paths) {
      const headers = await signIn(p.as);
      const { result: res, queries } = await captureQueries(t.db, () => t.app.inject({ method: 'GET', url: p.url, headers }));
      if (res.statusCode !== 200) {
        failures.push(`${p.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        continue;
      }
      const body = res.json() as { items?: unknown[]; total?: number } | unknown[];
      const items = Array.isArray(body) ? body : (body.items ?? [body]);
      if (!items.length) failures.push(`${p.name}: returned nothing`);
      const reads = queries.filter((q) => /^\s*(select|with)\b/i.test(q.sql) && BIG_TABLES.some((b) => new RegExp(`\\b${b}\\b`).test(q.sql)));
      if (!reads.length) failures.push(`${p.name}: no query captured`);
      for (const q of reads) {
        const plan = await planOf(q);
        explained++;
        if (process.env.EXPLAIN_DUMP) appendFileSync(process.env.EXPLAIN_DUMP, `## ${p.name}\n${q.sql.replace(/\s+/g, ' ')}\n${JSON.stringify(q.params).slice(0, 300)}\n${plan}\n\n`);
        const seq = seqScansOnBigTables(plan);
        if (seq.length) failures.push(`${p.name}: Seq Scan on ${seq.join(', ')}\n  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}\n${plan}`);
      }
    }
    expect(explained).toBeGreaterThan(paths.length);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 300_000);

  it("the check can fail: without the complaints' secondary indexes, the citizen's own cases read the whole table", async () => {
    const p = paths.find((x) => x.name === "citizen's own cases")!;
    const headers = await signIn(p.as);
    const { queries } = await captureQueries(t.db, () => t.app.inject({ method: 'GET', url: p.url, headers }));
    const own = queries.find((q) => /from "complaints"/.test(q.sql) && /"citizen_id"/.test(q.sql))!;
    expect(seqScansOnBigTables(await planOf(own))).toEqual([]);
    const without = await planOf(own, ['complaints_citizen', 'complaints_mobile', 'complaints_category', 'complaints_created'].map((i) => `drop index ${i}`));
    expect(seqScansOnBigTables(without), without).toContain('complaints');
  });

  it('the check can fail: a query on an unindexed column shows its sequential scan', async () => {
    const plan = await planOf({ sql: 'select id from complaints where body = $1', params: ['x'] });
    expect(seqScansOnBigTables(plan)).toEqual(['complaints']);
  });
});
