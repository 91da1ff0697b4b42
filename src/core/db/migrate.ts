import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

/** The drizzle-kit migrations folder, found the same way from src/ (tsx) and from dist/ (built). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes concurrent start-ups of several instances
 * take turns instead of racing on the same DDL.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const folder = { migrationsFolder: MIGRATIONS_DIR };
  if (database.backend === 'embedded') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, folder);
    return;
  }
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Session-level lock: it must be taken and released on the same connection, so borrow one from the pool.
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(7349001)');
    await migrate(drizzle(client), folder);
  } finally {
    await client.query('select pg_advisory_unlock(7349001)').catch(() => {});
    client.release();
  }
}
