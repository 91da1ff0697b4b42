import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../auth/schema.js';
import { orgDivisions } from '../org/schema.js';

/** A case moving through a workflow definition. `version` is the optimistic lock every transition checks. */
export const wfCases = pgTable(
  'wf_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    definition: text('definition').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    subjectRef: text('subject_ref'),
    title: text('title').notNull(),
    assigneeId: integer('assignee_id').references(() => authUsers.id),
    returnedById: integer('returned_by_id').references(() => authUsers.id),
    returnedFromState: text('returned_from_state'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    escalated: smallint('escalated').notNull().default(0),
    /**
     * The paused SLA clock: while the case waits in a `pausesClock` state (e.g. with the applicant for correction),
     * the state it left and the working days that were left there. Re-entering that state resumes with them.
     */
    slaPausedState: text('sla_paused_state'),
    slaRemainingDays: smallint('sla_remaining_days'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdById: integer('created_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wf_cases_def_state').on(t.definition, t.state, t.dueAt),
    index('wf_cases_path').on(sql`${t.divisionPath} text_pattern_ops`),
    // "In my scope, in this state" (review lists filter the case's state and path without its definition): one range scan.
    index('wf_cases_state_path').on(t.state, sql`${t.divisionPath} text_pattern_ops`),
    index('wf_cases_assignee').on(t.assigneeId),
    index('wf_cases_subject').on(t.subjectRef),
  ],
);

/** Every transition ever taken, in order. Never updated. */
export const wfHistory = pgTable(
  'wf_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id').notNull().references(() => wfCases.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: integer('actor_id').references(() => authUsers.id),
    system: boolean('system').notNull().default(false),
    /** Who holds the case after this step (null = nobody in particular): the timeline shows assignments. */
    assigneeId: integer('assignee_id').references(() => authUsers.id),
    comment: text('comment'),
    documentIds: jsonb('document_ids').$type<string[]>().notNull().default([]),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wf_history_case_seq').on(t.caseId, t.seq)],
);

/** Official holidays that SLA clocks skip (Fridays are skipped by rule). */
export const wfHolidays = pgTable('wf_holidays', {
  day: date('day').primaryKey(),
  title: text('title').notNull(),
});
