// The festival's demo: who is who (the villages of the demo divisions with their dehyars, the rural entrepreneurs,
// the judges), how the plans are written (types and small builders), and what the showcase's visitors did
// (replications and questions). The plans themselves are in demo-data-2.ts and demo-data-3.ts (the two announced
// rounds), demo-data-4.ts (the round being judged) and demo-data-5.ts (the open round); demo.ts seeds them.
// Phones are fake but well formed (0911000…, 0913000…); entrepreneurs sign in with 09000000300…309.
import type { PlanRaw } from '../contract.js';
import type { EntryState, FundingSource } from '../enums.js';

/** The demo villages (core/org/demo-data.ts): Statistical-Centre-like demo code, a Latin slug for usernames, the dehyar. */
export const DEMO_VILLAGES = {
  bandarkhil: { code: '9902010101001', dehyar: 'محمد طاهری', phone: '09110001001' },
  akhorsar: { code: '9902010101002', dehyar: 'قاسم نیکزاد', phone: '09110001002' },
  regandasht: { code: '9902010101003', dehyar: 'جواد رستمی', phone: '09110001003' },
  chenarbon: { code: '9902010101004', dehyar: 'علی‌اکبر فلاح', phone: '09110001004' },
  dowlatabad: { code: '9902010101005', dehyar: 'مهدی یوسفی', phone: '09110001005' },
  limoon: { code: '9902010101006', dehyar: 'سعید کریمی', phone: '09110001006' },
  asbookola: { code: '9902010102001', dehyar: 'حمید رضایی', phone: '09110001007' },
  zarrinolia: { code: '9902010102002', dehyar: 'مرتضی حسن‌زاده', phone: '09110001008' },
  zarrinsofla: { code: '9902010102003', dehyar: 'ابراهیم صفری', phone: '09110001009' },
  valashid: { code: '9902010102004', dehyar: 'رحیم عباسی', phone: '09110001010' },
  savasareh: { code: '9902010201001', dehyar: 'یدالله شعبانی', phone: '09110001011' },
  aghuzgoleh: { code: '9902010201002', dehyar: 'نبی‌الله اسدی', phone: '09110001012' },
  ilal: { code: '9902010201003', dehyar: 'مصطفی نصیری', phone: '09110001013' },
  mazdeh: { code: '9902010202001', dehyar: 'عباس طالبی', phone: '09110001014' },
  shashak: { code: '9902010202002', dehyar: 'کریم اکبری', phone: '09110001015' },
  karnam: { code: '9902010202003', dehyar: 'اسماعیل حیدری', phone: '09110001016' },
  sadatmahalleh: { code: '9902010202004', dehyar: 'سید مجید حسینی', phone: '09110001017' },
  orost: { code: '9902010203001', dehyar: 'فرهاد جعفری', phone: '09110001018' },
  malkhast: { code: '9902010203002', dehyar: 'بهمن مرادی', phone: '09110001019' },
  qalehsar: { code: '9902010203003', dehyar: 'ناصر محمدی', phone: '09110001020' },
  jurjadeh: { code: '9902010301001', dehyar: 'رسول کاظمی', phone: '09110001021' },
  sangdeh: { code: '9902010301002', dehyar: 'داود سنگدهی', phone: '09110001022' },
  paji: { code: '9902010301003', dehyar: 'یعقوب پاجی‌نژاد', phone: '09110001023' },
  nerivaran: { code: '9902020201001', dehyar: 'غلامرضا نوروزی', phone: '09110001024' },
  abyaneh: { code: '9910010101001', dehyar: 'حسین قاسمی', phone: '09130002101' },
  barz: { code: '9910010101002', dehyar: 'محمدعلی برزی', phone: '09130002102' },
} as const;
export type VillageKey = keyof typeof DEMO_VILLAGES;
/** The village of the demo `dehyari` account (core/org DEMO_ANCHORS.village): its plans are that account's. */
export const HOME_VILLAGE: VillageKey = 'bandarkhil';

/** Rural entrepreneurs (citizens: mobile + one-time code), each of one village. */
export const DEMO_ENTREPRENEURS = [
  { mobile: '09000000300', name: 'یوسف فلاح', village: 'chenarbon' },
  { mobile: '09000000301', name: 'فاطمه برزی', village: 'barz' },
  { mobile: '09000000302', name: 'علی جعفری', village: 'orost' },
  { mobile: '09000000303', name: 'زهرا اسدی', village: 'aghuzgoleh' },
  { mobile: '09000000304', name: 'معصومه کاظمی', village: 'jurjadeh' },
  { mobile: '09000000305', name: 'امید کریمی', village: 'limoon' },
  { mobile: '09000000306', name: 'مریم قاسمی', village: 'abyaneh' },
  { mobile: '09000000307', name: 'رضا شعبانی', village: 'savasareh' },
  { mobile: '09000000308', name: 'سکینه مرادی', village: 'malkhast' },
  { mobile: '09000000309', name: 'حامد حسن‌زاده', village: 'zarrinolia' },
] as const satisfies readonly { mobile: string; name: string; village: VillageKey }[];

