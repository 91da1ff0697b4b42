import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { auditLog } from '../audit/schema.js';
import { verifyAudit } from '../audit/audit.js';
import type { Database, Db } from '../db/client.js';
import { jobs } from '../jobs/schema.js';
import { createTestDatabase } from '../../test/db.js';
import { createCitizen, createTree } from '../../test/factories.js';
import { systemTransitionMany } from './bulk.js';
import { defineWorkflow, registerWorkflow } from './definition.js';
import { caseHistory, getCase, openCase } from './engine.js';
import { remindJobKey, REMIND_JOB_KIND } from './remind.js';
import { SLA_JOB_KIND, slaJobKey } from './sla.js';

const lottery = defineWorkflow({
  key: 'test.bulk',
  title: 'آزمون گروهی',
  initial: 'waiting',
  states: {
    waiting: { title: 'در انتظار', sla: { workingDays: 5, onLate: 'notify' } },
    picked: { title: 'برگزیده', sla: { workingDays: 10, remindBefore: 2, onLate: 'notify' } },
    dropped: { title: 'کنار گذاشته', final: true },
    done: { title: 'پایان', final: true },
  },
  actions: {
    pick: { title: 'برگزیدن', from: ['waiting'], to: 'picked', roles: [], system: true },
    drop: { title: 'کنار گذاشتن', from: ['waiting', 'picked'], to: 'dropped', roles: [], system: true },
    finish: { title: 'پایان', from: ['picked'], to: 'done', roles: ['province.reviewer'] },
  },
});

let database: Database;
let db: Db;
let citizen: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(lottery);
  tree = await createTree(db);
  citizen = await createCitizen(db);
});
afterAll(async () => { await database.close(); });

const openMany = (n: number) => db.transaction(async (tx) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await openCase(tx, { definition: lottery, divisionId: tree.district.id, title: `پرونده ${i}`, actor: citizen }));
  return out;
});

describe('systemTransitionMany', () => {
  it('moves every case as transition would: state, version, clock, history, SLA and reminder jobs; one audit event', async () => {
    const cases = await openMany(5);
    const before = await db.select().from(auditLog);
    const moved = await db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'pick', cases: cases.map((c) => ({ id: c.id, version: c.version })), divisionPath: tree.district.path, comment: 'گزینش ۱' }));
    expect(moved).toHaveLength(5);
    for (const c of cases) {
      const now = (await getCase(db, c.id))!;
      expect(now).toMatchObject({ state: 'picked', version: c.version + 1, assigneeId: null });
      expect(now.dueAt!.getTime()).toBeGreaterThan(Date.now() + 7 * 86_400_000);
      const h = await caseHistory(db, c.id);
      expect(h.map((x) => [x.seq, x.action, x.fromState, x.toState, x.system, x.comment])).toEqual([[1, 'open', null, 'waiting', false, null], [2, 'pick', 'waiting', 'picked', true, 'گزینش ۱']]);
      const js = await db.select().from(jobs).where(inArray(jobs.key, [slaJobKey(c.id, 1), slaJobKey(c.id, 2), remindJobKey(c.id, 2)]));
      // The old state's SLA job is gone; the new state's SLA and reminder are scheduled.
      expect(js.map((j) => j.kind).sort()).toEqual([REMIND_JOB_KIND, SLA_JOB_KIND].sort());
      expect(js.find((j) => j.kind === SLA_JOB_KIND)!.runAt.getTime()).toBe(now.dueAt!.getTime());
    }
    const after = await db.select().from(auditLog);
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({ action: 'workflow.transition.bulk', actorLabel: 'system' });
    expect((after.at(-1)!.data as { count: number }).count).toBe(5);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('a stale version or a state the action does not leave rolls the whole batch back (409)', async () => {
    const [a, b] = await openMany(2);
    await expect(db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'pick', cases: [{ id: a!.id, version: 1 }, { id: b!.id, version: 7 }], divisionPath: '/' }))).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
    expect((await getCase(db, a!.id))!.state).toBe('waiting');
    await db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'drop', cases: [{ id: a!.id, version: 1 }], divisionPath: '/' }));
    await expect(db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'pick', cases: [{ id: a!.id, version: 2 }, { id: b!.id, version: 1 }], divisionPath: '/' }))).rejects.toMatchObject({ status: 409, code: 'invalid_state' });
    expect((await getCase(db, b!.id))!.state).toBe('waiting');
    // Entering a final state clears the deadline and schedules nothing.
    expect((await getCase(db, a!.id))!.dueAt).toBeNull();
    expect(await db.select().from(jobs).where(and(like(jobs.key, `%${a!.id}%`), eq(jobs.status, 'pending')))).toEqual([]);
  });

  it('only system actions, and an empty batch does nothing', async () => {
    const [c] = await openMany(1);
    await expect(db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'finish', cases: [{ id: c!.id, version: 1 }], divisionPath: '/' }))).rejects.toThrow(/not a system action/);
    expect(await db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'pick', cases: [], divisionPath: '/' }))).toEqual([]);
  });

  it('in chunks: every case once, a conflict in a later chunk still rolls back the earlier ones', async () => {
    const many = await openMany(7);
    const all = many.map((c) => ({ id: c.id, version: 1 }));
    await expect(db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'drop', cases: [...all.slice(0, 6), { id: many[6]!.id, version: 9 }], divisionPath: '/', chunkSize: 3 }))).rejects.toMatchObject({ status: 409 });
    expect((await getCase(db, many[0]!.id))!.state).toBe('waiting');
    const moved = await db.transaction((tx) => systemTransitionMany(tx, { definition: lottery.key, action: 'drop', cases: all, divisionPath: '/', chunkSize: 3 }));
    expect(new Set(moved.map((c) => c.id)).size).toBe(7);
    expect(moved.every((c) => c.state === 'dropped' && c.version === 2)).toBe(true);
  });
});
