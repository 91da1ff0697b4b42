import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import type { Actor } from '../access/actor.js';
import { auditLog } from '../audit/schema.js';
import type { Database, Db } from '../db/client.js';
import { enqueue, JobWorker } from '../jobs/queue.js';
import { jobs } from '../jobs/schema.js';
import { notifyOutbox } from '../notify/schema.js';
import { createTestDatabase } from '../../test/db.js';
import { registerWorkflow } from './definition.js';
import { caseHistory, getCase, openCase, transition, type WorkflowCase } from './engine.js';
import { wfCases } from './schema.js';
import { SLA_JOB_KIND, registerSlaJobs, slaJobKey } from './sla.js';
import { createCitizen, createDivision, createStaff, createTree } from '../../test/factories.js';
import { sampleReview } from './test-sample.js';

let database: Database;
let db: Db;
let worker: JobWorker;
let citizen: Actor, districtRev: Actor, provinceRev: Actor, farProvinceRev: Actor, expertCountry: Actor, expertProvince: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(sampleReview);
  tree = await createTree(db);
  const farProvince = await createDivision(db, 'province', undefined, 'استان دیگر');
  citizen = await createCitizen(db);
  districtRev = await createStaff(db, [['district.reviewer', tree.district]], { mobile: '09120000001' });
  provinceRev = await createStaff(db, [['province.reviewer', tree.province]], { mobile: null, email: 'ostan@example.ir' });
  farProvinceRev = await createStaff(db, [['province.reviewer', farProvince]], { mobile: '09120000003' });
  expertCountry = await createStaff(db, [['expert.rural', null]], { mobile: '09120000004' });
  expertProvince = await createStaff(db, [['expert.rural', tree.province]], { mobile: '09120000005' });
  worker = registerSlaJobs(new JobWorker({ log: pino({ level: 'silent' }) }));
});
afterAll(async () => { await database.close(); });

const act = (c: WorkflowCase, action: string, actor: Actor, comment?: string) =>
  transition(db, { caseId: c.id, action, actor, expectedVersion: c.version, comment });
const open = () => db.transaction((tx) => openCase(tx, { definition: sampleReview, divisionId: tree.city.id, title: 'پرونده دیرکرد', actor: citizen }));

/** Moves time for one case: its deadline and its SLA job are set in the past (no sleeping). */
async function overdue(c: WorkflowCase): Promise<void> {
  await db.update(wfCases).set({ dueAt: sql`now() - interval '2 days'` }).where(eq(wfCases.id, c.id));
  await db.update(jobs).set({ runAt: sql`now() - interval '2 days'` }).where(eq(jobs.key, slaJobKey(c.id, c.version)));
}
const outbox = async () => (await db.select().from(notifyOutbox).orderBy(notifyOutbox.id)).map((m) => `${m.channel}:${m.recipient}`);
const clearOutbox = () => db.delete(notifyOutbox);

describe('SLA job', () => {
  it('escalates a late case: escalated + 1, system history row, audit event, outbox for the nearest escalation role', async () => {
    await clearOutbox();
    const c = await act(await open(), 'start_review', districtRev);
    await overdue(c);
    expect(await worker.runOnce(db)).toMatchObject({ claimed: 1, done: 1 });
    const after = (await getCase(db, c.id))!;
    expect(after).toMatchObject({ state: 'district_review', version: c.version, escalated: 1 });
    expect((await caseHistory(db, c.id)).at(-1)).toMatchObject({ action: 'sla.escalate', system: true, actorId: null, fromState: 'district_review', toState: 'district_review' });
    const [ev] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'workflow.sla_escalated')));
    expect(ev!.data).toMatchObject({ state: 'district_review', onLate: 'escalate', notified: [provinceRev.id] });
    // The province reviewer of this province (by email: no mobile), not the other province's.
    expect(await outbox()).toEqual(['email:ostan@example.ir']);
    const [msg] = await db.select().from(notifyOutbox);
    expect(msg!.body).toContain('پرونده دیرکرد');
    expect(msg!.body).toContain('بررسی بخشداری');
    // Once only: the job is done.
    expect(await worker.runOnce(db)).toMatchObject({ claimed: 0 });
    expect((await getCase(db, c.id))!.escalated).toBe(1);
    expect((await db.select().from(jobs).where(eq(jobs.key, slaJobKey(c.id, c.version))))[0]!.status).toBe('done');
  });

  it('notifies the people who can act when onLate is notify (submitted → the district reviewers)', async () => {
    await clearOutbox();
    const c = await open();
    await overdue(c);
    await worker.runOnce(db);
    expect((await getCase(db, c.id))!.escalated).toBe(1);
    expect(await outbox()).toEqual(['sms:09120000001']);
  });

  it('escalates to the holders nearest to the case (the province expert, not the national one) and tells the assignee', async () => {
    await clearOutbox();
    let c = await act(await act(await open(), 'start_review', districtRev), 'district_approve', districtRev);
    c = await act(await act(c, 'province_return', provinceRev, 'اصلاح'), 'resubmit', citizen); // assigned to provinceRev
    await overdue(c);
    await worker.runOnce(db);
    expect((await outbox()).sort()).toEqual(['email:ostan@example.ir', 'sms:09120000005']);
    expect(expertCountry.id).not.toBe(expertProvince.id);
  });

  it('does nothing when the case has moved on, or when its deadline has not passed', async () => {
    await clearOutbox();
    const c = await open();
    const moved = await act(c, 'start_review', districtRev);
    // A stale job for version 1 (as if scheduled before the transition and not cancelled).
    await enqueue(db, { kind: SLA_JOB_KIND, key: 'stale', payload: { caseId: c.id, version: 1, state: 'submitted' }, runAt: new Date(Date.now() - 1000) });
    // A job that fires early: the deadline is still ahead.
    await db.update(jobs).set({ runAt: sql`now() - interval '1 minute'` }).where(eq(jobs.key, slaJobKey(moved.id, moved.version)));
    expect(await worker.runOnce(db)).toMatchObject({ claimed: 2, done: 2 });
    expect((await getCase(db, c.id))!.escalated).toBe(0);
    expect(await outbox()).toEqual([]);
    expect((await caseHistory(db, c.id)).map((h) => h.action)).toEqual(['open', 'start_review']);
  });

  it('a transition drops the pending SLA job of the state it leaves', async () => {
    const c = await open();
    expect(await db.select().from(jobs).where(eq(jobs.key, slaJobKey(c.id, 1)))).toHaveLength(1);
    await act(c, 'start_review', districtRev);
    expect(await db.select().from(jobs).where(eq(jobs.key, slaJobKey(c.id, 1)))).toHaveLength(0);
    expect(farProvinceRev.id).toBeGreaterThan(0);
  });
});
