import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { notify } from '../notify/outbox.js';
import { notifyOutbox } from '../notify/schema.js';
import { createTestDatabase } from '../../test/db.js';
import { cancelJob, enqueue, jobCounts, JobWorker } from './queue.js';
import { jobs } from './schema.js';

let database: Database & { url?: string };
let db: Db;
const silent = pino({ level: 'silent' });
const past = () => new Date(Date.now() - 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => { await database.close(); });
beforeEach(async () => {
  await db.delete(jobs);
  await db.delete(notifyOutbox);
});

describe('enqueue', () => {
  it('adds a job; the same key again adds nothing; a pending job can be cancelled', async () => {
    const id = await enqueue(db, { kind: 'k', key: 'once', payload: { a: 1 } });
    expect(id).toBeGreaterThan(0);
    expect(await enqueue(db, { kind: 'k', key: 'once', payload: { a: 2 } })).toBeNull();
    const [row] = await db.select().from(jobs);
    expect(row).toMatchObject({ kind: 'k', key: 'once', payload: { a: 1 }, status: 'pending', attempts: 0 });
    expect(await cancelJob(db, 'once')).toBe(true);
    expect(await cancelJob(db, 'once')).toBe(false);
  });
});

describe('JobWorker.runOnce', () => {
  it('runs due jobs of its kinds only, once, and marks them done', async () => {
    const seen: unknown[] = [];
    const w = new JobWorker({ log: silent }).register('echo', async (p) => { seen.push(p.n); });
    await enqueue(db, { kind: 'echo', payload: { n: 1 }, runAt: past() });
    await enqueue(db, { kind: 'echo', payload: { n: 2 }, runAt: new Date(Date.now() + 3_600_000) }); // not due
    await enqueue(db, { kind: 'other', payload: { n: 3 }, runAt: past() }); // no handler here
    expect(await w.runOnce(db)).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0, lost: 0 });
    expect(await w.runOnce(db)).toMatchObject({ claimed: 0 });
    expect(seen).toEqual([1]);
    expect(await jobCounts(db)).toEqual({ done: 1, pending: 2 });
  });

  it('rolls back a failing handler\'s writes, retries with backoff, and fails after max attempts', async () => {
    let calls = 0;
    const w = new JobWorker({ log: silent, backoffMs: () => 0 }).register('flaky', async (_p, { tx }) => {
      calls++;
      await notify(tx, { channel: 'sms', to: '09120000000', body: 'نباید بماند' });
      throw new Error('boom');
    });
    await enqueue(db, { kind: 'flaky', key: 'f', maxAttempts: 3, runAt: past() });
    expect(await w.runOnce(db)).toMatchObject({ claimed: 1, retried: 1 });
    let [j] = await db.select().from(jobs);
    expect(j).toMatchObject({ status: 'pending', attempts: 1 });
    expect(j!.lastError).toContain('boom');
    await w.runOnce(db);
    expect(await w.runOnce(db)).toMatchObject({ claimed: 1, failed: 1 });
    [j] = await db.select().from(jobs);
    expect(j).toMatchObject({ status: 'failed', attempts: 3 });
    expect(calls).toBe(3);
    expect(await db.select().from(notifyOutbox)).toEqual([]); // every attempt's write was rolled back
    expect(await w.runOnce(db)).toMatchObject({ claimed: 0 });
  });

  it('delays a retry by the backoff', async () => {
    const w = new JobWorker({ log: silent, backoffMs: () => 3_600_000 }).register('slow', async () => { throw new Error('later'); });
    await enqueue(db, { kind: 'slow', runAt: past() });
    await w.runOnce(db);
    const [j] = await db.select().from(jobs);
    expect(j!.runAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(await w.runOnce(db)).toMatchObject({ claimed: 0 });
  });

  it('takes over a job whose worker died (lease expired), and fails one that died on its last attempt', async () => {
    const w = new JobWorker({ log: silent }).register('orphan', async () => {});
    await enqueue(db, { kind: 'orphan', key: 'a' });
    await enqueue(db, { kind: 'orphan', key: 'b', maxAttempts: 1 });
    await db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: past() });
    expect(await w.runOnce(db)).toMatchObject({ claimed: 1, done: 1 });
    const rows = Object.fromEntries((await db.select().from(jobs)).map((j) => [j.key, j]));
    expect(rows.a).toMatchObject({ status: 'done', attempts: 2 });
    expect(rows.b).toMatchObject({ status: 'failed' });
  });

  it('two workers polling the same database concurrently run each job once', async () => {
    const runs = new Map<number, number>();
    const make = () => new JobWorker({ log: silent }).register('count', async (_p, { job, tx }) => {
      await tx.execute(sql`select 1`);
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    });
    for (let i = 0; i < 50; i++) await enqueue(db, { kind: 'count', runAt: past() });
    const [a, b] = [make(), make()];
    const drain = async (w: JobWorker) => { while ((await w.runOnce(db, 5)).claimed > 0); };
    await Promise.all([drain(a), drain(b)]);
    expect(runs.size).toBe(50);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await jobCounts(db)).toEqual({ done: 50 });
  });
});

