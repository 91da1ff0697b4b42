import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../../../core/auth/schema.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { IndicatorValue, RuleDefinition, Subject } from '../contract.js';
import type { Evaluation, IndicatorReview } from '../api-types.js';

/**
 * A version of a subject's grading rules. Versions are never edited: a change is a new version with its effective
 * date and approver; every decision records the version it used.
 */
export const gradingRuleSets = pgTable(
  'grading_rule_sets',
  {
    id: serial('id').primaryKey(),
    subject: text('subject').$type<Subject>().notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    effectiveFrom: date('effective_from', { mode: 'date' }).notNull(),
    approvedBy: text('approved_by').notNull(),
    isExample: integer('is_example').notNull().default(0),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
    createdById: integer('created_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('grading_rule_sets_version').on(t.subject, t.version), index('grading_rule_sets_effective').on(t.subject, t.effectiveFrom)],
);

/** A yearly indicator sheet of a municipality (its city) or a dehyari (its village), with documents per indicator. */
export const gradingSheets = pgTable(
  'grading_sheets',
  {
    id: serial('id').primaryKey(),
    subject: text('subject').$type<Subject>().notNull(),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    year: smallint('year').notNull(),
    values: jsonb('values').$type<Record<string, IndicatorValue>>().notNull(),
    documents: jsonb('documents').$type<Record<string, string[]>>().notNull().default({}),
    updatedById: integer('updated_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('grading_sheets_entity_year').on(t.subject, t.divisionId, t.year)],
);

/**
 * An upgrade request: the sheet's values as submitted (a snapshot), the rule version, the expert's verdicts, and the
 * decision. One open request per entity (partial unique index in the migration).
 */
export const gradingRequests = pgTable(
  'grading_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => wfCases.id),
    trackingCode: text('tracking_code').notNull(),
    subject: text('subject').$type<Subject>().notNull(),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    sheetId: integer('sheet_id').notNull().references(() => gradingSheets.id),
    year: smallint('year').notNull(),
    ruleSetId: integer('rule_set_id').notNull().references(() => gradingRuleSets.id),
    values: jsonb('values').$type<Record<string, IndicatorValue>>().notNull(),
    documents: jsonb('documents').$type<Record<string, string[]>>().notNull().default({}),
    evaluation: jsonb('evaluation').$type<Evaluation>().notNull(),
    fromGrade: smallint('from_grade'),
    supportedGrade: smallint('supported_grade').notNull(),
    justification: text('justification').notNull(),
    verdicts: jsonb('verdicts').$type<Record<string, Omit<IndicatorReview, 'reviewer'> & { reviewerId: number | null }>>().notNull().default({}),
    reviewedEvaluation: jsonb('reviewed_evaluation').$type<Evaluation>(),
    finalGrade: smallint('final_grade'),
    effectiveDate: date('effective_date', { mode: 'date' }),
    orderNumber: text('order_number'),
    decisionReasons: text('decision_reasons'),
    /** null while open; set when the request ends (issued, rejected, withdrawn) — frees the entity for a new one */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grading_requests_case').on(t.caseId),
    uniqueIndex('grading_requests_tracking').on(t.trackingCode),
    uniqueIndex('grading_requests_open').on(t.subject, t.divisionId).where(sql`${t.closedAt} is null`),
    index('grading_requests_path').on(sql`${t.divisionPath} text_pattern_ops`, t.createdAt),
  ],
);

/** The grade history of every municipality and dehyari: a new row per decision (or initial/imported grade). */
export const gradingHistory = pgTable(
  'grading_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subject: text('subject').$type<Subject>().notNull(),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    grade: smallint('grade').notNull(),
    ruleSetId: integer('rule_set_id').references(() => gradingRuleSets.id),
    orderNumber: text('order_number'),
    effectiveDate: date('effective_date', { mode: 'date' }).notNull(),
    requestId: uuid('request_id').references(() => gradingRequests.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('grading_history_entity').on(t.subject, t.divisionId, t.effectiveDate), index('grading_history_path').on(sql`${t.divisionPath} text_pattern_ops`)],
);
