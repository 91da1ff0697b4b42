// Persian strings of the complaints service's server side, in one place (errors, SMS texts, labels).
import { toPersianDigits } from '../../../core/fa/index.js';

export const FA = {
  complaintNoun: 'شکایت یا درخواست',
  documentNoun: 'سند',
  categoryInvalid: 'موضوع انتخاب‌شده معتبر نیست.',
  categoryPick: 'یکی از موضوعات جزئی فعال را انتخاب کنید.',
  placeInvalid: 'محل انتخاب‌شده معتبر نیست.',
  placePick: 'شهر، روستا، دهستان یا بخش محل را انتخاب کنید.',
  answersInvalid: 'پاسخ برخی از پرسش‌های این موضوع معتبر نیست.',
  answerRequired: (label: string) => `به پرسش «${label}» پاسخ دهید.`,
  answerText: (label: string) => `پاسخ «${label}» باید متن باشد.`,
  answerNumber: (label: string) => `پاسخ «${label}» باید عدد باشد.`,
  answerBoolean: (label: string) => `پاسخ «${label}» باید بله یا خیر باشد.`,
  answerOption: (label: string) => `برای «${label}» یکی از گزینه‌های فهرست را انتخاب کنید.`,
  attachmentInvalid: 'پیوست معتبر نیست.',
  attachmentNotYours: 'پیوست پیدا نشد یا توسط شما بارگذاری نشده است.',
  attachmentsTooMany: (max: number) => `حداکثر ${toPersianDigits(max)} پیوست مجاز است.`,
  locationInvalid: 'مختصات مکان باید هر دو (عرض و طول جغرافیایی) وارد شود.',
  codeFailed: 'ساخت کد پیگیری ممکن نشد؛ لطفاً دوباره تلاش کنید.',
  infoNotAllowed: 'در این مرحله نمی‌توان به پرونده اطلاعات افزود؛ پس از پاسخ، رضایت خود را ثبت کنید یا پرونده را بازگشایی کنید.',
  reopenWindowClosed: 'مهلت بازگشایی این پرونده به پایان رسیده است.',
  mobileInvalid: 'شماره همراه معتبر نیست.',
  mobileInvalidField: 'شماره همراه معتبر نیست (نمونه: ۰۹۱۲۳۴۵۶۷۸۹)',
  submittedSms: (code: string) => `شهرده — کد پیگیری شما: ${code}\nدرخواست شما ثبت شد؛ وضعیت آن را با این کد در سامانه شهرده پیگیری کنید.`,
  /** History actions as the citizen sees them (no staff names). */
  opened: 'ثبت',
} as const;
