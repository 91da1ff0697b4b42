import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../db/client.js';
import { DIVISION_DEPTH } from './labels.js';
import { orgDehyaris, orgDivisions, orgMunicipalities, type DivisionLevel } from './schema.js';

export type NodeLevel = Exclude<DivisionLevel, 'country'>;
/** Levels in the order they are written: every parent before its children. */
export const WRITE_ORDER: readonly NodeLevel[] = ['province', 'county', 'district', 'city', 'rural_district', 'village'];

/**
 * One node to create or update, identified by (level, code). `key` names it inside one batch so children can
 * point at it (`parentKey`); a province has no parent. `lat`/`lon` undefined or null mean "not given: keep what
 * is stored". `dehyari` (villages only) asks for a dehyari; `hasFireStation` undefined leaves that flag alone.
 */
export interface PlannedDivision {
  key: string;
  level: NodeLevel;
  code: string;
  name: string;
  parentKey: string | null;
  lat?: number | null;
  lon?: number | null;
  dehyari?: { hasFireStation?: boolean } | null;
}

/** What {@link writeDivisions} did. `ids` maps every planned key to its row id and path. */
export interface WriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
  municipalitiesCreated: number;
  dehyarisCreated: number;
  ids: Map<string, { id: number; path: string }>;
}

interface Existing {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  path: string;
  lat: number | null;
  lon: number | null;
}

const BATCH = 1000;

