// The default category tree of a new installation (ensureCategories inserts it into an empty table). Codes are
// ASCII and stable: they are the Open311 `service_code`s clients store. Administrators edit the table afterwards.
import type { CategoryQuestion, ResponsibleOffice } from '../contract.js';

export interface DefaultLeaf {
  code: string;
  name: string;
  description?: string;
  /** Defaults to the group's office. */
  office?: ResponsibleOffice;
  /** Working days to answer once in progress (default 15). */
  slaDays?: number;
  questions?: CategoryQuestion[];
  /** Words people use for it (search in the category picker). */
  keywords?: string;
}

export interface DefaultGroup {
  code: string;
  name: string;
  description?: string;
  office: ResponsibleOffice;
  children: DefaultLeaf[];
}

export const DEFAULT_CATEGORIES: DefaultGroup[] = [
  {
    code: 'urban-services',
    name: 'خدمات شهری',
    description: 'نظافت شهر، پسماند، روشنایی، آسفالت و فضای سبز',
    office: 'municipality',
    children: [
      {
        code: 'waste-collection', name: 'جمع‌آوری پسماند', slaDays: 7,
        description: 'جمع‌آوری نشدن زباله، پر بودن یا نبودن مخزن، بوی نامطبوع',
        keywords: 'زباله آشغال سطل مخزن بو پسماند تفکیک',
      },
      {
        code: 'street-lighting', name: 'روشنایی معابر', slaDays: 7,
        description: 'خاموشی یا خرابی چراغ‌های کوچه و خیابان و پارک',
        keywords: 'چراغ برق تیر لامپ تاریک خاموش روشنایی',
        questions: [{ code: 'pole_number', label: 'شماره تیر چراغ (روی تیر نوشته شده است)', type: 'text', required: false }],
      },
      {
        code: 'pothole', name: 'آسفالت و چاله', slaDays: 15,
        description: 'چاله، نشست یا خرابی آسفالت و ترمیم نشدن حفاری‌ها',
        keywords: 'چاله آسفالت دست‌انداز حفاری ترمیم نشست خیابان',
        questions: [
          {
            code: 'pothole_size', label: 'اندازه تقریبی خرابی', type: 'select', required: true,
            options: [
              { value: 'small', label: 'کوچک (کمتر از نیم متر)' },
              { value: 'medium', label: 'متوسط (نیم تا دو متر)' },
              { value: 'large', label: 'بزرگ (بیش از دو متر)' },
            ],
          },
          { code: 'dangerous', label: 'آیا برای عبور خودرو یا عابر خطرناک است؟', type: 'boolean', required: false },
        ],
      },
      {
        code: 'green-space', name: 'فضای سبز', slaDays: 15,
        description: 'هرس و آبیاری درختان، نگهداری پارک‌ها و بوستان‌ها، قطع غیرمجاز درخت',
        keywords: 'درخت پارک بوستان چمن هرس آبیاری قطع درخت',
        questions: [{ code: 'tree_cut', label: 'آیا درختی قطع شده است؟', type: 'boolean', required: false }],
      },
      {
        code: 'street-cleaning', name: 'نظافت معابر و جوی‌ها', slaDays: 7,
        description: 'گرفتگی جوی و آبرو، نظافت خیابان، آب‌گرفتگی معابر',
        keywords: 'جوی آبرو گرفتگی آب‌گرفتگی نظافت رفت‌وروب لجن',
      },
      {
        code: 'stray-animals', name: 'حیوانات بلاصاحب', slaDays: 15,
        description: 'سگ‌های بلاصاحب و حیوانات رهاشده در معابر',
        keywords: 'سگ ولگرد حیوان گربه',
      },
      {
        code: 'sidewalk-obstruction', name: 'سد معبر', slaDays: 15,
        description: 'اشغال پیاده‌رو و معبر با کالا، مصالح یا خودرو',
        keywords: 'پیاده‌رو مصالح دست‌فروش اشغال معبر',
      },
    ],
  },
  {
    code: 'transport',
    name: 'حمل‌ونقل و ترافیک',
    description: 'اتوبوس، تاکسی، علائم راهنمایی و معابر پیاده',
    office: 'municipality',
    children: [
      {
        code: 'public-transport', name: 'اتوبوس و تاکسی', slaDays: 15,
        description: 'رفتار رانندگان، نظم خطوط، کرایه و ایستگاه‌ها',
        keywords: 'اتوبوس تاکسی راننده کرایه ایستگاه خط مینی‌بوس',
        questions: [
          { code: 'vehicle_number', label: 'شماره خودرو یا شماره خط (در صورت اطلاع)', type: 'text', required: false },
        ],
      },
      {
        code: 'traffic-signs', name: 'علائم و تابلوهای ترافیکی', slaDays: 15,
        description: 'خرابی یا نبود تابلو، خط‌کشی، سرعت‌گیر و چراغ راهنمایی',
        keywords: 'تابلو خط‌کشی سرعت‌گیر چراغ راهنمایی عابر',
      },
      {
        code: 'accessibility', name: 'پیاده‌رو و مناسب‌سازی معابر', slaDays: 30,
        description: 'ناهمواری پیاده‌رو و مناسب نبودن معبر برای افراد دارای معلولیت و سالمندان',
        keywords: 'پیاده‌رو رمپ ویلچر معلولیت سالمند پله',
      },
    ],
  },
  {
    code: 'urban-planning',
    name: 'ساختمان و شهرسازی',
    description: 'ساخت‌وساز، پروانه ساختمان و ایمنی بناها',
    office: 'municipality',
    children: [
      {
        code: 'illegal-construction', name: 'ساخت‌وساز غیرمجاز', slaDays: 15,
        description: 'ساخت بدون پروانه، اضافه‌بنا، تغییر کاربری',
        keywords: 'بدون مجوز اضافه طبقه تغییر کاربری تخلف ساختمانی',
        questions: [{ code: 'plate', label: 'پلاک یا نشانی دقیق ملک', type: 'text', required: false }],
      },
      {
        code: 'building-permit', name: 'پروانه ساختمان و پایان‌کار', slaDays: 30,
        description: 'تأخیر در صدور پروانه، پایان‌کار یا گواهی عدم خلاف',
        keywords: 'پروانه پایان‌کار عدم خلاف کمیسیون ماده صد',
        questions: [{ code: 'file_number', label: 'شماره پرونده شهرسازی', type: 'text', required: false }],
      },
      {
        code: 'unsafe-building', name: 'ساختمان ناایمن یا متروکه', slaDays: 7,
        description: 'بنای در حال ریزش، گودبرداری خطرناک، ساختمان متروکه',
        keywords: 'ریزش گودبرداری خطر متروکه مخروبه',
      },
    ],
  },
  {
    code: 'fire-safety',
    name: 'آتش‌نشانی و ایمنی',
    description: 'ایمنی اماکن، تجهیزات آتش‌نشانی و آموزش همگانی',
    office: 'municipality',
    children: [
      {
        code: 'building-fire-safety', name: 'ایمنی ساختمان‌ها و اماکن عمومی', slaDays: 15,
        description: 'نبود خروج اضطراری، انبار مواد قابل اشتعال، سیم‌کشی خطرناک',
        keywords: 'آتش‌سوزی کپسول خروج اضطراری انبار سیم‌کشی',
      },
      {
        code: 'fire-hydrant', name: 'شیر آتش‌نشانی و تجهیزات', slaDays: 15,
        description: 'خرابی یا مسدود بودن شیر آتش‌نشانی',
        keywords: 'شیر آتش‌نشانی هیدرانت',
      },
      {
        code: 'safety-training', name: 'درخواست آموزش همگانی ایمنی', slaDays: 30,
        description: 'آموزش ایمنی و آتش‌نشانی برای مدارس، محله‌ها و روستاها',
        keywords: 'آموزش ایمنی مانور مدرسه',
      },
    ],
  },
  {
    code: 'rural',
    name: 'امور روستایی',
    description: 'آب شرب، راه، پسماند و طرح هادی روستاها',
    office: 'dehyari',
    children: [
      {
        code: 'village-water', name: 'آب شرب روستا', slaDays: 7,
        description: 'قطعی، کم‌فشاری یا کیفیت نامناسب آب شرب',
        keywords: 'آب قطعی فشار لوله تانکر کدورت',
        questions: [
          {
            code: 'water_issue', label: 'نوع مشکل', type: 'select', required: true,
            options: [
              { value: 'outage', label: 'قطعی آب' },
              { value: 'pressure', label: 'کم‌فشاری' },
              { value: 'quality', label: 'کیفیت و بوی آب' },
              { value: 'leak', label: 'شکستگی لوله' },
            ],
          },
          { code: 'days_without_water', label: 'چند روز است که مشکل ادامه دارد؟', type: 'number', required: false },
        ],
      },
      {
        code: 'village-road', name: 'راه روستایی', slaDays: 30,
        description: 'خرابی راه ارتباطی، آسفالت، پل و برف‌روبی',
        keywords: 'جاده راه آسفالت پل برف‌روبی ریزش کوه',
      },
      {
        code: 'village-waste', name: 'پسماند روستا', slaDays: 15,
        description: 'جمع‌آوری زباله، دپوی غیرمجاز و محل دفن پسماند روستا',
        keywords: 'زباله دفن دپو پسماند روستا',
      },
      {
        code: 'village-guide-plan', name: 'طرح هادی و ساخت‌وساز روستا', slaDays: 30,
        description: 'اجرای طرح هادی، معابر روستا و ساخت‌وساز در روستا',
        keywords: 'طرح هادی معابر روستا مجوز ساخت',
      },
    ],
  },
  {
    code: 'fees',
    name: 'عوارض و خدمات اداری',
    description: 'عوارض، پرداخت‌ها و کندی کار در شهرداری یا دهیاری',
    office: 'municipality',
    children: [
      {
        code: 'fees-dispute', name: 'اعتراض به عوارض', slaDays: 15,
        description: 'عوارض نوسازی، پسماند، کسب و پیشه یا ساختمانی',
        keywords: 'عوارض نوسازی قبض پرداخت اعتراض',
        questions: [{ code: 'bill_id', label: 'شناسه قبض یا پرونده', type: 'text', required: false }],
      },
      {
        code: 'service-delay', name: 'کندی یا توقف رسیدگی به درخواست', slaDays: 15,
        description: 'درخواستی که در شهرداری یا دهیاری بی‌پاسخ مانده است',
        keywords: 'تأخیر معطلی بی‌پاسخ نامه',
      },
    ],
  },
  {
    code: 'staff-conduct',
    name: 'تخلفات و شکایت از کارکنان',
    description: 'رسیدگی در دفتر بازرسی؛ هویت شاکی محرمانه می‌ماند',
    office: 'inspection',
    children: [
      {
        code: 'staff-behaviour', name: 'رفتار نامناسب کارکنان', slaDays: 15,
        description: 'برخورد نامناسب، بی‌احترامی یا تبعیض کارکنان',
        keywords: 'بی‌احترامی برخورد کارمند رفتار توهین',
      },
      {
        code: 'corruption', name: 'فساد اداری', slaDays: 30,
        description: 'درخواست رشوه، پارتی‌بازی، سوءاستفاده از موقعیت',
        keywords: 'رشوه پارتی زیرمیزی سوءاستفاده فساد',
      },
      {
        code: 'staff-negligence', name: 'کوتاهی در انجام وظیفه', slaDays: 15,
        description: 'انجام ندادن کار یا خودداری از پاسخ‌گویی',
        keywords: 'کوتاهی غیبت پاسخ‌گو نبودن',
      },
    ],
  },
  {
    code: 'feedback',
    name: 'پیشنهاد و قدردانی',
    description: 'پیشنهاد برای بهتر شدن خدمات و قدردانی از کارکنان',
    office: 'municipality',
    children: [
      { code: 'suggestion', name: 'پیشنهاد برای بهبود خدمات', slaDays: 30, keywords: 'پیشنهاد ایده طرح' },
      { code: 'appreciation', name: 'قدردانی از کارکنان', slaDays: 30, keywords: 'تشکر قدردانی سپاس' },
    ],
  },
];
