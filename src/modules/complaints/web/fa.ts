import { formFa } from '../../../web/components/form.js';
import { fa } from '../../../web/fa.js';

/**
 * The Persian strings of the complaints screens shared by the public pages (and read by the staff screens):
 * common words and the one-time-code step. Page-specific strings live next to their pages (public/fa-new.ts,
 * public/fa-track.ts, staff/fa.ts) so each light public page downloads only its own.
 */
export const cfa = {
  common: {
    required: 'این بخش را پر کنید.',
    optional: fa.form.optional,
    choose: formFa.choose,
    retry: 'تلاش دوباره',
    cancel: 'انصراف',
    yes: 'بله',
    no: 'خیر',
    send: 'ارسال',
    none: '—',
    anonymous: 'ناشناس',
    throttled: fa.errors.throttled,
    days: (n: string) => `${n} روز کاری`,
    charCount: (n: string, max: string) => `${n} از ${max} نویسه`,
    tooLong: (max: string) => `حداکثر ${max} نویسه مجاز است.`,
    waitUploads: 'صبر کنید تا بارگذاری پیوست‌ها تمام شود.',
  },
  /** The complaints service's wording of the shell's one-time-code form (src/web/components/OtpForm.tsx). */
  otp: {
    title: 'تأیید شماره همراه',
    subtitle: 'شماره همراه خود را وارد کنید تا کد یک‌بارمصرف برایتان پیامک شود. کد پیگیری هم به همین شماره فرستاده می‌شود.',
    code: 'کد یک‌بارمصرف',
    verify: 'تأیید و ادامه',
    signedInAs: (mobile: string) => `با شماره همراه ${mobile} وارد شده‌اید.`,
  },
} as const;
