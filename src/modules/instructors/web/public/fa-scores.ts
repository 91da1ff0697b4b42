/** Persian strings of the score tables (ScoreTables.tsx, its own chunk). */
export const sfa = {
  criterion: 'معیار',
  value: 'وضعیت شما',
  points: 'امتیاز',
  rule: 'قاعده',
  total: 'جمع امتیاز',
  outOf: (p: string, max: string) => `${p} از ${max}`,
  pass: (s: string) => `حد نصاب: ${s}`,
  passes: 'بالاتر از حد نصاب',
  fails: 'کمتر از حد نصاب',
  adjusted: (reason: string) => `اصلاح کارشناس: ${reason}`,
} as const;
