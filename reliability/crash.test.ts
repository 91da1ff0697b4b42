/**
 * Crash test: a steady stream of complaint submissions (three signed-in citizens) and a reviewer's transitions
 * (assign, then answer) while the server is killed with SIGKILL at random moments and restarted on the same data.
 * Afterwards every submission acknowledged with a tracking code is there, intact, through the public lookup and
 * the staff API; every case is wholly before or wholly after each transition (state, history, assignee, reply,
 * SLA and auto-close jobs, SMS, audit); and the audit chain verifies. On the embedded database (a killed
 * process's folder lock is taken over by the next start) and on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../e2e/support.js';
import { SMS_FA } from '../src/modules/complaints/server/fa-staff.js';
import { AUTO_CLOSE_JOB } from '../src/modules/complaints/server/jobs.js';
import {
  BACKENDS, UnexpectedStatus, auditVerify, call, checkFiled, citizen, complaintFixtures, fileComplaint, freshStore, kill, query, sleep, staff, start, withDb,
  type Filed,
} from './support.js';

const KILLS = 3;
const REVIEWED = 16;

describe.each(BACKENDS)('SIGKILL under load (%s)', (backend) => {
  it(`${KILLS} kills during submissions and transitions: nothing acknowledged lost, nothing half-applied`, async () => {
    const store = await freshStore(backend);
    let server: RunningServer = await start(store);
    try {
      const fx = await complaintFixtures(server.baseUrl);
      const citizens = [];
      for (let i = 0; i < 3; i++) citizens.push(await citizen(server, `0913100000${i}`, `10.1.0.${i + 1}`));
      const reviewer = await staff(server.baseUrl, 'district.reviewer');
      const inspector = await staff(server.baseUrl, 'inspector');

      // The cases the reviewer will move while the server dies under him.
      const reviewed: Filed[] = [];
      for (let i = 0; i < REVIEWED; i++) reviewed.push(await fileComplaint(server.baseUrl, citizens[i % 3]!, fx, `${backend}-r`));
      const filed: Filed[] = [...reviewed];
      const acked = new Map<string, Set<string>>(reviewed.map((f) => [f.id, new Set<string>()]));

      let stopping = false;
      const unexpected: string[] = []; // answers other than 201 / 200 / 409 (network errors while down are expected)
      let base = server.baseUrl;
      const submitter = async (session: Record<string, string>) => {
        while (!stopping) {
          try {
            filed.push(await fileComplaint(base, session, fx, backend));
          } catch (e) {
            if (e instanceof UnexpectedStatus) unexpected.push(e.message);
            await sleep(150); // the server is down: try again
          }
        }
      };
      const reviewerLoop = async () => {
        for (let i = 0; !stopping; i++) {
          const f = reviewed[i % reviewed.length]!;
          try {
            const v = await call(base, 'GET', `/api/v1/complaints/${f.id}`, reviewer.headers);
            if (v.status !== 200) {
              unexpected.push(`GET complaint → ${v.status}`);
              continue;
            }
            const body =
              v.body.state === 'submitted' ? { action: 'assign', expectedVersion: v.body.version, assigneeId: reviewer.userId }
              : v.body.state === 'in_progress' ? { action: 'answer', expectedVersion: v.body.version, comment: 'چاله پر شد؛ از گزارش شما سپاسگزاریم.' }
              : null;
            if (!body) continue;
            const r = await call(base, 'POST', `/api/v1/complaints/${f.id}/actions`, reviewer.headers, body);
            if (r.status === 200) acked.get(f.id)!.add(body.action);
            else if (r.status !== 409) unexpected.push(`${body.action} → ${r.status} ${JSON.stringify(r.body)}`);
          } catch {
            await sleep(150);
          }
        }
      };
      const loops = [...citizens.map(submitter), reviewerLoop()];

      const progress: number[] = [];
      for (let k = 0; k < KILLS; k++) {
        await sleep(1_500 + Math.random() * 2_500);
        progress.push(filed.length);
        await kill(server);
        server = await start(store);
        base = server.baseUrl;
      }
      await sleep(2_000);
      stopping = true;
      await Promise.all(loops);
      progress.push(filed.length);

      expect(unexpected).toEqual([]);
      // The stream ran between every two kills, and the reviewer got work done.
      for (let k = 1; k < progress.length; k++) expect(progress[k], `submissions acknowledged after restart ${k}`).toBeGreaterThan(progress[k - 1]!);
      const ackedActions = [...acked.values()].reduce((n, s) => n + s.size, 0);
      expect(ackedActions).toBeGreaterThan(0);

      // Every acknowledged submission is there and intact, by tracking code and on the staff API.
      expect(await checkFiled(base, filed, inspector.headers)).toEqual([]);
      await server.stop();

      const problems = await withDb(store, async (db) => {
        const out: string[] = [];
        // No half-filed complaint: every complaint has its case, every complaints case its complaint.
        const [orphans] = await query<{ n: number }>(db, sql`
          select (select count(*) from wf_cases w where w.definition = 'complaints.case' and not exists (select 1 from complaints c where c.case_id = w.id))::int
               + (select count(*) from complaints c where not exists (select 1 from wf_cases w where w.id = c.case_id))::int as n`);
        if (orphans!.n !== 0) out.push(`${orphans!.n} complaints without case or cases without complaint`);
        for (const f of reviewed) {
          const [c] = await query<{ state: string; version: number; assignee_id: number | null; answered_at: unknown; mobile: string; case_id: string }>(db, sql`
            select w.state, w.version, w.assignee_id, c.answered_at, c.mobile, w.id as case_id from complaints c join wf_cases w on w.id = c.case_id where c.id = ${f.id}`);
          const h = await query<{ seq: number; action: string; from_state: string | null; to_state: string }>(db, sql`
            select seq, action, from_state, to_state from wf_history where case_id = ${c!.case_id} order by seq`);
          const count = async (q: ReturnType<typeof sql>) => (await query<{ n: number }>(db, q))[0]!.n;
          const replies = await count(sql`select count(*)::int as n from complaints_messages where complaint_id = ${f.id} and kind = 'reply'`);
          const slaPending = await query<{ key: string }>(db, sql`select key from jobs where key like ${`sla:${c!.case_id}:%`} and status = 'pending'`);
          const autoClose = await count(sql`select count(*)::int as n from jobs where kind = ${AUTO_CLOSE_JOB} and payload->>'complaintId' = ${f.id}`);
          const sms = await count(sql`select count(*)::int as n from notify_outbox where recipient = ${c!.mobile} and body = ${SMS_FA.answered(f.trackingCode)}`);
          const audits = await count(sql`select count(*)::int as n from audit_log where entity_id = ${c!.case_id} and action = 'workflow.transition'`);
          const want = { submitted: ['open'], in_progress: ['open', 'assign'], answered: ['open', 'assign', 'answer'] }[c!.state];
          const got = {
            actions: h.map((r) => r.action),
            dense: h.every((r, i) => r.seq === i + 1 && (i === 0 || r.from_state === h[i - 1]!.to_state)),
            last: h.at(-1)?.to_state,
            version: c!.version,
            assignee: c!.assignee_id,
            answered: c!.answered_at != null,
            replies, autoClose, sms, audits,
            sla: slaPending.map((j) => j.key),
          };
          const expected = {
            actions: want,
            dense: true,
            last: c!.state,
            version: want?.length,
            assignee: c!.state === 'in_progress' ? reviewer.userId : null,
            answered: c!.state === 'answered',
            replies: c!.state === 'answered' ? 1 : 0,
            autoClose: c!.state === 'answered' ? 1 : 0,
            sms: c!.state === 'answered' ? 1 : 0,
            audits: (want?.length ?? 0) - 1,
            sla: c!.state === 'answered' ? [] : [`sla:${c!.case_id}:${c!.version}`],
          };
          if (JSON.stringify(got) !== JSON.stringify(expected)) out.push(`${f.trackingCode} (${c!.state}): ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
          const a = acked.get(f.id)!;
          if (a.has('assign') && c!.state === 'submitted') out.push(`${f.trackingCode}: acknowledged assign lost`);
          if (a.has('answer') && c!.state !== 'answered') out.push(`${f.trackingCode}: acknowledged answer lost`);
        }
        return out;
      });
      expect(problems).toEqual([]);

      const verified = await auditVerify(store);
      expect(verified.code, verified.out).toBe(0);
      console.log(`[crash ${backend}] ${KILLS} kills, ${filed.length} submissions acknowledged and intact, ${ackedActions} transitions acknowledged; ${verified.out.trim()}`);
    } finally {
      await kill(server);
      await store.drop();
    }
  });
});
