// The records of the access matrix test (src/security/access-matrix.test.ts): for each kind of record a route can
// name in its path, how to list the demo's real records with where they lie in the divisions tree (`path`), who
// owns them (`owner`, a user id, for the citizen's own records), a `marker` (a string that identifies the record
// and nothing else: a uuid or a tracking code, never a small number) and a fingerprint of the row, to prove a
// refused write changed nothing. Used by tests only.
import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../core/access/roles.js';
import { rows, type Db } from '../core/db/client.js';

export interface MatrixRecord {
  kind: KindKey;
  /** the value put in the route's path parameter */
  id: string;
  /** division path of the record ('/' = national) */
  path: string;
  /** user id of the record's owner (citizen, uploader, entry owner), when it has one */
  owner: number | null;
  /** identifies the record in any response body (null when it has nothing distinctive) */
  marker: string | null;
  /** the record's own version and its workflow case's, for write bodies that must be valid to reach the scope check */
  version: number | null;
  caseVersion: number | null;
}

/**
 * How a route's record decides who may touch it:
 * - `scope`: staff whose grant contains `path` (a record outside every grant of the account must be refused);
 * - `owner`: only its owner (another citizen's record must be refused);
 * - `assigned`: a judge's own assignment (checked against `fest_assignments`).
 */
export type Rule = 'scope' | 'owner' | 'assigned';

interface KindSpec {
  rule: Rule;
  /** for `scope`: only grants of roles holding this permission count (default: any grant) */
  permission?: Permission;
  /** for `scope`: the record's owner may touch it wherever it lies (its uploader, creator or holder) */
  ownerToo?: boolean;
  /** select id, path, owner, marker — one row per record */
  list: SQL;
  /** fingerprint of one record (and what hangs on it), compared before and after a refused write */
  fingerprint: (id: string) => SQL;
}

const fp = (table: string, where: string, id: string) => sql`select coalesce(string_agg(md5(row_to_json(x)::text), ',' order by md5(row_to_json(x)::text)), '') as h from ${sql.raw(table)} x where ${sql.raw(where)}::text = ${id}`;

/** A record with its own path column, no marker and nothing hanging on it. */
const plain = (table: string, pathColumn = 'division_path', ownerColumn = 'null::int'): KindSpec => ({
  rule: 'scope',
  list: sql.raw(`select id::text, ${pathColumn} as path, ${ownerColumn} as owner, null as marker from ${table}`),
  fingerprint: (id) => fp(table, 'id', id),
});
const ENTRIES = sql`select e.id::text, e.village_path as path, e.owner_user_id as owner, e.id::text as marker, e.version, c.version as case_version from fest_entries e left join wf_cases c on c.id = e.case_id`;

