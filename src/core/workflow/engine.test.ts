import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { auditLog } from '../audit/schema.js';
import type { Database, Db } from '../db/client.js';
import { docFiles } from '../documents/schema.js';
import { AppError } from '../http/errors.js';
import { jobs } from '../jobs/schema.js';
import { createTestDatabase } from '../../test/db.js';
import { tehranDateKey } from '../fa/index.js';
import { addWorkingDays, loadHolidays } from './calendar.js';
import { registerWorkflow } from './definition.js';
import { availableActions, caseHistory, getCase, openCase, transition, type WorkflowCase } from './engine.js';
import { wfCases } from './schema.js';
import { createCitizen, createStaff, createTree } from '../../test/factories.js';
import { sampleReview } from './test-sample.js';

let database: Database;
let db: Db;
let citizen: Actor, otherCitizen: Actor, districtRev: Actor, districtRev2: Actor, otherDistrictRev: Actor, provinceRev: Actor, provinceRev2: Actor;
let expertCountry: Actor, expertProvince: Actor, inspector: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(sampleReview);
  tree = await createTree(db);
  citizen = await createCitizen(db);
  otherCitizen = await createCitizen(db);
  districtRev = await createStaff(db, [['district.reviewer', tree.district]]);
  districtRev2 = await createStaff(db, [['district.reviewer', tree.district]]);
  otherDistrictRev = await createStaff(db, [['district.reviewer', tree.otherDistrict]]);
  provinceRev = await createStaff(db, [['province.reviewer', tree.province]]);
  provinceRev2 = await createStaff(db, [['province.reviewer', tree.province]]);
  expertCountry = await createStaff(db, [['expert.rural', null]]);
  expertProvince = await createStaff(db, [['expert.rural', tree.province]]);
  inspector = await createStaff(db, [['inspector', tree.province], ['province.reviewer', tree.province]]);
});
afterAll(async () => { await database.close(); });

const open = (title = 'درخواست آزمایشی') =>
  db.transaction((tx) => openCase(tx, { definition: sampleReview, divisionId: tree.city.id, title, actor: citizen }));
const act = (c: Pick<WorkflowCase, 'id' | 'version'>, action: string, actor: Actor, extra: { comment?: string; documentIds?: string[]; data?: Record<string, unknown> } = {}) =>
  transition(db, { caseId: c.id, action, actor, expectedVersion: c.version, ...extra });

async function rejects(p: Promise<unknown>, status: number, code: string): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e, `expected ${status} ${code}`).toBeInstanceOf(AppError);
  expect({ status: (e as AppError).status, code: (e as AppError).code }).toEqual({ status, code });
  return e as AppError;
}
const auditCount = async (id: string) => (await db.select().from(auditLog).where(eq(auditLog.entityId, id))).length;

/** Walks a fresh case to province_review. */
async function atProvince(): Promise<WorkflowCase> {
  let c = await open();
  c = await act(c, 'start_review', districtRev);
  return act(c, 'district_approve', districtRev);
}

describe('openCase', () => {
  it('creates the case in the initial state with history seq 1, an audit event and its SLA job', async () => {
    const c = await open();
    expect(c).toMatchObject({ state: 'submitted', version: 1, createdById: citizen.id, divisionPath: tree.city.path });
    expect(tehranDateKey(c.dueAt!)).toBe(tehranDateKey(addWorkingDays(c.createdAt, 2, await loadHolidays(db))));
    expect(await caseHistory(db, c.id)).toMatchObject([{ seq: 1, action: 'open', fromState: null, toState: 'submitted', actorId: citizen.id }]);
    expect(await auditCount(c.id)).toBe(1);
    const [job] = await db.select().from(jobs).where(eq(jobs.key, `sla:${c.id}:1`));
    expect(job).toMatchObject({ kind: 'workflow.sla', status: 'pending', payload: { caseId: c.id, version: 1, state: 'submitted' } });
  });
});

