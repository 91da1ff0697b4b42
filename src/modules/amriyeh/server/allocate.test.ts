import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, priorityOrder, type AllocationInput, type AllocationOutput } from './allocate.js';
import { lotteryOrder } from './lottery.js';

const PROVINCES = ['p1', 'p2', 'p3'];

/** Small random instances: few stations and applicants, many score ties, messy preference lists. */
const instance: fc.Arbitrary<AllocationInput> = fc
  .record({
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    stations: fc.array(fc.record({ province: fc.constantFrom(...PROVINCES), seats: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 7 }),
    quotas: fc.array(fc.option(fc.integer({ min: 0, max: 6 })), { minLength: PROVINCES.length, maxLength: PROVINCES.length }),
    applicants: fc.array(
      fc.record({ province: fc.constantFrom(...PROVINCES), score: fc.integer({ min: 0, max: 3 }), prefs: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 6 }) }),
      { maxLength: 14 },
    ),
  })
  .map(({ seed, stations, quotas, applicants }) => {
    const provinceQuotas: Record<string, number> = {};
    quotas.forEach((q, i) => { if (q !== null) provinceQuotas[PROVINCES[i]!] = q; });
    return {
      seed,
      stations: stations.map((s, i) => ({ id: `s${i}`, ...s })),
      provinceQuotas,
      // Station indexes beyond the list are unknown ids (ignored); repeats and other provinces' stations also occur.
      applicants: applicants.map((a, i) => ({ id: `a${i}`, province: a.province, score: a.score, preferences: a.prefs.map((p) => `s${p}`) })),
    };
  });

/** The stations an applicant can really get, in his order: known, his own province, first occurrence only. */
function acceptable(input: AllocationInput, a: AllocationInput['applicants'][number], prefs = a.preferences): string[] {
  const province = new Map(input.stations.map((s) => [s.id, s.province]));
  return [...new Set(prefs.filter((sid) => province.get(sid) === a.province))];
}

function check(input: AllocationInput, out: AllocationOutput) {
  const pos = new Map(out.order.map((id, i) => [id, i]));
  const holders = new Map<string, string[]>();
  const perProvince = new Map<string, number>();
  for (const a of input.applicants) {
    const s = out.assignments[a.id];
    expect(s).not.toBeUndefined();
    if (s) {
      expect(acceptable(input, a)).toContain(s);
      holders.set(s, [...(holders.get(s) ?? []), a.id]);
      perProvince.set(a.province, (perProvince.get(a.province) ?? 0) + 1);
    }
  }
  for (const st of input.stations) expect((holders.get(st.id) ?? []).length).toBeLessThanOrEqual(st.seats);
  for (const [p, q] of Object.entries(input.provinceQuotas)) expect(perProvince.get(p) ?? 0).toBeLessThanOrEqual(q);
  // Stability: no applicant a and station s he prefers to his assignment where s has room for him (a free seat and
  // quota room for his province) or s holds somebody later than a in the order.
  for (const a of input.applicants) {
    const list = acceptable(input, a);
    const got = out.assignments[a.id];
    const better = got ? list.slice(0, list.indexOf(got)) : list;
    for (const sid of better) {
      const st = input.stations.find((s) => s.id === sid)!;
      const held = holders.get(sid) ?? [];
      const quota = input.provinceQuotas[a.province];
      const quotaRoom = quota === undefined || (perProvince.get(a.province) ?? 0) < quota;
      expect(held.length < st.seats && quotaRoom, `${a.id} envies free ${sid}`).toBe(false);
      for (const h of held) expect(pos.get(h)! < pos.get(a.id)!, `${a.id} envies ${h} at ${sid}`).toBe(true);
    }
  }
}

