/**
 * Two server processes on one PostgreSQL database, requests alternated between them with no affinity (as a
 * round-robin load balancer would): sessions made on one work on the other, each SLA job runs exactly once with
 * both workers polling, rate limits hold across both (the shared limit, not twice it), and the same transition
 * sent to both at once is applied once (200) and refused once (409).
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { sqlList } from '../src/core/db/client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../e2e/support.js';
import { WF_FA } from '../src/core/workflow/fa.js';
import { complaintWorkflow } from '../src/modules/complaints/server/workflow.js';
import { call, citizen, complaintFixtures, fileComplaint, freshStore, kill, query, sleep, staff, start, withDb, type Filed, type Session, type Store } from './support.js';

let store: Store;
let a: RunningServer;
let b: RunningServer;
let fx: { categoryId: number; divisionId: number };
let citizenA: Session;

beforeAll(async () => {
  store = await freshStore('postgres');
  // One after the other: each start also re-applies the (idempotent) demo data. Both run the background jobs.
  a = await start(store, { WORKER: '1' });
  b = await start(store, { WORKER: '1' });
  fx = await complaintFixtures(a.baseUrl);
  citizenA = await citizen(a, '09132000001', '10.2.0.1');
});

afterAll(async () => {
  await Promise.all([a && kill(a), b && kill(b)]);
  await store?.drop();
});

/** `n` complaints filed alternately on both instances. */
async function fileMany(n: number, tag: string): Promise<Filed[]> {
  const out: Filed[] = [];
  for (let i = 0; i < n; i++) out.push(await fileComplaint((i % 2 ? b : a).baseUrl, citizenA, fx, tag));
  return out;
}

