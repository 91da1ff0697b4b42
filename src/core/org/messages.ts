// Persian reasons of the divisions importer, in one place. Numbers stay ASCII here; the UI converts digits.

export const IMPORT_REASONS = {
  noProvinces: 'پروندهٔ ostan.csv در پوشه نیست؛ بدون استان‌ها چیزی درون‌ریزی نمی‌شود',
  notUtf8: 'پرونده با UTF-8 نوشته نشده است (در Excel «CSV UTF-8» را برگزینید)',
  needsParentFile: (parentFile: string) => `پروندهٔ والد ${parentFile} در همان پوشه نیست یا خوانده نشد؛ این پرونده درون‌ریزی نمی‌شود`,
  needsFile: (other: string) => `بدون پروندهٔ ${other} در همان پوشه خوانده نمی‌شود`,
  missingColumns: (cols: string[]) => `ستون ${cols.map((c) => `«${c}»`).join('، ')} در سرستون نیست`,
  badId: (v: string) => (v === '' ? 'شناسه (id) خالی است' : `شناسهٔ «${v}» عدد صحیح نیست`),
  duplicateId: (id: string, line: number) => `شناسهٔ ${id} تکراری است (پیش‌تر در خط ${line})`,
  emptyName: 'نام خالی است',
  emptyCode: 'کد آماری (amar_code) خالی است',
  badCode: (v: string) => `کد آماری «${v}» عددی نیست`,
  duplicateCode: (code: string, line: number) => `کد آماری ${code} تکراری است (پیش‌تر در خط ${line})`,
  emptyParent: (levelTitle: string, col: string) => `${levelTitle} (ستون ${col}) خالی است`,
  unknownParent: (levelTitle: string, id: string, file: string) => `${levelTitle} با شناسهٔ ${id} در ${file} نیست`,
  rejectedParent: (levelTitle: string, id: string, file: string, line: number) =>
    `${levelTitle} با شناسهٔ ${id} (${file}، خط ${line}) خطا داشت و درون‌ریزی نشد`,
  mismatch: (col: string, given: string, expected: string) =>
    `ستون ${col} (${given}) با والدِ این ردیف نمی‌خواند؛ باید ${expected} باشد`,
  badCityType: (v: string) => `نوع شهر «${v}» نامعتبر است (0 شهر؛ 1 و 2 ناحیهٔ شهری)`,
  badCoordinates: (lat: string, lon: string) => `مختصات «${lat}»، «${lon}» عدد نیست یا یکی از آن دو خالی است`,
  outsideIran: (lat: number, lon: number) => `مختصات ${lat}، ${lon} بیرون از محدودهٔ ایران است (جای عرض و طول عوض شده؟)`,
  badFlag: (col: string, v: string) => `مقدار ستون ${col} («${v}») باید 0 یا 1 باشد`,
  unknownTyphoonCity: (id: string) => `شهر ${id} در typhoon-cities.csv نیست`,
};
