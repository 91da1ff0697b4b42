import { sql } from 'drizzle-orm';
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from '../../../core/auth/schema.js';
import { bytea } from '../../../core/db/types.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { CapacityUnit, PriorityWeights, ScenarioState, SensitivityFlag, SiteKind, SiteStatus } from '../contract.js';
import type { AllocationResult, ImportIssue, ScenarioLabels, ScenarioParams, ScenarioProgress, ScenarioResult } from '../api-types.js';
import type { PlanInput } from './plan.js';

/**
 * A landfill or dump site. `divisionPath` is its division's (village, rural district or district), for scope
 * filters; `caseId` is its verification case (workflow `landfills.site`); `version` guards concurrent edits.
 */
export const landfillSites = pgTable(
  'landfill_sites',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    kind: text('kind').$type<SiteKind>().notNull(),
    status: text('status').$type<SiteStatus>().notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    divisionId: integer('division_id').notNull().references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    operator: text('operator').notNull().default(''),
    startYear: integer('start_year'),
    areaM2: doublePrecision('area_m2'),
    capacity: doublePrecision('capacity'),
    capacityUnit: text('capacity_unit').$type<CapacityUnit>().notNull().default('m3'),
    fillPercent: doublePrecision('fill_percent'),
    dailyIntakeT: doublePrecision('daily_intake_t'),
    designIntakeT: doublePrecision('design_intake_t'),
    servedVillageIds: integer('served_village_ids').array().notNull().default(sql`'{}'`),
    distWaterM: doublePrecision('dist_water_m'),
    distSettlementM: doublePrecision('dist_settlement_m'),
    distRoadM: doublePrecision('dist_road_m'),
    groundwaterDepthM: doublePrecision('groundwater_depth_m'),
    soilNotes: text('soil_notes').notNull().default(''),
    flags: text('flags').array().$type<SensitivityFlag[]>().notNull().default(sql`'{}'`),
    populationExposed: integer('population_exposed'),
    requiredFundingMrial: integer('required_funding_mrial'),
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'`),
    caseId: uuid('case_id').notNull().references(() => wfCases.id),
    version: integer('version').notNull().default(0),
    createdById: integer('created_by_id').references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('landfill_sites_external_id').on(t.externalId),
    uniqueIndex('landfill_sites_case').on(t.caseId),
    index('landfill_sites_path').on(sql`${t.divisionPath} text_pattern_ops`, t.id),
    index('landfill_sites_kind_status').on(t.kind, t.status),
    index('landfill_sites_name_trgm').using('gin', sql`fa_normalize(${t.name}) gin_trgm_ops`),
    check('landfill_sites_fill', sql`${t.fillPercent} is null or (${t.fillPercent} >= 0 and ${t.fillPercent} <= 100)`),
  ],
);

/** Every status a site has had: from what, to what, when, by whom, with the editor's note. */
export const landfillStatusHistory = pgTable(
  'landfill_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteId: integer('site_id').notNull().references(() => landfillSites.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<SiteStatus>(),
    toStatus: text('to_status').$type<SiteStatus>().notNull(),
    note: text('note').notNull().default(''),
    actorId: integer('actor_id').references(() => authUsers.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('landfill_status_history_site').on(t.siteId, t.at)],
);

/**
 * A bulk import: the parsed rows wait here and are applied in chunks by the import runner, which records progress
 * and the per-row report. The file itself is kept (who imported what stays answerable).
 */
export const landfillImports = pgTable(
  'landfill_imports',
  {
    id: serial('id').primaryKey(),
    filename: text('filename').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    content: bytea('content').notNull(),
    rows: jsonb('rows').$type<Record<string, string>[]>().notNull(),
    state: text('state').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
    totalRows: integer('total_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    issues: jsonb('issues').$type<ImportIssue[]>().notNull().default([]),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('landfill_imports_owner').on(t.createdById, t.createdAt)],
);

/** A planning scenario: its parameters, the solver's exact input, progress while it runs, and the plan. */
export const landfillScenarios = pgTable(
  'landfill_scenarios',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** null = the whole country */
    divisionId: integer('division_id').references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    params: jsonb('params').$type<ScenarioParams>().notNull(),
    input: jsonb('input').$type<PlanInput>().notNull(),
    labels: jsonb('labels').$type<ScenarioLabels>().notNull(),
    state: text('state').$type<ScenarioState>().notNull().default('queued'),
    progress: jsonb('progress').$type<ScenarioProgress>(),
    result: jsonb('result').$type<ScenarioResult>(),
    error: text('error'),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('landfill_scenarios_path').on(sql`${t.divisionPath} text_pattern_ops`, t.id), index('landfill_scenarios_state').on(t.state)],
);

/** A fund allocation: the weights (direct or AHP), the budget, and the full ranked and funded result. */
export const landfillAllocations = pgTable(
  'landfill_allocations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** null = the whole country */
    divisionId: integer('division_id').references(() => orgDivisions.id),
    divisionPath: text('division_path').notNull(),
    budget: doublePrecision('budget').notNull(),
    weights: jsonb('weights').$type<PriorityWeights>().notNull(),
    result: jsonb('result').$type<AllocationResult>().notNull(),
    createdById: integer('created_by_id').notNull().references(() => authUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('landfill_allocations_path').on(sql`${t.divisionPath} text_pattern_ops`, t.id)],
);
