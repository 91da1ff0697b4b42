// Persian text of the amriyeh service's server side: error titles and SMS bodies, each once.
import { toPersianDigits as fa } from '../../../core/fa/normalize.js';

export const AFA = {
  callNoun: 'فراخوان',
  stationNoun: 'ایستگاه',
  applicationNoun: 'درخواست امریه',
  runNoun: 'نتیجه گزینش',
  letterNoun: 'امریه',

  callNotOpen: 'ثبت‌نام این فراخوان باز نیست.',
  callStateInvalid: 'این تغییر وضعیت برای فراخوان ممکن نیست.',
  seedAlreadySet: 'بذر قرعه‌کشی این فراخوان پیش‌تر منتشر شده و تغییرپذیر نیست.',
  seedTooLate: 'بذر قرعه‌کشی باید پیش از پایان ثبت‌نام منتشر شود.',
  seedInvalid: 'منابع تصادفی قرعه‌کشی معتبر نیست.',
  provinceInvalid: 'استان معتبر نیست.',
  stationExists: 'این دهیاری برای این فراخوان پیش‌تر ظرفیت اعلام کرده است.',
  noFireStation: 'این دهیاری ایستگاه آتش‌نشانی ندارد.',
  dehyariInvalid: 'دهیاری معتبر نیست یا در حوزه شما نیست.',
  stationsClosed: 'اعلام و تأیید ظرفیت ایستگاه‌ها پس از گزینش ممکن نیست.',
  seatsOverRequested: 'ظرفیت تأییدشده از ظرفیت درخواستی بیشتر است.',
  capOverConfirmed: 'سقف هر ایستگاه نمی‌تواند از ظرفیت تأییدشده آن بیشتر باشد.',
  capOverQuota: (quota: number) => `جمع ظرفیت ایستگاه‌ها از سهمیه استان (${fa(quota)} نفر) بیشتر است.`,
  stationNotConfirmed: 'ظرفیت این ایستگاه هنوز در بخشداری تأیید نشده است.',

  notEligible: 'شرایط این فراخوان را ندارید.',
  duplicateApplication: 'برای این کد ملی در این فراخوان پیش‌تر درخواست ثبت شده است.',
  stationsInvalid: 'ایستگاه‌های انتخاب‌شده معتبر نیستند.',
  stationsOneProvince: 'همه ایستگاه‌ها باید در یک استان باشند.',
  placeInvalid: 'محل انتخاب‌شده معتبر نیست.',
  claimDocuments: 'مدرک پشتیبان باید فایلی باشد که خودتان بارگذاری کرده‌اید.',
  notReturned: 'اصلاح درخواست تنها وقتی ممکن است که برای اصلاح بازگردانده شده باشد.',
  callMismatch: 'فراخوان درخواست را نمی‌توان تغییر داد.',
  codeFailed: 'ساختن کد پیگیری ممکن نشد؛ دوباره تلاش کنید.',

  runNeedsClosed: 'گزینش تنها پس از پایان ثبت‌نام فراخوان ممکن است.',
  runNeedsSeed: 'بذر قرعه‌کشی هنوز منتشر نشده است؛ گزینش بدون آن انجام نمی‌شود.',
  runDone: 'گزینش این استان (یا گزینش کشوری این فراخوان) پیش‌تر انجام شده است.',
  reviewsPending: (n: number) => `${fa(n)} درخواست هنوز در مرحله بررسی است؛ پیش از گزینش باید تعیین تکلیف شوند.`,
  runScope: 'گزینش استانی را کارشناس استانداری همان استان و گزینش کشوری را کارشناس ستادی معاونت امور دهیاری‌ها انجام می‌دهد.',
  expired: 'درخواست برای اصلاح بازگردانده شده بود و تا زمان گزینش اصلاح نشد.',
  reviewActionInvalid: 'این اقدام برای این درخواست ممکن نیست.',
  revokeReason: 'علت ابطال را بنویسید.',
  alreadyRevoked: 'این امریه پیش‌تر ابطال شده است.',

  sms: {
    submitted: (code: string) => `درخواست امریه آتش‌نشانی شما ثبت شد. کد پیگیری: ${code}`,
    decision: (code: string, stateTitle: string) => `درخواست امریه ${code}: ${stateTitle}. جزئیات در سامانه شهرده.`,
    selected: (code: string, station: string) => `درخواست امریه ${code}: در گزینش برای ایستگاه «${station}» پذیرفته شدید.`,
    issued: (number: string) => `امریه آتش‌نشانی شما با شماره ${number} صادر شد. نامه در سامانه شهرده.`,
    revoked: (number: string) => `امریه شماره ${number} ابطال شد. علت در سامانه شهرده.`,
  },
};
