// Reads behind the public Open311 documents. Every query selects only public columns (never the citizen's name,
// mobile or id, internal notes or staff identities) and carries the jurisdiction's path when one was named.
import { getLeafCategoryByCode } from '../categories.js';
import { and, desc, eq, gte, inArray, like, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { rows, type DbOrTx, sqlList } from '../../../../core/db/client.js';
import { pathIds } from '../../../../core/org/queries.js';
import { orgDivisions, type DivisionLevel } from '../../../../core/org/schema.js';
import { formatDivisionChain } from '../../../../core/org/labels.js';
import { wfCases } from '../../../../core/workflow/schema.js';
import { OFFICE_TITLES, OPEN_STATES, type ResponsibleOffice } from '../../contract.js';
import { complaints, complaintsCategories } from '../schema.js';
import { complaintStateTitle } from '../workflow.js';
import type { PublicRequest, PublicUpdate } from './documents.js';

/** The key in a complaint's `answers` where a POSTed `media_url` is kept (not a category question code: those start with a letter). */
export const MEDIA_URL_ANSWER = '_media_url';

/** Filters of GET requests (already validated). */
export interface RequestFilter {
  /** Tracking codes: when given, the other filters (but the jurisdiction) are ignored, as the spec says. */
  ids?: string[];
  serviceCodes?: string[];
  statuses?: ('open' | 'closed')[];
  start?: Date;
  end?: Date;
  withinPath?: string;
  limit?: number;
}

const openStates = [...OPEN_STATES] as string[];
const isOpen = (state: string) => openStates.includes(state);

/** Who answers: the office, named after the place when it is that place's own («شهرداری ساری»). */
export function agencyOf(office: ResponsibleOffice, place: { level: DivisionLevel; name: string }): string {
  const title = OFFICE_TITLES[office] ?? office;
  // «شهرداری ساری», «دهیاری آخورسر»: the office of that very place, when the place is of its kind.
  if ((office === 'municipality' && place.level === 'city') || (office === 'dehyari' && place.level === 'village')) return `${title} ${place.name}`;
  return title;
}

/**
 * Public service requests, newest first, at most `limit` (default and maximum 1000, the spec's response volume).
 * The address is what the citizen wrote followed by the place, most specific first («…، شهر ساری، شهرستان ساری،
 * استان مازندران»); lat/long fall back to the place's own coordinates.
 */
export async function listPublicRequests(db: DbOrTx, f: RequestFilter): Promise<PublicRequest[]> {
  // Published: not anonymous, and not a category of the Inspection Office (complaints about staff and
  // corruption are answered privately). The web form tells the citizen which text may be published.
  const where: SQL[] = [eq(complaints.anonymous, false), ne(complaintsCategories.office, 'inspection')];
  if (f.withinPath !== undefined) {
    if (!/^\/(\d+\/)*$/.test(f.withinPath)) throw new Error(`listPublicRequests: not a division path: ${f.withinPath}`);
    where.push(like(complaints.divisionPath, `${f.withinPath}%`));
  }
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    where.push(inArray(complaints.trackingCode, f.ids));
  } else {
    if (f.serviceCodes?.length) where.push(inArray(complaintsCategories.code, f.serviceCodes));
    if (f.start) where.push(gte(complaints.createdAt, f.start));
    if (f.end) where.push(lte(complaints.createdAt, f.end));
    const st = new Set(f.statuses ?? []);
    if (st.size === 1) where.push(st.has('open') ? inArray(wfCases.state, openStates) : notInArray(wfCases.state, openStates));
  }
  const list = await db
    .select({
      trackingCode: complaints.trackingCode,
      body: complaints.body,
      address: complaints.address,
      lat: complaints.lat,
      lon: complaints.lon,
      answers: complaints.answers,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
      closedAt: complaints.closedAt,
      divisionPath: complaints.divisionPath,
      state: wfCases.state,
      caseUpdatedAt: wfCases.updatedAt,
      dueAt: wfCases.dueAt,
      serviceCode: complaintsCategories.code,
      serviceName: complaintsCategories.name,
      office: complaintsCategories.office,
      slaDays: complaintsCategories.slaDays,
      placeName: orgDivisions.name,
      placeLevel: orgDivisions.level,
      placeCode: orgDivisions.code,
      placeLat: orgDivisions.lat,
      placeLon: orgDivisions.lon,
    })
    .from(complaints)
    .innerJoin(wfCases, eq(wfCases.id, complaints.caseId))
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, complaints.categoryId))
    .innerJoin(orgDivisions, eq(orgDivisions.id, complaints.divisionId))
    .where(and(...where))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(Math.min(Math.max(f.limit ?? 1000, 1), 1000));
  if (list.length === 0) return [];

  // One query for the names of every ancestor of every place, to write the addresses.
  const ancestorIds = [...new Set(list.flatMap((r) => pathIds(r.divisionPath).slice(0, -1)))];
  const ancestors = new Map(
    ancestorIds.length
      ? (await db.select({ id: orgDivisions.id, level: orgDivisions.level, name: orgDivisions.name }).from(orgDivisions).where(inArray(orgDivisions.id, ancestorIds))).map((a) => [a.id, a])
      : [],
  );
  return list.map((r) => {
    const chain = [...pathIds(r.divisionPath).slice(0, -1).map((id) => ancestors.get(id)).filter((a) => a !== undefined), { level: r.placeLevel, name: r.placeName }];
    const place = formatDivisionChain(chain);
    const open = isOpen(r.state);
    const media = r.answers?.[MEDIA_URL_ANSWER];
    // The spec: for a closed request, the date it was closed; otherwise its last change (the case's or the row's).
    const updated = open ? (r.updatedAt > r.caseUpdatedAt ? r.updatedAt : r.caseUpdatedAt) : (r.closedAt ?? r.caseUpdatedAt);
    return {
      trackingCode: r.trackingCode,
      open,
      stateTitle: complaintStateTitle(r.state),
      serviceName: r.serviceName,
      serviceCode: r.serviceCode,
      description: r.body,
      agency: agencyOf(r.office, { level: r.placeLevel, name: r.placeName }),
      slaDays: r.slaDays,
      requestedAt: r.createdAt,
      updatedAt: updated,
      expectedAt: r.dueAt,
      address: [r.address?.trim(), place].filter(Boolean).join('، ') || null,
      addressId: r.placeCode,
      lat: r.lat ?? r.placeLat,
      lon: r.lon ?? r.placeLon,
      mediaUrl: typeof media === 'string' ? media : null,
    };
  });
}

