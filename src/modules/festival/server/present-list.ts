// The secretariats' list of submitted entries in their scope: filters (round, state, axis, province, owner kind,
// words over the search text or a tracking code, flagged), paging, counts by state, and the CSV/XLSX export.
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { EntryListItem, PlaceRef } from '../api-types.js';
import { ENTRY_STATE_TITLES, OWNER_KIND_TITLES, type EntryState, type OwnerKind } from '../enums.js';
import { axisTitle, categoryTitle, entryScope, placeRefs } from './common.js';
import type { EntryRow } from './entries.js';
import { festAssignments, festEntries, festRounds, festScores } from './schema.js';
import { entryWorkflow } from './workflow.js';
import { containsPattern } from '../../../core/db/like.js';

export interface EntryFilters {
  roundId?: number | undefined;
  state?: EntryState | undefined;
  axis?: string | undefined;
  provinceId?: number | undefined;
  ownerKind?: OwnerKind | undefined;
  q?: string | undefined;
  flagged?: boolean | undefined;
}

const isFinal = (state: string) => !!entryWorkflow.states[state as keyof typeof entryWorkflow.states]?.final;

/** The WHERE of every staff read: scope, submitted only, the filters (the state one only when `withState`). */
function where(actor: Actor, f: EntryFilters, withState = true): SQL {
  const parts: SQL[] = [entryScope(actor, festEntries.villagePath), ne(festEntries.state, 'draft')];
  if (f.roundId) parts.push(eq(festEntries.roundId, f.roundId));
  if (withState && f.state) parts.push(eq(festEntries.state, f.state));
  if (f.axis) parts.push(eq(festEntries.axis, f.axis));
  if (f.provinceId) parts.push(eq(festEntries.provinceId, f.provinceId));
  if (f.ownerKind) parts.push(eq(festEntries.ownerKind, f.ownerKind));
  if (f.flagged !== undefined) parts.push(f.flagged ? eq(festEntries.flagged, true) : sql`${festEntries.flagged} is not true`);
  const q = f.q?.trim();
  if (q) {
    const code = normalizeTrackingCode(q);
    if (code) parts.push(eq(festEntries.trackingCode, code));
    else for (const token of normalizeFa(q).split(' ').filter(Boolean).slice(0, 8)) parts.push(sql`${festEntries.searchText} like ${containsPattern(token)}`);
  }
  return and(...parts)!;
}

type Found = { entry: EntryRow; dueAt: Date | null; axes: (typeof festRounds.$inferSelect)['axes'] };

function base(db: DbOrTx) {
  return db
    .select({ entry: festEntries, dueAt: wfCases.dueAt, axes: festRounds.axes })
    .from(festEntries)
    .innerJoin(festRounds, eq(festRounds.id, festEntries.roundId))
    .leftJoin(wfCases, eq(wfCases.id, festEntries.caseId));
}

/** Judges seated and scores given per entry. */
async function panelCounts(db: DbOrTx, ids: string[]): Promise<{ judges: Map<string, number>; scored: Map<string, number> }> {
  if (!ids.length) return { judges: new Map(), scored: new Map() };
  const [a, s] = await Promise.all([
    db.select({ id: festAssignments.entryId, n: count() }).from(festAssignments).where(inArray(festAssignments.entryId, ids)).groupBy(festAssignments.entryId),
    db.select({ id: festScores.entryId, n: count() }).from(festScores).where(inArray(festScores.entryId, ids)).groupBy(festScores.entryId),
  ]);
  return { judges: new Map(a.map((r) => [r.id, Number(r.n)])), scored: new Map(s.map((r) => [r.id, Number(r.n)])) };
}

