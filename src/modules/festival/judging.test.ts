import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  disagreement,
  entryMeans,
  icc,
  iccFromScores,
  normalizeScores,
  rank,
  type RawScore,
} from './judging.js';

const round2 = (x: number | null | undefined): number | null => (x == null ? null : Math.round(x * 100) / 100);

describe('normalizeScores', () => {
  it('uses the population sd: a judge scoring 2,4,6 gets z = ∓√1.5, 0', () => {
    const out = normalizeScores([
      { judge: 'h', entry: 'a', score: 2 },
      { judge: 'h', entry: 'b', score: 4 },
      { judge: 'h', entry: 'c', score: 6 },
    ]);
    expect(out.map((s) => s.z)).toEqual([expect.closeTo(-Math.sqrt(1.5), 12), 0, expect.closeTo(Math.sqrt(1.5), 12)]);
    expect(out.map((s) => [s.judge, s.entry, s.score])).toEqual([
      ['h', 'a', 2],
      ['h', 'b', 4],
      ['h', 'c', 6],
    ]);
  });

  it('a harsh judge does not sink his entries', () => {
    // Harsh judge h gives x1, x2 raw 3 and 5; lenient judge l gives y1, y2 raw 8 and 10. Each judge's better entry is
    // equally good in his own eyes, so after normalization x2 and y2 tie, although x2's raw score is far lower.
    const means = entryMeans(
      normalizeScores([
        { judge: 'h', entry: 'x1', score: 3 },
        { judge: 'h', entry: 'x2', score: 5 },
        { judge: 'l', entry: 'y1', score: 8 },
        { judge: 'l', entry: 'y2', score: 10 },
      ]),
    );
    expect(means).toEqual([
      { entry: 'x1', meanZ: -1, rawMean: 3, judges: 1 },
      { entry: 'x2', meanZ: 1, rawMean: 5, judges: 1 },
      { entry: 'y1', meanZ: -1, rawMean: 8, judges: 1 },
      { entry: 'y2', meanZ: 1, rawMean: 10, judges: 1 },
    ]);
  });

  it('a judge with one score or zero spread gets z = 0 (also for floating values like 0.1)', () => {
    const out = normalizeScores([
      { judge: 'one', entry: 'a', score: 7 },
      { judge: 'flat', entry: 'a', score: 0.1 },
      { judge: 'flat', entry: 'b', score: 0.1 },
      { judge: 'flat', entry: 'c', score: 0.1 },
    ]);
    expect(out.map((s) => s.z)).toEqual([0, 0, 0, 0]);
  });

  it('rejects duplicate (judge, entry) pairs and non-finite scores', () => {
    expect(() =>
      normalizeScores([
        { judge: 'j', entry: 'a', score: 1 },
        { judge: 'j', entry: 'a', score: 2 },
      ]),
    ).toThrow(/duplicate/);
    expect(() => normalizeScores([{ judge: 'j', entry: 'a', score: Number.NaN }])).toThrow(RangeError);
  });

  it('entryMeans averages z and raw scores over the entry judges', () => {
    const out = entryMeans(
      normalizeScores([
        { judge: 'j1', entry: 'a', score: 2 },
        { judge: 'j1', entry: 'b', score: 4 },
        { judge: 'j2', entry: 'a', score: 10 },
        { judge: 'j2', entry: 'b', score: 6 },
      ]),
    );
    // j1: a → −1, b → +1; j2: a → +1, b → −1.
    expect(out).toEqual([
      { entry: 'a', meanZ: 0, rawMean: 6, judges: 2 },
      { entry: 'b', meanZ: 0, rawMean: 5, judges: 2 },
    ]);
  });

  // Scores of several judges over a few entries, each (judge, entry) once.
  const scoresArb = fc
    .uniqueArray(
      fc.record({
        judge: fc.constantFrom('j1', 'j2', 'j3'),
        entry: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        score: fc.integer({ min: 0, max: 100 }),
      }),
      { selector: (s) => `${s.judge}|${s.entry}`, minLength: 1, maxLength: 15 },
    );

  it('property: each judge with spread has z mean 0 and population sd 1', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const out = normalizeScores(scores);
        for (const j of ['j1', 'j2', 'j3']) {
          const zs = out.filter((s) => s.judge === j).map((s) => s.z);
          if (zs.length === 0) continue;
          const m = zs.reduce((a, b) => a + b, 0) / zs.length;
          expect(Math.abs(m)).toBeLessThan(1e-9);
          const ss = zs.reduce((a, b) => a + b * b, 0) / zs.length;
          // Either the judge had spread (sd 1) or all his z are 0.
          expect(Math.abs(ss - 1) < 1e-9 || ss === 0).toBe(true);
        }
      }),
    );
  });

  it('property: z-scores are invariant to a judge being harsher/stricter (a·x + b, a > 0)', () => {
    fc.assert(
      fc.property(
        scoresArb,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: -50, max: 50 }),
        (scores, a, b) => {
          const before = normalizeScores(scores);
          const after = normalizeScores(scores.map((s) => (s.judge === 'j1' ? { ...s, score: a * s.score + b } : s)));
          before.forEach((s, i) => expect(after[i]!.z).toBeCloseTo(s.z, 9));
        },
      ),
    );
  });
});

