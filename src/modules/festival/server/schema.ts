import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../../../core/auth/schema.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { Axis, Plan, RequiredDocument } from '../contract.js';
import type { EntryState, OptionalPart, OwnerKind, RoundState } from '../enums.js';
import type { AxisAgreement } from '../api-types.js';

/**
 * A festival round (one a year): its axes with categories and judging rubric, the submission window, what an entry
 * must contain, and — once announced — the agreement figures per axis. Settings change freely while a draft; once open
 * the deadline may move and the rubric may change until judging starts (see rounds.ts).
 */
export const festRounds = pgTable('fest_rounds', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  title: text('title').notNull(),
  state: text('state').$type<RoundState>().notNull().default('draft'),
  axes: jsonb('axes').$type<Axis[]>().notNull(),
  /** first and last day of submissions (Tehran calendar days, shown as Jalali) */
  opensOn: date('opens_on', { mode: 'date' }).notNull(),
  deadline: date('deadline', { mode: 'date' }).notNull(),
  /** the instants they stand for: submissions are accepted in [opensAt, closesAt), closesAt the midnight ending `deadline` */
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  requiredParts: jsonb('required_parts').$type<OptionalPart[]>().notNull().default([]),
  requiredDocuments: jsonb('required_documents').$type<RequiredDocument[]>().notNull().default([]),
  judgesPerEntry: integer('judges_per_entry').notNull().default(3),
  disagreementThreshold: doublePrecision('disagreement_threshold').notNull().default(1.5),
  /** ICC per axis, frozen at the announcement */
  agreement: jsonb('agreement').$type<AxisAgreement[]>(),
  version: integer('version').notNull().default(1),
  createdById: integer('created_by_id').references(() => authUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  judgingStartedAt: timestamp('judging_started_at', { withTimezone: true }),
  announcedAt: timestamp('announced_at', { withTimezone: true }),
});

/**
 * An entry: a plan of a village, sent by its dehyari or by a rural entrepreneur of the village. A draft has no case;
 * submitting opens one on the workflow engine (`festival.entry`) at the village, and `state` mirrors the case's state
 * (every transition goes through this module, which keeps them equal in the same transaction).
 */
export const festEntries = pgTable(
  'fest_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: integer('round_id').notNull().references(() => festRounds.id),
    caseId: uuid('case_id').references(() => wfCases.id),
    trackingCode: text('tracking_code'),
    ownerKind: text('owner_kind').$type<OwnerKind>().notNull(),
    /** the entrepreneur (a citizen); for a dehyari entry, the dehyari user who created it (any dehyari of the village may edit) */
    ownerUserId: integer('owner_user_id').notNull().references(() => authUsers.id),
    villageId: integer('village_id').notNull().references(() => orgDivisions.id),
    villagePath: text('village_path').notNull(),
    /** '/province/county/' of the village: a judge from this county has a conflict of interest */
    countyPath: text('county_path').notNull(),
    provinceId: integer('province_id').notNull().references(() => orgDivisions.id),
    state: text('state').$type<EntryState>().notNull().default('draft'),
    plan: jsonb('plan').$type<Plan>().notNull(),
    /** copies of plan fields that lists filter and sort on */
    axis: text('axis').notNull().default(''),
    category: text('category').notNull().default(''),
    title: text('title').notNull().default(''),
    jobs: integer('jobs'),
    /** fa_normalize'd title, summary, what was done, lessons, partners and the place's names: the showcase searches it */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** results, stored at the announcement */
    rawMean: doublePrecision('raw_mean'),
    meanZ: doublePrecision('mean_z'),
    spread: doublePrecision('spread'),
    flagged: boolean('flagged'),
    rankNational: integer('rank_national'),
    rankProvince: integer('rank_province'),
    award: text('award'),
    selectedAt: timestamp('selected_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('fest_entries_case').on(t.caseId),
    uniqueIndex('fest_entries_tracking').on(t.trackingCode),
    index('fest_entries_round').on(t.roundId, t.state),
    index('fest_entries_owner').on(t.ownerUserId),
    index('fest_entries_village').on(t.villageId),
    index('fest_entries_path').on(sql`${t.villagePath} text_pattern_ops`),
    index('fest_entries_selected').on(t.selectedAt).where(sql`${t.state} = 'selected'`),
    index('fest_entries_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A round's judges, each with his home county (entries from it are an automatic conflict of interest). */
export const festJudges = pgTable(
  'fest_judges',
  {
    roundId: integer('round_id').notNull().references(() => festRounds.id),
    userId: integer('user_id').notNull().references(() => authUsers.id),
    countyId: integer('county_id').references(() => orgDivisions.id),
    countyPath: text('county_path'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);

/** Which judge scores which entry. */
export const festAssignments = pgTable(
  'fest_assignments',
  {
    entryId: uuid('entry_id').notNull().references(() => festEntries.id),
    judgeId: integer('judge_id').notNull().references(() => authUsers.id),
    roundId: integer('round_id').notNull().references(() => festRounds.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId] }), index('fest_assignments_judge').on(t.judgeId, t.roundId)],
);

/** A judge's declared conflict of interest with an entry (he is never assigned it again). */
export const festConflicts = pgTable(
  'fest_conflicts',
  {
    entryId: uuid('entry_id').notNull().references(() => festEntries.id),
    judgeId: integer('judge_id').notNull().references(() => authUsers.id),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId] })],
);

/** A judge's scores for an entry: per rubric criterion a score and a comment, and the weighted total (0..100). */
export const festScores = pgTable(
  'fest_scores',
  {
    entryId: uuid('entry_id').notNull().references(() => festEntries.id),
    judgeId: integer('judge_id').notNull().references(() => authUsers.id),
    criteria: jsonb('criteria').$type<Record<string, { score: number; comment: string }>>().notNull(),
    total: doublePrecision('total').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId] })],
);

/** A village's dehyari marked a selected plan "we want to replicate this". */
export const festReplications = pgTable(
  'fest_replications',
  {
    id: serial('id').primaryKey(),
    entryId: uuid('entry_id').notNull().references(() => festEntries.id),
    villageId: integer('village_id').notNull().references(() => orgDivisions.id),
    villagePath: text('village_path').notNull(),
    userId: integer('user_id').notNull().references(() => authUsers.id),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('fest_replications_once').on(t.entryId, t.villageId), index('fest_replications_path').on(sql`${t.villagePath} text_pattern_ops`)],
);

/** A dehyari's question to the author of a selected plan, and the answer (answered ones are public on the plan page). */
export const festQuestions = pgTable(
  'fest_questions',
  {
    id: serial('id').primaryKey(),
    entryId: uuid('entry_id').notNull().references(() => festEntries.id),
    askerUserId: integer('asker_user_id').notNull().references(() => authUsers.id),
    askerVillageId: integer('asker_village_id').notNull().references(() => orgDivisions.id),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredById: integer('answered_by_id').references(() => authUsers.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('fest_questions_entry').on(t.entryId, t.askedAt), index('fest_questions_asker').on(t.askerUserId)],
);
