import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { appendAudit, auditedTransaction, verifyAudit } from './audit.js';
import { auditLog } from './schema.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 6; i++) {
    await database.db.transaction((tx) => appendAudit(tx, null, { action: 'test.event', entityType: 'thing', entityId: i, divisionPath: '/1/', data: { i, nested: { b: 2, a: [1, 'الف'] } } }));
  }
});
afterAll(async () => { await database.close(); });

describe('audit log hash chain', () => {
  it('verifies an untouched chain', async () => {
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 6 });
  });

  it('refuses UPDATE and DELETE (append-only trigger)', async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x' where seq = 2`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
  });

  it('keeps appends in one chain when several transactions append at once', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => database.db.transaction((tx) => appendAudit(tx, null, { action: 'burst', entityType: 't', entityId: i }))));
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 16 });
  });

  it('appends the events of an audited transaction together at its end, in order, and none when it rolls back', async () => {
    const ev = (i: number) => ({ action: 'deferred', entityType: 't', entityId: i });
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => auditedTransaction(database.db, async (tx) => {
        await appendAudit(tx, null, ev(10 * i + 1));
        // Not yet in the table inside the transaction: the chain's lock is not taken before the end.
        expect(await tx.select().from(auditLog).where(sql`action = 'deferred' and entity_id = ${String(10 * i + 1)}`)).toEqual([]);
        await appendAudit(tx, null, ev(10 * i + 2));
      })),
      ...Array.from({ length: 5 }, (_, i) => database.db.transaction((tx) => appendAudit(tx, null, { action: 'plain', entityType: 't', entityId: i }))),
    ]);
    await expect(auditedTransaction(database.db, async (tx) => {
      await appendAudit(tx, null, ev(99));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    const rows = await database.db.select().from(auditLog).where(sql`action = 'deferred'`).orderBy(auditLog.seq);
    expect(rows.map((r) => r.entityId).sort()).toEqual(['1', '11', '12', '2', '21', '22', '31', '32', '41', '42']);
    // The two events of one transaction are neighbours in the chain, first one first.
    for (let i = 0; i < rows.length; i += 2) expect([rows[i]!.seq + 1, `${rows[i]!.entityId.slice(0, -1)}2`]).toEqual([rows[i + 1]!.seq, rows[i + 1]!.entityId]);
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 31 });
  });

  it('reports the first broken link after a row is edited, then after a row is deleted', async () => {
    // Play a superuser who goes around the trigger.
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(sql`update audit_log set data = '{"i": 99}'::jsonb where seq = 4`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenAt: 4, rows: 3 });
    await database.db.execute(sql`delete from audit_log where seq = 3`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'row 3 is missing' });
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
});
