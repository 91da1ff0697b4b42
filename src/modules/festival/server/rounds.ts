// The festival's rounds, the national secretariat's side: create (one per Jalali year), list and view with counts,
// change settings (everything while a draft; once open only the title, the deadline — not to before now — and the
// rubric until judging starts), and open (draft → open; one open round at a time). Every change is audited.
import { and, count, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { canonicalJson } from '../../../core/audit/canonical.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import { clockNow } from '../../../core/clock.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { jalaliParts, jalaliToDate } from '../../../core/fa/jalali.js';
import { AppError, conflict, forbidden, notFound } from '../../../core/http/errors.js';
import type { RoundPublic, RoundView } from '../api-types.js';
import type { RoundInput } from '../contract.js';
import type { EntryState } from '../enums.js';
import { getRound, roundPhase, roundPublic, type RoundRow } from './common.js';
import { FFA } from './fa.js';
import { festEntries, festJudges, festRounds } from './schema.js';

// Arbitrary constant: the advisory lock that serializes opening rounds (only one may be open).
const OPEN_LOCK = 7349108;

/** Round commands need `festival.manage` on the whole country (the national secretariat, or an admin). */
export function assertNational(actor: Actor): void {
  if (!can(actor, 'festival.manage', '/')) throw forbidden(FFA.nationalOnly);
}
const isNational = (actor: Actor) => can(actor, 'festival.manage', '/');

/** The instant after the Jalali day that begins at `dayStart` (Tehran): when a deadline on that day closes. */
export function dayAfter(dayStart: Date): Date {
  const p = jalaliParts(new Date(dayStart.getTime() + 36 * 3_600_000));
  return jalaliToDate(p.year, p.month, p.day)!;
}

/** The columns of a round's window from the form: the two days and the instants [opensAt, closesAt). */
function windowOf(input: Pick<RoundInput, 'opensOn' | 'deadline'>) {
  return { opensOn: dbDateOf(input.opensOn), deadline: dbDateOf(input.deadline), opensAt: input.opensOn, closesAt: dayAfter(input.deadline) };
}

function columnsOf(input: RoundInput) {
  return {
    year: input.year, title: input.title, axes: input.axes, ...windowOf(input), requiredParts: input.requiredParts, requiredDocuments: input.requiredDocuments,
    judgesPerEntry: input.judgesPerEntry, disagreementThreshold: input.disagreementThreshold,
  };
}

const yearTaken = (year: number) => conflict('year_taken', FFA.yearTaken(year));

/** Creates a draft round (409 `year_taken` when the year has one). */
export async function createRound(db: DbOrTx, actor: Actor, input: RoundInput): Promise<RoundRow> {
  assertNational(actor);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: festRounds.id }).from(festRounds).where(eq(festRounds.year, input.year));
      if (taken) throw yearTaken(input.year);
      const [r] = await tx.insert(festRounds).values({ ...columnsOf(input), createdById: actor.id }).returning();
      await appendAudit(tx, actor, { action: 'festival.round.create', entityType: 'fest_round', entityId: r!.id, divisionPath: '/', data: { year: r!.year, title: r!.title } });
      return r!;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'fest_rounds_year_unique', 'year')) throw yearTaken(input.year);
    throw e;
  }
}

/** Axes without their rubrics: what stays fixed once a round is open. */
// Compared canonically: jsonb hands keys back in its own order.
const axesShape = (axes: RoundRow['axes']) => canonicalJson(axes.map((a) => ({ key: a.key, title: a.title, categories: a.categories })));
const rubrics = (axes: RoundRow['axes']) => canonicalJson(axes.map((a) => a.rubric));
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The settings an update changes, by name (the names of RoundInput). */
export function changedFields(r: RoundRow, input: RoundInput): string[] {
  const next = columnsOf(input);
  const out: string[] = [];
  if (r.year !== next.year) out.push('year');
  if (r.title !== next.title) out.push('title');
  if (axesShape(r.axes) !== axesShape(next.axes)) out.push('axes');
  else if (rubrics(r.axes) !== rubrics(next.axes)) out.push('rubric');
  if (r.opensOn.getTime() !== next.opensOn.getTime()) out.push('opensOn');
  if (r.deadline.getTime() !== next.deadline.getTime()) out.push('deadline');
  if (!same(r.requiredParts, next.requiredParts)) out.push('requiredParts');
  if (!same(r.requiredDocuments, next.requiredDocuments)) out.push('requiredDocuments');
  if (r.judgesPerEntry !== next.judgesPerEntry) out.push('judgesPerEntry');
  if (r.disagreementThreshold !== next.disagreementThreshold) out.push('disagreementThreshold');
  return out;
}

