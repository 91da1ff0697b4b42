// Generated landfill sites: records of villages all over the country, each with its verification case
// (`landfills.site`) in a realistic state and the steps that led there.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../core/access/actor.js';
import { appendAudit } from '../core/audit/audit.js';
import { rows, type Database } from '../core/db/client.js';
import { seededRandom } from '../core/random.js';
import { addWorkingDays, loadHolidays } from '../core/workflow/calendar.js';
import { CAPACITY_UNITS, SENSITIVITY_FLAGS, SITE_KINDS, SITE_STATUSES } from '../modules/landfills/enums.js';
import { landfillSiteWorkflow } from '../modules/landfills/server/workflow.js';
import { inBatches, insertRows, pick, type Row } from './batch.js';
import type { GenerateOptions } from './complaints.js';
import { deepestStaff, staffGrants } from './people.js';

const DAY = 86_400_000;
const KIND_NAMES: Record<(typeof SITE_KINDS)[number], string> = { sanitary: 'مرکز دفن بهداشتی', open_dump: 'محل تخلیه پسماند', transfer: 'ایستگاه انتقال پسماند', composting: 'سایت کمپوست' };
const STATES = ['submitted', 'district_verified', 'verified', 'returned', 'removed'] as const;
const PATHS: Record<(typeof STATES)[number], [string, string, string][]> = {
  submitted: [],
  district_verified: [['district_verify', 'submitted', 'district_verified']],
  verified: [['district_verify', 'submitted', 'district_verified'], ['province_verify', 'district_verified', 'verified']],
  returned: [['district_return', 'submitted', 'returned']],
  removed: [['remove', 'submitted', 'removed']],
};

/** Writes `count` landfill sites at villages (with coordinates), spread over every state of their verification. */
export async function generateLandfills(database: Database, count: number, opts: GenerateOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const rand = seededRandom((opts.seed ?? 1) + 31_337);
  const { db } = database;
  const villages = (await rows<{ id: number; path: string; name: string; lat: number; lon: number }>(db, sql`
    select id, path, name, lat, lon from org_divisions where level = 'village' and lat is not null order by id`)).map((v) => ({ ...v, id: Number(v.id) }));
  if (!villages.length) throw new Error('generate: no villages with coordinates; import the divisions (or load the demo) first');
  const grants = await staffGrants(db, ['dehyari', 'district.reviewer', 'province.reviewer']);
  const holidays = await loadHolidays(db);
  const now = Date.now();
  log(`landfills: ${count.toLocaleString('en')} sites over ${villages.length.toLocaleString('en')} villages`);
  const seconds = await inBatches(db, 'landfills', count, 5_000, log, async (tx, _from, n) => {
    const cases: Row[] = [];
    const history: Row[] = [];
    const sites: Row[] = [];
    for (let i = 0; i < n; i++) {
      const v = pick(rand, villages);
      const state = pick(rand, STATES, [20, 15, 55, 5, 5]);
      const kind = pick(rand, SITE_KINDS, [25, 50, 15, 10]);
      const created = new Date(now - (1 + rand() * 700) * DAY);
      const caseId = randomUUID();
      const reviewer = deepestStaff(grants, v.path);
      const steps = PATHS[state];
      history.push({ case_id: caseId, seq: 1, action: 'open', from_state: null, to_state: 'submitted', actor_id: reviewer, system: false, assignee_id: null, comment: null, document_ids: [], at: created });
      steps.forEach(([action, from, to], k) => history.push({
        case_id: caseId, seq: k + 2, action, from_state: from, to_state: to, actor_id: reviewer, system: false, assignee_id: null,
        comment: action === 'district_return' ? 'فاصله تا آب سطحی را با اندازه‌گیری دوباره اصلاح کنید.' : action === 'remove' ? 'ثبت تکراری' : null,
        document_ids: [], at: new Date(created.getTime() + (k + 1) * 3 * DAY),
      }));
      const last = new Date(created.getTime() + steps.length * 3 * DAY);
      const sla = landfillSiteWorkflow.states[state]!.sla;
      cases.push({
        id: caseId, definition: landfillSiteWorkflow.key, state, version: steps.length + 1, division_id: v.id, division_path: v.path, subject_ref: null,
        title: `${KIND_NAMES[kind]} ${v.name}`, due_at: sla && state !== 'returned' ? addWorkingDays(last, sla.workingDays, holidays) : null,
        returned_by_id: state === 'returned' ? reviewer : null, returned_from_state: state === 'returned' ? 'submitted' : null,
        sla_paused_state: state === 'returned' ? 'submitted' : null, sla_remaining_days: state === 'returned' ? 3 : null,
        data: {}, created_by_id: reviewer, created_at: created, updated_at: last,
      });
      const capacity = Math.round(5_000 + rand() * 200_000);
      sites.push({
        name: `${KIND_NAMES[kind]} ${v.name}`, kind, status: pick(rand, SITE_STATUSES, [70, 15, 10, 5]), lat: v.lat + (rand() - 0.5) * 0.02, lon: v.lon + (rand() - 0.5) * 0.02,
        division_id: v.id, division_path: v.path, operator: `دهیاری ${v.name}`, start_year: 1380 + Math.floor(rand() * 24), area_m2: Math.round(2_000 + rand() * 50_000),
        capacity, capacity_unit: pick(rand, CAPACITY_UNITS, [80, 20]), fill_percent: Math.round(rand() * 100), daily_intake_t: Math.round(rand() * 300) / 10,
        design_intake_t: Math.round(10 + rand() * 40), served_village_ids: [v.id], dist_water_m: Math.round(100 + rand() * 5_000), dist_settlement_m: Math.round(200 + rand() * 5_000),
        dist_road_m: Math.round(50 + rand() * 3_000), groundwater_depth_m: Math.round(2 + rand() * 60), soil_notes: '', flags: SENSITIVITY_FLAGS.filter(() => rand() < 0.1),
        population_exposed: Math.round(rand() * 3_000), required_funding_mrial: Math.round(rand() * 20_000), document_ids: [], case_id: caseId, version: 0,
        created_by_id: reviewer, created_at: created, updated_at: last,
      });
    }
    await insertRows(tx, 'wf_cases', cases);
    await insertRows(tx, 'wf_history', history);
    await insertRows(tx, 'landfill_sites', sites);
  });
  await db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'generate.landfills', entityType: 'landfill_site', entityId: 'generated', divisionPath: '/', data: { count, seed: opts.seed ?? 1, seconds } }));
}
