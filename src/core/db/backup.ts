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
  const deps = await foreignKeys(db);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (seen.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const d of deps.filter((x) => x.child === t && x.parent !== t)) visit(d.parent, stack);
    seen.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function foreignKeys(db: DbOrTx) {
  return rows<{ child: string; parent: string }>(db, sql`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`);
}

/** The primary-key columns of a table, for a stable dump order. */
async function primaryKey(db: DbOrTx, table: string): Promise<string[]> {
  const r = await rows<{ a: string }>(db, sql`
    select a.attname as a from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${`public."${table}"`}::regclass and i.indisprimary order by a.attnum`);
  return r.map((x) => x.a);
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
      const pk = await primaryKey(tx, table);
      const order = pk.length ? `order by ${pk.map((c) => `t."${c}"`).join(', ')}` : '';
      await tx.execute(sql.raw(`declare backup_cur no scroll cursor for select row_to_json(t)::text as j from "${table}" t ${order}`));
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
 * Restores a backup into `database`, replacing everything in it, atomically: the schema is first brought up to
 * date, then one transaction empties every table, loads the rows in dependency order and moves each sequence past
 * the restored ids. Any error rolls the whole restore back and leaves the database as it was. Run it with the
 * server stopped.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  let header: Header;
  try {
    header = JSON.parse((await it.next()).value ?? '') as Header;
  } catch {
    throw new Error(`${file} is not a Shahrdeh backup`);
  }
  if (header?.format !== FORMAT || header.version !== 1) throw new Error(`${file} is not a Shahrdeh backup`);

  await migrateDatabase(database);
  const { db } = database;
  const current = await tablesInDependencyOrder(db);
  const unknown = header.tables.filter((t) => !current.includes(t));
  if (unknown.length) throw new Error(`the backup has tables this version does not know: ${unknown.join(', ')}`);
  // A table that references itself (the divisions tree) is loaded in one statement: foreign keys are checked
  // at the end of a statement, so the order of its rows does not matter then.
  const selfRef = new Set((await foreignKeys(db)).filter((k) => k.child === k.parent).map((k) => k.child));

  let total = 0;
  await db.transaction(async (tx) => {
    // The audit log refuses TRUNCATE; a restore is the one legitimate exception, inside this transaction.
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_truncate`);
    await tx.execute(sql.raw(`truncate ${current.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_truncate`);
    let pending: { table: string; rows: unknown[] } | null = null;
    const flush = async () => {
      if (!pending) return;
      const t = sql.identifier(pending.table);
      await tx.execute(sql`insert into ${t} select * from json_populate_recordset(null::${t}, ${JSON.stringify(pending.rows)}::json)`);
      total += pending.rows.length;
      pending = null;
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (!next.value.trim()) continue;
      const chunk = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!header.tables.includes(chunk.table)) throw new Error(`${file} is damaged: rows of an undeclared table ${chunk.table}`);
      if (pending && pending.table === chunk.table && selfRef.has(chunk.table)) {
        pending.rows.push(...chunk.rows);
        continue;
      }
      await flush();
      pending = { table: chunk.table, rows: chunk.rows };
    }
    await flush();
    const seqs = await rows<{ t: string; c: string }>(tx, sql`
      select c.table_name as t, c.column_name as c from information_schema.columns c
      where c.table_schema = 'public' and c.column_default like 'nextval(%'`);
    for (const { t, c } of seqs) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${t}"', '${c}'), coalesce((select max("${c}") from "${t}"), 0) + 1, false)`));
    }
  });
  return { tables: header.tables.length, rows: total };
}
