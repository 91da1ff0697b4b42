import { and, asc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { rows, type DbOrTx } from '../db/client.js';
import { normalizeFa } from '../fa/index.js';
import { canonicalCode } from './import-files.js';
import { formatDivisionChain } from './labels.js';
import { orgDivisions, type DivisionLevel } from './schema.js';
import { pathIds } from './path.js';
import { likeEscape } from '../db/like.js';

/** A node of the divisions tree as every module sees it. */
export interface Division {
  id: number;
  level: DivisionLevel;
  parentId: number | null;
  name: string;
  code: string;
  path: string;
  depth: number;
  lat: number | null;
  lon: number | null;
}

/** A search result: the node, where it is («شهرستان ساری، استان مازندران»), and how well its name matched (0–1). */
export interface DivisionHit extends Division {
  context: string;
  score: number;
}

export interface DivisionSearch {
  /** Any part of the name, in any keyboard (ي/ك, digits and half-spaces are normalized). */
  q: string;
  level?: DivisionLevel;
  /** Only nodes inside this scope (a materialized path like '/27/' or several of them); the node itself counts. */
  withinPath?: string | readonly string[];
  /** At most this many hits (1–100, default 20). */
  limit?: number;
}

const columns = {
  id: orgDivisions.id,
  level: orgDivisions.level,
  parentId: orgDivisions.parentId,
  name: orgDivisions.name,
  code: orgDivisions.code,
  path: orgDivisions.path,
  depth: orgDivisions.depth,
  lat: orgDivisions.lat,
  lon: orgDivisions.lon,
};

const PATH_RE = /^\/(\d+\/)*$/;
const collator = new Intl.Collator('fa');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

export { pathIds } from './path.js';

/** The names of the given nodes (by id), in one query: for showing paths as «village، district، …». */
export async function divisionNames(db: DbOrTx, ids: Iterable<number>): Promise<Map<number, string>> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (!unique.length) return new Map();
  const found = await db.select({ id: orgDivisions.id, name: orgDivisions.name }).from(orgDivisions).where(inArray(orgDivisions.id, unique));
  return new Map(found.map((r) => [r.id, r.name]));
}

/**
 * Each path as a place label (`formatDivisionChain`: «روستای …، بخش …، شهرستان …، استان …»), in one query for all
 * paths. Rural districts are left out unless the node is one (people name a village by its district).
 */
export async function placeLabels(db: DbOrTx, paths: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(paths)];
  const ids = [...new Set(list.flatMap(pathIds))];
  const nodes = new Map<number, { level: DivisionLevel; name: string }>();
  if (ids.length) for (const r of await db.select({ id: orgDivisions.id, level: orgDivisions.level, name: orgDivisions.name }).from(orgDivisions).where(inArray(orgDivisions.id, ids))) nodes.set(r.id, r);
  return new Map(
    list.map((p) => {
      const chain = pathIds(p).flatMap((id) => nodes.get(id) ?? []);
      return [p, formatDivisionChain(chain.filter((d, i) => i === chain.length - 1 || d.level !== 'rural_district'))];
    }),
  );
}

/** One node by id, or null. */
export async function getDivision(db: DbOrTx, id: number): Promise<Division | null> {
  const [d] = await db.select(columns).from(orgDivisions).where(eq(orgDivisions.id, id));
  return d ?? null;
}

/** One node by its Statistical Centre code within a level (leading zeros do not matter), or null. */
export async function divisionByCode(db: DbOrTx, level: DivisionLevel, code: string): Promise<Division | null> {
  const c = canonicalCode(code);
  if (c === null) return null;
  const [d] = await db.select(columns).from(orgDivisions).where(and(eq(orgDivisions.level, level), eq(orgDivisions.code, c)));
  return d ?? null;
}

/**
 * The node and its ancestors, province first: [استان, شهرستان, بخش, node]. Empty when the id does not exist.
 * Render it with `formatDivisionChain` («بخش مرکزی، شهرستان ساری، استان مازندران»).
 */
export async function divisionChain(db: DbOrTx, id: number): Promise<Division[]> {
  return db.select(columns).from(orgDivisions).where(sql`${orgDivisions.id} in (${idsOnPathOf(id)})`).orderBy(asc(orgDivisions.depth));
}

