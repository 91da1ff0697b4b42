// After the first qualification: what an instructor may file (nothing, a review of changes, a renewal near or after
// expiry), a refused renewal or update keeping the qualification in force, the training ID kept for life, expiry in
// the public verification, and the renewal reminders (one SMS per threshold, none once renewing or renewed).
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDateOf } from '../../../core/db/dates.js';
import { JobWorker } from '../../../core/jobs/queue.js';
import { jobs } from '../../../core/jobs/schema.js';
import { notifyOutbox } from '../../../core/notify/schema.js';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createStaff, createTree } from '../../../test/factories.js';
import { RENEWAL_JOB, registerInstructorJobs, renewalJobKey, scheduleRenewalReminders } from './decision.js';
import { ensureInstructorDefaults } from './defaults.js';
import { instProfiles, instReminders } from './schema.js';
import { insertInstructor, sampleProfile } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
let expert: Headers;
let committee: Headers;
let me: Headers;
const MOBILE = '09121239001';
const DAY = 86_400_000;

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}
const mine = async () => (await req('GET', '/api/v1/instructors/me', me)).body;
const profileRow = async (id: number) => (await t.db.select().from(instProfiles).where(eq(instProfiles.id, id)))[0]!;
// The Tehran calendar day, as the code counts: between 20:30 and 24:00 UTC the UTC day is already yesterday there.
const setUntil = (id: number, daysFromNow: number) =>
  t.db.update(instProfiles).set({ qualifiedUntil: dbDateOf(new Date(Date.now() + daysFromNow * DAY)) }).where(eq(instProfiles.id, id));

/** Files his application, the expert forwards every field, the committee decides. Returns the application id. */
async function fileAndDecide(decision: 'qualify' | 'not_qualify', qualifiedFields?: string[]): Promise<{ id: string; kind: string }> {
  const filed = await req('POST', '/api/v1/instructors/me/applications', me, {});
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const { id, fields, kind } = filed.body.open;
  const fwd = await req('POST', `/api/v1/instructors/applications/${id}/review`, expert, {
    action: 'expert_forward', version: 1, fields: Object.fromEntries(fields.map((f: string) => [f, { adjustments: {}, recommendation: 'qualified' }])),
  });
  expect(fwd.status, JSON.stringify(fwd.body)).toBe(200);
  const done = await req('POST', `/api/v1/instructors/applications/${id}/review`, committee, { action: decision, version: fwd.body.version, qualifiedFields, comment: 'رأی کمیته' });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id, kind };
}

async function edit(change: Record<string, unknown>) {
  const m = await mine();
  const res = await req('PUT', '/api/v1/instructors/me/profile', me, { ...m.profile, birthDate: m.birthDateJalali, version: m.version, ...change });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  await createStaff(t.db, [['expert.training', null]], { username: 'ir_expert', password: 'secret-pass' });
  await createStaff(t.db, [['training.committee', null]], { username: 'ir_committee', password: 'secret-pass' });
  expert = await t.login('ir_expert');
  committee = await t.login('ir_committee');
  me = (await h.citizenLogin(MOBILE)).headers;
  const doc = await h.upload(me, PDF, 'degree.pdf');
  expect((await req('PUT', '/api/v1/instructors/me/profile', me, sampleProfile(tree.province.id, ['urban_planning', 'crisis_management'], { n: 1, documents: [doc] }))).status).toBe(200);
});
afterAll(async () => { await t?.close(); });

