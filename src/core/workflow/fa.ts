// Persian strings of the workflow engine, in one place.
export const WF_FA = {
  caseNoun: 'پرونده',
  versionConflict: 'این پرونده هم‌زمان توسط کاربر دیگری تغییر کرده است؛ صفحه را تازه کنید.',
  unknownAction: 'این اقدام برای این پرونده تعریف نشده است.',
  invalidState: 'این اقدام در وضعیت فعلی پرونده ممکن نیست؛ صفحه را تازه کنید.',
  assignedToOther: 'این پرونده به کارشناس دیگری سپرده شده است.',
  useServiceRoute: 'این پرونده فقط از صفحه خدمت خودش پیش می‌رود (اقدام‌های آن کارهای دیگری هم انجام می‌دهند).',
  notCreator: 'این اقدام فقط برای ثبت‌کننده پرونده مجاز است.',
  commentRequired: 'برای این اقدام نوشتن توضیح الزامی است.',
  documentRequired: 'برای این اقدام پیوست کردن دست‌کم یک مدرک الزامی است.',
  documentNotFound: 'مدرک پیوست‌شده پیدا نشد.',
  invalidAssignee: 'کارشناس انتخاب‌شده نمی‌تواند به این پرونده در مرحله بعد رسیدگی کند.',
  assigneeRequired: 'برای این اقدام انتخاب کارشناس مسئول الزامی است.',
  assigneeNotAllowed: 'در این اقدام نمی‌توان کارشناس مسئول تعیین کرد.',
  lateSubject: 'پرونده از مهلت گذشته است',
  lateBody: (title: string, state: string, workflow: string) =>
    `شهرده — پرونده «${title}» (${workflow}) در مرحله «${state}» از مهلت رسیدگی گذشته است. لطفاً پیگیری کنید.`,
  remindSubject: 'مهلت رسیدگی به پرونده رو به پایان است',
  remindBody: (title: string, state: string, workflow: string, due: string) =>
    `شهرده — یادآوری: مهلت رسیدگی به پرونده «${title}» (${workflow}) در مرحله «${state}» رو به پایان است (تا ${due}).`,
} as const;
