import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { appendAudit } from '../audit/audit.js';
import type { DbOrTx } from '../db/client.js';
import { readDivisionFiles, type ImportError, type LevelCounts } from './import-files.js';
import { writeDivisions } from './write.js';

export type { ImportError, LevelCounts } from './import-files.js';

/** What an import did. Every rejected row is in `errors`; the rest of the files was imported. */
export interface ImportReport {
  /** Valid rows per level in the files (the same on every run of the same files). */
  counts: LevelCounts;
  /** Divisions created, changed (name, parent or coordinates) and left as they were. */
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows left out on purpose: urban districts (shahr_type 1 or 2) of shahr.csv. */
  skipped: number;
  errors: ImportError[];
  /** Cities that got coordinates from the typhoon files, and those that did not. */
  coordinates: { matched: number; unmatched: number };
  /** Municipalities and dehyaris created by this run (existing ones are kept). */
  created: { municipalities: number; dehyaris: number };
  /** True when nothing was written (`dryRun`). */
  dryRun: boolean;
}

export interface ImportOptions {
  /** Who runs the import, for the audit log; `null` (default) records it as the system (CLI). */
  actor?: Actor | null;
  /** Check the files and compute the report inside a transaction that is then rolled back. */
  dryRun?: boolean;
}

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

// Arbitrary constant: two imports at once take turns instead of racing on the same codes.
const IMPORT_LOCK = 7349003;

/**
 * Imports Iran's divisions from a folder of Statistical Centre CSV files (UTF-8, with or without BOM, LF or CRLF,
 * RFC 4180 quoting; columns are found by header name, so their order does not matter):
 *
 * | file | level | columns |
 * |---|---|---|
 * | ostan.csv | province | id, name, amar_code |
 * | shahrestan.csv | county | id, name, ostan, amar_code |
 * | bakhsh.csv | district | id, name, ostan, shahrestan, amar_code |
 * | shahr.csv | city (shahr_type 0; 1 and 2 are urban districts, skipped) | id, name, shahr_type, ostan, shahrestan, bakhsh, amar_code |
 * | dehestan.csv | rural district | id, name, ostan, shahrestan, bakhsh, amar_code |
 * | abadi.csv (optional) | village | id, name, ostan, shahrestan, bakhsh, dehestan, amar_code, lat, lon, has_dehyari[, has_fire_station] |
 * | typhoon-cities.csv + typhoon-city-coordinates.csv (optional) | city coordinates | id, name, province_id, county_id, … / city_id, lat, lon |
 *
 * `ostan`, `shahrestan`, `bakhsh`, `dehestan` are the `id` of the parent row in the parent's file (the parent must
 * be in the same folder); the last one is the parent, the others must agree with it. `amar_code` is the
 * Statistical Centre code, stored without leading zeros; nodes are matched by (level, code), so a second run of
 * the same files inserts and updates nothing. In abadi.csv `lat`/`lon` are WGS84 degrees (both empty = unknown),
 * `has_dehyari` and `has_fire_station` are 0/1 (empty = 0; without the `has_fire_station` column the flag of an
 * existing dehyari is left alone); a village with `has_dehyari` = 1 gets a dehyari «دهیاری <name>». Every city
 * gets a municipality «شهرداری <name>». City coordinates are joined by (normalized name, province id), with the
 * county deciding between two cities of the same name.
 *
 * A bad row (empty name, non-numeric or duplicate code, unknown or rejected parent, parent columns that disagree,
 * coordinates outside Iran) is reported with its file, line and a Persian reason and left out; the rest is
 * imported. Everything is written in one transaction with one summary audit event (`divisions.import`).
 */
export async function importDivisions(db: DbOrTx, dir: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const read = await readDivisionFiles(dir);
  const base = {
    counts: read.counts,
    skipped: read.skipped,
    errors: read.errors,
    coordinates: read.coordinates,
    dryRun: opts.dryRun ?? false,
  };
  if (read.planned.length === 0) {
    return { ...base, inserted: 0, updated: 0, unchanged: 0, created: { municipalities: 0, dehyaris: 0 } };
  }
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const w = await writeDivisions(tx, read.planned);
      const report: ImportReport = {
        ...base,
        inserted: w.inserted,
        updated: w.updated,
        unchanged: w.unchanged,
        created: { municipalities: w.municipalitiesCreated, dehyaris: w.dehyarisCreated },
      };
      if (opts.dryRun) throw new DryRun(report);
      await appendAudit(tx, opts.actor ?? null, {
        action: 'divisions.import',
        entityType: 'org_divisions',
        entityId: 'import',
        divisionPath: '/',
        data: {
          source: basename(dir),
          counts: report.counts,
          inserted: report.inserted,
          updated: report.updated,
          skipped: report.skipped,
          errors: report.errors.length,
          created: report.created,
        },
      });
      return report;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.report;
    throw e;
  }
}