/** Festival judges: the demo `judge` account and judge2…judge5 (demo password), each with his home county (demo code). */
export const DEMO_JUDGES = [
  { username: 'judge', displayName: 'داور جشنواره', county: null },
  { username: 'judge2', displayName: 'دکتر مریم احمدی', county: '990201' },
  { username: 'judge3', displayName: 'مهندس اکبر رحیمی', county: '991001' },
  { username: 'judge4', displayName: 'دکتر سارا نوری', county: '990202' },
  { username: 'judge5', displayName: 'مهندس کامران شریفی', county: null },
] as const;

/** A demo plan: where it is, who sent it, which round (years before the current one) and where its story ends. */
export interface DemoPlan {
  key: string;
  /** 3, 2: the announced rounds; 1: the round being judged; 0: the open round */
  ago: 0 | 1 | 2 | 3;
  target: EntryState;
  village: VillageKey;
  /** the village's dehyari, or an entrepreneur's mobile */
  by: 'dehyari' | (typeof DEMO_ENTREPRENEURS)[number]['mobile'];
  /** the plan (startYear is `since` years before the round's year) */
  plan: Omit<PlanRaw, 'photos' | 'documents' | 'startYear'>;
  since?: number;
  /** generated photos (scene of the plan) */
  photos?: number;
  /** judging: the plan's merit 0..10 (judges score around it) and what they wrote of its strength and weakness */
  quality?: number;
  remarks?: [string, string];
  /** the screener's comment (returned, ineligible) */
  comment?: string;
  /** judging round: one judge's scores far from the others' (flagged for discussion) */
  disputed?: boolean;
}

type Money = Partial<Record<FundingSource, number>>;
/** Funding lines from { source: rials }. */
export const fund = (m: Money) => Object.entries(m).map(([source, amount]) => ({ source: source as FundingSource, amount: amount! }));
/** A before → after figure. */
export const fig = (label: string, unit: string, before: number, after: number) => ({ label, unit, before, after });

/** Dehyaris of other villages who marked a selected plan "we want to replicate this". */
export const DEMO_REPLICATIONS: { plan: string; village: VillageKey; note: string; days: number }[] = [
  { plan: 'bandarkhil-waste', village: 'akhorsar', note: 'سطل‌های تفکیک خریداری شد؛ آموزش خانوارها از ماه آینده.', days: 600 },
  { plan: 'bandarkhil-waste', village: 'dowlatabad', note: '', days: 560 },
  { plan: 'bandarkhil-waste', village: 'asbookola', note: 'با دهیاری بالا بندارخیل قرارداد مشترک با خریدار پسماند خشک بستیم.', days: 430 },
  { plan: 'bandarkhil-waste', village: 'mazdeh', note: '', days: 300 },
  { plan: 'bandarkhil-waste', village: 'abyaneh', note: 'برای فصل گردشگری، ایستگاه تفکیک در ورودی روستا.', days: 250 },
  { plan: 'bandarkhil-waste', village: 'sangdeh', note: '', days: 90 },
  { plan: 'sangdeh-fire', village: 'orost', note: 'گروه ۱۲ نفره داوطلب تشکیل شد.', days: 500 },
  { plan: 'sangdeh-fire', village: 'qalehsar', note: '', days: 420 },
  { plan: 'dowlatabad-solar', village: 'bandarkhil', note: 'مسیر مدرسه تا مسجد، ۲۴ چراغ در مرحله اول.', days: 480 },
  { plan: 'dowlatabad-solar', village: 'valashid', note: '', days: 410 },
  { plan: 'dowlatabad-solar', village: 'barz', note: '', days: 200 },
  { plan: 'mazdeh-market', village: 'karnam', note: 'بازارچه پنجشنبه‌ها در میدان روستا.', days: 450 },
  { plan: 'mazdeh-market', village: 'shashak', note: '', days: 380 },
  { plan: 'abyaneh-tourism', village: 'barz', note: '', days: 520 },
  { plan: 'barz-rosewater', village: 'abyaneh', note: 'دو خانوار گلکار آماده راه‌اندازی دیگ گلاب‌گیری‌اند.', days: 470 },
  { plan: 'orost-honey', village: 'savasareh', note: '', days: 400 },
  { plan: 'jurjadeh-weaving', village: 'paji', note: 'کلاس بافت برای ۱۰ نفر از بانوان روستا.', days: 390 },
  { plan: 'sadat-solar', village: 'bandarkhil', note: 'پیش‌فاکتور نیروگاه ۱۰ کیلوواتی گرفته شد.', days: 120 },
  { plan: 'sadat-solar', village: 'regandasht', note: '', days: 100 },
  { plan: 'sadat-solar', village: 'nerivaran', note: '', days: 60 },
  { plan: 'ilal-dump', village: 'jurjadeh', note: '', days: 150 },
  { plan: 'ilal-dump', village: 'paji', note: '', days: 110 },
  { plan: 'qalehsar-water', village: 'malkhast', note: 'مطالعه مسیر لوله از چشمه بالادست.', days: 140 },
  { plan: 'savasareh-mushroom', village: 'ilal', note: '', days: 80 },
  { plan: 'zarrin-citrus', village: 'dowlatabad', note: '', days: 70 },
];

