// Test helpers of the festival, on the real database (PGlite, or PostgreSQL in CI): an app with the demo places and
// accounts, staff and citizens signed in over HTTP, a round open now (or past its deadline), a complete plan, and an
// entry filed by a dehyari or an entrepreneur and walked through screening by the real functions. Used by *.test.ts
// only (helpers B and E read the same functions for judging tests and the demo's shapes).
import { and, eq, like, ne } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { DEMO_PASSWORD, demoCitizenActor, demoStaffActors, seedDemo } from '../../../core/auth/demo.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { docFiles } from '../../../core/documents/schema.js';
import { jalaliParts, jalaliToDate } from '../../../core/fa/jalali.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PNG, type Headers } from '../../../test/citizen.js';
import type { TestDivision } from '../../../test/factories.js';
import { caller } from '../../instructors/server/test-courses.js';
import { DEFAULT_AXES, DEFAULT_RUBRIC, type EntryState } from '../enums.js';
import { PlanInput, RoundInput, type PlanRaw, type RoundInputRaw } from '../contract.js';
import type { RoundRow } from './common.js';
import { createEntry, type EntryRow } from './entries.js';
import { submitEntry } from './entries-owner.js';
import { createRound as insertRound, openRound } from './rounds.js';
import { festEntries, festRounds } from './schema.js';
import { screenEntry } from './screening.js';
import './index.js';

export { caller, type Headers };
const DAY = 86_400_000;
let seq = 0;

/** The Jalali day `days` days from now (Tehran), ASCII digits as the API takes it ('1405/03/01'). */
export const jalaliInDays = (days: number, now = new Date()): string => jalaliFromDbDate(dbDateOf(new Date(now.getTime() + days * DAY)));

/** The instant the Tehran day `days` days from now begins. */
export function tehranDayStart(days: number, now = new Date()): Date {
  const p = jalaliParts(new Date(now.getTime() + days * DAY));
  return jalaliToDate(p.year, p.month, p.day)!;
}

/** The demo places as rows, with villages to test scopes against: same county, another county, another province. */
export interface FestPlaces {
  province: TestDivision;
  village: TestDivision;
  /** a village of the demo province in another county than `village` */
  otherCountyVillage: TestDivision;
  otherProvince: TestDivision;
  /** a village of `otherProvince` (Isfahan) */
  otherProvinceVillage: TestDivision;
}

/** Loads {@link FestPlaces} from the seeded demo divisions. */
export async function festPlaces(db: DbOrTx, places: DemoPlaces): Promise<FestPlaces> {
  const one = async (id: number) => (await db.select().from(orgDivisions).where(eq(orgDivisions.id, id)))[0]!;
  const province = await one(places.province);
  const village = await one(places.village);
  const county = village.path.split('/')[2]!;
  const sameProvince = await db.select().from(orgDivisions).where(and(eq(orgDivisions.level, 'village'), like(orgDivisions.path, `${province.path}%`), ne(orgDivisions.id, village.id)));
  const otherCountyVillage = sameProvince.find((v) => v.path.split('/')[2] !== county)!;
  const [otherProvince] = await db.select().from(orgDivisions).where(and(eq(orgDivisions.level, 'province'), eq(orgDivisions.name, 'اصفهان')));
  const [otherProvinceVillage] = await db.select().from(orgDivisions).where(and(eq(orgDivisions.level, 'village'), like(orgDivisions.path, `${otherProvince!.path}%`))).limit(1);
  return { province, village, otherCountyVillage, otherProvince: otherProvince!, otherProvinceVillage: otherProvinceVillage! };
}

/**
 * The real app on a fresh database with the demo places and accounts (no module demo data). `staff(username)` signs
 * a demo account in (expert.rural — national, province.reviewer — Mazandaran, dehyari — the demo village, judge,
 * admin; or any account made with createStaff and DEMO_PASSWORD); `citizen(mobile)` signs a citizen in with the real
 * one-time code; `call(method, url, headers, body)` answers { status, body }; `actors` are the demo staff as Actors
 * for direct function calls.
 */
