// Spreading the winning experiences: a dehyari marks a showcase plan "we want to replicate this" for one of his
// villages (idempotent, undoable) and asks its author a question; the author side (the plan's village dehyaris, or the
// entrepreneur) answers; both sides hear of it by SMS. The secretariat's spread report: which plans spread where.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { grantsFor, scopeCondition } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { AppError, conflict, notFound } from '../../../core/http/errors.js';
import { notify } from '../../../core/notify/outbox.js';
import { pathIds } from '../../../core/org/path.js';
import { orgDivisions } from '../../../core/org/schema.js';
import type { QuestionItem, ShowcasePlan, Spread } from '../api-types.js';
import { placeRefs } from './common.js';
import { ownerMobiles } from './entries-owner.js';
import { JFA } from './fa-judging.js';
import { festEntries, festQuestions, festReplications, festRounds } from './schema.js';
import { dehyariVillages, showcaseEntry, showcasePlan } from './showcase.js';

type EntryRow = typeof festEntries.$inferSelect;
type QuestionRow = typeof festQuestions.$inferSelect;

/** His dehyari villages, or 403 `not_a_dehyari`. */
function villagesOf(actor: Actor): number[] {
  const v = dehyariVillages(actor);
  if (!v.length) throw new AppError(403, 'not_a_dehyari', JFA.notADehyari);
  return v;
}

/** The village he acts for: the one given (his: else 403), or his only village other than the plan's (else 422). */
function pickVillage(villages: number[], entry: EntryRow, given: number | null | undefined): number {
  if (given != null) {
    if (!villages.includes(given)) throw new AppError(403, 'not_your_village', JFA.notYourVillage);
    if (given === entry.villageId) throw new AppError(422, 'own_plan', JFA.ownPlan);
    return given;
  }
  const others = villages.filter((v) => v !== entry.villageId);
  if (others.length === 1) return others[0]!;
  if (!others.length) throw new AppError(422, 'own_plan', JFA.ownPlan);
  throw new AppError(422, 'village_required', JFA.villageRequired);
}

/** POST /showcase/:id/replicate: marks the plan for one of his villages (again: nothing changes). */
export async function replicate(db: DbOrTx, actor: Actor, entryId: string, input: { villageId: number | null; note: string }): Promise<ShowcasePlan> {
  const villages = villagesOf(actor);
  const { entry } = await showcaseEntry(db, entryId);
  const villageId = pickVillage(villages, entry, input.villageId);
  await db.transaction(async (tx) => {
    const [v] = await tx.select({ path: orgDivisions.path }).from(orgDivisions).where(eq(orgDivisions.id, villageId));
    const added = await tx.insert(festReplications).values({ entryId, villageId, villagePath: v!.path, userId: actor.id!, note: input.note }).onConflictDoNothing().returning({ id: festReplications.id });
    if (added.length) await appendAudit(tx, actor, { action: 'festival.showcase.replicate', entityType: 'fest_entry', entityId: entryId, divisionPath: v!.path, data: { villageId, note: input.note } });
  });
  return showcasePlan(db, entryId, actor);
}

/** DELETE /showcase/:id/replicate?villageId=: takes the mark back (none: nothing changes). */
export async function unreplicate(db: DbOrTx, actor: Actor, entryId: string, given: number | undefined): Promise<ShowcasePlan> {
  const villages = villagesOf(actor);
  const { entry } = await showcaseEntry(db, entryId);
  const villageId = pickVillage(villages, entry, given);
  await db.transaction(async (tx) => {
    const gone = await tx.delete(festReplications).where(and(eq(festReplications.entryId, entryId), eq(festReplications.villageId, villageId))).returning({ path: festReplications.villagePath });
    if (gone.length) await appendAudit(tx, actor, { action: 'festival.showcase.unreplicate', entityType: 'fest_entry', entityId: entryId, divisionPath: gone[0]!.path, data: { villageId } });
  });
  return showcasePlan(db, entryId, actor);
}

/** Is he the plan's author side: the entrepreneur himself, or a dehyari of the plan's village (for a dehyari's plan)? */
export function isAuthorSide(actor: Actor, e: Pick<EntryRow, 'ownerKind' | 'ownerUserId' | 'villageId'>): boolean {
  if (e.ownerKind === 'entrepreneur') return actor.kind === 'citizen' && actor.id === e.ownerUserId;
  return dehyariVillages(actor).includes(e.villageId);
}

