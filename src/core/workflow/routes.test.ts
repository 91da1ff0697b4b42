import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { createCitizen, createStaff, createTree } from '../../test/factories.js';
import type { Actor } from '../access/actor.js';
import { registerWorkflow } from './definition.js';
import { caseHistory, getCase, openCase } from './engine.js';
import { sampleReview } from './test-sample.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let tree: Awaited<ReturnType<typeof createTree>>;
let citizen: Actor;
// The same process, but one whose actions have a service's own side effects: only the service's routes move it.
const serviceOnly = { ...sampleReview, key: 'test.review.service', serviceRoutesOnly: true as const };
beforeAll(async () => {
  registerWorkflow(sampleReview);
  registerWorkflow(serviceOnly);
  t = await createTestApp();
  tree = await createTree(t.db);
  citizen = await createCitizen(t.db);
  const pw = { password: 'secret-pass' };
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr1', ...pw });
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr2', ...pw });
  await createStaff(t.db, [['district.reviewer', tree.otherDistrict]], { username: 'other', ...pw });
  await createStaff(t.db, [['admin', null]], { username: 'adm', ...pw });
});
afterAll(async () => { await t.close(); });

const newCase = () => openCase(t.db, { definition: 'test.review', divisionId: tree.village.id, title: 'درخواست آزمایشی', actor: citizen });

describe('GET /api/v1/inbox and GET /api/v1/cases/:id', () => {
  it('shows the case to reviewers of its district with their actions, and 404 to another district', async () => {
    const c = await newCase();
    const h = await t.login('dr1');
    const inbox = (await t.app.inject({ url: '/api/v1/inbox?definition=test.review', headers: h })).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const res = (await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: h })).json();
    expect(res.case.stateTitle).toBe('ثبت‌شده');
    expect(res.case.actions.map((a: { key: string }) => a.key)).toEqual(['start_review']);
    expect(res.history).toHaveLength(1);
    const other = await t.login('other');
    expect((await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/inbox?definition=test.review', headers: other })).json().total).toBe(0);
  });

  it('400 for a bad paging value, 404 for a malformed id', async () => {
    const h = await t.login('dr1');
    expect((await t.app.inject({ url: '/api/v1/inbox?limit=100000', headers: h })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/cases/../../etc', headers: h })).statusCode).toBe(404);
  });
});

describe('POST /api/v1/cases/:id/transitions', () => {
  it('two reviewers acting at the same moment: one 200, the other 409 version_conflict, one history row', async () => {
    const c = await newCase();
    const [a, b] = [await t.login('dr1'), await t.login('dr2')];
    const body = { action: 'start_review', expectedVersion: c.version };
    const results = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: a, payload: body }),
      t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: b, payload: body }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().code).toBe('version_conflict');
    expect(loser.json().title).toMatch(/[\u0600-\u06FF]/);
    const detail = (await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: a })).json();
    expect(detail.case.state).toBe('district_review');
    expect(detail.history).toHaveLength(2);
  });

  it('400 comment_required when the action needs a reason; 403 for a role that may not take it', async () => {
    const c = await newCase();
    const h = await t.login('dr1');
    const started = (await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: h, payload: { action: 'start_review', expectedVersion: 1 } })).json();
    const reject = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: h, payload: { action: 'district_reject', expectedVersion: started.case.version } });
    expect(reject.statusCode).toBe(400);
    expect(reject.json().code).toBe('comment_required');
    const approve = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: h, payload: { action: 'approve', expectedVersion: started.case.version } });
    expect(approve.statusCode).toBe(403);
  });

  it('409 use_service_route for a definition with serviceRoutesOnly, the case unchanged; one without the flag moves', async () => {
    const h = await t.login('dr1');
    const guarded = await openCase(t.db, { definition: serviceOnly.key, divisionId: tree.village.id, title: 'درخواست خدمت', actor: citizen });
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${guarded.id}/transitions`, headers: h, payload: { action: 'start_review', expectedVersion: 1 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('use_service_route');
    expect(refused.json().title).toMatch(/[\u0600-\u06FF]/);
    expect(await getCase(t.db, guarded.id)).toMatchObject({ state: 'submitted', version: 1 });
    expect(await caseHistory(t.db, guarded.id)).toHaveLength(1);
    // The reviewer still sees the case through the generic read route, with no actions offered there.
    const read = await t.app.inject({ url: `/api/v1/cases/${guarded.id}`, headers: h });
    expect(read.statusCode).toBe(200);
    expect(read.json().case.actions).toEqual([]);

    const plain = await newCase();
    const moved = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${plain.id}/transitions`, headers: h, payload: { action: 'start_review', expectedVersion: 1 } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().case).toMatchObject({ state: 'district_review', version: 2 });
    expect(moved.json().case.actions.length).toBeGreaterThan(0);
  });

  it('passes assigneeId through: 400 assignee_not_allowed on an action that does not assign', async () => {
    const c = await newCase();
    const h = await t.login('dr1');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: h, payload: { action: 'start_review', expectedVersion: 1, assigneeId: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('assignee_not_allowed');
  });
});

describe('holidays', () => {
  it('an administrator adds a holiday by its Jalali date; others get 403; everyone signed in can read the list', async () => {
    const admin = await t.login('adm');
    const add = await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: admin, payload: { day: '۱۴۰۵/۱۱/۲۲', title: 'پیروزی انقلاب اسلامی' } });
    expect(add.statusCode).toBe(201);
    expect(add.json().day).toBe('2027-02-11');
    const dr = await t.login('dr1');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: dr, payload: { day: '1405/01/01', title: 'نوروز' } })).statusCode).toBe(403);
    const list = (await t.app.inject({ url: '/api/v1/holidays', headers: dr })).json();
    expect(list.items).toContainEqual(expect.objectContaining({ day: '2027-02-11', jalali: '۱۴۰۵/۱۱/۲۲' }));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: admin, payload: { day: '1405/13/01', title: 'x' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/holidays/2027-02-11', headers: admin })).statusCode).toBe(204);
  });
});
