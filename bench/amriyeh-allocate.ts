// Amriyeh seat allocation at national scale: 200,000 applicants over 31 provinces, 1–5 preferences each, among
// 20,000 seats in ~4,000 stations; runs allocate() (RFC 3797 lottery over every applicant + serial dictatorship).
// Usage: npx tsx bench/amriyeh-allocate.ts  →  bench/results/amriyeh-allocate.json and .md
import { mkdirSync, writeFileSync } from 'node:fs';
import { allocate, type AllocationInput } from '../src/modules/amriyeh/server/allocate.js';
import { seededRandom } from '../src/core/random.js';

const APPLICANTS = 200_000;
const PROVINCES = 31;
const STATIONS = 4_000;
const SEATS = 20_000;

// Deterministic data (mulberry32), so every run measures the same instance.
const rng = seededRandom;

function generate(): AllocationInput {
  const r = rng(3797);
  const provinces = Array.from({ length: PROVINCES }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
  // Every station gets one seat, the other seats are spread at random (5 per station on average).
  const stations = Array.from({ length: STATIONS }, (_, i) => ({ id: `st${i}`, province: provinces[i % PROVINCES]!, seats: 1 }));
  for (let k = STATIONS; k < SEATS; k++) stations[Math.floor(r() * STATIONS)]!.seats += 1;
  const byProvince = new Map<string, string[]>(provinces.map((p) => [p, []]));
  const seatsIn = new Map<string, number>();
  for (const s of stations) {
    byProvince.get(s.province)!.push(s.id);
    seatsIn.set(s.province, (seatsIn.get(s.province) ?? 0) + s.seats);
  }
  // Province quotas: 90% of the province's seats, so both limits bind somewhere.
  const provinceQuotas = Object.fromEntries(provinces.map((p) => [p, Math.floor(0.9 * seatsIn.get(p)!)]));
  const applicants = Array.from({ length: APPLICANTS }, (_, i) => {
    const province = provinces[Math.floor(r() * PROVINCES)]!;
    const own = byProvince.get(province)!;
    const n = 1 + Math.floor(r() * 5);
    const preferences = Array.from({ length: n }, () => own[Math.floor(r() * own.length)]!);
    // Scores on a 0–100 scale in steps of 0.5: many ties, broken by the lottery.
    return { id: `a${i}`, province, score: Math.floor(r() * 201) / 2, preferences };
  });
  return { seed: '9319./2.5.8.10.12./9.18.26.34.41.45./', stations, provinceQuotas, applicants };
}

const input = generate();
const runs: number[] = [];
let assigned = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const out = allocate(input);
  runs.push(performance.now() - t0);
  assigned = Object.values(out.assignments).filter((s) => s !== null).length;
}
const best = Math.min(...runs);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  applicants: APPLICANTS,
  provinces: PROVINCES,
  stations: STATIONS,
  seats: SEATS,
  quotaTotal: Object.values(input.provinceQuotas).reduce((a, b) => a + b, 0),
  assigned,
  runsMs: runs.map((ms) => Math.round(ms)),
  bestMs: Math.round(best),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/amriyeh-allocate.json', `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  'bench/results/amriyeh-allocate.md',
  `# Amriyeh allocation benchmark\n\n${result.date} · Node ${result.node}\n\n` +
    `| applicants | provinces | stations | seats | quota total | assigned | runs (ms) | best (ms) |\n|---|---|---|---|---|---|---|---|\n` +
    `| ${APPLICANTS} | ${PROVINCES} | ${STATIONS} | ${SEATS} | ${result.quotaTotal} | ${assigned} | ${result.runsMs.join(', ')} | ${result.bestMs} |\n`,
);
console.log(`allocate: ${APPLICANTS} applicants, ${SEATS} seats in ${STATIONS} stations, ${PROVINCES} provinces → ${assigned} assigned; runs ${result.runsMs.join(' / ')} ms (best ${result.bestMs} ms)`);
