import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahpWeights, AhpInconsistentError, matrixFromUpper, PriorityInputError, topsis, type Criterion } from './priority.js';

describe('AHP', () => {
  // Saaty (1977), the light-intensity experiment: relative brightness of four chairs judged by an observer.
  // Published: eigenvector ≈ (0.61, 0.24, 0.10, 0.05), λmax = 4.39, CI = 0.13 — too inconsistent for our rule.
  const light = [
    [1, 5, 6, 7],
    [1 / 5, 1, 4, 6],
    [1 / 6, 1 / 4, 1, 4],
    [1 / 7, 1 / 6, 1 / 4, 1],
  ];

  it("reproduces Saaty's light-intensity example", () => {
    const r = ahpWeights(light, { allowInconsistent: true });
    [0.61, 0.24, 0.1, 0.05].forEach((w, i) => expect(r.weights[i]!).toBeCloseTo(w, 1));
    expect(r.lambdaMax).toBeCloseTo(4.39, 2);
    expect(r.ci).toBeCloseTo(0.13, 2);
    expect(r.ri).toBe(0.9);
    expect(r.cr).toBeCloseTo(0.1447, 3);
  });

  it('refuses CR ≥ 0.10 with a Persian message naming the judgement to revisit', () => {
    try {
      ahpWeights(light, { labels: ['فاصله تا آب', 'جمعیت', 'شکایت‌ها', 'ظرفیت'] });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(AhpInconsistentError);
      const err = e as AhpInconsistentError;
      expect(err.cr).toBeGreaterThanOrEqual(0.1);
      expect(err.fa).toContain('سازگار نیستند');
      expect(err.fa).toContain('«فاصله تا آب»');
      expect(err.worst).toMatchObject({ i: 0, j: 3, given: 7 });
    }
  });

  it('3×3: λmax = 1 + ρ^(1/3) + ρ^(-1/3) with ρ = a13/(a12·a23), weights = row geometric means', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 9, 1 / 2, 1 / 3, 1 / 5), fc.constantFrom(1, 2, 3, 5, 1 / 2, 1 / 3), fc.constantFrom(1, 2, 3, 4, 1 / 2, 1 / 4), (a12, a13, a23) => {
        const m = matrixFromUpper([[a12, a13], [a23]], 3);
        const r = ahpWeights(m, { allowInconsistent: true });
        const rho = a13 / (a12 * a23);
        expect(r.lambdaMax).toBeCloseTo(1 + Math.cbrt(rho) + Math.cbrt(1 / rho), 9);
        const g = m.map((row) => Math.cbrt(row[0]! * row[1]! * row[2]!));
        const gs = g.reduce((s, x) => s + x, 0);
        g.forEach((x, i) => expect(r.weights[i]!).toBeCloseTo(x / gs, 9));
      }),
    );
  });

  it('a consistent matrix gives back its weights with CR = 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (raw) => {
        const sum = raw.reduce((s, x) => s + x, 0);
        const w = raw.map((x) => x / sum);
        const r = ahpWeights(w.map((wi) => w.map((wj) => wi / wj)));
        w.forEach((x, i) => expect(r.weights[i]!).toBeCloseTo(x, 9));
        expect(r.lambdaMax).toBeCloseTo(w.length, 9);
        expect(r.cr).toBeLessThan(1e-9);
      }),
    );
  });

  it('refuses malformed matrices', () => {
    expect(() => ahpWeights([])).toThrow(PriorityInputError);
    expect(() => ahpWeights([[1, 2], [2, 1]])).toThrow(/reciprocal/);
    expect(() => ahpWeights([[2]])).toThrow(/itself/);
    expect(() => ahpWeights([[1, -1], [-1, 1]])).toThrow(/positive/);
    expect(() => ahpWeights([[1, 2, 3], [0.5, 1]])).toThrow(/entries/);
  });
});

describe('TOPSIS', () => {
  const criteria: Criterion[] = [
    { id: 'water', label: 'فاصله تا منبع آب', kind: 'cost' },
    { id: 'people', label: 'جمعیت در معرض', kind: 'benefit' },
  ];

  it('hand-computed example', () => {
    // water: 1, 2, 2 → norm 3; people: 0, 4, 3 → norm 5; weights 0.5 / 0.5
    const r = topsis(criteria, [1, 1], [
      { id: 'A', values: [1, 0] },
      { id: 'B', values: [2, 4] },
      { id: 'C', values: [2, 3] },
    ]);
    // weighted: A (1/6, 0), B (1/3, 0.4), C (1/3, 0.3); ideal (1/6, 0.4), anti (1/3, 0)
    const A = { plus: 0.4, minus: 1 / 6 };
    const B = { plus: 1 / 6, minus: 0.4 };
    const C = { plus: Math.hypot(1 / 6, 0.1), minus: 0.3 };
    const score = (x: { plus: number; minus: number }) => x.minus / (x.plus + x.minus);
    expect(r.map((x) => x.score)).toEqual([score(A), score(B), score(C)].map((x) => expect.closeTo(x, 12)));
    expect(r.map((x) => x.rank)).toEqual([3, 1, 2]);
    expect(r[1]!.text).toContain('رتبهٔ ۱ از ۳');
    expect(r[1]!.text).toContain('«جمعیت در معرض»');
    expect(r[0]!.parts[0]).toMatchObject({ criterionId: 'water', position: 1 }); // nearest to water = most urgent
  });

  it('a site at least as urgent on every criterion never ranks below another', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { minLength: 2, maxLength: 8 }),
        fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })),
        (rows, [w1, w2]) => {
          if (w1 + w2 === 0) return;
          const r = topsis(criteria, [w1, w2], rows.map(([a, b], i) => ({ id: `s${i}`, values: [a, b] })));
          rows.forEach(([a1, b1], i) =>
            rows.forEach(([a2, b2], j) => {
              if (a1 <= a2 && b1 >= b2) expect(r[i]!.score).toBeGreaterThanOrEqual(r[j]!.score - 1e-12);
            }),
          );
        },
      ),
    );
  });

  it('refuses bad input', () => {
    expect(() => topsis([], [], [])).toThrow(PriorityInputError);
    expect(() => topsis(criteria, [1], [])).toThrow(/weight/);
    expect(() => topsis(criteria, [0, 0], [])).toThrow(/positive/);
    expect(() => topsis(criteria, [1, 1], [{ id: 'a', values: [1] }])).toThrow(/value/);
    expect(() => topsis(criteria, [1, 1], [{ id: 'a', values: [1, 2] }, { id: 'a', values: [1, 2] }])).toThrow(/duplicate/);
  });
});
