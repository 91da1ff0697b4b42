import pg from 'pg';
import { openDatabase } from '../core/db/client.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { pidAlive, withDatabase } from './pg-url.js';

let admin: pg.Client | undefined;

/**
 * On PostgreSQL, migrate one template database for this run; each test file clones it (fast, isolated). Databases
 * left by runs whose process is gone are dropped; those of a run still going are left alone.
 * On PGlite nothing is shared: each file migrates its own in-memory database.
 */
export async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `shahrdeh_tpl_${process.pid}`;
  process.env.SHAHRDEH_TEST_TEMPLATE = template; // inherited by the test workers, started after this
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const old = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^shahrdeh_(t|tpl)_[0-9]+'`);
  for (const { datname } of old.rows) {
    const pid = Number(/^shahrdeh_(?:t|tpl)_(\d+)/.exec(datname)![1]);
    if (!pidAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8'`);
  const database = await openDatabase({ url: withDatabase(url, template), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
}

/** Drops this run's template. */
export async function teardown(): Promise<void> {
  if (!admin) return;
  await admin.query(`DROP DATABASE IF EXISTS ${process.env.SHAHRDEH_TEST_TEMPLATE} WITH (FORCE)`);
  await admin.end();
}
