// The landfill service's enums, each once with its Persian titles (server, web and the import template read them).

export const SITE_KINDS = ['sanitary', 'open_dump', 'transfer', 'composting'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const SITE_KIND_TITLES: Record<SiteKind, string> = {
  sanitary: 'دفن بهداشتی',
  open_dump: 'تخلیه روباز',
  transfer: 'ایستگاه انتقال',
  composting: 'کمپوست',
};

export const SITE_STATUSES = ['active', 'full', 'closed', 'rehabilitated'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const SITE_STATUS_TITLES: Record<SiteStatus, string> = {
  active: 'فعال',
  full: 'پر شده',
  closed: 'بسته شده',
  rehabilitated: 'احیا شده',
};

export const SENSITIVITY_FLAGS = ['river', 'wetland', 'protected', 'flood'] as const;
export type SensitivityFlag = (typeof SENSITIVITY_FLAGS)[number];
export const SENSITIVITY_FLAG_TITLES: Record<SensitivityFlag, string> = {
  river: 'مجاورت رودخانه',
  wetland: 'مجاورت تالاب',
  protected: 'منطقه حفاظت‌شده',
  flood: 'پهنه سیل‌گیر',
};

export const CAPACITY_UNITS = ['m3', 't'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
export const CAPACITY_UNIT_TITLES: Record<CapacityUnit, string> = { m3: 'مترمکعب', t: 'تن' };

/**
 * Tons per cubic metre used to turn a volume capacity into tons for remaining life. Uncompacted rural waste in a
 * dump is about 0.3–0.5 t/m³ and compacted waste in a sanitary cell 0.6–0.9; 0.6 is a middle the summary states.
 */
export const WASTE_DENSITY_T_PER_M3 = 0.6;

/** Verification states of a site record (workflow `landfills.site`). */
export const VERIFICATION_STATES = ['submitted', 'returned', 'district_verified', 'verified', 'removed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export const VERIFICATION_STATE_TITLES: Record<VerificationState, string> = {
  submitted: 'در انتظار تأیید بخشداری',
  returned: 'بازگشت برای اصلاح',
  district_verified: 'در انتظار تأیید استانداری',
  verified: 'تأییدشده',
  removed: 'حذف‌شده',
};

/** Scenario run states. */
export const SCENARIO_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ScenarioState = (typeof SCENARIO_STATES)[number];
export const SCENARIO_STATE_TITLES: Record<ScenarioState, string> = {
  queued: 'در صف حل',
  running: 'در حال حل',
  done: 'حل شده',
  failed: 'ناموفق',
};

/**
 * The fund-allocation criteria, each with its direction: a benefit criterion raises priority as it grows, a cost
 * criterion as it shrinks (a landfill nearer to water is more urgent).
 */
export const PRIORITY_CRITERIA = ['sensitivity', 'water_distance', 'population', 'over_capacity', 'open_dump', 'complaints'] as const;
export type PriorityCriterionKey = (typeof PRIORITY_CRITERIA)[number];
export const PRIORITY_CRITERION_INFO: Record<PriorityCriterionKey, { title: string; direction: 'benefit' | 'cost'; explain: string }> = {
  sensitivity: { title: 'حساسیت محیط‌زیستی', direction: 'benefit', explain: 'تعداد نشانه‌های حساسیت (رودخانه، تالاب، منطقه حفاظت‌شده، سیل‌گیر)' },
  water_distance: { title: 'فاصله تا منبع آب', direction: 'cost', explain: 'هرچه به منبع آب نزدیک‌تر، اولویت بیشتر (متر)' },
  population: { title: 'جمعیت در معرض', direction: 'benefit', explain: 'جمعیت ساکن در شعاع اثر (نفر)' },
  over_capacity: { title: 'پرشدگی', direction: 'benefit', explain: 'درصد پرشدگی ظرفیت کل' },
  open_dump: { title: 'تخلیه روباز', direction: 'benefit', explain: 'محل تخلیه روباز ۱ و دیگر انواع ۰' },
  complaints: { title: 'شکایات مردمی', direction: 'benefit', explain: 'شکایت‌های پسماند در شعاع ۵ کیلومتری در ۲ سال اخیر' },
};

/** Complaint categories (Open311 service codes) counted by the `complaints` criterion. */
export const WASTE_COMPLAINT_CODES = ['waste-collection', 'village-waste'] as const;
/** Radius (km) and period (months) of the complaints criterion. */
export const COMPLAINTS_RADIUS_KM = 5;
export const COMPLAINTS_MONTHS = 24;

/** Default rural waste generation (kg per person per day) for scenarios built from the registry. */
export const DEFAULT_KG_PER_CAPITA = 0.6;