export const KINDS = {
  complaint: {
    rule: 'scope',
    list: sql`select k.id::text, k.division_path as path, k.citizen_id as owner, k.tracking_code as marker, null::int as version, c.version as case_version from complaints k join wf_cases c on c.id = k.case_id`,
    fingerprint: (id) => sql`select (${fp('complaints', 'id', id)}) || '|' || (select count(*) from complaints_messages where complaint_id::text = ${id}) as h`,
  },
  complaintCode: {
    rule: 'owner',
    list: sql`select tracking_code as id, division_path as path, citizen_id as owner, tracking_code as marker, null::int as version, null::int as case_version from complaints`,
    fingerprint: (id) => sql`select (${fp('complaints', 'tracking_code', id)}) || '|' || (select count(*) from complaints_messages m join complaints c on c.id = m.complaint_id where c.tracking_code = ${id}) as h`,
  },
  case: {
    rule: 'scope',
    ownerToo: true, // core/workflow/routes.ts visibleCase: the creator follows his case
    list: sql`select id::text, division_path as path, created_by_id as owner, id::text as marker, null::int as version, version as case_version from wf_cases`,
    fingerprint: (id) => fp('wf_cases', 'id', id),
  },
  amriyehApplication: {
    rule: 'scope',
    list: sql`select a.id::text, c.division_path as path, a.applicant_id as owner, a.tracking_code as marker, null::int as version, c.version as case_version from amriyeh_applications a join wf_cases c on c.id = a.case_id`,
    fingerprint: (id) => sql`select (${fp('amriyeh_applications', 'id', id)}) || (select md5(row_to_json(c)::text) from wf_cases c join amriyeh_applications a on a.case_id = c.id where a.id::text = ${id}) as h`,
  },
  amriyehMine: {
    rule: 'owner',
    list: sql`select a.id::text, c.division_path as path, a.applicant_id as owner, a.tracking_code as marker from amriyeh_applications a join wf_cases c on c.id = a.case_id`,
    fingerprint: (id) => fp('amriyeh_applications', 'id', id),
  },
  amriyehStation: plain('amriyeh_stations'),
  amriyehLetter: {
    rule: 'scope',
    ownerToo: true, // the holder reads his letter
    list: sql`select l.number as id, s.division_path as path, a.applicant_id as owner, l.number as marker from amriyeh_letters l join amriyeh_stations s on s.id = l.station_id join amriyeh_applications a on a.id = l.application_id`,
    fingerprint: (id) => fp('amriyeh_letters', 'number', id),
  },
  landfillSite: {
    rule: 'scope',
    list: sql`select s.id::text, s.division_path as path, null::int as owner, null as marker, s.version, c.version as case_version from landfill_sites s join wf_cases c on c.id = s.case_id`,
    fingerprint: (id) => sql`select (${fp('landfill_sites', 'id', id)}) || '|' || (select count(*) from landfill_status_history where site_id::text = ${id}) as h`,
  },
  landfillImport: {
    rule: 'owner',
    list: sql`select id::text, '/' as path, created_by_id as owner, null as marker from landfill_imports`,
    fingerprint: (id) => fp('landfill_imports', 'id', id),
  },
  landfillScenario: plain('landfill_scenarios'),
  landfillAllocation: plain('landfill_allocations'),
  gradingSheet: plain('grading_sheets'),
  gradingRequest: {
    rule: 'scope',
    list: sql`select r.id::text, r.division_path as path, null::int as owner, r.tracking_code as marker, null::int as version, c.version as case_version from grading_requests r join wf_cases c on c.id = r.case_id`,
    fingerprint: (id) => fp('grading_requests', 'id', id),
  },
  instructorApplication: {
    rule: 'scope',
    list: sql`select a.id::text, a.province_path as path, null::int as owner, a.tracking_code as marker, null::int as version, c.version as case_version from inst_applications a join wf_cases c on c.id = a.case_id`,
    fingerprint: (id) => fp('inst_applications', 'id', id),
  },
  instructorMine: {
    rule: 'owner',
    list: sql`select a.id::text, a.province_path as path, p.user_id as owner, a.tracking_code as marker from inst_applications a join inst_profiles p on p.id = a.profile_id`,
    fingerprint: (id) => fp('inst_applications', 'id', id),
  },
  instructorProfile: plain('inst_profiles', 'province_path', 'user_id'),
  course: {
    rule: 'scope',
    list: sql`select id::text, division_path as path, null::int as owner, null as marker from inst_courses`,
    fingerprint: (id) => sql`select (${fp('inst_courses', 'id', id)}) || '|' || (select count(*) from inst_assignments where course_id::text = ${id}) as h`,
  },
  courseAssignment: {
    rule: 'scope',
    list: sql`select a.id::text, c.division_path as path, null::int as owner, null as marker from inst_assignments a join inst_courses c on c.id = a.course_id`,
    fingerprint: (id) => fp('inst_assignments', 'id', id),
  },
  festivalEntry: {
    rule: 'scope',
    list: ENTRIES,
    fingerprint: (id) => sql`select (${fp('fest_entries', 'id', id)}) || (select coalesce(md5(row_to_json(c)::text), '') from wf_cases c join fest_entries e on e.case_id = c.id where e.id::text = ${id}) as h`,
  },
  festivalMine: {
    rule: 'owner',
    list: ENTRIES,
    fingerprint: (id) => fp('fest_entries', 'id', id),
  },
  judging: {
    rule: 'assigned',
    list: ENTRIES,
    fingerprint: (id) => sql`select (${fp('fest_entries', 'id', id)}) || '|' || (select count(*) from fest_scores where entry_id::text = ${id}) || '|' || (select count(*) from fest_conflicts where entry_id::text = ${id}) as h`,
  },
  festivalQuestion: {
    rule: 'owner',
    list: sql`select q.id::text, e.village_path as path, e.owner_user_id as owner, null as marker from fest_questions q join fest_entries e on e.id = q.entry_id`,
    fingerprint: (id) => fp('fest_questions', 'id', id),
  },
  document: {
    rule: 'scope',
    permission: 'documents.read',
    ownerToo: true, // the uploader
    list: sql`select id::text, coalesce(division_path, '/') as path, owner_id as owner, id::text as marker from doc_files`,
    fingerprint: (id) => sql`select md5(row_to_json(x)::text) as h from (select id, filename, sha256, division_path, owner_id from doc_files where id::text = ${id}) x`,
  },
} satisfies Record<string, KindSpec>;
const SPECS: Record<KindKey, KindSpec> = KINDS;

/** The permission whose grants place a `scope` record (undefined: any grant). */
export const kindPermission = (kind: KindKey): Permission | undefined => SPECS[kind].permission;
/** Whether the owner of a `scope` record may touch it outside his grants. */
export const ownerToo = (kind: KindKey): boolean => !!SPECS[kind].ownerToo;
export type KindKey = keyof typeof KINDS;

/** Every record of a kind. */
export async function recordsOf(db: Db, kind: KindKey): Promise<MatrixRecord[]> {
  const list = await rows<{ id: string; path: string; owner: number | null; marker: string | null; version?: number | null; case_version?: number | null }>(db, KINDS[kind].list);
  const num = (v: number | null | undefined) => (v == null ? null : Number(v));
  return list.map((r) => ({ kind, id: r.id, path: r.path, owner: num(r.owner), marker: r.marker, version: num(r.version), caseVersion: num(r.case_version) }));
}

/** The fingerprint of one record now. */
export async function fingerprint(db: Db, kind: KindKey, id: string): Promise<string> {
  const [r] = await rows<{ h: string | null }>(db, KINDS[kind].fingerprint(id));
  return String(r?.h ?? '');
}