describe('what he may file after qualification', () => {
  let profileId: number;
  let trainingId: string;

  it('initial → qualified: nothing to review while valid and unchanged (409 nothing_to_review)', async () => {
    expect((await fileAndDecide('qualify', ['urban_planning'])).kind).toBe('initial');
    const m = await mine();
    profileId = m.profileId;
    trainingId = m.trainingId;
    expect(m).toMatchObject({ status: 'qualified', canApply: null });
    const res = await req('POST', '/api/v1/instructors/me/applications', me, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('nothing_to_review');
  });

  it('a saved change calls for a review (update); the bank keeps the approved fields until then', async () => {
    const m = await edit({ expertise: ['urban_planning', 'crisis_management', 'environment'] });
    expect(m).toMatchObject({ canApply: 'update', changedSinceQualification: true, status: 'qualified' });
    expect((await profileRow(profileId)).qualifiedFields).toEqual(['urban_planning']);
  });

  it('a refused update leaves the qualification in force; an approved one keeps the training ID', async () => {
    expect((await fileAndDecide('not_qualify')).kind).toBe('update');
    let m = await mine();
    expect(m).toMatchObject({ status: 'qualified', trainingId, qualifiedFields: [{ key: 'urban_planning' }], canApply: 'update' });
    expect(await h.lastSms(MOBILE)).toContain('تأیید نشد');

    expect((await fileAndDecide('qualify', ['urban_planning', 'environment'])).kind).toBe('update');
    m = await mine();
    expect(m).toMatchObject({ trainingId, canApply: null, changedSinceQualification: false });
    expect(m.qualifiedFields.map((f: { key: string }) => f.key)).toEqual(['urban_planning', 'environment']);
    const row = await profileRow(profileId);
    expect(row.approvedDataVersion).toBe(row.version);
    expect(Object.keys(row.scores).sort()).toEqual(['environment', 'urban_planning']);
  });

  it('within 90 days of expiry he may renew; withdrawing a renewal closes it and he may file again', async () => {
    await setUntil(profileId, 91);
    expect((await mine()).canApply).toBe(null);
    await setUntil(profileId, 30);
    expect((await mine()).canApply).toBe('renewal');
    const filed = await req('POST', '/api/v1/instructors/me/applications', me, {});
    expect(filed.body.open.kind).toBe('renewal');
    const w = await req('POST', `/api/v1/instructors/me/applications/${filed.body.open.id}/withdraw`, me);
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ open: null, canApply: 'renewal', status: 'qualified' });
  });

  it('after expiry: status expired, verification says expired, renewal still open to him and the ID stays', async () => {
    await setUntil(profileId, -1);
    const m = await mine();
    expect(m).toMatchObject({ status: 'expired', canApply: 'renewal' });
    const v = await req('GET', `/api/v1/verify/training-id/${trainingId}`, null);
    expect(v.body).toMatchObject({ valid: false, status: 'expired' });
    expect((await fileAndDecide('qualify', ['urban_planning'])).kind).toBe('renewal');
    expect(await mine()).toMatchObject({ status: 'qualified', trainingId });
    expect((await req('GET', `/api/v1/verify/training-id/${trainingId}`, null)).body.valid).toBe(true);
  });
});

describe('renewal reminders', () => {
  const worker = () => {
    const w = new JobWorker({ log: pino({ level: 'silent' }) });
    registerInstructorJobs(w);
    return w;
  };
  const smsTo = async (mobile: string) => (await t.db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, mobile))).length;
  const runAll = async () => {
    await t.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(and(eq(jobs.kind, RENEWAL_JOB), eq(jobs.status, 'pending')));
    await worker().runOnce(t.db, 100);
  };

  it('schedules a job per threshold at the qualification; a reminder due goes once, the nearest threshold only', async () => {
    const until = new Date(Date.now() + 10 * DAY);
    const i = await insertInstructor(t.db, { province: tree.province, fields: ['it'], qualified: { until } });
    const row = await profileRow(i.profileId);
    const keys = (await t.db.select().from(jobs).where(eq(jobs.kind, RENEWAL_JOB))).map((j) => j.key);
    expect(keys).toEqual(expect.arrayContaining([renewalJobKey(i.profileId, row.qualifiedUntil!, 60), renewalJobKey(i.profileId, row.qualifiedUntil!, 14)]));
    await worker().runOnce(t.db, 100);
    expect(await smsTo(i.mobile)).toBe(1);
    expect((await t.db.select().from(instReminders).where(eq(instReminders.profileId, i.profileId))).map((r) => r.daysBefore)).toEqual([14]);
    // the same reminder again (a retried or duplicated job) sends nothing
    await t.db.update(jobs).set({ status: 'pending', runAt: sql`now() - interval '1 second'` }).where(eq(jobs.key, renewalJobKey(i.profileId, row.qualifiedUntil!, 14)));
    await runAll();
    expect(await smsTo(i.mobile)).toBe(1);
  });

  it('sends nothing once he renewed (the date moved) or while a renewal is open', async () => {
    const renewed = await insertInstructor(t.db, { province: tree.province, fields: ['it'], qualified: { until: new Date(Date.now() + 40 * DAY) } });
    await setUntil(renewed.profileId, 3 * 365);
    await runAll();
    expect(await smsTo(renewed.mobile)).toBe(0);

    const { profileId } = await mine();
    await setUntil(profileId, 40);
    const filed = await req('POST', '/api/v1/instructors/me/applications', me, {});
    expect(filed.body.open.kind).toBe('renewal');
    await scheduleRenewalReminders(t.db, profileId, (await profileRow(profileId)).qualifiedUntil!);
    const before = await smsTo(MOBILE);
    await runAll();
    expect(await smsTo(MOBILE)).toBe(before);
    // withdrawn: the reminder goes
    await req('POST', `/api/v1/instructors/me/applications/${filed.body.open.id}/withdraw`, me);
    await t.db.update(jobs).set({ status: 'pending' }).where(eq(jobs.key, renewalJobKey(profileId, (await profileRow(profileId)).qualifiedUntil!, 60)));
    await runAll();
    expect(await smsTo(MOBILE)).toBe(before + 1);
    expect(await h.lastSms(MOBILE)).toContain('روز دیگر');
  });
});