/** Which settings may change in a round's state. */
export function editableOf(state: RoundRow['state']): RoundView['editable'] {
  return state === 'draft' ? 'all' : state === 'open' ? 'deadline_rubric' : 'none';
}
const OPEN_EDITABLE = new Set(['title', 'deadline', 'rubric']);

/**
 * Changes a round's settings with the version the editor saw (409 `version_conflict`). Draft: everything. Open: the
 * title, the deadline (its end not before now: 422 `deadline_in_past`) and the rubric; anything else — and every
 * change once judging started — 409 `round_locked` with `fields`.
 */
export async function updateRound(db: DbOrTx, actor: Actor, id: number, input: RoundInput & { version: number }, now = clockNow()): Promise<RoundRow> {
  assertNational(actor);
  try {
    return await db.transaction(async (tx) => {
      const r = await getRound(tx, id, true);
      if (r.version !== input.version) throw conflict('version_conflict', FFA.roundVersionConflict);
      const fields = changedFields(r, input);
      const editable = editableOf(r.state);
      const locked = editable === 'all' ? [] : editable === 'none' ? fields : fields.filter((f) => !OPEN_EDITABLE.has(f));
      if (locked.length) throw conflict('round_locked', editable === 'none' ? FFA.roundLockedAll : FFA.roundLocked, undefined, { fields: locked });
      const next = columnsOf(input);
      if (r.state === 'open' && fields.includes('deadline') && next.closesAt.getTime() <= now.getTime()) {
        throw new AppError(422, 'deadline_in_past', FFA.deadlineInPast, undefined, { errors: [{ path: 'body.deadline', message: FFA.deadlineInPast }] });
      }
      if (fields.includes('year')) {
        const [taken] = await tx.select({ id: festRounds.id }).from(festRounds).where(and(eq(festRounds.year, input.year), ne(festRounds.id, id)));
        if (taken) throw yearTaken(input.year);
      }
      const [u] = await tx.update(festRounds).set({ ...next, version: sql`${festRounds.version} + 1`, updatedAt: new Date() }).where(eq(festRounds.id, id)).returning();
      await appendAudit(tx, actor, {
        action: 'festival.round.update', entityType: 'fest_round', entityId: id, divisionPath: '/',
        data: { fields, before: Object.fromEntries(fields.map((f) => [f, before(r, f)])), after: Object.fromEntries(fields.map((f) => [f, before(u!, f)])) },
      });
      return u!;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'fest_rounds_year_unique', 'year')) throw yearTaken(input.year);
    throw e;
  }
}

/** A setting's stored value for the audit trail (days as Jalali). */
function before(r: RoundRow, field: string): unknown {
  if (field === 'opensOn' || field === 'deadline') return jalaliFromDbDate(r[field]);
  if (field === 'rubric') return r.axes.map((a) => ({ axis: a.key, rubric: a.rubric }));
  return (r as unknown as Record<string, unknown>)[field];
}

