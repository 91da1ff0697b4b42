import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './all-schema.js';

export type Schema = typeof schema;
/** The database handle every query and command takes: the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; accepted wherever a `Db` is (queries take `Db | Tx`). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export type Backend = 'embedded' | 'postgres';

/** An open database: the typed handle, which engine it is, and how to close it. */
export interface Database {
  db: Db;
  backend: Backend;
  /** The pg pool, on PostgreSQL only (for work that needs one connection, like session-level locks). */
  pool?: import('pg').Pool;
  close(): Promise<void>;
}

/** Options for {@link openDatabase}: a PostgreSQL URL, or an embedded folder (undefined folder = in memory). */
export type OpenOptions = { url: string; poolSize?: number } | { dataDir?: string };

/**
 * Opens the database: a `pg` pool when a URL is given, otherwise PGlite (in a folder, or in memory for tests).
 * Loads `pg_trgm` on PGlite so the same migrations run on both engines. Does not migrate (see migrate.ts).
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if ('url' in opts) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // an idle client's error must not crash the process; the next query reports it
    await pool.query('select 1');
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, backend: 'postgres', pool, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = new PGlite({ dataDir: opts.dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, backend: 'embedded', close: () => client.close() };
}

/** Runs a raw SQL query and returns its rows, the same on both drivers. */
export async function rows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * The values as bound parameters separated by commas, for `in (…)`: `sql\`state in (${sqlList(states)})\``.
 * Never an empty list: `in ()` is a syntax error, so callers with possibly-empty input must check first.
 */
export function sqlList(values: Iterable<string | number>): SQL {
  return sql.join([...values].map((v) => sql`${v}`), sql`, `);
}

export { sql };
