// The grading dashboard, within the viewer's scope: requests by state and by province, the average working days a
// request spends in each review step (finished steps, from the case histories), and the grade distribution of the
// entities per province (current grades).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { scopeCondition } from '../../../core/access/policy.js';
import { rows, sql, type DbOrTx } from '../../../core/db/client.js';
import { divisionNames, pathIds } from '../../../core/org/queries.js';
import { loadHolidays } from '../../../core/workflow/calendar.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import type { Dashboard } from '../api-types.js';
import { REQUEST_STATES, REQUEST_STATE_TITLES, type RequestState, type Subject } from '../enums.js';
import { entityGradesSql, VIEW_ROLES, viewScope, type EntityGradeRow } from './entities.js';
import { stepsOf } from './present.js';
import { gradingRequests } from './schema.js';
import { GRADING_WORKFLOWS } from './workflow.js';

const APPROVED: readonly string[] = ['approved', 'issued'];

export async function dashboard(db: DbOrTx, actor: Actor, subject: Subject): Promise<Dashboard> {
  const def = GRADING_WORKFLOWS[subject];
  const found = await db
    .select({ path: gradingRequests.divisionPath, closedAt: gradingRequests.closedAt, case: wfCases })
    .from(gradingRequests)
    .innerJoin(wfCases, eq(wfCases.id, gradingRequests.caseId))
    .where(and(eq(gradingRequests.subject, subject), viewScope(actor, gradingRequests.subject, gradingRequests.divisionPath, subject)));
  const now = new Date();

  const byState = new Map<string, number>();
  const provinces = new Map<number, { open: number; approved: number; rejected: number; overdue: number }>();
  for (const { path, closedAt, case: c } of found) {
    byState.set(c.state, (byState.get(c.state) ?? 0) + 1);
    const p = pathIds(path)[0] ?? 0;
    const row = provinces.get(p) ?? { open: 0, approved: 0, rejected: 0, overdue: 0 };
    if (closedAt === null) row.open++;
    if (APPROVED.includes(c.state)) row.approved++;
    if (c.state === 'rejected') row.rejected++;
    if (closedAt === null && !def.states[c.state]?.final && c.dueAt && c.dueAt < now) row.overdue++;
    provinces.set(p, row);
  }

  // Finished steps of every request in scope: their working days, averaged per state.
  const holidays = await loadHolidays(db);
  const spent = new Map<string, { sum: number; n: number }>();
  const cases = new Map(found.map((f) => [f.case.id, f.case]));
  const ids = [...cases.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const history = await db.select().from(wfHistory).where(inArray(wfHistory.caseId, chunk)).orderBy(asc(wfHistory.caseId), asc(wfHistory.seq));
    const byCase = new Map<string, (typeof history)[number][]>();
    for (const h of history) {
      const list = byCase.get(h.caseId);
      if (list) list.push(h);
      else byCase.set(h.caseId, [h]);
    }
    for (const [caseId, list] of byCase) {
      for (const s of stepsOf(def, cases.get(caseId)!, list, holidays, now)) {
        if (s.leftAt === null) continue;
        const acc = spent.get(s.state) ?? { sum: 0, n: 0 };
        acc.sum += s.days;
        acc.n++;
        spent.set(s.state, acc);
      }
    }
  }

  const grades = await rows<EntityGradeRow>(db, entityGradesSql(subject, scopeCondition(actor, 'workflow.act', sql`d.path`, VIEW_ROLES[subject])));
  const distribution = new Map<number, Record<number, number>>();
  for (const g of grades) {
    if (g.grade == null) continue;
    const p = pathIds(g.path)[0] ?? 0;
    const d = distribution.get(p) ?? {};
    d[Number(g.grade)] = (d[Number(g.grade)] ?? 0) + 1;
    distribution.set(p, d);
  }

  const names = await divisionNames(db, [...provinces.keys(), ...distribution.keys()]);
  const collator = new Intl.Collator('fa');
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  return {
    subject,
    byState: REQUEST_STATES.map((state) => ({ state, title: REQUEST_STATE_TITLES[state], count: byState.get(state) ?? 0 })),
    byProvince: [...provinces].map(([provinceId, r]) => ({ provinceId, name: names.get(provinceId) ?? '', ...r })).sort(byName),
    stepTimes: REQUEST_STATES.filter((s) => !def.states[s]?.final).map((state: RequestState) => {
      const acc = spent.get(state);
      return { state, title: REQUEST_STATE_TITLES[state], avgDays: acc ? Math.round((acc.sum / acc.n) * 10) / 10 : null, count: acc?.n ?? 0 };
    }),
    distribution: [...distribution].map(([provinceId, g]) => ({ provinceId, name: names.get(provinceId) ?? '', grades: g })).sort(byName),
  };
}
