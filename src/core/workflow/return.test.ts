import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Database, Db } from '../db/client.js';
import { docFiles } from '../documents/schema.js';
import { AppError } from '../http/errors.js';
import { tehranDateKey } from '../fa/index.js';
import { createTestDatabase } from '../../test/db.js';
import { addWorkingDays, loadHolidays, workingDaysBetween } from './calendar.js';
import { registerWorkflow } from './definition.js';
import { availableActions, caseHistory, openCase, transition, type WorkflowCase } from './engine.js';
import { wfCases } from './schema.js';
import { createCitizen, createStaff, createTree } from '../../test/factories.js';
import { sampleReview } from './test-sample.js';

let database: Database;
let db: Db;
let citizen: Actor, districtRev: Actor, districtRev2: Actor, provinceRev: Actor, provinceRev2: Actor, inspector: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;
let docId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(sampleReview);
  tree = await createTree(db);
  citizen = await createCitizen(db);
  districtRev = await createStaff(db, [['district.reviewer', tree.district]]);
  districtRev2 = await createStaff(db, [['district.reviewer', tree.district]]);
  provinceRev = await createStaff(db, [['province.reviewer', tree.province]]);
  provinceRev2 = await createStaff(db, [['province.reviewer', tree.province]]);
  inspector = await createStaff(db, [['inspector', tree.province], ['province.reviewer', tree.province]]);
  const [doc] = await db.insert(docFiles).values({ filename: 'a.pdf', mime: 'application/pdf', size: 1, sha256: 'x', content: Buffer.from('x'), purpose: 'test' }).returning();
  docId = doc!.id;
});
afterAll(async () => { await database.close(); });

const act = (c: WorkflowCase, action: string, actor: Actor, extra: { comment?: string; documentIds?: string[] } = {}) =>
  transition(db, { caseId: c.id, action, actor, expectedVersion: c.version, ...extra });

async function atState(state: 'district_review' | 'province_review'): Promise<WorkflowCase> {
  let c = await db.transaction((tx) => openCase(tx, { definition: 'test.review', divisionId: tree.city.id, title: 'پرونده', actor: citizen }));
  c = await act(c, 'start_review', districtRev);
  return state === 'district_review' ? c : act(c, 'district_approve', districtRev);
}

describe('return for correction → resubmit', () => {
  it('goes back to the state it was returned from (not the static to) and to the reviewer who returned it', async () => {
    const c = await atState('province_review');
    const returned = await act(c, 'province_return', provinceRev, { comment: 'نقشه را پیوست کنید' });
    expect(returned).toMatchObject({ state: 'needs_correction', returnedById: provinceRev.id, returnedFromState: 'province_review', assigneeId: null });
    expect(availableActions(returned, citizen)).toEqual(['resubmit', 'withdraw']);

    const back = await act(returned, 'resubmit', citizen);
    expect(back).toMatchObject({ state: 'province_review', assigneeId: provinceRev.id, returnedById: null, returnedFromState: null });
    expect((await caseHistory(db, c.id)).at(-1)).toMatchObject({ action: 'resubmit', fromState: 'needs_correction', toState: 'province_review', actorId: citizen.id });

    // Only the reviewer who returned it may take it now.
    expect(availableActions(back, provinceRev)).toEqual(['province_return', 'approve', 'reject']);
    expect(availableActions(back, provinceRev2)).toEqual([]);
    const e = await act(back, 'reject', provinceRev2, { comment: 'رد' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ status: 403, code: 'assigned_to_other' });

    const done = await act(back, 'approve', provinceRev, { documentIds: [docId] });
    expect(done).toMatchObject({ state: 'approved', assigneeId: null });
  });

  it('a return from the district step lands back with the same district reviewer', async () => {
    const c = await atState('district_review');
    const r = await act(c, 'return_to_applicant', districtRev2, { comment: 'اصلاح شود' });
    const back = await act(r, 'resubmit', citizen);
    expect(back).toMatchObject({ state: 'district_review', assigneeId: districtRev2.id });
    expect(availableActions(back, districtRev)).toEqual([]);
    expect(availableActions(back, districtRev2)).toContain('district_approve');
    const moved = await act(back, 'district_approve', districtRev2);
    expect(moved).toMatchObject({ state: 'province_review', assigneeId: null }); // the next step is open to its role again
  });

  it('an override role (inspection) that also holds the action role may act on a case assigned to someone else', async () => {
    const c = await atState('province_review');
    const back = await act(await act(c, 'province_return', provinceRev, { comment: 'اصلاح' }), 'resubmit', citizen);
    expect(availableActions(back, inspector)).toContain('reject');
    expect(await act(back, 'reject', inspector, { comment: 'بازرسی' })).toMatchObject({ state: 'rejected' });
  });

  it('resubmitting twice with the same version: one wins, the other gets 409', async () => {
    const c = await atState('district_review');
    const r = await act(c, 'return_to_applicant', districtRev, { comment: 'اصلاح' });
    const results = await Promise.allSettled([act(r, 'resubmit', citizen), act(r, 'resubmit', citizen)]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'version_conflict' });
  });
});

describe('the SLA clock pauses while the applicant corrects', () => {
  it('stores the working days left and gives them back on resubmission', async () => {
    const c = await atState('province_review');
    const holidays = await loadHolidays(db);
    // Pretend the reviewer has already used part of the SLA: 3 working days are left.
    const due = addWorkingDays(new Date(), 3, holidays);
    const [c2] = await db.update(wfCases).set({ dueAt: due }).where(eq(wfCases.id, c.id)).returning();
    const r = await act(c2!, 'province_return', provinceRev, { comment: 'اصلاح' });
    expect(r).toMatchObject({ slaPausedState: 'province_review', slaRemainingDays: workingDaysBetween(new Date(), due, holidays) });
    expect(r.slaRemainingDays).toBe(3);
    // The paused state has its own deadline for the applicant (10 working days).
    expect(tehranDateKey(r.dueAt!)).toBe(tehranDateKey(addWorkingDays(r.updatedAt, 10, holidays)));

    const back = await act(r, 'resubmit', citizen);
    expect(back).toMatchObject({ state: 'province_review', slaPausedState: null, slaRemainingDays: null });
    expect(tehranDateKey(back.dueAt!)).toBe(tehranDateKey(addWorkingDays(back.updatedAt, 3, holidays)));
  });

  it('a reviewer whose time had run out still gets one working day back', async () => {
    const c = await atState('district_review');
    const [late] = await db.update(wfCases).set({ dueAt: new Date(Date.now() - 10 * 86_400_000) }).where(eq(wfCases.id, c.id)).returning();
    const r = await act(late!, 'return_to_applicant', districtRev, { comment: 'اصلاح' });
    expect(r.slaRemainingDays).toBe(1);
  });

  it('leaving the paused state elsewhere (withdrawal) forgets the stored time', async () => {
    const c = await atState('district_review');
    const r = await act(c, 'return_to_applicant', districtRev, { comment: 'اصلاح' });
    const w = await act(r, 'withdraw', citizen);
    expect(w).toMatchObject({ state: 'withdrawn', dueAt: null, slaPausedState: null, slaRemainingDays: null });
  });
});
