import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../core/audit/schema.js';
import { jobs } from '../../../core/jobs/schema.js';
import { notifyOutbox } from '../../../core/notify/schema.js';
import { AUTO_CLOSE_JOB } from './jobs.js';
import { complaints, complaintsMessages, complaintsTemplates } from './schema.js';
import { citizenHeaders, complaintsFixture, createComplaintsTestApp, fileComplaint } from './test-factory.js';

let t: Awaited<ReturnType<typeof createComplaintsTestApp>>;
let f: Awaited<ReturnType<typeof complaintsFixture>>;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createComplaintsTestApp();
  f = await complaintsFixture(t.db);
  for (const u of ['dr1', 'dr2', 'drother', 'prov', 'insp', 'inspprov', 'adm']) headers[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

const file = (o: Partial<Parameters<typeof fileComplaint>[1]> = {}) =>
  fileComplaint(t.db, { place: f.tree.city, categoryId: f.categories.lighting.id, subject: 'چراغ کوچه خاموش است', ...o });
const act = (who: string, id: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/actions`, headers: headers[who], payload });
const lastSms = async (to: string) =>
  (await t.db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, to)).orderBy(desc(notifyOutbox.id)).limit(1))[0];
/** Files a complaint and has dr1 take it (assign to self): in progress, version 2. */
async function inProgress(o: Partial<Parameters<typeof fileComplaint>[1]> = {}) {
  const c = await file(o);
  const res = await act('dr1', c.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.dr1.id });
  expect(res.statusCode).toBe(200);
  return c;
}

describe('POST /api/v1/complaints/:id/actions — assign', () => {
  it('two reviewers taking the same case at the same moment: one 200, the other 409 version_conflict', async () => {
    const c = await file();
    const results = await Promise.all([
      act('dr1', c.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.dr1.id }),
      act('dr2', c.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.dr2.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('version_conflict');
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(winner).toMatchObject({ state: 'in_progress', version: 2 });
    expect([f.staff.dr1.id, f.staff.dr2.id]).toContain(winner.assignee.id);
  });

  it('400 invalid_assignee for staff of another district, assignee_required without one; the inspector takes over', async () => {
    const c = await file();
    expect((await act('dr1', c.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.drOther.id })).json().code).toBe('invalid_assignee');
    expect((await act('dr1', c.id, { action: 'assign', expectedVersion: 1 })).json().code).toBe('assignee_required');
    const handed = await act('dr1', c.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.dr2.id });
    expect(handed.json()).toMatchObject({ assignee: { id: f.staff.dr2.id }, state: 'in_progress' });
    // dr1 no longer holds it; the Inspection Office may take it over.
    expect((await act('dr1', c.id, { action: 'answer', expectedVersion: 2, comment: 'پاسخ' })).json().code).toBe('assigned_to_other');
    const taken = await act('insp', c.id, { action: 'assign', expectedVersion: 2, assigneeId: f.staff.insp.id });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().assignee.id).toBe(f.staff.insp.id);
    expect(taken.json().history.at(-1)).toMatchObject({ action: 'assign', actionTitle: 'ارجاع' });
  });

  it('404 outside scope (another district cannot act on it)', async () => {
    const c = await file();
    expect((await act('drother', c.id, { action: 'assign', expectedVersion: 1, assigneeId: f.staff.drOther.id })).statusCode).toBe(404);
  });
});

describe('POST /api/v1/complaints/:id/actions — answer', () => {
  it('writes the public reply, answered_at and the first-answer figures, schedules the auto-close and texts the citizen', async () => {
    const c = await inProgress();
    const res = await act('dr1', c.id, { action: 'answer', expectedVersion: 2, comment: 'چراغ‌ها تعمیر شد.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'answered', stateTitle: 'پاسخ داده شده', dueAt: null });
    expect(res.json().messages).toEqual([expect.objectContaining({ kind: 'reply', body: 'چراغ‌ها تعمیر شد.', internal: false, author: expect.stringMatching(/^کارمند /) })]);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, c.id));
    expect(row!.answeredAt).toBeInstanceOf(Date);
    expect(row!.firstAnsweredAt!.getTime()).toBe(row!.answeredAt!.getTime());
    expect(row!.answeredOnTime).toBe(true);
    expect(row!.answerWorkingDays).toBe(0);
    const [job] = await t.db.select().from(jobs).where(and(eq(jobs.kind, AUTO_CLOSE_JOB), eq(jobs.status, 'pending')));
    expect(job).toBeDefined();
    const closeJobs = await t.db.select().from(jobs).where(eq(jobs.kind, AUTO_CLOSE_JOB));
    expect(closeJobs.some((j) => j.payload.complaintId === c.id && Date.parse(String(j.payload.answeredAt)) === row!.answeredAt!.getTime())).toBe(true);
    const sms = await lastSms(c.citizen.mobile!);
    expect(sms!.body).toContain(c.trackingCode);
    expect(sms!.body).toContain('پاسخ داده شد');
  });

  it('400 comment_required without a comment; 409 with a stale version', async () => {
    const c = await inProgress();
    expect((await act('dr1', c.id, { action: 'answer', expectedVersion: 2 })).json().code).toBe('comment_required');
    expect((await act('dr1', c.id, { action: 'answer', expectedVersion: 1, comment: 'x' })).json().code).toBe('version_conflict');
  });

  it('409 use_service_route on the generic transitions route (it would skip the reply, answered_at and SMS)', async () => {
    const c = await inProgress();
    const [row] = await t.db.select({ caseId: complaints.caseId }).from(complaints).where(eq(complaints.id, c.id));
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${row!.caseId}/transitions`, headers: headers.dr1, payload: { action: 'answer', expectedVersion: 2, comment: 'پاسخ' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('use_service_route');
  });

  it('a late first answer is recorded as not on time', async () => {
    const c = await inProgress();
    const [row] = await t.db.select({ caseId: complaints.caseId }).from(complaints).where(eq(complaints.id, c.id));
    const { wfCases } = await import('../../../core/workflow/schema.js');
    await t.db.update(wfCases).set({ dueAt: new Date(Date.now() - 3600_000) }).where(eq(wfCases.id, row!.caseId));
    expect((await act('dr1', c.id, { action: 'answer', expectedVersion: 2, comment: 'دیر شد.' })).statusCode).toBe(200);
    const [after] = await t.db.select().from(complaints).where(eq(complaints.id, c.id));
    expect(after!.answeredOnTime).toBe(false);
  });
});