describe('transition: access', () => {
  it('200: the district reviewer of the case\'s district starts the review (history, audit, next SLA job)', async () => {
    const c0 = await open();
    const c = await act(c0, 'start_review', districtRev);
    expect(c).toMatchObject({ state: 'district_review', version: 2 });
    const h = await caseHistory(db, c.id);
    expect(h.map((r) => [r.seq, r.action, r.fromState, r.toState, r.actorId])).toEqual([
      [1, 'open', null, 'submitted', citizen.id], [2, 'start_review', 'submitted', 'district_review', districtRev.id],
    ]);
    const [ev] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'workflow.transition')));
    expect(ev!.data).toMatchObject({ action: 'start_review', from: 'submitted', to: 'district_review', comment: null });
    const keys = (await db.select({ key: jobs.key }).from(jobs).where(sql`${jobs.key} like ${`sla:${c.id}:%`}`)).map((j) => j.key);
    expect(keys).toEqual([`sla:${c.id}:2`]); // the job of the state it left was dropped
  });

  it('403: a district reviewer of another district', async () => {
    await rejects(act(await open(), 'start_review', otherDistrictRev), 403, 'forbidden');
  });

  it('403: a province reviewer cannot take a step that requires level district', async () => {
    await rejects(act(await open(), 'start_review', provinceRev), 403, 'forbidden');
  });

  it('403: a country-level expert on a province-level step; the province-level expert may take it', async () => {
    const c = await atProvince();
    const [doc] = await db.insert(docFiles).values({ filename: 'a.pdf', mime: 'application/pdf', size: 1, sha256: 'x', content: Buffer.from('x'), purpose: 'test' }).returning();
    await rejects(act(c, 'approve', expertCountry, { documentIds: [doc!.id] }), 403, 'forbidden');
    expect(await act(c, 'approve', expertProvince, { documentIds: [doc!.id] })).toMatchObject({ state: 'approved' });
  });

  it('403 not_creator: only the applicant may withdraw their case', async () => {
    const c = await open();
    await rejects(act(c, 'withdraw', otherCitizen), 403, 'not_creator');
    expect(await act(c, 'withdraw', citizen)).toMatchObject({ state: 'withdrawn' });
  });

  it('409 invalid_state, 400 unknown_action, 404 unknown case', async () => {
    const c = await open();
    await rejects(act(c, 'district_approve', districtRev), 409, 'invalid_state');
    await rejects(act(c, 'no_such_action', districtRev), 400, 'unknown_action');
    await rejects(act({ id: '00000000-0000-4000-8000-000000000000', version: 1 }, 'start_review', districtRev), 404, 'not_found');
    await rejects(act({ id: 'not-a-uuid', version: 1 }, 'start_review', districtRev), 404, 'not_found');
  });

  it('availableActions lists exactly what each actor may do now', async () => {
    const c = await act(await open(), 'start_review', districtRev);
    expect(availableActions(c, districtRev)).toEqual(['add_note', 'district_approve', 'district_reject', 'return_to_applicant']);
    expect(availableActions(c, districtRev2)).toEqual(['add_note', 'district_approve', 'district_reject', 'return_to_applicant']);
    expect(availableActions(c, provinceRev)).toEqual([]);
    expect(availableActions(c, otherDistrictRev)).toEqual([]);
    expect(availableActions(c, citizen)).toEqual([]);
  });
});

describe('transition: required input', () => {
  it('400 comment_required with a Persian title (blank counts as missing)', async () => {
    const c = await act(await open(), 'start_review', districtRev);
    const e = await rejects(act(c, 'district_reject', districtRev, { comment: '   ' }), 400, 'comment_required');
    expect(e.title).toMatch(/توضیح/);
    expect(await act(c, 'district_reject', districtRev, { comment: 'مدارک ناقص است' })).toMatchObject({ state: 'rejected' });
    expect((await caseHistory(db, c.id)).at(-1)!.comment).toBe('مدارک ناقص است');
  });

  it('400 document_required, 400 document_not_found for an unknown document', async () => {
    const c = await atProvince();
    await rejects(act(c, 'approve', provinceRev), 400, 'document_required');
    await rejects(act(c, 'approve', provinceRev, { documentIds: ['00000000-0000-4000-8000-000000000001'] }), 400, 'document_not_found');
    await rejects(act(c, 'approve', provinceRev, { documentIds: ['garbage'] }), 400, 'document_not_found');
  });
});