/** Questions as their lists show them to `actor`. */
async function questionItems(db: DbOrTx, actor: Actor, rs: { q: QuestionRow; e: EntryRow }[]): Promise<QuestionItem[]> {
  const places = await placeRefs(db, rs.map((r) => r.q.askerVillageId));
  return rs.map(({ q, e }) => ({
    id: q.id, entryId: e.id, entryTitle: e.title, question: q.question, answer: q.answer, askedBy: JFA.askedBy(places.get(q.askerVillageId)?.village ?? ''),
    askedAt: q.askedAt.toISOString(), answeredAt: q.answeredAt?.toISOString() ?? null, canAnswer: q.answer === null && isAuthorSide(actor, e), mine: q.askerUserId === actor.id,
  }));
}

/** POST /showcase/:id/questions: a dehyari asks the author (from his first village other than the plan's); the author side is told. */
export async function askQuestion(db: DbOrTx, actor: Actor, entryId: string, question: string): Promise<QuestionItem> {
  const villages = villagesOf(actor);
  const { entry } = await showcaseEntry(db, entryId);
  const askerVillageId = pickVillage(villages, entry, villages.filter((v) => v !== entry.villageId).sort((a, b) => a - b)[0] ?? entry.villageId);
  return db.transaction(async (tx) => {
    const [q] = await tx.insert(festQuestions).values({ entryId, askerUserId: actor.id!, askerVillageId, question }).returning();
    const village = (await placeRefs(tx, [askerVillageId])).get(askerVillageId)?.village ?? '';
    for (const to of await ownerMobiles(tx, entry)) await notify(tx, { channel: 'sms', to, body: JFA.sms.asked(entry.title, village) });
    await appendAudit(tx, actor, { action: 'festival.showcase.question', entityType: 'fest_entry', entityId: entryId, divisionPath: entry.villagePath, data: { questionId: q!.id, askerVillageId } });
    return (await questionItems(tx, actor, [{ q: q!, e: entry }]))[0]!;
  });
}

/** GET /festival/mine/questions: asked about his plans (he is their author side), and asked by him; newest first. */
export async function myQuestions(db: DbOrTx, actor: Actor): Promise<{ items: QuestionItem[] }> {
  const villages = dehyariVillages(actor);
  const author = or(
    actor.kind === 'citizen' ? and(eq(festEntries.ownerKind, 'entrepreneur'), eq(festEntries.ownerUserId, actor.id ?? -1)) : undefined,
    villages.length ? and(eq(festEntries.ownerKind, 'dehyari'), inArray(festEntries.villageId, villages)) : undefined,
    eq(festQuestions.askerUserId, actor.id ?? -1),
  );
  const rs = await db.select({ q: festQuestions, e: festEntries }).from(festQuestions).innerJoin(festEntries, eq(festEntries.id, festQuestions.entryId)).where(author).orderBy(desc(festQuestions.askedAt), desc(festQuestions.id)).limit(300);
  return { items: await questionItems(db, actor, rs) };
}

/** POST /festival/mine/questions/:id/answer: the author side answers once (409 `already_answered`); the asker is told. */
export async function answerQuestion(db: DbOrTx, actor: Actor, id: number, answer: string): Promise<QuestionItem> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ q: festQuestions, e: festEntries }).from(festQuestions).innerJoin(festEntries, eq(festEntries.id, festQuestions.entryId)).where(eq(festQuestions.id, id)).for('update', { of: festQuestions });
    if (!found || !isAuthorSide(actor, found.e)) throw notFound(JFA.questionNoun);
    const [q] = await tx.update(festQuestions).set({ answer, answeredById: actor.id, answeredAt: new Date() }).where(and(eq(festQuestions.id, id), isNull(festQuestions.answer))).returning();
    if (!q) throw conflict('already_answered', JFA.alreadyAnswered);
    const [asker] = await tx.select({ mobile: authUsers.mobile }).from(authUsers).where(eq(authUsers.id, q.askerUserId));
    if (asker?.mobile) await notify(tx, { channel: 'sms', to: asker.mobile, body: JFA.sms.answered(found.e.title) });
    await appendAudit(tx, actor, { action: 'festival.showcase.answer', entityType: 'fest_entry', entityId: found.e.id, divisionPath: found.e.villagePath, data: { questionId: id } });
    return (await questionItems(tx, actor, [{ q, e: found.e }]))[0]!;
  });
}

