import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../core/db/client.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { templateDb, withDatabase } from './pg-url.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or (TEST_DATABASE_URL set) a new
 * PostgreSQL database cloned from the migrated template. `close()` drops what it made.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrateDatabase(database);
    return database;
  }
  // Named after the worker process, so a later run can tell leftovers of a dead run from databases in use.
  const name = `shahrdeh_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
  await admin.end();
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ url: dbUrl, poolSize: 5 });
  return {
    ...database,
    url: dbUrl,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
