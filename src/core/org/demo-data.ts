// Hand-written reference data for demo mode. Not a substitute for importing the Statistical Centre files.

/**
 * The 31 provinces with the Statistical Centre's province codes (the codes of ostan.csv, so a later real import
 * updates these rows instead of adding new ones).
 */
export const PROVINCES: readonly { code: string; name: string }[] = [
  { code: '0', name: 'مرکزی' },
  { code: '1', name: 'گیلان' },
  { code: '2', name: 'مازندران' },
  { code: '3', name: 'آذربایجان شرقی' },
  { code: '4', name: 'آذربایجان غربی' },
  { code: '5', name: 'کرمانشاه' },
  { code: '6', name: 'خوزستان' },
  { code: '7', name: 'فارس' },
  { code: '8', name: 'کرمان' },
  { code: '9', name: 'خراسان رضوی' },
  { code: '10', name: 'اصفهان' },
  { code: '11', name: 'سیستان و بلوچستان' },
  { code: '12', name: 'کردستان' },
  { code: '13', name: 'همدان' },
  { code: '14', name: 'چهارمحال و بختیاری' },
  { code: '15', name: 'لرستان' },
  { code: '16', name: 'ایلام' },
  { code: '17', name: 'کهگیلویه و بویراحمد' },
  { code: '18', name: 'بوشهر' },
  { code: '19', name: 'زنجان' },
  { code: '20', name: 'سمنان' },
  { code: '21', name: 'یزد' },
  { code: '22', name: 'هرمزگان' },
  { code: '23', name: 'تهران' },
  { code: '24', name: 'اردبیل' },
  { code: '25', name: 'قم' },
  { code: '26', name: 'قزوین' },
  { code: '27', name: 'گلستان' },
  { code: '28', name: 'خراسان شمالی' },
  { code: '29', name: 'خراسان جنوبی' },
  { code: '30', name: 'البرز' },
];

export interface DemoVillage { n: number; name: string; lat: number; lon: number; fireStation?: boolean }
export interface DemoRuralDistrict { n: number; name: string; villages: DemoVillage[] }
export interface DemoCity { n: number; name: string; lat: number; lon: number }
export interface DemoDistrict { n: number; name: string; cities: DemoCity[]; ruralDistricts: DemoRuralDistrict[] }
export interface DemoCounty { n: number; name: string; districts: DemoDistrict[] }

/**
 * Counties, districts, cities, rural districts and villages of two provinces, by province code. The places are
 * real (Sari and Babol counties in Mazandaran, Natanz in Isfahan) and the coordinates approximate (a few km).
 * The codes are NOT Statistical Centre codes: every code below the province is made in a demo range, '99' + the
 * province code (2 digits) + the `n` of each level (2 digits; 3 for villages), e.g. county 990201, district
 * 99020101, rural district 9902010101, village 9902010101001. No province has code 99, so no real code of these
 * levels starts like that; a real import adds its own nodes beside these.
 */
