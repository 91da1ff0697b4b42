// The hot paths of the platform, as HTTP requests a real client makes, and the SQL they run (captured from the
// driver while they are served). Shared by the EXPLAIN test (no sequential scan on big tables) and the list-growth
// benchmark (latency of the same requests at 10k … 1M complaints).
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { rows, type Db } from '../core/db/client.js';
import { citizenHelpers } from '../test/citizen.js';

export interface HotPath {
  name: string;
  url: string;
  /** Who asks: a staff username (password demo1234), a citizen mobile, or nobody. */
  as: { staff: string } | { citizen: string } | null;
}

/** The tables that grow with use: a sequential scan on one of them on a hot path is a missing index. */
export const BIG_TABLES = [
  'complaints', 'wf_cases', 'wf_history', 'complaints_messages', 'fest_entries', 'amriyeh_applications', 'landfill_sites',
  'auth_users', 'auth_sessions', 'org_divisions', 'audit_log', 'notify_outbox', 'jobs',
] as const;

/** Reads what the hot paths need from the generated data: a tracking code, a citizen with cases, a category, a deep offset. */
export async function hotPaths(db: Db): Promise<HotPath[]> {
  const [c] = await rows<{ tracking_code: string; mobile: string }>(db, sql`
    select tracking_code, mobile from complaints where mobile like '0991%' order by tracking_code limit 1`);
  const [cat] = await rows<{ id: number }>(db, sql`select category_id as id from complaints group by 1 order by count(*) desc limit 1`);
  const [w] = await rows<{ word: string }>(db, sql`select 'زعفران' as word`);
  if (!c || !cat) throw new Error('hotPaths: generate complaints first');
  // A deep page of the district inbox: half-way through the district's cases (at most offset 2,000), a page boundary.
  const [inScope] = await rows<{ n: number }>(db, sql`
    select count(*)::int as n from complaints where division_path like (
      select d.path || '%' from auth_users u join auth_user_roles r on r.user_id = u.id join org_divisions d on d.id = r.division_id
      where u.username = 'district.reviewer' and r.role = 'district.reviewer')`);
  const deep = Math.min(2_000, Math.floor(Number(inScope?.n ?? 0) / 40) * 20);
  // One generated record of each kind, for its page: an answered complaint in the district (history and reply), a
  // showcase plan, an application waiting at the district, a landfill site.
  const [one] = await rows<{ complaint: string | null; code: string | null; mobile: string | null; plan: string | null; application: string | null; site: number | null }>(db, sql`
    select (select c.id from complaints c join wf_cases w on w.id = c.case_id where w.state = 'answered' and c.mobile like '0991%' and c.division_path like (
              select d.path || '%' from auth_users u join auth_user_roles r on r.user_id = u.id join org_divisions d on d.id = r.division_id
              where u.username = 'district.reviewer' and r.role = 'district.reviewer') order by c.tracking_code limit 1) as complaint,
           (select c.tracking_code from complaints c join wf_cases w on w.id = c.case_id where w.state = 'answered' and c.mobile like '0991%' order by c.tracking_code limit 1) as code,
           (select c.mobile from complaints c join wf_cases w on w.id = c.case_id where w.state = 'answered' and c.mobile like '0991%' order by c.tracking_code limit 1) as mobile,
           (select id from fest_entries where state = 'selected' and owner_kind = 'entrepreneur' order by tracking_code limit 1) as plan,
           (select a.id from amriyeh_applications a join wf_cases w on w.id = a.case_id where w.state = 'submitted' and a.mobile like '0991%' order by a.tracking_code limit 1) as application,
           (select min(id) from landfill_sites where operator like 'دهیاری %') as site`);
  return [
    { name: 'tracking lookup', url: `/api/v1/complaints/track/${c.tracking_code}`, as: null },
    { name: 'district inbox, page 1', url: '/api/v1/complaints?state=in_progress&sort=due&limit=20', as: { staff: 'district.reviewer' } },
    { name: 'district inbox, deep page', url: `/api/v1/complaints?sort=due&limit=20&offset=${deep}`, as: { staff: 'district.reviewer' } },
    { name: 'staff list, filtered', url: `/api/v1/complaints?categoryId=${cat.id}&kind=complaint&sort=-created&limit=20`, as: { staff: 'province.reviewer' } },
    { name: 'staff list, text search', url: `/api/v1/complaints?q=${encodeURIComponent('آسفالت')}&limit=20`, as: { staff: 'province.reviewer' } },
    { name: "citizen's own cases", url: '/api/v1/complaints/mine', as: { citizen: c.mobile } },
    { name: 'showcase search', url: `/api/v1/showcase?q=${encodeURIComponent(w!.word)}&pageSize=12`, as: null },
    { name: 'showcase, no query', url: '/api/v1/showcase?pageSize=12', as: null },
    { name: 'amriyeh review list', url: '/api/v1/amriyeh/applications?state=submitted&page=1&pageSize=20', as: { staff: 'district.reviewer' } },
    { name: 'landfill list', url: '/api/v1/landfills/sites?page=1&pageSize=25', as: { staff: 'province.reviewer' } },
    ...(one?.complaint ? [{ name: 'complaint page (staff)', url: `/api/v1/complaints/${one.complaint}`, as: { staff: 'district.reviewer' } }] : []),
    ...(one?.code && one.mobile ? [{ name: "citizen's case page", url: `/api/v1/complaints/mine/${one.code}`, as: { citizen: one.mobile } }] : []),
    ...(one?.plan ? [{ name: 'showcase plan page', url: `/api/v1/showcase/${one.plan}`, as: null }] : []),
    ...(one?.application ? [{ name: 'amriyeh application (staff)', url: `/api/v1/amriyeh/applications/${one.application}`, as: { staff: 'district.reviewer' } }] : []),
    ...(one?.site ? [{ name: 'landfill site page', url: `/api/v1/landfills/sites/${one.site}`, as: { staff: 'province.reviewer' } }] : []),
  ];
}

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

type Logger = { logQuery(query: string, params: unknown[]): void };
type Session = { logger: Logger; options?: { logger?: Logger } };

/**
 * Records every query the drizzle handle runs while `fn` runs (the driver's own text and parameters, also inside
 * transactions), by swapping the session's logger — no change to the code under test.
 */
export async function captureQueries<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const session = (db as unknown as { session: Session }).session;
  const queries: CapturedQuery[] = [];
  const logger: Logger = { logQuery: (q, params) => queries.push({ sql: q, params: [...params] }) };
  const before = session.logger;
  const optionsBefore = session.options?.logger;
  session.logger = logger;
  if (session.options) session.options.logger = logger;
  try {
    return { result: await fn(), queries };
  } finally {
    session.logger = before;
    if (session.options) session.options.logger = optionsBefore;
  }
}

/** Signs in whoever a hot path is asked as (staff by password, a citizen by the real one-time code) and returns the request headers. */
export async function headersFor(app: FastifyInstance, db: Db, as: HotPath['as']): Promise<Record<string, string>> {
  if (!as) return {};
  if ('staff' in as) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: as.staff, password: 'demo1234' } });
    if (res.statusCode !== 200) throw new Error(`login ${as.staff}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((k) => k.name === 'shahrdeh_sid')!;
    return { cookie: `${cookie.name}=${cookie.value}` };
  }
  return (await citizenHelpers(app, db).citizenLogin(as.citizen)).headers;
}
