import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../../../core/access/actor.js';
import { auditLog } from '../../../../core/audit/schema.js';
import type { Db } from '../../../../core/db/client.js';
import { storeDocument } from '../../../../core/documents/store.js';
import { docFiles } from '../../../../core/documents/schema.js';
import { notifyOutbox } from '../../../../core/notify/schema.js';
import { registerWorkflow } from '../../../../core/workflow/definition.js';
import { caseHistory, getCase } from '../../../../core/workflow/engine.js';
import { createTestDatabase } from '../../../../test/db.js';
import { createCitizen, createTree } from '../../../../test/factories.js';
import { ComplaintCreate } from '../../contract.js';
import { ensureCategories } from '../categories.js';
import { PNG } from '../citizen-test-app.js';
import { complaints, complaintsAttachments, complaintsCategories } from '../schema.js';
import { isValidTrackingCode } from '../../../../core/codes/tracking-code.js';
import { complaintWorkflow } from '../workflow.js';
import { submitComplaint } from './submit.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let tree: Awaited<ReturnType<typeof createTree>>;
let citizen: Actor;
const cat: Record<string, typeof complaintsCategories.$inferSelect> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  registerWorkflow(complaintWorkflow);
  await ensureCategories(db);
  tree = await createTree(db);
  citizen = await createCitizen(db);
  for (const c of await db.select().from(complaintsCategories)) cat[c.code] = c;
});
afterAll(async () => { await database.close(); });

const input = (o: Partial<ComplaintCreate> = {}) => ComplaintCreate.parse({
  kind: 'complaint', categoryId: cat['waste-collection']!.id, divisionId: tree.city.id,
  subject: 'جمع‌آوری نشدن زباله', body: 'سه روز است که زباله‌های کوچه جمع‌آوری نشده است.', ...o,
});
const web = (actor: Actor = citizen) => ({ actor, source: 'web' as const });

async function problem(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { status: number; code: string; title: string; extra?: { errors?: { path: string; message: string }[] } };
  }
  throw new Error('expected an error');
}