async function listItems(db: DbOrTx, found: Found[], now = Date.now()): Promise<EntryListItem[]> {
  const ids = found.map((f) => f.entry.id);
  const [places, counts] = await Promise.all([placeRefs(db, found.map((f) => f.entry.villageId)), panelCounts(db, ids)]);
  return found.map(({ entry: e, dueAt, axes }) => {
    const open = !isFinal(e.state) && dueAt !== null;
    const place: PlaceRef = places.get(e.villageId) ?? { villageId: e.villageId, village: '', county: '', province: '', provinceId: e.provinceId };
    return {
      id: e.id, roundId: e.roundId, trackingCode: e.trackingCode, title: e.title, axis: e.axis, axisTitle: axisTitle(axes, e.axis), category: e.category,
      ownerKind: e.ownerKind, state: e.state, stateTitle: ENTRY_STATE_TITLES[e.state], place, jobs: e.jobs, submittedAt: e.submittedAt?.toISOString() ?? null,
      dueAt: open ? dueAt!.toISOString() : null, overdue: open && dueAt!.getTime() < now,
      judges: counts.judges.get(e.id) ?? 0, scored: counts.scored.get(e.id) ?? 0, flagged: e.flagged, rankNational: e.rankNational, award: e.award,
    };
  });
}

/** One page of the entries in scope (newest submission first) with the total and the counts by state. */
export async function listEntries(
  db: DbOrTx, actor: Actor, f: EntryFilters & { page: number; pageSize: number },
): Promise<{ items: EntryListItem[]; total: number; counts: Partial<Record<EntryState, number>> }> {
  const w = where(actor, f);
  const [found, [total], byState] = await Promise.all([
    base(db).where(w).orderBy(desc(festEntries.submittedAt), asc(festEntries.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(festEntries).where(w),
    db.select({ state: festEntries.state, n: count() }).from(festEntries).where(where(actor, f, false)).groupBy(festEntries.state),
  ]);
  return { items: await listItems(db, found), total: Number(total?.n ?? 0), counts: Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])) };
}

type ExportRow = EntryListItem & { categoryTitle: string; ownerKindTitle: string };

/** Rows of the export, in pages of 500. */
export async function* exportRows(db: DbOrTx, actor: Actor, f: EntryFilters): AsyncGenerator<ExportRow> {
  const w = where(actor, f);
  for (let offset = 0; ; offset += 500) {
    const found = await base(db).where(w).orderBy(asc(festEntries.submittedAt), asc(festEntries.id)).limit(500).offset(offset);
    if (!found.length) return;
    const items = await listItems(db, found);
    for (const [i, item] of items.entries()) {
      yield { ...item, categoryTitle: categoryTitle(found[i]!.axes, item.axis, item.category) ?? '', ownerKindTitle: OWNER_KIND_TITLES[item.ownerKind] };
    }
  }
}

/** The export's columns, Persian headers. */
export const EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { key: 'trackingCode', title: 'کد پیگیری' },
  { key: 'title', title: 'عنوان طرح' },
  { key: 'axisTitle', title: 'محور' },
  { key: 'categoryTitle', title: 'زیرمحور' },
  { key: 'ownerKindTitle', title: 'ارسال‌کننده' },
  { key: 'province', title: 'استان', value: (r) => r.place.province },
  { key: 'county', title: 'شهرستان', value: (r) => r.place.county },
  { key: 'village', title: 'روستا', value: (r) => r.place.village },
  { key: 'stateTitle', title: 'وضعیت' },
  { key: 'jobs', title: 'اشتغال ایجادشده' },
  { key: 'submittedAt', title: 'تاریخ ارسال', value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null) },
  { key: 'dueAt', title: 'مهلت بررسی', value: (r) => (r.dueAt ? new Date(r.dueAt) : null) },
  { key: 'overdue', title: 'گذشته از مهلت' },
  { key: 'judges', title: 'داوران' },
  { key: 'scored', title: 'امتیازهای ثبت‌شده' },
  { key: 'rankNational', title: 'رتبه کشوری' },
  { key: 'award', title: 'عنوان برگزیدگی' },
];
