/**
 * The strings only the staff screens show: the staff login, the staff desk (میز کار), and the building blocks every
 * service's staff screens share (ui.tsx).
 * Kept out of `web/fa.ts`, which is in the entry chunk every page downloads (DESIGN style rule 9 still holds:
 * the strings live in one place per area).
 */
export const faStaff = {
  nav: {
    staffHome: 'میز کار',
  },
  staffLogin: {
    title: 'ورود کارکنان',
    subtitle: 'برای ورود به میز کار، نام کاربری و گذرواژه خود را وارد کنید.',
    username: 'نام کاربری',
    password: 'گذرواژه',
    showPassword: 'نمایش یا پنهان کردن گذرواژه',
    totp: 'کد ورود دومرحله‌ای',
    totpHint: 'کد شش‌رقمی برنامه احراز هویت خود را وارد کنید.',
    submit: 'ورود',
    required: 'این بخش را پر کنید.',
    totpInvalid: 'کد شش‌رقمی را کامل وارد کنید.',
    citizenInstead: 'شهروند هستید؟ ورود با شماره همراه',
  },
  staffHome: {
    greeting: (name: string) => `${name}، خوش آمدید`,
    rolesTitle: 'نقش‌های شما',
    servicesTitle: 'سامانه‌های در دسترس شما',
    inboxTotal: 'کارهای در انتظار',
    overdueTotal: 'کارهای دیرکرددار',
    inbox: 'در انتظار',
    overdue: 'دیرکرد',
    open: 'ورود به سامانه',
    noServices: 'هنوز سامانه‌ای برای نقش شما تعریف نشده است.',
    noRoles: 'نقشی برای شما ثبت نشده است؛ با راهبر سامانه تماس بگیرید.',
    wholeCountry: 'سراسر کشور',
  },
  /** The shared building blocks of the services' staff screens (ui.tsx, lists.tsx, case.tsx). */
  ui: {
    none: '—',
    overdue: 'دیرکرد',
    page: (p: string, of: string) => `صفحه ${p} از ${of}`,
    prev: 'قبلی',
    next: 'بعدی',
    // a case's page
    back: 'بازگشت',
    cancel: 'انصراف',
    required: 'این بخش را پر کنید.',
    charCount: (n: string, max: string) => `${n} از ${max} نویسه`,
    dateHint: 'مانند ۱۴۰۵/۰۱/۱۵',
    // a list's filters (lists.tsx)
    total: (n: string) => `${n} مورد`,
    search: 'جست‌وجو',
    clear: 'پاک کردن پالایه‌ها',
    province: 'استان',
    allProvinces: 'همه استان‌ها',
    overdueOnly: 'فقط دیرکرددارها',
    waiting: 'در انتظار شما',
    exportCsv: 'خروجی متنی (سی‌اس‌وی)',
    exportXlsx: 'خروجی اکسل',
  },
} as const;
