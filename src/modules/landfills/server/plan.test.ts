import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from './geo.js';
import { buildInstance } from './plan-instance.js';
import { explainPlan, PlanError, ROAD_FACTOR, solvePlan, type PlanInput, type PlanProgress, type PlanResult } from './plan.js';

/** Brute force: every open set (of size p, or any non-empty one with a fixed cost) × every assignment. */
function bruteForce(inp: PlanInput): number {
  const n = inp.villages.length;
  const m = inp.sites.length;
  const d = inp.distances!;
  const caps = inp.sites.map((s) => s.capacity ?? Infinity);
  let best = Infinity;
  for (let mask = 1; mask < 1 << m; mask++) {
    const S = [...Array(m).keys()].filter((j) => mask & (1 << j));
    if (inp.p !== null && S.length !== inp.p) continue;
    const fixed = inp.p === null ? inp.openCost! * S.length : 0;
    const load = new Array<number>(m).fill(0);
    const rec = (i: number, c: number) => {
      if (c + fixed >= best) return;
      if (i === n) {
        best = c + fixed;
        return;
      }
      const w = inp.villages[i]!.demand;
      for (const j of S) {
        if (load[j]! + w > caps[j]!) continue;
        load[j] = load[j]! + w;
        rec(i + 1, c + w * d[i]![j]!);
        load[j] = load[j]! - w;
      }
    };
    rec(0, 0);
  }
  return best;
}

/** Every property a returned plan must have, whatever the method. */
function checkPlan(inp: PlanInput, r: PlanResult) {
  const open = new Set(r.open);
  if (inp.p !== null) expect(r.open).toHaveLength(inp.p);
  expect(Object.keys(r.assignment)).toEqual(inp.villages.map((v) => v.id));
  const load = new Map<string, number>();
  let cost = 0;
  inp.villages.forEach((v, i) => {
    const s = r.assignment[v.id]!;
    expect(open.has(s)).toBe(true);
    load.set(s, (load.get(s) ?? 0) + v.demand);
    cost += v.demand * inp.distances![i]![inp.sites.findIndex((x) => x.id === s)]!;
  });
  expect(r.cost).toBeCloseTo(cost, 9);
  for (const s of inp.sites) if (s.capacity !== null) expect(load.get(s.id) ?? 0).toBeLessThanOrEqual(s.capacity);
  expect(r.objective).toBeCloseTo(r.cost + (inp.openCost ?? 0) * r.open.length, 9);
  if (r.lowerBound !== null) expect(r.lowerBound).toBeLessThanOrEqual(r.objective + 1e-9);
}

/** Small random scenarios with integer data: 1–7 villages, 1–5 sites, p or a fixed cost, optional capacities. */
const small = (capacitated: boolean): fc.Arbitrary<PlanInput> =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 7 }),
      m: fc.integer({ min: 1, max: 5 }),
      ufl: fc.boolean(),
      pick: fc.nat(),
      openCost: fc.integer({ min: 0, max: 40 }),
      seed: fc.array(fc.nat(49), { minLength: 35, maxLength: 35 }),
      demand: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7, maxLength: 7 }),
      caps: fc.array(fc.option(fc.integer({ min: 1, max: 12 }), { freq: 4 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ n, m, ufl, pick, openCost, seed, demand, caps }) => ({
      p: ufl ? null : 1 + (pick % m),
      openCost: ufl ? openCost : null,
      sites: Array.from({ length: m }, (_, j) => ({ id: `s${j}`, capacity: capacitated ? caps[j]! : null })),
      villages: Array.from({ length: n }, (_, i) => ({ id: `v${i}`, demand: demand[i]! })),
      distances: Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => seed[i * 5 + j]!)),
      timeLimitSeconds: 5,
    }));

