// Demo complaints: realistic Persian cases over the demo places, each with the steps that bring it to its state.
// Times are days: `daysAgo` when it was filed, each step's `at` days after filing (all in the past).
import type { ComplaintKind } from '../contract.js';

/** Demo places (resolved by demo.ts): the demo accounts' city and village, and places only higher levels reach. */
export type DemoPlaceKey = 'sari' | 'village' | 'akhursar' | 'esbukola' | 'district' | 'kiasar' | 'babol' | 'natanz' | 'abyaneh';

export type DemoStep =
  | { do: 'assign'; at: number }
  | { do: 'note'; at: number; text: string }
  | { do: 'request_info'; at: number; text: string }
  | { do: 'provide_info'; at: number; text: string }
  | { do: 'answer'; at: number; text: string }
  | { do: 'rate'; at: number; rating: number; comment?: string }
  | { do: 'reopen'; at: number; text: string }
  | { do: 'reject'; at: number; text: string }
  | { do: 'duplicate'; at: number; text: string; of: number }
  | { do: 'withdraw'; at: number }
  | { do: 'auto_close'; at: number };

export interface DemoComplaint {
  place: DemoPlaceKey;
  category: string;
  kind?: ComplaintKind;
  subject: string;
  body: string;
  /** Index into DEMO_CITIZENS. */
  citizen: number;
  anonymous?: boolean;
  answers?: Record<string, string | number | boolean>;
  address?: string;
  daysAgo: number;
  steps: DemoStep[];
}

/** Demo citizens: a newcomer can sign in as one of them with the one-time code (logged in demo mode). */
export const DEMO_CITIZENS: { mobile: string; name: string | null }[] = [
  { mobile: '09000000001', name: 'زهرا احمدی' },
  { mobile: '09000000002', name: 'محمد رضایی' },
  { mobile: '09000000003', name: 'فاطمه حسینی' },
  { mobile: '09000000004', name: null },
  { mobile: '09000000005', name: 'علی کریمی' },
  { mobile: '09000000006', name: 'مریم موسوی' },
  { mobile: '09000000007', name: 'حسین نوروزی' },
  { mobile: '09000000008', name: 'سکینه طالبی' },
  { mobile: '09000000009', name: null },
  { mobile: '09000000010', name: 'رضا قاسمی' },
  { mobile: '09000000011', name: 'نرگس یزدانی' },
  { mobile: '09000000012', name: 'مهدی صفری' },
];

