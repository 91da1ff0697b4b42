// The festival's vocabularies the light public pages show (who sent a plan, where its money came from, the parts of
// a plan), with their Persian titles. Tiny and pure: enums.ts re-exports them with the rest of the vocabulary
// (default axes, rubric, states…), which the public pages do not need to download.

/** Who sent the plan: a dehyari (staff, for its village) or a rural entrepreneur (a citizen, tied to a village). */
export const OWNER_KINDS = ['dehyari', 'entrepreneur'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export const OWNER_KIND_TITLES: Record<OwnerKind, string> = { dehyari: 'دهیاری', entrepreneur: 'کارآفرین روستایی' };

/** Where a plan's money came from. */
export const FUNDING_SOURCES = ['dehyari', 'government', 'province', 'people', 'private', 'bank_loan', 'charity', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_TITLES: Record<FundingSource, string> = {
  dehyari: 'بودجه دهیاری',
  government: 'اعتبارات دولتی',
  province: 'اعتبارات استانی',
  people: 'مشارکت مردم',
  private: 'سرمایه‌گذار خصوصی',
  bank_loan: 'تسهیلات بانکی',
  charity: 'خیرین',
  other: 'سایر',
};

/** Optional parts of a plan a round may require (title, axis, summary and what was done are always required). */
export const OPTIONAL_PARTS = ['problem', 'partners', 'cost', 'funding', 'jobs', 'incomePerYear', 'beneficiaries', 'investment', 'figures', 'lessons', 'contact', 'photos'] as const;
export type OptionalPart = (typeof OPTIONAL_PARTS)[number];
export const PART_TITLES: Record<'axis' | 'title' | 'summary' | 'actions' | 'village' | OptionalPart, string> = {
  axis: 'محور',
  title: 'عنوان طرح',
  summary: 'خلاصه طرح',
  actions: 'آنچه انجام شد',
  village: 'روستا',
  problem: 'مسئله و وضع پیشین',
  partners: 'شرکا و همکاران',
  cost: 'هزینه طرح',
  funding: 'منابع مالی',
  jobs: 'اشتغال ایجادشده',
  incomePerYear: 'درآمد سالانه',
  beneficiaries: 'بهره‌مندان',
  investment: 'سرمایه‌گذاری جذب‌شده',
  figures: 'شاخص‌های پیش و پس از طرح',
  lessons: 'درس‌آموخته‌ها',
  contact: 'راه ارتباطی',
  photos: 'عکس‌ها',
};
