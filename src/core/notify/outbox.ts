import { sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { rows, type Db, type DbOrTx } from '../db/client.js';
import { notifyOutbox } from './schema.js';

/** A message to queue. `to` is a mobile number (sms) or an address (email). */
export interface NotifyInput {
  channel: 'sms' | 'email';
  to: string;
  subject?: string | null;
  body: string;
}

/** A queued message handed to a provider. */
export interface OutgoingMessage {
  id: number;
  channel: 'sms' | 'email';
  to: string;
  subject: string | null;
  body: string;
  attempt: number;
}

/** Something that actually sends: an SMS gateway, an SMTP relay. Throw to have the message retried. */
export interface NotificationProvider {
  send(msg: OutgoingMessage): Promise<void>;
}

/**
 * The default provider: writes each message to the log instead of sending it. For development and for
 * installations with no gateway yet. It logs the body (one-time codes included) — that is the point in
 * development, and why production must configure a real provider.
 */
export class LogProvider implements NotificationProvider {
  constructor(private readonly log: Pick<Logger, 'info'> = pino({ name: 'notify' })) {}
  async send(msg: OutgoingMessage): Promise<void> {
    this.log.info({ notification: { id: msg.id, channel: msg.channel, to: msg.to, subject: msg.subject, body: msg.body } }, 'notification (log provider)');
  }
}

/**
 * Queues a message. Pass the transaction of the change that causes it: the message exists exactly when the change
 * commits, and nothing is sent from inside a transaction (a slow gateway must not hold locks). Returns its id.
 */
export async function notify(tx: DbOrTx, msg: NotifyInput): Promise<number> {
  const [row] = await tx
    .insert(notifyOutbox)
    .values({ channel: msg.channel, recipient: msg.to, subject: msg.subject ?? null, body: msg.body })
    .returning({ id: notifyOutbox.id });
  return row!.id;
}

/** Queues many messages in a few statements (e.g. every applicant of a selection run), like {@link notify}. */
export async function notifyMany(tx: DbOrTx, msgs: readonly NotifyInput[]): Promise<void> {
  // One JSON parameter per batch: cheaper to send and plan than thousands of bound values.
  for (let i = 0; i < msgs.length; i += 5_000) {
    const batch = JSON.stringify(msgs.slice(i, i + 5_000).map((m) => ({ channel: m.channel, recipient: m.to, subject: m.subject ?? null, body: m.body })));
    await tx.execute(sql`insert into notify_outbox (channel, recipient, subject, body)
      select channel, recipient, subject, body from jsonb_to_recordset(${batch}::jsonb) as x(channel text, recipient text, subject text, body text)`);
  }
}

/** Tuning of {@link deliverPending}. */
export interface DeliverOptions {
  limit?: number;
  /** Attempts before a message is marked failed. Default 5. */
  maxAttempts?: number;
  /** How long a claimed message is reserved for this sender. Default 120 s. */
  leaseSeconds?: number;
  /** Delay before the next attempt after `attempt` failures. Default 30 s × 2^(attempt−1), at most an hour. */
  backoffMs?: (attempt: number) => number;
}

/** What one delivery round did. */
export interface DeliverStats {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends due messages through `provider`. Claims them in one short statement (`FOR UPDATE SKIP LOCKED`, so several
 * instances never take the same row), sends outside any transaction, then marks each sent, or pending again with
 * a backoff, or failed after `maxAttempts`. A sender that dies mid-way leaves rows whose lease expires and are
 * claimed again: delivery is at least once, which is the right side to err on for SMS.
 */
export async function deliverPending(db: Db, provider: NotificationProvider, opts: DeliverOptions = {}): Promise<DeliverStats> {
  const limit = opts.limit ?? 20;
  const maxAttempts = opts.maxAttempts ?? 5;
  const lease = opts.leaseSeconds ?? 120;
  const backoff = opts.backoffMs ?? ((a: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, a - 1)));
  await db.execute(sql`update notify_outbox set status = 'failed', locked_until = null, last_error = coalesce(last_error, 'lease expired on the last attempt')
    where status = 'sending' and locked_until < now() and attempts >= ${maxAttempts}`);
  const claimed = await rows<{ id: unknown; channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string; attempts: unknown }>(db, sql`
    update notify_outbox set status = 'sending', attempts = attempts + 1, locked_until = now() + ${lease}::int * interval '1 second'
    where id in (
      select id from notify_outbox
      where (status = 'pending' and run_at <= now()) or (status = 'sending' and locked_until < now() and attempts < ${maxAttempts})
      order by id limit ${limit}
      for update skip locked)
    returning id, channel, recipient, subject, body, attempts`);
  const stats: DeliverStats = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  for (const r of claimed.sort((a, b) => Number(a.id) - Number(b.id))) {
    const id = Number(r.id);
    const attempt = Number(r.attempts);
    try {
      await provider.send({ id, channel: r.channel, to: r.recipient, subject: r.subject, body: r.body, attempt });
      await db.execute(sql`update notify_outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null
        where id = ${id} and attempts = ${attempt}`);
      stats.sent++;
    } catch (e) {
      const last = attempt >= maxAttempts;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      await db.execute(sql`update notify_outbox set status = ${last ? 'failed' : 'pending'}, locked_until = null, last_error = ${message},
          run_at = now() + ${Math.round(backoff(attempt))}::int * interval '1 millisecond'
        where id = ${id} and attempts = ${attempt}`);
      stats[last ? 'failed' : 'retried']++;
    }
  }
  return stats;
}