describe('POST /api/v1/complaints/:id/actions — request_info, reject, mark_duplicate', () => {
  it('request_info: an information-request message and an SMS to the citizen with the tracking code', async () => {
    const c = await inProgress();
    const res = await act('dr1', c.id, { action: 'request_info', expectedVersion: 2, comment: 'لطفاً پلاک منزل را بفرستید.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('needs_info');
    expect(res.json().messages.at(-1)).toMatchObject({ kind: 'info_request', body: 'لطفاً پلاک منزل را بفرستید.' });
    const sms = await lastSms(c.citizen.mobile!);
    expect(sms!.channel).toBe('sms');
    expect(sms!.body).toContain(c.trackingCode);
    expect(sms!.body).toContain('اطلاعات بیشتری لازم است');
  });

  it('reject: the reason as a reply, closed_at, SMS', async () => {
    const c = await file();
    const res = await act('dr1', c.id, { action: 'reject', expectedVersion: 1, comment: 'این موضوع با شرکت برق است.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('rejected');
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, c.id));
    expect(row!.closedAt).toBeInstanceOf(Date);
    expect((await lastSms(c.citizen.mobile!))!.body).toContain('خارج از حوزه');
  });

  it('mark_duplicate: the original must be another complaint in scope (400 otherwise); then duplicate_of, closed_at, SMS', async () => {
    const original = await file();
    const elsewhere = await fileComplaint(t.db, { place: f.tree.otherVillage, categoryId: f.categories.lighting.id });
    const c = await file();
    const dup = (duplicateOf?: string) => act('dr1', c.id, { action: 'mark_duplicate', expectedVersion: 1, comment: 'تکراری است.', ...(duplicateOf ? { duplicateOf } : {}) });
    expect((await dup()).json().code).toBe('duplicate_required');
    expect((await dup(c.trackingCode)).json().code).toBe('invalid_duplicate');
    expect((await dup(elsewhere.trackingCode)).json().code).toBe('invalid_duplicate');
    expect((await dup('1234')).json().code).toBe('invalid_duplicate');
    expect((await act('dr1', c.id, { action: 'reject', expectedVersion: 1, comment: 'x', duplicateOf: original.trackingCode })).json().code).toBe('duplicate_not_allowed');
    const res = await dup(original.trackingCode);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'duplicate', duplicateOf: original.trackingCode });
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, c.id));
    expect(row!.duplicateOf).toBe(original.id);
    expect(row!.closedAt).toBeInstanceOf(Date);
    expect((await lastSms(c.citizen.mobile!))!.body).toContain(original.trackingCode);
  });

  it('400 unknown_action, 403 for an action of the citizen (reopen), 400 for a malformed body', async () => {
    const c = await file();
    expect((await act('dr1', c.id, { action: 'fly', expectedVersion: 1 })).json().code).toBe('unknown_action');
    expect((await act('dr1', c.id, { action: 'withdraw', expectedVersion: 1 })).statusCode).toBe(403);
    expect((await act('dr1', c.id, { action: 'auto_close', expectedVersion: 1 })).statusCode).toBe(403);
    expect((await act('dr1', c.id, { expectedVersion: 'x' })).statusCode).toBe(400);
  });
});

