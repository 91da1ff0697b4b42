import { describe, expect, it } from 'vitest';
import { IRAN_BOX, boxOf, hasPosition, positionsKey } from './bounds.js';

describe('hasPosition', () => {
  it('accepts real coordinates and rejects missing, out-of-range and 0,0 ones', () => {
    expect(hasPosition({ lat: 36.56, lon: 53.06 })).toBe(true);
    expect(hasPosition({ lat: 0, lon: 0 })).toBe(false);
    expect(hasPosition({ lat: Number.NaN, lon: 51 })).toBe(false);
    expect(hasPosition({ lat: 95, lon: 51 })).toBe(false);
    expect(hasPosition({ lat: 35, lon: 190 })).toBe(false);
  });
});

describe('boxOf', () => {
  it('is the smallest box holding the usable points', () => {
    expect(
      boxOf([
        { lat: 36.56, lon: 53.06 },
        { lat: 32.65, lon: 51.67 },
        { lat: 0, lon: 0 },
        { lat: 35.7, lon: 51.4 },
      ]),
    ).toEqual([
      [32.65, 51.4],
      [36.56, 53.06],
    ]);
  });

  it('is a zero-size box for one point and null for none', () => {
    expect(boxOf([{ lat: 30, lon: 50 }])).toEqual([
      [30, 50],
      [30, 50],
    ]);
    expect(boxOf([])).toBeNull();
    expect(boxOf([{ lat: Number.NaN, lon: 1 }])).toBeNull();
  });

  it('the country box holds Iran from Ardabil to Chabahar and Sarakhs to Qasr-e Shirin', () => {
    const [[s, w], [n, e]] = IRAN_BOX;
    for (const [lat, lon] of [
      [39.7, 47.9],
      [25.3, 60.6],
      [36.5, 61.2],
      [34.5, 45.6],
    ] as const) {
      expect(lat > s && lat < n && lon > w && lon < e).toBe(true);
    }
  });
});

describe('positionsKey', () => {
  it('ignores the order and changes with an id or a coordinate', () => {
    const a = { id: 1, lat: 30, lon: 50 };
    const b = { id: 'x', lat: 31, lon: 51 };
    expect(positionsKey([a, b])).toBe(positionsKey([b, a]));
    expect(positionsKey([a, b])).not.toBe(positionsKey([a, { ...b, lat: 31.5 }]));
    expect(positionsKey([a, b])).not.toBe(positionsKey([a, { ...b, id: 'y' }]));
    expect(positionsKey([a])).not.toBe(positionsKey([a, b]));
  });
});
