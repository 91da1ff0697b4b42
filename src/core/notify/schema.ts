import { bigserial, index, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Messages waiting to be sent. Written in the same transaction as the change that causes them. A sender claims a
 * row by setting it to `sending` with a lease (`locked_until`), sends outside any transaction, then marks it; a
 * lease that runs out (crashed sender) makes the row claimable again. `run_at` delays a retry (backoff).
 */
export const notifyOutbox = pgTable(
  'notify_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').$type<'sms' | 'email'>().notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').$type<'pending' | 'sending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notify_outbox_pending').on(t.status, t.runAt)],
);
