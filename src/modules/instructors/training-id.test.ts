import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bayesianAverage, ratingPrior } from './rating.js';
import { formatTrainingId, normalizeTrainingId } from './training-id.js';

describe('training ID', () => {
  it('formats with a Verhoeff check digit and reads back, in Persian digits or without dashes', () => {
    const id = formatTrainingId(1405, 2, 123);
    expect(id).toMatch(/^1405-02-00123-\d$/);
    expect(normalizeTrainingId(id)).toBe(id);
    expect(normalizeTrainingId(id.replace(/-/g, ''))).toBe(id);
    expect(normalizeTrainingId('۱۴۰۵-۰۲-۰۰۱۲۳-' + '۰۱۲۳۴۵۶۷۸۹'[Number(id.at(-1))])).toBe(id);
    expect(() => formatTrainingId(1405, 2, 0)).toThrow();
    expect(() => formatTrainingId(1405, 100, 1)).toThrow();
  });

  it('rejects every single mistyped digit and every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1380, max: 1450 }), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 1, max: 99_999 }), fc.nat(11), fc.integer({ min: 1, max: 9 }), (y, p, n, pos, delta) => {
        const digits = formatTrainingId(y, p, n).replace(/-/g, '');
        const typo = digits.slice(0, pos) + String((Number(digits[pos]) + delta) % 10) + digits.slice(pos + 1);
        expect(normalizeTrainingId(typo)).toBeNull();
        if (pos < 11 && digits[pos] !== digits[pos + 1]) {
          const swapped = digits.slice(0, pos) + digits[pos + 1] + digits[pos] + digits.slice(pos + 2);
          expect(normalizeTrainingId(swapped)).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects what is not an ID', () => {
    for (const s of ['', '1405-02-00123', 'abc', '1405-02-00000-0', '9999-02-00123-1']) expect(normalizeTrainingId(s)).toBeNull();
  });
});

describe('Bayesian average of ratings', () => {
  // Worked example: all ratings average m = 4.0; prior weight C = 10.
  // A: two ratings of 5 → (10·4 + 10) / 12 = 4.1667.  B: fifty ratings averaging 4.6 → (40 + 230) / 60 = 4.5.
  // A's raw mean (5.0) beats B's (4.6), but with the prior B ranks first: few ratings do not outrank many.
  it('matches the worked example', () => {
    const prior = { mean: 4, weight: 10 };
    const a = bayesianAverage({ sum: 10, count: 2 }, prior);
    const b = bayesianAverage({ sum: 230, count: 50 }, prior);
    expect(a).toBeCloseTo(4.1667, 4);
    expect(b).toBeCloseTo(4.5, 10);
    expect(b).toBeGreaterThan(a);
    expect(bayesianAverage({ sum: 0, count: 0 }, prior)).toBe(4);
  });

  it('takes the prior from the population: the mean of all ratings and the median count', () => {
    expect(ratingPrior([{ sum: 10, count: 2 }, { sum: 230, count: 50 }, { sum: 12, count: 4 }])).toEqual({ mean: 252 / 56, weight: 4 });
    expect(ratingPrior([])).toEqual({ mean: 0, weight: 0 });
  });
});
