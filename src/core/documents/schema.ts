import { bytea } from '../db/types.js';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../auth/schema.js';

/** Uploaded files. Content lives in the database by default so one backup holds everything. */
export const docFiles = pgTable(
  'doc_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    purpose: text('purpose').notNull(),
    divisionPath: text('division_path'),
    ownerId: integer('owner_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('doc_files_owner').on(t.ownerId)],
);
