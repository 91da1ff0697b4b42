// The rule sets shipped with the platform: version 1 of each subject, an EXAMPLE to be replaced by the official tables
// of the grading instruction (an admin publishes the official version from the rules screen). The bands are set so
// the grades come out plausible: a district seat of 5,000 people with a small income is grade 2–3, a county seat of
// 100,000 about 8, a provincial capital of 1.5 million 11–12; a small village is dehyari grade 1, a large
// tourism-target village at a district seat grade 6.
import type { Band, Choice, Indicator, RuleDefinition, Subject } from '../contract.js';

/** A band row: [min, max, points], null = open on that side. */
type BandRow = [min: number | null, max: number | null, points: number];

const bands = (rows: BandRow[]): Band[] => rows.map(([min, max, points]) => ({ min, max, points }));
const choices = (rows: [value: string, title: string, points: number][]): Choice[] => rows.map(([value, title, points]) => ({ value, title, points }));

function numberIndicator(key: string, title: string, unit: string, evidence: string, max: number, rows: BandRow[]): Indicator {
  return { key, title, unit, kind: 'number', bands: bands(rows), choices: [], min: 0, max, required: true, evidence };
}

function choiceIndicator(key: string, title: string, evidence: string, rows: [string, string, number][]): Indicator {
  return { key, title, unit: '', kind: 'choice', bands: [], choices: choices(rows), min: null, max: null, required: true, evidence };
}

/** Thresholds from grade 2 up (grade 1 is the floor). */
const thresholds = (mins: number[]): RuleDefinition['grades'] => mins.map((minPoints, i) => ({ grade: i + 2, minPoints }));

const EXAMPLE_NOTE = 'نمونه — جایگزین جدول‌های رسمی آیین‌نامه شود';

const MUNICIPALITY: RuleDefinition = {
  indicators: [
    numberIndicator('continuous_income', 'درآمد مستمر', 'میلیارد ریال', 'صورت‌های مالی حسابرسی‌شده و تفریغ بودجه سال مالی', 5_000_000, [
      [null, 20, 1],
      [20, 50, 3],
      [50, 100, 5],
      [100, 250, 8],
      [250, 500, 11],
      [500, 1_000, 14],
      [1_000, 2_500, 17],
      [2_500, 10_000, 20],
      [10_000, 50_000, 23],
      [50_000, null, 25],
    ]),
    numberIndicator('net_income', 'درآمد پایدار خالص', 'میلیارد ریال', 'صورت‌های مالی حسابرسی‌شده و مصوبه شورای اسلامی شهر', 5_000_000, [
      [null, 10, 1],
      [10, 30, 3],
      [30, 75, 5],
      [75, 200, 7],
      [200, 500, 10],
      [500, 1_500, 13],
      [1_500, 5_000, 15],
      [5_000, 25_000, 18],
      [25_000, null, 20],
    ]),
    numberIndicator('population', 'جمعیت (آخرین سرشماری)', 'نفر', 'گواهی مرکز آمار ایران از نتایج آخرین سرشماری عمومی', 20_000_000, [
      [null, 5_000, 2],
      [5_000, 10_000, 5],
      [10_000, 25_000, 9],
      [25_000, 50_000, 13],
      [50_000, 100_000, 17],
      [100_000, 200_000, 21],
      [200_000, 500_000, 25],
      [500_000, 1_000_000, 30],
      [1_000_000, null, 35],
    ]),
    choiceIndicator('admin_status', 'موقعیت سیاسی ـ اداری', 'مصوبه تقسیمات کشوری', [
      ['province_center', 'مرکز استان', 20],
      ['county_center', 'مرکز شهرستان', 12],
      ['district_center', 'مرکز بخش', 6],
      ['other', 'سایر', 2],
    ]),
  ],
  // best possible: 25 + 20 + 35 + 20 = 100
  grades: thresholds([12, 20, 28, 36, 44, 52, 60, 68, 76, 83, 90]),
};

const DEHYARI: RuleDefinition = {
  indicators: [
    numberIndicator('income', 'درآمد دهیاری', 'میلیارد ریال', 'صورت‌های مالی سال مالی به تأیید بخشداری', 1_000_000, [
      [null, 1, 2],
      [1, 3, 5],
      [3, 6, 9],
      [6, 12, 14],
      [12, 25, 19],
      [25, null, 25],
    ]),
    numberIndicator('population', 'جمعیت (آخرین سرشماری)', 'نفر', 'گواهی مرکز آمار ایران از نتایج آخرین سرشماری عمومی', 200_000, [
      [null, 500, 3],
      [500, 1_000, 8],
      [1_000, 2_000, 13],
      [2_000, 4_000, 19],
      [4_000, 7_000, 25],
      [7_000, null, 30],
    ]),
    numberIndicator('area', 'مساحت محدوده روستا', 'هکتار', 'طرح هادی مصوب روستا', 100_000, [
      [null, 20, 2],
      [20, 50, 5],
      [50, 100, 8],
      [100, 200, 11],
      [200, null, 15],
    ]),
    choiceIndicator('center_status', 'مرکزیت', 'مصوبه تقسیمات کشوری', [
      ['district_center', 'مرکز بخش', 15],
      ['rural_district_center', 'مرکز دهستان', 10],
      ['other', 'سایر', 3],
    ]),
    choiceIndicator('tourism', 'ظرفیت گردشگری', 'مصوبه روستای هدف گردشگری یا گزارش اداره کل میراث فرهنگی و گردشگری استان', [
      ['tourism_target', 'روستای هدف گردشگری', 15],
      ['high', 'ظرفیت زیاد', 10],
      ['medium', 'ظرفیت متوسط', 6],
      ['low', 'ظرفیت کم', 3],
      ['none', 'ندارد', 0],
    ]),
  ],
  // best possible: 25 + 30 + 15 + 15 + 15 = 100
  grades: thresholds([20, 35, 50, 65, 80]),
};

/** Version 1 of each subject's rules (inserted at start-up when a subject has none; see ensureDefaultRules). */
export const DEFAULT_RULES: Record<Subject, { title: string; approvedBy: string; effectiveFrom: string /* Jalali */; definition: RuleDefinition }> = {
  municipality: {
    title: `جدول‌های درجه‌بندی شهرداری‌ها (${EXAMPLE_NOTE})`,
    approvedBy: 'نمونه سامانه — بدون مصوبه رسمی',
    effectiveFrom: '1400/01/01',
    definition: MUNICIPALITY,
  },
  dehyari: {
    title: `جدول‌های درجه‌بندی دهیاری‌ها (${EXAMPLE_NOTE})`,
    approvedBy: 'نمونه سامانه — بدون مصوبه رسمی',
    effectiveFrom: '1400/01/01',
    definition: DEHYARI,
  },
};
