import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Levels of the country's divisions tree, top to bottom. Written once; everything else refers to it. */
export const DIVISION_LEVELS = ['country', 'province', 'county', 'district', 'city', 'rural_district', 'village'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/**
 * One row per node of the divisions tree (province … village). `path` is the materialized path of ids
 * ("/3/41/270/"), so "inside this scope" is one indexed prefix match for every list in the platform.
 */
export const orgDivisions = pgTable(
  'org_divisions',
  {
    id: serial('id').primaryKey(),
    level: text('level').$type<DivisionLevel>().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgDivisions.id),
    name: text('name').notNull(),
    /** Statistical Centre code (amar_code); unique within a level. */
    code: text('code').notNull(),
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** Latest census population, when known (e.g. for waste generation and grading indicators). */
    population: integer('population'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_divisions_level_code').on(t.level, t.code),
    index('org_divisions_parent').on(t.parentId),
    index('org_divisions_path').on(sql`${t.path} text_pattern_ops`),
    index('org_divisions_name_trgm').using('gin', sql`fa_normalize(${t.name}) gin_trgm_ops`),
  ],
);

/** A municipality (شهرداری): one per city. */
export const orgMunicipalities = pgTable('org_municipalities', {
  id: serial('id').primaryKey(),
  divisionId: integer('division_id').notNull().unique().references(() => orgDivisions.id),
  name: text('name').notNull(),
  grade: smallint('grade'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A village administration (دهیاری): one per village that has one. */
export const orgDehyaris = pgTable('org_dehyaris', {
  id: serial('id').primaryKey(),
  divisionId: integer('division_id').notNull().unique().references(() => orgDivisions.id),
  name: text('name').notNull(),
  grade: smallint('grade'),
  hasFireStation: boolean('has_fire_station').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