/** Dehyaris' questions to the authors of selected plans; those with an answer show on the plan's page. */
export const DEMO_QUESTIONS: { plan: string; village: VillageKey; question: string; answer: string | null; days: number }[] = [
  {
    plan: 'bandarkhil-waste', village: 'akhorsar', days: 610,
    question: 'خریدار پسماند خشک را چطور پیدا کردید و قیمت را هر چند وقت یک بار به‌روز می‌کنید؟',
    answer: 'با دو بازیافتی مجاز ساری قرارداد یک‌ساله بستیم و قیمت هر سه ماه با نرخ بازار اصلاح می‌شود. شماره هر دو را از دفتر دهیاری بگیرید.',
  },
  {
    plan: 'bandarkhil-waste', village: 'abyaneh', days: 260,
    question: 'در روزهای شلوغ گردشگری هم تفکیک جواب می‌دهد؟ با پسماند گردشگران چه کردید؟',
    answer: 'برای مسافران سطل‌های دوقلو با تابلوی تصویری گذاشتیم و جمع‌آوری در تعطیلات روزانه شد. تفکیک مسافران کمتر است ولی بار دفن تا نصف کم شد.',
  },
  { plan: 'bandarkhil-waste', village: 'ilal', days: 12, question: 'هزينه خريد كيسه‌هاي رنگي را از خانوارها مي‌گيريد يا دهياري مي‌دهد؟', answer: null },
  { plan: 'bandarkhil-waste', village: 'nerivaran', days: 4, question: 'امکان دارد نمونه قرارداد با پیمانکار جمع‌آوری را برای ما بفرستید؟', answer: null },
  {
    plan: 'dowlatabad-solar', village: 'bandarkhil', days: 490,
    question: 'باتری چراغ‌ها در زمستان‌های ابری چند ساعت روشنایی می‌دهد؟',
    answer: 'باتری‌های لیتیومی ما در ابری‌ترین روزها هم تا نیمه‌شب روشن‌اند؛ پنل را رو به جنوب و بدون سایه درخت نصب کنید.',
  },
  { plan: 'sadat-solar', village: 'bandarkhil', days: 15, question: 'قرارداد خرید تضمینی برق را با کدام اداره بستید و چند ماه طول کشید؟', answer: null },
  {
    plan: 'barz-rosewater', village: 'abyaneh', days: 480,
    question: 'مجوز بهداشت کارگاه گلاب‌گیری خانگی را از کجا گرفتید؟',
    answer: 'از شبکه بهداشت نطنز؛ کارگاه باید کف و دیوار کاشی و آب لوله‌کشی داشته باشد. پروانه بهره‌برداری کارگاه‌های خانگی را هم اداره صمت می‌دهد.',
  },
  { plan: 'barz-rosewater', village: 'sangdeh', days: 20, question: 'گل محمدی در ارتفاع روستای ما (۱۳۰۰ متر) به بار می‌نشیند؟ نهال از کجا بخریم؟', answer: null },
  {
    plan: 'abyaneh-lodge', village: 'paji', days: 200,
    question: 'مهمانان را از چه راهی پیدا می‌کنید؟ از سامانه‌های رزرو برخط استفاده می‌کنید؟',
    answer: 'بیشتر از راه سامانه‌های رزرو اقامتگاه و صفحه خودمان در شبکه‌های اجتماعی. عکس‌های خوب و پاسخ سریع به پیام‌ها مهم‌ترین کار است.',
  },
  {
    plan: 'mazdeh-market', village: 'karnam', days: 460,
    question: 'اجاره غرفه را ثابت گرفتید یا درصدی از فروش؟',
    answer: 'اجاره ثابت هفتگی و کم؛ برای فروشندگان محلی نصف قیمت. درصد فروش را نمی‌شد کنترل کرد.',
  },
  {
    plan: 'orost-honey', village: 'savasareh', days: 410,
    question: 'آزمایش کیفیت عسل را کدام آزمایشگاه انجام می‌دهد و هزینه‌اش چقدر است؟',
    answer: 'آزمایشگاه مورد تأیید اداره استاندارد در ساری؛ هزینه را تعاونی برای همه اعضا یکجا می‌دهد و سهم هر نفر کم می‌شود.',
  },
];
