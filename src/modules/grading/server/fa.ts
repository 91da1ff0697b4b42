// Persian messages of the grading server, in one place.
import { toPersianDigits as fa } from '../../../core/fa/normalize.js';
import { SUBJECT_TITLES, type Subject } from '../enums.js';

export const GFA = {
  entityNoun: (subject: Subject) => SUBJECT_TITLES[subject],
  sheetNoun: 'برگه شاخص‌ها',
  requestNoun: 'درخواست ارتقای درجه',
  entityInvalid: (subject: Subject) => (subject === 'municipality' ? 'محل انتخاب‌شده شهری با شهرداری نیست.' : 'محل انتخاب‌شده روستایی با دهیاری نیست.'),
  notOwnEntity: (subject: Subject) => `فقط کارکنان همین ${SUBJECT_TITLES[subject]} می‌توانند برای آن برگه شاخص ثبت کنند یا درخواست بدهند.`,
  unknownIndicator: (key: string) => `شاخص «${key}» در جدول درجه‌بندی جاری تعریف نشده است.`,
  unknownIndicatorTitle: 'برخی شاخص‌های ارسالی در جدول درجه‌بندی تعریف نشده‌اند.',
  valuesInvalid: 'برخی مقدارهای شاخص‌ها معتبر نیست.',
  notANumber: (title: string) => `مقدار «${title}» باید عدد باشد.`,
  outOfRange: (title: string, range: string) => `مقدار «${title}» باید ${range} باشد.`,
  notAChoice: (title: string) => `برای «${title}» یکی از گزینه‌های فهرست را انتخاب کنید.`,
  attachmentInvalid: 'مدارک باید فایل‌هایی باشند که خودتان بارگذاری کرده‌اید.',
  sheetLocked: 'این برگه در یک درخواست در حال بررسی است و تا پایان بررسی تغییر نمی‌کند.',
  requestOpen: (subject: Subject) => `این ${SUBJECT_TITLES[subject]} یک درخواست ارتقای درجه در حال بررسی دارد؛ تا پایان آن درخواست تازه ثبت نمی‌شود.`,
  notUpgrade: (supported: number, current: number) =>
    `شاخص‌ها درجه ${fa(supported)} را پشتیبانی می‌کنند که از درجه فعلی (${fa(current)}) بالاتر نیست؛ درخواست ارتقا ممکن نیست.`,
  tooSoon: (from: string) => `بررسی دوباره درجه دهیاری چهار سال پس از آخرین درجه ممکن است؛ از ${fa(from)} می‌توانید درخواست بدهید.`,
  incomplete: 'شاخص‌ها یا مدارک لازم کامل نیست.',
  missingValue: (title: string) => `مقدار «${title}» ثبت نشده است.`,
  missingDocument: (title: string, evidence: string) => `مدرک «${title}» (${evidence}) پیوست نشده است.`,
  notReturned: 'این درخواست برای اصلاح بازگردانده نشده است.',
  actionInvalid: 'این اقدام برای درخواست ارتقای درجه تعریف نشده است.',
  verdictsRequired: 'نتیجه بررسی همه شاخص‌ها را ثبت کنید.',
  verdictMissing: (title: string) => `نتیجه بررسی «${title}» ثبت نشده است.`,
  verdictValueRequired: (title: string) => `مقدار اصلاح‌شده «${title}» را وارد کنید.`,
  verdictReasonRequired: (title: string) => `دلیل اصلاح «${title}» را بنویسید.`,
  effectiveDateRequired: 'تاریخ اجرای درجه را به صورت ۱۴۰۵/۰۱/۰۱ وارد کنید.',
  effectiveDateInvalid: 'تاریخ اجرا یک تاریخ شمسی درست نیست.',
  approveNotUpgrade: (grade: number, current: number) =>
    `مقدارهای بررسی‌شده درجه ${fa(grade)} را پشتیبانی می‌کنند که از درجه فعلی (${fa(current)}) بالاتر نیست؛ درخواست را رد کنید.`,
  codeExhausted: 'ساخت کد پیگیری ممکن نشد؛ کمی بعد دوباره تلاش کنید.',
  openTitle: 'ثبت درخواست',
  sms: (name: string, code: string, state: string, comment: string | null) =>
    `شهرده — درخواست ارتقای درجه ${name} (کد پیگیری ${code}): ${state}.${comment ? ` ${comment}` : ''}`,
  smsIssued: (name: string, grade: number, order: string) => `شهرده — حکم درجه ${fa(grade)} ${name} به شماره ${order} صادر شد.`,
  exportFile: 'درخواست‌های-ارتقای-درجه',
};
