import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { amriyehAllocateCommand, lotteryCommand } from './cli-commands.js';

const KEY = '9319./2.5.8.10.12./9.18.26.34.41.45./';

describe('lottery command', () => {
  it('prints the RFC 3797 section 6 selection, one position per line', () => {
    expect(lotteryCommand(['--seed', KEY, '--pool', '25', '--pick', '11'])).toEqual({
      code: 0,
      stdout: '17\n7\n2\n16\n25\n23\n8\n24\n19\n13\n22\n',
      stderr: '',
    });
    expect(lotteryCommand([`--seed=${KEY}`, '--pool=25', '--pick=3']).stdout).toBe('17\n7\n2\n');
    expect(lotteryCommand(['--seed', KEY, '--pool', '5', '--pick', '0'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    [[]],
    [['--seed', KEY, '--pool', '25']],
    [['--seed', KEY, '--pool', 'x', '--pick', '1']],
    [['--seed', KEY, '--pool', '3', '--pick', '4']],
    [['--seed', KEY, '--pool', '-3', '--pick', '1']],
    [['--seed', KEY, '--pool', '3', '--pick', '1', '--bogus']],
    [['--seed', KEY, '--pool', '3', '--pick', '1', 'extra']],
  ])('exit 2 with a one-line error for %j', (args) => {
    const r = lotteryCommand(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lottery: [^\n]+\n$/);
  });
});

describe('amriyeh-allocate command', () => {
  const input = {
    seed: KEY,
    stations: [{ id: 's1', province: 'gilan', seats: 1 }, { id: 's2', province: 'gilan', seats: 1 }],
    provinceQuotas: { gilan: 2 },
    applicants: [
      { id: 'a', province: 'gilan', score: 5, preferences: ['s1'] },
      { id: 'b', province: 'gilan', score: 7, preferences: ['s1', 's2'] },
      { id: 'c', province: 'gilan', score: 1, preferences: ['s2'] },
    ],
  };

  it('prints the allocation as one JSON document', () => {
    const r = amriyehAllocateCommand(JSON.stringify(input));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ assignments: { b: 's1', a: null, c: 's2' }, order: ['b', 'a', 'c'] });
    expect(out).toEqual(JSON.parse(JSON.stringify(allocate(input))));
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /invalid input at \(root\)/],
    [JSON.stringify({ ...input, seed: '' }), /at seed:/],
    [JSON.stringify({ ...input, stations: [{ id: 's1', province: 'gilan', seats: -1 }] }), /at stations\.0\.seats:/],
    [JSON.stringify({ ...input, stations: [{ id: 's1', province: 'gilan', seats: 1.5 }] }), /at stations\.0\.seats:/],
    [JSON.stringify({ ...input, provinceQuotas: { gilan: 'two' } }), /at provinceQuotas\.gilan:/],
    [JSON.stringify({ ...input, applicants: [{ id: 'a', province: 'gilan', score: '5', preferences: [] }] }), /at applicants\.0\.score:/],
    [JSON.stringify({ ...input, applicants: [{ id: 'a', province: 'gilan', score: 5 }] }), /at applicants\.0\.preferences:/],
    [JSON.stringify({ ...input, applicants: [input.applicants[0], input.applicants[0]] }), /at applicants\.1\.id: duplicate id "a"/],
    [JSON.stringify({ ...input, stations: [input.stations[0], input.stations[0]] }), /at stations\.1\.id: duplicate id "s1"/],
  ])('exit 2 with a one-line error for bad input %#', (text, message) => {
    const r = amriyehAllocateCommand(text);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^amriyeh-allocate: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
