// The bank's reports: valid qualified instructors per field and province (available there), online per field, the
// gaps (a field with nobody in a province, in person or online), the trend of trainees' ratings per Jalali month,
// totals and statuses — in the viewer's scope (a province grant: its province) — and the coverage table's export.
// Totals and statuses count the instructors the viewer sees in the bank (for a province: its residents, those who
// teach there in person, and online teachers); courses and ratings those of the courses in his scope.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { rows as rowsOf, type DbOrTx } from '../../../core/db/client.js';
import { jalaliParts, jalaliToDate, TEHRAN_OFFSET_MINUTES } from '../../../core/fa/jalali.js';
import { notFound } from '../../../core/http/errors.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { listChildren } from '../../../core/org/queries.js';
import type { Reports } from '../api-types.js';
import { INSTRUCTOR_STATUSES, RENEWAL_REMINDER_DAYS, type InstructorStatus } from '../enums.js';
import { availableIn, ofProvince, pc, profileScope, requireViewer, scopeProvinces, statusSql, teachesOnline, today, validOn } from './bank.js';
import { courseScope } from './courses.js';
import { CFA } from './fa-courses.js';
import { listFields } from './fields.js';
import { instCourses } from './schema.js';

/** Qualifications ending within this many days count as expiring soon (the first renewal reminder). */
const EXPIRING_DAYS = Math.max(...RENEWAL_REMINDER_DAYS);
const sqlIds = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** The last 12 Jalali months, oldest first, as 'YYYY/MM' with the instant the oldest begins. */
function lastMonths(now = new Date()): { months: string[]; from: Date } {
  let { year, month } = jalaliParts(now);
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    months.unshift(`${year}/${String(month).padStart(2, '0')}`);
    if (i < 11) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  }
  return { months, from: jalaliToDate(year, month, 1)! };
}

