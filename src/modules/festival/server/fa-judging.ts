// Persian messages of the festival's judging, announcement, showcase and sharing (server side), in one place.
import { faNum } from '../../../core/scoring/bands.js';

const ORDINALS = ['اول', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم'];
/** 1 → 'اول', 2 → 'دوم' …; beyond ten: '۱۱م'. */
export const ordinalFa = (n: number): string => ORDINALS[n - 1] ?? `${faNum(n)}م`;

export const JFA = {
  // nouns for 404s
  entryNoun: 'طرح',
  roundNoun: 'دوره جشنواره',
  questionNoun: 'پرسش',
  photoNoun: 'عکس',

  // the secretariat's round commands
  versionConflict: 'این دوره را کس دیگری هم‌زمان تغییر داده است؛ صفحه را تازه کنید و دوباره تلاش کنید.',
  roundNotOpen: 'داوری فقط برای دوره‌ای آغاز می‌شود که در حال دریافت و بررسی طرح‌هاست.',
  deadlineNotPassed: 'مهلت ارسال طرح‌ها هنوز تمام نشده است؛ داوری پس از پایان مهلت آغاز می‌شود.',
  screeningOpen: (n: number) => `${faNum(n)} طرح هنوز در بررسی دبیرخانه‌هاست؛ پیش از آغاز داوری همه باید پذیرفته یا رد شوند.`,
  noEligible: 'هیچ طرح پذیرفته‌شده‌ای برای داوری نیست.',
  notEnoughJudges: (n: number) => `برای ${faNum(n)} طرح به اندازه کافی داور بدون تعارض منافع نیست؛ داوران بیشتری به دوره بیفزایید.`,
  notJudging: 'این دوره در مرحله داوری نیست.',
  roundAnnounced: 'برگزیدگان این دوره اعلام شده‌اند و داوران آن دیگر تغییر نمی‌کنند.',
  judgeHasScores: (name: string) => `داور «${name}» امتیاز ثبت کرده است و نمی‌توان او را از داوران دوره حذف کرد.`,
  judgeCountyScored: (name: string) => `داور «${name}» به طرحی از شهرستان تازه‌اش امتیاز داده است؛ شهرستان او را نمی‌توان تغییر داد.`,
  notAJudge: 'کاربر انتخاب‌شده داور فعال سامانه نیست.',
  countyInvalid: 'شهرستان انتخاب‌شده برای داور معتبر نیست.',
  scoresMissing: (n: number) => `${faNum(n)} امتیاز داوری هنوز ثبت نشده است؛ اعلام نتایج پس از ثبت همه امتیازها ممکن است.`,
  panelsShort: (n: number) => `${faNum(n)} طرح هنوز داوری کامل ندارد؛ پیش از اعلام، داوران کافی به آن‌ها بدهید.`,
  winnersRequired: 'دست‌کم یک طرح برگزیده را انتخاب کنید.',
  winnerInvalid: 'برگزیده‌ها باید از طرح‌های در حال داوری همین دوره باشند.',

  // awards (stored with the entry, shown on the showcase)
  awardNational: (rank: number, axis: string) => `رتبه ${ordinalFa(rank)} کشوری — محور ${axis}`,
  awardProvince: (province: string, axis: string) => `برگزیده استان ${province} — محور ${axis}`,
  awardSelected: (axis: string) => `برگزیده جشنواره — محور ${axis}`,

  // agreement readings (Koo & Li 2016)
  iccReading: { poor: 'ضعیف', moderate: 'متوسط', good: 'خوب', excellent: 'عالی' },

  // judges
  judgingClosed: 'داوری این دوره بسته است و امتیازها دیگر تغییر نمی‌کنند.',
  scoreConflict: 'امتیاز این طرح را در صفحه دیگری تغییر داده‌اید؛ صفحه را تازه کنید.',
  rubricMismatch: 'امتیازها با معیارهای داوری این محور نمی‌خواند.',
  rubricMissing: (title: string) => `امتیاز معیار «${title}» داده نشده است.`,
  rubricUnknown: (key: string) => `معیار «${key}» در معیارهای داوری این محور نیست.`,
  rubricOverMax: (title: string, max: number) => `امتیاز معیار «${title}» باید بین ۰ و ${faNum(max)} باشد.`,
  axisMissing: 'محور این طرح در معیارهای داوری دوره نیست.',

  // sharing
  notADehyari: 'فقط دهیاران می‌توانند طرحی را برای اجرا در روستای خود نشان کنند یا از نویسنده آن بپرسند.',
  villageRequired: 'روستایی را که می‌خواهد این طرح را اجرا کند انتخاب کنید.',
  notYourVillage: 'این روستا در حوزه شما نیست.',
  ownPlan: 'این طرح از روستای خود شماست.',
  alreadyAnswered: 'به این پرسش پیش‌تر پاسخ داده شده است.',
  askedBy: (village: string) => `دهیاری ${village}`,

  // messages
  sms: {
    selected: (title: string, award: string) => `طرح «${title}» در جشنواره طرح‌های برگزیده دهیاری‌ها برگزیده شد: ${award}. تبریک! طرح اکنون در ویترین جشنواره در دسترس همه است.`,
    notSelected: (title: string) => `داوری طرح «${title}» در جشنواره دهیاری‌ها پایان یافت و نتایج اعلام شد. از مشارکت شما سپاسگزاریم.`,
    asked: (title: string, village: string) => `دهیاری ${village} درباره طرح «${title}» پرسشی فرستاده است. برای پاسخ به بخش «پرسش‌ها» در سامانه شهرده سر بزنید.`,
    answered: (title: string) => `به پرسش شما درباره طرح «${title}» پاسخ داده شد. پاسخ را در سامانه شهرده ببینید.`,
  },
};

/** The Persian reading of an ICC(1,k) (Koo & Li 2016: <0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, >0.9 excellent). */
export function iccReading(v: number | null): string | null {
  if (v === null) return null;
  const r = JFA.iccReading;
  return v < 0.5 ? r.poor : v < 0.75 ? r.moderate : v <= 0.9 ? r.good : r.excellent;
}
