import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, jsonb, pgTable, primaryKey, real, serial, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../../../core/auth/schema.js';
import { orgDehyaris, orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type {
  CallState,
  ClaimablePriorityGroup,
  ConscriptionStatus,
  EducationLevel,
  EligibilityRules,
  MaritalStatus,
  ScoringCriterion,
} from '../contract.js';
import type { AllocationInput, AllocationOutput } from './allocate.js';
import type { EligibilityResult } from './eligibility.js';
import type { ScorePart } from './scoring.js';

/** A call (فراخوان) with its published rules and criteria. `lotterySeed` is fixed before the call closes. */
export const amriyehCalls = pgTable(
  'amriyeh_calls',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The day ages are computed on. */
    referenceDate: timestamp('reference_date', { withTimezone: true }).notNull(),
    nationalQuota: integer('national_quota').notNull(),
    rules: jsonb('rules').$type<EligibilityRules>().notNull(),
    criteria: jsonb('criteria').$type<ScoringCriterion[]>().notNull(),
    /** RFC 3797 canonical key of the tie-breaking lottery, and when it was published. */
    lotterySeed: text('lottery_seed'),
    seedPublishedAt: timestamp('seed_published_at', { withTimezone: true }),
    state: text('state').$type<CallState>().notNull().default('draft'),
    createdById: integer('created_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('amriyeh_calls_state').on(t.state, t.endsAt),
    check('amriyeh_calls_period', sql`${t.startsAt} <= ${t.endsAt}`),
    check('amriyeh_calls_quota', sql`${t.nationalQuota} >= 0`),
  ],
);

/** A province's quota in a call. */
export const amriyehCallQuotas = pgTable(
  'amriyeh_call_quotas',
  {
    callId: integer('call_id').notNull().references(() => amriyehCalls.id, { onDelete: 'cascade' }),
    provinceId: integer('province_id').notNull().references(() => orgDivisions.id),
    quota: integer('quota').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.provinceId] }), check('amriyeh_call_quotas_quota', sql`${t.quota} >= 0`)],
);

/**
 * A dehyari's fire station in a call: seats requested by the dehyari, confirmed by the district governorate,
 * capped by the province (the allocation uses `seatsCapped`). `divisionPath` is the village's, for scope filters.
 */
export const amriyehStations = pgTable(
  'amriyeh_stations',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id').notNull().references(() => amriyehCalls.id),
    dehyariId: integer('dehyari_id').notNull().references(() => orgDehyaris.id),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    provinceId: integer('province_id').notNull().references(() => orgDivisions.id),
    name: text('name').notNull(),
    seatsRequested: smallint('seats_requested').notNull(),
    seatsConfirmed: smallint('seats_confirmed'),
    seatsCapped: smallint('seats_capped'),
    requestedById: integer('requested_by_id').references(() => authUsers.id),
    confirmedById: integer('confirmed_by_id').references(() => authUsers.id),
    cappedById: integer('capped_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('amriyeh_stations_call_dehyari').on(t.callId, t.dehyariId),
    index('amriyeh_stations_path').on(sql`${t.divisionPath} text_pattern_ops`),
    index('amriyeh_stations_province').on(t.callId, t.provinceId),
    check('amriyeh_stations_seats', sql`${t.seatsRequested} >= 0 and coalesce(${t.seatsConfirmed}, 0) >= 0 and coalesce(${t.seatsCapped}, 0) >= 0`),
  ],
);

/**
 * An application. Its review lives in the workflow engine (`caseId`, whose division is the first-ranked station's
 * village, so district reviewers see it in scope); this row holds what was filed and what was computed from it.
 * One application per national code per call.
 */
