import type { Role } from '../access/roles.js';
import type { DivisionLevel } from '../org/schema.js';
import { validateDefinition } from './validate.js';

export { RESERVED_ACTIONS } from './validate.js';

/** What happens when a case overstays a state's SLA: notify the people who can act, or escalate to other roles. */
export interface StateSla {
  /** Working days (Iranian week, official holidays skipped) the case may stay in this state. */
  workingDays: number;
  /**
   * Per-case length: when the case's `data[dataKey]` is an integer 1..365 (e.g. the complaint category's SLA,
   * copied into `data.slaDays` at opening), that many working days are used instead of `workingDays`.
   */
  dataKey?: string;
  /**
   * Working days before the deadline at which the assignee (or else the people who can act) get a reminder
   * (job `workflow.remind`). None when that moment has already passed on entering the state.
   */
  remindBefore?: number;
  onLate: 'escalate' | 'notify';
  /** Roles told about a late case (users of these roles whose scope contains the case). Required for 'escalate'. */
  escalateTo?: readonly Role[];
}

/** One state of a workflow. */
export interface StateDef {
  /** Persian title shown to people. */
  title: string;
  /** Final states end the case: no action leaves them and they have no SLA. */
  final?: boolean;
  sla?: StateSla;
  /**
   * The reviewer's clock stops while the case sits here (e.g. "with the applicant for correction"): the working
   * days left in the state it came from are kept and given back when the case re-enters that state.
   */
  pausesClock?: boolean;
}

/**
 * Special behaviour of an action. `returnForCorrection` remembers who returned the case and from which state;
 * `resubmit` then sends the case back to that state (not to its own static `to`) and assigns it to that reviewer.
 */
export type ActionKind = 'normal' | 'returnForCorrection' | 'resubmit';

/** One action (an edge of the graph) and who may take it. */
export interface ActionDef<S extends string = string> {
  /** Persian title (the button). */
  title: string;
  from: readonly S[];
  /** Target state. For `resubmit` the fallback only: the case goes back to the state it was returned from. */
  to: S;
  /**
   * Roles that may take the action, each within its grant's scope (the case's division inside the grant's path).
   * Empty for (and only for) a `system` action.
   */
  roles: readonly Role[];
  /** The level the actor's grant must be bound at (e.g. 'district' for a district reviewer's step). */
  level?: DivisionLevel | 'country';
  requireComment?: boolean;
  requireDocument?: boolean;
  kind?: ActionKind;
  /** Only the user who opened the case may take it (applicant actions such as resubmit). */
  actorIsCreator?: boolean;
  /**
   * Something one may do but nobody is waiting for (withdraw, add a note): it is offered in availableActions but
   * does not put the case in anyone's inbox — the inbox lists what awaits the actor, not everything possible.
   */
  optional?: boolean;
  /**
   * The action hands the case to a person: `TransitionInput.assigneeId` becomes the case's assignee. That person
   * must be active staff holding, in scope, a role of a (non-optional, non-creator) action leaving the target
   * state — someone who could work the case next. 'required': no assigneeId → 400 `assignee_required`.
   */
  assigns?: 'required' | 'optional';
  /**
   * Only the platform itself (`SYSTEM_ACTOR`, e.g. a module's job closing a case after a satisfaction window)
   * may take it; `roles` must be empty. Never offered to people, never puts a case in an inbox.
   */
  system?: true;
}

/**
 * A review process as data: states, actions, who may act where, SLAs. Validated by {@link defineWorkflow};
 * the engine interprets it. `overrideRoles` (e.g. inspection) may act on a case assigned to someone else,
 * provided they also hold one of the action's roles in scope.
 */
export interface WorkflowDefinition<S extends string = string, A extends string = string> {
  key: string;
  /** Persian title of the process. */
  title: string;
  initial: S;
  states: Record<S, StateDef>;
  actions: Record<A, ActionDef<S>>;
  overrideRoles?: readonly Role[];
  /**
   * Every action has the service's own side effects (a training ID issued, an entry's mirror updated, a deadline
   * checked), so the generic `POST /api/v1/cases/:id/transitions` refuses it (409 `use_service_route`) and only the
   * service's routes move such a case.
   */
  serviceRoutesOnly?: true;
}

/**
 * Checks a definition and returns it unchanged (typed, so state and action keys autocomplete). Throws an Error
 * listing every problem — unknown states, no initial, unreachable or missing final states, dead ends, roles that
 * cannot be bound at an action's level, return-for-correction without resubmit… — so a bad definition stops the
 * server at start-up instead of stranding cases later.
 */
export function defineWorkflow<const S extends string, const A extends string>(def: WorkflowDefinition<S, A>): WorkflowDefinition<S, A> {
  const problems = validateDefinition(def as unknown as WorkflowDefinition);
  if (problems.length) throw new Error(`workflow "${def.key}" is invalid:\n- ${problems.join('\n- ')}`);
  return def;
}

const registry = new Map<string, WorkflowDefinition>();

/**
 * Registers a definition under its key (validating it first). Registering the same object again is a no-op;
 * a different definition under a taken key throws, because cases store only the key.
 */
export function registerWorkflow<S extends string, A extends string>(def: WorkflowDefinition<S, A>): WorkflowDefinition<S, A> {
  const existing = registry.get(def.key);
  if (existing === (def as unknown as WorkflowDefinition)) return def;
  if (existing) throw new Error(`workflow "${def.key}" is already registered`);
  defineWorkflow(def);
  registry.set(def.key, def as unknown as WorkflowDefinition);
  return def;
}

/** The registered definition of `key`; throws when none is (a case whose process is unknown is a deployment bug). */
export function getWorkflow(key: string): WorkflowDefinition {
  const def = registry.get(key);
  if (!def) throw new Error(`workflow "${key}" is not registered`);
  return def;
}

/** Every registered definition (the inbox looks across all of them). */
export function listWorkflows(): WorkflowDefinition[] {
  return [...registry.values()];
}

/** The Persian title of a state of `def`, or the state's key when the definition no longer has it. */
/** Persian titles of the history rows the engine writes by itself (the reserved actions). */
const RESERVED_TITLES: Record<string, string> = { 'sla.escalate': 'گذشت مهلت رسیدگی و ارجاع', 'sla.remind': 'یادآوری مهلت' };

/**
 * The Persian title of a history row's action: the definition's action, the engine's own rows (`open` — worded by
 * the service, e.g. «ثبت درخواست» —, SLA escalation and reminder), else the key as is.
 */
export function actionTitle(def: WorkflowDefinition, action: string, openTitle = 'ثبت'): string {
  if (action === 'open') return openTitle;
  if (Object.hasOwn(def.actions, action)) return def.actions[action]!.title;
  return RESERVED_TITLES[action] ?? action;
}

export function stateTitle(def: WorkflowDefinition, state: string): string {
  return Object.hasOwn(def.states, state) ? def.states[state]!.title : state;
}
