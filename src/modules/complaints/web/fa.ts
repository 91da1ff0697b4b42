import { fa } from '../../../web/fa.js';

/**
 * The Persian strings of the complaints screens shared by the public pages (and read by the staff screens):
 * common words, the one-time-code step and the attachments picker. Page-specific strings live next to their
 * pages (public/fa-new.ts, public/fa-track.ts, staff/fa.ts) so each light public page downloads only its own.
 */
export const cfa = {
  common: {
    required: 'این بخش را پر کنید.',
    optional: fa.form.optional,
    choose: 'انتخاب کنید',
    loading: 'در حال بارگذاری…',
    retry: 'تلاش دوباره',
    cancel: 'انصراف',
    yes: 'بله',
    no: 'خیر',
    send: 'ارسال',
    none: '—',
    anonymous: 'ناشناس',
    throttled: fa.errors.throttled,
    formErrors: 'چند بخش فرم نیاز به اصلاح دارد؛ پیام کنار هر بخش را ببینید.',
    days: (n: string) => `${n} روز کاری`,
    charCount: (n: string, max: string) => `${n} از ${max} نویسه`,
    tooLong: (max: string) => `حداکثر ${max} نویسه مجاز است.`,
    waitUploads: 'صبر کنید تا بارگذاری پیوست‌ها تمام شود.',
  },
  /** The complaints service's wording of the shell's one-time-code form (src/web/components/OtpForm.tsx). */
  otp: {
    title: 'تأیید شماره همراه',
    subtitle: 'شماره همراه خود را وارد کنید تا کد یک‌بارمصرف برایتان پیامک شود. کد پیگیری هم به همین شماره فرستاده می‌شود.',
    trackSubtitle: 'برای دیدن همه جزئیات، شماره همراهی را که با آن ثبت کرده‌اید وارد کنید تا کد یک‌بارمصرف برایتان پیامک شود.',
    code: 'کد یک‌بارمصرف',
    verify: 'تأیید و ادامه',
    signedInAs: (mobile: string) => `با شماره همراه ${mobile} وارد شده‌اید.`,
  },
  files: {
    attachments: 'پیوست‌ها',
    attachmentsHint: (max: string, mb: string) => `تا ${max} تصویر یا فایل پی‌دی‌اف، هر کدام حداکثر ${mb} مگابایت`,
    addFile: 'افزودن تصویر یا فایل',
    removeFile: (name: string) => `حذف ${name}`,
    uploading: (p: string) => `در حال بارگذاری… ${p}٪`,
    uploaded: 'بارگذاری شد',
    fileTooBig: (mb: string) => `حجم فایل بیش از ${mb} مگابایت است.`,
    fileBadType: 'فقط تصویر یا فایل پی‌دی‌اف پذیرفته می‌شود.',
    tooManyFiles: (max: string) => `حداکثر ${max} پیوست می‌توانید بفرستید.`,
  },
} as const;