export async function createFestivalApp() {
  const t = await createTestApp();
  const places = await seedDemo(t.db);
  const h = citizenHelpers(t.app, t.db);
  const actors = await demoStaffActors(t.db, ['expert.rural', 'province.reviewer', 'dehyari', 'judge', 'admin'] as const);
  return {
    ...t,
    places,
    fp: await festPlaces(t.db, places),
    actors,
    call: caller(() => t.app),
    staff: (username: string) => t.login(username, DEMO_PASSWORD),
    citizen: async (mobile: string) => h.citizenLogin(mobile),
    upload: h.upload,
    lastSms: h.lastSms,
  };
}
export type FestivalTestApp = Awaited<ReturnType<typeof createFestivalApp>>;

/**
 * A round's settings as the secretariat's form sends them: the default axes and rubric, the window from 10 days ago to
 * 10 days ahead (Jalali), a fresh year (unique per round), `jobs` and `lessons` required. `overrides` replace fields.
 */
export function roundBody(overrides: Partial<RoundInputRaw> = {}): RoundInputRaw {
  return {
    year: 1420 + (++seq % 80),
    title: 'جشنواره طرح‌های برگزیده دهیاری‌ها و کارآفرینان روستایی',
    axes: DEFAULT_AXES.map((a) => ({ key: a.key, title: a.title, categories: a.categories.map((c) => ({ ...c })), rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })) })),
    opensOn: jalaliInDays(-10),
    deadline: jalaliInDays(10),
    requiredParts: ['jobs', 'lessons'],
    requiredDocuments: [],
    judgesPerEntry: 3,
    disagreementThreshold: 1.5,
    ...overrides,
  };
}

/**
 * Creates a round through rounds.ts as `actor` (default: the national secretariat, demo `expert.rural`) and — unless
 * `open: false` — opens it (only one round may be open: retire the previous with {@link retireRound}). Returns the row.
 */
export async function createRound(db: DbOrTx, overrides: Partial<RoundInputRaw> = {}, opts: { open?: boolean; actor?: Actor } = {}): Promise<RoundRow> {
  const actor = opts.actor ?? (await demoStaffActors(db, ['expert.rural']))['expert.rural'];
  const created = await insertRound(db, actor, RoundInput.parse(roundBody(overrides)));
  if (opts.open === false) return created;
  return openRound(db, actor, created.id, created.version);
}

/** Test-only: moves a round's deadline `daysAgo` days back (closing at the start of the next day, before now). */
export async function pastDeadline(db: DbOrTx, roundId: number, daysAgo = 1): Promise<RoundRow> {
  const deadline = dbDateOf(new Date(Date.now() - daysAgo * DAY));
  const [r] = await db
    .update(festRounds)
    .set({ deadline, closesAt: tehranDayStart(1 - daysAgo), opensOn: dbDateOf(new Date(Date.now() - (daysAgo + 20) * DAY)), opensAt: tehranDayStart(-(daysAgo + 20)) })
    .where(eq(festRounds.id, roundId))
    .returning();
  return r!;
}

/** Test-only: puts a round aside (state `announced`), so another may be opened. */
export async function retireRound(db: DbOrTx, roundId: number): Promise<void> {
  await db.update(festRounds).set({ state: 'announced', announcedAt: new Date() }).where(eq(festRounds.id, roundId));
}

/**
 * A plan as the owner's form sends it, complete for `round` (its first axis and category; every optional part but
 * photos and documents filled, so any `requiredParts` other than those are met). `overrides` replace fields.
 */
export function samplePlan(round?: Pick<RoundRow, 'axes'> | null, overrides: Partial<PlanRaw> = {}): PlanRaw {
  const axis = round?.axes[0] ?? DEFAULT_AXES[0];
  return {
    axis: axis.key, category: axis.categories[0]?.key ?? '',
    title: 'بازارچه محلی فروش صنایع دستی زنان روستا',
    summary: 'راه‌اندازی بازارچه‌ای در ورودی روستا برای فروش مستقیم صنایع دستی و محصولات محلی به گردشگران.',
    problem: 'زنان صنعتگر روستا محصولات خود را به واسطه‌ها و با قیمت پایین می‌فروختند.',
    actions: 'ساخت ده غرفه با مشارکت دهیاری و مردم، آموزش بسته‌بندی و برگزاری بازارچه در روزهای تعطیل.',
    partners: 'شورای اسلامی روستا، اداره میراث فرهنگی شهرستان',
    startYear: 1400, cost: 2_500_000_000,
    funding: [{ source: 'dehyari', amount: 1_500_000_000 }, { source: 'people', amount: 1_000_000_000 }],
    jobs: 14, incomePerYear: 3_600_000_000, beneficiaries: 120, investment: 500_000_000,
    figures: [{ label: 'فروش ماهانه', unit: 'میلیون ریال', before: 40, after: 300 }],
    lessons: 'مشارکت زنان از ابتدا و قیمت‌گذاری منصفانه رمز ماندگاری بازارچه بود.',
    contactName: 'دهیاری روستا', contactPhone: '09121234567',
    photos: [], documents: {},
    ...overrides,
  };
}

