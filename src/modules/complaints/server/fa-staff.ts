// Persian strings of the staff side of the complaints service, in one place.

export const STAFF_FA = {
  complaintNoun: 'شکایت یا درخواست',
  templateNoun: 'قالب پاسخ',
  anonymous: 'ناشناس',
  citizen: 'شهروند',
  system: 'سامانه',
  invalidDate: 'تاریخ واردشده معتبر نیست؛ آن را به شکل ۱۴۰۵/۰۱/۳۱ بنویسید.',
  duplicateRequired: 'کد پیگیری پرونده اصلی (تکراری از) را وارد کنید.',
  duplicateInvalid: 'پرونده‌ای با این کد پیگیری در حوزه شما پیدا نشد (یا همین پرونده است).',
  duplicateNotAllowed: 'کد پرونده اصلی فقط برای اقدام «تکراری» پذیرفته می‌شود.',
  categoryNotFound: 'دسته‌بندی انتخاب‌شده پیدا نشد.',
  nationalOnly: 'قالب‌های پاسخ سراسری‌اند و فقط با دسترسی کشوری قابل ویرایش‌اند.',
  /** Titles of the history rows the engine writes itself. */
  historyTitles: { open: 'ثبت درخواست', 'sla.escalate': 'گذشت مهلت و ارجاع به سطح بالاتر', 'sla.remind': 'یادآوری مهلت رسیدگی' } as Record<string, string>,
  messageKinds: { reply: 'پاسخ به شهروند', note: 'یادداشت داخلی', citizen: 'اطلاعات ارسالی شهروند', info_request: 'درخواست اطلاعات از شهروند' },
  exportFilename: (jalaliDate: string) => `شکایات-${jalaliDate.replace(/\//g, '-')}`,
  sheetTitle: 'شکایات و درخواست‌ها',
  monthNames: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'] as const,
  /** Column titles of the export. */
  columns: {
    trackingCode: 'کد پیگیری',
    kind: 'نوع',
    category: 'دسته',
    place: 'محل',
    subject: 'موضوع',
    state: 'وضعیت',
    citizen: 'نام شهروند',
    assignee: 'کارشناس مسئول',
    createdAt: 'تاریخ ثبت',
    dueAt: 'مهلت رسیدگی',
    overdue: 'گذشته از مهلت',
  },
} as const;

// Codes stay in ASCII digits in SMS, as in the filing SMS: phones copy and paste them into the follow-up form.
const code = (c: string) => c;

/** SMS texts to the citizen (kept short: one or two SMS parts). */
export const SMS_FA = {
  infoRequested: (trackingCode: string) =>
    `شهرده — برای تکمیل پرونده شما با کد پیگیری ${code(trackingCode)} اطلاعات بیشتری لازم است. لطفاً از صفحه پیگیری، توضیح کارشناس را ببینید و اطلاعات را ارسال کنید.`,
  answered: (trackingCode: string) =>
    `شهرده — به درخواست شما با کد پیگیری ${code(trackingCode)} پاسخ داده شد. پاسخ را در صفحه پیگیری ببینید و میزان رضایت خود را ثبت کنید.`,
  rejected: (trackingCode: string) =>
    `شهرده — درخواست شما با کد پیگیری ${code(trackingCode)} خارج از حوزه رسیدگی این مرجع تشخیص داده شد. توضیحات در صفحه پیگیری آمده است.`,
  duplicate: (trackingCode: string, original: string) =>
    `شهرده — درخواست شما با کد پیگیری ${code(trackingCode)} تکراری تشخیص داده شد و همراه پرونده ${code(original)} پیگیری می‌شود.`,
} as const;

/** Default response templates: general ones (every category) and some per category. */
export const DEFAULT_TEMPLATES = {
  general: [
    {
      title: 'اعلام وصول و ارجاع',
      body: 'شهروند گرامی، درخواست شما دریافت و برای رسیدگی به واحد مسئول ارجاع شد. نتیجه از همین طریق به اطلاع شما خواهد رسید.',
    },
    {
      title: 'درخواست اطلاعات تکمیلی',
      body: 'شهروند گرامی، برای رسیدگی دقیق‌تر لطفاً نشانی دقیق محل، زمان وقوع و در صورت امکان تصویر مرتبط را ارسال فرمایید.',
    },
    {
      title: 'خارج از حوزه',
      body: 'شهروند گرامی، موضوع درخواست شما در حیطه وظایف این مرجع نیست. لطفاً آن را از طریق مرجع مربوط پیگیری فرمایید.',
    },
    {
      title: 'رسیدگی انجام شد',
      body: 'شهروند گرامی، موضوع درخواست شما بررسی و اقدام لازم انجام شد. از اینکه ما را در بهبود خدمات یاری کردید سپاسگزاریم.',
    },
  ],
  /** By category code (the stable Open311 service_code of the default tree, categories-data.ts). */
  byCategory: [
    { code: 'waste-collection', title: 'جمع‌آوری پسماند', body: 'شهروند گرامی، موضوع به واحد خدمات شهری اعلام شد و جمع‌آوری پسماند در محل مورد نظر انجام گردید.' },
    { code: 'village-waste', title: 'جمع‌آوری پسماند روستا', body: 'شهروند گرامی، موضوع به دهیاری اعلام شد و جمع‌آوری پسماند در برنامه هفتگی روستا قرار گرفت.' },
    { code: 'pothole', title: 'ترمیم آسفالت', body: 'شهروند گرامی، ترمیم معبر اعلام‌شده در برنامه عملیات عمرانی قرار گرفت و پس از اجرا نتیجه اطلاع‌رسانی می‌شود.' },
    { code: 'street-lighting', title: 'رفع نقص روشنایی', body: 'شهروند گرامی، نقص روشنایی معبر بررسی و برای رفع به شرکت توزیع برق / واحد تأسیسات ارجاع شد.' },
    { code: 'green-space', title: 'فضای سبز', body: 'شهروند گرامی، موضوع به واحد فضای سبز اعلام شد و بازدید کارشناسی از محل انجام می‌شود.' },
    { code: 'illegal-construction', title: 'بازدید تخلف ساختمانی', body: 'شهروند گرامی، گزارش شما برای بازدید به واحد شهرسازی ارجاع شد و در صورت احراز تخلف، مطابق مقررات اقدام می‌شود.' },
    { code: 'village-water', title: 'آب شرب روستا', body: 'شهروند گرامی، مشکل آب شرب به شرکت آب و فاضلاب روستایی اعلام شد و پیگیری آن ادامه دارد.' },
    { code: 'fees-dispute', title: 'بررسی اعتراض به عوارض', body: 'شهروند گرامی، اعتراض شما در کمیسیون مربوط مطرح و نتیجه بررسی به اطلاع شما خواهد رسید.' },
    { code: 'staff-behaviour', title: 'رسیدگی به رفتار کارکنان', body: 'شهروند گرامی، گزارش شما در دفتر بازرسی ثبت و بررسی شد. نتیجه پس از تحقیق لازم اعلام خواهد شد.' },
    { code: 'corruption', title: 'رسیدگی به گزارش تخلف', body: 'شهروند گرامی، گزارش شما محرمانه در دفتر بازرسی ثبت شد و با حفظ هویت شما رسیدگی می‌شود.' },
  ],
} as const;
