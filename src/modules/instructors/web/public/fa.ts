/**
 * Persian strings shared by every public and instructor page of the instructor bank (the sub-navigation, the
 * sign-in step). The landing page's text is in fa-landing.ts. Each page's own strings live beside it (fa-profile.ts,
 * fa-my.ts, fa-certificate.ts, fa-verify.ts, fa-rate.ts), so a light page downloads only its own. Enum titles come
 * from ../../enums.ts; criterion rules and value texts are written by the server.
 */
export const ifa = {
  nav: {
    label: 'پیوندهای بانک مدرسان',
    home: 'بانک مدرسان',
    profile: 'پرونده من',
    me: 'وضعیت صلاحیت من',
    verify: 'استعلام شناسه آموزشی',
  },
  common: {
    none: '—',
    retry: 'تلاش دوباره',
    signedInAs: (mobile: string) => `با شماره همراه ${mobile} وارد شده‌اید.`,
    otherMobile: 'ورود با شماره همراه دیگر',
  },
  /** the profile page's frame (the form's own strings are in fa-profile.ts, loaded with the form) */
  profile: {
    title: 'پرونده مدرس',
    signIn: 'برای ساختن یا ویرایش پرونده مدرسی، با شماره همراه خود وارد شوید. این شماره راه تماس سازمان با شماست.',
    newIntro: 'پرونده خود را بسازید. لازم نیست همه بخش‌ها را یک‌جا پر کنید: هر بار ذخیره کنید و بعد ادامه دهید. پس از کامل شدن، آن را برای بررسی بفرستید.',
  },
  otp: {
    title: 'ورود با شماره همراه',
    subtitle: 'شماره همراه خود را وارد کنید تا کد یک‌بارمصرف برایتان پیامک شود. نتیجه بررسی پرونده و دعوت به دوره‌ها هم به همین شماره فرستاده می‌شود.',
    code: 'کد یک‌بارمصرف',
    verify: 'تأیید و ادامه',
  },
} as const;