function chunks<T>(xs: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Upserts planned nodes by (level, code), level by level, in batches: new nodes get ids from the sequence first so
 * their materialized path ('/3/41/270/') is written in the same INSERT; changed nodes (name, parent, coordinates)
 * are updated in one statement per batch; unchanged ones are not touched (a second run writes nothing). When a
 * node moves, the paths of its stored descendants that were not in the batch are rewritten too. Also makes sure
 * every city has a municipality («شهرداری …») and every village that asks for one has a dehyari («دهیاری …»).
 * Parents must come before children (`WRITE_ORDER`); run it inside a transaction.
 */
export async function writeDivisions(tx: DbOrTx, planned: readonly PlannedDivision[]): Promise<WriteResult> {
  const ids = new Map<string, { id: number; path: string }>();
  const moved: { from: string; to: string }[] = [];
  const renamedCities: { id: number; from: string; to: string }[] = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;

  for (const level of WRITE_ORDER) {
    const items = planned.filter((p) => p.level === level);
    if (items.length === 0) continue;
    const existing = new Map(
      (await rows<Existing>(tx, sql`select id, code, name, parent_id, path, lat, lon from org_divisions where level = ${level}`))
        .map((r) => [r.code, r]),
    );
    const fresh = items.filter((p) => !existing.has(p.code));
    const newIds = fresh.length
      ? (await rows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('org_divisions', 'id'))::int as id from generate_series(1, ${fresh.length})`)).map((r) => r.id)
      : [];
    const inserts: (typeof orgDivisions.$inferInsert)[] = [];
    const updates: { id: number; name: string; parentId: number | null; path: string; lat: number | null; lon: number | null }[] = [];

    let k = 0;
    for (const p of items) {
      const parent = p.parentKey === null ? null : ids.get(p.parentKey);
      if (p.parentKey !== null && !parent) throw new Error(`writeDivisions: parent ${p.parentKey} of ${p.key} is not in the batch`);
      const old = existing.get(p.code);
      const id = old ? old.id : newIds[k++]!;
      const path = `${parent ? parent.path : '/'}${id}/`;
      ids.set(p.key, { id, path });
      const lat = p.lat ?? old?.lat ?? null;
      const lon = p.lon ?? old?.lon ?? null;
      if (!old) {
        inserts.push({ id, level, parentId: parent?.id ?? null, name: p.name, code: p.code, path, depth: DIVISION_DEPTH[level], lat, lon });
        continue;
      }
      const parentId = parent?.id ?? null;
      if (old.name === p.name && old.parent_id === parentId && old.path === path && old.lat === lat && old.lon === lon) {
        unchanged++;
        continue;
      }
      updates.push({ id, name: p.name, parentId, path, lat, lon });
      if (old.path !== path) moved.push({ from: old.path, to: path });
      if (level === 'city' && old.name !== p.name) renamedCities.push({ id, from: old.name, to: p.name });
    }

    for (const batch of chunks(inserts)) await tx.insert(orgDivisions).values(batch);
    for (const batch of chunks(updates, 500)) {
      const values = sql.join(
        batch.map((u) => sql`(${u.id}::int, ${u.name}::text, ${u.parentId}::int, ${u.path}::text, ${u.lat}::float8, ${u.lon}::float8)`),
        sql`, `,
      );
      await tx.execute(sql`update org_divisions as d
        set name = v.name, parent_id = v.parent_id, path = v.path, lat = v.lat, lon = v.lon, updated_at = now()
        from (values ${values}) as v(id, name, parent_id, path, lat, lon) where d.id = v.id`);
    }
    inserted += inserts.length;
    updated += updates.length;
  }

  await rewriteDescendants(tx, moved);
  const municipalitiesCreated = await ensureMunicipalities(tx, planned, ids, renamedCities);
  const dehyarisCreated = await ensureDehyaris(tx, planned, ids);
  return { inserted, updated, unchanged, municipalitiesCreated, dehyarisCreated, ids };
}

/**
 * Rewrites the paths of stored descendants of moved nodes that the batch did not carry (e.g. villages when only the
 * upper levels were imported). Deepest moves first, so a node that moved inside a moved subtree keeps its own
 * new place; nodes of the batch already have their new path and no longer match any old prefix.
 */
async function rewriteDescendants(tx: DbOrTx, moved: { from: string; to: string }[]): Promise<void> {
  moved.sort((a, b) => b.from.length - a.from.length);
  for (const m of moved) {
    await tx.execute(sql`update org_divisions set path = ${m.to} || substr(path, ${m.from.length + 1}), updated_at = now()
      where path like ${m.from + '%'} and path <> ${m.from}`);
  }
}

async function ensureMunicipalities(
  tx: DbOrTx,
  planned: readonly PlannedDivision[],
  ids: WriteResult['ids'],
  renamed: { id: number; from: string; to: string }[],
): Promise<number> {
  const cities = planned.filter((p) => p.level === 'city');
  let created = 0;
  for (const batch of chunks(cities)) {
    const out = await tx
      .insert(orgMunicipalities)
      .values(batch.map((c) => ({ divisionId: ids.get(c.key)!.id, name: `شهرداری ${c.name}` })))
      .onConflictDoNothing({ target: orgMunicipalities.divisionId })
      .returning({ id: orgMunicipalities.id });
    created += out.length;
  }
  // A renamed city renames its municipality, unless someone gave the municipality a name of its own.
  for (const r of renamed) {
    await tx.execute(sql`update org_municipalities set name = ${`شهرداری ${r.to}`}
      where division_id = ${r.id} and name = ${`شهرداری ${r.from}`}`);
  }
  return created;
}

async function ensureDehyaris(tx: DbOrTx, planned: readonly PlannedDivision[], ids: WriteResult['ids']): Promise<number> {
  const villages = planned.filter((p) => p.level === 'village' && p.dehyari);
  let created = 0;
  for (const batch of chunks(villages)) {
    const out = await tx
      .insert(orgDehyaris)
      .values(batch.map((v) => ({ divisionId: ids.get(v.key)!.id, name: `دهیاری ${v.name}`, hasFireStation: v.dehyari!.hasFireStation ?? false })))
      .onConflictDoNothing({ target: orgDehyaris.divisionId })
      .returning({ id: orgDehyaris.id });
    created += out.length;
  }
  // The fire-station flag follows the source only where the source states it.
  const flagged = villages.filter((v) => v.dehyari!.hasFireStation !== undefined);
  for (const batch of chunks(flagged, 500)) {
    const values = sql.join(batch.map((v) => sql`(${ids.get(v.key)!.id}::int, ${v.dehyari!.hasFireStation!}::boolean)`), sql`, `);
    await tx.execute(sql`update org_dehyaris as h set has_fire_station = v.f
      from (values ${values}) as v(division_id, f) where h.division_id = v.division_id and h.has_fire_station <> v.f`);
  }
  return created;
}
