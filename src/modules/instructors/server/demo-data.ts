// Demo instructors of the bank: realistic Persian profiles, each meant to end in one state of the qualification
// workflow (see demo.ts, which files and reviews them through the module's own commands, then backdates them).
// National codes are valid (check digit) and made for the demo; mobiles are in the demo range 09000000200…
import type { MeasureValue, Profile } from '../contract.js';
import type { Measure } from '../enums.js';

/** Where a demo instructor's story ends. */
export type DemoTarget =
  | 'draft'
  | 'submitted'
  | 'submitted_overdue'
  | 'returned'
  | 'committee'
  | 'qualified'
  | 'qualified_expiring'
  | 'expired'
  | 'not_qualified'
  | 'withdrawn'
  | 'renewal_in_review';

/** A step of a demo instructor's story, `days` ago (`submit` files an application: initial, or renewal when due). */
export interface DemoStep {
  action: 'submit' | 'expert_forward' | 'expert_return' | 'more_info' | 'resubmit' | 'qualify' | 'not_qualify' | 'withdraw';
  days: number;
  comment?: string;
  /** expert_forward: measured values corrected per field, each with its reason (the rest accepted as claimed) */
  adjust?: Record<string, Partial<Record<Measure, [MeasureValue, string]>>>;
  /** expert_forward: fields recommended not qualified (the others qualified; the committee qualifies those) */
  notRecommended?: string[];
}

export interface DemoInstructor {
  mobile: string;
  /** his story after the first save (none: a draft); the profile is saved a few days before the first step */
  steps: DemoStep[];
  /** item lists whose evidence he uploads only when the application comes back to him (resubmit) */
  lateEvidence?: ('teaching' | 'certificates')[];
  /** province code (Statistical Centre, as in core/org/demo-data.ts PROVINCES) */
  province: string;
  target: DemoTarget;
  /** the profile without version; birthDate as Jalali text */
  profile: Omit<Profile, 'birthDate' | 'version' | 'provinceId' | 'nationalCode'> & { birthDate: string };
}

const doc: string[] = [];
const edu = (id: string, degree: Profile['education'][number]['degree'], field: string, university: string, year: number) => ({ id, degree, field, university, year, documents: doc });
const teach = (id: string, course: string, organization: string, field: string, hours: number, year: number) => ({ id, course, organization, field, hours, year, documents: doc });
const job = (id: string, organization: string, title: string, fromYear: number, toYear: number | null) => ({ id, organization, title, fromYear, toYear, documents: doc });
const pub = (id: string, kind: Profile['publications'][number]['kind'], title: string, publisher: string, year: number, field: string | null) => ({ id, kind, title, publisher, year, field, documents: doc });
const cert = (id: string, title: string, issuer: string, year: number) => ({ id, title, issuer, year, documents: doc });
const both = { provinceIds: [], inPerson: true, online: true };
const inPerson = { provinceIds: [], inPerson: true, online: false };

