import { and, eq, inArray, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { appendAudit } from '../audit/audit.js';
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/client.js';
import { conflict } from '../http/errors.js';
import { jobs } from '../jobs/schema.js';
import { loadHolidays, subtractWorkingDays } from './calendar.js';
import { clockOnEnter } from './clock.js';
import { getWorkflow } from './definition.js';
import { WF_FA } from './fa.js';
import type { WorkflowCase } from './permissions.js';
import { REMIND_JOB_KIND, remindJobKey } from './remind.js';
import { wfCases } from './schema.js';
import { SLA_JOB_KIND, slaJobKey } from './sla.js';

/** Cases per statement: well under PostgreSQL's 65,535 parameters, and small enough to keep memory flat. */
const CHUNK = 2_000;

export interface BulkSystemTransition {
  definition: string;
  /** A `system: true` action of the definition. */
  action: string;
  /** Each case with the version the caller saw (a different one → 409, the whole batch rolls back). */
  cases: readonly { id: string; version: number }[];
  comment?: string | null;
  /** Where the batch happened, for its audit event (e.g. the province a selection ran for). */
  divisionPath: string;
  /** Cases per statement (default 2,000; tests use small ones to cross chunk boundaries). */
  chunkSize?: number;
}

/**
 * One system action on many cases at once, inside the caller's transaction — what {@link transition} does for one
 * case, set-based: the cases are locked and checked (definition, version, a state the action leaves from), moved
 * with the SLA clock of the state entered (clockOnEnter, so deadlines, pauses and resumptions are the same),
 * released (no assignee), each given its history row, the old version's SLA and reminder jobs dropped and the new
 * ones scheduled. One audit event covers the batch (action, count, and the SHA-256 of the sorted case ids); the
 * per-case trail is the history. For system actions only (no scope, no comment rules, no documents): a selection
 * run moving 200,000 applications must not take 200,000 round trips of the single-case path.
 */
export async function systemTransitionMany(tx: DbOrTx, input: BulkSystemTransition): Promise<WorkflowCase[]> {
  const def = getWorkflow(input.definition);
  const a = Object.hasOwn(def.actions, input.action) ? def.actions[input.action]! : undefined;
  if (!a?.system) throw new Error(`systemTransitionMany: ${input.definition}.${input.action} is not a system action`);
  if (input.cases.length === 0) return [];
  const holidays = await loadHolidays(tx);
  const now = new Date();
  const to = a.to;
  const remindBefore = def.states[to]?.sla?.remindBefore;
  const out: WorkflowCase[] = [];
  const size = input.chunkSize ?? CHUNK;
  for (let i = 0; i < input.cases.length; i += size) {
    const chunk = input.cases.slice(i, i + size);
    const expected = new Map(chunk.map((c) => [c.id, c.version]));
    const rows = await tx.select().from(wfCases).where(inArray(wfCases.id, [...expected.keys()])).for('update');
    if (rows.length !== expected.size) throw conflict('version_conflict', WF_FA.versionConflict);
    for (const c of rows) {
      if (c.definition !== def.key || c.version !== expected.get(c.id)) throw conflict('version_conflict', WF_FA.versionConflict);
      if (!a.from.includes(c.state)) throw conflict('invalid_state', WF_FA.invalidState, undefined, { state: c.state, caseId: c.id });
    }
    // Cases entering the state with the same clock are moved by one statement (normally all of them).
    const groups = new Map<string, { clock: ReturnType<typeof clockOnEnter>; ids: string[] }>();
    for (const c of rows) {
      const clock = clockOnEnter(def, c, to, now, holidays);
      const k = JSON.stringify(clock);
      const g = groups.get(k) ?? { clock, ids: [] };
      g.ids.push(c.id);
      groups.set(k, g);
    }
    const updated: WorkflowCase[] = [];
    for (const g of groups.values()) {
      updated.push(
        ...(await tx
          .update(wfCases)
          .set({ state: to, version: sql`${wfCases.version} + 1`, assigneeId: null, ...g.clock, updatedAt: now })
          .where(inArray(wfCases.id, g.ids))
          .returning()),
      );
    }
    const fromState = new Map(rows.map((c) => [c.id, c.state]));
    // One statement with one JSON parameter: each case's next seq from its own history (the row locks above keep
    // other writers of these cases out until commit).
    const moved = JSON.stringify(updated.map((c) => ({ id: c.id, from_state: fromState.get(c.id)! })));
    await tx.execute(sql`
      insert into wf_history (case_id, seq, action, from_state, to_state, actor_id, system, assignee_id, comment, at)
      select x.id, coalesce((select max(h.seq) from wf_history h where h.case_id = x.id), 0) + 1, ${input.action}, x.from_state, ${to}, null, true, null,
        ${input.comment ?? null}, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${moved}::jsonb) as x(id uuid, from_state text)`);
    const stale = chunk.flatMap((c) => [slaJobKey(c.id, c.version), remindJobKey(c.id, c.version)]);
    await tx.delete(jobs).where(and(inArray(jobs.key, stale), eq(jobs.status, 'pending')));
    const next = updated.flatMap((c) => {
      if (!c.dueAt) return [];
      const payload = { caseId: c.id, version: c.version, state: c.state };
      const list = [{ kind: SLA_JOB_KIND, key: slaJobKey(c.id, c.version), payload, runAt: c.dueAt }];
      const remindAt = remindBefore ? subtractWorkingDays(c.dueAt, remindBefore, holidays) : null;
      if (remindAt && remindAt.getTime() > now.getTime()) list.push({ kind: REMIND_JOB_KIND, key: remindJobKey(c.id, c.version), payload, runAt: remindAt });
      return list;
    });
    if (next.length) await tx.insert(jobs).values(next).onConflictDoNothing({ target: jobs.key });
    out.push(...updated);
  }
  const ids = input.cases.map((c) => c.id).sort();
  await appendAudit(tx, SYSTEM_ACTOR, {
    action: 'workflow.transition.bulk', entityType: 'wf_case', entityId: `${input.cases.length} cases`, divisionPath: input.divisionPath,
    data: { definition: def.key, action: input.action, to, count: ids.length, comment: input.comment ?? null, caseIdsSha256: createHash('sha256').update(ids.join('\n')).digest('hex') },
  });
  return out;
}
