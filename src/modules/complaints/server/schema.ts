import { sql } from 'drizzle-orm';
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { authUsers } from '../../../core/auth/schema.js';
import { docFiles } from '../../../core/documents/schema.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { CategoryQuestion, ComplaintKind, ResponsibleOffice } from '../contract.js';

/** Two-level category tree. `code` is the Open311 `service_code`. Leaves carry the office, SLA and questions. */
export const complaintsCategories = pgTable('complaints_categories', {
  id: serial('id').primaryKey(),
  parentId: integer('parent_id').references((): AnyPgColumn => complaintsCategories.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  office: text('office').$type<ResponsibleOffice>().notNull().default('municipality'),
  slaDays: smallint('sla_days').notNull().default(15),
  questions: jsonb('questions').$type<CategoryQuestion[]>().notNull().default([]),
  keywords: text('keywords').notNull().default(''),
  active: boolean('active').notNull().default(true),
  sort: smallint('sort').notNull().default(0),
});

/** A complaint or request. Its review lives in the workflow engine (`caseId`); this row holds what was filed. */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().unique().references(() => wfCases.id),
    trackingCode: text('tracking_code').notNull().unique(),
    kind: text('kind').$type<ComplaintKind>().notNull(),
    categoryId: integer('category_id').notNull().references(() => complaintsCategories.id),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    address: text('address'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    answers: jsonb('answers').$type<Record<string, string | number | boolean>>().notNull().default({}),
    mobile: text('mobile'),
    citizenName: text('citizen_name'),
    anonymous: boolean('anonymous').notNull().default(false),
    citizenId: integer('citizen_id').references(() => authUsers.id),
    source: text('source').$type<'web' | 'open311'>().notNull().default('web'),
    /** Open311 client that filed it (api key id), for `tokens/{token}`. */
    apiClient: text('api_client'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    reopenedCount: smallint('reopened_count').notNull().default(0),
    duplicateOf: uuid('duplicate_of').references((): AnyPgColumn => complaints.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The first answer (answeredAt is the latest; a reopened case is answered again). For the dashboard. */
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    /** Whether the first answer came by the SLA deadline in force at that moment (null: unanswered, or no deadline). */
    answeredOnTime: boolean('answered_on_time'),
    /** Working days (Iranian calendar) from filing to the first answer. */
    answerWorkingDays: smallint('answer_working_days'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('complaints_path').on(sql`${t.divisionPath} text_pattern_ops`),
    index('complaints_category').on(t.categoryId, t.createdAt),
    index('complaints_created').on(t.createdAt),
    index('complaints_citizen').on(t.citizenId),
    // The citizen's own complaints are found by account or by the mobile they filed with (Open311 filings).
    index('complaints_mobile').on(t.mobile),
    index('complaints_text_trgm').using('gin', sql`fa_normalize(${t.subject} || ' ' || ${t.body}) gin_trgm_ops`),
  ],
);

/** Files attached to a complaint, by the citizen or by staff (public = shown to the citizen). */
export const complaintsAttachments = pgTable(
  'complaints_attachments',
  {
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull().references(() => docFiles.id),
    addedBy: integer('added_by').references(() => authUsers.id),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By document: "is this upload already attached somewhere?" when a citizen attaches files.
  (t) => [primaryKey({ columns: [t.complaintId, t.documentId] }), index('complaints_attachments_document').on(t.documentId)],
);

/** Replies to the citizen (public), internal notes (staff only), and information the citizen added. */
export const complaintsMessages = pgTable(
  'complaints_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'reply' | 'note' | 'citizen' | 'info_request'>().notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => authUsers.id),
    documentIds: jsonb('document_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaints_messages_complaint').on(t.complaintId, t.id)],
);

/** Response templates per category (null category = for all). */
export const complaintsTemplates = pgTable('complaints_templates', {
  id: serial('id').primaryKey(),
  categoryId: integer('category_id').references(() => complaintsCategories.id),
  title: text('title').notNull(),
  body: text('body').notNull(),
  active: boolean('active').notNull().default(true),
});

/** Open311 API keys (only the SHA-256 is stored). */
export const complaintsApiKeys = pgTable('complaints_api_keys', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
