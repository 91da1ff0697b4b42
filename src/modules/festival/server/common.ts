// What every part of the festival's server shares: loading a round and its phase, a village's place labels, which
// staff see which entries, and the Persian titles of axes and categories. One copy, used by rounds, entries,
// screening, judging and the showcase.
import { eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { clockNow } from '../../../core/clock.js';
import { scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { notFound } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { pathIds } from '../../../core/org/path.js';
import type { PlaceRef, RoundPublic } from '../api-types.js';
import type { Axis } from '../contract.js';
import { ROUND_PHASE_TITLES, type RoundPhase } from '../enums.js';
import { festRounds } from './schema.js';

export type RoundRow = typeof festRounds.$inferSelect;

/** Staff who see entries in their scope: the secretariats (national and provincial) and the governorate's reviewers. */
export const ENTRY_VIEW_ROLES: readonly Role[] = ['expert.rural', 'province.reviewer', 'admin'];
/** The scope condition of staff lists over a column holding the entry's village path. */
export const entryScope = (actor: Actor, pathColumn: SQLWrapper): SQL => scopeCondition(actor, 'workflow.act', pathColumn, ENTRY_VIEW_ROLES);

/** A round, or 404 `not_found` (lock: FOR UPDATE, for commands that change it or depend on its state). */
export async function getRound(db: DbOrTx, id: number, lock = false): Promise<RoundRow> {
  const q = db.select().from(festRounds).where(eq(festRounds.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw notFound('دوره جشنواره');
  return r;
}

/** Where a round stands at `now`: an open round is `accepting` before its closing instant and `screening` after. */
export function roundPhase(r: Pick<RoundRow, 'state' | 'opensAt' | 'closesAt'>, now = clockNow()): RoundPhase {
  if (r.state === 'draft') return 'draft';
  if (r.state === 'open') return now.getTime() < r.closesAt.getTime() ? 'accepting' : 'screening';
  return r.state;
}

/** True while owners may create, edit, submit and resubmit: the round is open and the deadline has not passed. */
export function accepting(r: Pick<RoundRow, 'state' | 'opensAt' | 'closesAt'>, now = clockNow()): boolean {
  return r.state === 'open' && now.getTime() >= r.opensAt.getTime() && now.getTime() < r.closesAt.getTime();
}

/** A round as the public, owners and judges see it. `selectedCount` is filled by callers that know it. */
export function roundPublic(r: RoundRow, now = clockNow(), selectedCount: number | null = null): RoundPublic {
  const phase = roundPhase(r, now);
  return {
    id: r.id, year: r.year, title: r.title, phase, phaseTitle: ROUND_PHASE_TITLES[phase], axes: r.axes,
    opensOn: jalaliFromDbDate(r.opensOn), deadline: jalaliFromDbDate(r.deadline), opensAt: r.opensAt.toISOString(), closesAt: r.closesAt.toISOString(),
    serverNow: now.toISOString(), requiredParts: r.requiredParts, requiredDocuments: r.requiredDocuments, judgesPerEntry: r.judgesPerEntry, selectedCount,
  };
}

/** The axis of a round by key (undefined for a key the round does not have). */
export const axisOf = (axes: readonly Axis[], key: string): Axis | undefined => axes.find((a) => a.key === key);
/** Persian title of an axis ('' → '—'). */
export const axisTitle = (axes: readonly Axis[], key: string): string => axisOf(axes, key)?.title ?? '—';
/** Persian title of a category of an axis, or null. */
export const categoryTitle = (axes: readonly Axis[], axis: string, category: string): string | null =>
  axisOf(axes, axis)?.categories.find((c) => c.key === category)?.title ?? null;

/** '/p/c/…' → '/p/c/': the county part of a village's path (a judge from this county has a conflict of interest). */
export function countyPathOf(villagePath: string): string {
  const [p, c] = pathIds(villagePath);
  return `/${p}/${c}/`;
}

/** Place references (village, county, province names) of villages, in one query. Unknown ids are left out. */
export async function placeRefs(db: DbOrTx, villageIds: Iterable<number>): Promise<Map<number, PlaceRef>> {
  const ids = [...new Set(villageIds)];
  if (!ids.length) return new Map();
  const villages = await db.select({ id: orgDivisions.id, name: orgDivisions.name, path: orgDivisions.path }).from(orgDivisions).where(inArray(orgDivisions.id, ids));
  const upIds = [...new Set(villages.flatMap((v) => pathIds(v.path).slice(0, 2)))];
  const up = new Map<number, string>();
  if (upIds.length) for (const d of await db.select({ id: orgDivisions.id, name: orgDivisions.name }).from(orgDivisions).where(inArray(orgDivisions.id, upIds))) up.set(d.id, d.name);
  return new Map(
    villages.map((v) => {
      const [provinceId, countyId] = pathIds(v.path);
      return [v.id, { villageId: v.id, village: v.name, county: up.get(countyId!) ?? '', province: up.get(provinceId!) ?? '', provinceId: provinceId! }];
    }),
  );
}
