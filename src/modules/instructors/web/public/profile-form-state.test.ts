import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../web/api.js';
import { asCompletenessInput, emptyRow, mapServerErrors, newRowId, payload, stateFrom, validate } from './profile-form-state.js';
import { completeness } from '../../completeness.js';

// The profile form's pure part: what it sends, what it refuses before sending, and where the server's errors land.

function filled() {
  const s = stateFrom(null);
  s.nationalCode = '0499370899';
  s.firstName = 'مریم';
  s.lastName = 'احمدی';
  s.birthDate = '1362/4/25';
  s.provinceId = '3';
  s.expertise = ['urban_planning'];
  s.education = [{ ...emptyRow.education(), degree: 'master', field: 'شهرسازی', university: 'دانشگاه تهران', year: '1390', documents: ['9b2f7c1e-1f5a-4c1e-9d51-7a0f3c2b1a00'] }];
  s.experience = [{ ...emptyRow.experience(), organization: 'شهرداری ساری', title: 'کارشناس', fromYear: '۱۳۹۲' }];
  return s;
}

describe('profile form state', () => {
  it('row ids are unique and fit the contract', () => {
    const ids = new Set(Array.from({ length: 200 }, newRowId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
  });

  it('sends numbers as numbers (Persian digits read), the birth date as typed Jalali, an open-ended job as null', () => {
    const body = payload(filled(), 4);
    expect(body.version).toBe(4);
    expect(body.provinceId).toBe(3);
    expect(body.birthDate).toBe('1362/4/25');
    expect(body.education[0]!.year).toBe(1390);
    expect(body.experience[0]!.fromYear).toBe(1392);
    expect(body.experience[0]!.toYear).toBeNull();
    expect(body.publications).toEqual([]);
  });

  it('round-trips a saved profile', () => {
    const s = filled();
    const body = payload(s, 1);
    const again = stateFrom({ profile: { ...body, birthDate: '1983-07-16T00:00:00.000Z' }, birthDateJalali: '1362/04/25' } as never);
    expect(payload(again, 1)).toEqual({ ...body, birthDate: '1362/04/25' });
  });

  it('refuses what is missing or malformed before sending, keyed by the body path', () => {
    const s = filled();
    s.nationalCode = '12345';
    s.birthDate = '1362/13/40';
    s.education[0]!.year = '90';
    s.experience[0]!.toYear = '1380';
    s.teaching = [emptyRow.teaching()];
    const e = validate(s);
    expect(Object.keys(e).sort()).toEqual(
      ['birthDate', 'education.0.year', 'experience.0.toYear', 'nationalCode', 'teaching.0.course', 'teaching.0.field', 'teaching.0.hours', 'teaching.0.organization', 'teaching.0.year'].sort(),
    );
    expect(validate(filled())).toEqual({});
  });

  it('puts server errors next to their fields', () => {
    const err = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'داده‌های ارسالی معتبر نیست.',
      errors: [
        { path: 'body.education.0.year', message: 'سال از ۱۳۳۰ به بعد' },
        { path: 'body.teaching.1.documents.0', message: 'سند معتبر نیست' },
        { path: 'body.availability.provinceIds.2', message: 'استان معتبر نیست' },
        { path: 'body.expertise', message: 'زمینه تکراری' },
        { path: 'body.nationalCode', message: 'کد ملی معتبر نیست' },
      ],
    });
    expect(mapServerErrors(err)).toEqual({
      'education.0.year': 'سال از ۱۳۳۰ به بعد',
      'teaching.1.documents': 'سند معتبر نیست',
      availability: 'استان معتبر نیست',
      expertise: 'زمینه تکراری',
      nationalCode: 'کد ملی معتبر نیست',
    });
  });

  it('feeds the live completeness meter', () => {
    expect(completeness(asCompletenessInput(stateFrom(null))).ready).toBe(false);
    expect(completeness(asCompletenessInput(filled())).ready).toBe(true);
  });
});
