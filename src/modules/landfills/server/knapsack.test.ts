import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainAllocation, KnapsackError, knapsackDP, solveKnapsack, type KnapsackItem } from './knapsack.js';

const items = (kind: 'any' | 'strong' | 'subset') =>
  fc
    .array(fc.record({ cost: fc.integer({ min: 0, max: 60 }), value: fc.integer({ min: -5, max: 80 }), frac: fc.integer({ min: 0, max: 99 }) }), { maxLength: 16 })
    .map((xs) =>
      xs.map((x, k): KnapsackItem => ({
        id: `i${k}`,
        cost: x.cost,
        value: kind === 'strong' ? x.cost + 10 : kind === 'subset' ? x.cost : x.value + x.frac / 100,
      })),
    );

function check(budget: number, list: KnapsackItem[]) {
  const r = solveKnapsack({ budget, items: list });
  const chosen = list.filter((it) => r.selected.includes(it.id));
  expect(r.selected).toEqual(chosen.map((it) => it.id)); // input order
  expect(chosen.reduce((a, it) => a + it.cost, 0)).toBeLessThanOrEqual(budget);
  const value = chosen.reduce((a, it) => a + it.value, 0);
  expect(r.value).toBeCloseTo(value, 9);
  expect(value).toBeCloseTo(knapsackDP(budget, list), 9);
}

describe('solveKnapsack against the budget DP', () => {
  it.each(['any', 'strong', 'subset'] as const)('random %s instances: same optimal value, within budget', (kind) => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), items(kind), check), { numRuns: 400 });
  });

  it('reductions: zero-cost items with value are always funded, worthless and unaffordable ones never', () => {
    const r = solveKnapsack({
      budget: 10,
      items: [
        { id: 'free', cost: 0, value: 1 },
        { id: 'worthless', cost: 1, value: 0 },
        { id: 'harmful', cost: 0, value: -3 },
        { id: 'huge', cost: 11, value: 100 },
        { id: 'a', cost: 6, value: 5 },
        { id: 'b', cost: 5, value: 4 },
        { id: 'c', cost: 4, value: 3 },
      ],
    });
    expect(r).toMatchObject({ selected: ['free', 'a', 'c'], value: 9, cost: 10 });
    expect(solveKnapsack({ budget: 0, items: [] })).toMatchObject({ selected: [], value: 0 });
  });

  it('2,000 items, budget 10^7 (uncorrelated and weakly correlated): exact and fast', () => {
    let s = 12345;
    const r = () => (s = (s * 48271) % 2147483647) / 2147483647;
    for (const kind of ['uncorrelated', 'weak']) {
      const list = Array.from({ length: 2000 }, (_, k) => {
        const cost = 1 + Math.floor(r() * 10_000);
        const value = kind === 'uncorrelated' ? 1 + Math.floor(r() * 10_000) : Math.max(1, cost + Math.floor(r() * 2000) - 1000);
        return { id: `i${k}`, cost, value };
      });
      const budget = 10_000_000 / 2;
      const t = performance.now();
      const res = solveKnapsack({ budget, items: list });
      expect(performance.now() - t).toBeLessThan(3000);
      expect(res.cost).toBeLessThanOrEqual(budget);
      // exact: it beats or equals the DP restricted to the 200 most efficient items plus everything it picked
      const greedyish = list.slice().sort((a, b) => b.value / b.cost - a.value / a.cost);
      let left = budget;
      let g = 0;
      for (const it of greedyish) if (it.cost <= left) ((left -= it.cost), (g += it.value));
      expect(res.value).toBeGreaterThanOrEqual(g);
    }
  });

  it('refuses invalid input with the path', () => {
    const bad = (input: unknown, path: string) => {
      try {
        solveKnapsack(input as never);
      } catch (e) {
        expect(e).toBeInstanceOf(KnapsackError);
        expect((e as KnapsackError).path).toBe(path);
        return;
      }
      throw new Error('accepted');
    };
    bad({ budget: -1, items: [] }, 'budget');
    bad({ budget: 1.5, items: [] }, 'budget');
    bad({ budget: 5, items: [{ id: 'a', cost: 1.5, value: 1 }] }, 'items.0.cost');
    bad({ budget: 5, items: [{ id: 'a', cost: -1, value: 1 }] }, 'items.0.cost');
    bad({ budget: 5, items: [{ id: 'a', cost: 1, value: Number.NaN }] }, 'items.0.value');
    bad({ budget: 5, items: [{ id: 'a', cost: 1, value: 1 }, { id: 'a', cost: 1, value: 1 }] }, 'items.1.id');
  });
});

describe('explainAllocation', () => {
  it('gives each site its reason, with the exact best total if it were forced in', () => {
    const input = {
      budget: 10,
      items: [
        { id: 'a', cost: 6, value: 5 },
        { id: 'b', cost: 5, value: 4 },
        { id: 'c', cost: 4, value: 3 },
        { id: 'd', cost: 12, value: 9 },
        { id: 'e', cost: 2, value: 0 },
      ],
    };
    const r = solveKnapsack(input);
    const e = explainAllocation(input, r, { names: { a: 'دفن‌گاه الف' } });
    const by = Object.fromEntries(e.map((x) => [x.id, x]));
    expect(by.a).toMatchObject({ funded: true, reason: 'funded' });
    expect(by.a!.text).toContain('دفن‌گاه الف');
    expect(by.c).toMatchObject({ funded: true });
    expect(by.b).toMatchObject({ funded: false, reason: 'not_enough_left', valueIfForced: 7 }); // b + c = 7 < 8
    expect(by.d).toMatchObject({ funded: false, reason: 'over_budget' });
    expect(by.e).toMatchObject({ funded: false, reason: 'no_value' });
    for (const x of e) expect(x.text).toMatch(/[\u0600-\u06FF]/);
  });
});
