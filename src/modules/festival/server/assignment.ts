// Judges for entries: starting the judging of a round (the deadline passed and screening done: eligible entries go to
// judging, uncorrected returned ones expire, every entry gets a full panel without conflicts of interest — all or
// nothing, in one transaction with the round locked), filling panels left short, and a judge's declared conflict.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { clockNow } from '../../../core/clock.js';
import type { DbOrTx, Tx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { conflict, notFound } from '../../../core/http/errors.js';
import { assignJudges } from '../assign.js';
import { compareIds } from '../judging.js';
import { getRound, roundPhase, type RoundRow } from './common.js';
import { JFA } from './fa-judging.js';
import { assertNational } from './rounds.js';
import { festAssignments, festConflicts, festEntries, festJudges, festRounds, festScores } from './schema.js';
import { moveEntry } from './screening.js';

type EntryRow = typeof festEntries.$inferSelect;

/** Bumps the round's version (and sets `set`), the round being locked by the caller. */
export async function touchRound(tx: DbOrTx, roundId: number, set: Partial<typeof festRounds.$inferInsert> = {}): Promise<void> {
  await tx.update(festRounds).set({ ...set, version: sql`${festRounds.version} + 1`, updatedAt: new Date() }).where(eq(festRounds.id, roundId));
}

/** 409 `version_conflict` when the round changed since the secretariat's page loaded it. */
export function checkRoundVersion(round: RoundRow, version: number): void {
  if (round.version !== version) throw conflict('version_conflict', JFA.versionConflict);
}

/** Declared conflicts of the given entries: entry id → judge ids. */
async function declaredOf(tx: DbOrTx, entryIds: string[]): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>();
  if (!entryIds.length) return out;
  for (const c of await tx.select({ e: festConflicts.entryId, j: festConflicts.judgeId }).from(festConflicts).where(inArray(festConflicts.entryId, entryIds))) {
    if (!out.has(c.e)) out.set(c.e, new Set());
    out.get(c.e)!.add(c.j);
  }
  return out;
}

/**
 * Starts judging (POST …/start-judging): national secretariat, the round open and past its deadline, no entry left in
 * screening (409 `screening_open` {count}); every eligible entry gets `judgesPerEntry` judges by assignJudges (no
 * judge from the entry's county or with a declared conflict) or nothing changes (409 `not_enough_judges` {entries});
 * eligible → judging, returned → expired (system actions), the round → judging.
 */
export async function startJudging(db: DbOrTx, actor: Actor, roundId: number, version: number, now = clockNow()): Promise<void> {
  assertNational(actor);
  await db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    checkRoundVersion(round, version);
    if (round.state !== 'open') throw conflict('round_not_open', JFA.roundNotOpen);
    if (roundPhase(round, now) !== 'screening') throw conflict('deadline_not_passed', JFA.deadlineNotPassed);
    const [screening] = await tx
      .select({ n: count() })
      .from(festEntries)
      .where(and(eq(festEntries.roundId, roundId), inArray(festEntries.state, ['province_screening', 'national_screening'])));
    const open = Number(screening?.n ?? 0);
    if (open > 0) throw conflict('screening_open', JFA.screeningOpen(open), undefined, { count: open });
    const entries = await tx
      .select()
      .from(festEntries)
      .where(and(eq(festEntries.roundId, roundId), inArray(festEntries.state, ['eligible', 'returned'])))
      .orderBy(asc(festEntries.id))
      .for('update');
    const eligible = entries.filter((e) => e.state === 'eligible');
    if (!eligible.length) throw conflict('no_eligible_entries', JFA.noEligible);
    const judges = await tx.select().from(festJudges).where(eq(festJudges.roundId, roundId));
    const declared = await declaredOf(tx, eligible.map((e) => e.id));
    const byJudge = (id: number) => [...declared].filter(([, js]) => js.has(id)).map(([e]) => e);
    const plan = assignJudges(
      eligible.map((e) => ({ id: e.id, countyPath: e.countyPath })),
      judges.map((j) => ({ id: String(j.userId), countyPath: j.countyPath, declared: byJudge(j.userId) })),
      round.judgesPerEntry,
    );
    if (plan.unassignable.length) {
      const short = eligible.filter((e) => plan.unassignable.includes(e.id)).map((e) => ({ entryId: e.id, title: e.title }));
      throw conflict('not_enough_judges', JFA.notEnoughJudges(short.length), undefined, { entries: short });
    }
    for (const e of entries) await moveEntry(tx, e, e.state === 'eligible' ? 'start_judging' : 'expire');
    const rows = eligible.flatMap((e) => plan.assignments[e.id]!.map((j) => ({ entryId: e.id, judgeId: Number(j), roundId })));
    if (rows.length) await tx.insert(festAssignments).values(rows);
    const at = new Date();
    await touchRound(tx, roundId, { state: 'judging', judgingStartedAt: at });
    await appendAudit(tx, actor, {
      action: 'festival.round.start_judging', entityType: 'fest_round', entityId: roundId,
      data: { judging: eligible.length, expired: entries.length - eligible.length, judges: judges.length, assignments: rows.length },
    });
  });
}