/** The reports in the viewer's scope, narrowed to one province of it with `provinceId` (another: 404). */
export async function reports(db: DbOrTx, actor: Actor, provinceId?: number): Promise<Reports> {
  const paths = requireViewer(actor);
  const inScope = scopeProvinces(paths);
  const all = await listChildren(db, null, { level: 'province' });
  if (provinceId !== undefined && (!all.some((d) => d.id === provinceId) || (inScope !== null && !inScope.includes(provinceId)))) throw notFound('استان');
  const provinces = all.filter((d) => (provinceId !== undefined ? d.id === provinceId : inScope === null || inScope.includes(d.id)));
  const ids = provinces.map((d) => d.id);
  const people = provinceId !== undefined ? and(profileScope(paths), sql`(${teachesOnline} or ${ofProvince(provinceId)})`)! : profileScope(paths);
  const courses = provinceId !== undefined ? and(courseScope(paths), eq(instCourses.provinceId, provinceId))! : courseScope(paths);
  const valid = validOn(today());
  const { months, from } = lastMonths();

  const [fields, perProvince, online, perDay, statuses, [courseTotals]] = await Promise.all([
    listFields(db),
    ids.length
      ? rowsOf<{ field: string; province: number; n: number }>(db, sql`select f.key as field, d.id as province, count(*)::int as n
          from inst_profiles cross join jsonb_array_elements_text(inst_profiles.qualified_fields) as f(key) join org_divisions d on d.id in (${sqlIds(ids)})
          where ${valid} and ${people} and ${availableIn(sql`d.id`)} group by f.key, d.id`)
      : Promise.resolve([]),
    rowsOf<{ field: string; n: number }>(db, sql`select f.key as field, count(*)::int as n
      from inst_profiles cross join jsonb_array_elements_text(inst_profiles.qualified_fields) as f(key)
      where ${valid} and ${people} and ${teachesOnline} group by f.key`),
    rowsOf<{ day: string; n: number; total: number }>(db, sql`select to_char(r.created_at + ${TEHRAN_OFFSET_MINUTES} * interval '1 minute', 'YYYY-MM-DD') as day,
        count(*)::int as n, sum(r.overall)::int as total
      from inst_ratings r join inst_assignments a on a.id = r.assignment_id join inst_courses on inst_courses.id = a.course_id
      where r.created_at >= ${from.toISOString()}::timestamptz and ${courses} group by 1`),
    rowsOf<{ status: InstructorStatus; n: number; valid: number; expiring: number }>(db, sql`select ${statusSql()} as status, count(*)::int as n,
        count(*) filter (where ${valid})::int as valid,
        count(*) filter (where ${valid} and ${pc.qualifiedUntil} < ${today()} + ${EXPIRING_DAYS}::int)::int as expiring
      from inst_profiles where ${people} group by 1`),
    rowsOf<{ courses: number; ratings: number }>(db, sql`select count(*)::int as courses,
        coalesce(sum((select count(*) from inst_ratings r join inst_assignments a on a.id = r.assignment_id where a.course_id = inst_courses.id)), 0)::int as ratings
      from inst_courses where ${courses}`),
  ]);

  const counts: Reports['counts'] = {};
  for (const f of fields) counts[f.key] = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const r of perProvince) if (counts[r.field]) counts[r.field]![r.province] = Number(r.n);
  const onlineBy: Reports['online'] = Object.fromEntries(fields.map((f) => [f.key, 0]));
  for (const r of online) if (r.field in onlineBy) onlineBy[r.field] = Number(r.n);
  const gaps = fields.flatMap((f) => (onlineBy[f.key] ? [] : provinces.filter((d) => !counts[f.key]![d.id]).map((d) => ({ field: f.key, fieldTitle: f.title, provinceId: d.id, province: d.name }))));

  const byMonth = new Map(months.map((m) => [m, { count: 0, sum: 0 }]));
  for (const r of perDay) {
    const { year, month } = jalaliParts(new Date(`${r.day}T12:00:00Z`));
    const m = byMonth.get(`${year}/${String(month).padStart(2, '0')}`);
    if (m) (m.count += Number(r.n), m.sum += Number(r.total));
  }
  const byStatus = Object.fromEntries(INSTRUCTOR_STATUSES.map((s) => [s, 0])) as Reports['byStatus'];
  for (const r of statuses) byStatus[r.status] = Number(r.n);
  const sum = (k: 'n' | 'valid' | 'expiring') => statuses.reduce((t, r) => t + Number(r[k]), 0);

  return {
    fields,
    provinces: provinces.map((d) => ({ id: d.id, name: d.name })),
    counts,
    online: onlineBy,
    gaps,
    trend: months.map((m) => {
      const x = byMonth.get(m)!;
      return { month: m, count: x.count, mean: x.count ? Math.round((x.sum / x.count) * 100) / 100 : null };
    }),
    totals: {
      instructors: sum('n'), qualified: sum('valid'), inReview: byStatus.in_review, expiringSoon: sum('expiring'),
      courses: Number(courseTotals?.courses ?? 0), ratings: Number(courseTotals?.ratings ?? 0),
    },
    byStatus,
  };
}

type CoverageRow = { field: string; title: string; counts: Record<number, number>; online: number; gaps: string };

/** The coverage table as export rows (one per field) and its columns (a column per province in the report). */
export function coverageTable(r: Reports): { columns: ExportColumn<CoverageRow>[]; rows: CoverageRow[] } {
  const columns: ExportColumn<CoverageRow>[] = [
    { key: 'title', title: CFA.fieldColumn },
    ...r.provinces.map((d) => ({ key: `p${d.id}`, title: d.name, value: (row: CoverageRow) => row.counts[d.id] ?? 0 })),
    { key: 'online', title: CFA.onlineColumn },
    { key: 'gaps', title: CFA.gapMark },
  ];
  const rows = r.fields.map((f) => ({
    field: f.key, title: f.title, counts: r.counts[f.key] ?? {}, online: r.online[f.key] ?? 0,
    gaps: r.gaps.filter((g) => g.field === f.key).map((g) => g.province).join('، '),
  }));
  return { columns, rows };
}
