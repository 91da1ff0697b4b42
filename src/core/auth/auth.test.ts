import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { createTestApp } from '../../test/app.js';
import { createStaff, createTree } from '../../test/factories.js';
import { notifyOutbox } from '../notify/schema.js';
import { authOtps, authUsers } from './schema.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let tree: Awaited<ReturnType<typeof createTree>>;
beforeAll(async () => {
  t = await createTestApp();
  tree = await createTree(t.db);
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr', password: 'secret-pass' });
  await createStaff(t.db, [['admin', null]], { username: 'locky', password: 'secret-pass' });
  await createStaff(t.db, [['admin', null]], { username: 'twofa', password: 'secret-pass' });
});
afterAll(async () => { await t.close(); });

const login = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object, headers });

describe('POST /api/v1/auth/login', () => {
  it('200 and an httpOnly SameSite session cookie for the right password', async () => {
    const res = await login({ username: 'dr', password: 'secret-pass' });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'shahrdeh_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().user).not.toHaveProperty('passwordHash');
  });

  it('401 invalid_credentials, the same for a wrong password and an unknown user', async () => {
    const a = await login({ username: 'dr', password: 'nope' });
    const b = await login({ username: 'nobody', password: 'nope' });
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json().code).toBe('invalid_credentials');
    expect(b.json()).toMatchObject({ code: 'invalid_credentials', title: a.json().title });
    expect(a.headers['content-type']).toContain('application/problem+json');
  });

  it('400 validation_failed with a Persian title for wrong types, missing fields and oversize strings', async () => {
    for (const payload of [{ username: 5, password: [] }, {}, { username: 'x'.repeat(500), password: 'p' }]) {
      const res = await login(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().title).toMatch(/[\u0600-\u06FF]/);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
  });

  it('400 for malformed JSON and 413 for a body over 1 MB, never 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: JSON.stringify({ username: 'a', password: 'b'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('423 account_locked after 5 wrong passwords, even with the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ username: 'locky', password: 'wrong' })).statusCode).toBe(401);
    const res = await login({ username: 'locky', password: 'secret-pass' });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('account_locked');
  });
});

describe('GET /api/v1/me and POST /api/v1/auth/logout', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('200 with roles bound to their division chain and the permissions they carry', async () => {
    const h = await t.login('dr');
    const me = (await t.app.inject({ url: '/api/v1/me', headers: h })).json();
    expect(me.roles).toHaveLength(1);
    expect(me.roles[0]).toMatchObject({ role: 'district.reviewer', title: 'کارشناس بخشداری', division: { id: tree.district.id, level: 'district' } });
    expect(me.roles[0].division.path.map((p: { level: string }) => p.level)).toEqual(['province', 'county', 'district']);
    expect(me.permissions).toContain('workflow.act');
    expect(me.permissions).not.toContain('users.manage');
  });

  it('403 csrf_failed for a cookie write without the CSRF header; 204 with it; the session is gone after', async () => {
    const h = await t.login('dr');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: h.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: h })).statusCode).toBe(401);
  });
});

describe('TOTP second factor', () => {
  it('after enabling, login answers 401 totp_required, then 200 with a valid code and 401 with a wrong one', async () => {
    const h = await t.login('twofa');
    const setup = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: h })).json();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), digits: 6, period: 30 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: h, payload: { code: '000000' === totp.generate() ? '111111' : '000000' } })).statusCode).toBe(400);
    const enabledWith = totp.generate();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: h, payload: { code: enabledWith } })).statusCode).toBe(200);
    const need = await login({ username: 'twofa', password: 'secret-pass' });
    expect(need.statusCode).toBe(401);
    expect(need.json().code).toBe('totp_required');
    // The code spent on enabling cannot be replayed; the next period's (within the allowed drift) signs in.
    expect((await login({ username: 'twofa', password: 'secret-pass', totp: enabledWith })).statusCode).toBe(401);
    expect((await login({ username: 'twofa', password: 'secret-pass', totp: totp.generate({ timestamp: Date.now() + 30_000 }) })).statusCode).toBe(200);
  });
});

describe('citizen sign-in with a one-time code', () => {
  async function codeFromOutbox(mobile: string) {
    const [msg] = await t.db.select().from(notifyOutbox).where(eq(notifyOutbox.recipient, mobile)).orderBy(desc(notifyOutbox.id)).limit(1);
    return /\d{6}/.exec(msg!.body)![0];
  }

  it('sends the code through the outbox (Persian digits accepted) and signs in as a citizen', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile: '۰۹۱۲۳۴۵۶۷۸۹' } });
    expect(res.statusCode).toBe(200);
    const code = await codeFromOutbox('09123456789');
    const v = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile: '+989123456789', code } });
    expect(v.statusCode).toBe(200);
    expect(v.json().user).toMatchObject({ kind: 'citizen', mobile: '09123456789' });
    const [u] = await t.db.select().from(authUsers).where(eq(authUsers.mobile, '09123456789'));
    expect(u!.kind).toBe('citizen');
    // used once
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile: '09123456789', code } })).statusCode).toBe(401);
  });

  it('429 when a second code is asked for within a minute', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile: '09121111111' } })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile: '09121111111' } });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the right code fails after 5 wrong guesses (otp_invalid)', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile: '09122222222' } });
    const code = await codeFromOutbox('09122222222');
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile: '09122222222', code: wrong } });
      expect(r.json().code).toBe('otp_invalid');
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile: '09122222222', code } })).statusCode).toBe(401);
    const [otp] = await t.db.select().from(authOtps).where(eq(authOtps.mobile, '09122222222'));
    expect(otp!.consumedAt).toBeNull();
  });

  it('400 for a mobile that is not an Iranian mobile number', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile: '12345' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].message).toMatch(/[\u0600-\u06FF]/);
  });

  it('a citizen session cannot open staff routes (403)', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile: '09123333333' } });
    const code = await codeFromOutbox('09123333333');
    const v = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile: '09123333333', code } });
    const c = v.cookies.find((x) => x.name === 'shahrdeh_sid')!;
    expect((await t.app.inject({ url: '/api/v1/home', headers: { cookie: `${c.name}=${c.value}` } })).statusCode).toBe(403);
  });
});
