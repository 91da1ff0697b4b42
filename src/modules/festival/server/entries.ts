// Festival entries, the owner's side: who the owner is (an entrepreneur — a citizen — or the dehyari of a village),
// drafts (create, save with version, delete) while the round accepts submissions, the entry limit per owner, the
// check of attached files, and the copies lists search on. Submitting and the later steps are in entries-owner.ts.
import { and, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { clockNow } from '../../../core/clock.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { docFiles } from '../../../core/documents/schema.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import { AppError, conflict, forbidden, notFound } from '../../../core/http/errors.js';
import { pathIds } from '../../../core/org/path.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { getCase, transition, type TransitionInput, type WorkflowCase } from '../../../core/workflow/engine.js';
import type { PlaceRef } from '../api-types.js';
import type { Plan } from '../contract.js';
import { MAX_ENTRIES_PER_OWNER, type EntryState } from '../enums.js';
import { entryCompleteness } from '../completeness.js';
import { accepting, countyPathOf, getRound, placeRefs, type RoundRow } from './common.js';
import { FFA } from './fa.js';
import { festEntries } from './schema.js';

export type EntryRow = typeof festEntries.$inferSelect;

/** Who files entries: an entrepreneur (his own entries) or a dehyari (the entries of the villages of his grants). */
export type Owner = { kind: 'entrepreneur'; userId: number } | { kind: 'dehyari'; userId: number; villages: { id: number; path: string }[] };

/** The owner behind an actor: a citizen is an entrepreneur; staff with `dehyari` grants a dehyari; anyone else 403. */
export function ownerOf(actor: Actor): Owner {
  if (actor.id != null && actor.kind === 'citizen') return { kind: 'entrepreneur', userId: actor.id };
  if (actor.id != null && actor.kind === 'staff') {
    const villages = actor.grants.filter((g) => g.role === 'dehyari' && g.divisionId != null).map((g) => ({ id: g.divisionId!, path: g.path }));
    if (villages.length) return { kind: 'dehyari', userId: actor.id, villages };
  }
  throw forbidden(FFA.notOwner);
}

/** The SQL condition "this entry is the owner's". */
export function ownerCondition(owner: Owner): SQL {
  return owner.kind === 'entrepreneur'
    ? and(eq(festEntries.ownerKind, 'entrepreneur'), eq(festEntries.ownerUserId, owner.userId))!
    : and(eq(festEntries.ownerKind, 'dehyari'), inArray(festEntries.villageId, owner.villages.map((v) => v.id)))!;
}

/** The owner's entry (lock: FOR UPDATE), or 404 — another owner's entry does not exist for him. */
export async function ownEntry(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<{ entry: EntryRow; owner: Owner }> {
  const owner = ownerOf(actor);
  if (!isUuid(id)) throw notFound(FFA.entryNoun);
  const q = db.select().from(festEntries).where(and(eq(festEntries.id, id), ownerCondition(owner)));
  const [entry] = lock ? await q.for('update') : await q;
  if (!entry) throw notFound(FFA.entryNoun);
  return { entry, owner };
}

export const entryVersionConflict = () => conflict('version_conflict', FFA.entryVersionConflict);
const unprocessable = (code: string, title: string, path: string) => new AppError(422, code, title, undefined, { errors: [{ path, message: title }] });

/** 409 unless the round accepts submissions now: `round_not_open` before it opens, `deadline_passed` (with the Jalali day) after. */
export function assertAccepting(r: RoundRow, now = clockNow()): void {
  if (accepting(r, now)) return;
  if (r.state === 'draft' || (r.state === 'open' && now.getTime() < r.opensAt.getTime())) throw conflict('round_not_open', FFA.roundNotOpen);
  throw conflict('deadline_passed', FFA.deadlinePassed(r.closesAt), undefined, { closesAt: r.closesAt.toISOString() });
}

/** 422 `entry_incomplete` with `missing` (Persian names) and `errors` when the plan is not ready to submit. */
export function assertComplete(plan: Plan, round: RoundRow): void {
  const c = entryCompleteness(plan, round, true);
  if (c.ready) return;
  throw new AppError(422, 'entry_incomplete', FFA.entryIncomplete, FFA.entryIncompleteDetail(c.missing), {
    missing: c.missing, errors: c.missing.map((m) => ({ path: 'body.plan', message: FFA.missingPart(m) })),
  });
}

/** The village of a new entry (or a draft moved to another village), checked against the owner. */
async function villageFor(db: DbOrTx, owner: Owner, villageId: number | null): Promise<{ id: number; path: string }> {
  let id = villageId;
  if (owner.kind === 'dehyari') {
    if (id == null && owner.villages.length === 1) id = owner.villages[0]!.id;
    if (id != null && !owner.villages.some((v) => v.id === id)) throw new AppError(403, 'not_your_village', FFA.notYourVillage);
  }
  if (id == null) throw unprocessable('village_required', FFA.villageRequired, 'body.villageId');
  const [d] = await db.select({ id: orgDivisions.id, path: orgDivisions.path, level: orgDivisions.level }).from(orgDivisions).where(eq(orgDivisions.id, id));
  if (!d || d.level !== 'village') throw unprocessable('village_invalid', FFA.villageInvalid, 'body.villageId');
  return d;
}

// Arbitrary constants: advisory locks that serialize counting an owner's entries (entrepreneur by user, dehyari by village).
const LIMIT_LOCK = { entrepreneur: 7349111, dehyari: 7349112 } as const;
const NOT_LIVE: EntryState[] = ['withdrawn', 'ineligible'];

/** 409 `entry_limit` when the owner (the entrepreneur, or the village for dehyaris) already has the most live entries. */
async function assertUnderLimit(tx: DbOrTx, roundId: number, owner: Owner, villageId: number): Promise<void> {
  const key = owner.kind === 'entrepreneur' ? owner.userId : villageId;
  await tx.execute(sql`select pg_advisory_xact_lock(${LIMIT_LOCK[owner.kind]}::int, ${key}::int)`);
  const whose = owner.kind === 'entrepreneur' ? eq(festEntries.ownerUserId, owner.userId) : eq(festEntries.villageId, villageId);
  const [n] = await tx
    .select({ n: count() })
    .from(festEntries)
    .where(and(eq(festEntries.roundId, roundId), eq(festEntries.ownerKind, owner.kind), whose, notInArray(festEntries.state, NOT_LIVE)));
  if (Number(n?.n ?? 0) >= MAX_ENTRIES_PER_OWNER) throw conflict('entry_limit', FFA.entryLimit, undefined, { max: MAX_ENTRIES_PER_OWNER });
}

/** Every file id a plan refers to (photos and documents). */
export const docIdsOf = (plan: Plan): string[] => [...new Set([...plan.photos, ...Object.values(plan.documents).flat()])];

/**
 * 422 unless every document key is one of the round's and every file is either already on the entry (`previous`) or
 * an existing upload of this actor.
 */
async function checkDocuments(db: DbOrTx, actor: Actor, round: RoundRow, plan: Plan, previous: Plan | null): Promise<void> {
  const keys = new Set(round.requiredDocuments.map((d) => d.key));
  for (const k of Object.keys(plan.documents)) if (!keys.has(k)) throw unprocessable('document_unknown', FFA.documentUnknown(k), `body.plan.documents.${k}`);
  const kept = new Set(previous ? docIdsOf(previous) : []);
  const fresh = docIdsOf(plan).filter((id) => !kept.has(id));
  if (!fresh.length) return;
  const found = await db.select({ id: docFiles.id, ownerId: docFiles.ownerId }).from(docFiles).where(inArray(docFiles.id, fresh));
  if (found.length !== fresh.length || found.some((f) => f.ownerId == null || f.ownerId !== actor.id)) throw unprocessable('document_invalid', FFA.documentInvalid, 'body.plan.photos');
}

/** The text the showcase and lists search: the plan's words and its place's names, Persian-normalized. */
export const searchTextOf = (plan: Plan, place: PlaceRef | undefined): string =>
  normalizeFa([plan.title, plan.summary, plan.actions, plan.lessons, plan.partners, place?.village ?? '', place?.county ?? '', place?.province ?? ''].join(' '));

/** The columns written on every save: the plan, its copies, the place. */
async function planColumns(db: DbOrTx, plan: Plan, village: { id: number; path: string }) {
  const place = (await placeRefs(db, [village.id])).get(village.id);
  return {
    plan, axis: plan.axis, category: plan.category, title: plan.title, jobs: plan.jobs, searchText: searchTextOf(plan, place),
    villageId: village.id, villagePath: village.path, countyPath: countyPathOf(village.path), provinceId: pathIds(village.path)[0]!,
  };
}

/**
 * Creates a draft in `roundId` (409 `round_not_open` / `deadline_passed` outside the window; 409 `entry_limit`;
 * 422 `village_required` / `village_invalid`; 403 `not_your_village`; 422 `document_invalid`).
 */
export async function createEntry(db: DbOrTx, actor: Actor, input: { roundId: number; villageId: number | null; plan: Plan }, now = clockNow()): Promise<EntryRow> {
  const owner = ownerOf(actor);
  return db.transaction(async (tx) => {
    const round = await getRound(tx, input.roundId);
    assertAccepting(round, now);
    const village = await villageFor(tx, owner, input.villageId);
    await assertUnderLimit(tx, round.id, owner, village.id);
    await checkDocuments(tx, actor, round, input.plan, null);
    const [e] = await tx
      .insert(festEntries)
      .values({ roundId: round.id, ownerKind: owner.kind, ownerUserId: owner.userId, ...(await planColumns(tx, input.plan, village)) })
      .returning();
    await appendAudit(tx, actor, { action: 'festival.entry.create', entityType: 'fest_entry', entityId: e!.id, divisionPath: e!.villagePath, data: { roundId: round.id, ownerKind: owner.kind, title: e!.title } });
    return e!;
  });
}

/**
 * Saves a draft or a returned entry with the version its owner saw (409 `version_conflict`, `not_editable`,
 * `deadline_passed`). A draft may move to another village of the owner's; a submitted entry keeps its village.
 */
export async function saveEntry(db: DbOrTx, actor: Actor, id: string, input: { villageId: number | null; plan: Plan; version: number }, now = clockNow()): Promise<EntryRow> {
  return db.transaction(async (tx) => {
    const { entry, owner } = await ownEntry(tx, actor, id, true);
    if (entry.version !== input.version) throw entryVersionConflict();
    if (entry.state !== 'draft' && entry.state !== 'returned') throw conflict('not_editable', FFA.notEditable, undefined, { state: entry.state });
    const round = await getRound(tx, entry.roundId);
    assertAccepting(round, now);
    let village = { id: entry.villageId, path: entry.villagePath };
    if (input.villageId != null && input.villageId !== entry.villageId) {
      if (entry.state !== 'draft') throw unprocessable('village_locked', FFA.villageLocked, 'body.villageId');
      village = await villageFor(tx, owner, input.villageId);
      await assertUnderLimit(tx, round.id, owner, village.id);
    }
    await checkDocuments(tx, actor, round, input.plan, entry.plan);
    const [e] = await tx
      .update(festEntries)
      .set({ ...(await planColumns(tx, input.plan, village)), version: sql`${festEntries.version} + 1`, updatedAt: new Date() })
      .where(eq(festEntries.id, entry.id))
      .returning();
    await appendAudit(tx, actor, { action: 'festival.entry.save', entityType: 'fest_entry', entityId: entry.id, divisionPath: e!.villagePath, data: { version: e!.version, state: e!.state, title: e!.title } });
    return e!;
  });
}

/** Deletes a draft (409 `not_editable` once submitted). */
export async function deleteEntry(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { entry } = await ownEntry(tx, actor, id, true);
    if (entry.state !== 'draft') throw conflict('not_editable', FFA.notDraft, undefined, { state: entry.state });
    await tx.delete(festEntries).where(eq(festEntries.id, entry.id));
    await appendAudit(tx, actor, { action: 'festival.entry.delete', entityType: 'fest_entry', entityId: entry.id, divisionPath: entry.villagePath, data: { title: entry.title } });
  });
}

