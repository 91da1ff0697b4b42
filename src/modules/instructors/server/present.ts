// What people see of qualification applications: the summary (the instructor's page and the staff page share it),
// the scoped staff list with its filters and export, and one application's staff page with the evidence, the
// review, earlier decisions and what the viewer may do now.
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authUsers } from '../../../core/auth/schema.js';
import { normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { docFiles } from '../../../core/documents/schema.js';
import { normalizeFa, toAsciiDigits, toPersianDigits as fa } from '../../../core/fa/normalize.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { divisionNames } from '../../../core/org/queries.js';
import { availableActions, caseHistory, type WorkflowCase } from '../../../core/workflow/engine.js';
import { wfCases, type wfHistory } from '../../../core/workflow/schema.js';
import type { ApplicationListItem, ApplicationSummary, ApplicationView, EvidenceItem, HistoryEntry } from '../api-types.js';
import { APPLICATION_KIND_TITLES, DEGREE_TITLES, PUBLICATION_KIND_TITLES, type ApplicationKind, type ApplicationState } from '../enums.js';
import { applicationScope, staffApplication, type ApplicationRow } from './applications.js';
import { getCriteria } from './criteria.js';
import { IFA } from './fa.js';
import { fieldTitles } from './fields.js';
import { documentIdsOf } from './profiles.js';
import type { ProfileRow } from './ratings-store.js';
import { instApplications, instProfiles } from './schema.js';
import { qualificationStateTitle, qualificationWorkflow } from './workflow.js';
import { likeEscape } from '../../../core/db/like.js';
import { actionTitle } from '../../../core/workflow/definition.js';

type HistoryRow = typeof wfHistory.$inferSelect;

export interface ApplicationFilters {
  state?: ApplicationState | undefined;
  kind?: ApplicationKind | undefined;
  field?: string | undefined;
  provinceId?: number | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
}

const isFinal = (state: string) => !!qualificationWorkflow.states[state as ApplicationState]?.final;
const overdueSql = sql`(${wfCases.dueAt} is not null and ${wfCases.dueAt} < now() and ${instApplications.closedAt} is null)`;
const RETURNS = new Set(['expert_return', 'more_info']);

const historyTitle = (action: string) => actionTitle(qualificationWorkflow, action, IFA.openTitle);

/** Who acted, by user id: staff by their display name, the instructor by his own name. */
async function actorNames(db: DbOrTx, ids: (number | null)[], profile: Pick<ProfileRow, 'userId' | 'firstName' | 'lastName'>): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((x): x is number => x != null))];
  const found = unique.length ? await db.select({ id: authUsers.id, name: authUsers.displayName }).from(authUsers).where(inArray(authUsers.id, unique)) : [];
  const names = new Map(found.map((u) => [u.id, u.name]));
  names.set(profile.userId, `${profile.firstName} ${profile.lastName}`);
  return names;
}

function historyEntries(rows: HistoryRow[], names: Map<number, string>): HistoryEntry[] {
  return rows.map((h) => ({
    seq: h.seq, action: h.action, actionTitle: historyTitle(h.action), fromState: h.fromState, toState: h.toState, toStateTitle: qualificationStateTitle(h.toState),
    actor: h.actorId != null ? (names.get(h.actorId) ?? null) : null, comment: h.comment, at: h.at.toISOString(),
  }));
}

/** An application as both its instructor and the staff see it (state, scores, decision, history). */
export async function applicationSummary(db: DbOrTx, app: ApplicationRow, c: WorkflowCase, profile: ProfileRow, history?: HistoryRow[]): Promise<ApplicationSummary> {
  const rows = history ?? (await caseHistory(db, c.id));
  const names = await actorNames(db, rows.map((h) => h.actorId), profile);
  const lastReturn = c.state === 'returned' ? [...rows].reverse().find((h) => RETURNS.has(h.action)) : undefined;
  return {
    id: app.id, trackingCode: app.trackingCode, kind: app.kind, kindTitle: APPLICATION_KIND_TITLES[app.kind], state: c.state as ApplicationState, stateTitle: qualificationStateTitle(c.state),
    createdAt: app.createdAt.toISOString(), fields: app.fields, preScores: app.preScores, reviewedScores: app.reviewedScores, qualifiedFields: app.qualifiedFields,
    validUntil: app.validUntil ? jalaliFromDbDate(app.validUntil) : null, decisionReasons: app.decisionReasons, returnComment: lastReturn?.comment ?? null,
    version: c.version, history: historyEntries(rows, names),
  };
}

