import { describe, expect, it } from 'vitest';
import type { OwnerEntry } from '../../api-types.js';
import { villagesWithRoom } from './mine.js';

const e = (roundId: number, villageId: number, state: OwnerEntry['state']) => ({ roundId, state, place: { villageId, village: '', county: '', province: '', provinceId: 1 } });

describe('villagesWithRoom', () => {
  it('a village has room below three live entries in the round', () => {
    const villages = [{ id: 1, label: 'الف' }, { id: 2, label: 'ب' }];
    const entries = [e(7, 1, 'draft'), e(7, 1, 'province_screening'), e(7, 1, 'returned'), e(7, 2, 'draft'), e(6, 2, 'selected'), e(6, 2, 'not_selected'), e(6, 2, 'draft')];
    expect(villagesWithRoom(entries, 7, villages).map((v) => v.id)).toEqual([2]);
  });

  it('withdrawn and ineligible entries do not count', () => {
    const entries = [e(7, 1, 'withdrawn'), e(7, 1, 'ineligible'), e(7, 1, 'draft'), e(7, 1, 'draft')];
    expect(villagesWithRoom(entries, 7, [{ id: 1 }])).toHaveLength(1);
  });
});
