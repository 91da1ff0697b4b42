import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { rows, type DbOrTx, sqlList } from '../../../core/db/client.js';
import { jalaliParts, jalaliToDate, toPersianDigits } from '../../../core/fa/index.js';
import { COMPLAINT_STATES, OPEN_STATES } from '../contract.js';
import { STAFF_FA } from './fa-staff.js';
import { complaintScope } from './policies.js';
import { jalaliRange } from './queries.js';
import { complaintWorkflow } from './workflow.js';

export interface StatsParams {
  /** Jalali dates 'YYYY/MM/DD' (inclusive) bounding the filing date. */
  from?: string;
  to?: string;
  /** Only this province (its subtree). */
  provinceId?: number;
}

const n = (v: unknown) => Number(v ?? 0);
const num = (v: unknown) => (v == null ? null : Math.round(Number(v) * 100) / 100);
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** The 12 Jalali months ending with the month of `end`, oldest first, with the instant each begins. */
function lastTwelveMonths(end: Date): { year: number; month: number; start: Date }[] {
  const { year, month } = jalaliParts(end);
  const out: { year: number; month: number; start: Date }[] = [];
  for (let i = 11; i >= 0; i--) {
    const k = year * 12 + (month - 1) - i;
    const y = Math.floor(k / 12);
    const m = (k % 12) + 1;
    out.push({ year: y, month: m, start: jalaliToDate(y, m, 1)! });
  }
  return out;
}

/**
 * The dashboard of the complaints `actor` may see (scope), filed in [from, to] and in `provinceId` when given:
 * counts by state, by top-level category, by province and by Jalali month (the last 12 up to `to` or today);
 * SLA compliance (share of first answers given by the deadline in force then — `answered_on_time`, recorded
 * when answering); average time to the first answer in working days and in hours; satisfaction (average and
 * 1–5 distribution); reopen rate (reopened / answered). Every query filters on the indexed path prefix and
 * creation date before grouping. 400 `invalid_date` for a bad date.
 */
export async function complaintStats(db: DbOrTx, actor: Actor, params: StatsParams = {}) {
  const range = jalaliRange(params.from, params.to);
  const conds: SQL[] = [complaintScope(actor, sql`c.division_path`)];
  if (range.from) conds.push(sql`c.created_at >= ${range.from.toISOString()}`);
  if (range.until) conds.push(sql`c.created_at < ${range.until.toISOString()}`);
  if (params.provinceId) conds.push(sql`c.division_path like ${`/${params.provinceId}/%`}`);
  const where = sql.join(conds, sql` and `);
  const from = sql`from complaints c join wf_cases w on w.id = c.case_id`;

  const months = lastTwelveMonths(range.until ? new Date(range.until.getTime() - 1) : new Date());
  const monthsFrom = months[0]!.start;

  const [totals] = await rows<Record<string, unknown>>(db, sql`
    select count(*)::int as total,
      (count(*) filter (where w.state in (${sqlList(OPEN_STATES)})))::int as open,
      (count(*) filter (where w.due_at < now() and w.state in (${sqlList(OPEN_STATES)})))::int as overdue,
      (count(*) filter (where c.first_answered_at is not null))::int as answered,
      (count(*) filter (where c.answered_on_time is not null))::int as with_deadline,
      (count(*) filter (where c.answered_on_time))::int as on_time,
      avg(c.answer_working_days) as avg_working_days,
      avg(extract(epoch from (c.first_answered_at - c.created_at))) / 3600 as avg_hours,
      (count(*) filter (where c.rating is not null))::int as rated,
      avg(c.rating) as avg_rating,
      (count(*) filter (where c.rating = 1))::int as r1, (count(*) filter (where c.rating = 2))::int as r2,
      (count(*) filter (where c.rating = 3))::int as r3, (count(*) filter (where c.rating = 4))::int as r4,
      (count(*) filter (where c.rating = 5))::int as r5,
      (count(*) filter (where c.reopened_count > 0))::int as reopened
    ${from} where ${where}`);
  const byState = await rows<{ state: string; n: unknown }>(db, sql`select w.state, count(*)::int as n ${from} where ${where} group by w.state`);
  const byCategory = await rows<{ id: unknown; name: string; n: unknown }>(db, sql`
    select p.id, p.name, count(*)::int as n ${from}
    join complaints_categories cat on cat.id = c.category_id
    join complaints_categories p on p.id = coalesce(cat.parent_id, cat.id)
    where ${where} group by p.id, p.name order by n desc, p.id`);
  const byProvince = await rows<{ id: unknown; name: string | null; n: unknown }>(db, sql`
    select g.id, d.name, g.n from (
      select split_part(c.division_path, '/', 2)::int as id, count(*)::int as n ${from} where ${where} group by 1
    ) g left join org_divisions d on d.id = g.id order by g.n desc, g.id`);
  const byDay = await rows<{ day: string; n: unknown }>(db, sql`
    select to_char(c.created_at at time zone 'Asia/Tehran', 'YYYY-MM-DD') as day, count(*)::int as n ${from}
    where ${where} and c.created_at >= ${monthsFrom.toISOString()} group by 1`);

  const perMonth = new Map<string, number>();
  for (const d of byDay) {
    const { year, month } = jalaliParts(`${d.day}T12:00:00+03:30`);
    perMonth.set(`${year}-${month}`, (perMonth.get(`${year}-${month}`) ?? 0) + n(d.n));
  }
  const t = totals ?? {};
  const stateCounts = new Map(byState.map((s) => [s.state, n(s.n)]));
  const answered = n(t.answered);
  return {
    total: n(t.total),
    open: n(t.open),
    overdue: n(t.overdue),
    byState: COMPLAINT_STATES.map((s) => ({ state: s, title: complaintWorkflow.states[s].title, count: stateCounts.get(s) ?? 0 })),
    byCategory: byCategory.map((c) => ({ id: n(c.id), name: c.name, count: n(c.n) })),
    byProvince: byProvince.map((p) => ({ id: n(p.id), name: p.name ?? '', count: n(p.n) })),
    byMonth: months.map((m) => ({
      year: m.year, month: m.month, label: `${STAFF_FA.monthNames[m.month - 1]} ${toPersianDigits(m.year)}`, count: perMonth.get(`${m.year}-${m.month}`) ?? 0,
    })),
    sla: { answered, withDeadline: n(t.with_deadline), onTime: n(t.on_time), compliance: ratio(n(t.on_time), n(t.with_deadline)) },
    answerTime: { avgWorkingDays: num(t.avg_working_days), avgHours: num(t.avg_hours) },
    satisfaction: {
      rated: n(t.rated), average: num(t.avg_rating),
      distribution: { 1: n(t.r1), 2: n(t.r2), 3: n(t.r3), 4: n(t.r4), 5: n(t.r5) },
    },
    reopen: { reopened: n(t.reopened), rate: ratio(n(t.reopened), answered) },
  };
}