describe('icc (Shrout & Fleiss 1979)', () => {
  const sf = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];

  it('reproduces the published worked example to 2 decimals', () => {
    const r = icc(sf)!;
    expect([r.n, r.k]).toEqual([6, 4]);
    // Published mean squares: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
    expect([round2(r.bms), round2(r.wms), round2(r.jms), round2(r.ems)]).toEqual([11.24, 6.26, 32.49, 1.02]);
    expect(round2(r.icc1_1)).toBe(0.17);
    expect(round2(r.icc2_1)).toBe(0.29);
    expect(round2(r.icc3_1)).toBe(0.71);
    expect(round2(r.icc1_k)).toBe(0.44);
    expect(round2(r.icc2_k)).toBe(0.62);
    expect(round2(r.icc3_k)).toBe(0.91);
  });

  it('returns null with fewer than 2 entries or 2 judges', () => {
    expect(icc([])).toBeNull();
    expect(icc([[1, 2, 3]])).toBeNull();
    expect(icc([[1], [2], [3]])).toBeNull();
  });

  it('all scores equal → every coefficient null (agreement undefined, not faked)', () => {
    const r = icc([
      [5, 5, 5],
      [5, 5, 5],
    ])!;
    expect([r.icc1_1, r.icc2_1, r.icc3_1, r.icc1_k, r.icc2_k, r.icc3_k]).toEqual([null, null, null, null, null, null]);
  });

  it('identical entries but differing judges: ICC(1,1) = −1/(k−1), consistency forms null', () => {
    const r = icc([
      [1, 2, 3],
      [1, 2, 3],
    ])!;
    expect(r.icc1_1).toBeCloseTo(-0.5, 12);
    expect(r.icc3_1).toBeNull();
    expect(r.icc3_k).toBeNull();
  });

  it('perfect agreement → all coefficients 1', () => {
    const r = icc([
      [1, 1],
      [4, 4],
      [9, 9],
    ])!;
    for (const v of [r.icc1_1, r.icc2_1, r.icc3_1, r.icc1_k, r.icc2_k, r.icc3_k]) expect(v).toBeCloseTo(1, 12);
  });

  it('rejects ragged matrices and non-finite values', () => {
    expect(() => icc([[1, 2], [3]])).toThrow(/rectangular/);
    expect(() => icc([[1, Number.POSITIVE_INFINITY], [3, 4]])).toThrow(RangeError);
  });
});