/** Filters of GET servicerequestupdates. */
export interface UpdateFilter {
  start: Date;
  end: Date;
  withinPath?: string;
  limit?: number;
}

/**
 * Public updates in a time window, oldest first (mySociety's servicerequestupdates): every public reply to the
 * citizen and every request for more information (with the request's status at that moment), and every step
 * that closed a request (rejected, duplicate, closed, withdrawn — described by the state's public title; staff
 * comments on transitions are not public and are not shown).
 */
// The same publication rule as listPublicRequests, for the raw query below (alias c = complaints).
const publishedSql = sql`not c.anonymous and not exists (select 1 from complaints_categories k where k.id = c.category_id and k.office = 'inspection')`;

export async function listPublicUpdates(db: DbOrTx, f: UpdateFilter): Promise<PublicUpdate[]> {
  const within = f.withinPath ?? '/';
  if (!/^\/(\d+\/)*$/.test(within)) throw new Error(`listPublicUpdates: not a division path: ${within}`);
  const limit = Math.min(Math.max(f.limit ?? 1000, 1), 1000);
  const start = f.start.toISOString();
  const end = f.end.toISOString();
  const open = sqlList(openStates);
  const list = await rows<{ update_id: string; tracking_code: string; state: string | null; at: string | Date; description: string }>(
    db,
    sql`
      select * from (
        select 'm' || m.id as update_id, c.tracking_code, m.created_at as at, m.body as description,
               (select h.to_state from wf_history h where h.case_id = c.case_id and h.at <= m.created_at order by h.seq desc limit 1) as state
          from complaints_messages m join complaints c on c.id = m.complaint_id
         where m.kind in ('reply', 'info_request')
           and m.created_at >= ${start}::timestamptz and m.created_at <= ${end}::timestamptz
           and c.division_path like ${within + '%'} and ${publishedSql}
        union all
        select 'h' || h.id, c.tracking_code, h.at, '', h.to_state
          from wf_history h join complaints c on c.case_id = h.case_id
         where h.to_state not in (${open}) and (h.from_state is null or h.from_state in (${open}))
           and h.at >= ${start}::timestamptz and h.at <= ${end}::timestamptz
           and c.division_path like ${within + '%'} and ${publishedSql}
      ) u
      order by u.at, u.update_id
      limit ${limit}`,
  );
  return list.map((u) => ({
    updateId: u.update_id,
    trackingCode: u.tracking_code,
    open: u.state == null ? true : isOpen(u.state),
    at: u.at instanceof Date ? u.at : new Date(u.at),
    description: u.description || (u.state ? complaintStateTitle(u.state) : ''),
  }));
}

/**
 * A category offered through Open311: an active leaf that is not the Inspection Office's (complaints about
 * staff and corruption are filed on the platform itself, where identity and publication are handled with care).
 */
export async function open311Category(db: DbOrTx, code: string) {
  const category = await getLeafCategoryByCode(db, code);
  return category && category.office !== 'inspection' ? category : null;
}
