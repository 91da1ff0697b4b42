// Session and sign-in security: CSRF on every cookie-authenticated write (enumerated from app.routeAccess),
// lockout and its end, throttling of sign-in and one-time codes, session fixation and rotation, logout
// invalidation on every kind of route, expiry, the password policy, and TOTP (replay, disable).
// The basics (401/423/429, one TOTP sign-in) are in src/core/auth/auth.test.ts; this file extends them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, desc, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { auditLog } from '../core/audit/schema.js';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../core/auth/passwords.js';
import { authOtps, authSessions, authUsers } from '../core/auth/schema.js';
import { DEMO_PASSWORD } from '../core/auth/demo.js';
import { createCitizenTestApp, type Headers } from '../modules/complaints/server/citizen-test-app.js';
import { createStaff, createTree } from '../test/factories.js';
import { fillUrl, routeTable, type RouteInfo } from './support.js';

let t: Awaited<ReturnType<typeof createCitizenTestApp>>;
let tree: Awaited<ReturnType<typeof createTree>>;
beforeAll(async () => {
  t = await createCitizenTestApp();
  tree = await createTree(t.db);
  await createStaff(t.db, [['admin', null], ['expert.rural', null], ['expert.training', null], ['judge', null], ['dehyari', tree.village]], { username: 'all', password: 'secret-pass' });
  for (const u of ['lock1', 'lock2', 'fix', 'out', 'exp', 'otp-staff', 'otp-staff2', 'throttle']) await createStaff(t.db, [['admin', null]], { username: u, password: 'secret-pass' });
});
afterAll(async () => { await t.close(); });

const ID = '00000000-0000-0000-0000-000000000000';
const login = (username: string, password = 'secret-pass', extra: Record<string, unknown> = {}, headers: Headers = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra }, headers });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'shahrdeh_sid')?.value;
const auditCount = async () => Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n);

// Public writes take no session, so they need no CSRF token: sign-in (the session does not exist yet), Open311
// (an api_key, never a cookie) and a trainee's rating link (the link's token is the credential).
const PUBLIC_WRITES = [
  'POST /api/v1/auth/login', 'POST /api/v1/auth/otp/request', 'POST /api/v1/auth/otp/verify',
  'POST /api/v1/rate/:token',
  'POST /open311/v2/*', 'PUT /open311/v2/*', 'PATCH /open311/v2/*', 'DELETE /open311/v2/*', 'OPTIONS /open311/v2/*', 'POST /open311/v2/:resource',
];

describe('CSRF: every cookie-authenticated write', () => {
  it('answers 403 csrf_failed without the header and with a wrong one, before doing anything', async () => {
    const routes = routeTable(t.app).filter((r) => !['GET', 'HEAD'].includes(r.method));
    const key = (r: RouteInfo) => `${r.method} ${r.url}`;
    // A new public write must be looked at (and added above with its reason), not silently left without CSRF.
    expect(routes.filter((r) => r.access === 'public').map(key).sort()).toEqual([...PUBLIC_WRITES].sort());
    const guarded = routes.filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(60);
    const staff = await t.login('all');
    const citizen = (await t.citizenLogin('09127770001')).headers;
    const before = await auditCount();
    for (const r of guarded) {
      const h = r.access === 'citizen' ? citizen : staff;
      const url = fillUrl(r.url, r.params.map(() => ID));
      for (const csrf of [undefined, 'wrong-token', h['x-csrf-token'] + 'x', '']) {
        const headers: Headers = { cookie: h.cookie!, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) };
        const res = await t.app.inject({ method: r.method as 'POST', url, headers, payload: {} });
        expect({ route: key(r), csrf, status: res.statusCode, code: res.json().code }).toEqual({ route: key(r), csrf, status: 403, code: 'csrf_failed' });
      }
    }
    // Nothing happened: no audit event, and the sessions are still alive (logout without the token did not log out).
    expect(await auditCount()).toBe(before);
    expect((await t.app.inject({ url: '/api/v1/me', headers: staff })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/complaints/mine', headers: citizen })).statusCode).toBe(200);
  });

  it('the CSRF token of one session does not work with another session of the same user', async () => {
    const a = await t.login('all');
    const b = await t.login('all');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: { cookie: a.cookie, 'x-csrf-token': b['x-csrf-token'] }, payload: {} });
    expect(res.json().code).toBe('csrf_failed');
  });
});

