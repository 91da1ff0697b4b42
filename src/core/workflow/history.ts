import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { wfHistory } from './schema.js';

/** One history row to append. */
export interface HistoryEntry {
  caseId: string;
  action: string;
  fromState: string | null;
  toState: string;
  /** Null for the system (then `system` is true). */
  actorId: number | null;
  system?: boolean;
  /** Who holds the case after this step. */
  assigneeId?: number | null;
  comment?: string | null;
  documentIds?: string[];
}

/**
 * Appends a history row with the next `seq` of its case. Call it only after the case row was updated in the same
 * transaction: that row lock serializes writers of one case, so max(seq)+1 cannot be taken twice (and the unique
 * (case_id, seq) index would refuse it if it were).
 */
export async function appendHistory(tx: DbOrTx, e: HistoryEntry): Promise<typeof wfHistory.$inferSelect> {
  const [row] = await tx
    .insert(wfHistory)
    .values({
      caseId: e.caseId,
      seq: sql`(select coalesce(max(${wfHistory.seq}), 0) + 1 from ${wfHistory} where ${wfHistory.caseId} = ${e.caseId})`,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorId: e.actorId,
      system: e.system ?? false,
      assigneeId: e.assigneeId ?? null,
      comment: e.comment ?? null,
      documentIds: e.documentIds ?? [],
    })
    .returning();
  return row!;
}

/**
 * The history of a case, oldest first. The caller authorizes (whoever may see the case may see its history).
 */
export async function caseHistory(db: DbOrTx, caseId: string): Promise<(typeof wfHistory.$inferSelect)[]> {
  return db.select().from(wfHistory).where(eq(wfHistory.caseId, caseId)).orderBy(asc(wfHistory.seq));
}
