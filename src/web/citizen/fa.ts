/**
 * The strings only the citizen screens show: the citizen login and the citizen's own page (صفحه من).
 * Kept out of `web/fa.ts`, which is in the entry chunk every page downloads (DESIGN style rule 9 still holds:
 * the strings live in one place per area).
 */
export const faCitizen = {
  nav: {
    citizenHome: 'صفحه من',
  },
  citizenLogin: {
    title: 'ورود شهروندان',
    subtitle: 'شماره همراه خود را وارد کنید تا کد ورود برایتان پیامک شود.',
    code: 'کد ورود',
    verify: 'ورود',
    staffInstead: 'از کارکنان هستید؟ ورود کارکنان',
  },
  citizenHome: {
    title: 'صفحه من',
    mobile: 'شماره همراه',
    servicesTitle: 'خدمات',
  },
} as const;
