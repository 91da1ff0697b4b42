// A round's judges: who judges it and each judge's home county (entries from it are an automatic conflict of
// interest), with his progress; the national secretariat sets the list until the announcement.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUserRoles, authUsers } from '../../../core/auth/schema.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { AppError, conflict } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import type { RoundJudgesView } from '../api-types.js';
import type { RoundJudges } from '../contract.js';
import type { z } from 'zod';
import { getRound } from './common.js';
import { JFA } from './fa-judging.js';
import { assertNational } from './rounds.js';
import { festAssignments, festConflicts, festEntries, festJudges, festScores } from './schema.js';

/** Per judge of the round: assignments, scores and declared conflicts. */
async function judgeCounts(db: DbOrTx, roundId: number) {
  const assigned = await db.select({ id: festAssignments.judgeId, n: count() }).from(festAssignments).where(eq(festAssignments.roundId, roundId)).groupBy(festAssignments.judgeId);
  const scored = await db
    .select({ id: festScores.judgeId, n: count() })
    .from(festScores)
    .innerJoin(festEntries, eq(festEntries.id, festScores.entryId))
    .where(eq(festEntries.roundId, roundId))
    .groupBy(festScores.judgeId);
  const conflicts = await db
    .select({ id: festConflicts.judgeId, n: count() })
    .from(festConflicts)
    .innerJoin(festEntries, eq(festEntries.id, festConflicts.entryId))
    .where(eq(festEntries.roundId, roundId))
    .groupBy(festConflicts.judgeId);
  const map = (rs: { id: number; n: number }[]) => new Map(rs.map((r) => [r.id, Number(r.n)]));
  return { assigned: map(assigned), scored: map(scored), conflicts: map(conflicts) };
}

/** The round's judges with their counties and progress, and every active user holding the `judge` role. */
export async function roundJudgesView(db: DbOrTx, actor: Actor, roundId: number): Promise<RoundJudgesView> {
  assertNational(actor);
  await getRound(db, roundId);
  const judges = await db
    .select({ userId: festJudges.userId, name: authUsers.displayName, username: authUsers.username, countyId: festJudges.countyId, county: orgDivisions.name })
    .from(festJudges)
    .innerJoin(authUsers, eq(authUsers.id, festJudges.userId))
    .leftJoin(orgDivisions, eq(orgDivisions.id, festJudges.countyId))
    .where(eq(festJudges.roundId, roundId))
    .orderBy(asc(authUsers.displayName), asc(festJudges.userId));
  const c = await judgeCounts(db, roundId);
  const available = await db
    .selectDistinct({ userId: authUsers.id, name: authUsers.displayName, username: authUsers.username })
    .from(authUsers)
    .innerJoin(authUserRoles, eq(authUserRoles.userId, authUsers.id))
    .where(and(eq(authUserRoles.role, 'judge'), eq(authUsers.disabled, false), eq(authUsers.kind, 'staff')))
    .orderBy(asc(authUsers.displayName), asc(authUsers.id));
  return {
    judges: judges.map((j) => ({
      userId: j.userId, name: j.name, username: j.username ?? '', countyId: j.countyId, county: j.county,
      assigned: c.assigned.get(j.userId) ?? 0, scored: c.scored.get(j.userId) ?? 0, conflicts: c.conflicts.get(j.userId) ?? 0,
    })),
    available: available.map((a) => ({ userId: a.userId, name: a.name, username: a.username ?? '' })),
  };
}

type JudgesInput = z.infer<typeof RoundJudges>;

/**
 * Sets the round's judges (until the announcement). New judges must be active users holding `judge` (422
 * `not_a_judge`), counties real counties (422 `county_invalid`). Removing a judge who has scored → 409
 * `judge_has_scores`; his unscored assignments go (the panel is then short: fill-panels seats another). A judge moved
 * to a county he has entries from loses those assignments the same way (409 `judge_has_scores` when scored).
 */
