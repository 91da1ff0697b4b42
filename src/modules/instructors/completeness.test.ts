// Profile completeness: each required check blocks a submission with its own sentence, the optional ones only lower
// the percentage, and the percentage counts every check once.
import { describe, expect, it } from 'vitest';
import { completeness, COMPLETENESS_CHECKS, type CompletenessInput } from './completeness.js';

const DOC = '0b7a2d4e-6a4f-4b8a-9d0e-2f1c3b4a5d6e';
const FULL: CompletenessInput = {
  nationalCode: '0013542419', firstName: 'مریم', lastName: 'احمدی', bio: 'مدرس مالیه شهری',
  expertise: ['municipal_finance'],
  education: [{ id: 'e1', degree: 'master', field: 'حسابداری', university: 'دانشگاه تهران', year: 1390, documents: [DOC] }],
  teaching: [{ id: 't1', course: 'بودجه', organization: 'شهرداری', field: 'municipal_finance', hours: 40, year: 1400, documents: [] }],
  experience: [],
  publications: [{ id: 'p1', kind: 'book', title: 'کتاب', publisher: '', year: 1400, field: null, documents: [] }],
  certificates: [{ id: 'c1', title: 'گواهی', issuer: 'سازمان', year: 1399, documents: [] }],
  availability: { provinceIds: [], inPerson: true, online: false },
};
const job = { id: 'x1', organization: 'شهرداری', title: 'کارشناس', fromYear: 1395, toYear: null, documents: [] };
const REQUIRED = COMPLETENESS_CHECKS.filter((c) => c.required).length;
const ALL = COMPLETENESS_CHECKS.length;

describe('completeness', () => {
  it('a full profile is ready at 100%', () => {
    expect(completeness(FULL)).toEqual({ percent: 100, ready: true, missing: [] });
  });

  const blocking: [string, Partial<CompletenessInput>, string][] = [
    ['no name', { firstName: '  ' }, 'کد ملی، نام و نام خانوادگی را وارد کنید.'],
    ['no field of expertise', { expertise: [] }, 'دست‌کم یک زمینه تخصصی انتخاب کنید.'],
    ['a degree without its document', { education: [FULL.education[0]!, { ...FULL.education[0]!, id: 'e2', documents: [] }] }, 'برای هر مدرک تحصیلی تصویر مدرک را بارگذاری کنید.'],
    ['neither teaching nor work', { teaching: [], experience: [] }, 'دست‌کم یک سابقه تدریس یا سابقه کار ثبت کنید.'],
    ['available neither in person nor online', { availability: { provinceIds: [], inPerson: false, online: false } }, 'آمادگی تدریس حضوری یا برخط را مشخص کنید.'],
  ];
  it.each(blocking)('%s blocks with its sentence', (_n, change, sentence) => {
    const c = completeness({ ...FULL, ...change });
    expect(c.ready).toBe(false);
    expect(c.missing).toEqual([sentence]);
    expect(c.percent).toBe(Math.round(((ALL - 1) / ALL) * 100));
  });

  it('no education at all fails both education checks', () => {
    const c = completeness({ ...FULL, education: [] });
    expect(c.missing).toEqual(['دست‌کم یک مدرک تحصیلی ثبت کنید.', 'برای هر مدرک تحصیلی تصویر مدرک را بارگذاری کنید.']);
  });

  it('work experience alone, or online only, is enough', () => {
    expect(completeness({ ...FULL, teaching: [], experience: [job] }).ready).toBe(true);
    expect(completeness({ ...FULL, availability: { provinceIds: [], inPerson: false, online: true } }).ready).toBe(true);
  });

  it('the optional items lower the percentage only', () => {
    const c = completeness({ ...FULL, publications: [], certificates: [], bio: '' });
    expect(c).toEqual({ percent: Math.round((REQUIRED / ALL) * 100), ready: true, missing: [] });
  });

  it('an empty new form', () => {
    const c = completeness({ expertise: [], education: [], teaching: [], experience: [], publications: [], certificates: [], bio: '', availability: { provinceIds: [], inPerson: true, online: false } });
    expect(c.ready).toBe(false);
    expect(c.missing).toHaveLength(REQUIRED - 1);
    expect(c.percent).toBe(Math.round((1 / ALL) * 100));
  });
});
