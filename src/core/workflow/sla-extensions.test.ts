import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import pino from 'pino';
import type { Actor } from '../access/actor.js';
import { auditLog } from '../audit/schema.js';
import type { Database, Db } from '../db/client.js';
import { enqueue, JobWorker } from '../jobs/queue.js';
import { jobs } from '../jobs/schema.js';
import { notifyOutbox } from '../notify/schema.js';
import { createTestDatabase } from '../../test/db.js';
import { createCitizen, createStaff, createTree } from '../../test/factories.js';
import { addWorkingDays, loadHolidays, subtractWorkingDays } from './calendar.js';
import { registerWorkflow } from './definition.js';
import { caseHistory, getCase, openCase, transition, type WorkflowCase } from './engine.js';
import { REMIND_JOB_KIND, remindJobKey } from './remind.js';
import { registerSlaJobs } from './sla.js';
import { sampleComplaint } from './test-complaint.js';

let database: Database;
let db: Db;
let worker: JobWorker;
let citizen: Actor, rev: Actor, rev2: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(sampleComplaint);
  tree = await createTree(db);
  citizen = await createCitizen(db);
  rev = await createStaff(db, [['district.reviewer', tree.district]], { mobile: '09121000001' });
  rev2 = await createStaff(db, [['district.reviewer', tree.district]], { mobile: '09121000002' });
  await createStaff(db, [['district.reviewer', tree.otherDistrict]], { mobile: '09121000003' });
  worker = registerSlaJobs(new JobWorker({ log: pino({ level: 'silent' }) }));
});
afterAll(async () => { await database.close(); });

const open = (data?: Record<string, unknown>) =>
  db.transaction((tx) => openCase(tx, { definition: sampleComplaint, divisionId: tree.city.id, title: 'چاله خیابان', data, actor: citizen }));
const refer = (c: WorkflowCase, assigneeId: number | null, data?: Record<string, unknown>) =>
  transition(db, { caseId: c.id, action: 'refer', actor: rev, expectedVersion: c.version, assigneeId, data });
const plus = async (from: Date, days: number) => addWorkingDays(from, days, await loadHolidays(db));
const remindJob = async (c: WorkflowCase) => (await db.select().from(jobs).where(eq(jobs.key, remindJobKey(c.id, c.version))))[0];
/** Moves time for one reminder: its job becomes due now (the deadline stays ahead). */
const due = (c: WorkflowCase) => db.update(jobs).set({ runAt: sql`now() - interval '1 minute'` }).where(eq(jobs.key, remindJobKey(c.id, c.version)));
const outbox = async () => (await db.select().from(notifyOutbox).orderBy(notifyOutbox.id)).map((m) => `${m.channel}:${m.recipient}`);

describe('per-case SLA length (sla.dataKey)', () => {
  it('openCase uses data.slaDays for the initial state; a missing or bad value falls back to workingDays', async () => {
    const c = await open({ slaDays: 7 });
    expect(c.dueAt!.getTime()).toBe((await plus(c.createdAt, 7)).getTime());
    for (const data of [undefined, { slaDays: 0 }, { slaDays: '7' }, { slaDays: 2.5 }, { slaDays: 1000 }]) {
      const d = await open(data);
      expect(d.dueAt!.getTime()).toBe((await plus(d.createdAt, 3)).getTime());
    }
  });

  it('entering a state reads it from the data as merged by the transition', async () => {
    const kept = await refer(await open({ slaDays: 7 }), rev.id);
    expect(kept.dueAt!.getTime()).toBe((await plus(kept.updatedAt, 7)).getTime());
    const changed = await refer(await open({ slaDays: 7 }), rev.id, { slaDays: 4 });
    expect(changed.dueAt!.getTime()).toBe((await plus(changed.updatedAt, 4)).getTime());
    const none = await refer(await open(), rev.id);
    expect(none.dueAt!.getTime()).toBe((await plus(none.updatedAt, 10)).getTime());
  });
});

describe('reminder before the deadline (sla.remindBefore)', () => {
  it('is scheduled remindBefore working days before due_at; none when that moment has passed', async () => {
    const c = await open({ slaDays: 5 });
    const job = await remindJob(c);
    expect(job).toMatchObject({ kind: REMIND_JOB_KIND, status: 'pending', payload: { caseId: c.id, version: 1, state: 'received' } });
    expect(job!.runAt.getTime()).toBe((await plus(c.createdAt, 4)).getTime());
    expect(job!.runAt.getTime()).toBe(subtractWorkingDays(c.dueAt!, 1, await loadHolidays(db)).getTime());
    const short = await open({ slaDays: 1 }); // the reminder would be at (or before) the opening
    expect(await remindJob(short)).toBeUndefined();
    expect(await db.select().from(jobs).where(eq(jobs.key, `sla:${short.id}:1`))).toHaveLength(1);
  });

  it('fires: the people who can act are told (not another district), system history row, audit; version unchanged', async () => {
    await db.delete(notifyOutbox);
    const c = await open();
    await due(c);
    expect(await worker.runOnce(db)).toMatchObject({ claimed: 1, done: 1 });
    expect(await outbox()).toEqual(['sms:09121000001', 'sms:09121000002']);
    const [msg] = await db.select().from(notifyOutbox);
    expect(msg!.body).toContain('یادآوری');
    expect(msg!.body).toContain('چاله خیابان');
    expect(await getCase(db, c.id)).toMatchObject({ state: 'received', version: 1, escalated: 0 });
    expect((await caseHistory(db, c.id)).at(-1)).toMatchObject({ action: 'sla.remind', system: true, actorId: null, fromState: 'received', toState: 'received' });
    const [ev] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'workflow.sla_reminded')));
    expect(ev).toMatchObject({ actorId: null, data: { state: 'received', remindBefore: 1, notified: [rev.id, rev2.id] } });
  });

  it('a transition cancels the pending reminder; the next state\'s reminder goes to the assignee only', async () => {
    await db.delete(notifyOutbox);
    const c = await open();
    const d = await refer(c, rev2.id);
    expect(await remindJob(c)).toBeUndefined();
    expect((await remindJob(d))!.runAt.getTime()).toBe(subtractWorkingDays(d.dueAt!, 2, await loadHolidays(db)).getTime());
    // A self-loop keeps the deadline, so the reminder of the new version is at the same moment.
    const e = await transition(db, { caseId: d.id, action: 'reassign', actor: rev2, expectedVersion: d.version, assigneeId: rev.id });
    expect(await remindJob(d)).toBeUndefined();
    expect((await remindJob(e))!.runAt.getTime()).toBe(subtractWorkingDays(d.dueAt!, 2, await loadHolidays(db)).getTime());
    await due(e);
    await worker.runOnce(db);
    expect(await outbox()).toEqual(['sms:09121000001']);
    expect((await caseHistory(db, c.id)).at(-1)).toMatchObject({ action: 'sla.remind', assigneeId: rev.id });
  });

  it('does nothing when the case has moved on', async () => {
    await db.delete(notifyOutbox);
    const c = await open();
    await refer(c, rev.id);
    await enqueue(db, { kind: REMIND_JOB_KIND, key: 'stale-remind', payload: { caseId: c.id, version: 1, state: 'received' }, runAt: new Date(Date.now() - 1000) });
    expect(await worker.runOnce(db)).toMatchObject({ claimed: 1, done: 1 });
    expect(await outbox()).toEqual([]);
    expect((await caseHistory(db, c.id)).map((h) => h.action)).toEqual(['open', 'refer']);
    expect(await db.select().from(jobs).where(like(jobs.key, `remind:${c.id}:%`))).toHaveLength(1);
  });
});
