// The landfill service's contract: the zod schemas of a site record, a planning scenario and a fund allocation,
// shared by server, import and web. Every message is Persian; the field names are the API's (and the import
// template's column keys).
import { z } from 'zod';
import { zFaText } from '../../core/fa/zod.js';

export * from './enums.js';
import { CAPACITY_UNITS, PRIORITY_CRITERIA, SENSITIVITY_FLAGS, SITE_KINDS, SITE_STATUSES } from './enums.js';

const INT_MAX = 2_147_483_647;

/** Iran's bounding box, with a margin: a coordinate outside it is a typo (swapped lat/lon, a missing digit). */
export const IRAN_BOUNDS = { minLat: 24.5, maxLat: 40, minLon: 43.5, maxLon: 63.5 } as const;

const num = (label: string, min: number, max: number, opts: { int?: boolean } = {}) => {
  let s = z.number({ error: `${label} باید عدد باشد` }).min(min, { error: `${label} نمی‌تواند کمتر از ${min.toLocaleString('fa-IR')} باشد` }).max(max, { error: `${label} نمی‌تواند بیشتر از ${max.toLocaleString('fa-IR')} باشد` });
  if (opts.int) s = s.int({ error: `${label} باید عدد صحیح باشد` });
  return s;
};
const optNum = (label: string, min: number, max: number, opts: { int?: boolean } = {}) => num(label, min, max, opts).nullable().default(null);
const zId = (error: string) => z.number({ error }).int({ error }).positive({ error }).max(INT_MAX, { error });

/** A site record as registered, edited or imported. Optional measurements are null when unknown. */
export const SiteInput = z.object({
  /** The caller's own id for the site (import key: re-importing the same id updates the record). */
  externalId: z.string().trim().max(60, { error: 'شناسه خارجی حداکثر ۶۰ نویسه است' }).regex(/^[\p{L}\p{N}._\/-]*$/u, { error: 'شناسه خارجی فقط حرف، رقم و - _ . / می‌پذیرد' }).nullable().default(null).transform((s) => (s ? s : null)),
  name: zFaText(200),
  kind: z.enum(SITE_KINDS, { error: 'نوع محل معتبر نیست' }),
  status: z.enum(SITE_STATUSES, { error: 'وضعیت محل معتبر نیست' }).default('active'),
  lat: num('عرض جغرافیایی', IRAN_BOUNDS.minLat, IRAN_BOUNDS.maxLat),
  lon: num('طول جغرافیایی', IRAN_BOUNDS.minLon, IRAN_BOUNDS.maxLon),
  /** The village, rural district, district or county the site lies in. */
  divisionId: zId('محل تقسیمات کشوری را انتخاب کنید'),
  operator: z.string().trim().max(200, { error: 'بهره‌بردار حداکثر ۲۰۰ نویسه است' }).default(''),
  /** Jalali year operation began. */
  startYear: optNum('سال شروع', 1300, 1450, { int: true }),
  areaM2: optNum('مساحت', 0, 100_000_000),
  capacity: optNum('ظرفیت کل', 0, 1_000_000_000),
  capacityUnit: z.enum(CAPACITY_UNITS, { error: 'واحد ظرفیت معتبر نیست' }).default('m3'),
  fillPercent: optNum('درصد پرشدگی', 0, 100),
  /** tons/day received now */
  dailyIntakeT: optNum('ورودی روزانه', 0, 100_000),
  /** tons/day the site can take (its capacity in consolidation planning; null = not limited) */
  designIntakeT: optNum('ظرفیت پذیرش روزانه', 0, 100_000),
  servedVillageIds: z.array(zId('روستای تحت پوشش معتبر نیست')).max(500, { error: 'حداکثر ۵۰۰ روستا' }).default([]),
  distWaterM: optNum('فاصله تا منبع آب', 0, 1_000_000),
  distSettlementM: optNum('فاصله تا سکونتگاه', 0, 1_000_000),
  distRoadM: optNum('فاصله تا جاده', 0, 1_000_000),
  groundwaterDepthM: optNum('عمق آب زیرزمینی', 0, 2_000),
  soilNotes: z.string().trim().max(2000, { error: 'یادداشت خاک و زمین حداکثر ۲۰۰۰ نویسه است' }).default(''),
  flags: z.array(z.enum(SENSITIVITY_FLAGS, { error: 'نشانه حساسیت معتبر نیست' })).max(SENSITIVITY_FLAGS.length).default([]).transform((f) => [...new Set(f)]),
  populationExposed: optNum('جمعیت در معرض', 0, 10_000_000, { int: true }),
  /** million rials needed to close, rehabilitate or upgrade the site (fund allocation) */
  requiredFundingMrial: optNum('اعتبار مورد نیاز', 0, 1_000_000_000, { int: true }),
  documentIds: z.array(z.uuid({ error: 'پیوست معتبر نیست' })).max(20, { error: 'حداکثر ۲۰ پیوست' }).default([]),
});
export type SiteInput = z.infer<typeof SiteInput>;
export type SiteInputRaw = z.input<typeof SiteInput>;

