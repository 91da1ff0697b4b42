// Screening of submitted entries by the province secretariat, then the national one: each step is the engine's
// transition (role, level, scope, version, state and the required comment are its checks) with the state mirrored
// into the entry in the same transaction. Returns for correction only before the deadline. The owner hears of a
// return, a rejection and the acceptance. Also the platform's own moves (start of judging, expiry, the announcement)
// for the round commands.
import { and, eq, ne } from 'drizzle-orm';
import { SYSTEM_ACTOR, type Actor } from '../../../core/access/actor.js';
import { clockNow } from '../../../core/clock.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { formatTrackingCode } from '../../../core/codes/tracking-code.js';
import { badRequest, conflict, notFound } from '../../../core/http/errors.js';
import type { WorkflowCase } from '../../../core/workflow/engine.js';
import { SCREENING_ACTIONS, type ScreeningInput } from '../contract.js';
import { entryScope, getRound, type RoundRow } from './common.js';
import { stepEntry, type EntryRow } from './entries.js';
import { notifyOwner } from './entries-owner.js';
import { FFA } from './fa.js';
import { festEntries } from './schema.js';

export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];
/** Screening actions that send an entry back to its owner: only before the deadline. */
export const RETURN_ACTIONS: readonly string[] = ['province_return', 'national_return'];

/** A submitted entry in the staff member's scope (lock: FOR UPDATE), or 404 — drafts and other scopes do not exist for him. */
export async function staffEntry(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<EntryRow> {
  if (!isUuid(id)) throw notFound(FFA.entryNoun);
  const q = db.select().from(festEntries).where(and(eq(festEntries.id, id), ne(festEntries.state, 'draft'), entryScope(actor, festEntries.villagePath)));
  const [e] = lock ? await q.for('update') : await q;
  if (!e) throw notFound(FFA.entryNoun);
  return e;
}

/** May a screener still return entries of this round for correction (the round accepts submissions)? */
export const returnsOpen = (round: Pick<RoundRow, 'state' | 'closesAt'>, now = clockNow()): boolean => round.state === 'open' && now.getTime() < round.closesAt.getTime();

const SMS: Partial<Record<string, (code: string, title: string) => string>> = {
  province_return: FFA.sms.returned, national_return: FFA.sms.returned,
  province_reject: FFA.sms.rejected, national_reject: FFA.sms.rejected,
  national_accept: FFA.sms.accepted,
};

/**
 * A screener's step on an entry (POST …/screen): 404 outside his scope; 409 `deadline_passed` for a return after the
 * deadline; the rest is the engine's (403 role/level, 409 `version_conflict` on a stale `expectedVersion` — of two
 * screeners acting at once exactly one wins —, 409 `invalid_state`, 400 `comment_required`). Returns the entry.
 */
export async function screenEntry(db: DbOrTx, actor: Actor, id: string, input: ScreeningInput, now = clockNow()): Promise<EntryRow> {
  if (!(SCREENING_ACTIONS as readonly string[]).includes(input.action)) throw badRequest('action_invalid', FFA.screenActionInvalid);
  return db.transaction(async (tx) => {
    const entry = await staffEntry(tx, actor, id, true);
    if (!entry.caseId) throw notFound(FFA.entryNoun);
    const round = await getRound(tx, entry.roundId);
    if (RETURN_ACTIONS.includes(input.action) && !returnsOpen(round, now)) {
      throw conflict('deadline_passed', FFA.returnAfterDeadline(round.closesAt), undefined, { closesAt: round.closesAt.toISOString() });
    }
    const { entry: updated } = await stepEntry(tx, entry, { action: input.action, actor, expectedVersion: input.expectedVersion, comment: input.comment || null });
    const sms = SMS[input.action];
    if (sms) await notifyOwner(tx, updated, sms(formatTrackingCode(updated.trackingCode ?? ''), updated.title));
    return updated;
  });
}

/** The platform's own moves on an entry (system actions of `festival.entry`). */
export type SystemMove = 'start_judging' | 'expire' | 'select' | 'not_select';

/**
 * Moves an entry by a system action inside the caller's transaction (the round command's): the engine's transition
 * as SYSTEM_ACTOR at the case's current version, the state mirrored into the entry with `set` (e.g. the award and
 * ranks at the announcement; `selectedAt` is set by `select`), `data` merged into the case's data. Returns the entry
 * and the case as they end. Throws 409 `invalid_state` when the entry is not where the action starts.
 */
export async function moveEntry(
  tx: DbOrTx, entry: Pick<EntryRow, 'id' | 'caseId'>, action: SystemMove, opts: { data?: Record<string, unknown>; set?: Partial<typeof festEntries.$inferInsert>; comment?: string | null } = {},
): Promise<{ entry: EntryRow; case: WorkflowCase }> {
  return stepEntry(tx, entry, {
    action, actor: SYSTEM_ACTOR, comment: opts.comment ?? null, ...(opts.data ? { data: opts.data } : {}),
    set: { ...(action === 'select' ? { selectedAt: new Date() } : {}), ...opts.set },
  });
}