/**
 * Every move of a submitted entry: the engine's transition of its case (at `expectedVersion`, or the case's current
 * version when the caller checked the entry's own), and in its `apply` the state mirror — the entry's `state` set to
 * the case's (plus `set`), its version bumped — so the case and the entry never disagree.
 */
export async function stepEntry(
  tx: DbOrTx, entry: Pick<EntryRow, 'id' | 'caseId'>, input: Omit<TransitionInput, 'caseId' | 'apply' | 'expectedVersion'> & { expectedVersion?: number; set?: Partial<typeof festEntries.$inferInsert> },
): Promise<{ entry: EntryRow; case: WorkflowCase }> {
  const c = entry.caseId ? await getCase(tx, entry.caseId) : null;
  if (!c) throw new Error(`festival: entry ${entry.id} has no case`);
  const { set, expectedVersion, ...rest } = input;
  let updated: EntryRow | undefined;
  const moved = await transition(tx, {
    ...rest, caseId: c.id, expectedVersion: expectedVersion ?? c.version,
    apply: async (t, u) => {
      [updated] = await t.update(festEntries).set({ ...set, state: u.state as EntryState, version: sql`${festEntries.version} + 1`, updatedAt: new Date() }).where(eq(festEntries.id, entry.id)).returning();
    },
  });
  return { entry: updated!, case: moved };
}
