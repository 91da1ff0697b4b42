// What people see of requests: the scoped list (filters, paging), the export rows, and one request's page with its
// steps and their SLAs, its history, the expert's verdicts, the decision and what the viewer may do now.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authUsers } from '../../../core/auth/schema.js';
import { normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { placeLabels } from '../../../core/org/queries.js';
import { orgDehyaris, orgMunicipalities } from '../../../core/org/schema.js';
import { addWorkingDays, loadHolidays, workingDaysBetween } from '../../../core/workflow/calendar.js';
import { clockOnEnter, slaDays, type ClockFields } from '../../../core/workflow/clock.js';
import { actionTitle, type WorkflowDefinition } from '../../../core/workflow/definition.js';
import { availableActions, caseHistory, type WorkflowCase } from '../../../core/workflow/engine.js';
import type { wfHistory } from '../../../core/workflow/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { IndicatorReview, RequestListItem, RequestStep, RequestView } from '../api-types.js';
import { SUBJECT_TITLES, type RequestState, type Subject } from '../enums.js';
import { isEntityStaff, viewScope } from './entities.js';
import { GFA } from './fa.js';
import { getRuleSet, jalaliFromDbDate } from './rule-sets.js';
import { ACTION_NEEDS, loadRequest, type RequestRow } from './requests.js';
import { gradingRequests } from './schema.js';
import { documentRefs } from './sheets.js';
import { GRADING_WORKFLOWS, gradingStateTitle } from './workflow.js';
import { likeEscape } from '../../../core/db/like.js';

type HistoryRow = typeof wfHistory.$inferSelect;

export interface RequestFilters {
  subject?: Subject | undefined;
  state?: RequestState | undefined;
  provinceId?: number | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
}

const isFinal = (subject: Subject, state: string) => !!GRADING_WORKFLOWS[subject].states[state as RequestState]?.final;
const entityName = sql<string>`coalesce(${orgMunicipalities.name}, ${orgDehyaris.name}, '')`;
const overdueSql = sql`(${wfCases.dueAt} is not null and ${wfCases.dueAt} < now())`;

/** The WHERE of every request read: the viewer's scope per subject, then the filters. */
function where(actor: Actor, f: RequestFilters): SQL {
  const parts: SQL[] = [viewScope(actor, gradingRequests.subject, gradingRequests.divisionPath, f.subject)];
  if (f.state) parts.push(eq(wfCases.state, f.state));
  if (f.provinceId) parts.push(sql`${gradingRequests.divisionPath} like ${`/${f.provinceId}/%`}`);
  if (f.overdue) parts.push(overdueSql);
  const q = f.q?.trim();
  if (q) {
    const code = normalizeTrackingCode(q);
    const norm = likeEscape(normalizeFa(q));
    parts.push(code ? eq(gradingRequests.trackingCode, code) : sql`fa_normalize(${entityName}) like ${`%${norm}%`}`);
  }
  return and(...parts)!;
}

function base(db: DbOrTx) {
  return db
    .select({ req: gradingRequests, case: wfCases, name: entityName })
    .from(gradingRequests)
    .innerJoin(wfCases, eq(wfCases.id, gradingRequests.caseId))
    .leftJoin(orgMunicipalities, and(eq(gradingRequests.subject, 'municipality'), eq(orgMunicipalities.divisionId, gradingRequests.divisionId)))
    .leftJoin(orgDehyaris, and(eq(gradingRequests.subject, 'dehyari'), eq(orgDehyaris.divisionId, gradingRequests.divisionId)));
}

function listItem(r: RequestRow, c: WorkflowCase, name: string, places: Map<string, string>, now = Date.now()): RequestListItem {
  return {
    id: r.id, trackingCode: r.trackingCode, subject: r.subject, divisionId: r.divisionId, name, place: places.get(r.divisionPath) ?? '',
    fromGrade: r.fromGrade, supportedGrade: r.supportedGrade, state: c.state as RequestState, stateTitle: gradingStateTitle(r.subject, c.state),
    dueAt: c.dueAt?.toISOString() ?? null, overdue: !isFinal(r.subject, c.state) && c.dueAt !== null && c.dueAt.getTime() < now, createdAt: r.createdAt.toISOString(),
  };
}

/** One page of the requests in scope: open ones first (overdue first, nearest deadline first), then newest. */
export async function listRequests(db: DbOrTx, actor: Actor, f: RequestFilters & { page: number; pageSize: number }): Promise<{ items: RequestListItem[]; total: number }> {
  const w = where(actor, f);
  const [found, [count]] = await Promise.all([
    base(db).where(w)
      .orderBy(sql`(${gradingRequests.closedAt} is null) desc`, sql`${overdueSql} desc`, sql`${wfCases.dueAt} asc nulls last`, desc(gradingRequests.createdAt), asc(gradingRequests.id))
      .limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(gradingRequests).innerJoin(wfCases, eq(wfCases.id, gradingRequests.caseId))
      .leftJoin(orgMunicipalities, and(eq(gradingRequests.subject, 'municipality'), eq(orgMunicipalities.divisionId, gradingRequests.divisionId)))
      .leftJoin(orgDehyaris, and(eq(gradingRequests.subject, 'dehyari'), eq(orgDehyaris.divisionId, gradingRequests.divisionId)))
      .where(w),
  ]);
  const places = await placeLabels(db, found.map((r) => r.req.divisionPath));
  return { items: found.map((r) => listItem(r.req, r.case, r.name, places)), total: Number(count?.n ?? 0) };
}

type ExportRow = RequestListItem & { finalGrade: number | null; orderNumber: string | null; effectiveDate: string | null; year: number };

/** Rows of the export, in pages of 500 (the export streams them). */
export async function* exportRows(db: DbOrTx, actor: Actor, f: RequestFilters): AsyncGenerator<ExportRow> {
  const w = where(actor, f);
  for (let offset = 0; ; offset += 500) {
    const found = await base(db).where(w).orderBy(asc(gradingRequests.createdAt), asc(gradingRequests.id)).limit(500).offset(offset);
    if (!found.length) return;
    const places = await placeLabels(db, found.map((r) => r.req.divisionPath));
    for (const r of found) {
      yield { ...listItem(r.req, r.case, r.name, places), finalGrade: r.req.finalGrade, orderNumber: r.req.orderNumber, effectiveDate: r.req.effectiveDate ? jalaliFromDbDate(r.req.effectiveDate) : null, year: r.req.year };
    }
  }
}

/** The export's columns, Persian headers. */
export const EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { key: 'trackingCode', title: 'کد پیگیری' },
  { key: 'subject', title: 'نوع', value: (r) => SUBJECT_TITLES[r.subject] },
  { key: 'name', title: 'نام' },
  { key: 'place', title: 'محل' },
  { key: 'year', title: 'سال شاخص‌ها' },
  { key: 'fromGrade', title: 'درجه فعلی' },
  { key: 'supportedGrade', title: 'درجه پشتیبانی‌شده' },
  { key: 'finalGrade', title: 'درجه مصوب' },
  { key: 'stateTitle', title: 'وضعیت' },
  { key: 'dueAt', title: 'مهلت مرحله', value: (r) => (r.dueAt ? new Date(r.dueAt) : null) },
  { key: 'overdue', title: 'گذشته از مهلت' },
  { key: 'effectiveDate', title: 'تاریخ اجرا' },
  { key: 'orderNumber', title: 'شماره حکم' },
  { key: 'createdAt', title: 'تاریخ ثبت', value: (r) => new Date(r.createdAt) },
];

