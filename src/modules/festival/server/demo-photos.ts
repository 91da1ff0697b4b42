// Pictures for the demo plans, drawn in code (no files in the repository, nothing downloaded): a small landscape —
// sky, sun, mountains, hills — with the plan's subject in front (a greenhouse, clay houses, solar panels, a fire
// station, market stalls, beehives, water pipes, trees…), encoded as a real PNG the documents store accepts.
import { deflateSync } from 'node:zlib';

const W = 320;
const H = 200;
type Rgb = [number, number, number];

/** The subject drawn in front of the landscape. */
export type Scene = 'greenhouse' | 'houses' | 'solar' | 'fire' | 'market' | 'hives' | 'water' | 'forest' | 'waste' | 'workshop' | 'road' | 'field';

/** Words of a title that say what to draw (whole words: «آباد» is not «آب», «راهنمایان» not «راه»). */
const SCENE_WORDS: [Scene, string[]][] = [
  ['solar', ['خورشیدی']],
  ['fire', ['آتش‌نشانی', 'امداد']],
  ['greenhouse', ['گلخانه', 'قارچ']],
  ['hives', ['عسل', 'زنبورداری', 'زنبور', 'ملکه‌پروری']],
  ['waste', ['پسماند', 'بازیافت']],
  ['market', ['بازارچه', 'جمعه‌بازار']],
  ['water', ['آب', 'آبرسانی', 'لوله‌کشی', 'سیلاب', 'ماهی', 'قزل‌آلا', 'قزل‌آلای', 'فاضلاب', 'شن']],
  ['workshop', ['سالن']],
  ['forest', ['جنگلی', 'طبیعت‌گردی', 'بوستان', 'پیاده‌راه', 'کمپینگ']],
  ['road', ['معابر', 'آسفالت', 'سنگفرش', 'راه‌های']],
];

/** The scene of a plan from the words of its title, else from its category. */
export function sceneOf(category: string, title: string): Scene {
  const words = new Set(title.split(/[\s،:؛.()«»]+/));
  for (const [scene, list] of SCENE_WORDS) if (list.some((w) => words.has(w))) return scene;
  const byCategory: Record<string, Scene> = {
    agriculture: 'field', tourism: 'houses', handicrafts: 'workshop', dehyari_revenue: 'market',
    infrastructure: 'road', environment: 'forest', public_services: 'fire', heritage: 'houses',
  };
  return byCategory[category] ?? 'field';
}

class Canvas {
  readonly px = Buffer.alloc(W * H * 3);
  rect(x0: number, y0: number, w: number, h: number, c: Rgb): void {
    const xa = Math.max(0, Math.round(x0));
    const xb = Math.min(W, Math.round(x0 + w));
    if (xb <= xa) return;
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(H, Math.round(y0 + h)); y++) {
      for (let i = (y * W + xa) * 3, end = (y * W + xb) * 3; i < end; i += 3) {
        this.px[i] = c[0]; this.px[i + 1] = c[1]; this.px[i + 2] = c[2];
      }
    }
  }
  circle(cx: number, cy: number, r: number, c: Rgb): void {
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      const half = Math.sqrt(Math.max(0, r * r - (y - cy) ** 2));
      this.rect(cx - half, y, half * 2, 1, c);
    }
  }
  /** A filled triangle pointing up (a roof, a tent, a tree). */
  roof(x0: number, y0: number, w: number, h: number, c: Rgb): void {
    for (let y = 0; y < h; y++) {
      const half = (w / 2) * (y / h);
      this.rect(x0 + w / 2 - half, y0 + y, half * 2, 1, c);
    }
  }
  /** Fills every row below `top(x)` down to `bottom` in each column. */
  ridge(top: (x: number) => number, c: Rgb, bottom = H): void {
    for (let x = 0; x < W; x++) this.rect(x, top(x), 1, bottom - top(x), c);
  }
}

