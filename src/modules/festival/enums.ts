// The festival of selected dehyari plans and rural entrepreneurs (service 5): its fixed vocabularies, with the
// Persian titles people see. Pure (no zod, no server code). The few titles the light public pages show live in
// titles.ts (re-exported here): a page importing them does not download the default axes and rubric.
export * from './titles.js';

/** A round's life: prepared → open for submissions (closing by itself at the deadline) → judging → winners announced. */
export const ROUND_STATES = ['draft', 'open', 'judging', 'announced'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/**
 * What people see of a round: `open` splits at the deadline (server time) into accepting and screening; the others
 * are the round's state.
 */
export const ROUND_PHASES = ['draft', 'accepting', 'screening', 'judging', 'announced'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
export const ROUND_PHASE_TITLES: Record<RoundPhase, string> = {
  draft: 'در حال آماده‌سازی',
  accepting: 'در حال دریافت طرح‌ها',
  screening: 'مهلت ارسال تمام شده؛ در حال بررسی',
  judging: 'در حال داوری',
  announced: 'برگزیدگان اعلام شده‌اند',
};

/**
 * An entry's states. `draft` lives only in the entry row (no workflow case until it is submitted); every other state
 * is its case's state on the workflow engine (`festival.entry`).
 */
export const ENTRY_STATES = [
  'draft', 'province_screening', 'national_screening', 'returned', 'eligible', 'ineligible',
  'judging', 'selected', 'not_selected', 'withdrawn', 'expired',
] as const;
export type EntryState = (typeof ENTRY_STATES)[number];
export const ENTRY_STATE_TITLES: Record<EntryState, string> = {
  draft: 'پیش‌نویس',
  province_screening: 'بررسی دبیرخانه استان',
  national_screening: 'بررسی دبیرخانه کشوری',
  returned: 'بازگشت برای اصلاح',
  eligible: 'پذیرفته برای داوری',
  ineligible: 'رد در بررسی اولیه',
  judging: 'در حال داوری',
  selected: 'برگزیده',
  not_selected: 'داوری شده',
  withdrawn: 'انصراف',
  expired: 'اصلاح نشده تا پایان مهلت',
};

/** The festival's two axes (a round may rename them or add more). */
export const DEFAULT_AXES = [
  {
    key: 'income',
    title: 'منابع درآمدی پایدار، کارآفرینی و اشتغال روستایی',
    categories: [
      { key: 'agriculture', title: 'کشاورزی، دامپروری و شیلات' },
      { key: 'tourism', title: 'گردشگری روستایی' },
      { key: 'handicrafts', title: 'صنایع دستی و فرآوری محصولات' },
      { key: 'dehyari_revenue', title: 'درآمد پایدار دهیاری' },
    ],
  },
  {
    key: 'construction',
    title: 'عمران و خدمات روستایی',
    categories: [
      { key: 'infrastructure', title: 'معابر، آب و زیرساخت' },
      { key: 'environment', title: 'پسماند و محیط زیست' },
      { key: 'public_services', title: 'خدمات عمومی و ایمنی' },
      { key: 'heritage', title: 'بافت و میراث روستا' },
    ],
  },
] as const;

/** The default rubric of an axis (weights total 100; each criterion scored 0..max). */
export const DEFAULT_RUBRIC = [
  { key: 'impact', title: 'اثر اقتصادی و اجتماعی (اشتغال، درآمد، بهره‌مندان)', weight: 30, max: 10 },
  { key: 'sustainability', title: 'پایداری و ماندگاری', weight: 20, max: 10 },
  { key: 'innovation', title: 'نوآوری و خلاقیت', weight: 15, max: 10 },
  { key: 'participation', title: 'مشارکت مردم و شرکا', weight: 15, max: 10 },
  { key: 'replicability', title: 'قابلیت الگوبرداری در روستاهای دیگر', weight: 20, max: 10 },
] as const;

/** Most photos of one plan. */
export const MAX_PLAN_PHOTOS = 12;
/** Most entries one owner (a village's dehyari, or one entrepreneur) may file in a round. */
export const MAX_ENTRIES_PER_OWNER = 3;
/** Judges per entry when a round does not say otherwise (the issue asks for at least 3). */
export const DEFAULT_JUDGES_PER_ENTRY = 3;
/** Range of an entry's judges' z-scores above which it is flagged for discussion. */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 1.5;
/** Top national ranks per axis the announcement suggests as winners (the secretariat decides). */
export const SUGGESTED_NATIONAL_WINNERS = 3;
