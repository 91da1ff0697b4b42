// A judge's side: his queue (his assignments in rounds being judged), an entry assigned to him, and his scores — every
// rubric criterion of the entry's axis, 0..max in halves, each with a comment; total = Σ weight × score / max.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { AppError, conflict, notFound } from '../../../core/http/errors.js';
import type { JudgeEntryView, JudgeQueue } from '../api-types.js';
import type { Axis, ScoreInput } from '../contract.js';
import { axisOf, axisTitle, categoryTitle, placeRefs } from './common.js';
import { JFA } from './fa-judging.js';
import { festAssignments, festEntries, festRounds, festScores } from './schema.js';

type Criteria = ScoreInput['criteria'];

/** His assignments in rounds being judged, with his progress. */
export async function judgeQueue(db: DbOrTx, actor: Actor): Promise<JudgeQueue> {
  const rs = await db
    .select({ entry: festEntries, round: festRounds, total: festScores.total })
    .from(festAssignments)
    .innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId))
    .innerJoin(festRounds, eq(festRounds.id, festAssignments.roundId))
    .leftJoin(festScores, and(eq(festScores.entryId, festAssignments.entryId), eq(festScores.judgeId, festAssignments.judgeId)))
    .where(and(eq(festAssignments.judgeId, actor.id ?? -1), eq(festRounds.state, 'judging')))
    .orderBy(desc(festRounds.year), asc(festEntries.title), asc(festEntries.id));
  const places = await placeRefs(db, rs.map((r) => r.entry.villageId));
  const items = rs.map(({ entry: e, round: r, total }) => ({
    entryId: e.id, roundId: r.id, roundYear: r.year, title: e.title, axisTitle: axisTitle(r.axes, e.axis),
    categoryTitle: categoryTitle(r.axes, e.axis, e.category), place: places.get(e.villageId)!, scored: total !== null, total,
  }));
  return { items, done: items.filter((i) => i.scored).length, total: items.length };
}

/** The entry and round of an assignment of his, or 404 (another judge's entry, or none). */
async function assigned(db: DbOrTx, actor: Actor, entryId: string, lockRound = false) {
  if (!isUuid(entryId) || actor.id === null) throw notFound(JFA.entryNoun);
  const [found] = await db
    .select({ entry: festEntries })
    .from(festAssignments)
    .innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId))
    .where(and(eq(festAssignments.entryId, entryId), eq(festAssignments.judgeId, actor.id)));
  if (!found) throw notFound(JFA.entryNoun);
  const q = db.select().from(festRounds).where(eq(festRounds.id, found.entry.roundId));
  // A share lock: scores saved while an announcement waits are in it, or refused after it.
  const [round] = lockRound ? await q.for('share') : await q;
  return { entry: found.entry, round: round! };
}

/** An entry assigned to him, with his scores so far; `open` while the round is being judged. */
export async function judgeEntryView(db: DbOrTx, actor: Actor, entryId: string): Promise<JudgeEntryView> {
  const { entry: e, round: r } = await assigned(db, actor, entryId);
  const [s] = await db.select().from(festScores).where(and(eq(festScores.entryId, e.id), eq(festScores.judgeId, actor.id!)));
  const places = await placeRefs(db, [e.villageId]);
  const axis = axisOf(r.axes, e.axis) ?? { key: e.axis, title: '—', categories: [], rubric: [] };
  return {
    entryId: e.id, round: { id: r.id, year: r.year, title: r.title, state: r.state }, axis, categoryTitle: categoryTitle(r.axes, e.axis, e.category),
    place: places.get(e.villageId)!, ownerKind: e.ownerKind, plan: e.plan,
    score: s ? { criteria: s.criteria, total: s.total, version: s.version, updatedAt: s.updatedAt.toISOString() } : null,
    open: r.state === 'judging' && e.state === 'judging',
  };
}

/**
 * The weighted total (0..100) of scores that match the axis's rubric exactly, or 422 `rubric_mismatch` with every
 * problem in Persian (`errors`, the shape forms read): a criterion missing, one the rubric lacks, a score above max.
 */
export function rubricTotal(axis: Axis | undefined, criteria: Criteria): number {
  if (!axis) throw new AppError(422, 'rubric_mismatch', JFA.rubricMismatch, JFA.axisMissing);
  const errors: { path: string; message: string }[] = [];
  for (const c of axis.rubric) {
    const given = Object.hasOwn(criteria, c.key) ? criteria[c.key] : undefined;
    if (!given) errors.push({ path: `body.criteria.${c.key}`, message: JFA.rubricMissing(c.title) });
    else if (given.score > c.max) errors.push({ path: `body.criteria.${c.key}.score`, message: JFA.rubricOverMax(c.title, c.max) });
  }
  for (const k of Object.keys(criteria)) if (!axis.rubric.some((c) => c.key === k)) errors.push({ path: `body.criteria.${k}`, message: JFA.rubricUnknown(k) });
  if (errors.length) throw new AppError(422, 'rubric_mismatch', JFA.rubricMismatch, errors.map((e) => e.message).join(' '), { errors });
  const total = axis.rubric.reduce((sum, c) => sum + (c.weight * criteria[c.key]!.score) / c.max, 0);
  return Math.round(total * 10_000) / 10_000;
}

/**
 * Saves his scores for an entry assigned to him (404 otherwise): only while the round is being judged (409
 * `judging_closed`), the rubric matched (422 `rubric_mismatch`), the version he saw (0 for the first save; 409
 * `version_conflict` when stale).
 */
export async function saveScore(db: DbOrTx, actor: Actor, entryId: string, input: ScoreInput): Promise<void> {
  await db.transaction(async (tx) => {
    const { entry: e, round: r } = await assigned(tx, actor, entryId, true);
    if (r.state !== 'judging' || e.state !== 'judging') throw conflict('judging_closed', JFA.judgingClosed);
    const total = rubricTotal(axisOf(r.axes, e.axis), input.criteria);
    const criteria = Object.fromEntries(Object.entries(input.criteria).map(([k, v]) => [k, { score: v.score, comment: v.comment }]));
    const judgeId = actor.id!;
    let saved: { version: number } | undefined;
    if (input.version === 0) {
      [saved] = await tx.insert(festScores).values({ entryId: e.id, judgeId, criteria, total }).onConflictDoNothing().returning({ version: festScores.version });
    } else {
      [saved] = await tx
        .update(festScores)
        .set({ criteria, total, version: input.version + 1, updatedAt: new Date() })
        .where(and(eq(festScores.entryId, e.id), eq(festScores.judgeId, judgeId), eq(festScores.version, input.version)))
        .returning({ version: festScores.version });
    }
    if (!saved) throw conflict('version_conflict', JFA.scoreConflict);
    await appendAudit(tx, actor, {
      action: 'festival.judging.score', entityType: 'fest_entry', entityId: e.id, divisionPath: e.villagePath,
      data: { total, version: saved.version, scores: Object.fromEntries(Object.entries(criteria).map(([k, v]) => [k, v.score])) },
    });
  });
}
