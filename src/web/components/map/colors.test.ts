import { describe, expect, it } from 'vitest';
import { OPEN_SITE_COLOR, SITE_PALETTE, safeColor, siteColors } from './colors.js';

describe('siteColors', () => {
  const grid = Array.from({ length: 30 }, (_, i) => ({ id: `s${String(i).padStart(2, '0')}`, lat: 30 + Math.floor(i / 6) * 0.2, lon: 50 + (i % 6) * 0.2 }));

  it('gives every site a palette colour, the same on every call whatever the order', () => {
    const a = siteColors(grid);
    const b = siteColors([...grid].reverse());
    expect(a.size).toBe(30);
    expect([...a.values()].every((c) => (SITE_PALETTE as readonly string[]).includes(c))).toBe(true);
    expect([...a.entries()]).toEqual(grid.map((s) => [s.id, b.get(s.id)]));
  });

  it('never gives two neighbouring sites one colour', () => {
    const colours = siteColors(grid);
    for (const s of grid) {
      for (const t of grid) {
        const adjacent = s.id !== t.id && Math.abs(s.lat - t.lat) < 0.21 && Math.abs(s.lon - t.lon) < 0.21;
        if (adjacent) expect(colours.get(s.id)).not.toBe(colours.get(t.id));
      }
    }
  });

  it('reuses colours only when the palette runs out among the neighbours', () => {
    const three = siteColors(grid.slice(0, 3), ['#111', '#222'], 6);
    expect(new Set(three.values()).size).toBe(2);
  });

  it('keeps the open-site green out of the palette', () => {
    expect(SITE_PALETTE).not.toContain(OPEN_SITE_COLOR);
  });
});

describe('safeColor', () => {
  it('lets plain colours through', () => {
    for (const c of ['#abc', '#2f855a', '#2f855acc', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'hsl(120 50% 40%)', 'teal']) expect(safeColor(c)).toBe(c);
  });
  it('stops anything else', () => {
    for (const c of ['', 'url(x)', 'red;background:url(x)', '#12', 'expression(alert(1))', 'javascript:alert(1)', undefined, null]) expect(safeColor(c)).toBeNull();
  });
});