/** Textbook applicant-proposing deferred acceptance (stations, then province quotas, keep the best by `order`). */
function deferredAcceptance(input: AllocationInput, order: string[]): Record<string, string | null> {
  const rank = new Map(order.map((id, i) => [id, i]));
  const lists = new Map(input.applicants.map((a) => [a.id, acceptable(input, a)]));
  const next = new Map(input.applicants.map((a) => [a.id, 0]));
  const held = new Map<string, string | null>(input.applicants.map((a) => [a.id, null]));
  const byRank = (x: string, y: string) => rank.get(x)! - rank.get(y)!;
  for (;;) {
    let proposed = false;
    for (const a of input.applicants) {
      if (held.get(a.id) !== null) continue;
      const list = lists.get(a.id)!;
      const i = next.get(a.id)!;
      if (i >= list.length) continue;
      next.set(a.id, i + 1);
      held.set(a.id, list[i]!);
      proposed = true;
    }
    if (!proposed) break;
    for (const st of input.stations) {
      const at = input.applicants.filter((a) => held.get(a.id) === st.id).map((a) => a.id).sort(byRank);
      for (const r of at.slice(st.seats)) held.set(r, null);
    }
    for (const [p, q] of Object.entries(input.provinceQuotas)) {
      const at = input.applicants.filter((a) => a.province === p && held.get(a.id) !== null).map((a) => a.id).sort(byRank);
      for (const r of at.slice(q)) held.set(r, null);
    }
  }
  return Object.fromEntries(held);
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('allocate', () => {
  it('order: score descending, ties by the seed lottery', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const { order } = allocate(input);
        const score = new Map(input.applicants.map((a) => [a.id, a.score]));
        const lot = new Map(lotteryOrder(input.seed, input.applicants.map((a) => a.id)).map((id, i) => [id, i]));
        expect([...order].sort()).toEqual(input.applicants.map((a) => a.id).sort());
        for (let i = 1; i < order.length; i++) {
          const [x, y] = [order[i - 1]!, order[i]!];
          expect(score.get(x)! > score.get(y)! || (score.get(x) === score.get(y) && lot.get(x)! < lot.get(y)!)).toBe(true);
        }
      }),
    );
  });

  it('feasible (seats, quotas, own-province preferences) and stable', () => {
    fc.assert(fc.property(instance, (input) => check(input, allocate(input))), { numRuns: 300 });
  });

  it('equals textbook deferred acceptance with the common priority order', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const out = allocate(input);
        expect({ ...out.assignments }).toEqual(deferredAcceptance(input, out.order));
      }),
      { numRuns: 300 },
    );
  });

  it('deterministic and independent of the order of the input arrays', () => {
    fc.assert(
      fc.property(instance, fc.integer(), (input, seed) => {
        const out = allocate(input);
        expect(allocate(structuredClone(input))).toEqual(out);
        const quotas = Object.fromEntries(shuffle(Object.entries(input.provinceQuotas), seed));
        const shuffled = { ...input, stations: shuffle(input.stations, seed + 1), applicants: shuffle(input.applicants, seed + 2), provinceQuotas: quotas };
        const again = allocate(shuffled);
        expect(again.order).toEqual(out.order);
        expect({ ...again.assignments }).toEqual({ ...out.assignments });
      }),
    );
  });

  it('strategy-proof (spot check): no applicant gains by reporting another list', () => {
    fc.assert(
      fc.property(instance, fc.array(fc.integer(), { minLength: 3, maxLength: 3 }), (input, seeds) => {
        const truth = allocate(input).assignments;
        for (const a of input.applicants) {
          const list = acceptable(input, a);
          const rankOf = (s: string | null) => (s === null || !list.includes(s) ? Infinity : list.indexOf(s));
          const own = input.stations.filter((s) => s.province === a.province).map((s) => s.id);
          const lies: string[][] = [
            [...a.preferences].reverse(),
            ...list.map((_, k) => list.slice(0, k)),
            ...list.map((_, k) => [list[k]!]),
            ...seeds.map((sd) => shuffle(own, sd)),
            ...seeds.map((sd) => shuffle(list, sd).slice(0, 1 + (Math.abs(sd) % Math.max(1, list.length)))),
          ];
          for (const lie of lies) {
            const other = allocate({ ...input, applicants: input.applicants.map((b) => (b.id === a.id ? { ...b, preferences: lie } : b)) });
            expect(rankOf(other.assignments[a.id]!), `${a.id} gains by reporting ${lie.join(',')}`).toBeGreaterThanOrEqual(rankOf(truth[a.id]!));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a worked example: ties, quota, full stations, unknown and foreign preferences', () => {
    const input: AllocationInput = {
      seed: '9319./2.5.8.10.12./9.18.26.34.41.45./',
      stations: [
        { id: 'A', province: 'gilan', seats: 1 },
        { id: 'B', province: 'gilan', seats: 2 },
        { id: 'C', province: 'yazd', seats: 1 },
      ],
      provinceQuotas: { gilan: 2 },
      applicants: [
        { id: 'x', province: 'gilan', score: 90, preferences: ['A', 'B'] },
        { id: 'y', province: 'gilan', score: 80, preferences: ['nope', 'C', 'A', 'B'] },
        { id: 'z', province: 'gilan', score: 80, preferences: ['A', 'B'] },
        { id: 'w', province: 'yazd', score: 10, preferences: ['C', 'C'] },
      ],
    };
    const out = allocate(input);
    const tie = lotteryOrder(input.seed, ['w', 'x', 'y', 'z']).filter((id) => id === 'y' || id === 'z');
    expect(out.order).toEqual(['x', ...tie, 'w']);
    expect(priorityOrder(input.seed, input.applicants)).toEqual(out.order);
    // x takes A; the first of y/z takes B (A is full, C is in yazd); the gilan quota of 2 leaves the other with nothing.
    expect({ ...out.assignments }).toEqual({ x: 'A', [tie[0]!]: 'B', [tie[1]!]: null, w: 'C' });
  });

  it('rejects duplicate ids and bad numbers', () => {
    const base: AllocationInput = { seed: 'k', stations: [{ id: 's', province: 'p', seats: 1 }], provinceQuotas: {}, applicants: [] };
    expect(() => allocate({ ...base, stations: [...base.stations, ...base.stations] })).toThrow(/duplicate station/);
    const a = { id: 'a', province: 'p', score: 1, preferences: ['s'] };
    expect(() => allocate({ ...base, applicants: [a, a] })).toThrow(/duplicate/);
    expect(() => allocate({ ...base, provinceQuotas: { p: -1 } })).toThrow(/quota/);
    expect(() => allocate({ ...base, applicants: [{ ...a, score: Number.NaN }] })).toThrow(/score/);
  });

  it('an applicant id such as __proto__ is an ordinary key', () => {
    const out = allocate({ seed: 'k', stations: [{ id: 's', province: 'p', seats: 1 }], provinceQuotas: {}, applicants: [{ id: '__proto__', province: 'p', score: 1, preferences: ['s'] }] });
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse('{"assignments":{"__proto__":"s"},"order":["__proto__"]}'));
  });
});
