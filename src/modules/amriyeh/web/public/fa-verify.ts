/** Persian strings of `/verify/amriyeh` (see fa.ts for the shared ones). */
export const vfa = {
  verify: {
    title: 'استعلام امریه',
    intro: 'شماره امریه را (همان که روی امریه یا زیر رمزینه آن چاپ شده) وارد کنید تا درستی آن را ببینید.',
    number: 'شماره امریه',
    numberHint: 'عدد سیزده‌رقمی کنار «شماره» در بالای امریه',
    numberInvalid: 'شماره امریه را وارد کنید.',
    search: 'استعلام',
    valid: 'این امریه معتبر است.',
    revoked: 'این امریه ابطال شده است.',
    notFound: 'امریه‌ای با این شماره یافت نشد. شماره را دوباره بررسی کنید.',
    holder: 'دارنده',
    station: 'ایستگاه',
    village: 'روستا',
    province: 'استان',
    call: 'فراخوان',
    issuedAt: 'تاریخ صدور',
    revokedAt: 'تاریخ ابطال',
    revokedReason: 'دلیل ابطال',
    another: 'استعلام امریه دیگر',
  },
} as const;
