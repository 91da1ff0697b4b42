/** Tuning of a {@link MissLimiter}. */
export interface MissLimiterOptions {
  /** Misses allowed per key within the window; the next request is refused. */
  max: number;
  windowMs: number;
  /** Keys remembered at most (the least recently missing are forgotten first). Default 100,000. */
  maxKeys?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Counts failed lookups ("misses") per client and refuses a client that missed too often, so identifiers that
 * must stay secret (tracking codes) cannot be found by trying many of them. Only misses count: a client who
 * looks up real codes is never slowed; one who guesses is stopped after `max` wrong guesses within `windowMs`
 * (a sliding window — each miss expires on its own), and while stopped is refused even for a right code, so a
 * guess cannot be confirmed.
 *
 * In memory, per server instance: with N instances behind a load balancer a guesser gets up to N × `max` tries
 * per window. That is still hopeless against a 12-digit random code, and the multi-instance work will move this
 * state to the database. Memory is bounded by `maxKeys`.
 */
export class MissLimiter {
  private readonly misses = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(opts: MissLimiterOptions) {
    if (!(opts.max >= 1) || !(opts.windowMs > 0)) throw new Error('MissLimiter: max must be ≥ 1 and windowMs > 0');
    this.max = opts.max;
    this.windowMs = opts.windowMs;
    this.maxKeys = opts.maxKeys ?? 100_000;
    this.now = opts.now ?? Date.now;
  }

  private live(key: string, now: number): number[] {
    const list = this.misses.get(key);
    if (!list) return [];
    const fresh = list.filter((t) => t > now - this.windowMs);
    if (fresh.length === 0) this.misses.delete(key);
    else if (fresh.length !== list.length) this.misses.set(key, fresh);
    return fresh;
  }

  /**
   * Whether `key` may look something up now: null when it may, otherwise the whole seconds until it may again
   * (for Retry-After).
   */
  blockedFor(key: string): number | null {
    const now = this.now();
    const list = this.live(key, now);
    if (list.length < this.max) return null;
    // The oldest miss that still counts must expire for the key to drop below max.
    const oldest = list[list.length - this.max]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /** Records a miss of `key`. */
  miss(key: string): void {
    const now = this.now();
    const list = this.live(key, now);
    list.push(now);
    // Keep only what can matter; re-insert so the map's order is least recently missing first.
    this.misses.delete(key);
    this.misses.set(key, list.slice(-this.max));
    while (this.misses.size > this.maxKeys) this.misses.delete(this.misses.keys().next().value!);
  }

  /** Number of keys remembered (for tests and metrics). */
  get size(): number {
    return this.misses.size;
  }
}
