import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgSequence, pgTable, serial, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../../../core/auth/schema.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { CriteriaDefinition, FieldReview, Profile } from '../contract.js';
import type { ApplicationKind, CourseMode, CourseState, EvaluationItem, RatingItem } from '../enums.js';
import type { FieldScore } from '../api-types.js';

/** Running numbers of training IDs: a sequence, so a number is never issued twice (not even after a rollback). */
export const instTrainingSeq = pgSequence('inst_training_seq', { startWith: 1, maxValue: 99_999, cycle: false });

/** The organization's training taxonomy: fields of expertise (admin edits; a field in use is deactivated, never deleted). */
export const instFields = pgTable('inst_fields', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  title: text('title').notNull(),
  relatedStudies: jsonb('related_studies').$type<string[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A version of the qualification criteria. Never edited: a change is a new version; every application records its version. */
export const instCriteriaSets = pgTable(
  'inst_criteria_sets',
  {
    id: serial('id').primaryKey(),
    version: integer('version').notNull().unique(),
    title: text('title').notNull(),
    effectiveFrom: date('effective_from', { mode: 'date' }).notNull(),
    approvedBy: text('approved_by').notNull(),
    isExample: boolean('is_example').notNull().default(false),
    definition: jsonb('definition').$type<CriteriaDefinition>().notNull(),
    createdById: integer('created_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inst_criteria_sets_effective').on(t.effectiveFrom)],
);

/**
 * An instructor: his profile as he last saved it (`data`), and — once qualified — what the committee approved
 * (`qualified*`, the training ID). Search reads the qualified columns only, so edits after qualification change
 * nothing until they are reviewed again.
 */
export const instProfiles = pgTable(
  'inst_profiles',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().unique().references(() => authUsers.id),
    nationalCode: text('national_code').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    mobile: text('mobile').notNull(),
    provinceId: integer('province_id').notNull().references(() => orgDivisions.id),
    provincePath: text('province_path').notNull(),
    /** the whole profile as saved (identity included; birthDate as an ISO string) */
    data: jsonb('data').$type<Omit<Profile, 'birthDate' | 'version'> & { birthDate: string }>().notNull(),
    version: integer('version').notNull().default(1),
    /** bumped on every save; a qualified profile whose dataVersion > approvedDataVersion has changes awaiting review */
    approvedDataVersion: integer('approved_data_version'),
    trainingId: text('training_id').unique(),
    qualifiedFields: jsonb('qualified_fields').$type<string[]>().notNull().default([]),
    /** the approved score per qualified field, re-evaluated with the current rating (search sorts on it) */
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    bestScore: doublePrecision('best_score'),
    qualifiedAt: timestamp('qualified_at', { withTimezone: true }),
    qualifiedUntil: date('qualified_until', { mode: 'date' }),
    /** the application whose decision is in force (its snapshot and review are what was approved) */
    decisionApplicationId: uuid('decision_application_id'),
    /** trainees' ratings and organizers' evaluations (as ratings ×weight): sum and count of `overall` */
    ratingSum: doublePrecision('rating_sum').notNull().default(0),
    ratingCount: doublePrecision('rating_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inst_profiles_province').on(sql`${t.provincePath} text_pattern_ops`),
    index('inst_profiles_fields').using('gin', t.qualifiedFields),
    index('inst_profiles_name_trgm').using('gin', sql`fa_normalize(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
  ],
);

/**
 * A qualification application: the profile as submitted (snapshot), the criteria version, the automatic pre-score per
 * field, the expert's per-field review and the committee's decision. One open application per instructor.
 */
export const instApplications = pgTable(
  'inst_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => wfCases.id),
    trackingCode: text('tracking_code').notNull(),
    profileId: integer('profile_id').notNull().references(() => instProfiles.id),
    kind: text('kind').$type<ApplicationKind>().notNull(),
    provincePath: text('province_path').notNull(),
    criteriaSetId: integer('criteria_set_id').notNull().references(() => instCriteriaSets.id),
    /** the profile version submitted, and its data */
    profileVersion: integer('profile_version').notNull(),
    snapshot: jsonb('snapshot').$type<Omit<Profile, 'birthDate' | 'version'> & { birthDate: string }>().notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    preScores: jsonb('pre_scores').$type<FieldScore[]>().notNull(),
    review: jsonb('review').$type<Record<string, FieldReview>>().notNull().default({}),
    verifiedItems: jsonb('verified_items').$type<string[]>().notNull().default([]),
    reviewedScores: jsonb('reviewed_scores').$type<FieldScore[]>(),
    reviewedById: integer('reviewed_by_id').references(() => authUsers.id),
    qualifiedFields: jsonb('qualified_fields').$type<string[]>(),
    validUntil: date('valid_until', { mode: 'date' }),
    decisionReasons: text('decision_reasons'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** null while open; set when it ends (qualified, not qualified, withdrawn) */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inst_applications_case').on(t.caseId),
    uniqueIndex('inst_applications_tracking').on(t.trackingCode),
    uniqueIndex('inst_applications_open').on(t.profileId).where(sql`${t.closedAt} is null`),
    index('inst_applications_profile').on(t.profileId, t.createdAt),
    index('inst_applications_path').on(sql`${t.provincePath} text_pattern_ops`, t.createdAt),
  ],
);

/** A course of a training unit (national or province), with its instructors assigned. */
export const instCourses = pgTable(
  'inst_courses',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    field: text('field').notNull(),
    provinceId: integer('province_id').references(() => orgDivisions.id),
    /** the scope it belongs to: the province's path, or '/' for a national course */
    divisionPath: text('division_path').notNull(),
    mode: text('mode').$type<CourseMode>().notNull(),
    place: text('place').notNull().default(''),
    startsOn: date('starts_on', { mode: 'date' }).notNull(),
    endsOn: date('ends_on', { mode: 'date' }).notNull(),
    hours: smallint('hours').notNull(),
    trainees: smallint('trainees').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').$type<CourseState>().notNull().default('planned'),
    /** why it was cancelled (shown on its page) */
    cancelReason: text('cancel_reason'),
    /** the secret of the trainees' rating link (/rate/<token>), made when the course is marked held */
    ratingToken: text('rating_token').unique(),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inst_courses_path').on(sql`${t.divisionPath} text_pattern_ops`, t.startsOn), index('inst_courses_field').on(t.field)],
);

/** An instructor assigned to a course, and the organizer's evaluation of him after it. */
export const instAssignments = pgTable(
  'inst_assignments',
  {
    id: serial('id').primaryKey(),
    courseId: integer('course_id').notNull().references(() => instCourses.id),
    profileId: integer('profile_id').notNull().references(() => instProfiles.id),
    hours: smallint('hours').notNull(),
    evaluation: jsonb('evaluation').$type<{ scores: Record<EvaluationItem, number>; comment: string; byId: number; at: string }>(),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('inst_assignments_once').on(t.courseId, t.profileId), index('inst_assignments_profile').on(t.profileId)],
);

/** The trainee codes of a held course: handed out on paper, each rates each instructor of the course once. */
export const instTraineeCodes = pgTable(
  'inst_trainee_codes',
  {
    id: serial('id').primaryKey(),
    courseId: integer('course_id').notNull().references(() => instCourses.id),
    code: text('code').notNull(),
  },
  (t) => [unique('inst_trainee_codes_course_code').on(t.courseId, t.code)],
);

/** A trainee's rating of an instructor. One per trainee code and assignment (the unique key holds under a race). */
export const instRatings = pgTable(
  'inst_ratings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assignmentId: integer('assignment_id').notNull().references(() => instAssignments.id),
    traineeCodeId: integer('trainee_code_id').notNull().references(() => instTraineeCodes.id),
    scores: jsonb('scores').$type<Partial<Record<RatingItem, number>>>().notNull(),
    overall: smallint('overall').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('inst_ratings_once').on(t.assignmentId, t.traineeCodeId), index('inst_ratings_created').on(t.createdAt)],
);

/** Renewal reminders already sent, so a reminder goes once per qualification and threshold. */
export const instReminders = pgTable(
  'inst_reminders',
  {
    id: serial('id').primaryKey(),
    profileId: integer('profile_id').notNull().references(() => instProfiles.id),
    until: date('until', { mode: 'date' }).notNull(),
    daysBefore: smallint('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('inst_reminders_once').on(t.profileId, t.until, t.daysBefore)],
);
