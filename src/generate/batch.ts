// Bulk writing for the data generator: many rows per statement, one transaction per batch, rows passed as one JSON
// parameter (`json_populate_recordset` types every column from the table itself, the same on PGlite and PostgreSQL).
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../core/db/client.js';
import { verhoeffDigit } from '../core/codes/tracking-code.js';

export type Row = Record<string, unknown>;

/**
 * Inserts `rs` (objects keyed by column name) into `table` in one statement. Only the keys of the first row are
 * written, so the other columns take their defaults. `suffix` is appended (e.g. `on conflict do nothing`).
 */
export async function insertRows(db: DbOrTx, table: string, rs: Row[], suffix = ''): Promise<void> {
  if (!rs.length) return;
  const cols = Object.keys(rs[0]!).map((c) => sql.identifier(c));
  const list = sql.join(cols, sql`, `);
  const t = sql.identifier(table);
  await db.execute(sql`insert into ${t} (${list}) select ${list} from json_populate_recordset(null::${t}, ${JSON.stringify(rs)}::json) ${sql.raw(suffix)}`);
}

/** A tracking code in the platform's format (13 digits, no leading zero, Verhoeff check digit) from a seeded generator. */
export function seededTrackingCode(rand: () => number): string {
  let body = String(1 + Math.floor(rand() * 9));
  for (let i = 1; i < 12; i++) body += String(Math.floor(rand() * 10));
  return body + String(verhoeffDigit(body));
}

/** Picks one element; `weights` (same length) makes the choice weighted. */
export function pick<T>(rand: () => number, xs: readonly T[], weights?: readonly number[]): T {
  if (!weights) return xs[Math.floor(rand() * xs.length)]!;
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < xs.length; i++) if ((r -= weights[i]!) < 0) return xs[i]!;
  return xs[xs.length - 1]!;
}

/** Runs `fn` over `total` items in batches of `size`, each batch in its own transaction, logging progress. */
export async function inBatches(
  db: DbOrTx, label: string, total: number, size: number, log: (s: string) => void,
  fn: (tx: DbOrTx, from: number, n: number) => Promise<void>,
): Promise<number> {
  const t0 = Date.now();
  let lastLog = 0;
  for (let from = 0; from < total; from += size) {
    const n = Math.min(size, total - from);
    await db.transaction((tx) => fn(tx, from, n));
    const done = from + n;
    if (Date.now() - lastLog > 2000 || done === total) {
      lastLog = Date.now();
      const s = (Date.now() - t0) / 1000;
      log(`${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${s.toFixed(1)} s, ${Math.round(done / Math.max(s, 0.001)).toLocaleString('en')}/s)`);
    }
  }
  return (Date.now() - t0) / 1000;
}

/** Below this many rows the generator writes through the indexes; above, it rebuilds the secondary ones after. */
export const DEFER_INDEXES_FROM = 50_000;

/**
 * Runs `fn` with the non-unique indexes of `tables` dropped, and builds them again afterwards (also when `fn`
 * fails): maintaining a trigram index row by row costs about three times the insert itself, one build at the end
 * far less. Unique indexes stay, so every constraint is checked during the load. The definitions are read from
 * `pg_indexes` (the same on both engines) and logged first, so a killed run can be repaired by hand.
 */
export async function withIndexesDeferred<T>(db: DbOrTx, tables: readonly string[], log: (s: string) => void, fn: () => Promise<T>): Promise<T> {
  const defs = await rows<{ indexname: string; indexdef: string }>(db, sql`
    select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})
    and indexdef not like 'CREATE UNIQUE INDEX%' order by indexname`);
  log(`deferring ${defs.length} indexes of ${tables.join(', ')}: ${defs.map((d) => d.indexdef).join('; ')}`);
  for (const d of defs) await db.execute(sql`drop index if exists ${sql.identifier(d.indexname)}`);
  try {
    return await fn();
  } finally {
    const t0 = Date.now();
    for (const d of defs) await db.execute(sql.raw(d.indexdef.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')));
    log(`rebuilt ${defs.length} indexes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