export async function setRoundJudges(db: DbOrTx, actor: Actor, roundId: number, input: JudgesInput): Promise<void> {
  assertNational(actor);
  await db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    if (round.state === 'announced') throw conflict('round_locked', JFA.roundAnnounced);
    const ids = input.judges.map((j) => j.userId);
    const valid = ids.length
      ? await tx
          .selectDistinct({ id: authUsers.id })
          .from(authUsers)
          .innerJoin(authUserRoles, eq(authUserRoles.userId, authUsers.id))
          .where(and(inArray(authUsers.id, ids), eq(authUserRoles.role, 'judge'), eq(authUsers.disabled, false), eq(authUsers.kind, 'staff')))
      : [];
    const before = await tx.select().from(festJudges).where(eq(festJudges.roundId, roundId));
    const known = new Set([...valid.map((v) => v.id), ...before.map((b) => b.userId)]);
    if (ids.some((id) => !known.has(id))) throw new AppError(422, 'not_a_judge', JFA.notAJudge);
    const countyIds = [...new Set(input.judges.map((j) => j.countyId).filter((c): c is number => c !== null))];
    const counties = countyIds.length ? await tx.select({ id: orgDivisions.id, path: orgDivisions.path }).from(orgDivisions).where(and(inArray(orgDivisions.id, countyIds), eq(orgDivisions.level, 'county'))) : [];
    const countyPath = new Map(counties.map((c) => [c.id, c.path]));
    if (countyIds.some((c) => !countyPath.has(c))) throw new AppError(422, 'county_invalid', JFA.countyInvalid);

    const wanted = new Map(input.judges.map((j) => [j.userId, j.countyId === null ? null : countyPath.get(j.countyId)!]));
    const removed = before.filter((b) => !wanted.has(b.userId)).map((b) => b.userId);
    // Assignments that must go: a removed judge's, and a moved judge's in his new county.
    const drop: { judgeId: number; entryIds: string[] | null }[] = removed.map((judgeId) => ({ judgeId, entryIds: null }));
    for (const b of before) {
      const path = wanted.get(b.userId);
      if (path === undefined || path === null || path === b.countyPath) continue;
      const local = await tx
        .select({ id: festAssignments.entryId })
        .from(festAssignments)
        .innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId))
        .where(and(eq(festAssignments.roundId, roundId), eq(festAssignments.judgeId, b.userId), eq(festEntries.countyPath, path)));
      if (local.length) drop.push({ judgeId: b.userId, entryIds: local.map((l) => l.id) });
    }
    for (const d of drop) {
      const scored = await tx
        .select({ n: count() })
        .from(festScores)
        .innerJoin(festEntries, eq(festEntries.id, festScores.entryId))
        .where(and(eq(festScores.judgeId, d.judgeId), eq(festEntries.roundId, roundId), d.entryIds ? inArray(festScores.entryId, d.entryIds) : sql`true`));
      if (Number(scored[0]?.n ?? 0) > 0) {
        const [u] = await tx.select({ name: authUsers.displayName }).from(authUsers).where(eq(authUsers.id, d.judgeId));
        throw conflict('judge_has_scores', d.entryIds ? JFA.judgeCountyScored(u?.name ?? '') : JFA.judgeHasScores(u?.name ?? ''), undefined, { judgeId: d.judgeId });
      }
      await tx.delete(festAssignments).where(and(eq(festAssignments.roundId, roundId), eq(festAssignments.judgeId, d.judgeId), d.entryIds ? inArray(festAssignments.entryId, d.entryIds) : sql`true`));
    }
    if (removed.length) await tx.delete(festJudges).where(and(eq(festJudges.roundId, roundId), inArray(festJudges.userId, removed)));
    for (const j of input.judges) {
      const path = wanted.get(j.userId)!;
      await tx
        .insert(festJudges)
        .values({ roundId, userId: j.userId, countyId: j.countyId, countyPath: path })
        .onConflictDoUpdate({ target: [festJudges.roundId, festJudges.userId], set: { countyId: j.countyId, countyPath: path } });
    }
    await appendAudit(tx, actor, {
      action: 'festival.round.judges', entityType: 'fest_round', entityId: roundId,
      data: { judges: input.judges.map((j) => [j.userId, j.countyId]), removed, dropped: drop.map((d) => [d.judgeId, d.entryIds]) },
    });
  });
}
