import { describe, expect, it } from 'vitest';
import { siteTipLines, villageTipLines } from './labels.js';

const site = { id: 'a', lat: 36, lon: 53, label: 'محل ساری', open: true, existing: true, load: 12.5, capacity: 40 };

describe('siteTipLines', () => {
  it('tells an open site its load of capacity and the villages it takes, in Persian digits', () => {
    expect(siteTipLines(site, 1234)).toEqual(['محل ساری', 'مرکز باز — محل موجود', 'بار: ۱۲٫۵ از ۴۰ تن در روز', '۱٬۲۳۴ روستا']);
  });
  it('says when the capacity has no limit', () => {
    expect(siteTipLines({ ...site, capacity: null }, 3)[2]).toBe('بار: ۱۲٫۵ تن در روز (ظرفیت نامحدود)');
  });
  it('tells a closed new candidate its capacity only', () => {
    expect(siteTipLines({ ...site, open: false, existing: false, load: undefined, capacity: 8 }, 0)).toEqual(['محل ساری', 'کاندید بسته — محل جدید', 'ظرفیت: ۸ تن در روز']);
  });
  it('uses no Latin digits', () => {
    expect(siteTipLines(site, 77).join(' ')).not.toMatch(/[0-9]/);
  });
});

describe('villageTipLines', () => {
  it('tells the waste and the site', () => {
    expect(villageTipLines({ id: 'v', lat: 36, lon: 53, label: 'کیاکلا', siteId: 'a', demand: 0.75 }, 'محل ساری')).toEqual([
      'کیاکلا',
      'پسماند: ۰٫۷۵ تن در روز',
      'مرکز: محل ساری',
    ]);
  });
  it('says when no site takes the village', () => {
    expect(villageTipLines({ id: 'v', lat: 36, lon: 53, label: 'کیاکلا', siteId: null }, null)).toEqual(['کیاکلا', 'بدون مرکز']);
  });
});
