import type { Role } from './roles.js';

/**
 * The platform's services as people see them on the home page: who may use each, and which workflow
 * definitions feed its inbox counts. Modules register their workflow definitions under these keys.
 */
export const SERVICES = [
  { key: 'complaints', title: 'شکایات و درخواست‌های مردمی', path: '/app/complaints', roles: ['inspector', 'province.reviewer', 'district.reviewer', 'municipality', 'dehyari', 'expert.municipal', 'expert.rural', 'admin'] },
  { key: 'grading', title: 'درجه‌بندی شهرداری‌ها و دهیاری‌ها', path: '/app/grading', roles: ['municipality', 'dehyari', 'province.reviewer', 'expert.municipal', 'expert.rural', 'grading.committee', 'admin'] },
  { key: 'amriyeh', title: 'امریه آتش‌نشانان روستایی', path: '/app/amriyeh', roles: ['dehyari', 'district.reviewer', 'province.reviewer', 'expert.rural', 'admin'] },
  { key: 'landfills', title: 'مراکز دفن پسماند روستایی', path: '/app/landfills', roles: ['dehyari', 'district.reviewer', 'province.reviewer', 'expert.rural', 'admin'] },
  { key: 'instructors', title: 'بانک مدرسان و شناسه آموزشی', path: '/app/instructors', roles: ['expert.training', 'training.unit', 'training.committee', 'admin'] },
  { key: 'festival', title: 'جشنواره طرح‌های برگزیده دهیاری‌ها', path: '/app/festival', roles: ['dehyari', 'judge', 'province.reviewer', 'expert.rural', 'admin'] },
  { key: 'admin', title: 'مدیریت سامانه', path: '/app/admin', roles: ['admin'] },
] as const satisfies readonly { key: string; title: string; path: string; roles: readonly Role[] }[];

export type ServiceKey = (typeof SERVICES)[number]['key'];

/** Which service each workflow definition belongs to (filled by modules when they register definitions). */
export const DEFINITION_SERVICE = new Map<string, ServiceKey>();
