import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../core/auth/demo.js';
import type { Db } from '../../../core/db/client.js';
import { JobWorker } from '../../../core/jobs/queue.js';
import { jobs } from '../../../core/jobs/schema.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import { registerSlaJobs } from '../../../core/workflow/sla.js';
import { createTestDatabase } from '../../../test/db.js';
import { COMPLAINT_STATES, OPEN_STATES } from '../contract.js';
import { seedComplaintsDemo } from './demo.js';
import { DEMO_COMPLAINTS } from './demo-data.js';
import { AUTO_CLOSE_JOB, registerComplaintJobs } from './jobs.js';
import { complaints, complaintsMessages } from './schema.js';
import { isValidTrackingCode } from '../../../core/codes/tracking-code.js';
import { complaintWorkflow } from './workflow.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(complaintWorkflow);
  const places = await seedDemo(db);
  await seedComplaintsDemo(db, places);
  await seedComplaintsDemo(db, places); // idempotent
}, 120_000);
afterAll(async () => { await database.close(); });

const states = async () => {
  const rs = await db.select({ state: wfCases.state, n: count() }).from(complaints).innerJoin(wfCases, eq(wfCases.id, complaints.caseId)).groupBy(wfCases.state);
  return Object.fromEntries(rs.map((r) => [r.state, Number(r.n)]));
};

describe('seedComplaintsDemo', () => {
  it('files every demo complaint once (a second run adds nothing), with valid codes', async () => {
    const all = await db.select().from(complaints);
    expect(all).toHaveLength(DEMO_COMPLAINTS.length);
    expect(all.every((c) => isValidTrackingCode(c.trackingCode))).toBe(true);
  });

  it('reaches every state of the workflow', async () => {
    const byState = await states();
    for (const s of COMPLAINT_STATES) expect({ s, n: byState[s] ?? 0 }).toEqual({ s, n: expect.any(Number) });
    for (const s of COMPLAINT_STATES) expect(byState[s] ?? 0).toBeGreaterThan(0);
  });

  it('spreads over three months, with anonymous, late, assigned, rated, replied and noted cases', async () => {
    const all = await db.select({ c: complaints, w: wfCases }).from(complaints).innerJoin(wfCases, eq(wfCases.id, complaints.caseId));
    const ages = all.map((r) => (Date.now() - r.c.createdAt.getTime()) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(60);
    expect(Math.min(...ages)).toBeLessThan(1);
    expect(all.filter((r) => r.c.anonymous).length).toBeGreaterThanOrEqual(2);
    const late = all.filter((r) => (OPEN_STATES as readonly string[]).includes(r.w.state) && r.w.dueAt && r.w.dueAt < new Date());
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(all.filter((r) => r.w.state === 'in_progress').every((r) => r.w.assigneeId != null)).toBe(true);
    expect(all.filter((r) => r.c.rating != null).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((r) => r.w.state === 'duplicate').every((r) => r.c.duplicateOf != null && r.c.closedAt != null)).toBe(true);
    expect(all.filter((r) => r.w.state === 'answered').every((r) => r.c.answeredAt! > new Date(Date.now() - 7 * 86_400_000))).toBe(true);
    expect(all.filter((r) => r.c.firstAnsweredAt != null).every((r) => r.c.answerWorkingDays != null && r.c.answeredOnTime != null)).toBe(true);
    const kinds = await db.select({ kind: complaintsMessages.kind, n: count() }).from(complaintsMessages).groupBy(complaintsMessages.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n) > 0]))).toEqual({ reply: true, note: true, info_request: true, citizen: true });
  });

  it('dates history back in order, each row no later than now', async () => {
    const rows = await db.select().from(wfHistory).orderBy(asc(wfHistory.caseId), asc(wfHistory.seq));
    for (let i = 1; i < rows.length; i++) {
      if (rows[i]!.caseId === rows[i - 1]!.caseId) expect(rows[i]!.at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.at.getTime());
      expect(rows[i]!.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
    const closedBySystem = await db.select().from(wfHistory).where(and(eq(wfHistory.action, 'auto_close'), eq(wfHistory.system, true)));
    expect(closedBySystem).toHaveLength(1);
  });

  it('the worker escalates the late cases and closes nothing still in its satisfaction window', async () => {
    const pending = await db.select().from(jobs).where(and(eq(jobs.kind, AUTO_CLOSE_JOB), eq(jobs.status, 'pending')));
    expect(pending.length).toBe((await states()).answered);
    expect(pending.every((j) => j.runAt > new Date())).toBe(true);
    const worker = registerSlaJobs(new JobWorker({ log: pino({ level: 'silent' }) }));
    registerComplaintJobs(worker);
    const before = await states();
    await worker.runOnce(db, 200);
    expect(await states()).toEqual(before);
    const [{ n }] = await db.select({ n: count() }).from(wfCases).where(and(isNotNull(wfCases.dueAt), sql`${wfCases.escalated} > 0`)) as [{ n: number }];
    expect(Number(n)).toBeGreaterThanOrEqual(3);
  });
});
