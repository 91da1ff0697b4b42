import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './client.js';
import { migrateDatabase } from './migrate.js';
import { createTestDatabase } from '../../test/db.js';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

describe('migrations', () => {
  it('creates every core table and the Persian search function', async () => {
    const tables = await rows<{ table_name: string }>(database.db, sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const names = tables.map((t) => t.table_name);
    for (const t of ['org_divisions', 'auth_users', 'wf_cases', 'jobs', 'audit_log', 'doc_files', 'notify_outbox']) expect(names).toContain(t);
    const [r] = await rows<{ v: string }>(database.db, sql`select fa_normalize('كرمان ي ۱۲٣') as v`);
    expect(r!.v).toBe('کرمان ی 123');
  });

  it('is idempotent: running it again changes nothing and does not fail', async () => {
    await migrateDatabase(database);
    const [r] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(r!.n).toBeGreaterThanOrEqual(3);
  });
});
