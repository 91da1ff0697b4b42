import { describe, expect, it } from 'vitest';
import { defineWorkflow, getWorkflow, registerWorkflow, type WorkflowDefinition } from './definition.js';
import { sampleReview } from './test-sample.js';

const base = (): WorkflowDefinition => ({
  key: 'test.small',
  title: 'کوچک',
  initial: 'open',
  states: { open: { title: 'باز', sla: { workingDays: 3, onLate: 'notify' } }, done: { title: 'پایان', final: true } },
  actions: { finish: { title: 'پایان', from: ['open'], to: 'done', roles: ['municipality'] } },
});
const mutate = (f: (d: WorkflowDefinition) => void) => {
  const d = base();
  f(d);
  return () => defineWorkflow(d);
};

describe('defineWorkflow', () => {
  it('accepts the sample two-level review and a minimal definition', () => {
    expect(() => defineWorkflow(sampleReview)).not.toThrow();
    expect(() => defineWorkflow(base())).not.toThrow();
  });

  it.each([
    ['an unknown initial state', (d: WorkflowDefinition) => { d.initial = 'nope'; }, /initial state "nope"/],
    ['a final initial state', (d: WorkflowDefinition) => { d.initial = 'done'; }, /initial state is final/],
    ['an unknown from state', (d: WorkflowDefinition) => { d.actions.finish!.from = ['ghost']; }, /unknown from state "ghost"/],
    ['an unknown to state', (d: WorkflowDefinition) => { d.actions.finish!.to = 'ghost'; }, /unknown to state "ghost"/],
    ['an action leaving a final state', (d: WorkflowDefinition) => { d.actions.reopen = { title: 'x', from: ['done'], to: 'open', roles: ['admin'] }; }, /leaves final state/],
    ['an unknown role', (d: WorkflowDefinition) => { d.actions.finish!.roles = ['nobody' as never]; }, /unknown role "nobody"/],
    ['no roles', (d: WorkflowDefinition) => { d.actions.finish!.roles = []; }, /no roles/],
    ['a role that cannot be bound at the level', (d: WorkflowDefinition) => { d.actions.finish!.level = 'district'; }, /cannot be bound at level "district"/],
    ['an unreachable state', (d: WorkflowDefinition) => { d.states.lost = { title: 'گم', final: true }; }, /lost: unreachable/],
    ['no final state', (d: WorkflowDefinition) => { d.states.done = { title: 'x' }; d.actions.back = { title: 'x', from: ['done'], to: 'open', roles: ['admin'] }; }, /no final state/],
    ['a dead end', (d: WorkflowDefinition) => { d.states.stuck = { title: 'گیر' }; d.actions.park = { title: 'x', from: ['open'], to: 'stuck', roles: ['admin'] }; }, /stuck: no path to a final state/],
    ['escalation without roles', (d: WorkflowDefinition) => { d.states.open!.sla = { workingDays: 2, onLate: 'escalate' }; }, /needs escalateTo/],
    ['a bad SLA', (d: WorkflowDefinition) => { d.states.open!.sla = { workingDays: 0, onLate: 'notify' }; }, /workingDays must be/],
    ['an SLA on a final state', (d: WorkflowDefinition) => { d.states.done!.sla = { workingDays: 1, onLate: 'notify' }; }, /final state cannot have an SLA/],
    ['a reserved action name', (d: WorkflowDefinition) => { d.actions.open = { title: 'x', from: ['open'], to: 'done', roles: ['admin'] }; }, /reserved/],
    ['return for correction without resubmit', (d: WorkflowDefinition) => {
      d.states.fix = { title: 'اصلاح' };
      d.actions.ret = { title: 'x', from: ['open'], to: 'fix', roles: ['admin'], kind: 'returnForCorrection' };
      d.actions.drop = { title: 'x', from: ['fix'], to: 'done', roles: ['citizen'] };
    }, /no resubmit action leaves it/],
    ['resubmit with no return leading to it', (d: WorkflowDefinition) => { d.actions.re = { title: 'x', from: ['open'], to: 'open', roles: ['citizen'], kind: 'resubmit' }; }, /resubmit from a state/],
    ['the reserved name sla.remind', (d: WorkflowDefinition) => { d.actions['sla.remind'] = { title: 'x', from: ['open'], to: 'done', roles: ['admin'] }; }, /reserved/],
    ['a reminder not before the default deadline', (d: WorkflowDefinition) => { d.states.open!.sla!.remindBefore = 3; }, /remindBefore must be/],
    ['an empty dataKey', (d: WorkflowDefinition) => { d.states.open!.sla!.dataKey = ''; }, /dataKey must be/],
    ['a system action with roles', (d: WorkflowDefinition) => { d.actions.finish!.system = true; }, /system action takes no roles/],
    ['a creator-only system action', (d: WorkflowDefinition) => { d.actions.finish = { title: 'x', from: ['open'], to: 'done', roles: [], system: true, actorIsCreator: true }; }, /cannot have a level or be creator-only/],
    ['a bad assigns value', (d: WorkflowDefinition) => { d.actions.finish!.assigns = 'always' as never; }, /assigns must be/],
    ['assigning into a state nobody on staff works', (d: WorkflowDefinition) => { d.actions.finish!.assigns = 'required'; }, /no staff action leaves "done"/],
    ['an assigning resubmit', (d: WorkflowDefinition) => {
      d.states.fix = { title: 'اصلاح' };
      d.actions.ret = { title: 'x', from: ['open'], to: 'fix', roles: ['admin'], kind: 'returnForCorrection' };
      d.actions.re = { title: 'x', from: ['fix'], to: 'open', roles: ['citizen'], kind: 'resubmit', actorIsCreator: true, assigns: 'optional' };
    }, /resubmit action cannot assign/],
  ])('throws at registration for %s', (_name, f, message) => {
    expect(mutate(f)).toThrow(message);
  });

  it('accepts the extensions: per-case SLA, reminder, assignment, a system action without roles', () => {
    expect(mutate((d) => {
      d.states.open!.sla = { workingDays: 3, dataKey: 'slaDays', remindBefore: 2, onLate: 'notify' };
      d.actions.pass = { title: 'x', from: ['open'], to: 'open', roles: ['municipality'], assigns: 'optional', optional: true };
      d.actions.auto = { title: 'x', from: ['open'], to: 'done', roles: [], system: true };
    })).not.toThrow();
    expect(mutate((d) => { d.actions.finish!.roles = []; })).toThrow(/no roles/); // only a system action may have none
  });

  it('reports every problem at once', () => {
    const d = base();
    d.actions.finish!.to = 'x';
    d.actions.finish!.roles = ['nobody' as never];
    expect(() => defineWorkflow(d)).toThrow(/unknown to state[\s\S]*unknown role/);
  });
});

describe('registry', () => {
  it('registers once, returns it by key, refuses a second definition under the same key', () => {
    const d = base();
    registerWorkflow(d);
    expect(registerWorkflow(d)).toBe(d); // same object again: fine (module re-imports)
    expect(getWorkflow('test.small')).toBe(d);
    expect(() => registerWorkflow({ ...base() })).toThrow(/already registered/);
    expect(() => getWorkflow('missing')).toThrow(/not registered/);
  });
});
