/** Persian strings of a showcase card (the catalogue and «similar plans»). */
export const cfa = {
  jobs: (n: string) => `${n} شغل`,
  beneficiaries: (n: string) => `${n} بهره‌مند`,
  income: (s: string) => `درآمد سالانه ${s}`,
  replications: (n: string) => `${n} روستا الگو گرفته‌اند`,
  year: (y: string) => `جشنواره ${y}`,
  noPhoto: 'بدون عکس',
} as const;