describe('transition: version', () => {
  it('409 version_conflict for a stale expectedVersion, with the Persian title', async () => {
    const c = await open();
    await act(c, 'start_review', districtRev);
    const e = await rejects(act(c, 'withdraw', citizen), 409, 'version_conflict');
    expect(e.title).toBe('این پرونده هم‌زمان توسط کاربر دیگری تغییر کرده است؛ صفحه را تازه کنید.');
  });

  it('two concurrent transitions with the same version: exactly one wins, the other gets 409, one history row', async () => {
    for (let i = 0; i < 5; i++) {
      const c = await act(await open(), 'start_review', districtRev);
      const audits = await auditCount(c.id);
      const results = await Promise.allSettled([
        act(c, 'district_approve', districtRev),
        act(c, 'return_to_applicant', districtRev2, { comment: 'هم‌زمان' }),
      ]);
      const ok = results.filter((r) => r.status === 'fulfilled');
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.reason).toBeInstanceOf(AppError);
      expect(failed[0]!.reason).toMatchObject({ status: 409, code: 'version_conflict' });
      const h = await caseHistory(db, c.id);
      expect(h.map((r) => r.seq)).toEqual([1, 2, 3]);
      expect((await getCase(db, c.id))!.version).toBe(3);
      expect(await auditCount(c.id)).toBe(audits + 1);
    }
  });
});

describe('transition: atomicity', () => {
  it('a transition that throws midway leaves no history row, no audit event, no job and the case unchanged', async () => {
    const c = await act(await open(), 'start_review', districtRev);
    const audits = await auditCount(c.id);
    const failing = transition(db, {
      caseId: c.id, action: 'district_approve', actor: districtRev, expectedVersion: c.version,
      apply: async () => { throw new Error('module write failed'); },
    });
    await expect(failing).rejects.toThrow('module write failed');
    expect((await caseHistory(db, c.id)).length).toBe(2);
    expect(await getCase(db, c.id)).toMatchObject({ state: 'district_review', version: 2 });
    expect(await auditCount(c.id)).toBe(audits);
    expect(await db.select().from(jobs).where(eq(jobs.key, `sla:${c.id}:3`))).toEqual([]);
  });

  it('inside a module\'s own transaction it commits or rolls back with it', async () => {
    const c = await act(await open(), 'start_review', districtRev);
    await db.transaction(async (tx) => {
      await transition(tx, { caseId: c.id, action: 'district_approve', actor: districtRev, expectedVersion: c.version });
      tx.rollback();
    }).catch(() => {});
    expect(await getCase(db, c.id)).toMatchObject({ state: 'district_review', version: 2 });
    await db.transaction((tx) => transition(tx, { caseId: c.id, action: 'district_approve', actor: districtRev, expectedVersion: c.version }));
    expect(await getCase(db, c.id)).toMatchObject({ state: 'province_review', version: 3 });
  });

  it('apply runs in the transaction and sees the updated case; data is merged', async () => {
    const c = await act(await open(), 'start_review', districtRev, { data: { a: 1 } });
    let seen: string | undefined;
    const d = await transition(db, {
      caseId: c.id, action: 'district_approve', actor: districtRev, expectedVersion: c.version, data: { b: 2 },
      apply: async (tx, u) => { seen = (await tx.select().from(wfCases).where(eq(wfCases.id, u.id)))[0]!.state; },
    });
    expect(seen).toBe('province_review');
    expect(d.data).toEqual({ a: 1, b: 2 });
  });

  it('a self-loop (note) keeps the deadline', async () => {
    const c = await act(await open(), 'start_review', districtRev);
    const d = await act(c, 'add_note', districtRev, { comment: 'یادداشت' });
    expect(d).toMatchObject({ state: 'district_review', version: 3 });
    expect(d.dueAt!.getTime()).toBe(c.dueAt!.getTime());
  });
});
