// The owner's steps on the workflow engine: submitting a complete draft (the case opens at the village with a
// tracking code), resubmitting a returned entry (back to whoever returned it), withdrawing until judging; and the
// owner's SMS (the entrepreneur, or the village's dehyaris).
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUserRoles, authUsers } from '../../../core/auth/schema.js';
import { insertWithFreshCode } from '../../../core/codes/tracking-code.js';
import { clockNow } from '../../../core/clock.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { AppError, conflict } from '../../../core/http/errors.js';
import { notifyMany } from '../../../core/notify/outbox.js';
import { openCase } from '../../../core/workflow/engine.js';
import type { EntryState } from '../enums.js';
import { getRound } from './common.js';
import { assertAccepting, assertComplete, entryVersionConflict, ownEntry, stepEntry, type EntryRow } from './entries.js';
import { FFA } from './fa.js';
import { festEntries } from './schema.js';
import { entryWorkflow } from './workflow.js';

/** The mobiles that hear of an entry: the entrepreneur's; for a dehyari entry its creator's and the village's dehyaris'. */
export async function ownerMobiles(db: DbOrTx, entry: Pick<EntryRow, 'ownerKind' | 'ownerUserId' | 'villageId'>): Promise<string[]> {
  const [owner] = await db.select({ mobile: authUsers.mobile }).from(authUsers).where(eq(authUsers.id, entry.ownerUserId));
  const out = new Set<string>(owner?.mobile ? [owner.mobile] : []);
  if (entry.ownerKind === 'dehyari') {
    const rows = await db
      .select({ mobile: authUsers.mobile })
      .from(authUserRoles)
      .innerJoin(authUsers, eq(authUsers.id, authUserRoles.userId))
      .where(and(eq(authUserRoles.role, 'dehyari'), eq(authUserRoles.divisionId, entry.villageId), eq(authUsers.disabled, false)));
    for (const r of rows) if (r.mobile) out.add(r.mobile);
  }
  return [...out];
}

/** Queues an SMS to the entry's owner side (inside the transaction of the change it reports). */
export async function notifyOwner(tx: DbOrTx, entry: EntryRow, body: string): Promise<void> {
  await notifyMany(tx, (await ownerMobiles(tx, entry)).map((to) => ({ channel: 'sms' as const, to, body })));
}

/**
 * Submits a draft (the version its owner saw): while the round accepts submissions, complete (422
 * `entry_incomplete` with `missing`); opens the case at the village, gives the tracking code, mirrors the state.
 */
export async function submitEntry(db: DbOrTx, actor: Actor, id: string, version: number, now = clockNow()): Promise<EntryRow> {
  return db.transaction(async (tx) => {
    const { entry } = await ownEntry(tx, actor, id, true);
    if (entry.version !== version) throw entryVersionConflict();
    if (entry.state !== 'draft') throw conflict('not_editable', FFA.notEditable, undefined, { state: entry.state });
    const round = await getRound(tx, entry.roundId);
    assertAccepting(round, now);
    assertComplete(entry.plan, round);
    const c = await openCase(tx, {
      definition: entryWorkflow, divisionId: entry.villageId, divisionPath: entry.villagePath, title: entry.title,
      subjectRef: `festival:${entry.id}`, data: { entryId: entry.id, roundId: round.id }, actor,
    });
    let updated: EntryRow | undefined;
    const code = await insertWithFreshCode(tx, async (trackingCode, sp) => {
      [updated] = await sp
        .update(festEntries)
        .set({ trackingCode, caseId: c.id, state: c.state as EntryState, submittedAt: new Date(), version: sql`${festEntries.version} + 1`, updatedAt: new Date() })
        .where(eq(festEntries.id, entry.id))
        .returning();
    }, { constraint: 'fest_entries_tracking', column: 'tracking_code' });
    if (!code || !updated) throw new AppError(503, 'code_exhausted', FFA.codeExhausted);
    await appendAudit(tx, actor, {
      action: 'festival.entry.submit', entityType: 'fest_entry', entityId: entry.id, divisionPath: entry.villagePath,
      data: { trackingCode: code, caseId: c.id, roundId: round.id, version: updated.version },
    });
    await notifyOwner(tx, updated, FFA.sms.submitted(code, updated.title));
    return updated;
  });
}

/**
 * Resubmits a returned entry after correction (before the deadline, complete): the engine sends it back to the
 * screener who returned it (`resubmit` for the entrepreneur who filed it, `resubmit_village` for a dehyari).
 */
export async function resubmitEntry(db: DbOrTx, actor: Actor, id: string, version: number, now = clockNow()): Promise<EntryRow> {
  return db.transaction(async (tx) => {
    const { entry, owner } = await ownEntry(tx, actor, id, true);
    if (entry.version !== version) throw entryVersionConflict();
    if (entry.state !== 'returned') throw conflict('not_returned', FFA.notReturned, undefined, { state: entry.state });
    const round = await getRound(tx, entry.roundId);
    assertAccepting(round, now);
    assertComplete(entry.plan, round);
    return (await stepEntry(tx, entry, { action: owner.kind === 'entrepreneur' ? 'resubmit' : 'resubmit_village', actor })).entry;
  });
}

const WITHDRAWABLE: readonly EntryState[] = ['province_screening', 'national_screening', 'returned', 'eligible'];

/** The owner withdraws a submitted entry (until judging starts): it no longer counts towards his limit. */
export async function withdrawEntry(db: DbOrTx, actor: Actor, id: string, version: number): Promise<EntryRow> {
  return db.transaction(async (tx) => {
    const { entry, owner } = await ownEntry(tx, actor, id, true);
    if (entry.version !== version) throw entryVersionConflict();
    if (!WITHDRAWABLE.includes(entry.state)) throw conflict('cannot_withdraw', FFA.cannotWithdraw, undefined, { state: entry.state });
    return (await stepEntry(tx, entry, { action: owner.kind === 'entrepreneur' ? 'withdraw' : 'withdraw_village', actor })).entry;
  });
}

export { WITHDRAWABLE };
