/** Persian strings of the application under review on `/instructors/me` (MyOpen.tsx, its own chunk). */
export const ofa = {
  title: 'درخواست در حال بررسی',
  code: 'کد پیگیری',
  kind: 'نوع درخواست',
  created: 'تاریخ ثبت',
  fields: 'زمینه‌ها',
  returnComment: 'موارد خواسته‌شده برای تکمیل',
  returnedHelp: 'پرونده را ویرایش کنید، موارد بالا را بیفزایید و دوباره بفرستید.',
  editAndResubmit: 'ویرایش پرونده و ارسال دوباره',
  withdraw: 'پس گرفتن درخواست',
  withdrawConfirm: 'درخواست پس گرفته می‌شود و بررسی آن متوقف می‌شود. بعداً می‌توانید درخواست تازه بدهید. ادامه می‌دهید؟',
  withdrawYes: 'بله، پس بگیر',
  withdrawNo: 'نه',
  history: 'روند بررسی',
} as const;
