// What every installation of the instructor bank starts with: the organization's training taxonomy (the fields of
// expertise of municipal and dehyari courses, each with the study fields that count as matching it) and version 1 of
// the qualification criteria, an EXAMPLE the committee replaces with its approved table from the criteria screen.
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateFromJalali } from '../../../core/db/dates.js';
import type { CriteriaDefinition, FieldInput } from '../contract.js';
import { instCriteriaSets, instFields } from './schema.js';

type Field = Required<Pick<FieldInput, 'key' | 'title' | 'relatedStudies'>>;

/** The shipped taxonomy, in the order the screens list it. Admins add, rename or deactivate fields later. */
export const DEFAULT_FIELDS: Field[] = [
  { key: 'municipal_finance', title: 'مالیه و درآمدهای شهری', relatedStudies: ['حسابداری', 'مدیریت مالی', 'اقتصاد', 'مدیریت دولتی', 'اقتصاد شهری', 'مدیریت بازرگانی'] },
  { key: 'urban_planning', title: 'برنامه‌ریزی و طراحی شهری', relatedStudies: ['شهرسازی', 'برنامه‌ریزی شهری', 'طراحی شهری', 'معماری', 'جغرافیا و برنامه‌ریزی شهری', 'مهندسی عمران'] },
  { key: 'fire_safety', title: 'آتش‌نشانی و ایمنی', relatedStudies: ['مهندسی ایمنی', 'بهداشت حرفه‌ای', 'مهندسی آتش‌نشانی', 'ایمنی صنعتی', 'مدیریت بحران', 'مهندسی شیمی'] },
  { key: 'waste_management', title: 'مدیریت پسماند', relatedStudies: ['مهندسی محیط زیست', 'مهندسی بهداشت محیط', 'بهداشت محیط', 'محیط زیست', 'مهندسی شیمی', 'مهندسی عمران'] },
  { key: 'rural_development', title: 'توسعه روستایی و دهیاری‌ها', relatedStudies: ['توسعه روستایی', 'جغرافیا و برنامه‌ریزی روستایی', 'ترویج و آموزش کشاورزی', 'علوم اجتماعی', 'مدیریت دولتی', 'اقتصاد کشاورزی'] },
  { key: 'it', title: 'فناوری اطلاعات و شهر هوشمند', relatedStudies: ['مهندسی کامپیوتر', 'مهندسی فناوری اطلاعات', 'علوم کامپیوتر', 'مدیریت فناوری اطلاعات', 'مهندسی نرم‌افزار'] },
  { key: 'urban_services', title: 'خدمات شهری و فضای سبز', relatedStudies: ['مدیریت شهری', 'مهندسی فضای سبز', 'علوم باغبانی', 'مهندسی عمران', 'مهندسی ترافیک', 'منابع طبیعی'] },
  { key: 'crisis_management', title: 'مدیریت بحران و پدافند غیرعامل', relatedStudies: ['مدیریت بحران', 'پدافند غیرعامل', 'مهندسی عمران', 'زمین‌شناسی', 'جغرافیای طبیعی', 'مهندسی ایمنی'] },
  { key: 'municipal_law', title: 'حقوق و قوانین شهرداری‌ها', relatedStudies: ['حقوق', 'حقوق عمومی', 'حقوق خصوصی', 'علوم سیاسی', 'مدیریت دولتی'] },
  { key: 'citizen_services', title: 'تکریم ارباب رجوع و خدمات شهروندی', relatedStudies: ['مدیریت دولتی', 'روان‌شناسی', 'علوم ارتباطات', 'جامعه‌شناسی', 'مدیریت منابع انسانی'] },
  { key: 'environment', title: 'محیط زیست شهری', relatedStudies: ['محیط زیست', 'مهندسی محیط زیست', 'منابع طبیعی', 'زیست‌شناسی', 'جغرافیا'] },
  { key: 'project_management', title: 'مدیریت پروژه و نظارت عمرانی', relatedStudies: ['مهندسی عمران', 'مدیریت پروژه', 'مهندسی صنایع', 'مدیریت ساخت', 'معماری'] },
];

const EXAMPLE_NOTE = 'نمونه — با جدول مصوب کمیته تشخیص صلاحیت جایگزین شود';