/** A tiny deterministic generator, so the same plan gets the same picture. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 4_294_967_296);
}
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;

function subject(c: Canvas, scene: Scene, r: () => number, ground: number): void {
  const n = 3 + Math.floor(r() * 3);
  const xs = (i: number) => 20 + i * ((W - 60) / n) + r() * 10;
  switch (scene) {
    case 'greenhouse':
      for (let i = 0; i < 2; i++) for (let y = 0; y < 40; y++) {
        const half = Math.sqrt(Math.max(0, 1 - ((40 - y) / 40) ** 2)) * 60;
        c.rect(40 + i * 130 + 60 - half, ground - 40 + y + 10, half * 2, 1, y % 8 === 0 ? [200, 215, 210] : [232, 240, 236]);
      }
      break;
    case 'houses':
      for (let i = 0; i < n + 1; i++) {
        const x = 10 + i * (W / (n + 1)) + r() * 8;
        const h = 28 + r() * 22;
        c.rect(x, ground - h + 12, 46, h, mix([178, 84, 60], [205, 120, 85], r()));
        c.rect(x + 16, ground - h + 22, 10, 14, [90, 55, 40]);
        c.rect(x - 2, ground - h + 10, 50, 4, [140, 70, 50]);
      }
      break;
    case 'solar':
      for (let i = 0; i < n + 1; i++) for (let y = 0; y < 22; y++) c.rect(20 + i * 60 + y * 0.6, ground - 6 + y * 0.8, 44, 1, y % 6 === 0 ? [160, 175, 200] : [34, 60, 120]);
      break;
    case 'fire':
      c.rect(90, ground - 50, 140, 62, [196, 40, 40]);
      c.rect(110, ground - 25, 40, 37, [60, 60, 70]);
      c.rect(170, ground - 25, 40, 37, [60, 60, 70]);
      c.rect(85, ground - 56, 150, 8, [150, 30, 30]);
      c.circle(160, ground - 38, 6, [250, 210, 60]);
      break;
    case 'market':
      for (let i = 0; i < n + 2; i++) {
        const x = 10 + i * 52;
        const color: Rgb = [[230, 90, 60], [240, 180, 40], [60, 140, 200], [120, 180, 80]][i % 4] as Rgb;
        c.rect(x, ground - 10, 44, 22, [150, 110, 70]);
        for (let s = 0; s < 4; s++) c.rect(x + s * 11, ground - 20, 11, 10, s % 2 ? [250, 250, 245] : color);
        for (let f = 0; f < 5; f++) c.circle(x + 6 + f * 8, ground - 12, 3, [240, 140 + f * 15, 40]);
      }
      break;
    case 'hives':
      for (let i = 0; i < n + 2; i++) {
        const x = 15 + i * 50 + r() * 8;
        c.rect(x, ground - 8, 30, 20, [236, 196, 70]);
        c.rect(x - 2, ground - 11, 34, 4, [200, 150, 50]);
        c.rect(x + 4, ground + 6, 22, 2, [120, 90, 40]);
      }
      break;
    case 'water':
      c.rect(0, ground + 10, W, 20, [70, 140, 200]);
      for (let k = 0; k < 20; k++) c.rect(r() * W, ground + 12 + r() * 16, 14, 1, [200, 230, 250]);
      c.rect(0, ground - 4, W, 6, [90, 90, 100]);
      c.circle(240, ground - 16, 18, [120, 170, 210]);
      break;
    case 'forest':
      for (let i = 0; i < 9; i++) {
        const x = i * 36 + r() * 12;
        c.rect(x + 12, ground, 5, 14, [100, 70, 40]);
        c.roof(x, ground - 40 - r() * 10, 30, 44, mix([30, 100, 50], [60, 140, 70], r()));
      }
      break;
    case 'waste':
      for (let i = 0; i < 3; i++) {
        const color: Rgb = ([[240, 200, 40], [60, 150, 70], [60, 110, 190]] as Rgb[])[i]!;
        c.rect(90 + i * 50, ground - 20, 36, 34, color);
        c.rect(88 + i * 50, ground - 24, 40, 5, mix(color, [0, 0, 0], 0.3));
      }
      break;
    case 'workshop':
      c.rect(70, ground - 45, 180, 57, [222, 200, 160]);
      c.roof(60, ground - 75, 200, 32, [150, 90, 60]);
      for (let i = 0; i < 4; i++) c.rect(90 + i * 40, ground - 25, 24, 20, ([[180, 40, 60], [40, 90, 160], [200, 150, 40], [90, 140, 70]] as Rgb[])[i]!);
      break;
    case 'road':
      for (let y = 0; y < 40; y++) c.rect(W / 2 - 10 - y * 2.5, ground - 8 + y, 20 + y * 5, 1, [95, 95, 100]);
      for (let y = 0; y < 40; y += 8) c.rect(W / 2 - 1, ground - 8 + y, 3, 4, [240, 240, 240]);
      break;
    case 'field':
      for (let row = 0; row < 6; row++) c.rect(0, ground + row * 6, W, 3, mix([90, 150, 60], [140, 180, 70], row / 6));
      for (let i = 0; i < 10; i++) c.circle(r() * W, ground + 4 + r() * 30, 3, [230, 140, 40]);
      break;
  }
}

/** A landscape with the scene's subject, as PNG bytes (varies with `seed`). */
export function demoPhoto(scene: Scene, seed: number): Buffer {
  const r = rng(seed * 7919 + scene.length);
  const c = new Canvas();
  const sky: [Rgb, Rgb] = r() < 0.7 ? [[120, 180, 235], [215, 235, 250]] : [[240, 170, 110], [250, 225, 180]];
  for (let y = 0; y < H; y++) c.rect(0, y, W, 1, mix(sky[0], sky[1], y / H));
  c.circle(40 + r() * 240, 30 + r() * 20, 14, [255, 236, 150]);
  const p1 = r() * 6;
  const p2 = r() * 6;
  c.ridge((x) => 74 + Math.sin(x / 37 + p1) * 18 + Math.sin(x / 13 + p2) * 5, [128, 140, 160]);
  c.ridge((x) => 104 + Math.sin(x / 53 + p2) * 10, mix([70, 130, 70], [110, 150, 80], r()));
  const ground = 134;
  c.rect(0, ground, W, H - ground, mix([100, 150, 70], [150, 140, 90], r()));
  subject(c, scene, r, ground);
  return encodePng(c.px);
}

// ---- PNG ---------------------------------------------------------------------------------------------------------------

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf: Buffer): number {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(rgb: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const raw = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) rgb.copy(raw, y * (W * 3 + 1) + 1, y * W * 3, (y + 1) * W * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}
