import pg from 'pg';
import { openDatabase } from '../core/db/client.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { TEMPLATE_DB, withDatabase } from './pg-url.js';

/**
 * On PostgreSQL, migrate one template database once; each test file clones it (fast, isolated).
 * On PGlite nothing is shared: each file migrates its own in-memory database.
 */
export async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB} TEMPLATE template0 ENCODING 'UTF8'`);
  const database = await openDatabase({ url: withDatabase(url, TEMPLATE_DB), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
  // Leftovers of an interrupted earlier run.
  const old = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'shahrdeh\\_t\\_%'`);
  for (const r of old.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  await admin.end();
}
