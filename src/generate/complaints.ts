// Generated complaints: real workflow cases (`complaints.case`) in every state, with the history of the steps that
// led there, the replies the citizen reads, valid tracking codes, SLA deadlines in working days; spread over the
// cities and villages (a share inside the demo district reviewer's scope when the demo is loaded). Written in
// batches of set-based inserts; no SMS, jobs or per-row audit (one audit event records the run).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../core/audit/audit.js';
import { SYSTEM_ACTOR } from '../core/access/actor.js';
import { rows, type Database } from '../core/db/client.js';
import { addWorkingDays, loadHolidays, workingDaysBetween } from '../core/workflow/calendar.js';
import { seededRandom } from '../core/random.js';
import { ensureCategories } from '../modules/complaints/server/categories.js';
import { complaintWorkflow } from '../modules/complaints/server/workflow.js';
import { DEFER_INDEXES_FROM, inBatches, insertRows, withIndexesDeferred, pick, seededTrackingCode, type Row } from './batch.js';
import { deepestStaff, demoScopePath, ensureCitizens, staffGrants } from './people.js';
import { COMPLAINT_SENTENCES, COMPLAINT_SUBJECTS, DUPLICATE_TEXT, INFO_REQUEST, REJECT_TEXT, REOPEN_TEXT, REPLY_TEXTS } from './words.js';

export interface GenerateOptions {
  seed?: number;
  log?: (s: string) => void;
}

const DAY = 86_400_000;
const BATCH = 5_000;
/** Share of the complaints placed in the demo district reviewer's scope (Central district of Sari), when it exists. */
export const DEMO_DISTRICT_SHARE = 0.08;

type State = 'submitted' | 'in_progress' | 'needs_info' | 'answered' | 'reopened' | 'closed' | 'rejected' | 'duplicate' | 'withdrawn';
const STATES: State[] = ['submitted', 'in_progress', 'needs_info', 'answered', 'reopened', 'closed', 'rejected', 'duplicate', 'withdrawn'];
const STATE_WEIGHTS = [8, 14, 4, 6, 2, 52, 6, 3, 5];
/** How long ago cases of each state were filed (days, at most): open ones are recent. */
const AGE_DAYS: Record<State, number> = { submitted: 4, in_progress: 30, needs_info: 30, answered: 7, reopened: 20, closed: 730, rejected: 730, duplicate: 730, withdrawn: 730 };
/** The actions that lead to each state, after `open`. */
const PATHS: Record<State, (keyof typeof complaintWorkflow.actions)[]> = {
  submitted: [], in_progress: ['assign'], needs_info: ['assign', 'request_info'], answered: ['assign', 'answer'],
  reopened: ['assign', 'answer', 'reopen'], closed: ['assign', 'answer', 'rate'], rejected: ['reject'], duplicate: ['mark_duplicate'], withdrawn: ['withdraw'],
};
const STAFF_ROLES = ['municipality', 'dehyari', 'district.reviewer', 'province.reviewer', 'inspector'] as const;
const KINDS = ['complaint', 'request', 'report', 'suggestion', 'appreciation'] as const;
const KIND_WEIGHTS = [55, 25, 12, 5, 3];

interface Place {
  id: number;
  path: string;
  lat: number | null;
  lon: number | null;
}

async function places(db: Database['db']): Promise<{ all: Place[]; demo: Place[] }> {
  const all = (await rows<{ id: number; path: string; lat: number | null; lon: number | null }>(db, sql`
    select id, path, lat, lon from org_divisions where level in ('city', 'village') order by id`)).map((r) => ({ ...r, id: Number(r.id) }));
  if (!all.length) throw new Error('generate: no cities or villages; import the divisions (or load the demo) first');
  const demoPath = await demoScopePath(db, 'district.reviewer', 'district.reviewer');
  return { all, demo: demoPath ? all.filter((p) => p.path.startsWith(demoPath)) : [] };
}

