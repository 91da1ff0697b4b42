import type { Db } from '../db/client.js';
import { hit, peek } from './rate-limits.js';

/** Tuning of a {@link MissLimiter}. */
export interface MissLimiterOptions {
  /** Misses allowed per key within the window; the next request is refused. */
  max: number;
  windowMs: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Counts failed lookups ("misses") per client and refuses a client that missed too often, so identifiers that
 * must stay secret (tracking codes) cannot be found by trying many of them. Only misses count: a client who
 * looks up real codes is never slowed; one who guesses is stopped after `max` wrong guesses within a window, and
 * while stopped is refused even for a right code, so a guess cannot be confirmed.
 *
 * The counts live in the database (`rate_limits`, see rate-limits.ts), shared by every instance: N instances do
 * not give a guesser N × `max` tries. The window is fixed — it starts with the first miss and lasts `windowMs`;
 * the first miss after it starts a new one — so a guesser gets at most 2 × `max` tries across a window boundary
 * (the in-memory version had a sliding window; hopeless against a 12-digit random code either way). Each check is
 * one primary-key read, each miss one upsert. `name` separates the limiters' key spaces.
 */
export class MissLimiter {
  private readonly max: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly db: Db, private readonly name: string, opts: MissLimiterOptions) {
    if (!(opts.max >= 1) || !(opts.windowMs > 0)) throw new Error('MissLimiter: max must be ≥ 1 and windowMs > 0');
    this.max = opts.max;
    this.windowMs = opts.windowMs;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Whether `key` may look something up now: null when it may, otherwise the whole seconds until it may again
   * (for Retry-After).
   */
  async blockedFor(key: string): Promise<number | null> {
    const now = this.now();
    const c = await peek(this.db, `miss:${this.name}:${key}`, now);
    if (c.hits < this.max) return null;
    return Math.max(1, Math.ceil((c.resetAt - now) / 1000));
  }

  /** Records `count` misses of `key` (default one). */
  async miss(key: string, count = 1): Promise<void> {
    if (count > 0) await hit(this.db, `miss:${this.name}:${key}`, this.windowMs, this.now(), count);
  }
}