describe('submitComplaint', () => {
  it('stores the complaint, opens the case with the category SLA, queues the SMS with the code, audits', async () => {
    const r = await submitComplaint(db, input({ answers: {} }), web());
    expect(isValidTrackingCode(r.trackingCode)).toBe(true);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, r.id));
    expect(row).toMatchObject({ caseId: r.caseId, mobile: citizen.mobile, citizenId: citizen.id, divisionPath: tree.city.path, source: 'web', anonymous: false });
    const c = (await getCase(db, r.caseId))!;
    expect(c).toMatchObject({ state: 'submitted', subjectRef: r.id, divisionId: tree.city.id, createdById: citizen.id, title: 'جمع‌آوری نشدن زباله' });
    expect(c.data).toMatchObject({ slaDays: 7, complaintId: r.id });
    expect(c.dueAt).not.toBeNull();
    expect((await caseHistory(db, r.caseId)).map((h) => h.action)).toEqual(['open']);
    const sms = await db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, citizen.mobile!));
    expect(sms.some((m) => m.body.includes(`کد پیگیری شما: ${r.trackingCode}`))).toBe(true);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.submit'), eq(auditLog.entityId, r.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain(citizen.mobile!);
  });

  it('400 category_invalid for a group, an unknown id and an inactive leaf (field categoryId)', async () => {
    const [inactive] = await db.insert(complaintsCategories).values({ parentId: cat['urban-services']!.id, code: 'old-leaf', name: 'قدیمی', active: false }).returning();
    for (const categoryId of [cat['urban-services']!.id, 999_999, inactive!.id]) {
      const e = await problem(submitComplaint(db, input({ categoryId }), web()));
      expect(e).toMatchObject({ status: 400, code: 'category_invalid' });
      expect(e.extra!.errors![0]).toMatchObject({ path: 'categoryId', message: expect.stringMatching(/[\u0600-\u06FF]/) });
    }
  });

  it('400 place_invalid for a province, a county and an unknown division; a village, rural district or district is fine', async () => {
    for (const divisionId of [tree.province.id, tree.county.id, 2_000_000_000]) {
      const e = await problem(submitComplaint(db, input({ divisionId }), web()));
      expect(e).toMatchObject({ status: 400, code: 'place_invalid' });
      expect(e.extra!.errors![0]!.path).toBe('divisionId');
    }
    for (const d of [tree.village, tree.district]) await expect(submitComplaint(db, input({ divisionId: d.id }), web())).resolves.toBeTruthy();
  });

  it('400 answers_invalid with one Persian message per question; answers are cleaned and typed', async () => {
    const pothole = cat['pothole']!.id;
    const e = await problem(submitComplaint(db, input({ categoryId: pothole, answers: { dangerous: 'maybe' } }), web()));
    expect(e).toMatchObject({ status: 400, code: 'answers_invalid' });
    expect(e.extra!.errors).toEqual([
      { path: 'answers.pothole_size', message: expect.stringContaining('اندازه تقریبی خرابی') },
      { path: 'answers.dangerous', message: expect.stringContaining('بله یا خیر') },
    ]);
    const bad = await problem(submitComplaint(db, input({ categoryId: pothole, answers: { pothole_size: 'huge' } }), web()));
    expect(bad.extra!.errors![0]!.message).toContain('گزینه');
    const r = await submitComplaint(db, input({ categoryId: pothole, answers: { pothole_size: 'large', dangerous: 'true', unknown_q: 'x' } }), web());
    const [row] = await db.select().from(complaints).where(eq(complaints.id, r.id));
    expect(row!.answers).toEqual({ pothole_size: 'large', dangerous: true });
    const water = await submitComplaint(db, input({ categoryId: cat['village-water']!.id, divisionId: tree.village.id, answers: { water_issue: 'outage', days_without_water: '۱۲' } }), web());
    expect((await db.select().from(complaints).where(eq(complaints.id, water.id)))[0]!.answers).toEqual({ water_issue: 'outage', days_without_water: 12 });
  });

  it('attaches the citizen’s own uploads and places them at the complaint; refuses others’ and reused ones', async () => {
    const mine = await storeDocument(db, { content: PNG, filename: 'a.png', purpose: 'complaint', owner: citizen, maxBytes: 1e6 });
    const other = await createCitizen(db);
    const theirs = await storeDocument(db, { content: PNG, filename: 'b.png', purpose: 'complaint', owner: other, maxBytes: 1e6 });
    expect(await problem(submitComplaint(db, input({ documentIds: [theirs.id] }), web()))).toMatchObject({ status: 400, code: 'attachment_invalid' });
    const r = await submitComplaint(db, input({ documentIds: [mine.id, mine.id] }), web());
    expect(await db.select().from(complaintsAttachments).where(eq(complaintsAttachments.complaintId, r.id))).toHaveLength(1);
    expect((await db.select().from(docFiles).where(eq(docFiles.id, mine.id)))[0]!.divisionPath).toBe(tree.city.path);
    expect(await problem(submitComplaint(db, input({ documentIds: [mine.id] }), web()))).toMatchObject({ code: 'attachment_invalid' });
  });

  it('retries under a savepoint when a code is taken, and gives up after 5 collisions (503)', async () => {
    const first = await submitComplaint(db, input(), web());
    const codes = [first.trackingCode, first.trackingCode, '1000000000009'];
    const r = await submitComplaint(db, input(), { ...web(), generateCode: () => codes.shift()! });
    expect(r.trackingCode).toBe('1000000000009');
    const e = await problem(submitComplaint(db, input(), { ...web(), generateCode: () => first.trackingCode }));
    expect(e).toMatchObject({ status: 503, code: 'tracking_code_failed' });
  });

  it('Open311: a system-like actor, the mobile from the request, no citizen link, no attachments', async () => {
    const client: Actor = { id: null, kind: 'system', label: 'open311:test-client', grants: [] };
    const r = await submitComplaint(db, { ...input(), mobile: '+989121234567' }, { actor: client, source: 'open311', apiClient: '7' });
    const [row] = await db.select().from(complaints).where(eq(complaints.id, r.id));
    expect(row).toMatchObject({ mobile: '09121234567', citizenId: null, source: 'open311', apiClient: '7' });
    expect((await getCase(db, r.caseId))!.createdById).toBeNull();
    expect((await db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, '09121234567'))).length).toBe(1);
    const noMobile = await submitComplaint(db, input(), { actor: SYSTEM_ACTOR, source: 'open311' });
    expect((await db.select().from(complaints).where(eq(complaints.id, noMobile.id)))[0]!.mobile).toBeNull();
    const doc = await storeDocument(db, { content: PNG, purpose: 'x', owner: null, maxBytes: 1e6 });
    expect(await problem(submitComplaint(db, input({ documentIds: [doc.id] }), { actor: client, source: 'open311' }))).toMatchObject({ code: 'attachment_invalid' });
    expect(await problem(submitComplaint(db, { ...input(), mobile: '12' }, { actor: client, source: 'open311' }))).toMatchObject({ code: 'mobile_invalid' });
  });

  it('1,000 concurrent submissions get 1,000 distinct valid codes', async () => {
    const started = Date.now();
    const codes: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const rs = await Promise.all(Array.from({ length: 100 }, () => submitComplaint(db, input(), { ...web(), sms: false })));
      codes.push(...rs.map((r) => r.trackingCode));
    }
    expect(new Set(codes).size).toBe(1000);
    expect(codes.every(isValidTrackingCode)).toBe(true);
    console.info(`1,000 submissions in ${Date.now() - started} ms`);
  }, 180_000);
});
