import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SIMILARITY_BONUS, similarPlans, tokenize, type SimilarPlanInput } from './similar.js';

const ZWNJ = '\u200c';

function plan(id: string, text: string, over: Partial<SimilarPlanInput> = {}): SimilarPlanInput {
  return { id, axis: 'income', category: null, provincePath: '', text, ...over };
}

describe('tokenize', () => {
  it('normalizes, splits on non-letters and drops stop words and one-letter tokens', () => {
    expect(tokenize('احداث گلخانه‌های هیدروپونیک در روستا و اشتغال ۱۲ نفر، با کمک بانک!')).toEqual([
      'احداث',
      'گلخانه',
      'هیدروپونیک',
      'روستا',
      'اشتغال',
      '12',
      'نفر',
      'کمک',
      'بانک',
    ]);
  });

  it('Arabic ي/ك, half-spaces and diacritics give the same tokens as plain Persian', () => {
    expect(tokenize(`كشت گلخانه${ZWNJ}اي در روستاي بُزرگ`)).toEqual(tokenize('کشت گلخانه ای در روستای بزرگ'));
    expect(tokenize('كشت')).toEqual(['کشت']);
  });

  it('empty or punctuation-only text gives no tokens', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ، . ؛ ! ')).toEqual([]);
    expect(tokenize('و در به از که این را با')).toEqual([]);
  });
});

