// Generated amriyeh applicants: applications to the open call, each cloned from one of the call's own applications
// (so its eligibility, score and station preferences are the ones the call's rules give for those answers), with
// a new person (name, valid national code, mobile, tracking code) and its review case in a state of the review
// (waiting at the district, returned, approved by the district, confirmed, rejected).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../core/access/actor.js';
import { appendAudit } from '../core/audit/audit.js';
import { rows, type Database } from '../core/db/client.js';
import { nationalCodeFrom } from '../core/fa/validators.js';
import { seededRandom } from '../core/random.js';
import { addWorkingDays, loadHolidays } from '../core/workflow/calendar.js';
import { amriyehWorkflow } from '../modules/amriyeh/server/workflow.js';
import { inBatches, insertRows, pick, seededTrackingCode, type Row } from './batch.js';
import type { GenerateOptions } from './complaints.js';
import { deepestStaff, ensureCitizens, staffGrants } from './people.js';
import { FIRST_NAMES, LAST_NAMES } from './words.js';

const DAY = 86_400_000;
const STATES = ['submitted', 'returned', 'district_approved', 'eligible', 'rejected'] as const;
const PATHS: Record<(typeof STATES)[number], [string, string, string, 'district' | 'province'][]> = {
  submitted: [],
  returned: [['return', 'submitted', 'returned', 'district']],
  district_approved: [['district_approve', 'submitted', 'district_approved', 'district']],
  eligible: [['district_approve', 'submitted', 'district_approved', 'district'], ['province_confirm', 'district_approved', 'eligible', 'province']],
  rejected: [['district_reject', 'submitted', 'rejected', 'district']],
};
const COMMENTS: Record<string, string> = {
  return: 'تصویر کارت پایان خدمت یا معافیت خوانا نیست؛ دوباره بارگذاری کنید.',
  district_reject: 'محل سکونت اعلام‌شده در شهرستان ایستگاه نیست.',
};

/**
 * Writes `count` applications to the open call (the newest call in state `open` that has applications to clone);
 * logs and writes nothing when there is none (e.g. without the demo).
 */
export async function generateAmriyeh(database: Database, count: number, opts: GenerateOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const rand = seededRandom((opts.seed ?? 1) + 65_537);
  const { db } = database;
  const templates = await rows<Row & { call_id: number; division_path: string; division_id: number }>(db, sql`
    select a.*, w.division_path, w.division_id from amriyeh_applications a join wf_cases w on w.id = a.case_id
    where a.call_id = (select c.id from amriyeh_calls c where c.state = 'open' and exists (select 1 from amriyeh_applications x where x.call_id = c.id) order by c.id desc limit 1)
      and a.eligibility->>'eligible' = 'true'`);
  if (!templates.length) {
    log('amriyeh: no open call with applications to follow; skipped (load the demo first)');
    return;
  }
  const callId = Number(templates[0]!.call_id);
  const [{ n: existing }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from amriyeh_applications where call_id = ${callId}`)) as [{ n: number }];
  const people = await ensureCitizens(db, Math.max(50, count));
  const grants = await staffGrants(db, ['district.reviewer', 'province.reviewer']);
  const holidays = await loadHolidays(db);
  const now = Date.now();
  log(`amriyeh: ${count.toLocaleString('en')} applications to call ${callId}, following ${templates.length} of its applications`);
  const seconds = await inBatches(db, 'amriyeh', count, 5_000, log, async (tx, from, n) => {
    const cases: Row[] = [];
    const history: Row[] = [];
    const apps: Row[] = [];
    for (let i = 0; i < n; i++) {
      const t = pick(rand, templates);
      const person = people[(from + i) % people.length]!;
      const state = pick(rand, STATES, [45, 5, 20, 25, 5]);
      const created = new Date(now - (0.1 + rand() * 25) * DAY);
      const caseId = randomUUID();
      const id = randomUUID();
      const steps = PATHS[state];
      history.push({ case_id: caseId, seq: 1, action: 'open', from_state: null, to_state: 'submitted', actor_id: person.id, system: false, assignee_id: null, comment: null, document_ids: [], at: created });
      let last = created;
      steps.forEach(([action, fromState, to, level], k) => {
        last = new Date(created.getTime() + (k + 1) * DAY);
        const reviewer = deepestStaff(grants.filter((g) => g.role === `${level}.reviewer`), t.division_path);
        history.push({ case_id: caseId, seq: k + 2, action, from_state: fromState, to_state: to, actor_id: reviewer, system: false, assignee_id: null, comment: COMMENTS[action] ?? null, document_ids: [], at: last });
      });
      const sla = amriyehWorkflow.states[state]!.sla;
      const returner = state === 'returned' ? deepestStaff(grants.filter((g) => g.role === 'district.reviewer'), t.division_path) : null;
      const [first, lastName] = [pick(rand, FIRST_NAMES), pick(rand, LAST_NAMES)];
      cases.push({
        id: caseId, definition: amriyehWorkflow.key, state, version: steps.length + 1, division_id: t.division_id, division_path: t.division_path, subject_ref: id,
        title: `درخواست امریه ${first} ${lastName}`, returned_by_id: returner, returned_from_state: state === 'returned' ? 'submitted' : null,
        due_at: sla && state !== 'returned' ? addWorkingDays(last, sla.workingDays, holidays) : null,
        sla_paused_state: state === 'returned' ? 'submitted' : null, sla_remaining_days: state === 'returned' ? 3 : null,
        data: {}, created_by_id: person.id, created_at: created, updated_at: last,
      });
      apps.push({
        ...Object.fromEntries(Object.entries(t).filter(([k]) => !['division_path', 'division_id', 'state', 'version'].includes(k))),
        id, case_id: caseId, tracking_code: seededTrackingCode(rand), applicant_id: person.id, national_code: nationalCodeFrom(300_000_000 + existing + from + i),
        first_name: first, last_name: lastName, father_name: pick(rand, FIRST_NAMES), mobile: person.mobile, run_id: null, rank: null, assigned_station_id: null,
        created_at: created, updated_at: last,
      });
    }
    await insertRows(tx, 'wf_cases', cases);
    await insertRows(tx, 'wf_history', history);
    await insertRows(tx, 'amriyeh_applications', apps);
  });
  await db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'generate.amriyeh', entityType: 'amriyeh_application', entityId: 'generated', divisionPath: '/', data: { count, callId, seed: opts.seed ?? 1, seconds } }));
}
