import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/access/actor.js';
import { toPersianDigits } from '../../../core/fa/index.js';
import { getCase, transition } from '../../../core/workflow/engine.js';
import { createStaff, createTree } from '../../../test/factories.js';
import { createCitizenTestApp, PDF, type Headers } from './citizen-test-app.js';
import { submitComplaint } from './commands/submit.js';
import { scheduleAutoClose } from './jobs.js';
import { complaints, complaintsMessages } from './schema.js';
import { formatTrackingCode } from '../../../core/codes/tracking-code.js';

let t: Awaited<ReturnType<typeof createCitizenTestApp>>;
let tree: Awaited<ReturnType<typeof createTree>>;
let muni: Actor;
let pothole: number;
let waste: number;

beforeAll(async () => {
  t = await createCitizenTestApp();
  tree = await createTree(t.db);
  muni = await createStaff(t.db, [['municipality', tree.city]], { username: 'muni', password: 'secret-pass' });
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr-here', password: 'secret-pass' });
  await createStaff(t.db, [['district.reviewer', tree.otherDistrict]], { username: 'dr-there', password: 'secret-pass' });
  pothole = (await t.category('pothole')).id;
  waste = (await t.category('waste-collection')).id;
});
afterAll(async () => { await t.close(); });

const get = (url: string, headers?: Headers) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Headers, payload: object = {}) => t.app.inject({ method: 'POST', url, headers, payload });

/** What the staff side does on an action (its own module code does the same through its routes). */
async function staffAct(code: string, action: string, extra: { comment?: string; assigneeId?: number } = {}) {
  const [x] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, code));
  const c = (await getCase(t.db, x!.caseId))!;
  return transition(t.db, {
    caseId: c.id, action, actor: muni, expectedVersion: c.version, ...extra,
    apply: async (tx) => {
      if (action === 'request_info') await tx.insert(complaintsMessages).values({ complaintId: x!.id, kind: 'info_request', body: extra.comment!, authorId: muni.id });
      if (action === 'answer') {
        const now = new Date();
        await tx.insert(complaintsMessages).values({ complaintId: x!.id, kind: 'reply', body: extra.comment!, authorId: muni.id });
        await tx.insert(complaintsMessages).values({ complaintId: x!.id, kind: 'note', body: 'یادداشت داخلی: پیمانکار تذکر گرفت.', authorId: muni.id });
        await tx.update(complaints).set({ answeredAt: now }).where(eq(complaints.id, x!.id));
        await scheduleAutoClose(tx, x!, now);
      }
    },
  });
}

const fileBody = (o: Record<string, unknown> = {}) => ({
  kind: 'complaint', categoryId: pothole, divisionId: tree.city.id, subject: 'چاله بزرگ در خیابان امام',
  body: 'روبه‌روی پلاک ۱۲ خیابان امام چاله‌ای بزرگ ایجاد شده که برای موتورسواران خطرناک است.', answers: { pothole_size: 'large', dangerous: true },
  name: 'مریم رضایی', ...o,
});

