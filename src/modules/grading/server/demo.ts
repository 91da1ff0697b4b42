// Demo mode: the grade histories of the demo municipalities and dehyaris (initial grades years ago), this year's
// indicator sheets with their documents, and upgrade requests in every state of the review — the demo municipality
// (Sari) has its own request returned by the expert for correction, the demo dehyari's waits for the committee.
// Everything goes through the service's own commands, then the timeline is backdated over the last months.
import { and, asc, count, eq, inArray, like, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { Role } from '../../../core/access/roles.js';
import { demoStaffActors } from '../../../core/auth/demo.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { storeDocument } from '../../../core/documents/store.js';
import { jalaliParts } from '../../../core/fa/jalali.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import { pathIds } from '../../../core/org/queries.js';
import { orgDehyaris, orgDivisions, orgMunicipalities } from '../../../core/org/schema.js';
import { loadHolidays } from '../../../core/workflow/calendar.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import type { IndicatorValue, ReviewInput } from '../contract.js';
import type { Subject } from '../enums.js';
import type { Entity } from './entities.js';
import { replayClock } from './present.js';
import { actOnRequest, correctRequest, createRequest, setCoreGrade } from './requests.js';
import { dbDateFromJalali, dbDateOf, ensureDefaultRules, jalaliFromDbDate } from './rule-sets.js';
import { gradingHistory, gradingRequests, gradingSheets } from './schema.js';
import { rulesNow, saveSheet } from './sheets.js';
import { ENTITY_ROLE, EXPERT_ROLE, GRADING_WORKFLOWS } from './workflow.js';

const DAY = 86_400_000;
const DEMO_LOCK = 7349202;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const STAFF = ['municipality', 'dehyari', 'province.reviewer', 'expert.municipal', 'expert.rural', 'grading.committee'] as const;
type Staff = Record<(typeof STAFF)[number], Actor>;

/** A grade given long ago (before this platform): no rule version, the order number of the time. */
type Initial = [grade: number, date: string, order: string];

interface Step {
  action: ReviewInput['action'] | 'resubmit';
  days: number;
  comment?: string;
  /** expert_forward: adjusted indicators, value and reason (the others accepted) */
  adjust?: Record<string, [IndicatorValue, string]>;
  /** resubmit: changed values */
  values?: Record<string, IndicatorValue>;
  /** approve: effective date, days ago */
  effectiveDaysAgo?: number;
}

interface DemoEntity {
  subject: Subject;
  /** the city's or village's name (demo tree) */
  at: string;
  initial: Initial;
  sheet?: { values: Record<string, IndicatorValue>; request?: { justification: string; days: number; steps: Step[] } };
}

const ENTITIES: DemoEntity[] = [
  {
    subject: 'municipality', at: 'ساری', initial: [10, '1399/04/15', '1399/ش/0041'],
    sheet: {
      values: { continuous_income: 12_000, net_income: 6_000, population: 309_820, admin_status: 'province_center' },
      request: {
        justification: 'درآمد مستمر و پایدار شهرداری ساری در سه سال اخیر بیش از دو برابر شده و جمعیت شهر مطابق آخرین سرشماری از ۳۰۰ هزار نفر گذشته است؛ شاخص‌ها درجه ۱۱ را پشتیبانی می‌کند و ارتقا از درجه ۱۰ به ۱۱ را درخواست داریم.',
        days: 32,
        steps: [
          { action: 'province_forward', days: 29 },
          { action: 'expert_return', days: 12, comment: 'گواهی جمعیت پیوست‌شده مربوط به سرشماری ۱۳۹۰ است؛ گواهی مرکز آمار از نتایج آخرین سرشماری و صورت‌های مالی حسابرسی‌شده سال ۱۴۰۴ را پیوست کنید.' },
        ],
      },
    },
  },
  {
    subject: 'municipality', at: 'بابل', initial: [8, '1398/09/10', '1398/ش/0087'],
    sheet: {
      values: { continuous_income: 3_100, net_income: 1_800, population: 250_217, admin_status: 'county_center' },
      request: {
        justification: 'با تکمیل طرح‌های درآمدزای شهرداری بابل، درآمد پایدار از ۱٬۵۰۰ میلیارد ریال گذشته است؛ ارتقا از درجه ۸ به ۹ را درخواست داریم.',
        days: 160,
        steps: [
          { action: 'province_forward', days: 150 },
          { action: 'expert_return', days: 130, comment: 'رقم درآمد مستمر با صورت‌های مالی حسابرسی‌شده هم‌خوانی ندارد؛ جدول تفکیک درآمدها به تأیید حسابرس را پیوست کنید.' },
          { action: 'resubmit', days: 120, values: { continuous_income: 2_900, net_income: 1_800, population: 250_217, admin_status: 'county_center' } },
          { action: 'expert_forward', days: 100 },
          { action: 'approve', days: 70, effectiveDaysAgo: 68 },
          { action: 'issue', days: 65 },
        ],
      },
    },
  },
  {
    subject: 'municipality', at: 'کیاسر', initial: [2, '1397/02/20', '1397/ش/0015'],
    sheet: {
      values: { continuous_income: 120, net_income: 80, population: 4_500, admin_status: 'district_center' },
      request: {
        justification: 'شهرداری کیاسر با راه‌اندازی بازارچه گردشگری و عوارض محلی درآمد پایدار خود را افزایش داده است؛ ارتقا از درجه ۲ به ۳ را درخواست داریم.',
        days: 16,
        steps: [{ action: 'province_forward', days: 12 }],
      },
    },
  },
  {
    subject: 'municipality', at: 'فریم', initial: [2, '1397/02/20', '1397/ش/0016'],
    sheet: {
      values: { continuous_income: 110, net_income: 90, population: 3_000, admin_status: 'district_center' },
      request: {
        justification: 'درآمدهای شهرداری فریم طی دو سال اخیر رشد قابل توجهی داشته است؛ ارتقا از درجه ۲ به ۳ را درخواست داریم.',
        days: 15,
        steps: [{ action: 'province_return', days: 11, comment: 'صورت‌های مالی سال ۱۴۰۴ به تأیید حسابرس رسمی نرسیده و مصوبه شورای اسلامی شهر درباره درآمد پایدار پیوست نشده است؛ لطفاً تکمیل کنید.' }],
      },
    },
  },
  {
    subject: 'municipality', at: 'گلوگاه', initial: [3, '1400/07/01', '1400/ش/0064'],
    sheet: {
      values: { continuous_income: 260, net_income: 210, population: 8_000, admin_status: 'district_center' },
      request: { justification: 'با افزایش جمعیت شهر و درآمدهای پایدار، شاخص‌ها درجه ۴ را پشتیبانی می‌کند؛ ارتقا از درجه ۳ به ۴ را درخواست داریم.', days: 12, steps: [] },
    },
  },
  {
    subject: 'municipality', at: 'نطنز', initial: [5, '1399/11/05', '1399/ش/0102'],
    sheet: {
      values: { continuous_income: 600, net_income: 520, population: 14_000, admin_status: 'county_center' },
      request: {
        justification: 'شهرداری نطنز با افزایش درآمد پایدار و جمعیت، شاخص‌های درجه ۶ را دارد؛ ارتقا از درجه ۵ به ۶ را درخواست داریم.',
        days: 90,
        steps: [
          { action: 'province_forward', days: 84 },
          { action: 'expert_forward', days: 60, adjust: { net_income: [480, 'درآمد پایدار خالص پس از کسر کمک‌های موردی دولتی ۴۸۰ میلیارد ریال است (صورت‌های مالی حسابرسی‌شده).'] } },
          { action: 'approve', days: 3, effectiveDaysAgo: 0 },
        ],
      },
    },
  },
  {
    subject: 'dehyari', at: 'بالا بندارخیل', initial: [3, '1399/06/01', '1399/د/0210'],
    sheet: {
      values: { income: 8, population: 2_400, area: 120, center_status: 'rural_district_center', tourism: 'medium' },
      request: {
        justification: 'روستای بالا بندارخیل مرکز دهستان مذکوره است و درآمد دهیاری با واگذاری خدمات پسماند افزایش یافته است؛ ارتقا از درجه ۳ به ۴ را درخواست داریم.',
        days: 60,
        steps: [
          { action: 'province_forward', days: 55 },
          { action: 'expert_forward', days: 14, adjust: { income: [7.2, 'طبق صورت‌های مالی تأییدشده بخشداری، درآمد دهیاری ۷٫۲ میلیارد ریال است؛ کمک‌های موردی از درآمد کسر شد.'] } },
        ],
      },
    },
  },
  {
    subject: 'dehyari', at: 'مزده', initial: [1, '1398/03/01', '1398/د/0055'],
    sheet: {
      values: { income: 2.5, population: 1_200, area: 60, center_status: 'other', tourism: 'low' },
      request: {
        justification: 'دهیاری مزده با افزایش درآمد و جمعیت روستا درخواست ارتقا از درجه ۱ به ۲ را دارد.',
        days: 100,
        steps: [
          { action: 'province_forward', days: 95 },
          { action: 'expert_forward', days: 70, adjust: { income: [0.8, 'بخش عمده درآمد اعلام‌شده کمک موردی دولتی است و درآمد دهیاری محسوب نمی‌شود.'], area: [45, 'طبق طرح هادی مصوب، مساحت محدوده روستا ۴۵ هکتار است.'] } },
          { action: 'reject', days: 40, comment: 'کارگروه با توجه به کاهش درآمد پایدار پس از بررسی کارشناسی و نبود طرح هادی به‌روز، ارتقای درجه را در این دوره تأیید نکرد؛ پس از تصویب طرح هادی جدید دوباره درخواست دهید.' },
        ],
      },
    },
  },
  {
    subject: 'dehyari', at: 'سنگده', initial: [1, '1396/08/01', '1396/د/0131'],
    sheet: {
      values: { income: 1.5, population: 700, area: 40, center_status: 'other', tourism: 'high' },
      request: { justification: 'روستای سنگده با ظرفیت بالای گردشگری درخواست ارتقا از درجه ۱ به ۲ را دارد.', days: 30, steps: [{ action: 'withdraw', days: 26 }] },
    },
  },
  {
    subject: 'dehyari', at: 'اسبوکلا', initial: [2, '1397/10/12', '1397/د/0178'],
    sheet: {
      values: { income: 4, population: 1_600, area: 70, center_status: 'other', tourism: 'low' },
      request: {
        justification: 'درآمد دهیاری اسبوکلا با راه‌اندازی ایستگاه آتش‌نشانی و خدمات روستایی افزایش یافته است؛ ارتقا از درجه ۲ به ۳ را درخواست داریم.',
        days: 120,
        steps: [
          { action: 'province_forward', days: 115 },
          { action: 'expert_forward', days: 90 },
          { action: 'approve', days: 50, effectiveDaysAgo: 48 },
          { action: 'issue', days: 45 },
        ],
      },
    },
  },
  {
    subject: 'dehyari', at: 'دولت‌آباد', initial: [2, '1396/05/20', '1396/د/0090'],
    sheet: {
      values: { income: 5, population: 2_100, area: 90, center_status: 'other', tourism: 'none' },
      request: { justification: 'جمعیت روستای دولت‌آباد از ۲ هزار نفر گذشته و درآمد دهیاری افزایش یافته است؛ ارتقا از درجه ۲ به ۳ را درخواست داریم.', days: 1, steps: [] },
    },
  },
  { subject: 'dehyari', at: 'ابیانه', initial: [5, '1400/02/10', '1400/د/0032'], sheet: { values: { income: 30, population: 300, area: 90, center_status: 'other', tourism: 'tourism_target' } } },
  { subject: 'dehyari', at: 'برز', initial: [2, '1398/12/01', '1398/د/0301'] },
  { subject: 'dehyari', at: 'لیمون', initial: [2, '1398/04/22', '1398/د/0061'] },
  { subject: 'dehyari', at: 'آخورسر', initial: [1, '1397/07/14', '1397/د/0140'] },
  { subject: 'dehyari', at: 'رگندشت', initial: [1, '1397/07/14', '1397/د/0141'] },
  { subject: 'dehyari', at: 'چناربن', initial: [2, '1399/01/25', '1399/د/0012'] },
  { subject: 'dehyari', at: 'زرین‌آباد علیا', initial: [2, '1398/08/30', '1398/د/0244'] },
  { subject: 'dehyari', at: 'ولاشید', initial: [1, '1396/10/02', '1396/د/0170'] },
  { subject: 'dehyari', at: 'ایلال', initial: [2, '1399/09/09', '1399/د/0277'] },
  { subject: 'dehyari', at: 'ششک', initial: [1, '1398/02/18', '1398/د/0040'] },
  { subject: 'dehyari', at: 'اروست', initial: [3, '1400/05/05', '1400/د/0150'] },
  { subject: 'dehyari', at: 'جورجاده', initial: [2, '1397/03/03', '1397/د/0049'] },
  { subject: 'dehyari', at: 'نریواران شرقی', initial: [3, '1399/10/20', '1399/د/0288'] },
];

/** The demo entities by their place's name (demo codes only, so an imported real place of the same name is not taken). */
async function demoEntities(tx: Tx): Promise<Map<string, Entity>> {
  const out = new Map<string, Entity>();
  for (const subject of ['municipality', 'dehyari'] as const) {
    const table = subject === 'municipality' ? orgMunicipalities : orgDehyaris;
    const names = ENTITIES.filter((e) => e.subject === subject).map((e) => e.at);
    const found = await tx.select({ divisionId: table.divisionId, name: table.name, grade: table.grade, path: orgDivisions.path, place: orgDivisions.name })
      .from(table).innerJoin(orgDivisions, eq(orgDivisions.id, table.divisionId))
      .where(and(inArray(orgDivisions.name, names), like(orgDivisions.code, '99%'), eq(orgDivisions.level, subject === 'municipality' ? 'city' : 'village')));
    for (const f of found) out.set(`${subject}:${f.place}`, { subject, divisionId: f.divisionId, path: f.path, name: f.name, coreGrade: f.grade });
  }
  return out;
}

/**
 * The demo has one account per role: the municipality account is Sari's, the dehyari account بالا بندارخیل's, the
 * province reviewer Mazandaran's. Elsewhere the same account stands in with a grant bound there (so the history shows
 * a name), the way the landfills demo stands in for other district governorates.
 */
function bound(actor: Actor, role: Role, path: string, level: 'city' | 'village' | 'province'): Actor {
  if (actor.grants.some((g) => g.role === role && path.startsWith(g.path))) return actor;
  const ids = pathIds(path);
  const scope = level === 'province' ? ids.slice(0, 1) : ids;
  return { ...actor, grants: [{ role, divisionId: scope[scope.length - 1]!, path: `/${scope.join('/')}/`, level }] };
}

function who(staff: Staff, e: Entity, action: string): Actor {
  if (action === 'province_forward' || action === 'province_return') return bound(staff['province.reviewer'], 'province.reviewer', e.path, 'province');
  if (action === 'approve' || action === 'reject') return staff['grading.committee'];
  if (action.startsWith('expert_') || action === 'issue') return staff[EXPERT_ROLE[e.subject] as 'expert.municipal' | 'expert.rural'];
  return entityActor(staff, e);
}

const entityActor = (staff: Staff, e: Entity) =>
  bound(staff[ENTITY_ROLE[e.subject] as 'municipality' | 'dehyari'], ENTITY_ROLE[e.subject], e.path, e.subject === 'municipality' ? 'city' : 'village');

/** One PDF per indicator, uploaded by the entity's staff. */
async function uploadDocuments(tx: Tx, actor: Actor, e: Entity): Promise<Record<string, string[]>> {
  const rules = await rulesNow(tx, e.subject);
  const out: Record<string, string[]> = {};
  for (const ind of rules.definition.indicators) {
    const doc = await storeDocument(tx, { content: PDF, filename: `${ind.evidence || ind.title} — ${e.name}.pdf`, purpose: 'grading-evidence', divisionPath: e.path, owner: actor, maxBytes: 1_000_000 });
    out[ind.key] = [doc.id];
  }
  return out;
}

const jalaliDaysAgo = (days: number, now: number) => jalaliFromDbDate(dbDateOf(new Date(now - days * DAY)));

/** Takes the request through its steps, as the people of each step would. */
async function walk(tx: Tx, staff: Staff, e: Entity, id: string, steps: Step[], documents: Record<string, string[]>, now: number): Promise<void> {
  for (const step of steps) {
    const actor = who(staff, e, step.action);
    const [row] = await tx.select({ req: gradingRequests, version: wfCases.version }).from(gradingRequests).innerJoin(wfCases, eq(wfCases.id, gradingRequests.caseId)).where(eq(gradingRequests.id, id));
    const { req, version } = row!;
    if (step.action === 'resubmit') {
      await correctRequest(tx, actor, id, { values: step.values ?? req.values, documents, justification: req.justification });
      continue;
    }
    const input: ReviewInput = { action: step.action, version, comment: step.comment ?? null };
    if (step.action === 'expert_forward') {
      input.verdicts = Object.fromEntries(req.evaluation.parts.map(({ key: k }) => {
        const adj = step.adjust?.[k];
        return [k, adj ? { verdict: 'adjusted' as const, value: adj[0], reason: adj[1], documentsVerified: true } : { verdict: 'accepted' as const, reason: '', documentsVerified: true }];
      }));
    }
    if (step.action === 'approve') input.effectiveDate = jalaliDaysAgo(step.effectiveDaysAgo ?? 0, now);
    await actOnRequest(tx, actor, id, input);
  }
}

/** Moves a request's timeline back: its history rows to the given days ago, its SLA clock replayed on those times. */
async function backdate(tx: Tx, id: string, days: number[], now: number): Promise<void> {
  const [r] = await tx.select({ req: gradingRequests, case: wfCases }).from(gradingRequests).innerJoin(wfCases, eq(wfCases.id, gradingRequests.caseId)).where(eq(gradingRequests.id, id));
  const { req, case: c } = r!;
  const history = await tx.select().from(wfHistory).where(eq(wfHistory.caseId, c.id)).orderBy(asc(wfHistory.seq));
  if (history.length !== days.length) throw new Error(`seedGradingDemo: ${history.length} history rows, ${days.length} dates`);
  // Office hours: each step at a working-hours moment of its day.
  const at = days.map((d, i) => new Date(now - d * DAY - ((i * 97) % 300) * 60_000));
  for (const [i, h] of history.entries()) await tx.update(wfHistory).set({ at: at[i]! }).where(eq(wfHistory.id, h.id));
  const moved = history.map((h, i) => ({ ...h, at: at[i]! }));
  const replay = replayClock(GRADING_WORKFLOWS[req.subject], c, moved, await loadHolidays(tx));
  const clock = replay[replay.length - 1]!.clock;
  await tx.update(wfCases).set({ ...clock, createdAt: at[0]!, updatedAt: at[at.length - 1]! }).where(eq(wfCases.id, c.id));
  await tx.update(gradingRequests).set({ createdAt: at[0]!, ...(req.closedAt ? { closedAt: at[at.length - 1]! } : {}) }).where(eq(gradingRequests.id, id));
  await tx.update(gradingSheets).set({ createdAt: new Date(at[0]!.getTime() - 3 * DAY), updatedAt: new Date(at[0]!.getTime() - DAY) }).where(eq(gradingSheets.id, req.sheetId));
  await tx.update(gradingHistory).set({ createdAt: at[at.length - 1]! }).where(eq(gradingHistory.requestId, id));
}

/**
 * Seeds the grading demo (idempotent: nothing when any grade history exists). Initial grades are written as history
 * rows of years ago (no rule version, the order numbers of the time); this year's sheets and the requests go through
 * the service's commands with the demo accounts, then their timelines are backdated.
 */
export async function seedGradingDemo(db: Db, _places: DemoPlaces): Promise<void> {
  await ensureDefaultRules(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(gradingHistory);
    if (Number(n) > 0) return;
    const staff = await demoStaffActors(tx, STAFF, 'seedGradingDemo');
    const entities = await demoEntities(tx);
    const now = Date.now();
    // The figures of the last full year (audited statements, as the sheet screen proposes).
    const year = jalaliParts(new Date(now)).year - 1;
    for (const d of ENTITIES) {
      const e = entities.get(`${d.subject}:${d.at}`);
      if (!e) throw new Error(`seedGradingDemo: demo ${d.subject} ${d.at} is missing`);
      const [grade, date, order] = d.initial;
      const effectiveDate = dbDateFromJalali(date)!;
      await tx.insert(gradingHistory).values({ subject: d.subject, divisionId: e.divisionId, divisionPath: e.path, grade, ruleSetId: null, orderNumber: order, effectiveDate, createdAt: effectiveDate });
      await setCoreGrade(tx, d.subject, e.divisionId, grade);
      if (!d.sheet) continue;
      const actor = entityActor(staff, e);
      const documents = await uploadDocuments(tx, actor, e);
      const sheetId = await saveSheet(tx, actor, { subject: d.subject, divisionId: e.divisionId, year, values: d.sheet.values, documents });
      const plan = d.sheet.request;
      if (!plan) continue;
      const id = await createRequest(tx, actor, { sheetId, justification: plan.justification });
      await walk(tx, staff, e, id, plan.steps, documents, now);
      await backdate(tx, id, [plan.days, ...plan.steps.map((s) => s.days)], now);
    }
  });
}
