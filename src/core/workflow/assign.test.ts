import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { auditLog } from '../audit/schema.js';
import { authUsers } from '../auth/schema.js';
import type { Database, Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { createTestDatabase } from '../../test/db.js';
import { createCitizen, createStaff, createTree } from '../../test/factories.js';
import { registerWorkflow } from './definition.js';
import { availableActions, caseHistory, getCase, openCase, transition, type WorkflowCase } from './engine.js';
import { inbox } from './inbox.js';
import { sampleComplaint } from './test-complaint.js';

let database: Database;
let db: Db;
let citizen: Actor, rev: Actor, rev2: Actor, otherRev: Actor, provinceRev: Actor, disabledRev: Actor, inspector: Actor, admin: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(sampleComplaint);
  tree = await createTree(db);
  citizen = await createCitizen(db);
  rev = await createStaff(db, [['district.reviewer', tree.district]]);
  rev2 = await createStaff(db, [['district.reviewer', tree.district]]);
  otherRev = await createStaff(db, [['district.reviewer', tree.otherDistrict]]);
  provinceRev = await createStaff(db, [['province.reviewer', tree.province]]);
  disabledRev = await createStaff(db, [['district.reviewer', tree.district]]);
  await db.update(authUsers).set({ disabled: true }).where(eq(authUsers.id, disabledRev.id!));
  inspector = await createStaff(db, [['inspector', tree.province], ['district.reviewer', tree.district]]);
  admin = await createStaff(db, [['admin', null]]);
});
afterAll(async () => { await database.close(); });

const open = () => db.transaction((tx) => openCase(tx, { definition: sampleComplaint, divisionId: tree.city.id, title: 'شکایت', actor: citizen }));
const act = (c: WorkflowCase, action: string, actor: Actor, extra: { assigneeId?: number | null; comment?: string } = {}) =>
  transition(db, { caseId: c.id, action, actor, expectedVersion: c.version, ...extra });
async function rejects(p: Promise<unknown>, status: number, code: string): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e, `expected ${status} ${code}`).toBeInstanceOf(AppError);
  expect({ status: (e as AppError).status, code: (e as AppError).code }).toEqual({ status, code });
  return e as AppError;
}
const inboxIds = async (a: Actor) => (await inbox(db, a, { definition: 'test.complaint', limit: 200 })).items.map((i) => i.id);

describe('assignment (ActionDef.assigns, TransitionInput.assigneeId)', () => {
  it('refuses a missing or unfit assignee with a Persian title, and changes nothing', async () => {
    const c = await open();
    expect((await rejects(act(c, 'refer', rev), 400, 'assignee_required')).title).toMatch(/[\u0600-\u06FF]/);
    await rejects(act(c, 'refer', rev, { assigneeId: null }), 400, 'assignee_required');
    // Another district's reviewer, a citizen, a role that does not work in_progress, a disabled user, nobody.
    for (const id of [otherRev.id!, citizen.id!, provinceRev.id!, disabledRev.id!, 999_999, -1]) {
      const e = await rejects(act(c, 'refer', rev, { assigneeId: id }), 400, 'invalid_assignee');
      expect(e.title).toMatch(/[\u0600-\u06FF]/);
    }
    expect(await getCase(db, c.id)).toMatchObject({ state: 'received', version: 1, assigneeId: null });
  });

  it('assigns an in-scope reviewer: history and audit record it; only the assignee sees and works the case', async () => {
    const c = await act(await open(), 'refer', rev, { assigneeId: rev2.id });
    expect(c).toMatchObject({ state: 'in_progress', assigneeId: rev2.id });
    expect((await caseHistory(db, c.id)).at(-1)).toMatchObject({ action: 'refer', actorId: rev.id, assigneeId: rev2.id, system: false });
    const [ev] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'workflow.transition')));
    expect(ev!.data).toMatchObject({ action: 'refer', assigneeId: rev2.id });
    expect(await inboxIds(rev2)).toContain(c.id);
    expect(await inboxIds(rev)).not.toContain(c.id);
    expect(availableActions(c, rev)).toEqual([]);
    await rejects(act(c, 'answer', rev, { comment: 'پاسخ' }), 403, 'assigned_to_other');
    await rejects(act(c, 'reassign', rev, { assigneeId: rev.id }), 403, 'assigned_to_other'); // no taking over a colleague's case
    expect(await act(c, 'answer', rev2, { comment: 'پاسخ' })).toMatchObject({ state: 'answered', assigneeId: null });
  });

  it('400 assignee_not_allowed for an action that does not assign', async () => {
    const c = await act(await open(), 'refer', rev, { assigneeId: rev.id });
    await rejects(act(c, 'answer', rev, { comment: 'پاسخ', assigneeId: rev.id }), 400, 'assignee_not_allowed');
  });

  it('a self-loop reassigns without resetting the clock; an override role takes over with its own id', async () => {
    const c = await act(await open(), 'refer', rev, { assigneeId: rev.id });
    const d = await act(c, 'reassign', rev, { assigneeId: rev2.id });
    expect(d).toMatchObject({ state: 'in_progress', version: c.version + 1, assigneeId: rev2.id });
    expect(d.dueAt!.getTime()).toBe(c.dueAt!.getTime());
    await rejects(act(d, 'reassign', rev2, { assigneeId: otherRev.id }), 400, 'invalid_assignee');
    const e = await act(d, 'reassign', inspector, { assigneeId: inspector.id });
    expect(e).toMatchObject({ assigneeId: inspector.id });
    expect(e.dueAt!.getTime()).toBe(c.dueAt!.getTime());
    expect(await inboxIds(inspector)).toContain(e.id);
    expect(await inboxIds(rev2)).not.toContain(e.id);
  });
});

describe('system actions (ActionDef.system)', () => {
  it('only SYSTEM_ACTOR takes them; never offered to people nor in an inbox; history and audit have no actor id', async () => {
    const c = await act(await act(await open(), 'refer', rev, { assigneeId: rev.id }), 'answer', rev, { comment: 'انجام شد' });
    expect(availableActions(c, citizen)).toEqual(['rate']);
    for (const a of [admin, inspector, rev]) expect(availableActions(c, a)).toEqual([]);
    for (const a of [admin, inspector, rev, citizen]) await rejects(act(c, 'auto_close', a), 403, 'forbidden');
    for (const a of [admin, inspector, rev]) expect(await inboxIds(a)).not.toContain(c.id);
    await rejects(act(c, 'rate', SYSTEM_ACTOR), 403, 'forbidden'); // and the system takes no one else's action
    const closed = await transition(db, { caseId: c.id, action: 'auto_close', actor: SYSTEM_ACTOR, expectedVersion: c.version });
    expect(closed).toMatchObject({ state: 'closed', version: c.version + 1 });
    expect((await caseHistory(db, c.id)).at(-1)).toMatchObject({ action: 'auto_close', actorId: null, system: true, fromState: 'answered', toState: 'closed' });
    const evs = await db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'workflow.transition')));
    expect(evs.at(-1)).toMatchObject({ actorId: null, actorLabel: 'system', data: { action: 'auto_close', to: 'closed' } });
  });

  it('the system actor still needs the right state and version', async () => {
    const c = await open();
    await rejects(transition(db, { caseId: c.id, action: 'auto_close', actor: SYSTEM_ACTOR, expectedVersion: 1 }), 409, 'invalid_state');
    await rejects(transition(db, { caseId: c.id, action: 'auto_close', actor: SYSTEM_ACTOR, expectedVersion: 7 }), 409, 'version_conflict');
  });
});