describe('two instances on one PostgreSQL (no affinity)', () => {
  it('a session made on one works on the other: reads, CSRF-checked writes, logout', async () => {
    const reviewer = await staff(a.baseUrl, 'district.reviewer', '10.2.1.1');
    const me = await call(b.baseUrl, 'GET', '/api/v1/me', reviewer.headers);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(reviewer.userId);
    expect(me.body.csrfToken).toBe(reviewer.headers['x-csrf-token']);

    // The citizen signed in on A files on B; the reviewer signed in on A writes a note on B (CSRF checked there).
    const [f] = await fileMany(1, 'session');
    const onB = await fileComplaint(b.baseUrl, citizenA, fx, 'session-b');
    expect(onB.trackingCode).toMatch(/^\d{13}$/);
    const noCsrf = await call(b.baseUrl, 'POST', `/api/v1/complaints/${f!.id}/notes`, { cookie: reviewer.headers.cookie! }, { body: 'یادداشت بدون توکن' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('csrf_failed');
    const note = await call(b.baseUrl, 'POST', `/api/v1/complaints/${f!.id}/notes`, reviewer.headers, { body: 'یادداشت داخلی از نمونه دوم' });
    expect(note.status).toBe(201);

    // Signing out on B ends the session on A too.
    expect((await call(b.baseUrl, 'POST', '/api/v1/auth/logout', reviewer.headers)).status).toBe(204);
    expect((await call(a.baseUrl, 'GET', '/api/v1/me', reviewer.headers)).status).toBe(401);
  });

  it('rate limits are shared: tracking-code guesses and login tries alternated between the two are refused after the one limit', async () => {
    // Tracking lookups: 10 misses per 10 minutes per address. Per instance, alternating would allow 20.
    const ip = '10.2.2.1';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = String(randomInt(1e12, 1e13 - 1));
      statuses.push((await call((i % 2 ? b : a).baseUrl, 'GET', `/api/v1/complaints/track/${guess}`, { 'x-forwarded-for': ip })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(404), 429, 429]);
    // Blocked on both, even for a real code; another address is not.
    const [real] = await fileMany(1, 'limit');
    for (const s of [a, b]) expect((await call(s.baseUrl, 'GET', `/api/v1/complaints/track/${real!.trackingCode}`, { 'x-forwarded-for': ip })).status).toBe(429);
    expect((await call(b.baseUrl, 'GET', `/api/v1/complaints/track/${real!.trackingCode}`, { 'x-forwarded-for': '10.2.2.2' })).status).toBe(200);

    // Login: 10 tries a minute per (address, account) through @fastify/rate-limit's store.
    const logins: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await call((i % 2 ? b : a).baseUrl, 'POST', '/api/v1/auth/login', { 'x-forwarded-for': '10.2.2.3' }, { username: 'no-such-user', password: 'wrong-password' });
      logins.push(r.status);
    }
    expect(logins).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('each SLA job runs exactly once with both workers polling: one escalation, one history row, one set of messages per case', async () => {
    const cases = await fileMany(30, 'sla');
    const ids = cases.map((c) => c.id);
    // Make their first-step deadline (2 working days) already passed, and their SLA jobs due now.
    const caseIds = await withDb(store, async (db) => {
      const r = await query<{ case_id: string }>(db, sql`select case_id from complaints where id in (${sqlList(ids)})`);
      const list = r.map((x) => x.case_id);
      await query(db, sql`update wf_cases set due_at = now() - interval '1 minute' where id in (${sqlList(list)})`);
      const keys = list.map((id) => `sla:${id}:1`);
      // The supervisors who hear about it get a mobile (the demo accounts have none), so each run leaves SMS.
      await query(db, sql`update auth_users set mobile = '0912' || lpad(id::text, 7, '0') where username in ('province.reviewer', 'inspector')`);
      const due = await query(db, sql`update jobs set run_at = now() where key in (${sqlList(keys)}) and status = 'pending' returning 1`);
      expect(due.length).toBe(30);
      return list;
    });
    const keys = caseIds.map((id) => `sla:${id}:1`);
    let done = 0;
    for (let t = 0; t < 60 && done < 30; t++) {
      await sleep(1_000);
      done = await withDb(store, async (db) => (await query<{ n: number }>(db, sql`select count(*)::int as n from jobs where key in (${sqlList(keys)}) and status = 'done'`))[0]!.n);
    }
    expect(done).toBe(30);
    await sleep(500);

    const result = await withDb(store, async (db) => {
      const per = await query<{ id: string; title: string; escalated: number; history: number; audits: number; notified: number }>(db, sql`
        select w.id, w.title, w.escalated,
          (select count(*)::int from wf_history h where h.case_id = w.id and h.action = 'sla.escalate') as history,
          (select count(*)::int from audit_log l where l.entity_id = w.id::text and l.action = 'workflow.sla_escalated') as audits,
          (select coalesce(sum(jsonb_array_length(l.data->'notified')), 0)::int from audit_log l where l.entity_id = w.id::text and l.action = 'workflow.sla_escalated') as notified
        from wf_cases w where w.id in (${sqlList(caseIds)})`);
      const messages: number[] = [];
      for (const c of per) {
        const body = WF_FA.lateBody(c.title, complaintWorkflow.states.submitted.title, complaintWorkflow.title);
        messages.push((await query<{ n: number }>(db, sql`select count(*)::int as n from notify_outbox where body = ${body}`))[0]!.n);
      }
      return { per, messages };
    });
    expect(result.per.map((c) => [c.escalated, c.history, c.audits])).toEqual(Array(30).fill([1, 1, 1]));
    // The messages of each escalation were written once: as many as the one run says it notified, at least one.
    expect(result.per.every((c) => c.notified >= 1)).toBe(true);
    expect(result.messages).toEqual(result.per.map((c) => c.notified));
  });

  it('the same transition sent to both at once: exactly one 200, the other 409, one history row', async () => {
    const reviewer = await staff(a.baseUrl, 'district.reviewer', '10.2.3.1');
    const cases = await fileMany(8, 'race');
    for (const f of cases) {
      const body = { action: 'assign', expectedVersion: 1, assigneeId: reviewer.userId };
      const results = await Promise.all([a, b].map((s) => call(s.baseUrl, 'POST', `/api/v1/complaints/${f.id}/actions`, reviewer.headers, body)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('version_conflict');
    }
    const assigns = await withDb(store, (db) => query<{ n: number }>(db, sql`
      select count(*)::int as n from wf_history h join complaints c on c.case_id = h.case_id
      where c.id in (${sqlList(cases.map((c) => c.id))}) and h.action = 'assign'`));
    expect(assigns[0]!.n).toBe(8);
  });
});