/**
 * SQL: the ids of a division and its ancestors (its path '/3/32/35/' names them), for `id in (…)`; one round trip
 * with the query around it. `id` is a number or a column (e.g. a record's division_id).
 */
export function idsOnPathOf(id: number | SQL | AnyColumn): SQL {
  return sql`select unnest(string_to_array(trim(both '/' from n.path), '/'))::int from org_divisions n where n.id = ${id}`;
}

/**
 * The children of a node (provinces when `parentId` is null), sorted by Persian alphabetical order; a district's
 * children are its cities and rural districts, `level` keeps one kind.
 */
export async function listChildren(db: DbOrTx, parentId: number | null, opts: { level?: DivisionLevel } = {}): Promise<Division[]> {
  const conds: SQL[] = [parentId === null ? isNull(orgDivisions.parentId) : eq(orgDivisions.parentId, parentId)];
  if (opts.level) conds.push(eq(orgDivisions.level, opts.level));
  const list = await db.select(columns).from(orgDivisions).where(and(...conds));
  return list.sort(byName);
}

/**
 * Finds nodes by name, typo-tolerant and keyboard-agnostic: 'كرمان' (Arabic kaf) finds کرمان, 'کرما' finds
 * کرمان and کرمانشاه. Matches are trigram-similar names (`%`) or names containing the text, on `fa_normalize(name)`
 * (the expression the GIN index is built on). Exact names first, then names starting with the text, then by
 * similarity, the higher levels first. Pass the actor's scope as `withinPath` to search only inside it.
 */
export async function searchDivisions(db: DbOrTx, params: DivisionSearch): Promise<DivisionHit[]> {
  const q = normalizeFa(params.q);
  if (q === '') return [];
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? 20), 1), 100);
  const like = likeEscape(q);
  const norm = sql`fa_normalize(${orgDivisions.name})`;
  const conds: SQL[] = [sql`(${norm} % ${q} or ${norm} like ${`%${like}%`})`];
  if (params.level) conds.push(eq(orgDivisions.level, params.level));
  if (params.withinPath !== undefined) {
    const paths = typeof params.withinPath === 'string' ? [params.withinPath] : [...params.withinPath];
    for (const p of paths) if (!PATH_RE.test(p)) throw new Error(`searchDivisions: not a division path: ${p}`);
    if (paths.length === 0) return [];
    // Paths are digits and slashes only (checked above), so LIKE needs no escaping.
    conds.push(sql`(${sql.join(paths.map((p) => sql`${orgDivisions.path} like ${p + '%'}`), sql` or `)})`);
  }
  const hits = await db
    .select({ ...columns, score: sql<number>`similarity(${norm}, ${q})`.mapWith(Number) })
    .from(orgDivisions)
    .where(and(...conds))
    .orderBy(
      sql`(${norm} = ${q}) desc`,
      sql`(${norm} like ${`${like}%`}) desc`,
      sql`similarity(${norm}, ${q}) desc`,
      asc(orgDivisions.depth),
      asc(orgDivisions.name),
    )
    .limit(limit);
  if (hits.length === 0) return [];

  // One query for the names of every ancestor of every hit, to say where each hit is.
  const ancestorIds = [...new Set(hits.flatMap((h) => pathIds(h.path).slice(0, -1)))];
  const ancestors = ancestorIds.length
    ? new Map((await db.select(columns).from(orgDivisions).where(inArray(orgDivisions.id, ancestorIds))).map((a) => [a.id, a]))
    : new Map<number, Division>();
  return hits.map((h) => {
    const chain = pathIds(h.path).slice(0, -1).map((id) => ancestors.get(id)).filter((a): a is Division => a !== undefined);
    return { ...h, context: formatDivisionChain(chain) };
  });
}

/** Counts of nodes per level inside a scope (the whole country by default); for dashboards and checks. */
export async function countDivisions(db: DbOrTx, withinPath = '/'): Promise<Partial<Record<DivisionLevel, number>>> {
  if (!PATH_RE.test(withinPath)) throw new Error(`countDivisions: not a division path: ${withinPath}`);
  const list = await rows<{ level: DivisionLevel; n: number }>(
    db,
    sql`select level, count(*)::int as n from org_divisions where path like ${withinPath + '%'} group by level`,
  );
  return Object.fromEntries(list.map((r) => [r.level, r.n]));
}