describe('citizen flow: file → track → full case → provide info → rate', () => {
  it('works end to end over HTTP with the one-time code session', async () => {
    const me = await t.citizenLogin('09121000001');
    const doc = await t.upload(me.headers);

    const filed = await post('/api/v1/complaints', me.headers, fileBody({ documentIds: [doc] }));
    expect(filed.statusCode).toBe(201);
    const { trackingCode: code } = filed.json();
    expect(code).toMatch(/^\d{13}$/);
    expect(await t.lastSms('09121000001')).toContain(`کد پیگیری شما: ${code}`);

    // The public page, by the code as a person would type it (Persian digits, dashes).
    const pub = await get(`/api/v1/complaints/track/${encodeURIComponent(toPersianDigits(formatTrackingCode(code)))}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      trackingCode: code, kind: 'complaint', state: 'submitted', status: 'open', subject: 'چاله بزرگ در خیابان امام',
      category: { code: 'pothole', name: 'آسفالت و چاله', groupName: 'خدمات شهری' }, replies: [],
    });
    expect(pub.json().place.chain.map((d: { level: string }) => d.level)).toEqual(['province', 'county', 'district', 'city']);
    expect(pub.body).not.toContain('پلاک ۱۲');
    expect(pub.body).not.toContain('09121000001');
    expect(pub.body).not.toContain('مریم');
    expect(pub.body).not.toContain(doc);

    // The full case for its owner.
    const full = await get(`/api/v1/complaints/mine/${code}`, me.headers);
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({
      body: expect.stringContaining('پلاک ۱۲'), mobile: '09121000001', name: 'مریم رضایی', anonymous: false,
      attachments: [{ id: doc, mime: 'image/png', mine: true }],
      answers: [{ code: 'pothole_size', valueLabel: 'بزرگ (بیش از دو متر)' }, { code: 'dangerous', value: true }],
      actions: [{ key: 'withdraw' }], canAddInfo: true, satisfactionWindowEnd: null,
    });
    expect((await get(`/api/v1/documents/${doc}`, me.headers)).statusCode).toBe(200);
    expect((await get(`/api/v1/complaints/mine/${code}/documents/${doc}`, me.headers)).statusCode).toBe(200);
    expect((await get('/api/v1/complaints/mine', me.headers)).json().items).toMatchObject([{ trackingCode: code, state: 'submitted', status: 'open' }]);

    // Someone else's session: the case does not exist for them, nor does the attachment.
    const other = await t.citizenLogin('09121000002');
    expect((await get(`/api/v1/complaints/mine/${code}`, other.headers)).statusCode).toBe(404);
    expect((await get(`/api/v1/complaints/mine/${code}/documents/${doc}`, other.headers)).statusCode).toBe(404);
    expect((await get(`/api/v1/documents/${doc}`, other.headers)).statusCode).toBe(404);
    // Staff: the attachment URL follows the complaint's scope, like the case itself.
    expect((await get(`/api/v1/documents/${doc}`, await t.login('dr-here'))).statusCode).toBe(200);
    expect((await get(`/api/v1/documents/${doc}`, await t.login('dr-there'))).statusCode).toBe(404);
    expect((await post(`/api/v1/complaints/mine/${code}/withdraw`, other.headers)).statusCode).toBe(404);
    expect((await get('/api/v1/complaints/mine', other.headers)).json().items).toEqual([]);

    // Staff take it and ask for more information; the citizen sees the question, not the staff.
    await staffAct(code, 'assign', { assigneeId: muni.id! });
    await staffAct(code, 'request_info', { comment: 'لطفاً عکس واضح‌تری از محل بفرستید.' });
    const asked = (await get(`/api/v1/complaints/mine/${code}`, me.headers)).json();
    expect(asked.state).toBe('needs_info');
    expect(asked.messages).toMatchObject([{ kind: 'info_request', body: 'لطفاً عکس واضح‌تری از محل بفرستید.', fromCitizen: false }]);
    expect(asked.actions.map((a: { key: string }) => a.key)).toEqual(['provide_info', 'withdraw']);
    expect(JSON.stringify(asked)).not.toContain('muni');

    const more = await t.upload(me.headers, PDF, 'نقشه.pdf');
    const provided = await post(`/api/v1/complaints/mine/${code}/info`, me.headers, { body: 'عکس دیگری از شب پیوست شد.', documentIds: [more] });
    expect(provided.statusCode).toBe(200);
    expect(provided.json()).toMatchObject({ state: 'in_progress', attachments: [{ id: doc }, { id: more, mime: 'application/pdf' }] });
    const [x] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, code));
    expect((await getCase(t.db, x!.caseId))!.assigneeId).toBe(muni.id); // back to the reviewer who asked

    // The answer is public; the internal note is not.
    await staffAct(code, 'answer', { comment: 'چاله در تاریخ امروز با آسفالت گرم ترمیم شد.' });
    const answered = (await get(`/api/v1/complaints/track/${code}`)).json();
    expect(answered).toMatchObject({ state: 'answered', status: 'open', replies: [{ body: 'چاله در تاریخ امروز با آسفالت گرم ترمیم شد.' }] });
    expect(answered.answeredAt).toBeTruthy();
    const ownerView = (await get(`/api/v1/complaints/mine/${code}`, me.headers)).json();
    expect(ownerView.actions.map((a: { key: string }) => a.key)).toEqual(['rate', 'reopen']);
    expect(new Date(ownerView.satisfactionWindowEnd).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(JSON.stringify(ownerView)).not.toContain('یادداشت داخلی');
    expect(ownerView.history.map((h: { action: string }) => h.action)).toEqual(['open', 'assign', 'request_info', 'provide_info', 'answer']);
    expect(JSON.stringify(ownerView.history)).not.toContain(`"actorId"`);

    const rated = await post(`/api/v1/complaints/mine/${code}/rate`, me.headers, { rating: 5, comment: 'سریع رسیدگی شد، سپاس.' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'closed', status: 'closed', rating: 5, actions: [], canAddInfo: false });
    expect((await get(`/api/v1/complaints/track/${code}`)).json()).toMatchObject({ status: 'closed', closedAt: expect.any(String), dueAt: null });
    expect((await post(`/api/v1/complaints/mine/${code}/info`, me.headers, { body: 'متن' })).json().code).toBe('info_not_allowed');
  });

  it('403 for a staff session and 401 without one on POST /api/v1/complaints', async () => {
    const staff = await t.login('muni');
    expect((await post('/api/v1/complaints', staff, fileBody())).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: fileBody() })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/complaints', () => {
  it('201 for an anonymous complaint; the owner still follows it', async () => {
    const me = await t.citizenLogin('09121000003');
    const res = await post('/api/v1/complaints', me.headers, fileBody({ anonymous: true, name: undefined, categoryId: waste, answers: {} }));
    expect(res.statusCode).toBe(201);
    const full = (await get(`/api/v1/complaints/mine/${res.json().trackingCode}`, me.headers)).json();
    expect(full).toMatchObject({ anonymous: true, name: null });
  });

  it('400 validation_failed with Persian, field-specific messages', async () => {
    const me = await t.citizenLogin('09121000004');
    const res = await post('/api/v1/complaints', me.headers, { kind: 'rant', categoryId: pothole, divisionId: tree.city.id, subject: '   ', body: 'x'.repeat(4001) });
    expect(res.statusCode).toBe(400);
    const p = res.json();
    expect(p).toMatchObject({ code: 'validation_failed', title: expect.stringMatching(/[\u0600-\u06FF]/) });
    const paths = p.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.subject', 'body.body']));
    for (const e of p.errors) expect(e.message).toMatch(/[\u0600-\u06FF]/);

    const answers = await post('/api/v1/complaints', me.headers, fileBody({ answers: {} }));
    expect(answers.statusCode).toBe(400);
    expect(answers.json()).toMatchObject({ code: 'answers_invalid', errors: [{ path: 'answers.pothole_size', message: 'به پرسش «اندازه تقریبی خرابی» پاسخ دهید.' }] });
    const place = await post('/api/v1/complaints', me.headers, fileBody({ divisionId: tree.province.id }));
    expect(place.json()).toMatchObject({ code: 'place_invalid', errors: [{ path: 'divisionId' }] });
  });
});

describe('reopen and withdraw', () => {
  async function answeredComplaint(mobile: string) {
    const me = await t.citizenLogin(mobile);
    const { trackingCode: code } = (await post('/api/v1/complaints', me.headers, fileBody({ categoryId: waste, answers: {} }))).json();
    await staffAct(code, 'assign', { assigneeId: muni.id! });
    await staffAct(code, 'answer', { comment: 'مخزن جدید نصب شد.' });
    return { me, code };
  }

  it('409 reopen_window_closed after COMPLAINT_REOPEN_DAYS; 200 within it (counted, reason kept)', async () => {
    const late = await answeredComplaint('09121000005');
    await t.db.update(complaints).set({ answeredAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(complaints.trackingCode, late.code));
    const view = (await get(`/api/v1/complaints/mine/${late.code}`, late.me.headers)).json();
    expect(view.actions.map((a: { key: string }) => a.key)).toEqual(['rate']);
    const res = await post(`/api/v1/complaints/mine/${late.code}/reopen`, late.me.headers, { reason: 'هنوز مشکل هست.' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'reopen_window_closed', title: 'مهلت بازگشایی این پرونده به پایان رسیده است.' });

    const ok = await answeredComplaint('09121000006');
    const r = await post(`/api/v1/complaints/mine/${ok.code}/reopen`, ok.me.headers, { reason: 'مخزن نصب شد ولی زباله‌ها هنوز جمع نمی‌شود.', rating: 2 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'reopened', reopenedCount: 1, rating: 2, canAddInfo: true });
    expect(r.json().messages.at(-1)).toMatchObject({ kind: 'citizen', body: 'مخزن نصب شد ولی زباله‌ها هنوز جمع نمی‌شود.' });
    expect((await post(`/api/v1/complaints/mine/${ok.code}/rate`, ok.me.headers, { rating: 1 })).json().code).toBe('invalid_state');
  });

  it('withdraw while submitted; then nothing more', async () => {
    const me = await t.citizenLogin('09121000007');
    const { trackingCode: code } = (await post('/api/v1/complaints', me.headers, fileBody({ categoryId: waste, answers: {} }))).json();
    const r = await post(`/api/v1/complaints/mine/${code}/withdraw`, me.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'withdrawn', status: 'closed', actions: [] });
    expect((await post(`/api/v1/complaints/mine/${code}/withdraw`, me.headers)).json().code).toBe('invalid_state');
  });
});

describe('a complaint filed through Open311', () => {
  it('is followed and acted on by whoever signs in with its mobile (who then becomes its owner)', async () => {
    const client: Actor = { id: null, kind: 'system', label: 'open311:test', grants: [] };
    const { trackingCode: code, id } = await submitComplaint(t.db, {
      kind: 'report', categoryId: waste, divisionId: tree.city.id, subject: 'زباله کنار پارک', body: 'کیسه‌های زباله کنار پارک رها شده است.',
      answers: {}, anonymous: false, documentIds: [], mobile: '09121000008',
    }, { actor: client, source: 'open311', apiClient: '1' });
    const me = await t.citizenLogin('09121000008');
    expect((await get('/api/v1/complaints/mine', me.headers)).json().items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([code]);
    const view = (await get(`/api/v1/complaints/mine/${code}`, me.headers)).json();
    expect(view.actions.map((a: { key: string }) => a.key)).toEqual(['withdraw']);
    expect((await post(`/api/v1/complaints/mine/${code}/withdraw`, me.headers)).statusCode).toBe(200);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row!.citizenId).toBe(me.userId);
  });
});
