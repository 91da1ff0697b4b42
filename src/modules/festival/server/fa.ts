// Persian messages of the festival's rounds, owners' entries and screening, in one place.
import { formatJalaliLong } from '../../../core/fa/jalali.js';
import { toPersianDigits as fa } from '../../../core/fa/normalize.js';
import { MAX_ENTRIES_PER_OWNER } from '../enums.js';

/** The last day of submissions as people say it: «۱۰ خرداد ۱۴۰۵» (the day before the closing midnight). */
const lastDay = (closesAt: Date) => formatJalaliLong(new Date(closesAt.getTime() - 1));

export const FFA = {
  // rounds
  roundNoun: 'دوره جشنواره',
  noRound: 'هنوز دوره‌ای از جشنواره اعلام نشده است.',
  yearTaken: (year: number) => `دوره جشنواره سال ${fa(year)} پیش‌تر تعریف شده است.`,
  roundVersionConflict: 'تنظیمات این دوره پس از باز کردن صفحه تغییر کرده است؛ صفحه را تازه کنید.',
  roundLocked: 'این تنظیمات پس از آغاز دوره تغییر نمی‌کند؛ فقط عنوان، مهلت ارسال و معیارهای داوری (تا آغاز داوری) قابل تغییر است.',
  roundLockedAll: 'تنظیمات دوره پس از آغاز داوری تغییر نمی‌کند.',
  roundNotDraft: 'این دوره پیش‌تر آغاز شده است.',
  roundOpenExists: 'یک دوره دیگر در حال دریافت یا بررسی طرح‌هاست؛ هم‌زمان فقط یک دوره باز است.',
  deadlineInPast: 'مهلت ارسال نباید پیش از امروز باشد.',
  nationalOnly: 'این کار فقط از دبیرخانه کشوری جشنواره ساخته است.',

  // entries (owners)
  entryNoun: 'طرح',
  notOwner: 'ثبت طرح در جشنواره برای دهیاران و کارآفرینان روستایی است.',
  roundNotOpen: 'این دوره جشنواره هنوز آغاز نشده یا طرح نمی‌پذیرد.',
  deadlinePassed: (closesAt: Date) => `مهلت ارسال طرح‌های این دوره پایان روز ${lastDay(closesAt)} به پایان رسیده است.`,
  returnAfterDeadline: (closesAt: Date) =>
    `مهلت ارسال طرح‌ها پایان روز ${lastDay(closesAt)} تمام شده و بازگرداندن برای اصلاح دیگر ممکن نیست؛ طرح را بپذیرید یا رد کنید.`,
  villageRequired: 'روستای طرح را انتخاب کنید.',
  villageInvalid: 'محل طرح باید یک روستا باشد.',
  notYourVillage: 'این روستا در حوزه دهیاری شما نیست.',
  villageLocked: 'روستای طرحی که ارسال شده است تغییر نمی‌کند.',
  entryLimit: `در هر دوره حداکثر ${fa(MAX_ENTRIES_PER_OWNER)} طرح فعال می‌توانید ثبت کنید.`,
  entryVersionConflict: 'این طرح پس از باز کردن صفحه تغییر کرده است؛ نوشته‌های شما در فرم مانده است — صفحه را در پنجره دیگری تازه کنید و دوباره ذخیره کنید.',
  notEditable: 'این طرح در وضعیت فعلی قابل ویرایش نیست.',
  notReturned: 'این طرح برای اصلاح بازنگشته است.',
  notDraft: 'فقط پیش‌نویس قابل حذف است.',
  cannotWithdraw: 'انصراف از این طرح در وضعیت فعلی ممکن نیست.',
  entryIncomplete: 'طرح کامل نیست.',
  entryIncompleteDetail: (missing: string[]) => `این بخش‌ها را کامل کنید: ${missing.join('، ')}.`,
  missingPart: (name: string) => `«${name}» را کامل کنید.`,
  documentInvalid: 'عکس‌ها و سندها باید فایل‌هایی باشند که خودتان بارگذاری کرده‌اید.',
  documentUnknown: (key: string) => `سند «${key}» در فهرست سندهای این دوره نیست.`,
  codeExhausted: 'ساختن کد پیگیری ممکن نشد؛ کمی بعد دوباره تلاش کنید.',

  // history shown to owners
  opened: 'ارسال طرح',
  you: 'شما',
  system: 'سامانه',

  // screening
  screenActionInvalid: 'اقدام انتخاب‌شده معتبر نیست.',

  // export
  exportFile: 'طرح‌های-جشنواره',

  // notifications
  sms: {
    submitted: (code: string, title: string) => `شهرده — طرح «${title}» در جشنواره دهیاری‌ها ثبت شد. کد پیگیری: ${fa(code)}`,
    returned: (code: string, title: string) => `شهرده — طرح «${title}» (کد ${fa(code)}) برای اصلاح بازگردانده شد. پیش از پایان مهلت آن را اصلاح و دوباره ارسال کنید.`,
    rejected: (code: string, title: string) => `شهرده — طرح «${title}» (کد ${fa(code)}) در بررسی اولیه شرایط جشنواره را نداشت. دلیل را در صفحه طرح ببینید.`,
    accepted: (code: string, title: string) => `شهرده — طرح «${title}» (کد ${fa(code)}) برای داوری جشنواره پذیرفته شد.`,
  },
} as const;
