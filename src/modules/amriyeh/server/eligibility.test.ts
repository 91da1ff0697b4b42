import { describe, expect, it } from 'vitest';
import { parseJalaliDate } from '../../../core/fa/jalali.js';
import { EligibilityRules, type ResidenceScope } from '../contract.js';
import { sameAncestor } from '../../../core/org/path.js';
import { ageInFullYears, checkEligibility, DEFAULT_RULES, type EligibilityApplicant } from './eligibility.js';

const day = (s: string): Date => {
  const d = parseJalaliDate(s);
  if (d === null) throw new Error(`not a Jalali date: ${s}`);
  return d;
};

// Division paths: province 1 / county 10 / district 100 / rural district 1000 / village 10000.
const STATION = { id: 's1', name: 'ایستگاه آتش‌نشانی دهیاری کندوان', path: '/1/10/100/1000/10000/' };
const REF = day('1404/07/01');

const base: EligibilityApplicant = {
  birthDate: day('1380/05/10'),
  educationLevel: 'diploma',
  fieldOfStudy: 'ریاضی فیزیک',
  residencePath: '/1/10/100/1001/10010/',
  conscriptionStatus: 'eligible',
  stations: [STATION],
};
const rules = (over: Partial<EligibilityRules> = {}): EligibilityRules => ({ ...DEFAULT_RULES, ...over });

describe('ageInFullYears (Jalali calendar)', () => {
  it.each([
    ['1386/07/01', '1404/07/01', 18, 'birthday exactly on the reference date: the year is complete'],
    ['1386/07/02', '1404/07/01', 17, 'birthday tomorrow'],
    ['1386/06/31', '1404/07/01', 18, 'birthday yesterday (end of Shahrivar)'],
    ['1383/12/30', '1401/12/29', 17, 'Esfand 30 born, last day of a common year: not yet'],
    ['1383/12/30', '1402/01/01', 18, 'Esfand 30 born: the year completes on 1 Farvardin of a common year'],
    ['1383/12/30', '1403/12/29', 19, 'Esfand 30 born, leap year, the day before'],
    ['1383/12/30', '1403/12/30', 20, 'Esfand 30 born, leap year, on the day'],
    ['1387/01/01', '1404/12/29', 17, 'Farvardin 1 born, the last day of the year'],
    ['1360/04/15', '1404/07/01', 44, 'a date of the DST era (+04:30 summers)'],
  ])('%s on %s → %i (%s)', (birth, at, age) => {
    expect(ageInFullYears(day(birth), day(at))).toBe(age);
  });

  it('ignores the time of day of the reference instant (Tehran day)', () => {
    const lateEvening = new Date(day('1404/07/02').getTime() - 60_000); // 1404/07/01 23:59 in Tehran
    expect(ageInFullYears(day('1386/07/01'), lateEvening)).toBe(18);
    expect(ageInFullYears(day('1386/07/02'), lateEvening)).toBe(17);
  });

  it('1385 is not a leap year: 1385/12/30 does not exist', () => {
    expect(parseJalaliDate('1385/12/30')).toBeNull();
    expect(parseJalaliDate('1383/12/30')).not.toBeNull();
  });
});

describe('sameAncestor', () => {
  it.each([
    ['/1/10/100/1000/', '/1/10/100/', 3, true],
    ['/1/10/100/1000/', '/1/10/101/', 3, false],
    ['/1/10/100/1000/', '/1/10/101/', 2, true],
    ['/1/10/', '/1/10/100/', 3, false],
    ['/12/', '/1/', 1, false],
  ] as const)('%s ~ %s at depth %i → %s', (a, b, depth, want) => {
    expect(sameAncestor(a, b, depth)).toBe(want);
  });
});

describe('checkEligibility', () => {
  type Case = [string, Partial<EligibilityRules>, Partial<EligibilityApplicant>, string[]];
  const cases: Case[] = [
    ['a plain eligible applicant', {}, {}, []],
    ['below the minimum education', {}, { educationLevel: 'below_diploma' }, ['education']],
    ['above the minimum education', { minEducation: 'associate' }, { educationLevel: 'master' }, []],
    ['no minimum education', { minEducation: null }, { educationLevel: 'below_diploma' }, []],
    ['18 exactly on the reference date', {}, { birthDate: day('1386/07/01') }, []],
    ['18 tomorrow', {}, { birthDate: day('1386/07/02') }, ['age']],
    ['30 exactly: still within the range', {}, { birthDate: day('1374/07/02') }, []],
    ['31 exactly on the reference date', {}, { birthDate: day('1373/07/01') }, ['age']],
    ['Persian digits in the typed birth date', {}, { birthDate: '۱۳۸۶/۰۷/۰۱' }, []],
    ['Persian digits, one day short of 18', {}, { birthDate: '۱۳۸۶/۰۷/۰۲' }, ['age']],
    ['a birth date that does not exist (1385 is not leap)', {}, { birthDate: '1385/12/30' }, ['birthDate']],
    ['accepted field, typed with Arabic letters and a space for the half-space', { acceptedFields: ['آتش‌نشانی', 'ایمنی صنعتی'] }, { fieldOfStudy: ' آتش نشاني ' }, []],
    ['field outside the list', { acceptedFields: ['آتش‌نشانی'] }, { fieldOfStudy: 'ادبیات فارسی' }, ['field']],
    ['empty field list accepts any field', { acceptedFields: [] }, { fieldOfStudy: 'ادبیات فارسی' }, []],
    ['resident of the station county (another district)', { residence: 'county' }, { residencePath: '/1/10/101/' }, []],
    ['resident of another county of the province', { residence: 'county' }, { residencePath: '/1/11/110/' }, ['residence']],
    ['province rule: another county is fine', { residence: 'province' }, { residencePath: '/1/11/110/' }, []],
    ['district rule: another district fails', { residence: 'district' }, { residencePath: '/1/10/101/' }, ['residence']],
    ['no residence rule', { residence: 'any' as ResidenceScope }, { residencePath: '/2/20/' }, []],
    ['residence checked for every ranked station', { residence: 'county' }, { stations: [STATION, { id: 's2', name: 'ایستگاه ب', path: '/1/11/110/1100/11000/' }] }, ['residence']],
    ['absent conscript', {}, { conscriptionStatus: 'absent' }, ['conscription']],
    ['ready to serve', {}, { conscriptionStatus: 'ready_to_serve' }, []],
    ['several failures at once', {}, { educationLevel: 'below_diploma', birthDate: day('1390/01/01'), conscriptionStatus: 'exempt', residencePath: '/2/20/' }, ['education', 'age', 'residence', 'conscription']],
  ];

  it.each(cases)('%s', (_name, r, a, failed) => {
    const out = checkEligibility(rules(r), { ...base, ...a }, REF);
    expect(out.failures.map((f) => f.rule)).toEqual(failed);
    expect(out.eligible).toBe(failed.length === 0);
    for (const f of out.failures) expect(f.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('says why, in Persian with Persian digits', () => {
    const out = checkEligibility(rules(), { ...base, birthDate: day('1386/07/02'), conscriptionStatus: 'absent' }, REF);
    expect(out.failures).toEqual([
      { rule: 'age', message: 'سن شما در تاریخ مبنا ۱۷ سال تمام است؛ حداقل سن ۱۸ سال است' },
      { rule: 'conscription', message: 'وضعیت نظام وظیفه «غایب» پذیرفته نیست؛ وضعیت‌های پذیرفته: «مشمول (در انتظار اعزام)»، «دارای برگ آماده به خدمت»' },
    ]);
  });

  it('the default rules are valid published rules', () => {
    expect(EligibilityRules.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });
});
