import { describe, expect, it } from 'vitest';
import { assembleRing, decodeArcs, nearestFeature, ringArea, roundPosition, segmentDistance, simplifyLine, topologyToFeatures, type Position, type Topology } from './simplify.js';

describe('segmentDistance', () => {
  it('measures to the segment, clamping to its ends', () => {
    expect(segmentDistance([1, 1], [0, 0], [2, 0])).toBeCloseTo(1);
    expect(segmentDistance([3, 0], [0, 0], [2, 0])).toBeCloseTo(1);
    expect(segmentDistance([0, 3], [0, 0], [0, 0])).toBeCloseTo(3);
  });
});

describe('simplifyLine (Douglas–Peucker)', () => {
  const zigzag: Position[] = [
    [0, 0],
    [1, 0.01],
    [2, -0.01],
    [3, 2],
    [4, 0.01],
    [5, 0],
  ];

  it('drops the points closer to the line than the tolerance and keeps the ends and the peaks', () => {
    // the peak (3,2) splits the line; (2,-0.01) and (4,0.01) are then far from the chords to the peak, (1,0.01) is not
    expect(simplifyLine(zigzag, 0.1)).toEqual([
      [0, 0],
      [2, -0.01],
      [3, 2],
      [4, 0.01],
      [5, 0],
    ]);
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 0.01],
          [2, -0.01],
          [3, 0],
        ],
        0.1,
      ),
    ).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });

  it('keeps every point within the tolerance of the result', () => {
    const wiggly: Position[] = Array.from({ length: 200 }, (_, i) => [i / 10, Math.sin(i / 7) + 0.02 * Math.cos(i * 3)]);
    const tol = 0.05;
    const out = simplifyLine(wiggly, tol);
    expect(out.length).toBeLessThan(wiggly.length / 3);
    expect(out[0]).toEqual(wiggly[0]);
    expect(out[out.length - 1]).toEqual(wiggly[wiggly.length - 1]);
    for (const p of wiggly) {
      let d = Infinity;
      for (let k = 0; k + 1 < out.length; k++) d = Math.min(d, segmentDistance(p, out[k]!, out[k + 1]!));
      expect(d).toBeLessThanOrEqual(tol + 1e-12);
    }
  });

  it('keeps a closed ring (an island) a polygon instead of collapsing it onto its start', () => {
    const square: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const out = simplifyLine(square, 0.1);
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(Math.abs(ringArea(out))).toBeGreaterThan(0);
  });

  it('returns short lines and zero tolerance unchanged', () => {
    expect(simplifyLine([[0, 0], [1, 1]], 1)).toEqual([[0, 0], [1, 1]]);
    expect(simplifyLine(zigzag, 0)).toEqual(zigzag);
  });
});

describe('roundPosition', () => {
  it('rounds both coordinates', () => {
    expect(roundPosition([51.123456, 35.987654], 3)).toEqual([51.123, 35.988]);
  });
});

// Two unit squares side by side sharing the arc x = 1, quantized with a scale of 0.5 and delta encoded.
const twoSquares: Topology = {
  type: 'Topology',
  transform: { scale: [0.5, 0.5], translate: [50, 30] },
  arcs: [
    // arc 0: the shared border (1,0) → (1,1), in grid units (2,0) → (2,2)
    [
      [2, 0],
      [0, 2],
    ],
    // arc 1: the left square's other sides (1,1) → (0,1) → (0,0) → (1,0)
    [
      [2, 2],
      [-2, 0],
      [0, -2],
      [2, 0],
    ],
    // arc 2: the right square's other sides (1,0) → (2,0) → (2,1) → (1,1)
    [
      [2, 0],
      [2, 0],
      [0, 2],
      [-2, 0],
    ],
    // arc 3: an islet far east, (60.5,30.5)–(61,31)
    [
      [21, 1],
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ],
  ],
  objects: {
    units: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: 'L', arcs: [[0, 1]] },
        { type: 'Polygon', id: 'R', arcs: [[2, -1]] },
        { type: 'Polygon', id: '-99', arcs: [[3]] },
      ],
    },
  },
};

describe('decodeArcs and assembleRing', () => {
  it('undoes the delta encoding and the quantization', () => {
    expect(decodeArcs(twoSquares)[0]).toEqual([
      [51, 30],
      [51, 31],
    ]);
  });

  it('joins arcs into a closed ring, reversing the negative ones', () => {
    const arcs = decodeArcs(twoSquares);
    const right = assembleRing([2, -1], arcs);
    expect(right[0]).toEqual(right[right.length - 1]);
    expect(right).toEqual([
      [51, 30],
      [52, 30],
      [52, 31],
      [51, 31],
      [51, 30],
    ]);
  });
});

describe('topologyToFeatures', () => {
  const fc = topologyToFeatures(twoSquares, 'units', {
    tolerance: 0.01,
    decimals: 3,
    properties: (g) => (g.id === '-99' ? null : { name: String(g.id) }),
  });

  it('makes one MultiPolygon feature per named geometry', () => {
    expect(fc.features.map((f) => f.properties.name)).toEqual(['L', 'R']);
    expect(fc.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('keeps the shared border identical on both sides', () => {
    const pts = (name: string) => new Set(fc.features.find((f) => f.properties.name === name)!.geometry.coordinates.flat(2).map((p) => p.join(',')));
    const left = pts('L');
    const right = pts('R');
    expect([...left].filter((p) => right.has(p)).sort()).toEqual(['51,30', '51,31']);
  });

  it('gives an orphan polygon to the nearest named feature', () => {
    const r = fc.features.find((f) => f.properties.name === 'R')!;
    expect(r.geometry.coordinates).toHaveLength(2);
    expect(r.geometry.coordinates[1]![0]![0]).toEqual([60.5, 30.5]);
  });

  it('drops rings that simplification shrinks below a triangle', () => {
    const coarse = topologyToFeatures(twoSquares, 'units', { tolerance: 0.01, decimals: 0, properties: (g) => ({ name: String(g.id) }) });
    // rounded to whole degrees every corner of the islet becomes (61,31): no ring is left
    expect(coarse.features.map((f) => f.properties.name)).toEqual(['L', 'R']);
  });

  it('throws on a missing object', () => {
    expect(() => topologyToFeatures(twoSquares, 'nope', { tolerance: 0, decimals: 3, properties: () => ({}) })).toThrow(/nope/);
  });
});

describe('nearestFeature', () => {
  it('is undefined without features', () => {
    expect(nearestFeature([], [0, 0])).toBeUndefined();
  });
});
