import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { rows, type Database, type DbOrTx } from './client.js';
import { migrateDatabase } from './migrate.js';

const FORMAT = 'shahrdeh-backup';
const BATCH = 1000;

interface Header { format: string; version: 1; createdAt: string; backend: string; tables: string[] }

/** Tables of the public schema ordered so that every table comes after the tables it references. */
export async function tablesInDependencyOrder(db: DbOrTx): Promise<string[]> {
  const tables = (await rows<{ t: string }>(db, sql`select tablename as t from pg_tables where schemaname = 'public' order by tablename`)).map((r) => r.t);
  const deps = await rows<{ child: string; parent: string }>(db, sql`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (seen.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const d of deps.filter((x) => x.child === t)) visit(d.parent, stack);
    seen.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * Writes a logical backup: gzip'd JSON lines, a header then every table's rows in batches, all read inside one
 * REPEATABLE READ transaction so a backup taken under load is one consistent moment. The format is the same for
 * both engines: a PGlite backup restores into PostgreSQL and back (the way to move a pilot to a server).
 */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(JSON.stringify(obj) + '\n')) await once(gzip, 'drain');
  };
  let total = 0;
  const tables = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const list = await tablesInDependencyOrder(tx);
    const header: Header = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), backend: database.backend, tables: list };
    await write(header);
    for (const table of list) {
      // Rows in primary-key order (ctid order is not stable); self-references (divisions) point to smaller ids.
      await tx.execute(sql.raw(`declare backup_cur no scroll cursor for select row_to_json(t)::text as j from "${table}" t order by 1`));
      for (;;) {
        const batch = await rows<{ j: string }>(tx, sql.raw(`fetch ${BATCH} from backup_cur`));
        if (batch.length === 0) break;
        total += batch.length;
        await write({ table, rows: batch.map((r) => JSON.parse(r.j)) });
      }
      await tx.execute(sql.raw('close backup_cur'));
    }
    return list.length;
  });
  gzip.end();
  await finished(out);
  return { tables, rows: total };
}

/**
 * Restores a backup into `database`, replacing everything in it: drops the schema, migrates it afresh, loads
 * the rows in dependency order in one transaction, and moves every sequence past the restored ids. Run it with
 * the server stopped.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  let header: Header;
  try {
    header = JSON.parse(first.value ?? '') as Header;
  } catch {
    throw new Error(`${file} is not a Shahrdeh backup`);
  }
  if (header.format !== FORMAT || header.version !== 1) throw new Error(`${file} is not a Shahrdeh backup (format ${header.format})`);

  const { db } = database;
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema public cascade`);
  await db.execute(sql`create schema public`);
  await migrateDatabase(database);
  const current = new Set(await tablesInDependencyOrder(db));
  let total = 0;
  await db.transaction(async (tx) => {
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (!next.value.trim()) continue;
      const chunk = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!current.has(chunk.table)) throw new Error(`backup has table ${chunk.table} that this version does not know`);
      const t = sql.identifier(chunk.table);
      await tx.execute(sql`insert into ${t} select * from json_populate_recordset(null::${t}, ${JSON.stringify(chunk.rows)}::json)`);
      total += chunk.rows.length;
    }
    const seqs = await rows<{ t: string; c: string }>(tx, sql`
      select c.table_name as t, c.column_name as c from information_schema.columns c
      where c.table_schema = 'public' and c.column_default like 'nextval(%'`);
    for (const { t, c } of seqs) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${t}"', '${c}'), coalesce((select max("${c}") from "${t}"), 0) + 1, false)`));
    }
  });
  return { tables: header.tables.length, rows: total };
}
