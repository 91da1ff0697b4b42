import { describe, expect, it } from 'vitest';
import { fp } from './fa-plan.js';
import { placeServerErrors, readUpload, scenarioBody, uploadPath, uploadSettings, validateScenario, type ScenarioFormValues } from './scenario-form.js';

const registry: ScenarioFormValues = {
  name: ' سناریو ',
  divisionId: '12',
  source: 'registry',
  kg: '0.6',
  statuses: ['active'],
  capacitated: true,
  candidates: [],
  upload: null,
  mode: 'p',
  p: '3',
  openCost: '',
  roadFactor: '1.3',
  timeLimit: '',
};

describe('the scenario form', () => {
  it('reads an uploaded file: JSON with sites and villages, else why not', () => {
    expect(readUpload('a.json', '{not json')).toEqual({ error: fp.create.fileNotJson });
    expect(readUpload('a.json', '')).toEqual({ error: fp.create.fileNotJson });
    expect(readUpload('a.json', '[1]')).toEqual({ error: fp.create.fileShape });
    expect(readUpload('a.json', '{"sites": []}')).toEqual({ error: fp.create.fileShape });
    const read = readUpload('a.json', JSON.stringify({ sites: [{}, {}], villages: [{}], distances: [] }));
    expect(read).toMatchObject({ upload: { filename: 'a.json', sites: 2, villages: 1, hasDistances: true } });
  });

  it('fills its settings from the file\'s own', () => {
    expect(uploadSettings({ p: 4, openCost: 9, roadFactor: 1.5, timeLimitSeconds: 7.6 })).toEqual({ mode: 'p', p: '4', roadFactor: '1.5', timeLimit: '8' });
    expect(uploadSettings({ openCost: 40 })).toEqual({ mode: 'openCost', openCost: '40' });
    expect(uploadSettings({ p: 'x' })).toEqual({});
  });

  it('checks the fields of the chosen source and mode', () => {
    expect(validateScenario(registry, undefined)).toEqual({});
    const e = validateScenario(
      { ...registry, name: ' ', divisionId: '', p: '0', roadFactor: '4', timeLimit: '200', kg: '9', statuses: [], candidates: [{ key: 1, name: '', lat: '36', lon: '', capacity: '' }] },
      undefined,
    );
    expect(Object.keys(e).sort()).toEqual(['candidateStatuses', 'divisionId', 'kgPerCapita', 'name', 'newCandidates.0.lon', 'newCandidates.0.name', 'p', 'roadFactor', 'timeLimitSeconds']);
    expect(validateScenario({ ...registry, mode: 'openCost' }, undefined)).toEqual({ openCost: fp.common.required });
    expect(validateScenario({ ...registry, source: 'upload', kg: '' }, undefined)).toEqual({ file: fp.create.fileMissing });
    expect(validateScenario({ ...registry, source: 'upload' }, 'بد')).toEqual({ file: 'بد' });
  });

  it('sends the registry\'s settings, or the uploaded input with the form\'s settings', () => {
    const withRow = { ...registry, candidates: [{ key: 1, name: ' نقطه ', lat: '36.5', lon: '52', capacity: '' }] };
    expect(scenarioBody(withRow)).toEqual({
      source: 'registry',
      name: 'سناریو',
      divisionId: 12,
      p: 3,
      openCost: null,
      roadFactor: 1.3,
      timeLimitSeconds: null,
      kgPerCapita: 0.6,
      candidateStatuses: ['active'],
      capacitated: true,
      newCandidates: [{ name: 'نقطه', lat: 36.5, lon: 52, capacity: null }],
    });
    const upload = { filename: 'a.json', data: { p: 9, sites: [], villages: [] }, sites: 0, villages: 0, hasDistances: false };
    expect(scenarioBody({ ...registry, source: 'upload', upload, mode: 'openCost', openCost: '40', timeLimit: '30' })).toEqual({
      source: 'upload',
      name: 'سناریو',
      divisionId: 12,
      input: { p: null, openCost: 40, roadFactor: 1.3, timeLimitSeconds: 30, sites: [], villages: [] },
    });
  });

  it('places the server\'s errors on the fields, an input file\'s in Persian words, the rest on top', () => {
    expect(uploadPath('sites.3.lat')).toBe('محل ۴ (lat)');
    expect(uploadPath('villages.0')).toBe('روستای ۱');
    expect(uploadPath('p')).toBe('p');
    expect(placeServerErrors({ name: 'الف', 'input.p': 'ب', 'newCandidates.1.lat': 'ج', 'input.sites.0.lat': 'د', 'input.villages.2': 'ه', other: 'و' })).toEqual({
      placed: { name: 'الف', p: 'ب', 'newCandidates.1.lat': 'ج', file: 'محل ۱ (lat): د' },
      rest: ['و'],
    });
  });
});
