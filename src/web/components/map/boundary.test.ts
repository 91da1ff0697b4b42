import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inRing, labelPoint, loadProvinces } from './boundary.js';
import { IRAN_BOX } from './bounds.js';
import type { Position } from './simplify.js';

describe('the shipped province boundaries', () => {
  it('are small enough to ship (≤ 150 KB)', () => {
    const bytes = readFileSync(new URL('./iran-provinces.geo.json', import.meta.url)).length;
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
  });

  it('hold the 31 provinces, each once, with a Persian and an English name and closed rings inside Iran', async () => {
    const fc = await loadProvinces();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(31);
    const names = fc.features.map((f) => f.properties.name);
    expect(new Set(names).size).toBe(31);
    for (const n of ['تهران', 'مازندران', 'اصفهان', 'سیستان و بلوچستان', 'خراسان رضوی', 'البرز', 'کهگیلویه و بویراحمد']) expect(names).toContain(n);
    const [[s, w], [n, e]] = IRAN_BOX;
    for (const f of fc.features) {
      expect(f.properties.name).toMatch(/^[\u0600-\u06FF\u200c ]+$/);
      expect(f.properties.nameEn).toMatch(/^[A-Za-z -]+$/);
      expect(f.geometry.type).toBe('MultiPolygon');
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [lon, lat] of ring) expect(lat >= s && lat <= n && lon >= w && lon <= e).toBe(true);
        }
      }
    }
  });

  it('put Sari in Mazandaran, Isfahan in Isfahan, Zahedan in Sistan and Baluchestan, Tehran in Tehran', async () => {
    const fc = await loadProvinces();
    const provinceAt = (lon: number, lat: number) =>
      fc.features.filter((f) => f.geometry.coordinates.some((poly) => inRing([lon, lat], poly[0]!))).map((f) => f.properties.name);
    expect(provinceAt(53.06, 36.56)).toEqual(['مازندران']);
    expect(provinceAt(51.67, 32.65)).toEqual(['اصفهان']);
    expect(provinceAt(60.86, 29.5)).toEqual(['سیستان و بلوچستان']);
    expect(provinceAt(51.39, 35.69)).toEqual(['تهران']);
  });

  it('loads once', async () => {
    expect(await loadProvinces()).toBe(await loadProvinces());
  });
});

describe('labelPoint', () => {
  it('is the box centre of a convex shape', () => {
    const square: Position[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(labelPoint([[square]])).toEqual([1, 1]);
  });

  it('falls inside a C-shaped ring whose box centre is outside', () => {
    const c: Position[] = [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ];
    const p = labelPoint([[c]])!;
    expect(inRing([1.5, 1.5], c)).toBe(false);
    expect(inRing(p, c)).toBe(true);
  });

  it('uses the largest polygon (the mainland, not an island)', () => {
    const island: Position[] = [
      [10, 10],
      [10.1, 10],
      [10.1, 10.1],
      [10, 10],
    ];
    const main: Position[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(labelPoint([[island], [main]])).toEqual([2, 2]);
    expect(labelPoint([])).toBeNull();
  });
});
