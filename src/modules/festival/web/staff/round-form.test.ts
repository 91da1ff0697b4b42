import { describe, expect, it } from 'vitest';
import { RoundInput } from '../../contract.js';
import { canChange, defaultRoundForm, freshKey, roundBody, weightTotal } from './round-form.js';

describe('round form', () => {
  it('a new round has the festival axes, the default rubric (total 100) and Persian title', () => {
    const f = defaultRoundForm(1405);
    expect(f.axes.map((a) => a.key)).toEqual(['income', 'construction']);
    for (const a of f.axes) expect(weightTotal(a)).toBe(100);
    expect(f.title).toContain('۱۴۰۵');
  });

  it('the running total counts what is typed, blanks as 0', () => {
    expect(weightTotal({ rubric: [{ key: 'a', title: '', weight: '40', max: '10' }, { key: 'b', title: '', weight: '', max: '10' }, { key: 'c', title: '', weight: '35', max: '10' }] })).toBe(75);
  });

  it('fresh keys are lower-case Latin and unused', () => {
    expect(freshKey('c', [])).toBe('c1');
    expect(freshKey('c', ['c1', 'c2', 'c4'])).toBe('c3');
    expect(/^[a-z][a-z0-9_]{0,39}$/.test(freshKey('axis', ['income']))).toBe(true);
  });

  it('locks: all in draft; title, deadline and rubric while open; nothing after', () => {
    expect(canChange('all', 'axes')).toBe(true);
    expect(canChange('deadline_rubric', 'title')).toBe(true);
    expect(canChange('deadline_rubric', 'dates.deadline')).toBe(true);
    expect(canChange('deadline_rubric', 'rubric')).toBe(true);
    expect(canChange('deadline_rubric', 'dates.opensOn')).toBe(false);
    expect(canChange('deadline_rubric', 'axes')).toBe(false);
    expect(canChange('deadline_rubric', 'requirements')).toBe(false);
    expect(canChange('none', 'title')).toBe(false);
  });

  it('a complete form makes a body the contract accepts', () => {
    const f = { ...defaultRoundForm(1405), opensOn: '1405/01/15', deadline: '1405/03/31' };
    const errors: Record<string, string> = {};
    const body = roundBody(f, errors);
    expect(errors).toEqual({});
    expect(RoundInput.safeParse(body).success).toBe(true);
  });

  it('finds what the server would refuse, by path', () => {
    const f = defaultRoundForm(1405);
    f.title = ' ';
    f.opensOn = '1405/03/01';
    f.deadline = '1405/02/01';
    f.axes[0]!.rubric[0]!.weight = '10';
    f.axes[1]!.rubric[1]!.max = '1';
    f.judgesPerEntry = '2';
    f.disagreementThreshold = '9';
    const errors: Record<string, string> = {};
    roundBody(f, errors);
    expect(Object.keys(errors).sort()).toEqual(['axes.0.rubric', 'axes.1.rubric.1.max', 'deadline', 'disagreementThreshold', 'judgesPerEntry', 'title']);
  });

  it('bad or missing dates are reported', () => {
    const errors: Record<string, string> = {};
    roundBody({ ...defaultRoundForm(1405), opensOn: '', deadline: '1405/13/40' }, errors);
    expect(errors.opensOn).toBeTruthy();
    expect(errors.deadline).toBeTruthy();
  });
});
