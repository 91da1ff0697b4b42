import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { DbOrTx, Tx } from '../db/client.js';
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

/** Events recorded in a transaction opened by {@link auditedTransaction}, appended together just before it commits. */
const deferred = new WeakMap<object, { actor: Actor | null; ev: AuditEvent }[]>();

/**
 * Appends one event to the hash chain. Call it inside the transaction of the change it records, so the event
 * exists exactly when the change does. A transaction-scoped advisory lock serializes appenders until commit; in a
 * transaction opened by {@link auditedTransaction} the event is queued and the lock taken only at its very end.
 */
export async function appendAudit(tx: DbOrTx, actor: Actor | null, ev: AuditEvent): Promise<void> {
  const queue = deferred.get(tx);
  if (queue) queue.push({ actor, ev });
  else await appendAuditEvents(tx, [{ actor, ev }]);
}

/**
 * `db.transaction(fn)` whose audit events (every {@link appendAudit} on `tx`, also from the functions `fn` calls)
 * are appended in one batch after `fn` returns, right before the commit: the chain's lock is then held for one
 * lock, one read of the head and one insert, instead of from the first event to the commit. Same guarantee: the
 * events commit or roll back with the change. (Events appended on a nested savepoint's handle go in at once.)
 */
export async function auditedTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const queue: { actor: Actor | null; ev: AuditEvent }[] = [];
    deferred.set(tx, queue);
    try {
      const result = await fn(tx);
      deferred.delete(tx);
      if (queue.length) await appendAuditEvents(tx, queue);
      return result;
    } finally {
      deferred.delete(tx);
    }
  });
}

/** Appends events in order under the chain's lock: one lock, one read of the head, one insert. */
async function appendAuditEvents(tx: DbOrTx, events: readonly { actor: Actor | null; ev: AuditEvent }[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const values = events.map(({ actor, ev }) => {
    const row = {
      seq: ++seq,
      at,
      actorId: actor?.id ?? null,
      actorLabel: actor?.label ?? 'system',
      action: ev.action,
      entityType: ev.entityType,
      entityId: String(ev.entityId),
      divisionPath: ev.divisionPath ?? null,
      data: ev.data ?? {},
      prevHash,
    };
    prevHash = hashRow(row);
    return { ...row, hash: prevHash };
  });
  await tx.insert(auditLog).values(values);
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