describe('POST /api/v1/complaints/:id/notes', () => {
  it('201: an internal note, audited, shown to staff and never on the citizen\'s own view', async () => {
    const c = await inProgress();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.id}/notes`, headers: headers.dr1, payload: { body: 'یادداشت محرمانه کارشناس' } });
    expect(res.statusCode).toBe(201);
    const staffView = (await t.app.inject({ url: `/api/v1/complaints/${c.id}`, headers: headers.prov })).json();
    expect(staffView.messages).toEqual([expect.objectContaining({ kind: 'note', internal: true, body: 'یادداشت محرمانه کارشناس' })]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.note'), eq(auditLog.entityId, c.id)));
    expect(audit).toBeDefined();
    expect(JSON.stringify(audit!.data)).not.toContain('محرمانه');
    const [note] = await t.db.select().from(complaintsMessages).where(eq(complaintsMessages.complaintId, c.id));
    expect(note!.kind).toBe('note');
    const mine = await t.app.inject({ url: `/api/v1/complaints/mine/${c.trackingCode}`, headers: await citizenHeaders(t.db, c.citizen) });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(c.trackingCode);
    expect(mine.body).not.toContain('یادداشت محرمانه');
  });

  it('404 outside scope, 400 for an empty body', async () => {
    const c = await file();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.id}/notes`, headers: headers.drother, payload: { body: 'x' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${c.id}/notes`, headers: headers.dr1, payload: { body: '   ' } })).statusCode).toBe(400);
  });
});

describe('/api/v1/complaints/templates', () => {
  it('GET: a category\'s templates with the general ones; POST/PUT/DELETE by national configure holders only', async () => {
    const cat = f.categories.lighting.id;
    const list = (await t.app.inject({ url: `/api/v1/complaints/templates?categoryId=${cat}`, headers: headers.dr1 })).json().items;
    expect(list.some((x: { categoryId: number | null }) => x.categoryId === null)).toBe(true);
    expect(list.some((x: { categoryId: number | null }) => x.categoryId === cat)).toBe(true);
    expect(list.every((x: { categoryId: number | null }) => x.categoryId === null || x.categoryId === cat)).toBe(true);

    const payload = { categoryId: cat, title: 'قالب تازه', body: 'متن قالب تازه' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints/templates', headers: headers.dr1, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints/templates', headers: headers.inspprov, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints/templates', headers: headers.adm, payload: { ...payload, categoryId: 999999 } })).json().code).toBe('category_not_found');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/complaints/templates', headers: headers.insp, payload });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/complaints/templates/${id}`, headers: headers.adm, payload: { active: false } });
    expect(put.json()).toMatchObject({ id, active: false, title: 'قالب تازه' });
    const after = (await t.app.inject({ url: `/api/v1/complaints/templates?categoryId=${cat}`, headers: headers.dr1 })).json().items;
    expect(after.some((x: { id: number }) => x.id === id)).toBe(false);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/complaints/templates/${id}`, headers: headers.adm })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/complaints/templates/${id}`, headers: headers.adm })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/complaints/templates/abc', headers: headers.adm, payload: {} })).statusCode).toBe(400);
    expect(await t.db.select().from(complaintsTemplates).where(eq(complaintsTemplates.id, id))).toEqual([]);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(id)));
    expect(audits.map((a) => a.action)).toEqual(['complaint.template.create', 'complaint.template.update', 'complaint.template.delete']);
  });
});