/**
 * GET /festival/spread (festival.manage): the showcase plans with their replications and questions, replications by
 * adopting province, and origin → adopting village links with coordinates. A national grant sees everything; a
 * province grant the plans of its province and the replications into it.
 */
export async function spreadReport(db: DbOrTx, actor: Actor, roundId?: number): Promise<Spread> {
  const national = grantsFor(actor, 'festival.manage').some((g) => g.path === '/');
  const shown = and(eq(festEntries.state, 'selected'), eq(festRounds.state, 'announced'), roundId ? eq(festRounds.id, roundId) : undefined);
  const plansAll = await db.select({ e: festEntries }).from(festEntries).innerJoin(festRounds, eq(festRounds.id, festEntries.roundId)).where(shown);
  const repScope = national ? sql`true` : or(scopeCondition(actor, 'festival.manage', festReplications.villagePath), scopeCondition(actor, 'festival.manage', festEntries.villagePath));
  const reps = await db
    .select({ r: festReplications })
    .from(festReplications)
    .innerJoin(festEntries, eq(festEntries.id, festReplications.entryId))
    .innerJoin(festRounds, eq(festRounds.id, festEntries.roundId))
    .where(and(shown, repScope));
  const ownScope = (path: string) => national || grantsFor(actor, 'festival.manage').some((g) => path.startsWith(g.path));
  const plans = plansAll.map((p) => p.e).filter((e) => ownScope(e.villagePath) || reps.some((r) => r.r.entryId === e.id));
  const ids = plans.map((e) => e.id);
  const qs = ids.length ? await db.select({ entryId: festQuestions.entryId, answered: sql<boolean>`${festQuestions.answer} is not null` }).from(festQuestions).where(inArray(festQuestions.entryId, ids)) : [];
  const villageIds = [...plans.map((e) => e.villageId), ...reps.map((r) => r.r.villageId)];
  const places = await placeRefs(db, villageIds);
  const geo = new Map((villageIds.length ? await db.select({ id: orgDivisions.id, lat: orgDivisions.lat, lon: orgDivisions.lon }).from(orgDivisions).where(inArray(orgDivisions.id, [...new Set(villageIds)])) : []).map((d) => [d.id, d]));
  const provinceOf = (path: string) => pathIds(path)[0]!;
  const byEntry = new Map(plans.map((e) => [e.id, e]));
  const provNames = new Map((reps.length ? await db.select({ id: orgDivisions.id, name: orgDivisions.name }).from(orgDivisions).where(inArray(orgDivisions.id, [...new Set(reps.map((r) => provinceOf(r.r.villagePath)))])) : []).map((d) => [d.id, d.name]));
  const byProvince = new Map<number, { replications: number; fromOtherProvinces: number }>();
  for (const { r } of reps) {
    const p = provinceOf(r.villagePath);
    const s = byProvince.get(p) ?? { replications: 0, fromOtherProvinces: 0 };
    s.replications++;
    if (byEntry.get(r.entryId)?.provinceId !== p) s.fromOtherProvinces++;
    byProvince.set(p, s);
  }
  return {
    plans: plans
      .map((e) => {
        const mine = reps.filter((r) => r.r.entryId === e.id);
        const asked = qs.filter((q) => q.entryId === e.id);
        return { entryId: e.id, title: e.title, place: places.get(e.villageId)!, replications: mine.length, questions: asked.length, answered: asked.filter((q) => q.answered).length, provinces: new Set(mine.map((r) => provinceOf(r.r.villagePath))).size };
      })
      .sort((a, b) => b.replications - a.replications || b.questions - a.questions || a.title.localeCompare(b.title, 'fa')),
    byProvince: [...byProvince].map(([provinceId, s]) => ({ provinceId, province: provNames.get(provinceId) ?? '', ...s })).sort((a, b) => b.replications - a.replications),
    links: reps.map(({ r }) => {
      const from = byEntry.get(r.entryId)!;
      return {
        entryId: r.entryId,
        from: { villageId: from.villageId, lat: geo.get(from.villageId)?.lat ?? null, lon: geo.get(from.villageId)?.lon ?? null },
        to: { villageId: r.villageId, village: places.get(r.villageId)?.village ?? '', lat: geo.get(r.villageId)?.lat ?? null, lon: geo.get(r.villageId)?.lon ?? null },
      };
    }),
    totals: {
      plans: plans.length, replications: reps.length, villages: new Set(reps.map((r) => r.r.villageId)).size, provinces: byProvince.size,
      questions: qs.length, answered: qs.filter((q) => q.answered).length,
    },
  };
}
