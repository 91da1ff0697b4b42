// Moves a demo round's records to the days of its story: the round's dates, each entry's drafting and submission
// (spread over the submission window), every step of its case a few days after the one before (judging's start and
// the announcement on the round's days), the judges' scores while it was judged. A case still waiting for a screener
// keeps the time it has left (its deadline and SLA jobs move with it). Audit events keep their real time: they record
// when the demo was loaded. A few statements per round, whatever its size.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { jobs } from '../../../core/jobs/schema.js';
import { remindJobKey } from '../../../core/workflow/remind.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import { slaJobKey } from '../../../core/workflow/sla.js';
import type { SeededRound } from './demo-rounds.js';
import { hash01 } from './demo-scores.js';
import { festAssignments, festConflicts, festEntries, festRounds, festScores } from './schema.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface StoryTimes {
  /** submissions are spread over [from, to] */
  from: Date;
  to: Date;
  /** screening steps happen before this */
  limit: Date;
  judgingAt: Date | null;
  announcedAt: Date | null;
  /** the real time of the seeding (scores of the round being judged arrive before it) */
  now: Date;
}

const at = (ms: number) => new Date(Math.round(ms));
/** Updates rows of `table` (alias t) from a JSON list (alias v, `cols` as "name type") in one statement. */
async function bulk(tx: Tx, table: string, cols: string[], rows: Record<string, unknown>[], set: string, match = 't.id = v.id'): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`update ${sql.raw(table)} t set ${sql.raw(set)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(cols.join(', '))}) where ${sql.raw(match)}`);
}

/** The moments of a case's history: `open` at submission, each person's step a few days later, system steps on the round's days. */
function timeline(key: string, submitted: number, actions: string[], t: StoryTimes): number[] {
  const out: number[] = [];
  let now = submitted;
  let humans = actions.slice(1).filter((a) => !['start_judging', 'expire', 'select', 'not_select'].includes(a)).length;
  for (const [k, a] of actions.entries()) {
    if (k > 0) {
      if (a === 'start_judging' || a === 'expire') now = t.judgingAt!.getTime() + k * 60_000;
      else if (a === 'select' || a === 'not_select') now = t.announcedAt!.getTime() + k * 60_000;
      else {
        const room = (t.limit.getTime() - now) / (humans + 1);
        now += Math.max(HOUR, Math.min((2 + hash01(`${key}${k}`) * 4) * DAY, room));
        humans--;
      }
    }
    out.push(now);
  }
  return out;
}

/** Dates the round `s` back to the story `t`. */
export async function dateBackRound(tx: Tx, s: SeededRound, t: StoryTimes): Promise<void> {
  const entries = [...s.entries.entries()];
  const caseIds = entries.map(([, e]) => e.caseId).filter((c): c is string => c !== null);
  const history = caseIds.length
    ? await tx.select({ id: wfHistory.id, caseId: wfHistory.caseId, action: wfHistory.action }).from(wfHistory).where(inArray(wfHistory.caseId, caseIds)).orderBy(wfHistory.caseId, wfHistory.seq)
    : [];
  const cases = new Map((caseIds.length ? await tx.select().from(wfCases).where(inArray(wfCases.id, caseIds)) : []).map((c) => [c.id, c]));
  const span = t.to.getTime() - t.from.getTime();
  const historyRows: Record<string, unknown>[] = [];
  const caseRows: Record<string, unknown>[] = [];
  const entryRows: Record<string, unknown>[] = [];
  for (const [i, [key, e]] of entries.entries()) {
    const submitted = t.from.getTime() + span * ((i + 0.5 + (hash01(key) - 0.5) * 0.8) / entries.length);
    const created = Math.max(t.from.getTime() - DAY, submitted - (1 + hash01(`${key}c`) * 3) * DAY);
    if (!e.caseId) {
      entryRows.push({ id: e.id, created_at: at(created), updated_at: at(submitted), submitted_at: null, selected_at: null });
      continue;
    }
    const rows = history.filter((h) => h.caseId === e.caseId);
    const times = timeline(key, submitted, rows.map((h) => h.action), t);
    rows.forEach((h, k) => historyRows.push({ id: h.id, at: at(times[k]!) }));
    const c = cases.get(e.caseId)!;
    const last = times.at(-1)!;
    const shift = c.updatedAt.getTime() - last;
    caseRows.push({ id: c.id, created_at: at(times[0]!), updated_at: at(last), due_at: c.dueAt ? at(c.dueAt.getTime() - shift) : null });
    if (c.dueAt) {
      await tx.update(jobs).set({ runAt: sql`${jobs.runAt} - ${shift}::double precision * interval '1 millisecond'` })
        .where(and(inArray(jobs.key, [slaJobKey(c.id, c.version), remindJobKey(c.id, c.version)]), eq(jobs.status, 'pending')));
    }
    entryRows.push({ id: e.id, created_at: at(created), updated_at: at(last), submitted_at: at(times[0]!), selected_at: e.state === 'selected' ? t.announcedAt : null });
  }
  await bulk(tx, 'wf_history', ['id bigint', 'at timestamptz'], historyRows, 'at = v.at');
  await bulk(tx, 'wf_cases', ['id uuid', 'created_at timestamptz', 'updated_at timestamptz', 'due_at timestamptz'], caseRows, 'created_at = v.created_at, updated_at = v.updated_at, due_at = v.due_at');
  await bulk(tx, 'fest_entries', ['id uuid', 'created_at timestamptz', 'updated_at timestamptz', 'submitted_at timestamptz', 'selected_at timestamptz'], entryRows,
    'created_at = v.created_at, updated_at = v.updated_at, submitted_at = v.submitted_at, selected_at = v.selected_at');

  const roundId = s.round.id;
  const last = t.announcedAt ?? t.judgingAt ?? t.to;
  await tx.update(festRounds).set({ createdAt: at(t.from.getTime() - 12 * DAY), updatedAt: last, judgingStartedAt: t.judgingAt, announcedAt: t.announcedAt }).where(eq(festRounds.id, roundId));
  if (!t.judgingAt) return;
  const judged = t.judgingAt.getTime();
  await tx.update(festAssignments).set({ assignedAt: t.judgingAt }).where(eq(festAssignments.roundId, roundId));
  if (s.conflict) await tx.update(festConflicts).set({ declaredAt: at(judged + 2 * DAY) }).where(and(eq(festConflicts.entryId, s.conflict.entryId), eq(festConflicts.judgeId, s.conflict.judgeId)));
  // Scores arrive over the judging weeks (before the announcement, or by now).
  const end = (t.announcedAt ?? t.now).getTime() - DAY;
  const scores = await tx.select({ e: festScores.entryId, j: festScores.judgeId }).from(festScores).innerJoin(festEntries, eq(festEntries.id, festScores.entryId)).where(eq(festEntries.roundId, roundId));
  await bulk(tx, 'fest_scores', ['entry_id uuid', 'judge_id int', 'at timestamptz'],
    scores.map((x) => ({ entry_id: x.e, judge_id: x.j, at: at(judged + DAY + (end - judged - DAY) * 0.85 * hash01(`${x.e}${x.j}`)) })),
    'created_at = v.at, updated_at = v.at', 't.entry_id = v.entry_id and t.judge_id = v.judge_id');
}
