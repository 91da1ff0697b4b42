import { addWorkingDays, workingDaysBetween } from './calendar.js';
import type { StateSla, WorkflowDefinition } from './definition.js';
import type { WorkflowCase } from './permissions.js';

/**
 * The working days a case with `data` gets in a state with `sla`: `data[sla.dataKey]` when it is an integer
 * 1..365 (a per-case SLA, e.g. the complaint category's), otherwise `sla.workingDays`. A bad value falls back
 * instead of failing: the data comes from modules and the case must still get a deadline.
 */
export function slaDays(sla: StateSla, data: Record<string, unknown> | null | undefined): number {
  const v = sla.dataKey ? data?.[sla.dataKey] : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365 ? v : sla.workingDays;
}

/** The SLA fields of a case after it enters a state. */
export interface ClockFields {
  dueAt: Date | null;
  slaPausedState: string | null;
  slaRemainingDays: number | null;
}

/**
 * The SLA clock when case `c` moves to state `to` at `now`.
 *
 * - Entering a state starts its own SLA ({@link slaDays} from now, read from `c.data` — pass the data as merged by
 *   the transition), or clears `dueAt` when it has none.
 * - A self-loop (`to` = current state, e.g. "add a note") keeps the running deadline: it must not reset the clock.
 * - Entering a `pausesClock` state from a clocked state stores that state and the working days left there
 *   (at least 1: a reviewer always gets a working day back after a resubmission, even if the case was returned
 *   on its last day or late). The paused state may still have its own SLA (e.g. for the applicant).
 * - Re-entering the stored state resumes with the stored days instead of a fresh SLA. Entering any other
 *   non-pausing state forgets them (the case has moved on).
 */
export function clockOnEnter(def: WorkflowDefinition, c: WorkflowCase, to: string, now: Date, holidays: ReadonlySet<string>): ClockFields {
  const target = def.states[to]!;
  const from = def.states[c.state];
  if (to === c.state) return { dueAt: c.dueAt, slaPausedState: c.slaPausedState, slaRemainingDays: c.slaRemainingDays };
  const own = target.sla ? addWorkingDays(now, slaDays(target.sla, c.data), holidays) : null;
  if (target.pausesClock) {
    if (from && !from.pausesClock && from.sla && c.dueAt) {
      const left = Math.max(1, workingDaysBetween(now, c.dueAt, holidays));
      return { dueAt: own, slaPausedState: c.state, slaRemainingDays: left };
    }
    // Paused → paused (or from an unclocked state): whatever was stored stays stored.
    return { dueAt: own, slaPausedState: c.slaPausedState, slaRemainingDays: c.slaRemainingDays };
  }
  if (c.slaPausedState === to && c.slaRemainingDays != null)
    return { dueAt: addWorkingDays(now, c.slaRemainingDays, holidays), slaPausedState: null, slaRemainingDays: null };
  return { dueAt: own, slaPausedState: null, slaRemainingDays: null };
}