/** History rows that move the case (the engine's own SLA rows stay in place). */
const moves = (history: HistoryRow[]) => history.filter((h) => h.action === 'open' || !h.action.startsWith('sla.'));

/**
 * The engine's SLA clock replayed over a case's history: for each state entered, the clock as the engine set it
 * (a fresh SLA; a return pausing the reviewer's clock; the resubmission resuming it with the days that were left).
 */
export function replayClock(def: WorkflowDefinition, c: WorkflowCase, history: HistoryRow[], holidays: ReadonlySet<string>): { row: HistoryRow; clock: ClockFields }[] {
  let sim: WorkflowCase = { ...c, state: '', dueAt: null, slaPausedState: null, slaRemainingDays: null };
  return moves(history).map((h) => {
    const sla = def.states[h.toState]?.sla;
    const clock: ClockFields = h.action === 'open' || !sim.state
      ? { dueAt: sla ? addWorkingDays(h.at, slaDays(sla, c.data), holidays) : null, slaPausedState: null, slaRemainingDays: null }
      : clockOnEnter(def, sim, h.toState, h.at, holidays);
    sim = { ...sim, state: h.toState, ...clock };
    return { row: h, clock };
  });
}

/**
 * The steps a case went through, from its history and the definition's SLAs (see {@link replayClock}): when each was
 * entered and left, its deadline, the working days spent and whether it ran late. The current step's deadline is the
 * case's own.
 */
