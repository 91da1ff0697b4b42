/**
 * Persian strings shared by the festival's public pages (sub-navigation, sign-in, common words). Each page's own
 * strings live beside it (fa-landing.ts, fa-my.ts, fa-showcase.ts), so a light page downloads only its own; the plan
 * form's are in ../shared/fa-plan.ts; enum titles come from ../../enums.ts.
 */
export const ffa = {
  nav: {
    label: 'پیوندهای جشنواره',
    home: 'جشنواره',
    my: 'طرح‌های من',
    showcase: 'ویترین طرح‌های برگزیده',
  },
  common: {
    retry: 'تلاش دوباره',
    signedInAs: (mobile: string) => `با شماره همراه ${mobile} وارد شده‌اید.`,
    otherMobile: 'ورود با شماره همراه دیگر',
    untitled: 'طرح بی‌عنوان',
  },
} as const;
