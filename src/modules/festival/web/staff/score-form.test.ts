import { describe, expect, it } from 'vitest';
import { halfSteps, liveTotal, scoreBody, scoreFormOf } from './score-form.js';

const rubric = [
  { key: 'impact', title: 'اثر', weight: 30, max: 10 },
  { key: 'innovation', title: 'نوآوری', weight: 70, max: 20 },
];

describe('score form', () => {
  it('half steps run from 0 to max', () => {
    expect(halfSteps(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(halfSteps(10)).toHaveLength(21);
  });

  it('starts empty, or from the saved score', () => {
    expect(scoreFormOf(rubric, null)).toEqual({ impact: { score: '', comment: '' }, innovation: { score: '', comment: '' } });
    const saved = { criteria: { impact: { score: 7.5, comment: 'خوب' } }, total: 22.5, version: 3, updatedAt: '2026-01-01T00:00:00Z' };
    expect(scoreFormOf(rubric, saved).impact).toEqual({ score: '7.5', comment: 'خوب' });
  });

  it('the live total is Σ weight × score / max over what is scored', () => {
    expect(liveTotal(rubric, { impact: { score: '', comment: '' }, innovation: { score: '', comment: '' } })).toEqual({ total: 0, scored: 0 });
    // 30 × 7.5/10 = 22.5; 70 × 10/20 = 35
    expect(liveTotal(rubric, { impact: { score: '7.5', comment: '' }, innovation: { score: '', comment: '' } })).toEqual({ total: 22.5, scored: 1 });
    expect(liveTotal(rubric, { impact: { score: '7.5', comment: '' }, innovation: { score: '10', comment: '' } })).toEqual({ total: 57.5, scored: 2 });
    expect(liveTotal(rubric, { impact: { score: '10', comment: '' }, innovation: { score: '20', comment: '' } }).total).toBe(100);
  });

  it('the body needs a score in halves within the scale and a comment for every criterion', () => {
    const errors: Record<string, string> = {};
    const body = scoreBody(rubric, { impact: { score: '7.5', comment: '  روشن ' }, innovation: { score: '', comment: '' } }, errors);
    expect(Object.keys(errors).sort()).toEqual(['innovation.comment', 'innovation.score']);
    expect(body.impact).toEqual({ score: 7.5, comment: 'روشن' });

    const e2: Record<string, string> = {};
    scoreBody(rubric, { impact: { score: '10.5', comment: 'الف' }, innovation: { score: '3.25', comment: 'ب' } }, e2);
    expect(Object.keys(e2).sort()).toEqual(['impact.score', 'innovation.score']);

    const ok: Record<string, string> = {};
    expect(scoreBody(rubric, { impact: { score: '0', comment: 'الف' }, innovation: { score: '20', comment: 'ب' } }, ok)).toEqual({ impact: { score: 0, comment: 'الف' }, innovation: { score: 20, comment: 'ب' } });
    expect(ok).toEqual({});
  });
});
