import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Database, Db } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { registerWorkflow } from './definition.js';
import { openCase, transition, type WorkflowCase } from './engine.js';
import { inbox, inboxCounts } from './inbox.js';
import { wfCases } from './schema.js';
import { createCitizen, createStaff, createTree } from '../../test/factories.js';
import { sampleReview } from './test-sample.js';

let database: Database;
let db: Db;
let citizen: Actor, districtRev: Actor, districtRev2: Actor, otherDistrictRev: Actor, provinceRev: Actor, provinceRev2: Actor, nobody: Actor;
let tree: Awaited<ReturnType<typeof createTree>>;
const cases: Record<string, WorkflowCase> = {};

const act = (c: WorkflowCase, action: string, actor: Actor, comment?: string) =>
  transition(db, { caseId: c.id, action, actor, expectedVersion: c.version, comment });
const open = (divisionId: number, title: string) =>
  db.transaction((tx) => openCase(tx, { definition: sampleReview, divisionId, title, subjectRef: `REF-${title}`, actor: citizen }));

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(sampleReview);
  tree = await createTree(db);
  citizen = await createCitizen(db);
  districtRev = await createStaff(db, [['district.reviewer', tree.district]]);
  districtRev2 = await createStaff(db, [['district.reviewer', tree.district]]);
  otherDistrictRev = await createStaff(db, [['district.reviewer', tree.otherDistrict]]);
  provinceRev = await createStaff(db, [['province.reviewer', tree.province]]);
  provinceRev2 = await createStaff(db, [['province.reviewer', tree.province]]);
  nobody = await createStaff(db, []);
  // Four cases in the district (city), one in the other district.
  cases.fresh = await open(tree.city.id, 'پروانه ساختمان');
  cases.reviewing = await act(await open(tree.city.id, 'پسماند روستا'), 'start_review', districtRev);
  cases.atProvince = await act(await act(await open(tree.city.id, 'ارتقای درجه'), 'start_review', districtRev), 'district_approve', districtRev);
  const ret = await act(await act(await open(tree.city.id, 'مربی'), 'start_review', districtRev), 'return_to_applicant', districtRev2, 'اصلاح');
  cases.resubmitted = await act(ret, 'resubmit', citizen); // back in district_review, assigned to districtRev2
  cases.elsewhere = await open(tree.otherDistrict.id, 'جای دیگر');
  // Make two of them overdue.
  await db.update(wfCases).set({ dueAt: new Date(Date.now() - 86_400_000) }).where(inArray(wfCases.id, [cases.fresh.id, cases.atProvince.id]));
});
afterAll(async () => { await database.close(); });

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();
const sorted = (...cs: WorkflowCase[]) => cs.map((c) => c.id).sort();

describe('inbox', () => {
  it('shows the district reviewer the district\'s actionable cases, not those assigned to a colleague', async () => {
    const r = await inbox(db, districtRev, { limit: 50 });
    expect(ids(r)).toEqual(sorted(cases.fresh!, cases.reviewing!));
    expect(r.total).toBe(2);
    expect(r.items[0]!.id).toBe(cases.fresh!.id); // overdue first (sorted by due date)
    expect(r.items[0]).toMatchObject({ overdue: true, actions: ['start_review'], state: 'submitted' });
  });

  it('shows a resubmitted case only to the reviewer who returned it', async () => {
    expect(ids(await inbox(db, districtRev2))).toEqual(sorted(cases.fresh!, cases.reviewing!, cases.resubmitted!));
  });

  it('shows the other district\'s reviewer only their own district', async () => {
    expect(ids(await inbox(db, otherDistrictRev))).toEqual(sorted(cases.elsewhere!));
  });

  it('shows the province reviewer only the province step', async () => {
    const r = await inbox(db, provinceRev);
    expect(ids(r)).toEqual(sorted(cases.atProvince!));
    expect(r.items[0]!.actions).toEqual(['province_return', 'approve', 'reject']);
  });

  it('is empty for a user without roles and for the applicant while nothing awaits them', async () => {
    expect(await inbox(db, nobody)).toEqual({ items: [], total: 0 });
    expect(await inbox(db, citizen)).toEqual({ items: [], total: 0 });
    expect(await inbox(db, districtRev, { definition: 'no.such' })).toEqual({ items: [], total: 0 });
  });

  it('filters by state, overdue, text (Persian-normalized) and subject ref; pages with a stable total', async () => {
    expect(ids(await inbox(db, districtRev2, { state: 'district_review' }))).toEqual(sorted(cases.reviewing!, cases.resubmitted!));
    expect(ids(await inbox(db, districtRev, { overdueOnly: true }))).toEqual(sorted(cases.fresh!));
    expect(ids(await inbox(db, districtRev, { q: 'پسماند' }))).toEqual(sorted(cases.reviewing!));
    expect(ids(await inbox(db, districtRev, { q: 'پسماند روستا'.replace('ی', 'ي') }))).toEqual(sorted(cases.reviewing!)); // Arabic yeh
    expect(ids(await inbox(db, districtRev, { q: 'REF-پروانه ساختمان' }))).toEqual(sorted(cases.fresh!));
    const p1 = await inbox(db, districtRev2, { limit: 2, offset: 0 });
    const p2 = await inbox(db, districtRev2, { limit: 2, offset: 2 });
    const p3 = await inbox(db, districtRev2, { limit: 2, offset: 4 });
    expect([p1.total, p2.total, p3.total]).toEqual([3, 3, 3]);
    expect([...p1.items, ...p2.items].map((i) => i.id).sort()).toEqual(sorted(cases.fresh!, cases.reviewing!, cases.resubmitted!));
    expect(p3.items).toEqual([]);
  });

  it('shows the applicant their case while it waits for their correction', async () => {
    const c = await act(await act(await open(tree.city.id, 'اصلاحی'), 'start_review', districtRev), 'return_to_applicant', districtRev, 'اصلاح');
    const other = await createCitizen(db);
    expect((await inbox(db, citizen)).items.map((i) => [i.id, i.actions])).toEqual([[c.id, ['resubmit', 'withdraw']]]);
    expect((await inbox(db, other)).total).toBe(0);
    await act(c, 'withdraw', citizen);
  });
});

describe('inboxCounts', () => {
  it('matches the inbox per definition, with overdue counts', async () => {
    for (const [actor, total, overdue] of [[districtRev, 2, 1], [districtRev2, 3, 1], [provinceRev, 1, 1], [provinceRev2, 1, 1], [otherDistrictRev, 1, 0]] as const) {
      const counts = await inboxCounts(db, actor);
      expect(counts).toEqual([{ definition: 'test.review', total, overdue }]);
      expect((await inbox(db, actor)).total).toBe(total);
    }
    expect(await inboxCounts(db, nobody)).toEqual([]);
  });

  it('never counts a case in a final state', async () => {
    const before = (await inboxCounts(db, districtRev))[0]!.total;
    const [c] = await db.select().from(wfCases).where(eq(wfCases.id, cases.reviewing!.id));
    await act(c!, 'district_reject', districtRev, 'رد');
    expect((await inboxCounts(db, districtRev))[0]!.total).toBe(before - 1);
  });
});