describe('JobWorker.start/stop', () => {
  it('polls until stopped and survives a failing round (logged, not thrown)', async () => {
    const errors: unknown[] = [];
    const log = { info: () => {}, warn: () => {}, error: (o: unknown) => { errors.push(o); } } as unknown as pino.Logger;
    const broken = { execute: () => Promise.reject(new Error('database away')) } as unknown as Db;
    const w = new JobWorker({ log }).register('x', async () => {});
    w.start(broken, 5);
    await new Promise((r) => setTimeout(r, 40));
    await w.stop();
    expect(errors.length).toBeGreaterThan(1); // it kept polling after the first failure

    let ran = 0;
    const ok = new JobWorker({ log: silent }).register('tick', async () => { ran++; });
    await enqueue(db, { kind: 'tick', runAt: past() });
    ok.start(db, 5);
    for (let i = 0; i < 200 && ran === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await ok.stop();
    expect(ran).toBe(1);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL with several instances', () => {
  it('two workers with separate pools claiming concurrently run each of 200 jobs exactly once', async () => {
    const second = await openDatabase({ url: database.url!, poolSize: 4 });
    try {
      const runs = new Map<number, number>();
      const byWorker = [0, 0];
      const make = (i: number) => new JobWorker({ log: silent }).register('count', async (_p, { job, tx }) => {
        await tx.execute(sql`select pg_sleep(0.001)`);
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        byWorker[i]!++;
      });
      for (let i = 0; i < 200; i++) await enqueue(db, { kind: 'count', runAt: past() });
      const drain = async (w: JobWorker, d: Db) => { while ((await w.runOnce(d, 7)).claimed > 0); };
      // Two loops per pool, so claims really race on the same rows.
      await Promise.all([drain(make(0), db), drain(make(0), db), drain(make(1), second.db), drain(make(1), second.db)]);
      expect(runs.size).toBe(200);
      expect([...runs.values()].filter((n) => n !== 1)).toEqual([]);
      expect(byWorker[0]! > 0 && byWorker[1]! > 0).toBe(true);
      const rows = await db.select().from(jobs);
      expect(rows.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('a run that lost its lease to another worker is rolled back', async () => {
    const second = await openDatabase({ url: database.url!, poolSize: 2 });
    try {
      const w = new JobWorker({ log: silent }).register('slowpoke', async (_p, { tx, job }) => {
        await notify(tx, { channel: 'sms', to: '0912', body: 'x' });
        // Meanwhile another instance takes the job over (as after an expired lease).
        await second.db.update(jobs).set({ attempts: sql`${jobs.attempts} + 1` }).where(eq(jobs.id, job.id));
      });
      await enqueue(db, { kind: 'slowpoke', runAt: past() });
      expect(await w.runOnce(db)).toMatchObject({ claimed: 1, lost: 1, done: 0 });
      expect(await db.select().from(notifyOutbox)).toEqual([]);
      expect((await db.select().from(jobs))[0]).toMatchObject({ status: 'running', attempts: 2 });
    } finally {
      await second.close();
    }
  });
});
