import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rate-limit and miss counters shared by every server instance on the database (so N instances do not give a
 * client N times the limit). One row per key and window; `reset_at` ends the window. Unlogged on PostgreSQL:
 * counters need not survive a crash, and skipping the WAL keeps the per-request upsert cheap.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_reset').on(t.resetAt)],
);
