import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. `hash` = SHA-256 over the previous hash and this row's canonical content,
 * so editing or deleting any row breaks the chain from that row on (`cli audit-verify`). A trigger also refuses
 * UPDATE and DELETE.
 */
export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  actorId: integer('actor_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  divisionPath: text('division_path'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
