import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIdOrder, canonicalKey, lotteryOrder, RemainingPositions, rfc3797Select, rfc3797Value } from './lottery.js';

// RFC 3797 section 6 ("Fully Worked Example"): the 2002 NomCom draw, a pool of 25 volunteers.
const RFC_KEY = '9319./2.5.8.10.12./9.18.26.34.41.45./';
// The MD5 values the RFC lists for j = 0, 1, 2, … (MD5 of J ‖ key ‖ J).
const RFC_DIGESTS = [
  '990DD0A5692A029A98B5E01AA28F3459', '3691E55CB63FCC37914430B2F70B5EC6', 'FE814EDF564C190AC1D25753979990FA',
  '1863CCACEB568C31D7DDBDF1D4E91387', 'F4AB33DF4889F0AF29C513905BE1D758', '13EAEB529F61ACFB9A29D0BA3A60DE4A',
  '992DB77C382CA2BDB9727001F3CDCCD9', '63AB4258ECA922976811C7F55C383CE7', 'DFBC5AC97CED01B3A6E348E3CC63F40D',
  '31CB111C4A4EBE9287CEAE16FE51B909', '07FA46C122F164C215BBC72793B189A3',
];
// The selection the RFC publishes, in order (17 Lee, 7 Doc, 2 Mary, 16 Charity, 25 Kasczynski, 23 Envy, 8 Sneazy,
// 24 Anger, 19 Chastity, 13 Pandora, 22 Sloth).
const RFC_SELECTED = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22];

describe('RFC 3797 section 6 worked example', () => {
  it('canonicalizes the 2002 sources into the published key', () => {
    expect(canonicalKey([[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]])).toBe(RFC_KEY);
  });

  it('reproduces every published MD5 value', () => {
    RFC_DIGESTS.forEach((hex, j) => expect(rfc3797Value(RFC_KEY, j)).toBe(BigInt(`0x${hex}`)));
  });

  it('reproduces the first remainders (16 mod 25, 6 mod 24, 1 mod 23)', () => {
    expect([0, 1, 2].map((j) => rfc3797Value(RFC_KEY, j) % BigInt(25 - j))).toEqual([16n, 6n, 1n]);
  });

  it('selects exactly the published volunteers, in the published order', () => {
    expect(rfc3797Select(RFC_KEY, 25, 11)).toEqual(RFC_SELECTED);
  });

  it('a longer draw starts with the shorter one', () => {
    expect(rfc3797Select(RFC_KEY, 25, 25).slice(0, 11)).toEqual(RFC_SELECTED);
  });
});

describe('canonicalKey', () => {
  it.each([
    [[[1, 2, 3]], '1.2.3./'],
    [[[3, 1, 2]], '1.2.3./'],
    [[[9319]], '9319./'],
    [[[10, 9, 100]], '9.10.100./'],
    [[[5], [4], [3]], '5./4./3./'],
    [[[1.25], [5, 3], [8]], '1.25./3.5./8./'],
    [['Tehran Stock-Exchange'], 'TEHRANSTOCKEXCHANGE/'],
    [['Mažňák', [4, 6, 9]], 'MAZNAK/4.6.9./'],
  ] as [(number[] | string)[], string][])('%j → %s', (sources, key) => {
    expect(canonicalKey(sources)).toBe(key);
  });

  it('does not mutate its input and rejects empty or negative sources', () => {
    const src = [3, 1, 2];
    canonicalKey([src]);
    expect(src).toEqual([3, 1, 2]);
    expect(() => canonicalKey([])).toThrow();
    expect(() => canonicalKey([[]])).toThrow();
    expect(() => canonicalKey([[-1]])).toThrow();
    expect(() => canonicalKey(['--'])).toThrow();
  });
});

describe('rfc3797Select', () => {
  it('returns distinct positions in 1..pool, a prefix of the full permutation', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 300 }), fc.nat(), (key, pool, k) => {
        const pick = pool === 0 ? 0 : k % (pool + 1);
        const sel = rfc3797Select(key, pool, pick);
        expect(sel).toHaveLength(pick);
        expect(new Set(sel).size).toBe(pick);
        for (const p of sel) expect(p >= 1 && p <= pool && Number.isInteger(p)).toBe(true);
        const full = rfc3797Select(key, pool, pool);
        expect(full.slice(0, pick)).toEqual(sel);
        expect([...full].sort((a, b) => a - b)).toEqual(Array.from({ length: pool }, (_, i) => i + 1));
      }),
    );
  });

  it('matches a naive list-splicing implementation of the RFC', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 200 }), (key, pool) => {
        const left = Array.from({ length: pool }, (_, i) => i + 1);
        const naive: number[] = [];
        for (let j = 0; j < pool; j++) {
          const J = Buffer.from([j >> 8, j & 0xff]);
          const v = BigInt(`0x${createHash('md5').update(Buffer.concat([J, Buffer.from(key, 'utf8'), J])).digest('hex')}`);
          naive.push(left.splice(Number(v % BigInt(left.length)), 1)[0]!);
        }
        expect(rfc3797Select(key, pool, pool)).toEqual(naive);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a pick larger than the pool or non-integers', () => {
    expect(() => rfc3797Select(RFC_KEY, 3, 4)).toThrow();
    expect(() => rfc3797Select(RFC_KEY, 3.5, 1)).toThrow();
    expect(() => rfc3797Select(RFC_KEY, -1, 0)).toThrow();
    expect(rfc3797Select(RFC_KEY, 0, 0)).toEqual([]);
  });

  it('draws beyond 65,536 (4-byte counter) and stays a permutation', () => {
    const n = 70_000;
    const sel = rfc3797Select('1.2.3./', n, n);
    expect(new Set(sel).size).toBe(n);
    expect(Math.min(...sel)).toBe(1);
    expect(Math.max(...sel)).toBe(n);
  });
});

describe('RemainingPositions (Fenwick order statistics)', () => {
  it('agrees with a plain array under random removals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.array(fc.nat()), (n, picks) => {
        const tree = new RemainingPositions(n);
        const plain = Array.from({ length: n }, (_, i) => i + 1);
        for (const p of picks) {
          if (plain.length === 0) break;
          const k = (p % plain.length) + 1;
          const pos = tree.kth(k);
          expect(pos).toBe(plain[k - 1]);
          tree.remove(pos);
          plain.splice(k - 1, 1);
        }
      }),
    );
  });
});

describe('lotteryOrder', () => {
  it('is a permutation that ignores the input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.string({ minLength: 1 }), (ids, key) => {
        const order = lotteryOrder(key, ids);
        expect([...order].sort()).toEqual([...ids].sort());
        expect(lotteryOrder(key, [...ids].reverse())).toEqual(order);
      }),
    );
  });

  it('numbers the ids in ascending code-unit order and draws them with RFC 3797', () => {
    const ids = ['c', 'a', 'b', 'B', 'آ'];
    const sorted = canonicalIdOrder(ids);
    expect(sorted).toEqual(['B', 'a', 'b', 'c', 'آ']);
    expect(lotteryOrder(RFC_KEY, ids)).toEqual(rfc3797Select(RFC_KEY, 5, 5).map((p) => sorted[p - 1]));
  });

  it('rejects duplicate ids', () => {
    expect(() => lotteryOrder(RFC_KEY, ['a', 'b', 'a'])).toThrow(/duplicate/);
  });
});