/** Version 1 of the criteria: all seven measures, weights summing to 100. */
export const DEFAULT_CRITERIA: { title: string; effectiveFrom: string; approvedBy: string; definition: CriteriaDefinition } = {
  title: 'معیارهای نمونه تشخیص صلاحیت مدرسان',
  effectiveFrom: '1400/01/01',
  approvedBy: EXAMPLE_NOTE,
  definition: {
    passScore: 60,
    validityYears: 3,
    criteria: [
      {
        measure: 'degree_level', weight: 20, bands: [], note: 'بالاترین مدرک تحصیلی دارای سند',
        choices: [
          { value: 'diploma', share: 0 }, { value: 'associate', share: 0.25 }, { value: 'bachelor', share: 0.5 }, { value: 'master', share: 0.8 }, { value: 'doctorate', share: 1 },
        ],
      },
      {
        measure: 'field_match', weight: 15, bands: [], note: 'رشته تحصیلی در فهرست رشته‌های مرتبط زمینه تخصصی',
        choices: [{ value: 'highest', share: 1 }, { value: 'any', share: 0.6 }, { value: 'none', share: 0 }],
      },
      {
        measure: 'experience_years', weight: 20, choices: [], note: 'سال‌های هم‌پوشان یک بار شمرده می‌شود',
        bands: [
          { min: null, max: 2, share: 0 }, { min: 2, max: 5, share: 0.4 }, { min: 5, max: 10, share: 0.7 }, { min: 10, max: 20, share: 0.9 }, { min: 20, max: null, share: 1 },
        ],
      },
      {
        measure: 'teaching_hours', weight: 20, choices: [], note: 'فقط ساعت‌های تدریس در همین زمینه تخصصی',
        bands: [
          { min: null, max: 16, share: 0 }, { min: 16, max: 50, share: 0.3 }, { min: 50, max: 200, share: 0.6 }, { min: 200, max: 500, share: 0.85 }, { min: 500, max: null, share: 1 },
        ],
      },
      {
        measure: 'publications', weight: 10, choices: [], note: 'کتاب، مقاله، ترجمه یا گزارش در این زمینه یا عمومی',
        bands: [{ min: null, max: 1, share: 0 }, { min: 1, max: 3, share: 0.5 }, { min: 3, max: 6, share: 0.8 }, { min: 6, max: null, share: 1 }],
      },
      {
        measure: 'certificates', weight: 5, choices: [], note: 'گواهینامه‌های حرفه‌ای معتبر',
        bands: [{ min: null, max: 1, share: 0 }, { min: 1, max: 3, share: 0.6 }, { min: 3, max: null, share: 1 }],
      },
      {
        measure: 'past_evaluations', weight: 10, choices: [], note: 'میانگین بیزی ارزیابی فراگیران و برگزارکنندگان؛ بدون ارزیابی: میانگین کل بانک',
        bands: [{ min: null, max: 2.5, share: 0 }, { min: 2.5, max: 3.5, share: 0.5 }, { min: 3.5, max: 4.25, share: 0.8 }, { min: 4.25, max: null, share: 1 }],
      },
    ],
  },
};

/**
 * At start-up (and in tests): the taxonomy fields missing by key, and version 1 of the criteria when there is no
 * version yet. Idempotent, also when two instances start at once (conflicts do nothing); an admin's edits to a
 * shipped field are kept.
 */
export async function ensureInstructorDefaults(db: DbOrTx): Promise<void> {
  await db
    .insert(instFields)
    .values(DEFAULT_FIELDS.map((f, i) => ({ ...f, active: true, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing({ target: instFields.key });
  const [any] = await db.select({ n: sql<number>`count(*)::int` }).from(instCriteriaSets);
  if (Number(any?.n ?? 0) > 0) return;
  const d = DEFAULT_CRITERIA;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(instCriteriaSets)
      .values({ version: 1, title: d.title, effectiveFrom: dbDateFromJalali(d.effectiveFrom)!, approvedBy: d.approvedBy, isExample: true, definition: d.definition })
      .onConflictDoNothing()
      .returning({ id: instCriteriaSets.id });
    if (inserted[0]) await appendAudit(tx, SYSTEM_ACTOR, { action: 'instructors.criteria.example', entityType: 'inst_criteria_set', entityId: inserted[0].id, data: { version: 1 } });
  });
}