export const amriyehApplications = pgTable(
  'amriyeh_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: integer('call_id').notNull().references(() => amriyehCalls.id),
    caseId: uuid('case_id').notNull().unique().references(() => wfCases.id),
    trackingCode: text('tracking_code').notNull().unique(),
    applicantId: integer('applicant_id').notNull().references(() => authUsers.id),
    nationalCode: text('national_code').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    fatherName: text('father_name').notNull(),
    /** The birth day as a calendar date (Gregorian in the database; shown in Jalali). */
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    educationLevel: text('education_level').$type<EducationLevel>().notNull(),
    fieldOfStudy: text('field_of_study').notNull().default(''),
    gpa: real('gpa'),
    residenceDivisionId: integer('residence_division_id').notNull().references(() => orgDivisions.id),
    birthPlaceDivisionId: integer('birth_place_division_id').notNull().references(() => orgDivisions.id),
    maritalStatus: text('marital_status').$type<MaritalStatus>().notNull(),
    conscriptionStatus: text('conscription_status').$type<ConscriptionStatus>().notNull(),
    /** Claimed groups with their documents; `verified` is set by the district reviewer (null = not yet checked). */
    priorityClaims: jsonb('priority_claims')
      .$type<{ group: ClaimablePriorityGroup; documentIds: string[]; verified: boolean | null }[]>()
      .notNull()
      .default([]),
    /** Station ids in his order of preference (at most 5). */
    preferences: jsonb('preferences').$type<number[]>().notNull(),
    provinceId: integer('province_id').notNull().references(() => orgDivisions.id),
    mobile: text('mobile').notNull(),
    eligibility: jsonb('eligibility').$type<EligibilityResult>().notNull(),
    score: real('score'),
    scoreParts: jsonb('score_parts').$type<ScorePart[]>().notNull().default([]),
    /** Set by the selection run that decided it: its place in the run's order (1 = first) and the station won. */
    runId: bigint('run_id', { mode: 'number' }),
    rank: integer('rank'),
    assignedStationId: integer('assigned_station_id').references(() => amriyehStations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('amriyeh_applications_call_national_code').on(t.callId, t.nationalCode),
    index('amriyeh_applications_applicant').on(t.applicantId),
    index('amriyeh_applications_province').on(t.callId, t.provinceId),
    index('amriyeh_applications_run').on(t.runId, t.rank),
    check('amriyeh_applications_gpa', sql`${t.gpa} is null or (${t.gpa} >= 0 and ${t.gpa} <= 20)`),
  ],
);

/**
 * A selection run: its scope (one province or the whole country), the hash of its canonical input, the seed and
 * the output, stored as published so anyone can recompute it.
 */
export const amriyehAllocationRuns = pgTable(
  'amriyeh_allocation_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callId: integer('call_id').notNull().references(() => amriyehCalls.id),
    scope: text('scope').$type<'province' | 'national'>().notNull(),
    /** The province of a provincial run; null for a national one. */
    provinceId: integer('province_id').references(() => orgDivisions.id),
    /** SHA-256 (hex) of the canonical JSON of `input`. */
    inputHash: text('input_hash').notNull(),
    seed: text('seed').notNull(),
    input: jsonb('input').$type<AllocationInput>().notNull(),
    output: jsonb('output').$type<AllocationOutput>().notNull(),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('amriyeh_allocation_runs_call').on(t.callId, t.createdAt),
    // One run per province per call, and a national run only once: a second attempt fails at the database too.
    uniqueIndex('amriyeh_allocation_runs_province_once').on(t.callId, t.provinceId).where(sql`${t.scope} = 'province'`),
    uniqueIndex('amriyeh_allocation_runs_national_once').on(t.callId).where(sql`${t.scope} = 'national'`),
    check('amriyeh_allocation_runs_scope', sql`(${t.scope} = 'national') = (${t.provinceId} is null)`),
  ],
);

/** An issued amriyeh letter: a unique public number for the verification page; revocation keeps the row. */
export const amriyehLetters = pgTable(
  'amriyeh_letters',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(),
    applicationId: uuid('application_id').notNull().unique().references(() => amriyehApplications.id),
    stationId: integer('station_id').notNull().references(() => amriyehStations.id),
    runId: bigint('run_id', { mode: 'number' }).references(() => amriyehAllocationRuns.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedById: integer('issued_by_id').references(() => authUsers.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedById: integer('revoked_by_id').references(() => authUsers.id),
  },
  (t) => [
    index('amriyeh_letters_station').on(t.stationId),
    check('amriyeh_letters_revocation', sql`(${t.revokedAt} is null) = (${t.revokedReason} is null)`),
  ],
);
