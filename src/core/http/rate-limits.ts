import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { AppError } from './errors.js';

/**
 * Counters shared by every server instance on the database (`rate_limits`, unlogged on PostgreSQL): the store of
 * `@fastify/rate-limit` and the {@link MissLimiter} both count here, so N instances behind a load balancer give a
 * client the limit once, not N times.
 *
 * Fixed windows: a key's window starts with its first hit and lasts `windowMs`; the first hit after `reset_at`
 * starts a new one. Counting is ONE statement per counted request — an upsert that resets or increments
 * atomically and returns the new count — so two instances counting the same key at the same moment both see a
 * correct total. Time comes from the instance's clock (a parameter, so tests can move it); instances must keep
 * their clocks in step (NTP), which is far finer than any window here. Rows whose window ended are deleted by
 * {@link purgeExpiredRateLimits} (the background housekeeping); a stale row is harmless meanwhile, since the
 * upsert restarts it.
 *
 * When the database cannot be reached the limiter fails closed: the request is answered 503
 * `rate_limit_unavailable` (problem+json) rather than served unlimited — a request that passes the limiter would
 * need the database anyway.
 */

/** The count of a key after a hit, and when its window ends (epoch ms). */
export interface Count {
  hits: number;
  resetAt: number;
}

/** Keys longer than this are stored as their SHA-256 (a key may hold user input, e.g. a username). */
const MAX_KEY = 200;

function storedKey(key: string): string {
  // NUL (PostgreSQL refuses it in text) can come from user input, e.g. a URL's %00: hash such keys too.
  return key.length <= MAX_KEY && !key.includes('\u0000') ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export const rateLimitUnavailable = (cause: unknown) => {
  const e = new AppError(503, 'rate_limit_unavailable', 'سامانه موقتاً در دسترس نیست؛ لطفاً کمی بعد دوباره تلاش کنید.');
  (e as { cause?: unknown }).cause = cause;
  return e;
};

/** Adds `count` hits to `key` (starting a new window of `windowMs` if the last one ended) and returns the count. */
export async function hit(db: Db, key: string, windowMs: number, now = Date.now(), count = 1): Promise<Count> {
  const at = new Date(now).toISOString();
  const until = new Date(now + windowMs).toISOString();
  try {
    const [r] = await rows<{ hits: number; reset_ms: number | string }>(db, sql`
      insert into rate_limits as r (key, hits, reset_at) values (${storedKey(key)}, ${count}, ${until}::timestamptz)
      on conflict (key) do update set
        hits = case when r.reset_at <= ${at}::timestamptz then excluded.hits else r.hits + excluded.hits end,
        reset_at = case when r.reset_at <= ${at}::timestamptz then excluded.reset_at else r.reset_at end
      returning hits, (extract(epoch from reset_at) * 1000)::float8 as reset_ms`);
    return { hits: Number(r!.hits), resetAt: Number(r!.reset_ms) };
  } catch (e) {
    throw rateLimitUnavailable(e);
  }
}

/** The live count of `key` (0 when none or its window ended), without counting. */
export async function peek(db: Db, key: string, now = Date.now()): Promise<Count> {
  try {
    const [r] = await rows<{ hits: number; reset_ms: number | string }>(db, sql`
      select hits, (extract(epoch from reset_at) * 1000)::float8 as reset_ms from rate_limits
      where key = ${storedKey(key)} and reset_at > ${new Date(now).toISOString()}::timestamptz`);
    return r ? { hits: Number(r.hits), resetAt: Number(r.reset_ms) } : { hits: 0, resetAt: now };
  } catch (e) {
    throw rateLimitUnavailable(e);
  }
}

/** Deletes the counters whose window has ended; returns how many. */
export async function purgeExpiredRateLimits(db: Db, now = Date.now()): Promise<number> {
  const gone = await rows(db, sql`delete from rate_limits where reset_at <= ${new Date(now).toISOString()}::timestamptz returning 1`);
  return gone.length;
}

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for `@fastify/rate-limit` on the `rate_limits` table (`store: databaseRateLimitStore(db)`). Each route
 * gets its own key space (`rl:METHOD URL|key`), as the plugin's in-memory store gives each route its own map.
 * `continueExceeding` and `exponentialBackoff` are not supported (not used here).
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    constructor(_global?: unknown, private readonly prefix = 'rl:') {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      hit(db, this.prefix + key, timeWindow, now).then(
        (c) => cb(null, { current: c.hits, ttl: Math.max(0, c.resetAt - now) }),
        (e: Error) => cb(e),
      );
    }

    read(key: string, cb: Callback): void {
      const now = Date.now();
      peek(db, this.prefix + key, now).then(
        (c) => cb(null, { current: c.hits, ttl: Math.max(0, c.resetAt - now) }),
        (e: Error) => cb(e),
      );
    }

    // The plugin passes the route's merged limit options, with the route under `routeInfo`.
    child(params: object): DatabaseRateLimitStore {
      const r = (params as RouteParams).routeInfo ?? {};
      const method = Array.isArray(r.method) ? r.method.join(',') : (r.method ?? '');
      return new DatabaseRateLimitStore(undefined, `rl:${method} ${r.url ?? ''}|`);
    }
  };
}
