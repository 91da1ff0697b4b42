/**
 * Persian strings shared by every amriyeh public and applicant page (the sub-navigation, the sign-in step, the
 * score table). Each page's own strings live beside it (fa-calls.ts, fa-my.ts, fa-run.ts, fa-verify.ts,
 * fa-letter.ts, fa-form.ts), so a light page downloads only its own. Enum titles come from ../../enums.ts; rule
 * and criterion sentences, reasons and explanations are written by the server.
 */
export const afa = {
  nav: {
    calls: 'فراخوان‌ها',
    mine: 'درخواست‌های من',
    verify: 'استعلام امریه',
    label: 'پیوندهای امریه',
  },
  common: {
    loading: 'در حال بارگذاری…',
    retry: 'تلاش دوباره',
    none: '—',
    back: 'بازگشت',
    outOf: (p: string, max: string) => `${p} از ${max}`,
    notFound: 'یافت نشد.',
    signedInAs: (mobile: string) => `با شماره همراه ${mobile} وارد شده‌اید.`,
    period: (from: string, to: string) => `ثبت‌نام از ${from} تا ${to}`,
    national: 'سطح کشور',
    criterion: 'معیار',
    points: 'امتیاز',
    reason: 'دلیل',
    total: 'جمع امتیاز',
  },
  otp: {
    title: 'ورود با شماره همراه',
    subtitle: 'شماره همراه خود را وارد کنید تا کد یک‌بارمصرف برایتان پیامک شود. نتیجه بررسی درخواست هم به همین شماره فرستاده می‌شود.',
    code: 'کد یک‌بارمصرف',
    verify: 'تأیید و ادامه',
  },
  apply: {
    title: 'ثبت‌نام امریه آتش‌نشانان روستایی',
    notAccepting: 'ثبت‌نام در این فراخوان باز نیست.',
    steps: ['شماره همراه', 'تکمیل فرم', 'بررسی شرایط', 'ثبت'],
  },
} as const;