describe('lockout and throttling', () => {
  it('5 wrong passwords lock the account (423 even with the right one, audited); the lock ends after its time', async () => {
    for (let i = 0; i < 5; i++) expect((await login('lock1', 'wrong-pass')).json().code).toBe('invalid_credentials');
    const locked = await login('lock1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'account_locked', title: expect.stringMatching(/[\u0600-\u06FF]/) });
    const [u] = await t.db.select().from(authUsers).where(eq(authUsers.username, 'lock1'));
    expect(u!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(10 * 60_000);
    const [event] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.lockout')).orderBy(desc(auditLog.seq)).limit(1);
    expect(event?.entityId).toBe(String(u!.id));
    // The lock time passes (moved in the database, not slept): the right password works again and clears the lock.
    await t.db.update(authUsers).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(authUsers.id, u!.id));
    expect((await login('lock1')).statusCode).toBe(200);
    const [after] = await t.db.select().from(authUsers).where(eq(authUsers.id, u!.id));
    expect([after!.failedLogins, after!.lockedUntil]).toEqual([0, null]);
  });

  it('a lock on one account leaves the others alone, and 4 failures then a success resets the count', async () => {
    for (let i = 0; i < 4; i++) await login('lock2', 'wrong-pass');
    expect((await login('lock2')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login('lock2', 'wrong-pass');
    expect((await login('lock2')).statusCode).toBe(200);
  });

  it('sign-in is throttled per address and account: the 11th try in a minute is 429 with Retry-After, another account is not', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await login('throttle-nobody', 'x')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
    const limited = await login('throttle-nobody', 'x');
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('throttle')).statusCode).toBe(200);
  });

  it('one-time codes: at most 5 requests an hour per mobile, and the verify route is throttled per address and mobile', async () => {
    const mobile = '09127770002';
    for (let i = 0; i < 5; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile } })).statusCode).toBe(200);
      // Age the code past the one-a-minute wait (in the database, not by sleeping).
      await t.db.update(authOtps).set({ createdAt: new Date(Date.now() - (10 - i) * 60_000) }).where(eq(authOtps.mobile, mobile));
    }
    const sixth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile } });
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(60);
    const verify = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile, code: '123456' } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await verify()).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('session fixation and rotation', () => {
  it('a session id planted before sign-in is never adopted; sign-in issues a fresh one', async () => {
    const planted = 'attacker-chosen-session-id-0123456789';
    const res = await login('fix', 'secret-pass', {}, { cookie: `shahrdeh_sid=${planted}` });
    expect(res.statusCode).toBe(200);
    const issued = cookieOf(res)!;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(40);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: `shahrdeh_sid=${planted}` } })).statusCode).toBe(401);
    // Only the hash of the token is stored: the database holds no usable cookie value.
    const rows = await t.db.select({ id: authSessions.id }).from(authSessions);
    expect(rows.some((r) => r.id === issued || r.id === planted)).toBe(false);
  });

  it('signing in again with a live session rotates it: a new token, and the old one answers 401', async () => {
    const first = await login('fix');
    const old = cookieOf(first)!;
    const second = await login('fix', 'secret-pass', {}, { cookie: `shahrdeh_sid=${old}` });
    const fresh = cookieOf(second)!;
    expect(fresh).not.toBe(old);
    expect(second.json().csrfToken).not.toBe(first.json().csrfToken);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: `shahrdeh_sid=${old}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: `shahrdeh_sid=${fresh}` } })).statusCode).toBe(200);
  });

  it('a citizen signing in with a one-time code over a planted cookie gets a fresh session too', async () => {
    const mobile = '09127770003';
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { mobile } });
    const code = /\d{6}/.exec((await t.lastSms(mobile))!)![0];
    const planted = 'x'.repeat(43);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { mobile, code }, headers: { cookie: `shahrdeh_sid=${planted}` } });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res)).not.toBe(planted);
  });
});

describe('logout and expiry', () => {
  it('after logout the old cookie answers 401 on every kind of route (staff read, staff write, authenticated, documents)', async () => {
    const h = await t.login('out');
    const other = await t.login('out');
    const doc = await t.upload(h);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h })).statusCode).toBe(204);
    const probes: [string, string][] = [['GET', '/api/v1/me'], ['GET', '/api/v1/inbox'], ['GET', '/api/v1/complaints'], ['GET', `/api/v1/documents/${doc}`], ['GET', '/api/v1/festival/mine'], ['POST', '/api/v1/holidays'], ['POST', '/api/v1/auth/logout'], ['PUT', '/api/v1/grading/sheets']];
    for (const [method, url] of probes) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: h, payload: method === 'GET' ? undefined : {} });
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status: 401, code: 'unauthenticated' });
    }
    // The user's other session is untouched.
    expect((await t.app.inject({ url: '/api/v1/me', headers: other })).statusCode).toBe(200);
  });

  it('a citizen logout ends the citizen routes too', async () => {
    const { headers } = await t.citizenLogin('09127770004');
    expect((await t.app.inject({ url: '/api/v1/complaints/mine', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/complaints/mine', headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers, payload: {} })).statusCode).toBe(401);
  });

  it('an expired session answers 401; the cookie lives as long as the session', async () => {
    const res = await login('exp');
    const c = res.cookies.find((x) => x.name === 'shahrdeh_sid')!;
    expect(c.maxAge).toBe(t.ctx.config.sessionTtlHours * 3600);
    const h = { cookie: `shahrdeh_sid=${c.value}` };
    expect((await t.app.inject({ url: '/api/v1/me', headers: h })).statusCode).toBe(200);
    const [u] = await t.db.select().from(authUsers).where(eq(authUsers.username, 'exp'));
    await t.db.update(authSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authSessions.userId, u!.id));
    expect((await t.app.inject({ url: '/api/v1/me', headers: h })).statusCode).toBe(401);
  });

  it('a disabled account loses its live sessions at once', async () => {
    const h = await t.login('exp');
    const [u] = await t.db.select().from(authUsers).where(eq(authUsers.username, 'exp'));
    await t.db.update(authUsers).set({ disabled: true }).where(eq(authUsers.id, u!.id));
    expect((await t.app.inject({ url: '/api/v1/me', headers: h })).statusCode).toBe(401);
    expect((await login('exp')).statusCode).toBe(401);
  });

  it('garbage cookies (huge, NUL, non-ASCII) are no session, never a 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (v) => {
      const res = await t.app.inject({ url: '/api/v1/me', headers: { cookie: `shahrdeh_sid=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}` } });
      expect(res.statusCode).toBe(401);
    }), { numRuns: 60 });
  });
});

describe('password policy', () => {
  it('refuses short, digits-only, username-containing and common passwords with a Persian reason', () => {
    for (const [p, u] of [['short', 'a'], ['123456789012', 'a'], ['۱۲۳۴۵۶۷۸۹۰۱', 'a'], ['maryam.rezaei-2024', 'maryam.rezaei'], ['Password123', 'a'], ['aaaaaaaaaaaa', 'a'], ['ababababab', 'x']] as const) {
      expect({ p, reason: passwordProblem(p, u) }).toEqual({ p, reason: expect.stringMatching(/[\u0600-\u06FF]/) });
    }
    expect(passwordProblem('کوه-دماوند-۵۶۷۱', 'admin')).toBeNull();
    expect(passwordProblem('Tx9!mq2#Lp', 'admin')).toBeNull();
    // The demo password is below the policy on purpose: it is seeded directly, for demo mode only.
    expect(passwordProblem(DEMO_PASSWORD)).not.toBeNull();
  });

  it('any password shorter than the minimum, or made of digits only, is refused (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), fc.string(), (p, u) => passwordProblem(p, u) !== null));
    fc.assert(fc.property(fc.stringMatching(/^\d{10,40}$/), (p) => passwordProblem(p) !== null));
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{3,12}$/), fc.string({ minLength: 10, maxLength: 20 }), (u, p) => passwordProblem(p + u, u) !== null));
  });
});

describe('TOTP second factor', () => {
  async function enable(username: string) {
    // Codes are chosen relative to the current 30 s period: start a test well inside one so it does not straddle two.
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 4_000) await new Promise((r) => setTimeout(r, left + 50));
    const h = await t.login(username);
    const setup = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: h })).json();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), digits: 6, period: 30 });
    const code = totp.generate();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: h, payload: { code } })).statusCode).toBe(200);
    return { h, totp, spent: code };
  }
  const at = (totp: OTPAuth.TOTP, periods: number) => totp.generate({ timestamp: Date.now() + periods * 30_000 });

  it('sign-in: no code 401 totp_required, wrong code 401, a code twice refused the second time, a code too old refused', async () => {
    const { totp, spent } = await enable('otp-staff');
    expect((await login('otp-staff')).json().code).toBe('totp_required');
    const wrong = totp.generate() === '000000' ? '111111' : '000000';
    expect((await login('otp-staff', 'secret-pass', { totp: wrong })).json().code).toBe('invalid_credentials');
    expect((await login('otp-staff', 'secret-pass', { totp: spent })).statusCode).toBe(401);
    const next = at(totp, 1);
    expect((await login('otp-staff', 'secret-pass', { totp: next })).statusCode).toBe(200);
    expect((await login('otp-staff', 'secret-pass', { totp: next })).statusCode).toBe(401);
    expect((await login('otp-staff', 'secret-pass', { totp: at(totp, -3) })).statusCode).toBe(401);
    // A right code with a wrong password is no sign-in either.
    expect((await login('otp-staff', 'wrong-pass', { totp: at(totp, -1) })).statusCode).toBe(401);
    // The failures above count toward the lockout like wrong passwords; clear them for the next test.
    await t.db.update(authUsers).set({ failedLogins: 0, lockedUntil: null }).where(eq(authUsers.username, 'otp-staff'));
  });

  it('setup again while enabled is refused; disable needs a valid unspent code, then sign-in needs none', async () => {
    const { totp, spent } = await enable('otp-staff2');
    expect(await t.login('otp-staff2').catch(() => null)).toBeNull(); // the password alone no longer signs in
    const code = at(totp, -1);
    const res = await login('otp-staff2', 'secret-pass', { totp: code });
    expect(res.statusCode).toBe(200);
    const s = { cookie: `shahrdeh_sid=${cookieOf(res)}`, 'x-csrf-token': res.json().csrfToken };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: s })).json().code).toBe('totp_already_enabled');
    const disable = (c: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/disable', headers: s, payload: { code: c } });
    expect((await disable('abc')).statusCode).toBe(400);
    expect((await disable(code)).json().code).toBe('totp_invalid'); // spent on the sign-in above
    expect((await disable(spent)).json().code).toBe('totp_invalid'); // spent on enabling
    expect((await disable(totp.generate() === '000000' ? '111111' : '000000')).json().code).toBe('totp_invalid');
    expect((await disable(at(totp, 1))).statusCode).toBe(200);
    expect((await disable(at(totp, 1))).json().code).toBe('totp_not_enabled');
    expect((await login('otp-staff2')).statusCode).toBe(200);
    const [after] = await t.db.select().from(authUsers).where(eq(authUsers.username, 'otp-staff2'));
    expect([after!.totpEnabled, after!.totpSecret]).toEqual([false, null]);
  });
});
