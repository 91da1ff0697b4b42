import { describe, expect, it } from 'vitest';
import { landfillAllocateCommand, landfillPlanCommand } from './cli-commands.js';
import { solveKnapsack } from './knapsack.js';
import { solvePlan, type PlanInput } from './plan.js';

const scenario: PlanInput = {
  p: 2,
  openCost: null,
  sites: [
    { id: 'kiasar', lat: 36.24, lon: 53.54, capacity: null },
    { id: 'farim', lat: 36.17, lon: 53.2, capacity: 12 },
    { id: 'chahardangeh', lat: 36.33, lon: 53.35, capacity: null },
  ],
  villages: [
    { id: 'v1', lat: 36.25, lon: 53.5, demand: 2.5 },
    { id: 'v2', lat: 36.18, lon: 53.22, demand: 1.2 },
    { id: 'v3', lat: 36.31, lon: 53.37, demand: 3 },
    { id: 'v4', lat: 36.2, lon: 53.3, demand: 0.8 },
  ],
  distances: null,
  timeLimitSeconds: null,
};

const twoLines = (cmd: string) => new RegExp(`^${cmd}: [^\\n]+\\n${cmd}: [^\\n]*[\\u0600-\\u06FF][^\\n]*\\n$`);

describe('landfill-plan command', () => {
  it('prints exactly the plan fields of solvePlan, as one JSON document', () => {
    const r = landfillPlanCommand(JSON.stringify(scenario));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const direct = solvePlan(scenario);
    expect(out).toEqual({ open: direct.open, assignment: direct.assignment, cost: direct.cost, lowerBound: direct.lowerBound });
  });

  it('with a fixed cost, also the objective that lowerBound bounds; missing nullable keys read as null', () => {
    const { p: _p, distances: _d, timeLimitSeconds: _t, ...rest } = scenario;
    const out = JSON.parse(landfillPlanCommand(JSON.stringify({ ...rest, openCost: 5 })).stdout);
    expect(Object.keys(out)).toEqual(['open', 'assignment', 'cost', 'lowerBound', 'objective']);
    expect(out.objective).toBeCloseTo(out.cost + 5 * out.open.length, 9);
    expect(out.lowerBound).toBeLessThanOrEqual(out.objective);
  });

  it('accepts a distance matrix instead of coordinates', () => {
    const inp = { p: 1, openCost: null, sites: [{ id: 'a', capacity: null }, { id: 'b', capacity: null }], villages: [{ id: 'x', demand: 2 }, { id: 'y', demand: 1 }], distances: [[1, 4], [5, 1]], timeLimitSeconds: 1 };
    expect(JSON.parse(landfillPlanCommand(JSON.stringify(inp)).stdout)).toEqual({ open: ['a'], assignment: { x: 'a', y: 'a' }, cost: 7, lowerBound: 7 });
  });

  it('--progress reports phases through the callback and ends with done', () => {
    const lines: string[] = [];
    const r = landfillPlanCommand(JSON.stringify(scenario), ['--progress'], (l) => lines.push(l));
    expect(r.code).toBe(0);
    expect(lines[0]).toMatch(/^landfill-plan: prepare /);
    expect(lines.at(-1)).toMatch(/^landfill-plan: done /);
  });

  it.each([
    ['not json', 2, /not valid JSON/],
    ['[]', 2, /invalid input at \(root\)/],
    [JSON.stringify({ ...scenario, villages: [{ id: 'v', demand: 'a lot' }] }), 2, /at villages\.0\.demand/],
    [JSON.stringify({ ...scenario, openCost: 3 }), 2, /exactly one of p/],
    [JSON.stringify({ ...scenario, p: 7 }), 2, /at p:/],
    [JSON.stringify({ ...scenario, sites: scenario.sites.map((s) => ({ ...s, capacity: 1 })) }), 3, /^landfill-plan: infeasible/],
  ])('exit %#: code %i with an English and a Persian line', (text, code, message) => {
    const r = landfillPlanCommand(text);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(twoLines('landfill-plan'));
    expect(r.stderr).toMatch(message);
  });

  it('refuses unknown arguments', () => {
    expect(landfillPlanCommand('{}', ['--fast']).code).toBe(2);
  });
});

describe('landfill-allocate command', () => {
  const input = { budget: 10, items: [{ id: 'a', cost: 6, value: 5 }, { id: 'b', cost: 5, value: 4 }, { id: 'c', cost: 4, value: 3 }] };

  it('prints {"selected", "value"}', () => {
    const r = landfillAllocateCommand(JSON.stringify(input));
    expect(r).toEqual({ code: 0, stdout: '{"selected":["a","c"],"value":8}\n', stderr: '' });
    const direct = solveKnapsack(input);
    expect(JSON.parse(r.stdout)).toEqual({ selected: direct.selected, value: direct.value });
  });

  it.each([
    ['{', /not valid JSON/],
    [JSON.stringify({ items: [] }), /at budget/],
    [JSON.stringify({ ...input, budget: 2.5 }), /at budget: must be a whole number/],
    [JSON.stringify({ ...input, items: [{ id: 'a', cost: 1.5, value: 1 }] }), /at items\.0\.cost/],
    [JSON.stringify({ ...input, items: [input.items[0], input.items[0]] }), /at items\.1\.id: duplicate/],
  ])('exit 2 for bad input %#', (text, message) => {
    const r = landfillAllocateCommand(text);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(twoLines('landfill-allocate'));
    expect(r.stderr).toMatch(message);
  });
});
