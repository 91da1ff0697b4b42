import { describe, expect, it } from 'vitest';
import type { Spread } from '../../api-types.js';
import { ADOPTER, ORIGIN, spreadPoints } from './spread-points.js';

const place = { villageId: 1, village: 'کندلوس', county: 'نوشهر', province: 'مازندران', provinceId: 5 };
const spread: Spread = {
  plans: [{ entryId: 'e1', title: 'گردشگری کندلوس', place, replications: 2, questions: 1, answered: 1, provinces: 2 }],
  byProvince: [],
  links: [
    { entryId: 'e1', from: { villageId: 1, lat: 36.5, lon: 51.3 }, to: { villageId: 2, village: 'ماسوله', lat: 37.1, lon: 48.9 } },
    { entryId: 'e1', from: { villageId: 1, lat: 36.5, lon: 51.3 }, to: { villageId: 3, village: 'ابیانه', lat: null, lon: null } },
  ],
  totals: { plans: 1, replications: 2, villages: 2, provinces: 2, questions: 1, answered: 1 },
};

describe('spreadPoints', () => {
  it('one point per plan village and per adopting village with coordinates', () => {
    const points = spreadPoints(spread);
    expect(points).toHaveLength(2);
    expect(points[0]).toMatchObject({ id: 'o:e1', color: ORIGIN, label: 'گردشگری کندلوس', href: '/showcase/e1' });
    expect(points[0]!.details).toContain('۲ الگوبرداری');
    expect(points[1]).toMatchObject({ id: 'a:2:e1', color: ADOPTER, label: 'ماسوله' });
  });
});
