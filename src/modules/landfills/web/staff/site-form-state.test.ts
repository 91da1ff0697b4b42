import { describe, expect, it } from 'vitest';
import type { SiteView } from '../../api-types.js';
import { lfa } from './fa.js';
import { checkSite, errorsByField, fromSite, siteBody, typedNumber, type FormState } from './site-form-state.js';

const home = { id: 7, label: 'روستای الف' };

/** A filled form: a new site in `home` at the given coordinates. */
function filled(nums: Partial<FormState['nums']> = {}): FormState {
  const s = fromSite(null, home);
  return { ...s, name: ' محل الف ', kind: 'sanitary', nums: { ...s.nums, lat: '36.5', lon: '52.1', ...nums } };
}

describe('the site form', () => {
  it('starts a new site empty in the viewer\'s own village, and an edit from the record', () => {
    const s = fromSite(null, home);
    expect(s).toMatchObject({ name: '', kind: '', status: 'active', division: home, capacityUnit: 'm3', served: [] });
    expect(Object.values(s.nums).every((v) => v === '')).toBe(true);
    const site = { name: 'ب', externalId: 'X1', kind: 'open_dump', status: 'full', divisionId: 9, place: 'روستای ب', operator: '', capacityUnit: 't', soilNotes: '', flags: [], servedVillages: [{ id: 3, name: 'ج' }], lat: 36.25, lon: 52, startYear: null, areaM2: 1200 } as unknown as SiteView;
    const e = fromSite(site, home);
    expect(e).toMatchObject({ name: 'ب', externalId: 'X1', division: { id: 9, label: 'روستای ب' }, served: [{ id: 3, label: 'ج' }] });
    expect(e.nums).toMatchObject({ lat: '36.25', lon: '52', startYear: '', areaM2: '1200' });
  });

  it('reads numbers typed in any digits, with any decimal mark', () => {
    expect(typedNumber('۳۶٫۵۹', false)).toBe('36.59');
    expect(typedNumber('36/5/9', false)).toBe('36.59');
    expect(typedNumber('۱۳۹۸x', true)).toBe('1398');
  });

  it('asks for the name, kind, division and coordinates, and waits for the uploads', () => {
    const { errors, values } = checkSite({ ...fromSite(null, null), nums: { ...fromSite(null, null).nums, startYear: '1398', areaM2: '.' } }, true);
    expect(Object.keys(errors).sort()).toEqual(['divisionId', 'documentIds', 'kind', 'lat', 'lon', 'name']);
    expect(errors.lat).toBe(lfa.common.required);
    expect(errors.documentIds).toBe(lfa.form.waitUploads);
    expect(values).toMatchObject({ lat: null, startYear: 1398, areaM2: null });
  });

  it('passes a filled form and refuses a number that is not one', () => {
    expect(checkSite(filled(), false).errors).toEqual({});
    expect(checkSite(filled({ capacity: '1.2.3' }), false).errors).toEqual({ capacity: lfa.common.numberInvalid });
  });

  it('sends a new site without a version, an edit with it and the note only when the status changed', () => {
    const state = { ...filled(), externalId: ' ۱۲۳ ', statusNote: ' پر شد ', served: [{ id: 4, label: 'د' }] };
    const { values } = checkSite(state, false);
    const created = siteBody(state, values, ['d1'], null);
    expect(created).toMatchObject({ externalId: '123', name: 'محل الف', kind: 'sanitary', divisionId: 7, servedVillageIds: [4], documentIds: ['d1'], lat: 36.5, lon: 52.1, capacity: null });
    expect(created).not.toHaveProperty('version');
    expect(siteBody(state, values, [], { version: 3, statusChanged: true })).toMatchObject({ version: 3, statusNote: 'پر شد' });
    expect(siteBody(state, values, [], { version: 3, statusChanged: false })).toMatchObject({ version: 3, statusNote: '' });
    expect(siteBody({ ...state, externalId: '  ' }, values, [], null).externalId).toBeNull();
  });

  it('shows an array item\'s server error under the array\'s field (the first one)', () => {
    expect(errorsByField({ name: 'الف', 'servedVillageIds.3': 'ب', 'servedVillageIds.5': 'ج' })).toEqual({ name: 'الف', servedVillageIds: 'ب' });
  });
});
