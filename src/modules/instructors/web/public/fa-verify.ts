/** Persian strings of `/verify/training-id` (see fa.ts for the shared ones). */
export const vfa = {
  title: 'استعلام شناسه آموزشی',
  intro: 'شناسه آموزشی مدرس را (همان که روی گواهی صلاحیت یا زیر رمزینه آن چاپ شده) وارد کنید تا اعتبار صلاحیت او را ببینید.',
  label: 'شناسه آموزشی',
  // The example is isolated left-to-right (LRI … PDI): digit groups joined by dashes would otherwise read backwards.
  hint: 'دوازده رقم، مانند \u2066۱۴۰۵-۰۲-۰۰۱۲۳-۷\u2069؛ خط تیره را می‌توانید ننویسید.',
  invalid: 'شناسه آموزشی درست نیست؛ دوازده رقم آن را دوباره بررسی کنید (رقم آخر، رقم کنترل بقیه رقم‌هاست و یک رقم اشتباه را نشان می‌دهد).',
  typo: 'این شناسه آموزشی اشتباه تایپی دارد؛ رقم‌های آن را دوباره با گواهی مقایسه کنید.',
  notFound: 'شناسه آموزشی‌ای با این شماره صادر نشده است.',
  search: 'استعلام',
  valid: 'صلاحیت این مدرس معتبر است.',
  expired: 'اعتبار صلاحیت این مدرس به پایان رسیده است.',
  trainingId: 'شناسه آموزشی',
  name: 'نام مدرس',
  province: 'استان',
  fields: 'زمینه‌های تخصصی تأییدشده',
  qualifiedAt: 'تاریخ تأیید صلاحیت',
  expiresAt: 'اعتبار تا',
  another: 'استعلام شناسه دیگر',
} as const;