describe('iccFromScores', () => {
  it('complete design: returns the full table and the one-way values agree with icc()', () => {
    const sf = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const scores: RawScore[] = sf.flatMap((row, i) => row.map((score, j) => ({ entry: `e${i}`, judge: `j${j}`, score })));
    const r = iccFromScores(scores)!;
    const direct = icc(sf)!;
    expect(r.design).toBe('complete');
    expect([r.entries, r.judges, r.n0, r.kHarmonic]).toEqual([6, 4, 4, 4]);
    expect(r.icc1_1).toBeCloseTo(direct.icc1_1!, 12);
    expect(r.icc1_k).toBeCloseTo(direct.icc1_k!, 12);
    expect(r.full!.icc3_1).toBeCloseTo(direct.icc3_1!, 12);
    expect(round2(r.full!.icc2_1)).toBe(0.29);
  });

  it('incomplete design: one-way ANOVA with unequal judge counts (hand-worked)', () => {
    // Entry A by 2 judges (2, 4: mean 3), B by 3 (5, 7, 6: mean 6), C by 4 (8, 10, 9, 9: mean 9); 6 judges in all.
    // N = 9, a = 3, grand mean 60/9.
    // SSB = 2·(11/3)² + 3·(2/3)² + 4·(7/3)² = 450/9 = 50 → BMS = 25.  SSW = 2 + 2 + 2 = 6 on N − a = 6 df → WMS = 1.
    // n0 = (9 − (4 + 9 + 16)/9)/2 = 26/9.  ICC(1,1) = 24 / (25 + 17/9) = 108/121.
    // k_h = 3/(1/2 + 1/3 + 1/4) = 36/13.  ICC(1,k) = k_h·r / (1 + (k_h − 1)·r) = 3888/4057.
    const scores: RawScore[] = [
      { entry: 'A', judge: 'j1', score: 2 },
      { entry: 'A', judge: 'j2', score: 4 },
      { entry: 'B', judge: 'j3', score: 5 },
      { entry: 'B', judge: 'j4', score: 7 },
      { entry: 'B', judge: 'j1', score: 6 },
      { entry: 'C', judge: 'j5', score: 8 },
      { entry: 'C', judge: 'j6', score: 10 },
      { entry: 'C', judge: 'j2', score: 9 },
      { entry: 'C', judge: 'j3', score: 9 },
    ];
    const r = iccFromScores(scores)!;
    expect(r.design).toBe('incomplete');
    expect(r.full).toBeNull();
    expect([r.entries, r.judges]).toEqual([3, 6]);
    expect(r.bms).toBeCloseTo(25, 12);
    expect(r.wms).toBeCloseTo(1, 12);
    expect(r.n0).toBeCloseTo(26 / 9, 12);
    expect(r.kHarmonic).toBeCloseTo(36 / 13, 12);
    expect(r.icc1_1).toBeCloseTo(108 / 121, 12);
    expect(r.icc1_k).toBeCloseTo(3888 / 4057, 12);
  });

  it('null without at least 2 entries and some within-entry replication; duplicates throw', () => {
    expect(iccFromScores([])).toBeNull();
    expect(
      iccFromScores([
        { entry: 'A', judge: 'j1', score: 1 },
        { entry: 'A', judge: 'j2', score: 2 },
      ]),
    ).toBeNull();
    expect(
      iccFromScores([
        { entry: 'A', judge: 'j1', score: 1 },
        { entry: 'B', judge: 'j1', score: 2 },
      ]),
    ).toBeNull();
    expect(() =>
      iccFromScores([
        { entry: 'A', judge: 'j1', score: 1 },
        { entry: 'A', judge: 'j1', score: 2 },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('disagreement', () => {
  it('flags when the z range strictly exceeds the threshold', () => {
    expect(disagreement([-1, 0.2, 1.5], 2)).toEqual({ spread: 2.5, flagged: true });
    expect(disagreement([-1, 0, 1], 2)).toEqual({ spread: 2, flagged: false });
    expect(disagreement([0.3, 0.4, 0.5], 1)).toEqual({ spread: expect.closeTo(0.2, 12), flagged: false });
  });

  it('fewer than two scores never flags', () => {
    expect(disagreement([], 0)).toEqual({ spread: 0, flagged: false });
    expect(disagreement([3], 0)).toEqual({ spread: 0, flagged: false });
  });

  it('rejects a negative or non-finite threshold and non-finite scores', () => {
    expect(() => disagreement([1, 2], -1)).toThrow(RangeError);
    expect(() => disagreement([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => disagreement([1, Number.NaN], 1)).toThrow(RangeError);
  });
});

describe('rank', () => {
  it('competition ranking "1224", ties ordered by id', () => {
    expect(
      rank([
        { id: 'd', value: 5 },
        { id: 'c', value: 8 },
        { id: 'a', value: 10 },
        { id: 'b', value: 8 },
      ]),
    ).toEqual([
      { id: 'a', value: 10, rank: 1 },
      { id: 'b', value: 8, rank: 2 },
      { id: 'c', value: 8, rank: 2 },
      { id: 'd', value: 5, rank: 4 },
    ]);
    expect(rank([])).toEqual([]);
  });

  const itemsArb = fc.uniqueArray(
    fc.record({ id: fc.string({ maxLength: 4 }), value: fc.integer({ min: -5, max: 5 }) }),
    { selector: (x) => x.id, maxLength: 30 },
  );

  it('property: better value → rank ≤; equal values → equal rank; rank = 1 + number strictly better', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const out = rank(items);
        expect(out).toHaveLength(items.length);
        const byId = new Map(out.map((r) => [r.id, r]));
        for (const a of items) {
          const ra = byId.get(a.id)!;
          expect(ra.rank).toBe(1 + items.filter((x) => x.value > a.value).length);
          for (const b of items) {
            const rb = byId.get(b.id)!;
            if (a.value > b.value) expect(ra.rank).toBeLessThan(rb.rank);
            if (a.value === b.value) expect(ra.rank).toBe(rb.rank);
          }
        }
        // Output order: rank ascending, then id ascending (stable, input-order independent).
        for (let i = 1; i < out.length; i++) {
          const p = out[i - 1]!;
          const c = out[i]!;
          expect(p.rank < c.rank || (p.rank === c.rank && p.id < c.id)).toBe(true);
        }
        expect(rank([...items].reverse())).toEqual(out);
      }),
    );
  });
});
