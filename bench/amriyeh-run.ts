// A stored amriyeh selection run on the database: N eligible applications of one province (default 5,000) over N/50
// stations, timed end to end (locks, input, allocate(), the stored run, one workflow transition + SMS per
// applicant). Usage: npx tsx bench/amriyeh-run.ts [embedded|postgres] [N]  →  bench/results/amriyeh-run-<backend>.json
// (PostgreSQL: a fresh database shahrdeh_bench_run on BENCH_DATABASE_URL, default the local server.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { orgDehyaris } from '../src/core/org/schema.js';
import { registerWorkflow } from '../src/core/workflow/definition.js';
import { amriyehCalls, amriyehStations } from '../src/modules/amriyeh/server/schema.js';
import { DEFAULT_RULES } from '../src/modules/amriyeh/server/eligibility.js';
import { DEFAULT_CRITERIA } from '../src/modules/amriyeh/server/scoring.js';
import { runSelection } from '../src/modules/amriyeh/server/selection.js';
import { amriyehWorkflow } from '../src/modules/amriyeh/server/workflow.js';
import { openDatabase, type Database } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { freshBenchDatabase } from './server.js';
import { createDivision, createStaff, createCitizen } from '../src/test/factories.js';

const BACKEND = process.argv[2] === 'postgres' ? 'postgres' : 'embedded';
const N = Number(process.argv[3] ?? 5_000);
// 5 seats per station, one station per 50 applicants (200,000 applicants → 20,000 seats), at least 200 stations.
const STATIONS = Math.max(200, Math.round(N / 50));

registerWorkflow(amriyehWorkflow);
async function open(): Promise<Database> {
  if (BACKEND === 'embedded') return openDatabase({});
  return openDatabase({ url: await freshBenchDatabase('shahrdeh_bench_run'), poolSize: 4 });
}
const database = await open();
await migrateDatabase(database);
const { db } = database;
const province = await createDivision(db, 'province');
const district = await createDivision(db, 'district', await createDivision(db, 'county', province));
const reviewer = await createStaff(db, [['province.reviewer', province]]);
const citizen = await createCitizen(db);
const [call] = await db.insert(amriyehCalls).values({
  title: 'bench', startsAt: new Date(Date.now() - 1e10), endsAt: new Date(Date.now() - 1e9), referenceDate: new Date(), nationalQuota: N,
  rules: DEFAULT_RULES, criteria: DEFAULT_CRITERIA, lotterySeed: '1./2.3./', state: 'closed',
}).returning();
const stationIds: number[] = [];
for (let i = 0; i < STATIONS; i++) {
  const v = await createDivision(db, 'village', district);
  const [d] = await db.insert(orgDehyaris).values({ divisionId: v.id, name: v.name, hasFireStation: true }).returning();
  const [s] = await db.insert(amriyehStations).values({ callId: call!.id, dehyariId: d!.id, divisionId: v.id, divisionPath: v.path, provinceId: province.id, name: v.name, seatsRequested: 5, seatsConfirmed: 5 }).returning();
  stationIds.push(s!.id);
}
// N eligible applications in one statement each for cases and applications (what filing and review would leave).
await db.execute(sql`
  with c as (select gen_random_uuid() as id, n from generate_series(1, ${N}) n),
  w as (
    insert into wf_cases (id, definition, state, division_id, division_path, title, created_by_id, data)
    select id, 'amriyeh.application', 'eligible', ${district.id}, ${district.path}, 'bench ' || n, ${citizen.id}, '{}'::jsonb from c)
  insert into amriyeh_applications (call_id, case_id, tracking_code, applicant_id, national_code, first_name, last_name, father_name, birth_date,
    education_level, residence_division_id, birth_place_division_id, marital_status, conscription_status, preferences, province_id, mobile, eligibility, score)
  select ${call!.id}, c.id, (1000000000000 + c.n)::text, ${citizen.id}, lpad(c.n::text, 10, '0'), 'a', 'b', 'c', '2000-01-01', 'diploma', ${district.id}, ${district.id},
    'single', 'eligible', jsonb_build_array((${stationIds[0]!} + (c.n * 7) % ${STATIONS})::int, (${stationIds[0]!} + (c.n * 13) % ${STATIONS})::int),
    ${province.id}, '09120000000', '{"eligible":true,"failures":[]}'::jsonb, (c.n * 37) % 100 from c`);

const t0 = performance.now();
const runId = await runSelection(db, call!.id, province.id, reviewer);
const ms = performance.now() - t0;
const result = { backend: database.backend, applicants: N, seats: STATIONS * 5, runId, ms: Math.round(ms), perApplicantMs: +(ms / N).toFixed(2), date: new Date().toISOString() };
console.log(JSON.stringify(result));
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/amriyeh-run-${database.backend}.json`, JSON.stringify(result, null, 2) + '\n');
await database.close();
