// National divisions for the generator: the real Statistical Centre files (provinces … rural districts and cities,
// with the cities' coordinates), imported by the platform's own importer, plus 37,000 generated villages with a
// dehyari each (the files carry no villages). Every city gets its municipality from the importer.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../core/db/client.js';
import { importDivisions } from '../core/org/import.js';
import { seededRandom } from '../core/random.js';
import type { GenerateOptions } from './complaints.js';

export const NATIONAL_VILLAGES = 37_000;
/** Where the Statistical Centre files are by default (outside the repository: they must not be copied into it). */
export const DEFAULT_DIVISIONS_DIR = resolve(process.cwd(), '../shared/data/iran-divisions');
const FILES = ['ostan.csv', 'shahrestan.csv', 'bakhsh.csv', 'shahr.csv', 'dehestan.csv', 'typhoon-cities.csv', 'typhoon-city-coordinates.csv'];
const ROOTS = ['گل', 'سرخ', 'سفید', 'چشمه', 'کوه', 'باغ', 'قلعه', 'امام', 'حسن', 'علی', 'نو', 'کهنه', 'بالا', 'پایین', 'میان', 'شاه', 'دره', 'رود', 'تپه', 'چنار'];
const SUFFIXES = ['آباد', 'کلا', 'ده', 'سرا', 'دشت', 'بند', 'کنده', 'زار', 'لو', 'کوه'];

/** Splits a CSV line without quoted commas (the Statistical Centre files have none). */
const cells = (line: string) => line.split(',').map((c) => c.trim());

/**
 * Imports the real divisions from `dir` with `villages` generated villages spread over the rural districts
 * (codes `<rural district code>9NNN`, so they never meet the demo's villages), each with a dehyari, one in ten with a
 * fire station; villages get coordinates near their county's cities. Idempotent like the importer itself.
 */
export async function generateDivisions(database: Database, opts: GenerateOptions & { dir?: string; villages?: number } = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const src = opts.dir ?? DEFAULT_DIVISIONS_DIR;
  const rand = seededRandom((opts.seed ?? 1) + 104_729);
  const rural = readFileSync(join(src, 'dehestan.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map(cells);
  const n = opts.villages ?? NATIONAL_VILLAGES;
  const tmp = mkdtempSync(join(tmpdir(), 'shahrdeh-divisions-'));
  try {
    for (const f of FILES) symlinkSync(join(src, f), join(tmp, f));
    const lines = ['id,name,ostan,shahrestan,bakhsh,dehestan,amar_code,lat,lon,has_dehyari,has_fire_station'];
    for (let i = 0; i < n; i++) {
      const [id, , ostan, shahrestan, bakhsh, code] = rural[i % rural.length]!;
      const k = Math.floor(i / rural.length) + 1;
      const name = `${ROOTS[Math.floor(rand() * ROOTS.length)]}${SUFFIXES[Math.floor(rand() * SUFFIXES.length)]}${k > 1 ? ` ${k}` : ''}`;
      lines.push([i + 1, name, ostan, shahrestan, bakhsh, id, `${code}9${String(k).padStart(3, '0')}`, '', '', 1, rand() < 0.1 ? 1 : 0].join(','));
    }
    writeFileSync(join(tmp, 'abadi.csv'), lines.join('\n') + '\n');
    const t0 = Date.now();
    const report = await importDivisions(database.db, tmp);
    log(`divisions: imported in ${((Date.now() - t0) / 1000).toFixed(1)} s — ${JSON.stringify(report.counts)}, ${report.inserted} new, ${report.errors.length} rejected rows, municipalities +${report.created.municipalities}, dehyaris +${report.created.dehyaris}`);
    for (const e of report.errors.slice(0, 5)) log(`  ${e.file}:${e.line}: ${e.reason}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Villages without coordinates: near the mean of their county's cities (the public maps need a point).
  await database.db.execute(sql`
    update org_divisions v set lat = c.lat + (random() - 0.5) * 0.4, lon = c.lon + (random() - 0.5) * 0.4
    from (select split_part(path, '/', 3) as county, avg(lat) as lat, avg(lon) as lon from org_divisions
          where level = 'city' and lat is not null group by 1) c
    where v.level = 'village' and v.lat is null and split_part(v.path, '/', 3) = c.county`);
}
