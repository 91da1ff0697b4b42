import type { Config } from './core/config/config.js';
import { openDatabase, type Database } from './core/db/client.js';
import { lockDataDir } from './core/db/lock.js';
import { migrateDatabase } from './core/db/migrate.js';

/** An open, migrated database plus the release of the embedded folder's lock. */
export interface Platform {
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR, locked against a
 * second process) and brings its schema up to date. Shared by the server and the CLI.
 */
export async function openPlatform(config: Config): Promise<Platform> {
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl, poolSize: config.poolSize });
    await migrateDatabase(database);
    return { database, close: () => database.close() };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ dataDir: config.dataDir });
    await migrateDatabase(database);
    return {
      database,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