/**
 * Seats judges on the given entries until each panel has `judgesPerEntry`: for each seat the least-loaded judge of the
 * round (ties by id) who is not on the panel, not from the entry's county and has no declared conflict with it.
 * An entry stays short when no such judge is left. Returns the seats added as [entryId, judgeId].
 */
async function seatJudges(tx: Tx, round: RoundRow, entries: Pick<EntryRow, 'id' | 'countyPath'>[]): Promise<[string, number][]> {
  if (!entries.length) return [];
  const judges = await tx.select().from(festJudges).where(eq(festJudges.roundId, round.id));
  const all = await tx.select({ e: festAssignments.entryId, j: festAssignments.judgeId }).from(festAssignments).where(eq(festAssignments.roundId, round.id));
  const load = new Map(judges.map((j) => [j.userId, 0]));
  const panels = new Map<string, Set<number>>();
  for (const a of all) {
    load.set(a.j, (load.get(a.j) ?? 0) + 1);
    if (!panels.has(a.e)) panels.set(a.e, new Set());
    panels.get(a.e)!.add(a.j);
  }
  const declared = await declaredOf(tx, entries.map((e) => e.id));
  const added: [string, number][] = [];
  for (const e of [...entries].sort((a, b) => compareIds(a.id, b.id))) {
    const panel = panels.get(e.id) ?? new Set<number>();
    const excluded = declared.get(e.id) ?? new Set<number>();
    while (panel.size < round.judgesPerEntry) {
      const pick = judges
        .filter((j) => !panel.has(j.userId) && !excluded.has(j.userId) && j.countyPath !== e.countyPath)
        .sort((a, b) => load.get(a.userId)! - load.get(b.userId)! || a.userId - b.userId)[0];
      if (!pick) break;
      panel.add(pick.userId);
      load.set(pick.userId, load.get(pick.userId)! + 1);
      added.push([e.id, pick.userId]);
    }
  }
  if (added.length) await tx.insert(festAssignments).values(added.map(([entryId, judgeId]) => ({ entryId, judgeId, roundId: round.id })));
  return added;
}

/** Fills the panels left short (after conflicts, or after judges were added): national secretariat, while judging. */
export async function fillPanels(db: DbOrTx, actor: Actor, roundId: number): Promise<number> {
  assertNational(actor);
  return db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.state !== 'judging') throw conflict('not_judging', JFA.notJudging);
    const entries = await tx.select({ id: festEntries.id, countyPath: festEntries.countyPath }).from(festEntries).where(and(eq(festEntries.roundId, roundId), eq(festEntries.state, 'judging')));
    const added = await seatJudges(tx, round, entries);
    if (added.length) await touchRound(tx, roundId);
    await appendAudit(tx, actor, { action: 'festival.round.fill_panels', entityType: 'fest_round', entityId: roundId, data: { added } });
    return added.length;
  });
}

/**
 * A judge declares a conflict of interest with an entry assigned to him (while the round is being judged): his
 * assignment and any score go, the conflict is recorded (he is never assigned it again), and the least-loaded eligible
 * judge not on the panel takes the seat when there is one. Not his assignment → 404.
 */
export async function declareConflict(db: DbOrTx, actor: Actor, entryId: string, reason: string): Promise<void> {
  if (!isUuid(entryId) || actor.id === null) throw notFound(JFA.entryNoun);
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ entry: festEntries })
      .from(festAssignments)
      .innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId))
      .where(and(eq(festAssignments.entryId, entryId), eq(festAssignments.judgeId, actor.id!)));
    if (!found) throw notFound(JFA.entryNoun);
    const round = await getRound(tx, found.entry.roundId, true);
    if (round.state !== 'judging') throw conflict('judging_closed', JFA.judgingClosed);
    await tx.delete(festScores).where(and(eq(festScores.entryId, entryId), eq(festScores.judgeId, actor.id!)));
    await tx.delete(festAssignments).where(and(eq(festAssignments.entryId, entryId), eq(festAssignments.judgeId, actor.id!)));
    await tx.insert(festConflicts).values({ entryId, judgeId: actor.id!, reason }).onConflictDoNothing();
    const added = await seatJudges(tx, round, [found.entry]);
    await appendAudit(tx, actor, {
      action: 'festival.judging.conflict', entityType: 'fest_entry', entityId: entryId, divisionPath: found.entry.villagePath,
      data: { reason, replacedBy: added.map(([, j]) => j) },
    });
  });
}

/**
 * The judges' way to a document (registered with the core's documents store): a judge reads the photos and
 * documents of the entries assigned to him, and nothing else (his role has no scope-wide `documents.read`).
 */
export async function judgeMayReadDocument(db: DbOrTx, actor: Actor, docId: string): Promise<boolean> {
  if (actor.kind !== 'staff' || actor.id === null || !can(actor, 'festival.judge')) return false;
  const [hit] = await db
    .select({ one: sql<number>`1` })
    .from(festAssignments)
    .innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId))
    .where(and(eq(festAssignments.judgeId, actor.id), sql`(${festEntries.plan}->'photos' @> jsonb_build_array(${docId}::text) or exists (select 1 from jsonb_each(${festEntries.plan}->'documents') d where d.value @> jsonb_build_array(${docId}::text)))`))
    .limit(1);
  return !!hit;
}
