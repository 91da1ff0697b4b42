import { describe, expect, it } from 'vitest';
import { faDay, faFigure, faRial, faShort } from './format.js';

describe('festival amounts', () => {
  it('writes large amounts in short Persian words', () => {
    expect(faShort(1_250_000_000)).toBe('۱٫۲۵ میلیارد');
    expect(faShort(3_000_000)).toBe('۳ میلیون');
    expect(faShort(2_500_000_000_000)).toBe('۲٫۵ هزار میلیارد');
    expect(faShort(850_000)).toBe('۸۵۰٬۰۰۰');
    expect(faShort(null)).toBe('—');
  });
  it('adds the unit to rials', () => {
    expect(faRial(4_000_000_000)).toBe('۴ میلیارد ریال');
    expect(faRial(undefined)).toBe('—');
  });
  it('writes figures with sign and decimals', () => {
    expect(faFigure(1500)).toBe('۱٬۵۰۰');
    expect(faFigure(2.5)).toBe('۲٫۵');
    expect(faFigure(-3)).toBe('−۳');
  });
  it('writes a Jalali day in Persian digits', () => {
    expect(faDay('1404/06/31')).toBe('۱۴۰۴/۰۶/۳۱');
  });
});