/** The WHERE of every staff read: the viewer's scope, then the filters. */
function where(actor: Actor, f: ApplicationFilters): SQL {
  const parts: SQL[] = [applicationScope(actor, wfCases.divisionPath)];
  if (f.state) parts.push(eq(wfCases.state, f.state));
  if (f.kind) parts.push(eq(instApplications.kind, f.kind));
  if (f.field) parts.push(sql`${instApplications.fields} @> ${JSON.stringify([f.field])}::jsonb`);
  if (f.provinceId) parts.push(sql`${instApplications.provincePath} like ${`/${f.provinceId}/%`}`);
  if (f.overdue) parts.push(overdueSql);
  const q = f.q?.trim();
  if (q) {
    const code = normalizeTrackingCode(q);
    const digits = toAsciiDigits(q).replace(/\D/g, '');
    const norm = likeEscape(normalizeFa(q));
    parts.push(
      code ? eq(instApplications.trackingCode, code)
      : digits.length === 10 && digits === toAsciiDigits(q).trim() ? eq(instProfiles.nationalCode, digits)
      : sql`fa_normalize(${instProfiles.firstName} || ' ' || ${instProfiles.lastName}) like ${`%${norm}%`}`,
    );
  }
  return and(...parts)!;
}

function base(db: DbOrTx) {
  return db
    .select({ app: instApplications, case: wfCases, profile: instProfiles })
    .from(instApplications)
    .innerJoin(wfCases, eq(wfCases.id, instApplications.caseId))
    .innerJoin(instProfiles, eq(instProfiles.id, instApplications.profileId));
}

type Found = { app: ApplicationRow; case: WorkflowCase; profile: ProfileRow };

function listItem({ app, case: c, profile }: Found, provinces: Map<number, string>, title: (k: string) => string, now = Date.now()): ApplicationListItem {
  return {
    id: app.id, trackingCode: app.trackingCode, kind: app.kind, kindTitle: APPLICATION_KIND_TITLES[app.kind], name: `${profile.firstName} ${profile.lastName}`,
    province: provinces.get(profile.provinceId) ?? '', fields: app.fields.map((key) => ({ key, title: title(key) })),
    preScore: Math.max(0, ...app.preScores.map((s) => s.total)), state: c.state as ApplicationState, stateTitle: qualificationStateTitle(c.state),
    createdAt: app.createdAt.toISOString(), dueAt: c.dueAt?.toISOString() ?? null, overdue: !isFinal(c.state) && c.dueAt !== null && c.dueAt.getTime() < now,
  };
}

async function listItems(db: DbOrTx, found: Found[]): Promise<ApplicationListItem[]> {
  const [provinces, title] = await Promise.all([divisionNames(db, found.map((r) => r.profile.provinceId)), fieldTitles(db)]);
  return found.map((r) => listItem(r, provinces, title));
}

/** One page of the applications in scope: open ones first (overdue first, nearest deadline first), then newest. */
export async function listApplications(db: DbOrTx, actor: Actor, f: ApplicationFilters & { page: number; pageSize: number }): Promise<{ items: ApplicationListItem[]; total: number }> {
  const w = where(actor, f);
  const [found, [count]] = await Promise.all([
    base(db).where(w)
      .orderBy(sql`(${instApplications.closedAt} is null) desc`, sql`${overdueSql} desc`, sql`${wfCases.dueAt} asc nulls last`, desc(instApplications.createdAt), asc(instApplications.id))
      .limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(instApplications)
      .innerJoin(wfCases, eq(wfCases.id, instApplications.caseId)).innerJoin(instProfiles, eq(instProfiles.id, instApplications.profileId)).where(w),
  ]);
  return { items: await listItems(db, found), total: Number(count?.n ?? 0) };
}

type ExportRow = ApplicationListItem & { nationalCode: string; fieldTitles: string; validUntil: string | null; trainingId: string | null };

/** Rows of the export, in pages of 500. */
export async function* exportRows(db: DbOrTx, actor: Actor, f: ApplicationFilters): AsyncGenerator<ExportRow> {
  const w = where(actor, f);
  for (let offset = 0; ; offset += 500) {
    const found = await base(db).where(w).orderBy(asc(instApplications.createdAt), asc(instApplications.id)).limit(500).offset(offset);
    if (!found.length) return;
    const items = await listItems(db, found);
    for (const [i, item] of items.entries()) {
      const { app, case: c, profile } = found[i]!;
      yield {
        ...item, nationalCode: profile.nationalCode, fieldTitles: item.fields.map((x) => x.title).join('، '),
        validUntil: app.validUntil ? jalaliFromDbDate(app.validUntil) : null, trainingId: c.state === 'qualified' ? profile.trainingId : null,
      };
    }
  }
}

