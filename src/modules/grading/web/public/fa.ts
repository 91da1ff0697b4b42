/**
 * Persian strings of the grading service's public page (the list of grades). Enum titles come from ../../enums.ts;
 * the Persian normalization of the name search is the server's.
 */
export const gfa = {
  title: 'درجه‌بندی شهرداری‌ها',
  lead: 'درجه هر شهرداری، از ۱ تا ۱۲، بر پایه شاخص‌های درآمد پایدار، جمعیت و جایگاه اداری آن و با تصویب کارگروه درجه‌بندی تعیین می‌شود. این فهرست درجه ابلاغ‌شده هر شهرداری را با تاریخ اجرا و شماره حکم آن نشان می‌دهد.',
  filters: 'جست‌وجو در فهرست درجه‌ها',
  name: 'نام شهرداری',
  nameHint: 'بخشی از نام شهر را بنویسید.',
  province: 'استان',
  allProvinces: 'همه استان‌ها',
  grade: 'درجه',
  allGrades: 'همه درجه‌ها',
  gradeOption: (g: string) => `درجه ${g}`,
  find: 'جست‌وجو',
  clear: 'پاک کردن جست‌وجو',
  loading: 'در حال بارگذاری…',
  retry: 'تلاش دوباره',
  found: (n: string) => `${n} شهرداری یافت شد.`,
  empty: 'شهرداری‌ای با این مشخصات درجه ابلاغ‌شده ندارد.',
  caption: 'درجه شهرداری‌ها',
  captionPage: (page: string, pages: string) => `درجه شهرداری‌ها، صفحه ${page} از ${pages}`,
  municipality: 'شهرداری',
  county: 'شهرستان',
  effectiveDate: 'تاریخ اجرا',
  orderNumber: 'شماره حکم',
  pages: 'صفحه‌های فهرست',
  page: (page: string, pages: string) => `صفحه ${page} از ${pages}`,
  prev: 'صفحه قبل',
  next: 'صفحه بعد',
  none: '—',
  scale: 'درجه ۱ پایین‌ترین و درجه ۱۲ بالاترین درجه است.',
} as const;