/**
 * Writes `count` complaints with their workflow cases, history and replies. Needs divisions with cities or
 * villages (the demo's or imported ones) and the complaint categories (created if missing). Deterministic for a
 * seed, except that tracking codes already in the database are drawn again.
 */
export async function generateComplaints(database: Database, count: number, opts: GenerateOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const rand = seededRandom(opts.seed ?? 1);
  const { db } = database;
  await ensureCategories(db);
  const cats = (await rows<{ id: number; sla_days: number; name: string }>(db, sql`
    select c.id, c.sla_days, c.name from complaints_categories c where c.active and c.parent_id is not null
    and not exists (select 1 from complaints_categories k where k.parent_id = c.id) order by c.id`)).map((c) => ({ id: Number(c.id), slaDays: Number(c.sla_days), name: c.name }));
  const { all, demo } = await places(db);
  const citizens = await ensureCitizens(db, Math.max(50, Math.ceil(count / 4)));
  const grants = await staffGrants(db, STAFF_ROLES);
  const holidays = await loadHolidays(db);
  const assigneeOf = new Map<string, number | null>();
  const staffFor = (path: string) => {
    if (!assigneeOf.has(path)) assigneeOf.set(path, deepestStaff(grants, path));
    return assigneeOf.get(path)!;
  };
  const seen = new Set<string>();
  const now = Date.now();
  log(`complaints: ${count.toLocaleString('en')} over ${all.length.toLocaleString('en')} places (${demo.length} in the demo district), ${citizens.length.toLocaleString('en')} citizens`);

  const write = () => inBatches(db, 'complaints', count, BATCH, log, async (tx, _from, n) => {
    const cases: Row[] = [];
    const complaints: Row[] = [];
    const history: Row[] = [];
    const messages: Row[] = [];
    for (let i = 0; i < n; i++) {
      const state = pick(rand, STATES, STATE_WEIGHTS);
      const place = demo.length && rand() < DEMO_DISTRICT_SHARE ? pick(rand, demo) : pick(rand, all);
      const cat = pick(rand, cats);
      const citizen = pick(rand, citizens);
      const anonymous = rand() < 0.05;
      const created = new Date(now - (0.02 + rand() * AGE_DAYS[state]) * DAY);
      const id = randomUUID();
      const caseId = randomUUID();
      let code = seededTrackingCode(rand);
      while (seen.has(code)) code = seededTrackingCode(rand);
      seen.add(code);
      const subject = `${pick(rand, COMPLAINT_SUBJECTS)}`;
      const body = [pick(rand, COMPLAINT_SENTENCES), pick(rand, COMPLAINT_SENTENCES), pick(rand, COMPLAINT_SENTENCES)].join(' ');
      const staff = staffFor(place.path);
      // The steps, spread between filing and now (or a few days for old cases).
      const steps = PATHS[state];
      const span = Math.min(now - created.getTime(), (3 + rand() * 20) * DAY);
      const times = steps.map((_, k) => new Date(created.getTime() + (span * (k + 1)) / (steps.length + 1)));
      let from = 'submitted';
      history.push({ case_id: caseId, seq: 1, action: 'open', from_state: null, to_state: 'submitted', actor_id: citizen.id, system: false, assignee_id: null, comment: null, document_ids: [], at: created });
      let assignee: number | null = null;
      let answeredAt: Date | null = null;
      let firstAnswer: Date | null = null;
      steps.forEach((action, k) => {
        const to = complaintWorkflow.actions[action]!.to;
        const at = times[k]!;
        const byCitizen = action === 'rate' || action === 'reopen' || action === 'withdraw';
        // Leaving a state releases the case (the engine's routing); only `assign` hands it to someone.
        assignee = action === 'assign' ? staff : null;
        const comment = action === 'answer' ? pick(rand, REPLY_TEXTS) : action === 'request_info' ? INFO_REQUEST : action === 'reject' ? REJECT_TEXT
          : action === 'mark_duplicate' ? DUPLICATE_TEXT : action === 'reopen' ? REOPEN_TEXT : null;
        history.push({ case_id: caseId, seq: k + 2, action, from_state: from, to_state: to, actor_id: byCitizen ? citizen.id : staff, system: false, assignee_id: assignee, comment, document_ids: [], at });
        if (comment && !byCitizen) messages.push({ complaint_id: id, kind: action === 'request_info' ? 'info_request' : 'reply', body: comment, author_id: staff, document_ids: [], created_at: at });
        if (action === 'answer') {
          answeredAt = at;
          firstAnswer ??= at;
        }
        from = to;
      });
      const last = times.at(-1) ?? created;
      const final = complaintWorkflow.states[state]!.final === true;
      let dueAt: Date | null = null;
      if (state === 'submitted') dueAt = addWorkingDays(created, 2, holidays);
      else if (state === 'in_progress') dueAt = addWorkingDays(last, cat.slaDays, holidays);
      else if (state === 'needs_info') dueAt = addWorkingDays(last, 10, holidays);
      else if (state === 'reopened') dueAt = addWorkingDays(last, 5, holidays);
      const days = firstAnswer ? Math.max(0, workingDaysBetween(created, firstAnswer, holidays)) : null;
      cases.push({
        id: caseId, definition: complaintWorkflow.key, state, version: steps.length + 1, division_id: place.id, division_path: place.path, subject_ref: id,
        title: subject, assignee_id: assignee, due_at: dueAt, returned_by_id: state === 'needs_info' ? staff : null, returned_from_state: state === 'needs_info' ? 'in_progress' : null, sla_paused_state: state === 'needs_info' ? 'in_progress' : null,
        sla_remaining_days: state === 'needs_info' ? Math.max(1, Math.floor(rand() * cat.slaDays)) : null,
        data: { slaDays: cat.slaDays, complaintId: id }, created_by_id: citizen.id, created_at: created, updated_at: last,
      });
      const jitter = () => (rand() - 0.5) / 100;
      complaints.push({
        id, case_id: caseId, tracking_code: code, kind: pick(rand, KINDS, KIND_WEIGHTS), category_id: cat.id, division_id: place.id, division_path: place.path,
        lat: place.lat == null ? null : place.lat + jitter(), lon: place.lon == null ? null : place.lon + jitter(), address: null, subject, body, answers: {},
        mobile: citizen.mobile, citizen_name: anonymous ? null : citizen.name, anonymous, citizen_id: citizen.id, source: 'web',
        rating: state === 'closed' ? 1 + Math.floor(rand() * 5) : null, reopened_count: state === 'reopened' ? 1 : 0,
        answered_at: answeredAt, first_answered_at: firstAnswer, answer_working_days: days, answered_on_time: days == null ? null : days <= 2 + cat.slaDays,
        closed_at: final ? last : null, created_at: created, updated_at: last,
      });
    }
    // Codes already taken by earlier runs (or the demo): draw again until none is.
    for (let check = complaints; check.length; ) {
      const taken = new Set((await rows<{ tracking_code: string }>(tx, sql`
        select tracking_code from complaints where tracking_code in (select json_array_elements_text(${JSON.stringify(check.map((c) => c.tracking_code))}::json))`)).map((r) => r.tracking_code));
      check = check.filter((c) => taken.has(c.tracking_code as string));
      for (const c of check) {
        let code = seededTrackingCode(rand);
        while (seen.has(code)) code = seededTrackingCode(rand);
        seen.add(code);
        c.tracking_code = code;
      }
    }
    await insertRows(tx, 'wf_cases', cases);
    await insertRows(tx, 'complaints', complaints);
    await insertRows(tx, 'wf_history', history);
    await insertRows(tx, 'complaints_messages', messages);
  });
  const t0 = Date.now();
  if (count >= DEFER_INDEXES_FROM) await withIndexesDeferred(db, ['complaints', 'wf_cases', 'wf_history', 'complaints_messages'], log, write);
  else await write();
  const seconds = (Date.now() - t0) / 1000;
  await db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'generate.complaints', entityType: 'complaint', entityId: 'generated', divisionPath: '/', data: { count, seed: opts.seed ?? 1, seconds } }));
}
