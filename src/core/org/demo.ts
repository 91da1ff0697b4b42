import { sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit.js';
import { rows, type DbOrTx } from '../db/client.js';
import { DEMO_ANCHORS, DEMO_TREE, PROVINCES } from './demo-data.js';
import type { NodeLevel, PlannedDivision } from './write.js';
import { writeDivisions } from './write.js';

/** Division ids the demo accounts are bound to: the district lies in the province; the city and village in the district. */
export interface DemoPlaces {
  province: number;
  county: number;
  district: number;
  city: number;
  village: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The demo tree as nodes to write, parents first (codes as documented on `DEMO_TREE`). */
export function demoDivisions(): PlannedDivision[] {
  const out: PlannedDivision[] = [];
  const add = (level: NodeLevel, code: string, name: string, parentKey: string | null, extra: Partial<PlannedDivision> = {}) => {
    const key = `${level}:${code}`;
    out.push({ key, level, code, name, parentKey, ...extra });
    return key;
  };
  for (const p of PROVINCES) {
    const pk = add('province', p.code, p.name, null);
    for (const c of DEMO_TREE[p.code] ?? []) {
      const cc = `99${pad(Number(p.code))}${pad(c.n)}`;
      const ck = add('county', cc, c.name, pk);
      for (const d of c.districts) {
        const dc = `${cc}${pad(d.n)}`;
        const dk = add('district', dc, d.name, ck);
        for (const city of d.cities) add('city', `${dc}${pad(city.n)}`, city.name, dk, { lat: city.lat, lon: city.lon });
        for (const r of d.ruralDistricts) {
          const rc = `${dc}${pad(r.n)}`;
          const rk = add('rural_district', rc, r.name, dk);
          for (const v of r.villages) {
            add('village', `${rc}${pad(v.n, 3)}`, v.name, rk, { lat: v.lat, lon: v.lon, dehyari: { hasFireStation: v.fireStation ?? false } });
          }
        }
      }
    }
  }
  // writeDivisions wants parents first; the walk above is depth-first, so order by level.
  const order: NodeLevel[] = ['province', 'county', 'district', 'city', 'rural_district', 'village'];
  return out.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
}

/**
 * Seeds demo reference data: all 31 provinces (real names and Statistical Centre codes) and a realistic slice of
 * Mazandaran and Isfahan (3 counties, 6 districts, 6 cities with municipalities, 8 rural districts, 26 villages
 * with coordinates and dehyaris, 8 of them with fire stations). Idempotent: a second run changes nothing and
 * writes no audit event; a run that changes something writes one (`divisions.seed_demo`). Returns the ids the
 * demo accounts are bound to.
 */
export async function seedDemoDivisions(db: DbOrTx): Promise<DemoPlaces> {
  return db.transaction(async (tx) => {
    const w = await writeDivisions(tx, demoDivisions());
    if (w.inserted + w.updated > 0) {
      await appendAudit(tx, null, {
        action: 'divisions.seed_demo',
        entityType: 'org_divisions',
        entityId: 'demo',
        divisionPath: '/',
        data: { inserted: w.inserted, updated: w.updated, municipalities: w.municipalitiesCreated, dehyaris: w.dehyarisCreated },
      });
    }
    const found = await rows<{ level: NodeLevel; code: string; id: number }>(
      tx,
      sql`select level, code, id from org_divisions where (level, code) in (
        ('province', ${DEMO_ANCHORS.province}), ('county', ${DEMO_ANCHORS.county}), ('district', ${DEMO_ANCHORS.district}),
        ('city', ${DEMO_ANCHORS.city}), ('village', ${DEMO_ANCHORS.village}))`,
    );
    const id = (level: keyof DemoPlaces) => {
      const r = found.find((f) => f.level === level);
      if (!r) throw new Error(`seedDemoDivisions: demo ${level} is missing`);
      return r.id;
    };
    return { province: id('province'), county: id('county'), district: id('district'), city: id('city'), village: id('village') };
  });
}
