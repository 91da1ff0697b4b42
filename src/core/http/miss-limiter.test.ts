import { describe, expect, it } from 'vitest';
import { MissLimiter } from './miss-limiter.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

describe('MissLimiter', () => {
  it('allows max misses, then refuses with the seconds until the oldest expires', () => {
    const c = clock();
    const l = new MissLimiter({ max: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(l.blockedFor('a')).toBeNull();
      l.miss('a');
      c.advance(10_000);
    }
    // misses at 0 s, 10 s, 20 s; now 30 s: the first expires at 60 s
    expect(l.blockedFor('a')).toBe(30);
    expect(l.blockedFor('b')).toBeNull();
  });

  it('is a sliding window: each miss expires on its own', () => {
    const c = clock();
    const l = new MissLimiter({ max: 2, windowMs: 1000, now: c.now });
    l.miss('a');
    c.advance(600);
    l.miss('a');
    expect(l.blockedFor('a')).not.toBeNull();
    c.advance(401); // the first miss is 1001 ms old
    expect(l.blockedFor('a')).toBeNull();
    l.miss('a');
    expect(l.blockedFor('a')).toBe(1);
    c.advance(1000);
    expect(l.blockedFor('a')).toBeNull();
    expect(l.size).toBe(0);
  });

  it('forgets the least recently missing keys beyond maxKeys', () => {
    const l = new MissLimiter({ max: 1, windowMs: 60_000, maxKeys: 2 });
    l.miss('a');
    l.miss('b');
    l.miss('a');
    l.miss('c'); // b is the least recent: forgotten
    expect(l.size).toBe(2);
    expect(l.blockedFor('b')).toBeNull();
    expect(l.blockedFor('a')).not.toBeNull();
    expect(l.blockedFor('c')).not.toBeNull();
  });

  it('refuses nonsense settings', () => {
    expect(() => new MissLimiter({ max: 0, windowMs: 1 })).toThrow();
    expect(() => new MissLimiter({ max: 1, windowMs: 0 })).toThrow();
  });
});