describe('similarPlans', () => {
  const greenhouse1 = plan('g1', 'احداث گلخانه هیدروپونیک و اشتغال جوانان روستا در پرورش خیار گلخانه ای', {
    category: 'greenhouse',
    provincePath: '/3/41/',
  });
  const greenhouse2 = plan('g2', 'گلخانه توت فرنگی با اشتغال زنان روستایی و فروش محصول گلخانه', {
    category: 'greenhouse',
    provincePath: '/7/',
  });
  const greenhouse3 = plan('g3', 'توسعه گلخانه های کوچک خانگی و ایجاد اشتغال پایدار برای خانوارها', {
    category: 'greenhouse',
    provincePath: '/9/',
  });
  const road = plan('r1', 'آسفالت معابر روستا و جدول گذاری خیابان اصلی دهیاری', {
    axis: 'construction',
    category: 'roads',
    provincePath: '/3/',
  });
  const all = [greenhouse1, greenhouse2, greenhouse3, road];

  it('greenhouse plans rank above the road plan for a greenhouse target', () => {
    const target = plan('t', 'گلخانه سبزی و صیفی با اشتغال جوانان', { category: 'greenhouse', provincePath: '/5/' });
    const out = similarPlans(target, all);
    expect(out.map((s) => s.id).slice(0, 3).sort()).toEqual(['g1', 'g2', 'g3']);
    const roadScore = out.find((s) => s.id === 'r1')?.score ?? 0;
    for (const s of out.slice(0, 3)) expect(s.score).toBeGreaterThan(roadScore);
  });

  it('the road target finds the road plan first', () => {
    const target = plan('t', 'آسفالت کوچه های روستا', { axis: 'construction', category: 'roads', provincePath: '/1/' });
    expect(similarPlans(target, all)[0]?.id).toBe('r1');
  });

  it('Arabic ي/ك and half-spaces in the target match Persian ی/ک in the plans', () => {
    const persian = plan('p', 'کشت گلخانه‌ای خیار و اشتغال روستاییان');
    const other = plan('o', 'لایروبی قنات و مرمت آب انبار');
    const target = plan('t', `كشت گلخانه${ZWNJ}اي خيار و اشتغال روستاييان`);
    const out = similarPlans(target, [other, persian]);
    expect(out[0]).toEqual({ id: 'p', score: expect.closeTo(1 + SIMILARITY_BONUS.sameAxis, 9) });
  });

  it('never returns the target, even when it is in the list (or listed twice)', () => {
    const out = similarPlans(greenhouse1, [greenhouse1, ...all, greenhouse1], 10);
    expect(out.map((s) => s.id)).not.toContain('g1');
    expect(out).toHaveLength(3);
  });

  it('respects the limit and defaults to 4', () => {
    const many = Array.from({ length: 10 }, (_, i) => plan(`m${i}`, `گلخانه شماره ${i}`));
    const target = plan('t', 'گلخانه');
    expect(similarPlans(target, many)).toHaveLength(4);
    expect(similarPlans(target, many, 2)).toHaveLength(2);
    expect(similarPlans(target, many, 0)).toEqual([]);
    expect(similarPlans(target, many, 50)).toHaveLength(10);
    expect(() => similarPlans(target, many, -1)).toThrow(RangeError);
    expect(() => similarPlans(target, many, 1.5)).toThrow(RangeError);
  });

  it('breaks ties by id, independent of input order', () => {
    const a = plan('b', 'گلخانه خیار');
    const b = plan('a', 'گلخانه خیار');
    const c = plan('c', 'گلخانه خیار');
    const target = plan('t', 'گلخانه خیار');
    const ids = (ps: SimilarPlanInput[]) => similarPlans(target, ps).map((s) => s.id);
    expect(ids([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(ids([c, a, b])).toEqual(['a', 'b', 'c']);
  });

  it('applies the documented bonuses for same axis, category and province', () => {
    const target = plan('t', '', { axis: 'income', category: 'greenhouse', provincePath: '/3/41/' });
    const out = similarPlans(target, [
      plan('axis', '', { axis: 'income', category: 'dairy', provincePath: '/8/' }),
      plan('all', '', { axis: 'income', category: 'greenhouse', provincePath: '/3/99/' }),
      plan('prov', '', { axis: 'construction', category: null, provincePath: '/3/' }),
      plan('none', '', { axis: 'construction', category: null, provincePath: '/4/' }),
    ]);
    const { sameAxis, sameCategory, sameProvince } = SIMILARITY_BONUS;
    expect(out).toEqual([
      { id: 'all', score: expect.closeTo(sameAxis + sameCategory + sameProvince, 12) },
      { id: 'axis', score: expect.closeTo(sameAxis, 12) },
      { id: 'prov', score: expect.closeTo(sameProvince, 12) },
    ]);
  });

  it('a null category never matches another null category', () => {
    const target = plan('t', '', { axis: 'x', category: null, provincePath: '/1/' });
    expect(similarPlans(target, [plan('p', '', { axis: 'y', category: null, provincePath: '/2/' })])).toEqual([]);
  });

  it('works with empty texts and an empty collection', () => {
    expect(similarPlans(plan('t', ''), [])).toEqual([]);
    expect(similarPlans(plan('t', ''), [plan('p', '')])).toEqual([{ id: 'p', score: SIMILARITY_BONUS.sameAxis }]);
    const out = similarPlans(plan('t', '', { axis: 'z' }), all);
    expect(out.every((s) => Number.isFinite(s.score))).toBe(true);
  });

  it('property: scores are finite, bounded, sorted non-increasing; target never returned; limit respected', () => {
    const words = ['گلخانه', 'اشتغال', 'روستا', 'آسفالت', 'كشت', 'خيار', 'قنات', 'دام', 'و', 'در', '۱۲', 'نفر'];
    const text = fc.oneof(
      fc
        .tuple(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom(' ', ZWNJ, '، '))
        .map(([ws, sep]) => ws.join(sep)),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    const planArb = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      axis: fc.constantFrom('income', 'construction'),
      category: fc.option(fc.constantFrom('greenhouse', 'roads'), { nil: null }),
      provincePath: fc.constantFrom('/1/', '/1/5/', '/2/', '', 'x'),
      text,
    });
    fc.assert(
      fc.property(planArb, fc.array(planArb, { maxLength: 10 }), fc.integer({ min: 0, max: 6 }), (target, plans, limit) => {
        const out = similarPlans(target, plans, limit);
        expect(out.length).toBeLessThanOrEqual(limit);
        expect(out.map((s) => s.id)).not.toContain(target.id);
        expect(new Set(out.map((s) => s.id)).size).toBe(out.length);
        const max = 1 + SIMILARITY_BONUS.sameAxis + SIMILARITY_BONUS.sameCategory + SIMILARITY_BONUS.sameProvince;
        for (let i = 0; i < out.length; i++) {
          const s = out[i]!;
          expect(Number.isFinite(s.score)).toBe(true);
          expect(s.score).toBeGreaterThan(0);
          expect(s.score).toBeLessThanOrEqual(max + 1e-9);
          if (i > 0) {
            const prev = out[i - 1]!;
            expect(prev.score).toBeGreaterThanOrEqual(s.score);
            if (prev.score === s.score) expect(prev.id < s.id).toBe(true);
          }
        }
        // Deterministic: the same input in reverse order gives the same answer (first plan per id kept, so dedupe first).
        const unique = plans.filter((p, i) => plans.findIndex((q) => q.id === p.id) === i);
        expect(similarPlans(target, [...unique].reverse(), limit)).toEqual(similarPlans(target, unique, limit));
      }),
      { numRuns: 300 },
    );
  });
});
