import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/db.js';
import { createDivision, createStaff, createTree } from '../../test/factories.js';
import { orgDivisions } from '../org/schema.js';
import { appendAudit, verifyAudit } from '../audit/audit.js';
import { storeDocument } from '../documents/store.js';
import { authUsers } from '../auth/schema.js';
import { rows, type Database } from './client.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3a3c1f20000000049454e44ae426082', 'hex');

let source: Database;
let target: Database;
const file = join(mkdtempSync(join(tmpdir(), 'shahrdeh-backup-')), 'backup.ndjson.gz');

async function snapshot(db: Database['db']) {
  const tables = ['org_divisions', 'auth_users', 'auth_user_roles', 'audit_log', 'doc_files'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await rows(db, sql.raw(`select * from ${t} order by 1`));
  return out;
}

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  const tree = await createTree(source.db);
  const user = await createStaff(source.db, [['district.reviewer', tree.district]], { username: 'آزمون', password: 'secret-pass' });
  await storeDocument(source.db, { content: PNG, filename: 'عکس.png', purpose: 'test', divisionPath: tree.district.path, owner: null, maxBytes: 1e6 });
  for (let i = 0; i < 3; i++) await source.db.transaction((tx) => appendAudit(tx, null, { action: 'x', entityType: 'user', entityId: user.id!, data: { i, text: 'ي ك' } }));
  // A parent created after its 1,500 children (a re-parented subtree): rows of the divisions table span several
  // batches of the backup and a child comes before its parent in id order.
  const kids = [];
  for (let i = 0; i < 1500; i++) kids.push({ level: 'village' as const, parentId: tree.district.id, name: `روستا ${i}`, code: `bk${i}`, path: '/', depth: 4 });
  await source.db.insert(orgDivisions).values(kids);
  const late = await createDivision(source.db, 'district', tree.county, 'بخش تازه');
  await source.db.execute(sql`update org_divisions set parent_id = ${late.id} where code like 'bk%'`);
  // Something in the target that the restore must replace.
  await createStaff(target.db, [['admin', null]], { username: 'stale', password: 'secret-pass' });
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('backup and restore', () => {
  it('round-trips every row, byte for byte, into another database and keeps the audit chain valid', async () => {
    const b = await backupDatabase(source, file);
    expect(b.rows).toBeGreaterThan(10);
    const r = await restoreDatabase(target, file);
    expect(r.rows).toBe(b.rows);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true, rows: 3 });
    const stale = await rows(target.db, sql`select 1 from auth_users where username = 'stale'`);
    expect(stale).toHaveLength(0);
  });

  it('moves sequences past the restored ids, so new rows can be added after a restore', async () => {
    const [u] = await target.db.insert(authUsers).values({ kind: 'staff', username: 'after-restore', displayName: 'x' }).returning();
    const [max] = await rows<{ m: number }>(target.db, sql`select max(id)::int as m from auth_users where username <> 'after-restore'`);
    expect(u!.id).toBeGreaterThan(max!.m);
  });

  it('rolls a damaged backup back whole: the database keeps what it had', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const lines = gunzipSync(readFileSync(file)).toString().split('\n');
    const damaged = join(tmpdir(), `damaged-${process.pid}.gz`);
    writeFileSync(damaged, gzipSync([...lines.slice(0, 4), '{"table": "auth_users", "rows": [{"id": "not a number"}]}'].join('\n')));
    const before = await snapshot(target.db);
    await expect(restoreDatabase(target, damaged)).rejects.toThrow();
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses a file that is not a backup, leaving the database as it was', async () => {
    const bogus = join(tmpdir(), `not-a-backup-${process.pid}.gz`);
    const { writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(bogus, gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(target, bogus)).rejects.toThrow(/not a Shahrdeh backup/);
    expect((await rows(target.db, sql`select 1 from auth_users where username = 'after-restore'`)).length).toBe(1);
  });
});