export const DEMO_TREE: Record<string, DemoCounty[]> = {
  '2': [
    {
      n: 1,
      name: 'ساری',
      districts: [
        {
          n: 1,
          name: 'مرکزی',
          cities: [{ n: 1, name: 'ساری', lat: 36.5633, lon: 53.0601 }],
          ruralDistricts: [
            {
              n: 1,
              name: 'مذکوره',
              villages: [
                { n: 1, name: 'بالا بندارخیل', lat: 36.6069, lon: 53.0067, fireStation: true },
                { n: 2, name: 'آخورسر', lat: 36.5789, lon: 53.0412 },
                { n: 3, name: 'رگندشت', lat: 36.5702, lon: 53.0248 },
                { n: 4, name: 'چناربن', lat: 36.5826, lon: 53.0196 },
                { n: 5, name: 'دولت‌آباد', lat: 36.5951, lon: 53.0395, fireStation: true },
                { n: 6, name: 'لیمون', lat: 36.5917, lon: 53.0298 },
              ],
            },
            {
              n: 2,
              name: 'میاندورود کوچک',
              villages: [
                { n: 1, name: 'اسبوکلا', lat: 36.5548, lon: 53.1497, fireStation: true },
                { n: 2, name: 'زرین‌آباد علیا', lat: 36.5402, lon: 53.1503 },
                { n: 3, name: 'زرین‌آباد سفلی', lat: 36.5451, lon: 53.1396 },
                { n: 4, name: 'ولاشید', lat: 36.5563, lon: 53.1348 },
              ],
            },
          ],
        },
        {
          n: 2,
          name: 'چهاردانگه',
          cities: [{ n: 1, name: 'کیاسر', lat: 36.2386, lon: 53.5417 }],
          ruralDistricts: [
            {
              n: 1,
              name: 'چهاردانگه',
              villages: [
                { n: 1, name: 'سواسره', lat: 36.1802, lon: 53.4803 },
                { n: 2, name: 'آغوزگله', lat: 36.2004, lon: 53.4751 },
                { n: 3, name: 'ایلال', lat: 36.2101, lon: 53.4852 },
              ],
            },
            {
              n: 2,
              name: 'گرماب',
              villages: [
                { n: 1, name: 'مزده', lat: 36.3303, lon: 53.4297, fireStation: true },
                { n: 2, name: 'ششک', lat: 36.3352, lon: 53.4448 },
                { n: 3, name: 'کارنام', lat: 36.3201, lon: 53.4202 },
                { n: 4, name: 'سادات‌محله', lat: 36.3249, lon: 53.4501 },
              ],
            },
            {
              n: 3,
              name: 'پشتکوه',
              villages: [
                { n: 1, name: 'اروست', lat: 36.2497, lon: 53.6402, fireStation: true },
                { n: 2, name: 'مالخواست', lat: 36.2548, lon: 53.6651 },
                { n: 3, name: 'قلعه‌سر', lat: 36.2352, lon: 53.6349 },
              ],
            },
          ],
        },
        {
          n: 3,
          name: 'دودانگه',
          cities: [{ n: 1, name: 'فریم', lat: 36.1861, lon: 53.2663 }],
          ruralDistricts: [
            {
              n: 1,
              name: 'بنافت',
              villages: [
                { n: 1, name: 'جورجاده', lat: 36.0903, lon: 53.2401 },
                { n: 2, name: 'سنگده', lat: 36.0598, lon: 53.2102, fireStation: true },
                { n: 3, name: 'پاجی', lat: 36.0751, lon: 53.2548 },
              ],
            },
          ],
        },
      ],
    },
    {
      n: 2,
      name: 'بابل',
      districts: [
        { n: 1, name: 'مرکزی', cities: [{ n: 1, name: 'بابل', lat: 36.5385, lon: 52.6776 }], ruralDistricts: [] },
        {
          n: 2,
          name: 'بندپی شرقی',
          // Not the گلوگاه of Golugah county: two cities of Mazandaran share the name.
          cities: [{ n: 1, name: 'گلوگاه', lat: 36.3049, lon: 52.6501 }],
          ruralDistricts: [
            { n: 1, name: 'سجادرود', villages: [{ n: 1, name: 'نریواران شرقی', lat: 36.3301, lon: 52.6402, fireStation: true }] },
          ],
        },
      ],
    },
  ],
  '10': [
    {
      n: 1,
      name: 'نطنز',
      districts: [
        {
          n: 1,
          name: 'مرکزی',
          cities: [{ n: 1, name: 'نطنز', lat: 33.5133, lon: 51.9164 }],
          ruralDistricts: [
            {
              n: 1,
              name: 'برزرود',
              villages: [
                { n: 1, name: 'ابیانه', lat: 33.5770, lon: 51.6040, fireStation: true },
                { n: 2, name: 'برز', lat: 33.5952, lon: 51.6551 },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** Where the demo accounts sit: Mazandaran › Sari county › its central district › Sari city and بالا بندارخیل. */
export const DEMO_ANCHORS = {
  province: '2',
  county: '990201',
  district: '99020101',
  city: '9902010101',
  village: '9902010101001',
} as const;
