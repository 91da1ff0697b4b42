/**
 * Persian strings of the printable qualification certificate (certificate-sheet.tsx), drawn by the instructor's page
 * `/instructors/me/certificate` and the staff's `/app/instructors/profiles/:id/certificate`.
 */
export const cfa = {
  title: 'گواهی تشخیص صلاحیت مدرس',
  center: 'مرکز مطالعات برنامه‌ریزی شهری و روستایی',
  trainingId: 'شناسه آموزشی',
  date: 'تاریخ صدور',
  body: (name: string, id: string) =>
    `بدین‌وسیله گواهی می‌شود ${name} به شناسه آموزشی ${id}، پس از بررسی سوابق تحصیلی، آموزشی و حرفه‌ای و ارزیابی بر پایه معیارهای مصوب تشخیص صلاحیت مدرسان، برای تدریس در دوره‌های آموزشی شهرداری‌ها و دهیاری‌ها در زمینه‌های زیر صلاحیت دارد:`,
  fields: 'زمینه‌های تخصصی',
  holder: 'مشخصات',
  name: 'نام و نام خانوادگی',
  province: 'استان',
  qualifiedAt: 'تاریخ تأیید صلاحیت',
  validUntil: 'اعتبار تا',
  signature: 'کمیته تشخیص صلاحیت مدرسان',
  signatureNote: 'این گواهی به‌صورت الکترونیکی صادر شده و با استعلام برخط اعتبار دارد.',
  verifyText: 'درستی و اعتبار این گواهی را با پویش رمزینه یا در نشانی زیر بررسی کنید:',
  qrLabel: 'رمزینه استعلام شناسه آموزشی',
  print: 'چاپ گواهی',
  expired: (d: string) => `اعتبار این گواهی در ${d} به پایان رسیده است.`,
  notFound: 'گواهی صلاحیتی برای شما صادر نشده است.',
  signIn: 'برای دیدن گواهی صلاحیت، با شماره همراهی که با آن ثبت‌نام کرده‌اید وارد شوید.',
} as const;
