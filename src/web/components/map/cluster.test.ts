import { describe, expect, it } from 'vitest';
import { CLUSTER_MAX_ZOOM, clusterIndex, clusterLabel, clusterRim, clusterSize, type MapItem } from './cluster.js';
import { DEFAULT_POINT_COLOR } from './colors.js';
import type { MapPoint } from './types.js';

const IRAN: [number, number, number, number] = [44, 25, 63.5, 40];

/** n points in a small square around a centre, coloured in turn from `colors`. */
function around(prefix: string, lat: number, lon: number, n: number, colors: string[]): MapPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    lat: lat + ((i % 10) - 5) * 0.01,
    lon: lon + (Math.floor(i / 10) - 5) * 0.01,
    label: `${prefix}${i}`,
    color: colors[i % colors.length],
  }));
}

const sari = around('s', 36.56, 53.06, 60, ['#2f855a', '#c53030']);
const isfahan = around('i', 32.65, 51.67, 40, ['#2b6cb0']);
const count = (items: MapItem[]) => items.reduce((n, it) => n + (it.kind === 'cluster' ? it.count : 1), 0);

describe('clusterIndex', () => {
  const index = clusterIndex([...sari, ...isfahan, { id: 'bad', lat: 0, lon: 0, label: 'بی‌مختصات' }]);

  it('groups each crowd into one bubble at the country view, counting every usable point once', () => {
    const items = index.items(IRAN, 5);
    expect(items).toHaveLength(2);
    expect(items.every((it) => it.kind === 'cluster')).toBe(true);
    expect(items.map((it) => (it.kind === 'cluster' ? it.count : 0)).sort((a, b) => a - b)).toEqual([40, 60]);
    expect(count(items)).toBe(100);
  });

  it('tells the colours inside a bubble, most worn first', () => {
    const items = index.items(IRAN, 5);
    const sariBubble = items.find((it) => it.kind === 'cluster' && it.count === 60);
    expect(sariBubble?.kind === 'cluster' && sariBubble.colors).toEqual([
      ['#2f855a', 30],
      ['#c53030', 30],
    ]);
    const isfBubble = items.find((it) => it.kind === 'cluster' && it.count === 40);
    expect(isfBubble?.kind === 'cluster' && isfBubble.colors).toEqual([['#2b6cb0', 40]]);
  });

  it('splits the bubbles as the map zooms in, and shows every point alone past the cluster zoom', () => {
    expect(index.items(IRAN, 12).length).toBeGreaterThan(2);
    const alone = index.items(IRAN, CLUSTER_MAX_ZOOM + 1);
    expect(alone).toHaveLength(100);
    expect(alone.every((it) => it.kind === 'point')).toBe(true);
  });

  it('groups at a fractional zoom as at the whole zoom below it', () => {
    expect(index.items(IRAN, 9.5)).toEqual(index.items(IRAN, 9));
    expect(index.items(IRAN, 9.5)).not.toEqual(index.items(IRAN, 10));
  });

  it('only gives what the view box holds', () => {
    const sariOnly = index.items([52, 36, 54, 37], 5);
    expect(count(sariOnly)).toBe(60);
  });

  it('tells where a bubble splits and what it holds', () => {
    const bubble = index.items(IRAN, 5).find((it) => it.kind === 'cluster' && it.count === 40);
    if (bubble?.kind !== 'cluster') throw new Error('no bubble');
    const z = index.expansionZoom(bubble.id);
    expect(z).toBeGreaterThan(5);
    expect(z).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM);
    expect(
      index
        .leaves(bubble.id)
        .map((p) => p.id)
        .sort(),
    ).toEqual(isfahan.map((p) => p.id).sort());
  });

  it('keeps points on one spot together up to the cluster zoom', () => {
    const same = clusterIndex([
      { id: 1, lat: 35, lon: 51, label: 'الف' },
      { id: 2, lat: 35, lon: 51, label: 'ب', color: 'javascript:alert(1)' },
    ]);
    const [only] = same.items(IRAN, CLUSTER_MAX_ZOOM);
    expect(only?.kind).toBe('cluster');
    if (only?.kind === 'cluster') {
      // they never split while the map groups: the map lists them instead of zooming
      expect(same.expansionZoom(only.id)).toBeGreaterThan(CLUSTER_MAX_ZOOM);
      // a colour that is not one falls back to the default
      expect(only.colors).toEqual([[DEFAULT_POINT_COLOR, 2]]);
    }
  });
});

describe('clusterLabel', () => {
  it('writes the count in Persian digits, in thousands past 9,999', () => {
    expect(clusterLabel(12)).toBe('۱۲');
    expect(clusterLabel(1250)).toBe('۱٬۲۵۰');
    expect(clusterLabel(12_345)).toBe('۱۲٫۳ هزار');
  });
});

describe('clusterSize', () => {
  it('grows with the count within 30–56 px', () => {
    expect(clusterSize(2)).toBe(30);
    expect(clusterSize(10)).toBeGreaterThan(clusterSize(2));
    expect(clusterSize(100)).toBeGreaterThan(clusterSize(10));
    expect(clusterSize(1_000_000)).toBe(56);
  });
});

describe('clusterRim', () => {
  it('slices a conic gradient by share', () => {
    expect(
      clusterRim([
        ['#aaa', 3],
        ['#bbb', 1],
      ]),
    ).toBe('conic-gradient(#aaa 0% 75%, #bbb 75% 100%)');
  });
  it('is a plain colour for one colour or none', () => {
    expect(clusterRim([['#abc', 5]])).toBe('#abc');
    expect(clusterRim([])).toBe(DEFAULT_POINT_COLOR);
  });
});