export const DEMO_COMPLAINTS: DemoComplaint[] = [
  // ── submitted ──
  {
    place: 'sari', category: 'waste-collection', citizen: 0, daysAgo: 0.3, address: 'خیابان فرهنگ، کوچه نسترن', steps: [],
    subject: 'جمع‌آوری نشدن زباله در کوچه نسترن',
    body: 'از سه‌شنبه تا امروز ماشین جمع‌آوری زباله به کوچه نسترن در خیابان فرهنگ نیامده و کیسه‌های زباله کنار کوچه انباشته شده است. بوی بد و گربه‌ها اهالی را کلافه کرده‌اند.',
  },
  {
    place: 'sari', category: 'street-lighting', citizen: 1, daysAgo: 1.2, answers: { pole_number: '۱۴۲' }, steps: [],
    subject: 'خاموشی چراغ‌های بلوار طالقانی',
    body: 'حدود ده چراغ در ضلع شمالی بلوار طالقانی، از میدان امام به سمت پل تجن، چند شب است خاموش است و عبور عابران در شب خطرناک شده است.',
  },
  {
    place: 'akhursar', category: 'village-water', citizen: 2, daysAgo: 6, answers: { water_issue: 'outage', days_without_water: 7 }, steps: [],
    subject: 'قطعی هرروزه آب شرب روستا',
    body: 'یک هفته است که آب شرب روستای آخورسر هر روز از ظهر تا شب قطع می‌شود. بیشتر اهالی سالمند هستند و تانکر آب هم نمی‌آید. خواهش می‌کنیم زودتر پیگیری کنید.',
  },
  {
    place: 'sari', category: 'staff-behaviour', citizen: 3, daysAgo: 2, anonymous: true, steps: [],
    subject: 'برخورد نامناسب یکی از کارکنان واحد درآمد',
    body: 'هنگام پرداخت عوارض نوسازی در واحد درآمد شهرداری، یکی از کارکنان با صدای بلند و لحن توهین‌آمیز با چند مراجعه‌کننده سالمند برخورد کرد. نمی‌خواهم نامم مطرح شود.',
  },
  {
    place: 'kiasar', category: 'pothole', citizen: 4, daysAgo: 9, answers: { pothole_size: 'medium', dangerous: true }, steps: [],
    subject: 'چاله‌های خیابان اصلی کیاسر',
    body: 'در خیابان اصلی کیاسر، نرسیده به میدان، چند چاله پشت سر هم ایجاد شده که خودروها برای دور زدن آن‌ها به لاین مقابل می‌روند.',
  },
  {
    place: 'sari', category: 'suggestion', kind: 'suggestion', citizen: 5, daysAgo: 3, steps: [],
    subject: 'پیشنهاد مسیر دوچرخه در کنار رودخانه تجن',
    body: 'پیشنهاد می‌کنم در حاشیه پارک ساحلی تجن یک مسیر دوچرخه‌سواری جدا از پیاده‌رو ساخته شود. عصرها جمعیت زیادی آنجا ورزش می‌کنند و دوچرخه و عابر با هم تداخل دارند.',
  },
  // ── in progress ──
  {
    place: 'sari', category: 'pothole', citizen: 6, daysAgo: 5, answers: { pothole_size: 'large', dangerous: true }, address: 'تقاطع خیابان فرهنگ و جام‌جم',
    subject: 'چاله عمیق در تقاطع فرهنگ و جام‌جم',
    body: 'بعد از حفاری شرکت گاز، تقاطع خیابان فرهنگ و جام‌جم ترمیم نشده و چاله‌ای عمیق مانده است. دیشب یک موتورسوار همین‌جا زمین خورد.',
    steps: [{ do: 'assign', at: 0.2 }, { do: 'note', at: 1, text: 'به پیمانکار ترمیم آسفالت منطقه ابلاغ شد؛ پیگیری از شرکت گاز برای هزینه ترمیم.' }],
  },
  {
    place: 'sari', category: 'waste-collection', citizen: 7, daysAgo: 14,
    subject: 'مخزن زباله شکسته در خیابان سلمان فارسی',
    body: 'مخزن زباله روبه‌روی نانوایی در خیابان سلمان فارسی شکسته و زباله‌ها روی زمین می‌ریزد. چند بار تماس گرفتیم ولی تعویض نشده است.',
    steps: [{ do: 'assign', at: 1 }],
  },
  {
    place: 'village', category: 'village-waste', citizen: 8, daysAgo: 8,
    subject: 'دپوی زباله در کنار رودخانه روستا',
    body: 'چند نفر زباله‌های ساختمانی و خانگی را کنار رودخانه پایین روستا خالی می‌کنند. بوی بد و آلودگی آب برای باغ‌های پایین‌دست نگران‌کننده است.',
    steps: [{ do: 'assign', at: 1 }, { do: 'note', at: 2, text: 'بازدید میدانی انجام شد؛ برای جمع‌آوری، لودر دهیاری هفته آینده اعزام می‌شود.' }],
  },
  {
    place: 'esbukola', category: 'village-road', citizen: 9, daysAgo: 20,
    subject: 'ریزش دیواره راه روستایی اسبوکلا',
    body: 'پس از بارندگی‌های اخیر بخشی از دیواره خاکی کنار راه ورودی اسبوکلا ریزش کرده و نیمی از راه بسته شده است. عبور خودروی سنگین ممکن نیست.',
    steps: [{ do: 'assign', at: 2 }],
  },
  {
    place: 'babol', category: 'public-transport', citizen: 10, daysAgo: 25, answers: { vehicle_number: 'خط ۴' },
    subject: 'تأخیر طولانی اتوبوس‌های خط ۴',
    body: 'اتوبوس‌های خط ۴ بابل صبح‌ها گاهی چهل دقیقه دیر می‌رسند و دانش‌آموزان و کارمندان به موقع نمی‌رسند. لطفاً برنامه حرکت را اصلاح کنید.',
    steps: [{ do: 'assign', at: 1 }],
  },
  {
    place: 'natanz', category: 'building-fire-safety', kind: 'report', citizen: 11, daysAgo: 4,
    subject: 'انبار مواد قابل اشتعال در زیرزمین مجتمع تجاری',
    body: 'در زیرزمین مجتمع تجاری خیابان اصلی نطنز تعداد زیادی گالن تینر و رنگ انبار شده و خروج اضطراری هم قفل است.',
    steps: [{ do: 'assign', at: 0.5 }],
  },
  {
    place: 'sari', category: 'corruption', citizen: 0, daysAgo: 10, anonymous: true,
    subject: 'درخواست وجه برای تسریع صدور پروانه',
    body: 'برای تسریع در صدور پروانه ساختمانی، فردی که خود را کارمند معرفی کرد درخواست پرداخت مبلغی خارج از فیش رسمی داشت. جزئیات و زمان مراجعه را در صورت نیاز ارائه می‌کنم.',
    steps: [{ do: 'assign', at: 1 }, { do: 'note', at: 2, text: 'پرونده به صورت محرمانه در دفتر بازرسی بررسی می‌شود؛ فهرست مراجعات آن روز درخواست شد.' }],
  },
  {
    place: 'sari', category: 'illegal-construction', kind: 'report', citizen: 1, daysAgo: 12, answers: { plate: '۱۲۸' },
    subject: 'اضافه‌بنای غیرمجاز در کوچه لاله',
    body: 'در ساختمان پلاک ۱۲۸ کوچه لاله، طبقه پنجم بدون پروانه در حال ساخت است و کار شب‌ها انجام می‌شود.',
    steps: [{ do: 'assign', at: 2 }],
  },
  // ── waiting for the citizen ──
  {
    place: 'sari', category: 'street-cleaning', citizen: 2, daysAgo: 9,
    subject: 'آب‌گرفتگی معبر پس از هر بارندگی',
    body: 'با هر باران، کوچه ما چند ساعت زیر آب می‌رود و آب وارد حیاط‌ها می‌شود. جوی سر کوچه گرفته است.',
    steps: [{ do: 'assign', at: 1 }, { do: 'request_info', at: 3, text: 'لطفاً نام کوچه یا نشانی دقیق را اعلام کنید و در صورت امکان عکسی از محل آب‌گرفتگی بفرستید.' }],
  },
  {
    place: 'village', category: 'village-water', citizen: 3, daysAgo: 6, answers: { water_issue: 'quality' },
    subject: 'کدورت و بوی نامطبوع آب لوله‌کشی',
    body: 'از دو روز پیش آب لوله‌کشی کدر است و بوی نامطبوعی دارد. کودکان خانواده را از نوشیدن آن منع کرده‌ایم.',
    steps: [{ do: 'assign', at: 0.5 }, { do: 'request_info', at: 2, text: 'آیا مشکل در همه خانه‌ها دیده می‌شود یا فقط در بخش پایین روستا؟ لطفاً ساعتی را که آب کدر است هم بنویسید.' }],
  },
  {
    place: 'kiasar', category: 'fees-dispute', citizen: 4, daysAgo: 15, answers: { bill_id: '۴۵۷۸۱۲' },
    subject: 'عوارض نوسازی دو برابر سال گذشته',
    body: 'قبض عوارض نوسازی امسال ملک مسکونی ما دو برابر سال گذشته است، در حالی که هیچ تغییری در ملک نداده‌ایم.',
    steps: [{ do: 'assign', at: 2 }, { do: 'request_info', at: 5, text: 'لطفاً تصویر قبض سال گذشته و امسال را پیوست کنید تا محاسبه بررسی شود.' }],
  },
  {
    place: 'abyaneh', category: 'village-guide-plan', citizen: 5, daysAgo: 18,
    subject: 'ساخت‌وساز ناهماهنگ با بافت تاریخی روستا',
    body: 'در ورودی روستای ابیانه ساختمانی با نمای آجر سفید و پنجره‌های آلومینیومی در حال ساخت است که با بافت تاریخی روستا هماهنگ نیست.',
    steps: [{ do: 'assign', at: 2 }, { do: 'request_info', at: 6, text: 'لطفاً موقعیت دقیق ساختمان را روی نقشه مشخص کنید یا نشانی آن را بنویسید.' }],
  },
  // ── answered (within the satisfaction window) ──
  {
    place: 'sari', category: 'street-lighting', citizen: 6, daysAgo: 9,
    subject: 'خاموشی چراغ‌های پارک محله',
    body: 'چراغ‌های پارک محله شهدا یک هفته است روشن نمی‌شود و شب‌ها پارک ناامن شده است.',
    steps: [{ do: 'assign', at: 1 }, { do: 'answer', at: 7, text: 'لامپ‌های سوخته و کلید زمانی تابلوی برق پارک تعویض شد و روشنایی پارک برقرار است. از همراهی شما سپاسگزاریم.' }],
  },
  {
    place: 'village', category: 'village-water', citizen: 7, daysAgo: 5, answers: { water_issue: 'leak' },
    subject: 'شکستگی لوله اصلی آب کنار مسجد',
    body: 'لوله اصلی آب روستا کنار مسجد شکسته و آب زیادی هدر می‌رود. فشار آب خانه‌های بالادست هم کم شده است.',
    steps: [{ do: 'assign', at: 0.3 }, { do: 'answer', at: 2, text: 'لوله آسیب‌دیده با همکاری آبفای روستایی تعویض شد و فشار آب به حالت عادی برگشت.' }],
  },
  {
    place: 'sari', category: 'sidewalk-obstruction', citizen: 8, daysAgo: 12,
    subject: 'اشغال پیاده‌رو با مصالح ساختمانی',
    body: 'در خیابان جمهوری، جلوی یک ساختمان در حال ساخت، ماسه و آجر تمام پیاده‌رو را گرفته و عابران از سواره‌رو عبور می‌کنند.',
    steps: [
      { do: 'assign', at: 1 },
      { do: 'note', at: 3, text: 'اخطار کتبی به مالک داده شد؛ مهلت تخلیه سه روز.' },
      { do: 'answer', at: 9, text: 'مصالح از پیاده‌رو جمع‌آوری شد و مالک به دلیل سد معبر جریمه شد. در صورت تکرار دوباره اطلاع دهید.' },
    ],
  },
  {
    place: 'babol', category: 'traffic-signs', citizen: 9, daysAgo: 20,
    subject: 'نبود خط‌کشی عابر پیاده جلوی مدرسه',
    body: 'جلوی دبستان خیابان شریعتی بابل خط‌کشی عابر پیاده پاک شده و تابلوی مدرسه هم وجود ندارد.',
    steps: [{ do: 'assign', at: 2 }, { do: 'answer', at: 16, text: 'خط‌کشی عابر پیاده جلوی دبستان انجام شد و تابلوی «مدرسه» و سرعت‌گیر نصب شد.' }],
  },
  {
    place: 'sari', category: 'green-space', citizen: 10, daysAgo: 11, answers: { tree_cut: true },
    subject: 'قطع درختان چنار در پیاده‌روی خیابان قارن',
    body: 'صبح امروز سه درخت چنار قدیمی جلوی یک مغازه در خیابان قارن قطع شد. آیا مجوز داشته‌اند؟',
    steps: [
      { do: 'assign', at: 1 },
      { do: 'request_info', at: 2, text: 'لطفاً نام یا نشانی مغازه را اعلام کنید.' },
      { do: 'provide_info', at: 4, text: 'روبه‌روی بانک ملی، مغازه لوازم خانگی کنار داروخانه.' },
      { do: 'answer', at: 8, text: 'قطع درختان بدون مجوز بوده است؛ پرونده به کمیسیون ماده هفت ارسال شد و مالک به کاشت ده نهال ملزم شد.' },
    ],
  },
  // ── reopened ──
  {
    place: 'sari', category: 'waste-collection', citizen: 11, daysAgo: 16,
    subject: 'جمع‌آوری نامنظم زباله در شهرک فرهنگیان',
    body: 'در شهرک فرهنگیان زباله‌ها یک روز در میان جمع می‌شود و مخازن همیشه پر است.',
    steps: [
      { do: 'assign', at: 1 },
      { do: 'answer', at: 5, text: 'برنامه جمع‌آوری شهرک به روزانه تغییر کرد.' },
      { do: 'reopen', at: 8, text: 'ماشین فقط دو روز آمد و دوباره برنامه مثل قبل شده است.' },
    ],
  },
  {
    place: 'village', category: 'village-water', citizen: 0, daysAgo: 10, answers: { water_issue: 'pressure' },
    subject: 'کم‌فشاری آب در محله بالای روستا',
    body: 'در محله بالای روستا فشار آب آن‌قدر کم است که آب به طبقه دوم نمی‌رسد.',
    steps: [
      { do: 'assign', at: 1 },
      { do: 'answer', at: 4, text: 'شیر فشارشکن مسیر تنظیم شد.' },
      { do: 'reopen', at: 6, text: 'بعد از تنظیم فقط یک روز بهتر شد و دوباره فشار کم است.' },
    ],
  },
  {
    place: 'akhursar', category: 'village-waste', citizen: 1, daysAgo: 7,
    subject: 'سوزاندن زباله در حاشیه روستا',
    body: 'هر شب در زمین خالی حاشیه روستا زباله می‌سوزانند و دود آن وارد خانه‌ها می‌شود.',
    steps: [
      { do: 'assign', at: 1 },
      { do: 'answer', at: 3, text: 'به دهیاری اعلام شد که از سوزاندن زباله جلوگیری کند.' },
      { do: 'reopen', at: 5, text: 'هنوز هر شب زباله سوزانده می‌شود.' },
    ],
  },
  // ── closed ──
  {
    place: 'sari', category: 'street-lighting', citizen: 2, daysAgo: 60,
    subject: 'چراغ خاموش کوچه بهار ۷',
    body: 'تنها چراغ کوچه بهار هفتم سوخته و کوچه کاملاً تاریک است.',
    steps: [{ do: 'assign', at: 1 }, { do: 'answer', at: 4, text: 'لامپ چراغ تعویض شد.' }, { do: 'rate', at: 5, rating: 5, comment: 'سریع و دقیق رسیدگی شد؛ ممنونم.' }],
  },
  {
    place: 'sari', category: 'pothole', citizen: 3, daysAgo: 45, answers: { pothole_size: 'small' },
    subject: 'نشست آسفالت جلوی ایستگاه اتوبوس',
    body: 'آسفالت جلوی ایستگاه اتوبوس میدان ساعت نشست کرده و آب در آن جمع می‌شود.',
    steps: [{ do: 'assign', at: 2 }, { do: 'answer', at: 12, text: 'محل نشست لکه‌گیری و آسفالت شد.' }, { do: 'rate', at: 13, rating: 3, comment: 'ترمیم انجام شد ولی کیفیت آسفالت خوب نیست.' }],
  },
  {
    place: 'village', category: 'village-waste', citizen: 4, daysAgo: 80,
    subject: 'نبود سطل زباله در میدان روستا',
    body: 'در میدان روستا و کنار ایستگاه سرویس مدرسه هیچ سطل زباله‌ای نیست.',
    steps: [{ do: 'assign', at: 1 }, { do: 'answer', at: 6, text: 'دو مخزن زباله در میدان و کنار ایستگاه نصب شد.' }, { do: 'rate', at: 7, rating: 4 }],
  },
  {
    place: 'kiasar', category: 'stray-animals', citizen: 5, daysAgo: 70,
    subject: 'سگ‌های بلاصاحب نزدیک مدرسه',
    body: 'گروهی از سگ‌های بلاصاحب صبح‌ها نزدیک دبستان جمع می‌شوند و بچه‌ها می‌ترسند.',
    steps: [{ do: 'assign', at: 2 }, { do: 'answer', at: 20, text: 'سگ‌ها با همکاری دامپزشکی جمع‌آوری و به مرکز نگهداری منتقل شدند.' }, { do: 'rate', at: 21, rating: 2, comment: 'دیر رسیدگی شد.' }],
  },
  {
    place: 'sari', category: 'appreciation', kind: 'appreciation', citizen: 6, daysAgo: 30,
    subject: 'قدردانی از رفتگران محله',
    body: 'از رفتگران زحمتکش محله کوی کارمندان که حتی در روزهای بارانی کوچه‌ها را تمیز نگه می‌دارند صمیمانه تشکر می‌کنم.',
    steps: [{ do: 'assign', at: 1 }, { do: 'answer', at: 3, text: 'از لطف شما سپاسگزاریم؛ پیام شما به همکاران خدمات شهری منتقل شد.' }, { do: 'rate', at: 4, rating: 5 }],
  },
  {
    place: 'sari', category: 'service-delay', citizen: 7, daysAgo: 50,
    subject: 'بی‌پاسخ ماندن درخواست صدور گواهی عدم خلاف',
    body: 'دو ماه پیش درخواست گواهی عدم خلاف داده‌ام و هنوز پاسخی نگرفته‌ام.',
    steps: [{ do: 'assign', at: 1 }, { do: 'answer', at: 10, text: 'گواهی صادر شد و می‌توانید از دفتر خدمات الکترونیک شهر دریافت کنید.' }, { do: 'auto_close', at: 17 }],
  },
  {
    place: 'natanz', category: 'safety-training', kind: 'request', citizen: 8, daysAgo: 85,
    subject: 'درخواست آموزش ایمنی برای مدرسه',
    body: 'درخواست داریم برای دانش‌آموزان دبیرستان دخترانه نطنز یک جلسه آموزش اطفای حریق و مانور برگزار شود.',
    steps: [{ do: 'assign', at: 3 }, { do: 'answer', at: 15, text: 'جلسه آموزش و مانور در تاریخ هماهنگ‌شده با مدیر مدرسه برگزار شد.' }, { do: 'rate', at: 16, rating: 5, comment: 'بسیار مفید بود.' }],
  },
  {
    place: 'sari', category: 'waste-collection', citizen: 9, daysAgo: 40,
    subject: 'ریخته شدن شیرابه زباله در خیابان',
    body: 'ماشین جمع‌آوری زباله در مسیر خیابان پاسداران شیرابه می‌ریزد و بوی آن تا صبح می‌ماند.',
    steps: [
      { do: 'assign', at: 1 },
      { do: 'answer', at: 3, text: 'به پیمانکار تذکر داده شد.' },
      { do: 'reopen', at: 5, text: 'تذکر کافی نبود؛ هنوز شیرابه ریخته می‌شود.' },
      { do: 'answer', at: 9, text: 'مخزن شیرابه خودروی این مسیر تعمیر شد و شستشوی خیابان انجام شد.' },
      { do: 'rate', at: 10, rating: 4 },
    ],
  },
  // ── rejected ──
  {
    place: 'sari', category: 'illegal-construction', citizen: 10, daysAgo: 35,
    subject: 'ساخت دیوار در حریم رودخانه تجن',
    body: 'یکی از باغ‌داران در حریم رودخانه تجن دیوار بتنی کشیده است.',
    steps: [{ do: 'reject', at: 1, text: 'رسیدگی به تصرف حریم رودخانه در صلاحیت شرکت آب منطقه‌ای مازندران است؛ لطفاً گزارش را به سامانه آن شرکت بفرستید.' }],
  },
  {
    place: 'village', category: 'service-delay', citizen: 11, daysAgo: 22,
    subject: 'قطعی مکرر برق روستا',
    body: 'برق روستا هر روز چند ساعت قطع می‌شود و وسایل برقی خراب شده است.',
    steps: [{ do: 'reject', at: 0.5, text: 'برق روستا در حوزه شرکت توزیع نیروی برق است؛ لطفاً با شماره ۱۲۱ تماس بگیرید.' }],
  },
  // ── duplicate ──
  {
    place: 'sari', category: 'pothole', citizen: 0, daysAgo: 4, answers: { pothole_size: 'large' },
    subject: 'چاله خطرناک تقاطع فرهنگ',
    body: 'در تقاطع خیابان فرهنگ با جام‌جم چاله بزرگی هست که خطرناک است.',
    steps: [{ do: 'duplicate', at: 0.5, of: 6, text: 'این مورد پیش‌تر گزارش شده و در دست رسیدگی است؛ وضعیت را با کد پیگیری پرونده اصلی دنبال کنید.' }],
  },
  {
    place: 'sari', category: 'street-lighting', citizen: 1, daysAgo: 0.8,
    subject: 'تاریکی بلوار طالقانی',
    body: 'چراغ‌های بلوار طالقانی شب‌ها روشن نمی‌شود.',
    steps: [{ do: 'duplicate', at: 0.5, of: 1, text: 'همین مشکل پیش‌تر ثبت شده است؛ نتیجه در پرونده اصلی اعلام می‌شود.' }],
  },
  // ── withdrawn ──
  {
    place: 'sari', category: 'sidewalk-obstruction', citizen: 2, daysAgo: 13,
    subject: 'پارک خودرو روی پیاده‌رو',
    body: 'خودروها جلوی پاساژ روی پیاده‌رو پارک می‌کنند.',
    steps: [{ do: 'withdraw', at: 1 }],
  },
  {
    place: 'village', category: 'village-road', citizen: 3, daysAgo: 19,
    subject: 'خرابی پل چوبی مسیر باغ‌ها',
    body: 'پل چوبی مسیر باغ‌های پایین روستا شکسته و عبور با موتور ممکن نیست.',
    steps: [{ do: 'assign', at: 1 }, { do: 'request_info', at: 3, text: 'لطفاً بگویید پل در کدام مسیر است.' }, { do: 'withdraw', at: 6 }],
  },
];