export const DEMO_INSTRUCTORS: DemoInstructor[] = [
  {
    mobile: '09000000200',
    steps: [
      { action: 'submit', days: 410 },
      {
        action: 'expert_forward', days: 398, comment: 'مدارک تحصیلی، گواهی‌های تدریس و احکام سوابق کار با اصل تطبیق داده شد.',
        adjust: { project_management: { teaching_hours: [40, 'گواهی مرکز آموزش استانداری ۴۰ ساعت تدریس کنترل پروژه را تأیید می‌کند؛ ۲۰ ساعت کارگاه تکمیلی گواهی ندارد.'] } },
        notRecommended: ['project_management'],
      },
      { action: 'qualify', days: 385, comment: 'با توجه به سوابق اجرایی در شهرداری ساری و تألیفات در حوزه بودجه‌ریزی، صلاحیت در مالیه و درآمدهای شهری تأیید شد؛ امتیاز مدیریت پروژه به حد نصاب نرسید.' },
    ],
    province: '2',
    target: 'qualified',
    profile: {
      firstName: 'محمدرضا', lastName: 'کاظمی', birthDate: '1352/04/12', email: 'kazemi@example.ir',
      bio: 'مدرس مالیه شهری با بیست سال سابقه در شهرداری‌های استان مازندران و تدریس در دوره‌های ضمن خدمت.',
      expertise: ['municipal_finance', 'project_management'],
      education: [edu('e1', 'master', 'مدیریت مالی', 'دانشگاه مازندران', 1380), edu('e2', 'bachelor', 'حسابداری', 'دانشگاه علامه طباطبایی', 1375)],
      teaching: [
        teach('t1', 'بودجه‌ریزی عملیاتی در شهرداری‌ها', 'مرکز آموزش شهرداری‌های مازندران', 'municipal_finance', 240, 1401),
        teach('t2', 'درآمدهای پایدار شهری', 'سازمان شهرداری‌ها و دهیاری‌های کشور', 'municipal_finance', 180, 1402),
        teach('t3', 'کنترل پروژه‌های عمرانی', 'استانداری مازندران', 'project_management', 60, 1400),
      ],
      experience: [job('x1', 'شهرداری ساری', 'معاون مالی و اداری', 1378, 1392), job('x2', 'استانداری مازندران', 'کارشناس ارشد امور شهری', 1392, null)],
      publications: [pub('p1', 'book', 'راهنمای بودجه‌ریزی عملیاتی برای شهرداری‌های کوچک', 'انتشارات سازمان شهرداری‌ها', 1399, 'municipal_finance'), pub('p2', 'article', 'عوارض پایدار و ناپایدار در شهرهای شمال کشور', 'فصلنامه مدیریت شهری', 1401, 'municipal_finance')],
      certificates: [cert('c1', 'گواهینامه مدرسی مدیریت مالی', 'سازمان مدیریت صنعتی', 1396)],
      availability: { provinceIds: [], inPerson: true, online: true },
    },
  },
  {
    mobile: '09000000201',
    steps: [
      { action: 'submit', days: 230 },
      { action: 'expert_return', days: 224, comment: 'تصویر گواهینامه مربی‌گری آتش‌نشانی سطح ۲ و گواهی HSE-MS پیوست نشده است؛ لطفاً هر دو را بارگذاری و درخواست را دوباره ارسال کنید.' },
      { action: 'resubmit', days: 219 },
      { action: 'expert_forward', days: 212, adjust: { fire_safety: { certificates: [1, 'گواهی HSE-MS گواهی نظام مدیریت ایمنی است، نه گواهی مدرسی؛ در این زمینه فقط گواهی مربی‌گری شمرده شد.'] } } },
      { action: 'qualify', days: 200, comment: 'صلاحیت در آتش‌نشانی و ایمنی و مدیریت بحران تأیید شد.' },
    ],
    lateEvidence: ['certificates'],
    province: '2',
    target: 'qualified',
    profile: {
      firstName: 'زینب', lastName: 'رحمانی', birthDate: '1360/11/03', email: '',
      bio: 'کارشناس ایمنی و آتش‌نشانی، مربی دوره‌های آتش‌نشانان داوطلب روستایی.',
      expertise: ['fire_safety', 'crisis_management'],
      education: [edu('e1', 'master', 'مهندسی ایمنی و بازرسی فنی', 'دانشگاه صنعتی نوشیروانی بابل', 1388)],
      teaching: [teach('t1', 'اطفای حریق در بافت روستایی', 'سازمان آتش‌نشانی ساری', 'fire_safety', 320, 1402), teach('t2', 'آمادگی در برابر سیلاب', 'هلال احمر مازندران', 'crisis_management', 90, 1401)],
      experience: [job('x1', 'سازمان آتش‌نشانی و خدمات ایمنی ساری', 'کارشناس آموزش', 1386, null)],
      publications: [pub('p1', 'article', 'آمادگی روستاها در برابر آتش‌سوزی جنگل', 'نشریه امداد و نجات', 1400, 'fire_safety')],
      certificates: [cert('c1', 'مربی‌گری آتش‌نشانی سطح ۲', 'سازمان شهرداری‌ها و دهیاری‌های کشور', 1395), cert('c2', 'HSE-MS', 'انجمن ایمنی', 1397)],
      availability: both,
    },
  },
  {
    mobile: '09000000202',
    steps: [
      { action: 'submit', days: 520 },
      { action: 'expert_forward', days: 509, comment: 'عضو هیئت علمی؛ سوابق و تألیفات از سامانه دانشگاه استعلام و تأیید شد.' },
      { action: 'qualify', days: 495, comment: 'صلاحیت تدریس حضوری و برخط در هر دو زمینه تأیید شد.' },
    ],
    province: '0',
    target: 'qualified',
    profile: {
      firstName: 'علی‌اکبر', lastName: 'نیک‌نام', birthDate: '1348/02/20', email: 'niknam@example.ir',
      bio: 'عضو هیئت علمی، پژوهشگر برنامه‌ریزی روستایی و توسعه پایدار.',
      expertise: ['rural_development', 'urban_planning'],
      education: [edu('e1', 'doctorate', 'جغرافیا و برنامه‌ریزی روستایی', 'دانشگاه تهران', 1386), edu('e2', 'master', 'برنامه‌ریزی شهری', 'دانشگاه شهید بهشتی', 1378)],
      teaching: [teach('t1', 'طرح هادی روستایی', 'بنیاد مسکن انقلاب اسلامی', 'rural_development', 400, 1402), teach('t2', 'مبانی برنامه‌ریزی شهری', 'دانشگاه اراک', 'urban_planning', 600, 1401)],
      experience: [job('x1', 'دانشگاه اراک', 'دانشیار', 1387, null)],
      publications: [
        pub('p1', 'book', 'توسعه روستایی در ایران', 'انتشارات سمت', 1397, 'rural_development'),
        pub('p2', 'article', 'ارزیابی طرح‌های هادی در استان مرکزی', 'پژوهش‌های روستایی', 1400, 'rural_development'),
        pub('p3', 'article', 'شاخص‌های پایداری روستا', 'جغرافیا و توسعه', 1402, 'rural_development'),
      ],
      certificates: [],
      availability: { provinceIds: [], inPerson: true, online: true },
    },
  },
  {
    mobile: '09000000203',
    steps: [
      { action: 'submit', days: 1085 },
      { action: 'expert_forward', days: 1075, adjust: { environment: { teaching_hours: [0, 'دوره مدیریت پسماند روستایی در زمینه مدیریت پسماند ثبت شده و برای محیط زیست شهری شمرده نمی‌شود.'] } }, notRecommended: ['environment'] },
      { action: 'qualify', days: 1066, comment: 'صلاحیت فقط در مدیریت پسماند تأیید شد؛ برای محیط زیست شهری سابقه تدریس لازم است.' },
    ],
    province: '7',
    target: 'qualified_expiring',
    profile: {
      firstName: 'مهدی', lastName: 'شجاعی', birthDate: '1356/08/15', email: '',
      bio: 'مدرس مدیریت پسماند و محیط زیست روستایی.',
      expertise: ['waste_management', 'environment'],
      education: [edu('e1', 'master', 'مهندسی محیط زیست', 'دانشگاه شیراز', 1384)],
      teaching: [teach('t1', 'مدیریت پسماند روستایی', 'استانداری فارس', 'waste_management', 150, 1400)],
      experience: [job('x1', 'سازمان مدیریت پسماند شیراز', 'کارشناس', 1385, 1398)],
      publications: [],
      certificates: [cert('c1', 'ممیزی زیست‌محیطی ISO 14001', 'مؤسسه استاندارد', 1394)],
      availability: inPerson,
    },
  },
  {
    mobile: '09000000204',
    steps: [
      { action: 'submit', days: 1160 },
      { action: 'expert_forward', days: 1150 },
      { action: 'qualify', days: 1141, comment: 'صلاحیت تدریس فناوری اطلاعات و شهر هوشمند تأیید شد.' },
    ],
    province: '9',
    target: 'expired',
    profile: {
      firstName: 'فرشته', lastName: 'قاسمی', birthDate: '1362/01/28', email: '',
      bio: '',
      expertise: ['it'],
      education: [edu('e1', 'bachelor', 'مهندسی کامپیوتر', 'دانشگاه فردوسی مشهد', 1385)],
      teaching: [teach('t1', 'شهرداری الکترونیک', 'شهرداری مشهد', 'it', 80, 1398)],
      experience: [job('x1', 'شهرداری مشهد', 'کارشناس فناوری اطلاعات', 1386, null)],
      publications: [],
      certificates: [cert('c1', 'ICDL مدرسی', 'سازمان فنی و حرفه‌ای', 1390)],
      availability: both,
    },
  },
  {
    mobile: '09000000205',
    steps: [
      { action: 'submit', days: 14 },
      { action: 'expert_forward', days: 5, comment: 'حکم مدیریت امور حقوقی شهرداری قائم‌شهر و گواهی تدریس استانداری تأیید شد؛ پیشنهاد تأیید صلاحیت.', adjust: { municipal_law: { experience_years: [12, 'سابقه از تاریخ حکم انتصاب (۱۳۹۲) شمرده شد؛ سال‌های پیش از آن قرارداد پاره‌وقت بوده است.'] } } },
    ],
    province: '2',
    target: 'committee',
    profile: {
      firstName: 'حمید', lastName: 'پورمحمدی', birthDate: '1358/06/30', email: '',
      bio: 'کارشناس حقوقی شهرداری با تجربه تدریس قوانین شهرداری و دهیاری.',
      expertise: ['municipal_law'],
      education: [edu('e1', 'master', 'حقوق عمومی', 'دانشگاه مازندران', 1387)],
      teaching: [teach('t1', 'قانون شهرداری‌ها و کمیسیون ماده ۱۰۰', 'استانداری مازندران', 'municipal_law', 120, 1402)],
      experience: [job('x1', 'شهرداری قائم‌شهر', 'مدیر امور حقوقی', 1388, null)],
      publications: [pub('p1', 'article', 'آسیب‌شناسی کمیسیون ماده ۱۰۰', 'مجله حقوقی دادگستری', 1399, 'municipal_law')],
      certificates: [],
      availability: inPerson,
    },
  },
  {
    mobile: '09000000206',
    steps: [{ action: 'submit', days: 3 }],
    province: '2',
    target: 'submitted',
    profile: {
      firstName: 'سمیه', lastName: 'اکبری', birthDate: '1365/09/09', email: '',
      bio: '',
      expertise: ['citizen_services', 'it'],
      education: [edu('e1', 'master', 'مدیریت دولتی', 'دانشگاه پیام نور ساری', 1392)],
      teaching: [teach('t1', 'مهارت‌های ارتباط با شهروند', 'شهرداری بابل', 'citizen_services', 64, 1402)],
      experience: [job('x1', 'شهرداری بابل', 'کارشناس سامانه ۱۳۷', 1391, null)],
      publications: [],
      certificates: [],
      availability: both,
    },
  },
  {
    mobile: '09000000207',
    steps: [{ action: 'submit', days: 30 }],
    province: '1',
    target: 'submitted_overdue',
    profile: {
      firstName: 'رضا', lastName: 'صالحی', birthDate: '1355/03/17', email: '',
      bio: 'مهندس عمران، مدیر پروژه‌های عمرانی روستایی.',
      expertise: ['project_management', 'rural_development'],
      education: [edu('e1', 'bachelor', 'مهندسی عمران', 'دانشگاه گیلان', 1378)],
      teaching: [],
      experience: [job('x1', 'بنیاد مسکن گیلان', 'ناظر طرح‌های هادی', 1380, 1395), job('x2', 'مشاور آزاد', 'مدیر پروژه', 1395, null)],
      publications: [],
      certificates: [cert('c1', 'PMP', 'PMI', 1396)],
      availability: inPerson,
    },
  },
  {
    mobile: '09000000208',
    steps: [
      { action: 'submit', days: 16 },
      { action: 'expert_return', days: 9, comment: 'برای سابقه تدریس «فضای سبز شهری» گواهی شهرداری آمل با ذکر ساعت پیوست نشده است؛ لطفاً گواهی را بارگذاری کنید تا بررسی ادامه یابد.' },
    ],
    lateEvidence: ['teaching'],
    province: '2',
    target: 'returned',
    profile: {
      firstName: 'نرگس', lastName: 'طاهری', birthDate: '1368/12/01', email: '',
      bio: '',
      expertise: ['urban_services'],
      education: [edu('e1', 'bachelor', 'مدیریت شهری', 'دانشگاه آزاد اسلامی آمل', 1391)],
      teaching: [teach('t1', 'فضای سبز شهری', 'شهرداری آمل', 'urban_services', 40, 1401)],
      experience: [job('x1', 'شهرداری آمل', 'کارشناس خدمات شهری', 1392, null)],
      publications: [],
      certificates: [],
      availability: inPerson,
    },
  },
  {
    mobile: '09000000209',
    steps: [
      { action: 'submit', days: 62 },
      { action: 'expert_forward', days: 52, adjust: { crisis_management: { teaching_hours: [8, 'گواهی هلال احمر ۸ ساعت تدریس را تأیید می‌کند، نه ۱۶ ساعت.'] } }, notRecommended: ['crisis_management'] },
      { action: 'not_qualify', days: 41, comment: 'امتیاز کسب‌شده از حد نصاب کمتر است: سابقه تدریس و سابقه کار تخصصی کافی نیست. پس از کسب دست‌کم ۵۰ ساعت سابقه تدریس دوباره درخواست دهید.' },
    ],
    province: '6',
    target: 'not_qualified',
    profile: {
      firstName: 'کریم', lastName: 'بهرامی', birthDate: '1370/05/05', email: '',
      bio: '',
      expertise: ['crisis_management'],
      education: [edu('e1', 'associate', 'امداد و نجات', 'دانشگاه علمی-کاربردی اهواز', 1393)],
      teaching: [teach('t1', 'کمک‌های اولیه', 'هلال احمر خوزستان', 'crisis_management', 16, 1402)],
      experience: [],
      publications: [],
      certificates: [],
      availability: inPerson,
    },
  },
  {
    mobile: '09000000210',
    steps: [
      { action: 'submit', days: 33 },
      { action: 'withdraw', days: 27 },
    ],
    province: '2',
    target: 'withdrawn',
    profile: {
      firstName: 'امیرحسین', lastName: 'رستمی', birthDate: '1363/07/21', email: '',
      bio: '',
      expertise: ['environment'],
      education: [edu('e1', 'master', 'محیط زیست', 'دانشگاه علوم کشاورزی ساری', 1390)],
      teaching: [teach('t1', 'حفاظت از منابع طبیعی', 'اداره کل منابع طبیعی مازندران', 'environment', 90, 1400)],
      experience: [job('x1', 'اداره کل حفاظت محیط زیست مازندران', 'کارشناس', 1391, null)],
      publications: [],
      certificates: [],
      availability: inPerson,
    },
  },
  {
    mobile: '09000000211',
    steps: [
      { action: 'submit', days: 1070 },
      { action: 'expert_forward', days: 1062 },
      { action: 'qualify', days: 1056, comment: 'صلاحیت تدریس برنامه‌ریزی و طراحی شهری تأیید شد.' },
      { action: 'submit', days: 8 },
    ],
    province: '3',
    target: 'renewal_in_review',
    profile: {
      firstName: 'پروین', lastName: 'عباس‌زاده', birthDate: '1354/10/10', email: '',
      bio: 'مدرس برنامه‌ریزی شهری و طرح‌های توسعه.',
      expertise: ['urban_planning'],
      education: [edu('e1', 'doctorate', 'شهرسازی', 'دانشگاه تبریز', 1390)],
      teaching: [teach('t1', 'طرح جامع و تفصیلی', 'استانداری آذربایجان شرقی', 'urban_planning', 300, 1401)],
      experience: [job('x1', 'دانشگاه تبریز', 'استادیار', 1391, null)],
      publications: [pub('p1', 'article', 'ارزیابی طرح‌های تفصیلی تبریز', 'هویت شهر', 1398, 'urban_planning')],
      certificates: [],
      availability: both,
    },
  },
  {
    mobile: '09000000212',
    steps: [],
    province: '2',
    target: 'draft',
    profile: {
      firstName: 'یوسف', lastName: 'نظری', birthDate: '1372/02/14', email: '',
      bio: '',
      expertise: ['waste_management'],
      education: [],
      teaching: [],
      experience: [],
      publications: [],
      certificates: [],
      availability: inPerson,
    },
  },
];