/** An update carries the version the editor saw (two editors at once: the second gets 409). */
export const SiteUpdate = SiteInput.extend({ version: z.number().int().min(0), statusNote: z.string().trim().max(500).default('') });

/** A new candidate point for a regional site, typed by the planner. */
export const NewCandidate = z.object({
  name: zFaText(200),
  lat: num('عرض جغرافیایی', IRAN_BOUNDS.minLat, IRAN_BOUNDS.maxLat),
  lon: num('طول جغرافیایی', IRAN_BOUNDS.minLon, IRAN_BOUNDS.maxLon),
  capacity: optNum('ظرفیت پذیرش روزانه', 0, 100_000),
});

const zP = num('تعداد مراکز منطقه‌ای', 1, 100_000, { int: true }).nullable().default(null);
const zOpenCost = num('هزینه ثابت هر مرکز', 0, 1e12).nullable().default(null);
const zRoadFactor = num('ضریب جاده', 1, 3).default(1.3);
const zTimeLimit = num('سقف زمان حل', 1, 120, { int: true }).nullable().default(null);

/** A scenario from the registry: the villages of a division (population × rate) and its sites as candidates. */
export const ScenarioFromRegistry = z.object({
  source: z.literal('registry'),
  name: zFaText(200),
  /** null = the whole country (a national grant) */
  divisionId: zId('محدوده سناریو را انتخاب کنید').nullable().default(null),
  p: zP,
  openCost: zOpenCost,
  roadFactor: zRoadFactor,
  timeLimitSeconds: zTimeLimit,
  /** kg per person per day */
  kgPerCapita: num('سرانه تولید پسماند', 0.05, 5).default(0.6),
  /** which registry sites are candidates (by status); closed and rehabilitated sites are never candidates */
  candidateStatuses: z.array(z.enum(['active', 'full'])).min(1, { error: 'دست‌کم یک وضعیت را برای محل‌های کاندید انتخاب کنید' }).default(['active']),
  /** use each site's daily intake capacity (null = unlimited) */
  capacitated: z.boolean().default(true),
  newCandidates: z.array(NewCandidate).max(200, { error: 'حداکثر ۲۰۰ نقطه کاندید تازه' }).default([]),
});

const planId = z.string().min(1).max(100);
const planNum = z.number({ error: 'مقدار عددی لازم است' }).finite();
/** A scenario uploaded in the `landfill-plan` command's input format. */
export const ScenarioUpload = z.object({
  source: z.literal('upload'),
  name: zFaText(200),
  divisionId: zId('محدوده سناریو را انتخاب کنید').nullable().default(null),
  input: z.object({
    p: planNum.nullable().default(null),
    openCost: planNum.nullable().default(null),
    sites: z.array(z.object({ id: planId, lat: planNum.nullable().optional(), lon: planNum.nullable().optional(), capacity: planNum.nullable().default(null), name: z.string().max(200).optional() })).min(1).max(20_000),
    villages: z.array(z.object({ id: planId, lat: planNum.nullable().optional(), lon: planNum.nullable().optional(), demand: planNum, name: z.string().max(200).optional() })).min(1).max(100_000),
    distances: z.array(z.array(planNum)).nullable().default(null),
    timeLimitSeconds: planNum.nullable().default(null),
    roadFactor: planNum.nullable().default(null),
  }),
});

export const ScenarioCreate = z.discriminatedUnion('source', [ScenarioFromRegistry, ScenarioUpload], { error: 'منبع سناریو معتبر نیست' });
export type ScenarioCreate = z.infer<typeof ScenarioCreate>;

/** Weights set directly (any scale, normalized), or derived by AHP from pairwise judgements. */
export const PriorityWeights = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('direct'), weights: z.partialRecord(z.enum(PRIORITY_CRITERIA), num('وزن', 0, 1000)) }),
  z.object({
    mode: z.literal('ahp'),
    criteria: z.array(z.enum(PRIORITY_CRITERIA)).min(2, { error: 'دست‌کم دو معیار برای مقایسه زوجی لازم است' }).max(PRIORITY_CRITERIA.length),
    /** upper[i][k] compares criteria[i] with criteria[i+1+k] on Saaty's 1/9 … 9 scale */
    upper: z.array(z.array(num('مقایسه زوجی', 1 / 9, 9))),
  }),
], { error: 'روش وزن‌دهی معتبر نیست' });
export type PriorityWeights = z.infer<typeof PriorityWeights>;

export const AllocationCreate = z.object({
  name: zFaText(200),
  /** null = the whole country (a national grant) */
  divisionId: zId('محدوده را انتخاب کنید').nullable().default(null),
  /** million rials */
  budget: num('بودجه', 0, 1e12, { int: true }),
  weights: PriorityWeights,
});
export type AllocationCreate = z.infer<typeof AllocationCreate>;
