import { describe, expect, it } from 'vitest';
import { ApplicationCreate, CallCreate } from './contract.js';

const application = {
  callId: 1,
  nationalCode: '۰۰۱۳۵۴۲۴۱۹',
  firstName: 'علی',
  lastName: 'رضایی',
  fatherName: 'حسن',
  birthDate: '۱۳۸۳/۱۲/۳۰',
  educationLevel: 'diploma',
  fieldOfStudy: 'ریاضی فیزیک',
  gpa: 17.25,
  residenceDivisionId: 10,
  birthPlaceDivisionId: 11,
  maritalStatus: 'single',
  priorityClaims: [{ group: 'relief_supported', documentIds: ['2f1c3c1e-8a4b-4c1e-9d2a-1b2c3d4e5f60'] }],
  conscriptionStatus: 'eligible',
  stationIds: [3, 1, 2],
};

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('ApplicationCreate', () => {
  it('accepts a full application with Persian digits and normalizes it', () => {
    const out = ApplicationCreate.parse(application);
    expect(out.nationalCode).toBe('0013542419');
    expect(out.firstName).toBe('علی');
    expect(out.birthDate).toBeInstanceOf(Date);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a wrong check digit', { nationalCode: '0013542418' }, 'کد ملی معتبر نیست'],
    ['a birth date that does not exist', { birthDate: '1385/12/30' }, 'تاریخ معتبر نیست (نمونه: ۱۴۰۳/۰۱/۱۵)'],
    ['a GPA above 20', { gpa: 20.5 }, 'معدل باید بین ۰ و ۲۰ باشد'],
    ['six stations', { stationIds: [1, 2, 3, 4, 5, 6] }, 'حداکثر ۵ ایستگاه را می‌توانید انتخاب کنید'],
    ['a station twice', { stationIds: [1, 1] }, 'هر ایستگاه تنها یک بار انتخاب شود'],
    ['no station', { stationIds: [] }, 'دست‌کم یک ایستگاه را انتخاب کنید'],
    ['no field with a diploma', { fieldOfStudy: '' }, 'رشته تحصیلی را وارد کنید'],
    ['a claim without documents', { priorityClaims: [{ group: 'veteran', documentIds: [] }] }, 'مدرک پشتیبان را بارگذاری کنید'],
    ['married is not a claim', { priorityClaims: [{ group: 'married', documentIds: ['2f1c3c1e-8a4b-4c1e-9d2a-1b2c3d4e5f60'] }] }, 'گروه اولویت معتبر نیست'],
    ['an unknown conscription status', { conscriptionStatus: 'x' }, 'وضعیت نظام وظیفه را انتخاب کنید'],
  ])('refuses %s, in Persian', (_name, change, message) => {
    expect(messages(ApplicationCreate.safeParse({ ...application, ...change }))).toContain(message);
  });

  it('below diploma needs no field', () => {
    expect(ApplicationCreate.safeParse({ ...application, educationLevel: 'below_diploma', fieldOfStudy: '' }).success).toBe(true);
  });
});

describe('CallCreate', () => {
  const call = {
    title: 'فراخوان امریه آتش‌نشانان روستایی ۱۴۰۵',
    startsOn: '1405/01/15',
    endsOn: '1405/02/15',
    referenceDate: '1405/03/01',
    nationalQuota: 100,
    provinceQuotas: [{ provinceId: 1, quota: 60 }, { provinceId: 2, quota: 40 }],
    rules: { minEducation: 'diploma', minAge: 18, maxAge: 30, residence: 'county', conscriptionStatuses: ['eligible'] },
    criteria: [{ kind: 'married', weight: 10 }, { kind: 'native', weight: 30 }],
  };

  it('accepts a call and fills defaults', () => {
    const out = CallCreate.parse(call);
    expect(out.rules.acceptedFields).toEqual([]);
    expect(out.criteria[1]).toEqual({ kind: 'native', weight: 30, countyShare: 0.5 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an end before the start', { endsOn: '1405/01/01' }, 'پایان ثبت‌نام پیش از آغاز آن است'],
    ['province quotas above the national one', { nationalQuota: 99 }, 'جمع سهمیه استان‌ها از سهمیه کشوری بیشتر است'],
    ['a province twice', { provinceQuotas: [{ provinceId: 1, quota: 1 }, { provinceId: 1, quota: 1 }] }, 'سهمیه هر استان تنها یک بار می‌آید'],
    ['min age above max age', { rules: { ...call.rules, minAge: 31 } }, 'حداقل سن از حداکثر سن بیشتر است'],
    ['a criterion twice', { criteria: [{ kind: 'married', weight: 1 }, { kind: 'married', weight: 2 }] }, 'هر معیار امتیاز تنها یک بار می‌آید'],
    ['a negative weight', { criteria: [{ kind: 'married', weight: -1 }] }, 'وزن نمی‌تواند منفی باشد'],
  ])('refuses %s, in Persian', (_name, change, message) => {
    expect(messages(CallCreate.safeParse({ ...call, ...change }))).toContain(message);
  });
});