describe('solvePlan on small random scenarios, against brute force', () => {
  it('uncapacitated: the heuristic (no exact mode) and the exact mode both find the optimum; the bound is valid', () => {
    fc.assert(
      fc.property(small(false), (inp) => {
        const opt = bruteForce(inp);
        for (const exact of ['never', 'auto'] as const) {
          const r = solvePlan(inp, { exact });
          checkPlan(inp, r);
          expect(r.objective).toBeCloseTo(opt, 9);
          expect(r.lowerBound!).toBeLessThanOrEqual(opt + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('capacitated: capacity is never exceeded, the exact mode is optimal, the heuristic is feasible and its bound valid', () => {
    let binding = 0;
    let heuristicOptimal = 0;
    fc.assert(
      fc.property(small(true), (inp) => {
        const opt = bruteForce(inp);
        if (opt === Infinity) {
          expect(() => solvePlan(inp)).toThrow(PlanError);
          return;
        }
        const exact = solvePlan(inp);
        checkPlan(inp, exact);
        expect(exact.objective).toBeCloseTo(opt, 9);
        expect(exact.stats.provedOptimal).toBe(true);
        const heur = solvePlan(inp, { exact: 'never' });
        checkPlan(inp, heur);
        expect(heur.objective).toBeGreaterThanOrEqual(opt - 1e-9);
        expect(heur.lowerBound!).toBeLessThanOrEqual(opt + 1e-9);
        if (heur.stats.capacityBinding) {
          binding++;
          if (Math.abs(heur.objective - opt) < 1e-9) heuristicOptimal++;
        }
      }),
      { numRuns: 150 },
    );
    // the heuristic alone finds the optimum in the vast majority of capacity-binding cases (~96% measured)
    expect(heuristicOptimal).toBeGreaterThanOrEqual(Math.floor(binding * 0.8));
  });

  it('the heuristic alone still finds a tight packing its construction misses (found by the property above)', () => {
    const tight = [
      { p: 2, openCost: null, sites: [{ id: 's0', capacity: 8 }, { id: 's1', capacity: 3 }], villages: [2, 2, 2, 0, 2, 0, 3].map((demand, i) => ({ id: `v${i}`, demand })), distances: [[0, 0], [5, 0], [41, 0], [0, 0], [0, 0], [0, 0], [0, 1]], timeLimitSeconds: 5 },
      { p: 3, openCost: null, sites: [{ id: 's0', capacity: 8 }, { id: 's1', capacity: 3 }, { id: 's2', capacity: 2 }], villages: [4, 0, 3, 0, 3, 2, 1].map((demand, i) => ({ id: `v${i}`, demand })), distances: [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 1], [0, 0, 0]], timeLimitSeconds: 5 },
    ];
    for (const inp of tight) {
      const heur = solvePlan(inp, { exact: 'never' });
      checkPlan(inp, heur);
      expect(heur.objective).toBeCloseTo(bruteForce(inp), 9);
    }
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(small(true), (inp) => {
        let a: PlanResult | string;
        let b: PlanResult | string;
        try {
          a = solvePlan(inp, { exact: 'never' });
        } catch (e) {
          a = (e as Error).message;
        }
        try {
          b = solvePlan(inp, { exact: 'never' });
        } catch (e) {
          b = (e as Error).message;
        }
        if (typeof a === 'string' || typeof b === 'string') {
          expect(a).toEqual(b);
          return;
        }
        expect(b.open).toEqual(a.open);
        expect(b.assignment).toEqual(a.assignment);
        expect(b.cost).toBe(a.cost);
        expect(b.lowerBound).toBe(a.lowerBound);
      }),
      { numRuns: 40 },
    );
  });
});

// bench/data/pmed/ (see its README); reported as skipped, not passed, where the files are absent
const pmedDir = new URL('../../../../bench/data/pmed/', import.meta.url);
describe.skipIf(!existsSync(new URL('pmed1.txt', pmedDir)))('OR-Library pmed instances', () => {
  const dir = pmedDir;
  const load = (k: number): PlanInput => {
    const nums = readFileSync(new URL(`pmed${k}.txt`, dir), 'utf8').trim().split(/\s+/).map(Number);
    const [n, edges, p] = nums as [number, number, number];
    const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
    for (let e = 0; e < edges; e++) {
      const a = nums[3 + 3 * e]! - 1;
      const b = nums[4 + 3 * e]! - 1;
      d[a]![b] = d[b]![a] = nums[5 + 3 * e]!; // a repeated edge: the last cost counts
    }
    for (let k2 = 0; k2 < n; k2++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k2]! + d[k2]![j]!);
    const ids = Array.from({ length: n }, (_, i) => `${i + 1}`);
    return { p, openCost: null, sites: ids.map((id) => ({ id, capacity: null })), villages: ids.map((id) => ({ id, demand: 1 })), distances: d, timeLimitSeconds: 10 };
  };
  it.each([
    [1, 5819],
    [4, 3034],
    [6, 7824],
    [10, 1255],
    [15, 1729],
  ])('pmed%i: the published optimum %i, with a valid bound', (k, optimum) => {
    const inp = load(k);
    const r = solvePlan(inp);
    expect(r.cost).toBe(optimum);
    expect(r.lowerBound!).toBeLessThanOrEqual(optimum);
    expect(r.gap!).toBeLessThan(0.01);
  });
});

describe('distances from coordinates', () => {
  it('haversine agrees with the spherical law of cosines (Tehran → Mashhad ≈ 740 km)', () => {
    const [a, b] = [{ lat: 35.6892, lon: 51.389 }, { lat: 36.2605, lon: 59.6168 }];
    const rad = Math.PI / 180;
    const cosines =
      EARTH_RADIUS_KM *
      Math.acos(Math.sin(a.lat * rad) * Math.sin(b.lat * rad) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad));
    const h = haversineKm(a.lat, a.lon, b.lat, b.lon);
    expect(h).toBeCloseTo(cosines, 6);
    expect(h).toBeGreaterThan(730);
    expect(h).toBeLessThan(750);
  });

  it('the planner uses great-circle × the road factor (default ROAD_FACTOR, or roadFactor)', () => {
    fc.assert(
      fc.property(fc.double({ min: 25, max: 40, noNaN: true }), fc.double({ min: 44, max: 63, noNaN: true }), fc.double({ min: 25, max: 40, noNaN: true }), fc.double({ min: 44, max: 63, noNaN: true }), (la1, lo1, la2, lo2) => {
        const inst = buildInstance([1], [null], { villages: [{ lat: la1, lon: lo1 }], sites: [{ lat: la2, lon: lo2 }], roadFactor: 1.7 }, 1);
        expect(inst.dist(0, 0)).toBeCloseTo(1.7 * haversineKm(la1, lo1, la2, lo2), 7);
      }),
    );
    const inp: PlanInput = {
      p: 1, openCost: null, distances: null, timeLimitSeconds: null,
      sites: [{ id: 's', lat: 36.5, lon: 53.06, capacity: null }],
      villages: [{ id: 'v', lat: 36.7, lon: 53.5, demand: 2 }],
    };
    expect(solvePlan(inp).cost).toBeCloseTo(2 * ROAD_FACTOR * haversineKm(36.7, 53.5, 36.5, 53.06), 9);
    expect(solvePlan({ ...inp, roadFactor: 1 }).cost).toBeCloseTo(2 * haversineKm(36.7, 53.5, 36.5, 53.06), 9);
  });
});

/** A regional scenario with coordinates: clustered villages around a few towns, candidate sites among them. */
function regional(n: number, m: number, seed: number, capacitated: boolean): PlanInput {
  let s = seed;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const towns = Array.from({ length: 12 }, () => ({ lat: 35 + r() * 2, lon: 50 + r() * 3 }));
  const villages = Array.from({ length: n }, (_, i) => {
    const t = towns[Math.floor(r() * towns.length)]!;
    return { id: `v${i}`, lat: t.lat + (r() - 0.5) * 0.4, lon: t.lon + (r() - 0.5) * 0.4, demand: Math.round((0.2 + r() * 3) * 10) / 10 };
  });
  const total = villages.reduce((a, v) => a + v.demand, 0);
  const sites = Array.from({ length: m }, (_, j) => {
    const v = villages[Math.floor(r() * n)]!;
    return { id: `s${j}`, lat: v.lat, lon: v.lon, capacity: capacitated ? Math.round((total / 15) * (0.8 + r()) * 10) / 10 : null };
  });
  return { p: 20, openCost: null, sites, villages, distances: null, timeLimitSeconds: 20 };
}

describe('larger scenarios', () => {
  it('truncated neighbour lists: the plan stays feasible, and its bound stays below the full-list plan', () => {
    const inp = regional(1500, 150, 7, false);
    const full = solvePlan(inp, { neighbours: 150 });
    const cut = solvePlan(inp, { neighbours: 12 });
    expect(cut.stats.neighbours).toBe(12);
    for (const r of [full, cut]) {
      expect(r.open).toHaveLength(20);
      expect(r.lowerBound!).toBeLessThanOrEqual(r.cost);
    }
    expect(cut.lowerBound!).toBeLessThanOrEqual(full.cost + 1e-6);
    expect(full.lowerBound!).toBeLessThanOrEqual(cut.cost + 1e-6);
    expect(cut.cost).toBeLessThan(full.cost * 1.02);
    expect(full.gap!).toBeLessThan(0.02);
  });

  it('binding capacities: every site within capacity, bound below the plan, progress reported to the end', () => {
    const inp = regional(800, 80, 11, true);
    const phases: PlanProgress['phase'][] = [];
    const r = solvePlan(inp, { onProgress: (e) => phases.push(e.phase) });
    expect(r.stats.capacityBinding).toBe(true);
    const load = new Map<string, number>();
    inp.villages.forEach((v) => load.set(r.assignment[v.id]!, (load.get(r.assignment[v.id]!) ?? 0) + v.demand));
    for (const s of inp.sites) expect(load.get(s.id) ?? 0).toBeLessThanOrEqual(s.capacity! + 1e-9);
    expect(r.lowerBound!).toBeLessThanOrEqual(r.cost);
    expect(r.gap!).toBeLessThan(0.1);
    expect(phases[0]).toBe('prepare');
    expect(phases).toContain('capacity');
    expect(phases.at(-1)).toBe('done');
  });
});

describe('refused scenarios', () => {
  const base: PlanInput = {
    p: 1,
    openCost: null,
    sites: [{ id: 'a', capacity: 5 }, { id: 'b', capacity: 4 }],
    villages: [{ id: 'x', demand: 3 }, { id: 'y', demand: 3 }],
    distances: [[1, 2], [2, 1]],
    timeLimitSeconds: null,
  };
  const refuse = (inp: PlanInput, kind: 'invalid' | 'infeasible', path?: string) => {
    try {
      solvePlan(inp);
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as PlanError).kind).toBe(kind);
      if (path) expect((e as PlanError).path).toBe(path);
      expect((e as PlanError).fa).toMatch(/[\u0600-\u06FF]/);
      return;
    }
    throw new Error('not refused');
  };
  it.each([
    ['both p and openCost', { ...base, openCost: 3 }, 'invalid'],
    ['neither p nor openCost', { ...base, p: null }, 'invalid'],
    ['p = 0', { ...base, p: 0 }, 'invalid', 'p'],
    ['p > sites', { ...base, p: 3 }, 'invalid', 'p'],
    ['p not whole', { ...base, p: 1.5 }, 'invalid', 'p'],
    ['negative openCost', { ...base, p: null, openCost: -1 }, 'invalid', 'openCost'],
    ['negative demand', { ...base, villages: [{ id: 'x', demand: -1 }, { id: 'y', demand: 3 }] }, 'invalid', 'villages.0.demand'],
    ['duplicate village', { ...base, villages: [{ id: 'x', demand: 1 }, { id: 'x', demand: 3 }] }, 'invalid', 'villages.1.id'],
    ['matrix rows', { ...base, distances: [[1, 2]] }, 'invalid', 'distances'],
    ['matrix columns', { ...base, distances: [[1, 2], [2]] }, 'invalid', 'distances.1'],
    ['negative distance', { ...base, distances: [[1, -2], [2, 1]] }, 'invalid', 'distances.0.1'],
    ['no coordinates', { ...base, distances: null }, 'invalid', 'sites.0.lat'],
    ['demand over the p largest', { ...base, p: 1 }, 'infeasible'],
    ['demand over all capacity', { ...base, p: null, openCost: 1, villages: [{ id: 'x', demand: 5 }, { id: 'y', demand: 5 }] }, 'infeasible'],
    ['one village over every site', { ...base, p: 2, villages: [{ id: 'x', demand: 6 }, { id: 'y', demand: 0 }] }, 'infeasible', 'villages.0.demand'],
    ['whole villages cannot fit', { ...base, p: 2, sites: [{ id: 'a', capacity: 4 }, { id: 'b', capacity: 4 }], villages: [{ id: 'x', demand: 3 }, { id: 'y', demand: 3 }, { id: 'z', demand: 2 }], distances: [[1, 2], [2, 1], [1, 1]] }, 'infeasible'],
  ] as [string, PlanInput, 'invalid' | 'infeasible', string?][])('%s', (_, inp, kind, path) => refuse(inp, kind, path));
});

describe('explainPlan', () => {
  it('says in Persian what is kept, closed, hauled and how close to optimal', () => {
    const inp: PlanInput = {
      p: 2,
      openCost: null,
      sites: [{ id: 'a', capacity: 10 }, { id: 'b', capacity: null }, { id: 'c', capacity: null }],
      villages: [{ id: 'x', demand: 4 }, { id: 'y', demand: 2 }, { id: 'z', demand: 3 }],
      distances: [[1, 9, 5], [8, 1, 3], [2, 7, 1]],
      timeLimitSeconds: null,
    };
    const r = solvePlan(inp);
    const e = explainPlan(inp, r, { names: { a: 'دفن‌گاه الف', b: 'دفن‌گاه ب', c: 'دفن‌گاه ج' } });
    expect(e.summary).toContain('۳ محل کاندید');
    expect(e.summary).toContain('۲ محل');
    expect(e.summary).toContain('۱ کانون آلودگی کمتر');
    expect(e.summary).toContain('بهینه است');
    expect(e.kept).toHaveLength(2);
    expect(e.closed).toHaveLength(1);
    expect(e.kept.map((k) => k.text).join(' ')).toMatch(/ظرفیت|روستا/);
    expect(e.closed[0]!.text).toContain('بسته می‌شود');
    expect(explainPlan(inp, r, { existingSiteIds: ['a'] }).closed.map((c) => c.text).join(' ')).toContain('ساخته نمی‌شود');
  });
});
