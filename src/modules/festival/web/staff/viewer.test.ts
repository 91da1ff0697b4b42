import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../web/api.js';
import { festViewerOf, homePathOf } from './viewer.js';

type Grant = Me['roles'][number];
const country = { id: 1, name: 'ایران', level: 'country' as const, path: [] };
const province = { id: 5, name: 'مازندران', level: 'province' as const, path: [] };
const village = { id: 90, name: 'کندلوس', level: 'village' as const, path: [] };
const me = (roles: Grant[], permissions: string[]) => ({ roles, permissions });
const g = (role: string, division: Grant['division']): Grant => ({ role, title: role, division });

describe('festViewerOf', () => {
  it('a national rural expert manages and screens', () => {
    const v = festViewerOf(me([g('expert.rural', null)], ['festival.manage']));
    expect(v).toMatchObject({ manage: true, screens: true, provinceScreener: false, dehyari: false, judge: false });
    expect(homePathOf(v)).toBe('/app/festival/rounds');
  });

  it('a country-level grant counts as national too', () => {
    expect(festViewerOf(me([g('expert.rural', country)], ['festival.manage'])).manage).toBe(true);
  });

  it('a province rural expert only screens his province', () => {
    const v = festViewerOf(me([g('expert.rural', province)], ['festival.manage']));
    expect(v).toMatchObject({ manage: false, screens: true, provinceScreener: true, province: 'مازندران' });
    expect(homePathOf(v)).toBe('/app/festival/entries');
  });

  it('a province reviewer screens', () => {
    const v = festViewerOf(me([g('province.reviewer', province)], []));
    expect(v).toMatchObject({ manage: false, screens: true, provinceScreener: true });
  });

  it('the administrator manages', () => {
    expect(festViewerOf(me([g('admin', null)], ['festival.manage'])).manage).toBe(true);
  });

  it('a dehyari lands on his plans, a judge on his queue', () => {
    const d = festViewerOf(me([g('dehyari', village)], []));
    expect(d).toMatchObject({ dehyari: true, screens: false, manage: false });
    expect(homePathOf(d)).toBe('/app/festival/mine');
    const j = festViewerOf(me([g('judge', null)], ['festival.judge']));
    expect(j.judge).toBe(true);
    expect(homePathOf(j)).toBe('/app/festival/judging');
  });

  it('nobody signed in has no powers', () => {
    expect(festViewerOf(null)).toEqual({ manage: false, screens: false, provinceScreener: false, province: null, dehyari: false, judge: false });
  });
});