/** Opens a draft round for submissions (409 `round_open_exists` while another is open; 409 on a stale version). */
export async function openRound(db: DbOrTx, actor: Actor, id: number, version: number, now = clockNow()): Promise<RoundRow> {
  assertNational(actor);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OPEN_LOCK})`);
    const r = await getRound(tx, id, true);
    if (r.version !== version) throw conflict('version_conflict', FFA.roundVersionConflict);
    if (r.state !== 'draft') throw conflict('invalid_state', FFA.roundNotDraft);
    if (r.closesAt.getTime() <= now.getTime()) {
      throw new AppError(422, 'deadline_in_past', FFA.deadlineInPast, undefined, { errors: [{ path: 'body.deadline', message: FFA.deadlineInPast }] });
    }
    const [other] = await tx.select({ id: festRounds.id, year: festRounds.year }).from(festRounds).where(and(eq(festRounds.state, 'open'), ne(festRounds.id, id)));
    if (other) throw conflict('round_open_exists', FFA.roundOpenExists, undefined, { roundId: other.id, year: other.year });
    const [u] = await tx.update(festRounds).set({ state: 'open', version: sql`${festRounds.version} + 1`, updatedAt: new Date() }).where(eq(festRounds.id, id)).returning();
    await appendAudit(tx, actor, { action: 'festival.round.open', entityType: 'fest_round', entityId: id, divisionPath: '/', data: { year: r.year } });
    return u!;
  });
}

/** Entries of a round by state (drafts included: the secretariat sees how many are being written). */
export async function countsOf(db: DbOrTx, roundId: number): Promise<Partial<Record<EntryState, number>>> {
  const rows = await db.select({ state: festEntries.state, n: count() }).from(festEntries).where(eq(festEntries.roundId, roundId)).groupBy(festEntries.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** A round as the secretariat sees it: settings, counts by state, judges, and what the viewer may do now. */
export async function roundView(db: DbOrTx, actor: Actor, r: RoundRow, now = clockNow()): Promise<RoundView> {
  const [counts, [judges]] = await Promise.all([
    countsOf(db, r.id),
    db.select({ n: count() }).from(festJudges).where(eq(festJudges.roundId, r.id)),
  ]);
  const national = isNational(actor);
  const phase = roundPhase(r, now);
  const editable = editableOf(r.state);
  return {
    ...roundPublic(r, now, r.state === 'announced' ? (counts.selected ?? 0) : null),
    state: r.state, version: r.version, disagreementThreshold: r.disagreementThreshold, counts, judgeCount: Number(judges?.n ?? 0),
    judgingStartedAt: r.judgingStartedAt?.toISOString() ?? null, announcedAt: r.announcedAt?.toISOString() ?? null, editable,
    can: {
      edit: national && editable !== 'none', open: national && r.state === 'draft', startJudging: national && phase === 'screening',
      announce: national && r.state === 'judging', manageJudges: national && r.state !== 'announced',
    },
  };
}

/** Every round, newest year first. */
export async function listRounds(db: DbOrTx, actor: Actor, now = clockNow()): Promise<{ items: RoundView[] }> {
  const rows = await db.select().from(festRounds).orderBy(desc(festRounds.year));
  return { items: await Promise.all(rows.map((r) => roundView(db, actor, r, now))) };
}

/** A round for the public (404 for a draft: it is not announced yet). */
export async function publicRound(db: DbOrTx, id: number, now = clockNow()): Promise<RoundPublic> {
  const r = await getRound(db, id);
  if (r.state === 'draft') throw notFound(FFA.roundNoun);
  return withSelected(db, r, now);
}

async function withSelected(db: DbOrTx, r: RoundRow, now: Date): Promise<RoundPublic> {
  if (r.state !== 'announced') return roundPublic(r, now);
  const [s] = await db.select({ n: count() }).from(festEntries).where(and(eq(festEntries.roundId, r.id), eq(festEntries.state, 'selected')));
  return roundPublic(r, now, Number(s?.n ?? 0));
}

/** The round people should see: the open one, else the newest that is not a draft (404 `no_round`). */
export async function currentRound(db: DbOrTx, now = clockNow()): Promise<RoundPublic> {
  const [open] = await db.select().from(festRounds).where(eq(festRounds.state, 'open')).limit(1);
  const r = open ?? (await db.select().from(festRounds).where(ne(festRounds.state, 'draft')).orderBy(desc(festRounds.year)).limit(1))[0];
  if (!r) throw new AppError(404, 'no_round', FFA.noRound);
  return withSelected(db, r, now);
}

/** The round now accepting submissions, or null. */
export async function acceptingRound(db: DbOrTx, now = clockNow()): Promise<RoundRow | null> {
  const [r] = await db.select().from(festRounds).where(and(eq(festRounds.state, 'open'), lte(festRounds.opensAt, now), gt(festRounds.closesAt, now))).limit(1);
  return r ?? null;
}
