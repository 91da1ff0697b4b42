import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { deliverPending, LogProvider, notify, type NotificationProvider, type OutgoingMessage } from './outbox.js';
import { notifyOutbox } from './schema.js';

let database: Database & { url?: string };
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => { await database.close(); });
beforeEach(async () => { await db.delete(notifyOutbox); });

class Recorder implements NotificationProvider {
  sent: OutgoingMessage[] = [];
  constructor(private readonly fail: (m: OutgoingMessage) => boolean = () => false) {}
  async send(m: OutgoingMessage) {
    if (this.fail(m)) throw new Error('gateway down');
    this.sent.push(m);
  }
}
const all = () => db.select().from(notifyOutbox).orderBy(notifyOutbox.id);

describe('notify', () => {
  it('queues inside the caller\'s transaction: a rolled-back change leaves no message', async () => {
    await db.transaction(async (tx) => { await notify(tx, { channel: 'sms', to: '09121234567', body: 'کد ورود: ۱۲۳۴' }); });
    await db.transaction(async (tx) => {
      await notify(tx, { channel: 'email', to: 'a@b.ir', subject: 's', body: 'نباید برود' });
      tx.rollback();
    }).catch(() => {});
    expect((await all()).map((m) => [m.channel, m.recipient, m.status])).toEqual([['sms', '09121234567', 'pending']]);
  });
});

describe('deliverPending', () => {
  it('sends pending messages in order and marks them sent', async () => {
    await notify(db, { channel: 'sms', to: '1', body: 'a' });
    await notify(db, { channel: 'email', to: 'x@y.ir', subject: 'موضوع', body: 'b' });
    const p = new Recorder();
    expect(await deliverPending(db, p)).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    expect(p.sent.map((m) => [m.channel, m.to, m.subject, m.body, m.attempt])).toEqual([['sms', '1', null, 'a', 1], ['email', 'x@y.ir', 'موضوع', 'b', 1]]);
    expect((await all()).every((m) => m.status === 'sent' && m.sentAt)).toBe(true);
    expect(await deliverPending(db, p)).toMatchObject({ claimed: 0 });
  });

  it('retries a failed send after the backoff and fails it after maxAttempts', async () => {
    await notify(db, { channel: 'sms', to: 'bad', body: 'x' });
    await notify(db, { channel: 'sms', to: 'good', body: 'y' });
    const p = new Recorder((m) => m.to === 'bad');
    expect(await deliverPending(db, p, { maxAttempts: 2, backoffMs: () => 3_600_000 })).toEqual({ claimed: 2, sent: 1, retried: 1, failed: 0 });
    expect(await deliverPending(db, p, { maxAttempts: 2 })).toMatchObject({ claimed: 0 }); // waiting for its backoff
    await db.update(notifyOutbox).set({ runAt: sql`now() - interval '1 second'` });
    expect(await deliverPending(db, p, { maxAttempts: 2 })).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const [bad] = await all();
    expect(bad).toMatchObject({ status: 'failed', attempts: 2, lastError: 'gateway down' });
  });

  it('claims again a message whose sender died mid-way (lease expired)', async () => {
    await notify(db, { channel: 'sms', to: '1', body: 'a' });
    await db.update(notifyOutbox).set({ status: 'sending', attempts: 1, lockedUntil: sql`now() - interval '1 second'` });
    const p = new Recorder();
    expect(await deliverPending(db, p)).toMatchObject({ claimed: 1, sent: 1 });
    expect(p.sent[0]!.attempt).toBe(2);
  });

  it('LogProvider writes the message to the logger', async () => {
    const lines: unknown[] = [];
    await notify(db, { channel: 'sms', to: '09120000000', body: 'سلام' });
    await deliverPending(db, new LogProvider({ info: (o: unknown) => { lines.push(o); } } as never));
    expect(lines).toMatchObject([{ notification: { channel: 'sms', to: '09120000000', body: 'سلام' } }]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('deliverPending on PostgreSQL with several instances', () => {
  it('two senders with separate pools send each message once', async () => {
    const second = await openDatabase({ url: database.url!, poolSize: 2 });
    try {
      for (let i = 0; i < 100; i++) await notify(db, { channel: 'sms', to: String(i), body: 'x' });
      const p = new Recorder();
      const drain = async (d: Db) => { while ((await deliverPending(d, p, { limit: 5 })).claimed > 0); };
      await Promise.all([drain(db), drain(second.db), drain(db), drain(second.db)]);
      expect(p.sent.map((m) => m.to).sort()).toEqual(Array.from({ length: 100 }, (_, i) => String(i)).sort());
    } finally {
      await second.close();
    }
  });
});
