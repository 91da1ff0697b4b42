import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/access/actor.js';
import type { Db } from '../../../core/db/client.js';
import { JobWorker } from '../../../core/jobs/queue.js';
import { jobs } from '../../../core/jobs/schema.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { availableActions, caseHistory, getCase, transition } from '../../../core/workflow/engine.js';
import { createTestDatabase } from '../../../test/db.js';
import { createCitizen, createStaff, createTree } from '../../../test/factories.js';
import { ComplaintCreate } from '../contract.js';
import { ensureCategories } from './categories.js';
import { rateComplaint, reopenComplaint } from './commands/citizen.js';
import { submitComplaint } from './commands/submit.js';
import { AUTO_CLOSE_JOB, autoCloseJobKey, registerComplaintJobs, scheduleAutoClose } from './jobs.js';
import { complaints, complaintsCategories } from './schema.js';
import { COMPLAINT_SETTINGS } from './settings.js';
import { complaintWorkflow } from './workflow.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let tree: Awaited<ReturnType<typeof createTree>>;
let muni: Actor;
let inspector: Actor;
let categoryId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(complaintWorkflow);
  await ensureCategories(db);
  tree = await createTree(db);
  muni = await createStaff(db, [['municipality', tree.city]]);
  inspector = await createStaff(db, [['inspector', null]]);
  categoryId = (await db.select().from(complaintsCategories).where(eq(complaintsCategories.code, 'waste-collection')))[0]!.id;
});
afterAll(async () => { await database.close(); });

/** A complaint answered by the municipality the way the staff side does it (answer + answered_at + the job). */
async function answered() {
  const citizen = await createCitizen(db);
  const r = await submitComplaint(db, ComplaintCreate.parse({ kind: 'complaint', categoryId, divisionId: tree.city.id, subject: 'زباله', body: 'زباله جمع نشده است.' }), { actor: citizen, source: 'web', sms: false });
  let c = (await getCase(db, r.caseId))!;
  c = await transition(db, { caseId: c.id, action: 'assign', actor: muni, expectedVersion: c.version, assigneeId: muni.id! });
  let answeredAt = new Date();
  await transition(db, {
    caseId: c.id, action: 'answer', actor: muni, expectedVersion: c.version, comment: 'جمع‌آوری شد.',
    apply: async (tx, updated) => {
      answeredAt = updated.updatedAt;
      await tx.update(complaints).set({ answeredAt }).where(eq(complaints.id, r.id));
      await scheduleAutoClose(tx, { id: r.id, caseId: r.caseId }, answeredAt);
    },
  });
  return { ...r, citizen, answeredAt };
}

const row = async (id: string) => (await db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
async function runDueNow(key: string) {
  await db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.key, key));
  const w = new JobWorker({ log: pino({ level: 'silent' }) });
  registerComplaintJobs(w);
  return w.runOnce(db);
}

describe('auto-close after the satisfaction window', () => {
  it('is scheduled at answered_at + COMPLAINT_REOPEN_DAYS and closes a case still answered (system history row, closed_at)', async () => {
    const a = await answered();
    const [job] = await db.select().from(jobs).where(eq(jobs.key, autoCloseJobKey(a.id, a.answeredAt)));
    expect(job!.kind).toBe(AUTO_CLOSE_JOB);
    expect(job!.runAt.getTime()).toBe(a.answeredAt.getTime() + COMPLAINT_SETTINGS.reopenDays * 86_400_000);
    expect(availableActions((await getCase(db, a.caseId))!, inspector)).not.toContain('auto_close');
    expect((await runDueNow(job!.key!)).done).toBe(1);
    expect((await getCase(db, a.caseId))!.state).toBe('closed');
    expect((await row(a.id)).closedAt).not.toBeNull();
    expect((await caseHistory(db, a.caseId)).at(-1)).toMatchObject({ action: 'auto_close', system: true, actorId: null });
  });

  it('does nothing once the citizen rated (the job is dropped) or reopened and the case was answered again', async () => {
    const rated = await answered();
    await rateComplaint(db, await row(rated.id), rated.citizen, { rating: 4 });
    expect(await db.select().from(jobs).where(and(eq(jobs.key, autoCloseJobKey(rated.id, rated.answeredAt)), eq(jobs.status, 'pending')))).toHaveLength(0);

    const again = await answered();
    const key = autoCloseJobKey(again.id, again.answeredAt);
    await reopenComplaint(db, await row(again.id), again.citizen, { reason: 'هنوز مشکل هست.' });
    // re-queue the old job as if it had not been dropped, then answer again
    await db.insert(jobs).values({ kind: AUTO_CLOSE_JOB, key, payload: { complaintId: again.id, answeredAt: again.answeredAt.toISOString() } }).onConflictDoNothing();
    const c = (await getCase(db, again.caseId))!;
    await transition(db, { caseId: c.id, action: 'answer', actor: muni, expectedVersion: c.version, comment: 'دوباره پاسخ داده شد.',
      apply: async (tx) => { await tx.update(complaints).set({ answeredAt: new Date(Date.now() + 5000) }).where(eq(complaints.id, again.id)); } });
    await runDueNow(key);
    expect((await getCase(db, again.caseId))!.state).toBe('answered');
  });
});