/** Test-only: a small PNG stored directly as a document uploaded by `ownerId` (what the upload route would make). */
export async function insertDocument(db: DbOrTx, ownerId: number | null, filename = 'photo.png'): Promise<string> {
  const [d] = await db.insert(docFiles).values({ filename, mime: 'image/png', size: PNG.length, sha256: 'test', content: PNG, purpose: 'festival', ownerId }).returning({ id: docFiles.id });
  return d!.id;
}

/** An entrepreneur (citizen) as an Actor, created when missing (mobile default: a fresh 0938… number). */
export async function entrepreneur(db: DbOrTx, mobile = `0938${String((process.pid % 100) * 10_000 + ++seq).padStart(7, '0')}`): Promise<Actor> {
  return demoCitizenActor(db, mobile, null);
}

/** Where {@link makeEntry} leaves the entry. */
export type MakeEntryTo = Extract<EntryState, 'draft' | 'province_screening' | 'national_screening' | 'eligible' | 'returned' | 'ineligible'>;

/**
 * Files an entry through entries.ts and screening.ts as real people do: `owner` (a dehyari Actor — the entry is at
 * `villageId`, default his only grant village — or an entrepreneur Actor; then `villageId` is required) creates the
 * draft with `plan` (default {@link samplePlan}), submits it (unless `to: 'draft'`), and the screeners walk it to
 * `to` (default 'province_screening'): province_accept by `screeners.province` (default demo province.reviewer —
 * Mazandaran; pass another for other provinces), national_accept by `screeners.national` (default demo expert.rural);
 * 'returned' / 'ineligible' are the province's return/reject. Returns the entry row as it ends.
 */
export async function makeEntry(
  db: DbOrTx,
  opts: { round: Pick<RoundRow, 'id' | 'axes'>; owner: Actor; villageId?: number | null; plan?: Partial<PlanRaw>; to?: MakeEntryTo; screeners?: { province?: Actor; national?: Actor } },
): Promise<EntryRow> {
  const plan = PlanInput.parse(samplePlan(opts.round, opts.plan));
  let e = await createEntry(db, opts.owner, { roundId: opts.round.id, villageId: opts.villageId ?? null, plan });
  const to = opts.to ?? 'province_screening';
  if (to === 'draft') return e;
  e = await submitEntry(db, opts.owner, e.id, e.version);
  if (to === 'province_screening') return e;
  const staff = await demoStaffActors(db, ['province.reviewer', 'expert.rural']);
  const province = opts.screeners?.province ?? staff['province.reviewer'];
  const national = opts.screeners?.national ?? staff['expert.rural'];
  const step = async (actor: Actor, action: 'province_accept' | 'province_return' | 'province_reject' | 'national_accept') => {
    const c = await caseVersion(db, e.id);
    e = await screenEntry(db, actor, e.id, { action, comment: action === 'province_accept' || action === 'national_accept' ? '' : 'مدارک طرح ناقص است؛ لطفاً اصلاح کنید.', expectedVersion: c });
  };
  if (to === 'returned') await step(province, 'province_return');
  else if (to === 'ineligible') await step(province, 'province_reject');
  else {
    await step(province, 'province_accept');
    if (to === 'eligible') await step(national, 'national_accept');
  }
  return e;
}

/** The version of an entry's case (what a screener's page holds as `caseVersion`). */
export async function caseVersion(db: DbOrTx, entryId: string): Promise<number> {
  const [r] = await db.select({ v: wfCases.version }).from(festEntries).innerJoin(wfCases, eq(wfCases.id, festEntries.caseId)).where(eq(festEntries.id, entryId));
  if (!r) throw new Error(`caseVersion: entry ${entryId} has no case`);
  return r.v;
}

/** An entry row by id (for assertions). */
export async function entryRow(db: DbOrTx, id: string): Promise<EntryRow> {
  const [r] = await db.select().from(festEntries).where(eq(festEntries.id, id));
  if (!r) throw new Error(`entryRow: ${id} not found`);
  return r;
}
