import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { rows, type Database } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { buildApp } from './app.js';
import { MissLimiter } from './miss-limiter.js';
import { hit, peek, purgeExpiredRateLimits } from './rate-limits.js';

function clock(start = 1_000_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('MissLimiter (counts in the database)', () => {
  it('allows max misses, then refuses with the seconds until the window ends', async () => {
    const c = clock();
    const l = new MissLimiter(database.db, 'a1', { max: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(await l.blockedFor('a')).toBeNull();
      await l.miss('a');
      c.advance(10_000);
    }
    // the window began with the first miss (0 s) and ends at 60 s; now 30 s
    expect(await l.blockedFor('a')).toBe(30);
    expect(await l.blockedFor('b')).toBeNull();
  });

  it('is a fixed window: the first miss after it ends starts a new one', async () => {
    const c = clock();
    const l = new MissLimiter(database.db, 'a2', { max: 2, windowMs: 1000, now: c.now });
    await l.miss('a');
    c.advance(600);
    await l.miss('a');
    expect(await l.blockedFor('a')).toBe(1);
    c.advance(400); // the window (0 … 1000 ms) has ended
    expect(await l.blockedFor('a')).toBeNull();
    await l.miss('a'); // a new window: one miss in it
    expect(await l.blockedFor('a')).toBeNull();
    await l.miss('a', 1);
    expect(await l.blockedFor('a')).toBe(1);
  });

  it('keeps limiters with different names apart, and counts several misses at once', async () => {
    const c = clock();
    const one = new MissLimiter(database.db, 'n1', { max: 3, windowMs: 60_000, now: c.now });
    const two = new MissLimiter(database.db, 'n2', { max: 3, windowMs: 60_000, now: c.now });
    await one.miss('ip', 3);
    expect(await one.blockedFor('ip')).not.toBeNull();
    expect(await two.blockedFor('ip')).toBeNull();
    await two.miss('ip', 0);
    expect(await two.blockedFor('ip')).toBeNull();
  });

  it('counts exactly under concurrent hits (one atomic upsert each)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 25 }), fc.nat(1_000_000), async (n, salt) => {
        const key = `race:${salt}:${n}`;
        const counts = await Promise.all(Array.from({ length: n }, () => hit(database.db, key, 60_000)));
        // every caller saw a different count, 1 … n, and the row holds n
        expect(counts.map((x) => x.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        expect((await peek(database.db, key)).hits).toBe(n);
      }),
      { numRuns: 15 },
    );
  });

  it('stores a long key (user input) as its hash, and purges ended windows', async () => {
    const long = `login|${'x'.repeat(5000)}`;
    const c = clock();
    expect((await hit(database.db, long, 1000, c.now())).hits).toBe(1);
    expect((await hit(database.db, long, 1000, c.now())).hits).toBe(2);
    expect((await hit(database.db, `${long}y`, 1000, c.now())).hits).toBe(1);
    const [row] = await rows<{ longest: number }>(database.db, sql`select max(length(key))::int as longest from rate_limits`);
    expect(row!.longest).toBeLessThanOrEqual(200);
    const before = (await rows(database.db, sql`select 1 from rate_limits where key like 'sha256:%'`)).length;
    expect(before).toBe(2);
    c.advance(1000);
    expect(await purgeExpiredRateLimits(database.db, c.now())).toBeGreaterThanOrEqual(2);
    expect((await rows(database.db, sql`select 1 from rate_limits where key like 'sha256:%'`)).length).toBe(0);
    expect((await peek(database.db, long, c.now())).hits).toBe(0);
  });

  it('refuses nonsense settings', () => {
    expect(() => new MissLimiter(database.db, 'x', { max: 0, windowMs: 1 })).toThrow();
    expect(() => new MissLimiter(database.db, 'x', { max: 1, windowMs: 0 })).toThrow();
  });
});

describe('the rate-limit store (@fastify/rate-limit on the database)', () => {
  it('two app instances on one database share a route limit: the 11th login try is refused, whichever answers', async () => {
    const config = loadConfig({ DEMO: '0', LOG_LEVEL: 'silent' });
    const ctx = { db: database.db, backend: database.backend, config };
    const [a, b] = [await buildApp(ctx, { logger: false, serveWeb: false }), await buildApp(ctx, { logger: false, serveWeb: false })];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const app = i % 2 ? b : a;
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-shared', password: 'wrong-pass' } });
        statuses.push(res.statusCode);
      }
      // login: 10 per minute per (address, account); unknown account → 401
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      // another account from the same address has its own count, and another route its own key space
      expect((await b.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone-else', password: 'wrong-pass' } })).statusCode).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('fails closed with 503 rate_limit_unavailable when the database is gone', async () => {
    const lost = await createTestDatabase();
    const config = loadConfig({ DEMO: '0', LOG_LEVEL: 'silent' });
    const app = await buildApp({ db: lost.db, backend: lost.backend, config }, { logger: false, serveWeb: false });
    try {
      await lost.close();
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'u', password: 'wrong-pass' } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'rate_limit_unavailable', status: 503 });
      const l = new MissLimiter(lost.db, 'gone', { max: 1, windowMs: 1000 });
      await expect(l.blockedFor('ip')).rejects.toMatchObject({ status: 503, code: 'rate_limit_unavailable' });
    } finally {
      await app.close();
    }
  });
});
