/**
 * The Persian strings every page of the web shell may show, in one place (DESIGN style rule 9). This module
 * is in the entry chunk every page downloads, so strings of one area live beside it instead: pages/fa.ts
 * (home, services, «به‌زودی», 404), staff/fa.ts (staff login and desk), citizen/fa.ts (citizen login and page).
 * Components never hold UI text of their own; numbers and dates are rendered
 * through the helpers of `core/fa` so digits are always Persian.
 */
export const fa = {
  app: {
    name: 'شهرده',
    fullName: 'سامانه خدمات الکترونیک شهرداری‌ها و دهیاری‌ها',
    org: 'سازمان شهرداری‌ها و دهیاری‌های کشور',
    skipToContent: 'پرش به محتوای اصلی',
    today: 'امروز',
    loading: 'در حال بارگذاری…',
    backHome: 'بازگشت به صفحه اصلی',
    footer: 'سازمان شهرداری‌ها و دهیاری‌های کشور — دفتر نوسازی، تحول اداری و فناوری اطلاعات',
    mainNav: 'پیوندهای اصلی',
  },
  nav: {
    home: 'صفحه اصلی',
    staffLogin: 'ورود کارکنان',
    citizenLogin: 'ورود شهروندان',
    logout: 'خروج',
  },
  /** The one-time-code form (components/OtpForm): /citizen/login and the complaints service's public pages. */
  otp: {
    mobile: 'شماره همراه',
    mobileHint: 'مانند ۰۹۱۲۱۲۳۴۵۶۷',
    mobileInvalid: 'شماره همراه معتبر نیست؛ شماره‌ای یازده‌رقمی که با ۰۹ آغاز می‌شود وارد کنید.',
    requestCode: 'دریافت کد',
    codeHint: (mobile: string) => `کد شش‌رقمی پیامک‌شده به ${mobile} را وارد کنید.`,
    codeInvalid: 'کد شش‌رقمی را کامل وارد کنید.',
    resend: 'ارسال دوباره کد',
    resendIn: (seconds: string) => `ارسال دوباره تا ${seconds} ثانیه دیگر`,
    changeMobile: 'تغییر شماره همراه',
  },
  /** The plain-markup form building blocks (components/form.tsx). */
  form: {
    optional: '(اختیاری)',
  },
  errors: {
    network: 'ارتباط با سامانه برقرار نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.',
    generic: 'خطایی رخ داد؛ لطفاً دوباره تلاش کنید.',
    retry: 'تلاش دوباره',
    loadFailed: 'دریافت اطلاعات ممکن نشد.',
    throttled: 'درخواست‌های شما بیش از حد مجاز بود؛ چند دقیقه صبر کنید و دوباره تلاش کنید.',
  },
} as const;
