/** Persian strings of the printable letter `/amriyeh/letters/:number` (see fa.ts for the shared ones). */
export const lfa = {
  letter: {
    title: 'امریه',
    deputy: 'معاونت امور دهیاری‌ها',
    number: 'شماره',
    date: 'تاریخ',
    subject: 'موضوع',
    subjectValue: 'امریه خدمت سربازی در ایستگاه آتش‌نشانی روستایی',
    to: 'فرماندهی محترم انتظامی — اداره وظیفه عمومی',
    greeting: 'با سلام و احترام،',
    body: (p: { name: string; father: string; code: string; birth: string; call: string; station: string; village: string; district: string; county: string; province: string }) =>
      `بدین‌وسیله گواهی می‌شود آقای ${p.name} فرزند ${p.father} به کد ملی ${p.code}، متولد ${p.birth}، در «${p.call}» پذیرفته شده است. خواهشمند است دستور فرمایید نامبرده برای گذراندن دوره خدمت وظیفه عمومی به‌صورت امریه در ایستگاه آتش‌نشانی «${p.station}» واقع در روستای ${p.village}، بخش ${p.district}، شهرستان ${p.county}، استان ${p.province} معرفی شود.`,
    holder: 'مشخصات دارنده',
    name: 'نام و نام خانوادگی',
    fatherName: 'نام پدر',
    nationalCode: 'کد ملی',
    birthDate: 'تاریخ تولد',
    station: 'ایستگاه محل خدمت',
    verifyText: 'درستی این امریه را با پویش رمزینه یا در نشانی زیر بررسی کنید:',
    qrLabel: 'رمزینه استعلام امریه',
    signature: 'معاونت امور دهیاری‌ها',
    signatureNote: 'این امریه به‌صورت الکترونیکی صادر شده و با استعلام برخط اعتبار دارد.',
    print: 'چاپ امریه',
    revoked: (d: string, reason: string) => `این امریه در ${d} ابطال شده است. دلیل: ${reason}`,
    notFound: 'امریه‌ای با این شماره یافت نشد یا به شما تعلق ندارد.',
    signIn: 'برای دیدن امریه، با شماره همراهی که با آن ثبت‌نام کرده‌اید وارد شوید.',
  },

} as const;