/** The export's columns, Persian headers. */
export const EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { key: 'trackingCode', title: 'کد پیگیری' },
  { key: 'kindTitle', title: 'نوع درخواست' },
  { key: 'name', title: 'نام مدرس' },
  { key: 'nationalCode', title: 'کد ملی' },
  { key: 'province', title: 'استان' },
  { key: 'fieldTitles', title: 'زمینه‌های تخصصی' },
  { key: 'preScore', title: 'بهترین امتیاز اولیه' },
  { key: 'stateTitle', title: 'وضعیت' },
  { key: 'dueAt', title: 'مهلت مرحله', value: (r) => (r.dueAt ? new Date(r.dueAt) : null) },
  { key: 'overdue', title: 'گذشته از مهلت' },
  { key: 'validUntil', title: 'اعتبار تا' },
  { key: 'trainingId', title: 'شناسه آموزشی' },
  { key: 'createdAt', title: 'تاریخ ثبت', value: (r) => new Date(r.createdAt) },
];

const n = (x: number | string) => fa(x);

/** Each item of a snapshot in words, with its documents' file names and whether the expert verified it. */
async function evidenceOf(db: DbOrTx, app: ApplicationRow, title: (k: string) => string): Promise<EvidenceItem[]> {
  const s = app.snapshot;
  const ids = documentIdsOf(s);
  const files = ids.length ? await db.select({ id: docFiles.id, filename: docFiles.filename }).from(docFiles).where(inArray(docFiles.id, ids)) : [];
  const name = new Map(files.map((f) => [f.id, f.filename]));
  const verified = new Set(app.verifiedItems);
  const item = (section: EvidenceItem['section'], i: { id: string; documents: string[] }, text: string): EvidenceItem => ({
    id: i.id, section, text, verified: verified.has(i.id), documents: i.documents.flatMap((id) => (name.has(id) ? [{ id, filename: name.get(id)! }] : [])),
  });
  return [
    ...s.education.map((e) => item('education', e, `${DEGREE_TITLES[e.degree]} ${e.field} — ${e.university} (${n(e.year)})`)),
    ...s.teaching.map((t) => item('teaching', t, `${t.course} — ${t.organization}، ${title(t.field)}، ${n(t.hours)} ساعت (${n(t.year)})`)),
    ...s.experience.map((e) => item('experience', e, `${e.title} — ${e.organization} (${n(e.fromYear)} تا ${e.toYear === null ? 'اکنون' : n(e.toYear)})`)),
    ...s.publications.map((p) => item('publications', p, `${PUBLICATION_KIND_TITLES[p.kind]}: ${p.title}${p.publisher ? ` — ${p.publisher}` : ''} (${n(p.year)})`)),
    ...s.certificates.map((c) => item('certificates', c, `${c.title} — ${c.issuer} (${n(c.year)})`)),
  ];
}

/** One application's staff page (404 outside the viewer's scope). */
export async function applicationView(db: DbOrTx, actor: Actor, id: string): Promise<ApplicationView> {
  const { app, case: c, profile } = await staffApplication(db, actor, id);
  const [history, criteria, provinces, earlier, evidence] = await Promise.all([
    caseHistory(db, c.id),
    getCriteria(db, app.criteriaSetId),
    divisionNames(db, [profile.provinceId]),
    base(db).where(and(eq(instApplications.profileId, profile.id), ne(instApplications.id, app.id))).orderBy(desc(instApplications.createdAt)),
    fieldTitles(db).then((t) => evidenceOf(db, app, t)),
  ]);
  const summary = await applicationSummary(db, app, c, profile, history);
  const reviewer = app.reviewedById != null ? (await actorNames(db, [app.reviewedById], profile)).get(app.reviewedById) ?? null : null;
  const def = criteria!.definition;
  return {
    ...summary,
    profileId: profile.id, name: `${profile.firstName} ${profile.lastName}`, nationalCode: profile.nationalCode, mobile: profile.mobile,
    province: provinces.get(profile.provinceId) ?? '', snapshot: { ...app.snapshot, version: app.profileVersion },
    criteriaSet: { id: criteria!.id, version: criteria!.version, title: criteria!.title, passScore: def.passScore, validityYears: def.validityYears },
    evidence, review: app.review, reviewedBy: reviewer, trainingId: profile.trainingId,
    earlier: earlier.map((e) => ({ id: e.app.id, trackingCode: e.app.trackingCode, kindTitle: APPLICATION_KIND_TITLES[e.app.kind], stateTitle: qualificationStateTitle(e.case.state), createdAt: e.app.createdAt.toISOString() })),
    actions: availableActions(c, actor).filter((k) => k !== 'resubmit' && k !== 'withdraw').map((key) => {
      const a = qualificationWorkflow.actions[key as 'qualify']!;
      return { action: key, title: a.title, requireComment: !!a.requireComment };
    }),
    dueAt: isFinal(c.state) ? null : (c.dueAt?.toISOString() ?? null),
    overdue: !isFinal(c.state) && c.dueAt !== null && c.dueAt.getTime() < Date.now(),
  };
}
