/**
 * Every Persian string the web shell shows, in one place (DESIGN style rule 9).
 * Components never hold UI text of their own; numbers and dates are rendered
 * through the helpers of `core/fa` so digits are always Persian.
 */
export const fa = {
  app: {
    name: 'شهرده',
    fullName: 'سامانه خدمات الکترونیک شهرداری‌ها و دهیاری‌ها',
    org: 'سازمان شهرداری‌ها و دهیاری‌های کشور',
    skipToContent: 'پرش به محتوای اصلی',
    today: 'امروز',
    loading: 'در حال بارگذاری…',
    backHome: 'بازگشت به صفحه اصلی',
    footer: 'سازمان شهرداری‌ها و دهیاری‌های کشور — دفتر نوسازی، تحول اداری و فناوری اطلاعات',
    mainNav: 'پیوندهای اصلی',
  },
  nav: {
    home: 'صفحه اصلی',
    staffLogin: 'ورود کارکنان',
    citizenLogin: 'ورود شهروندان',
    staffHome: 'میز کار',
    citizenHome: 'صفحه من',
    logout: 'خروج',
  },
  home: {
    heroTitle: 'شهرده؛ خدمات الکترونیک شهرداری‌ها و دهیاری‌ها',
    heroText:
      'شهرده درگاه یکپارچه خدمات الکترونیک سازمان شهرداری‌ها و دهیاری‌های کشور است؛ برای بیش از ۱٬۳۰۰ شهرداری و ۳۷٬۰۰۰ دهیاری. شکایت یا درخواست خود را ثبت کنید، با کد پیگیری روند رسیدگی را دنبال کنید و بدون رفت‌وآمد و کاغذ، خدمات را برخط بگیرید.',
    servicesTitle: 'خدمات عمومی',
    staffTitle: 'کارکنان شهرداری‌ها، دهیاری‌ها، بخشداری‌ها و استانداری‌ها',
    staffText:
      'درجه‌بندی شهرداری‌ها، امریه آتش‌نشانان روستایی، بانک مراکز دفن پسماند، بانک مدرسان و جشنواره طرح‌های برگزیده از میز کار کارکنان در دسترس است.',
    citizenTitle: 'شهروندان',
    citizenText: 'با شماره همراه خود وارد شوید تا درخواست‌هایتان را یک‌جا ببینید.',
    go: 'ورود به خدمت',
  },
  services: {
    complaint: {
      title: 'ثبت شکایت و درخواست',
      text: 'شکایت، درخواست یا گزارش خود را ثبت کنید و بی‌درنگ کد پیگیری بگیرید.',
    },
    track: {
      title: 'پیگیری با کد پیگیری',
      text: 'روند رسیدگی به شکایت یا درخواست خود را با کد پیگیری ببینید.',
    },
    showcase: {
      title: 'ویترین طرح‌های برگزیده',
      text: 'تجربه‌های موفق دهیاری‌ها و کارآفرینان روستایی در جشنواره را ببینید.',
    },
    trainingId: {
      title: 'استعلام شناسه آموزشی',
      text: 'درستی شناسه آموزشی مدرسان دوره‌های آموزشی را بررسی کنید.',
    },
    amriyeh: {
      title: 'استعلام امریه',
      text: 'درستی امریه آتش‌نشانان روستایی را با شماره امریه بررسی کنید.',
    },
  },
  comingSoon: {
    title: 'به‌زودی',
    text: 'این خدمت در حال آماده‌سازی است و به‌زودی در دسترس قرار می‌گیرد.',
  },
  notFound: {
    title: 'صفحه پیدا نشد',
    text: 'نشانی‌ای که باز کرده‌اید وجود ندارد یا جابه‌جا شده است.',
    code: '۴۰۴',
  },
  staffLogin: {
    title: 'ورود کارکنان',
    subtitle: 'برای ورود به میز کار، نام کاربری و گذرواژه خود را وارد کنید.',
    username: 'نام کاربری',
    password: 'گذرواژه',
    showPassword: 'نمایش یا پنهان کردن گذرواژه',
    totp: 'کد ورود دومرحله‌ای',
    totpHint: 'کد شش‌رقمی برنامه احراز هویت خود را وارد کنید.',
    submit: 'ورود',
    required: 'این بخش را پر کنید.',
    totpInvalid: 'کد شش‌رقمی را کامل وارد کنید.',
    citizenInstead: 'شهروند هستید؟ ورود با شماره همراه',
  },
  citizenLogin: {
    title: 'ورود شهروندان',
    subtitle: 'شماره همراه خود را وارد کنید تا کد ورود برایتان پیامک شود.',
    code: 'کد ورود',
    verify: 'ورود',
    staffInstead: 'از کارکنان هستید؟ ورود کارکنان',
  },
  /** The one-time-code form (components/OtpForm): /citizen/login and the complaints service's public pages. */
  otp: {
    mobile: 'شماره همراه',
    mobileHint: 'مانند ۰۹۱۲۱۲۳۴۵۶۷',
    mobileInvalid: 'شماره همراه معتبر نیست؛ شماره‌ای یازده‌رقمی که با ۰۹ آغاز می‌شود وارد کنید.',
    requestCode: 'دریافت کد',
    codeHint: (mobile: string) => `کد شش‌رقمی پیامک‌شده به ${mobile} را وارد کنید.`,
    codeInvalid: 'کد شش‌رقمی را کامل وارد کنید.',
    resend: 'ارسال دوباره کد',
    resendIn: (seconds: string) => `ارسال دوباره تا ${seconds} ثانیه دیگر`,
    changeMobile: 'تغییر شماره همراه',
  },
  /** The plain-markup form building blocks (components/form.tsx). */
  form: {
    optional: '(اختیاری)',
  },
  staffHome: {
    greeting: (name: string) => `${name}، خوش آمدید`,
    rolesTitle: 'نقش‌های شما',
    servicesTitle: 'سامانه‌های در دسترس شما',
    inboxTotal: 'کارهای در انتظار',
    overdueTotal: 'کارهای دیرکرددار',
    inbox: 'در انتظار',
    overdue: 'دیرکرد',
    open: 'ورود به سامانه',
    noServices: 'هنوز سامانه‌ای برای نقش شما تعریف نشده است.',
    noRoles: 'نقشی برای شما ثبت نشده است؛ با راهبر سامانه تماس بگیرید.',
    wholeCountry: 'سراسر کشور',
  },
  citizenHome: {
    title: 'صفحه من',
    mobile: 'شماره همراه',
    servicesTitle: 'خدمات',
  },
  errors: {
    network: 'ارتباط با سامانه برقرار نشد؛ اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.',
    generic: 'خطایی رخ داد؛ لطفاً دوباره تلاش کنید.',
    retry: 'تلاش دوباره',
    loadFailed: 'دریافت اطلاعات ممکن نشد.',
    throttled: 'درخواست‌های شما بیش از حد مجاز بود؛ چند دقیقه صبر کنید و دوباره تلاش کنید.',
  },
} as const;
