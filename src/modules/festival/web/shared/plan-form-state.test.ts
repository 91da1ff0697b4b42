import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../web/api.js';
import type { Plan } from '../../contract.js';
import { decimalOrNull, decimalTyped, mapServerErrors, planFrom, stateFrom, validate, wholeOrNull } from './plan-form-state.js';

const saved: Plan = {
  axis: 'income', category: 'tourism', title: 'اقامتگاه بوم‌گردی', summary: 'خلاصه', problem: '', actions: 'ساختیم', partners: '',
  startYear: 1401, cost: 2_500_000_000, funding: [{ source: 'people', amount: 1_000_000_000 }], jobs: 12, incomePerYear: null,
  beneficiaries: 300, investment: null, figures: [{ label: 'گردشگر', unit: 'نفر', before: 200, after: 1500.5 }], lessons: '',
  contactName: 'دهیار', contactPhone: '09121234567', photos: ['a'], documents: { approval: ['b'] },
};

describe('plan form state', () => {
  it('round-trips a saved plan', () => {
    expect(planFrom(stateFrom(saved))).toEqual(saved);
  });
  it('starts empty and sends nulls for empty numbers', () => {
    const p = planFrom(stateFrom(null));
    expect(p.startYear).toBeNull();
    expect(p.jobs).toBeNull();
    expect(p.funding).toEqual([]);
    expect(p.documents).toEqual({});
  });
  it('reads Persian digits and trims text', () => {
    const s = { ...stateFrom(null), title: '  طرح  ', jobs: '۱۲', contactPhone: '۰۹۱۲ ۱۲۳-۴۵۶۷' };
    const p = planFrom(s);
    expect(p.title).toBe('طرح');
    expect(p.jobs).toBe(12);
    expect(p.contactPhone).toBe('09121234567');
  });
  it('parses decimals typed many ways', () => {
    expect(decimalOrNull('۲٫۵')).toBe(2.5);
    expect(decimalOrNull('−۳')).toBe(-3);
    expect(decimalOrNull('abc')).toBeNull();
    expect(decimalTyped('-۱۲x٫۵')).toBe('-12.5');
    expect(wholeOrNull('')).toBeNull();
  });
});

describe('validate', () => {
  it('finds half-filled rows, a bad year and a bad phone, and nothing in an empty draft', () => {
    expect(validate(stateFrom(null))).toEqual({});
    const s = {
      ...stateFrom(null),
      startYear: '1200',
      contactPhone: '0912',
      funding: [{ key: 'k', source: '' as const, amount: '' }],
      figures: [{ key: 'f', label: '', unit: '', before: '1', after: '' }],
    };
    expect(Object.keys(validate(s)).sort()).toEqual(['contactPhone', 'figures.0.after', 'figures.0.label', 'funding.0.amount', 'funding.0.source', 'startYear']);
  });
});

describe('mapServerErrors', () => {
  it('maps body paths to the form fields', () => {
    const err = new ApiError({
      status: 422, code: 'validation', title: 'خطا',
      errors: [
        { path: 'body.plan.title', message: 'عنوان را وارد کنید' },
        { path: 'plan.funding.1.amount', message: 'مبلغ باید عدد باشد' },
        { path: 'plan.documents.approval.0', message: 'سند معتبر نیست' },
        { path: 'villageId', message: 'روستا را انتخاب کنید' },
        { path: 'plan.figures', message: 'حداکثر ۱۰ شاخص' },
      ],
    });
    expect(mapServerErrors(err)).toEqual({
      title: 'عنوان را وارد کنید',
      'funding.1.amount': 'مبلغ باید عدد باشد',
      'documents.approval': 'سند معتبر نیست',
      village: 'روستا را انتخاب کنید',
      figures: 'حداکثر ۱۰ شاخص',
    });
  });
});
