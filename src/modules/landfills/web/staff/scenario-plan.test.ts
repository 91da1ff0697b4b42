import { describe, expect, it } from 'vitest';
import type { ScenarioResult, ScenarioView } from '../../api-types.js';
import { gapText, scenarioMapProps } from './scenario-plan.js';

const result = (r: Partial<ScenarioResult> & { provedOptimal?: boolean }): ScenarioResult =>
  ({ open: [], assignment: {}, loads: [], gap: null, ...r, stats: { method: 'x', provedOptimal: r.provedOptimal ?? false, stoppedBy: 'x', elapsedMs: 1 } }) as unknown as ScenarioResult;

describe('a solved scenario', () => {
  it('draws every placed candidate, kept or closed, and every placed village with its site', () => {
    const view = {
      labels: {
        sites: {
          S1: { name: 'الف', lat: 36, lon: 52, existing: true, siteId: 4 },
          S2: { name: 'ب', lat: 36.1, lon: 52.1, existing: false, siteId: null },
          S3: { name: 'بی‌جا', lat: null, lon: null, existing: true, siteId: 5 },
        },
        villages: { V1: { name: 'یک', lat: 36.2, lon: 52.2 }, V2: { name: 'دو', lat: 36.3, lon: 52.3 }, V3: { name: 'سه', lat: null, lon: 1 } },
      },
      result: result({ open: ['S1'], assignment: { V1: 'S1' }, loads: [{ siteId: 'S1', villages: 1, load: 2.5, capacity: 40, tonKm: 3 }] }),
    } as unknown as ScenarioView;
    expect(scenarioMapProps(view)).toEqual({
      sites: [
        { id: 'S1', lat: 36, lon: 52, label: 'الف', open: true, existing: true, load: 2.5, capacity: 40 },
        { id: 'S2', lat: 36.1, lon: 52.1, label: 'ب', open: false, existing: false },
      ],
      villages: [
        { id: 'V1', lat: 36.2, lon: 52.2, label: 'یک', siteId: 'S1' },
        { id: 'V2', lat: 36.3, lon: 52.3, label: 'دو', siteId: null },
      ],
    });
  });

  it('says how far from the best plan it is', () => {
    expect(gapText(result({ provedOptimal: true, gap: 0.2 }))).toBe('بهینه بودن اثبات شد');
    expect(gapText(result({ gap: 0 }))).toBe('بهینه بودن اثبات شد');
    expect(gapText(result({ gap: null }))).toBe('فاصله از بهینه معلوم نیست');
    expect(gapText(result({ gap: 0.034 }))).toBe('حداکثر ۳٫۴٪ با بهینه فاصله دارد');
    expect(gapText(result({ gap: 0.0056 }))).toBe('حداکثر ۰٫۵۶٪ با بهینه فاصله دارد');
  });
});
