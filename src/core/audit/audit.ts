import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { DbOrTx } from '../db/client.js';
import { canonicalJson } from './canonical.js';
import { auditLog } from './schema.js';

/** What happened, to what, in which scope. `data` holds the decision or the change (before/after). */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | number;
  divisionPath?: string | null;
  data?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// Arbitrary constant: the advisory lock that orders appends to the chain.
const AUDIT_LOCK = 7349002;

type Row = typeof auditLog.$inferSelect;

/** The hash of one row given the previous row's hash. Every field that matters is in it. */
export function hashRow(r: Omit<Row, 'hash'>): string {
  const body = canonicalJson([r.seq, r.prevHash, r.at.toISOString(), r.actorId, r.actorLabel, r.action, r.entityType, r.entityId, r.divisionPath, r.data]);
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Appends one event to the hash chain. Call it inside the transaction of the change it records, so the event
 * exists exactly when the change does. A transaction-scoped advisory lock serializes appenders; keep the call
 * late in the transaction so the lock is held briefly.
 */
export async function appendAudit(tx: DbOrTx, actor: Actor | null, ev: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor?.id ?? null,
    actorLabel: actor?.label ?? 'system',
    action: ev.action,
    entityType: ev.entityType,
    entityId: String(ev.entityId),
    divisionPath: ev.divisionPath ?? null,
    data: ev.data ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...row, hash: hashRow(row) });
}

/** Result of {@link verifyAudit}: ok, or the first sequence number where the chain is broken and why. */
export type AuditVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/**
 * Walks the whole chain in order and recomputes every hash. Reports the first broken link: an edited row (its hash
 * no longer matches), a deleted row (a gap in `seq` or a `prevHash` that points nowhere), or a reordered one.
 */
export async function verifyAudit(db: DbOrTx, batch = 5000): Promise<AuditVerdict> {
  let prevHash = GENESIS_HASH;
  let expectSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, expectSeq - 1)).orderBy(asc(auditLog.seq)).limit(batch);
    if (page.length === 0) return { ok: true, rows: count };
    for (const r of page) {
      if (r.seq !== expectSeq) return { ok: false, rows: count, brokenAt: expectSeq, reason: `row ${expectSeq} is missing` };
      if (r.prevHash !== prevHash) return { ok: false, rows: count, brokenAt: r.seq, reason: 'previous-hash link does not match' };
      const { hash, ...rest } = r;
      if (hashRow(rest) !== hash) return { ok: false, rows: count, brokenAt: r.seq, reason: 'row content does not match its hash' };
      prevHash = hash;
      expectSeq++;
      count++;
    }
  }
}
