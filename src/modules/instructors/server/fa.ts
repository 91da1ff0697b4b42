// Persian messages of the instructor bank's qualification server, in one place.
import { toPersianDigits as fa } from '../../../core/fa/normalize.js';

export const IFA = {
  // taxonomy and criteria
  fieldInvalid: 'زمینه تخصصی انتخاب‌شده در فهرست زمینه‌های فعال نیست.',
  fieldUnknown: (key: string) => `زمینه تخصصی «${key}» در فهرست زمینه‌های فعال نیست.`,
  fieldKeyMismatch: 'کلید زمینه در نشانی و در فرم یکسان نیست.',
  noCriteria: 'برای این تاریخ معیارهای تشخیص صلاحیت تعریف نشده است.',
  criteriaDateInvalid: 'تاریخ اجرا یک تاریخ شمسی درست نیست.',
  validationFailed: 'داده‌های ارسالی معتبر نیست.',

  // profile
  noProfile: 'هنوز پرونده مدرسی ثبت نکرده‌اید.',
  provinceInvalid: 'استان انتخاب‌شده معتبر نیست.',
  nationalCodeTaken: 'این کد ملی برای مدرس دیگری ثبت شده است.',
  profileTaken: 'برای این حساب پرونده دیگری ثبت شده است؛ صفحه را تازه کنید.',
  versionConflict: 'پرونده پس از باز کردن این صفحه تغییر کرده است؛ صفحه را تازه کنید و دوباره ذخیره کنید.',
  applicationOpen: 'درخواست شما در حال بررسی است؛ تا پایان بررسی یا درخواست اطلاعات تکمیلی، پرونده تغییر نمی‌کند.',
  applicationOpenSubmit: 'یک درخواست در حال بررسی دارید؛ تا پایان آن درخواست تازه ثبت نمی‌شود.',
  nothingToReview: 'صلاحیت شما معتبر است و تغییری در پرونده برای بررسی ندارید؛ تمدید از ۹۰ روز پیش از پایان اعتبار ممکن است.',
  profileIncomplete: 'پرونده کامل نیست.',
  documentInvalid: 'سندها باید فایل‌هایی باشند که خودتان بارگذاری کرده‌اید.',
  availabilityProvinceInvalid: 'استان‌های محل تدریس باید از فهرست استان‌ها باشند.',

  // applications
  applicationNoun: 'درخواست تشخیص صلاحیت',
  notReturned: 'این درخواست برای تکمیل اطلاعات برنگشته است.',
  actionInvalid: 'اقدام انتخاب‌شده معتبر نیست.',
  reviewIncomplete: 'برای همه زمینه‌های تخصصی درخواست بررسی ثبت کنید.',
  reviewFieldMissing: (title: string) => `بررسی زمینه «${title}» ثبت نشده است.`,
  reviewFieldUnknown: (key: string) => `زمینه «${key}» در این درخواست نیست.`,
  adjustmentInvalid: 'مقدار اصلاح‌شده برخی معیارها معتبر نیست.',
  adjustmentChoice: (title: string) => `برای «${title}» یکی از گزینه‌های معیار را انتخاب کنید.`,
  adjustmentNumber: (title: string) => `مقدار «${title}» باید عدد باشد.`,
  verifiedUnknown: 'برخی ردیف‌های تأییدشده در پرونده این درخواست نیستند.',
  qualifiedFieldsRequired: 'زمینه‌های تأیید صلاحیت را از زمینه‌های همین درخواست انتخاب کنید.',
  codeExhausted: 'صدور کد پیگیری ممکن نشد؛ دوباره تلاش کنید.',
  trainingIdsExhausted: 'ظرفیت شماره‌های شناسه آموزشی تمام شده است؛ با پشتیبانی تماس بگیرید.',
  openTitle: 'ثبت درخواست',
  exportFile: 'درخواست-های-تشخیص-صلاحیت',

  // verification and certificate
  trainingIdInvalid: 'شناسه آموزشی نادرست است؛ یکی از رقم‌ها اشتباه وارد شده است. آن را دوباره بررسی کنید.',
  trainingIdNoun: 'شناسه آموزشی',
  certificateNoun: 'گواهی صلاحیت معتبر',

  // SMS
  sms: {
    qualified: (trainingId: string, until: string) =>
      `صلاحیت تدریس شما تأیید شد. شناسه آموزشی: ${trainingId} — معتبر تا ${fa(until)}. گواهی را از صفحه «مدرس» دریافت کنید.`,
    notQualified: (code: string) => `درخواست تشخیص صلاحیت ${code} تأیید نشد. دلایل را در صفحه «مدرس» ببینید.`,
    moreInfo: (code: string) => `درخواست تشخیص صلاحیت ${code} به اطلاعات یا مدارک بیشتر نیاز دارد. پرونده را تکمیل و دوباره ارسال کنید.`,
    renewal: (days: number, until: string) =>
      `اعتبار صلاحیت تدریس شما ${fa(days)} روز دیگر (${fa(until)}) پایان می‌یابد. برای تمدید، درخواست را از صفحه «مدرس» ثبت کنید.`,
  },
};
