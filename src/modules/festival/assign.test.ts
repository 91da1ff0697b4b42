// Judge assignment: conflicts of interest never assigned, full panels, balanced loads (hand examples and properties).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignJudges } from './assign.js';

describe('assignJudges', () => {
  it('excludes same-county judges and declared conflicts', () => {
    const entries = [
      { id: 'e1', countyPath: 'teh/shemiranat' },
      { id: 'e2', countyPath: 'isf/kashan' },
    ];
    const judges = [
      { id: 'j1', countyPath: 'teh/shemiranat', declared: [] },
      { id: 'j2', countyPath: 'isf/kashan', declared: [] },
      { id: 'j3', countyPath: null, declared: ['e2'] },
      { id: 'j4', countyPath: 'fars/shiraz', declared: [] },
      { id: 'j5', countyPath: null, declared: [] },
    ];
    const r = assignJudges(entries, judges, 3);
    // e1: eligible j2, j3, j4, j5; e2: eligible j1, j4, j5 (exactly 3) → e2 goes first (most constrained).
    expect(r.assignments.e2).toEqual(['j1', 'j4', 'j5']);
    // Loads now j1 = j4 = j5 = 1; e1 takes least-loaded j2, j3, then j4 (tie with j5 broken by id).
    expect(r.assignments.e1).toEqual(['j2', 'j3', 'j4']);
    expect(r.unassignable).toEqual([]);
  });

  it('an entry without enough eligible judges is unassignable and gets none', () => {
    const r = assignJudges(
      [
        { id: 'e1', countyPath: 'c1' },
        { id: 'e2', countyPath: 'c2' },
      ],
      [
        { id: 'j1', countyPath: 'c1', declared: [] },
        { id: 'j2', countyPath: 'c2', declared: [] },
        { id: 'j3', countyPath: 'c3', declared: ['e1'] },
        { id: 'j4', countyPath: 'c3', declared: [] },
      ],
      3,
    );
    expect(r.assignments.e1).toEqual([]);
    expect(r.assignments.e2).toEqual(['j1', 'j3', 'j4']);
    expect(r.unassignable).toEqual(['e1']);
  });

  it('balances loads: 4 entries × 3 judges over 6 judges → 2 each', () => {
    const entries = ['a', 'b', 'c', 'd'].map((id) => ({ id, countyPath: 'x' }));
    const judges = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'].map((id) => ({ id, countyPath: 'y', declared: [] }));
    const r = assignJudges(entries, judges);
    const load = new Map<string, number>();
    for (const js of Object.values(r.assignments)) for (const j of js) load.set(j, (load.get(j) ?? 0) + 1);
    expect([...load.values()]).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('rejects a bad perEntry and duplicate ids', () => {
    expect(() => assignJudges([], [], 0)).toThrow(RangeError);
    expect(() => assignJudges([{ id: 'e', countyPath: 'c' }, { id: 'e', countyPath: 'c' }], [])).toThrow(/duplicate/);
    expect(() =>
      assignJudges([], [
        { id: 'j', countyPath: null, declared: [] },
        { id: 'j', countyPath: null, declared: [] },
      ]),
    ).toThrow(/duplicate/);
  });

  const counties = ['c1', 'c2', 'c3', 'c4'];
  const problemArb = fc
    .record({
      entries: fc.uniqueArray(fc.record({ id: fc.constantFrom(...'abcdefghijkl'), countyPath: fc.constantFrom(...counties) }), {
        selector: (e) => e.id,
        maxLength: 12,
      }),
      judgeSpecs: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom('j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7', 'j8'),
          countyPath: fc.option(fc.constantFrom(...counties), { nil: null }),
          declared: fc.subarray([...'abcdefghijkl']),
        }),
        { selector: (j) => j.id, maxLength: 8 },
      ),
      perEntry: fc.integer({ min: 1, max: 4 }),
    });

  it('property: no conflict ever assigned; every assignable entry has exactly perEntry distinct judges', () => {
    fc.assert(
      fc.property(problemArb, ({ entries, judgeSpecs, perEntry }) => {
        const r = assignJudges(entries, judgeSpecs, perEntry);
        const judgeById = new Map<string, (typeof judgeSpecs)[number]>(judgeSpecs.map((j) => [j.id, j]));
        expect(Object.keys(r.assignments).sort()).toEqual(entries.map((e) => e.id).sort());
        for (const e of entries) {
          const eligible = judgeSpecs.filter((j) => j.countyPath !== e.countyPath && !j.declared.includes(e.id));
          const got = r.assignments[e.id]!;
          if (eligible.length >= perEntry) {
            expect(r.unassignable).not.toContain(e.id);
            expect(got).toHaveLength(perEntry);
            expect(new Set(got).size).toBe(perEntry);
          } else {
            expect(r.unassignable).toContain(e.id);
            expect(got).toEqual([]);
          }
          for (const jid of got) {
            const j = judgeById.get(jid)!;
            expect(j.countyPath).not.toBe(e.countyPath);
            expect(j.declared).not.toContain(e.id);
          }
        }
      }),
    );
  });

  it('property: without conflicts, max − min load ≤ 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), (ne, nj, per) => {
        const entries = Array.from({ length: ne }, (_, i) => ({ id: `e${i}`, countyPath: 'x' }));
        const judges = Array.from({ length: nj }, (_, i) => ({ id: `j${i}`, countyPath: null, declared: [] }));
        const r = assignJudges(entries, judges, per);
        if (nj < per) {
          expect(r.unassignable).toHaveLength(ne);
          return;
        }
        const load = new Map(judges.map((j) => [j.id, 0]));
        for (const js of Object.values(r.assignments)) for (const j of js) load.set(j, load.get(j)! + 1);
        const loads = [...load.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