export function stepsOf(def: WorkflowDefinition, c: WorkflowCase, history: HistoryRow[], holidays: ReadonlySet<string>, now = new Date()): RequestStep[] {
  const list = replayClock(def, c, history, holidays);
  return list.map(({ row: h, clock }, i) => {
    const last = i === list.length - 1;
    const leftAt = last ? null : list[i + 1]!.row.at;
    const final = !!def.states[h.toState]?.final;
    const dueAt = final ? null : last ? c.dueAt : clock.dueAt;
    const end = leftAt ?? now;
    return {
      state: h.toState as RequestState, title: def.states[h.toState]?.title ?? h.toState, enteredAt: h.at.toISOString(), leftAt: leftAt?.toISOString() ?? null,
      dueAt: dueAt?.toISOString() ?? null, days: final ? 0 : Math.max(0, workingDaysBetween(h.at, end, holidays)), late: dueAt !== null && end.getTime() > dueAt.getTime(),
    };
  });
}

const historyTitle = (def: WorkflowDefinition, action: string) => actionTitle(def, action, GFA.openTitle);

/** One request's page for `actor` (404 when he may not see it). */
export async function requestView(db: DbOrTx, actor: Actor, id: string): Promise<RequestView> {
  const { req: r, case: c } = await loadRequest(db, actor, id);
  const def = GRADING_WORKFLOWS[r.subject];
  const [[row], places, history, documents, rules, holidays] = await Promise.all([
    base(db).where(eq(gradingRequests.id, r.id)),
    placeLabels(db, [r.divisionPath]),
    caseHistory(db, c.id),
    documentRefs(db, r.documents),
    getRuleSet(db, r.ruleSetId),
    loadHolidays(db),
  ]);
  const userIds = [...new Set([...history.map((h) => h.actorId), ...Object.values(r.verdicts).map((v) => v.reviewerId)].filter((x): x is number => x != null))];
  const names = new Map(userIds.length ? (await db.select({ id: authUsers.id, name: authUsers.displayName }).from(authUsers).where(inArray(authUsers.id, userIds))).map((u) => [u.id, u.name]) : []);
  const verdicts: Record<string, IndicatorReview> = Object.fromEntries(Object.entries(r.verdicts).map(([k, { reviewerId, ...v }]) => [k, { ...v, reviewer: reviewerId != null ? (names.get(reviewerId) ?? null) : null }]));
  const decided = r.finalGrade != null || r.decisionReasons != null;
  return {
    ...listItem(r, c, row?.name ?? '', places),
    year: r.year, justification: r.justification, version: c.version,
    ruleSet: { id: r.ruleSetId, version: rules?.version ?? 0, title: rules?.title ?? '', isExample: rules?.isExample ?? false },
    values: r.values, documents, evaluation: r.evaluation, verdicts, reviewedEvaluation: r.reviewedEvaluation,
    decision: decided ? { grade: r.finalGrade ?? r.fromGrade ?? 0, effectiveDate: r.effectiveDate ? jalaliFromDbDate(r.effectiveDate) : null, orderNumber: r.orderNumber, reasons: r.decisionReasons } : null,
    steps: stepsOf(def, c, history, holidays),
    history: history.map((h) => ({
      action: h.action, title: historyTitle(def, h.action), fromState: h.fromState, toState: h.toState, comment: h.comment,
      actor: h.actorId != null ? (names.get(h.actorId) ?? null) : null, at: h.at.toISOString(),
    })),
    actions: availableActions(c, actor).filter((k) => k !== 'resubmit').map((key) => {
      const a = def.actions[key]!;
      return { key, title: a.title, requireComment: !!a.requireComment, needs: ACTION_NEEDS[key] ?? null };
    }),
    mine: isEntityStaff(actor, r.subject, r.divisionPath),
  };
}
