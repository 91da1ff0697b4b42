import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import { ROLES, type Permission } from '../access/roles.js';
import { appendAudit } from '../audit/audit.js';
import { toAsciiDigits } from '../fa/index.js';
import { zMobile } from '../fa/zod.js';
import { AppError, badRequest } from '../http/errors.js';
import { hit } from '../http/rate-limits.js';
import type { AppContext } from '../http/context.js';
import { notify } from '../notify/outbox.js';
import { divisionChain } from '../org/queries.js';
import { OTP_TTL_SECONDS, consumeOtp, issueOtp } from './otp.js';
import { verifyPassword } from './passwords.js';
import { authUsers } from './schema.js';
import { actorOf, createSession, destroySession, SESSION_COOKIE } from './sessions.js';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;

export const LoginCreate = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totp: z.string().trim().max(10).optional(),
});
export const OtpRequestCreate = z.object({ mobile: zMobile });
export const OtpVerifyCreate = z.object({ mobile: zMobile, code: z.string().trim().max(10).transform(toAsciiDigits).pipe(z.string().regex(/^\d{6}$/, 'کد باید ۶ رقم باشد.')) });
const TotpCode = z.object({ code: z.string().trim().max(10).transform(toAsciiDigits).pipe(z.string().regex(/^\d{6}$/, 'کد باید ۶ رقم باشد.')) });

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'نام کاربری یا گذرواژه نادرست است.');

const TOTP_PERIOD = 30;

function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({ issuer: 'Shahrdeh', label, secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: TOTP_PERIOD });
}

/**
 * Checks a TOTP code of a user (one period of clock drift either way) and spends it: a code accepted once is
 * refused if offered again (RFC 6238 §5.2), so a code seen over a shoulder or in a log cannot be replayed.
 * The spent time step is kept in the shared counters table, so every instance refuses it.
 */
async function totpAccepted(db: AppContext['db'], user: typeof authUsers.$inferSelect, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  // One clock reading for both: read twice, a period boundary between them would spend the wrong step.
  const now = Date.now();
  const delta = totpFor(user.totpSecret, user.username ?? '').validate({ token: toAsciiDigits(code), window: 1, timestamp: now });
  if (delta === null) return false;
  const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
  const used = await hit(db, `totp:${user.id}:${step}`, 3 * TOTP_PERIOD * 1000);
  return used.hits === 1;
}

/** The public view of a user (never hashes or secrets). */
function presentUser(u: typeof authUsers.$inferSelect) {
  return { id: u.id, username: u.username, displayName: u.displayName, kind: u.kind, mobile: u.mobile, totpEnabled: u.totpEnabled };
}

/** Staff sign-in, citizen one-time-code sign-in, sign-out, `/me`, and the optional TOTP second factor. */
export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db, config } = ctx;

  async function startSession(request: FastifyRequest, reply: FastifyReply, user: typeof authUsers.$inferSelect) {
    // Signing in always issues a fresh token and ends the session the browser came with (if any): a session id
    // planted before sign-in is never adopted, and an old cookie does not outlive a new sign-in.
    if (request.session) await destroySession(db, request.session.id);
    const { token, csrfToken } = await createSession(db, user.id, config.sessionTtlHours, { ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: config.sessionTtlHours * 3600 });
    return { user: presentUser(user), csrfToken };
  }

  return async (app) => {
    // Per address and account: a guesser is slowed on one account without locking out a whole office behind
    // one NAT address. The account lockout (5 failures) is the second line. preHandler: the body is parsed.
    const perAccount = (field: 'username' | 'mobile') => ({
      rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as Record<string, unknown> | undefined)?.[field] ?? '')}` },
    });

    app.post('/api/v1/auth/login', { config: { access: 'public', ...perAccount('username') }, schema: { tags: ['auth'], body: LoginCreate } }, async (request, reply) => {
      const { username, password, totp } = request.body;
      const [user] = await db.select().from(authUsers).where(and(eq(authUsers.username, username), eq(authUsers.kind, 'staff')));
      const passwordOk = await verifyPassword(user?.passwordHash, password);
      if (!user || user.disabled) throw invalidCredentials();
      if (user.lockedUntil && user.lockedUntil > new Date()) {
        throw new AppError(423, 'account_locked', 'به دلیل تلاش‌های ناموفق پیاپی، حساب موقتاً قفل شده است؛ چند دقیقه بعد دوباره تلاش کنید.');
      }
      let ok = passwordOk;
      if (ok && user.totpEnabled) {
        if (!totp) throw new AppError(401, 'totp_required', 'کد تأیید دومرحله‌ای را وارد کنید.');
        ok = await totpAccepted(db, user, totp);
      }
      if (!ok) {
        const failures = user.failedLogins + 1;
        const lock = failures >= LOCK_AFTER_FAILURES;
        await db.transaction(async (tx) => {
          await tx.update(authUsers).set(lock ? { failedLogins: 0, lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) } : { failedLogins: failures }).where(eq(authUsers.id, user.id));
          if (lock) await appendAudit(tx, null, { action: 'auth.lockout', entityType: 'user', entityId: user.id, data: { username } });
        });
        throw invalidCredentials();
      }
      if (user.failedLogins > 0 || user.lockedUntil) await db.update(authUsers).set({ failedLogins: 0, lockedUntil: null }).where(eq(authUsers.id, user.id));
      return startSession(request, reply, user);
    });

    app.post('/api/v1/auth/logout', { config: { access: 'authenticated' }, schema: { tags: ['auth'] } }, async (request, reply) => {
      await destroySession(db, request.session!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/api/v1/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'] } }, async (request) => {
      const { actor, user, csrfToken } = request.session!;
      const roles = await Promise.all(
        actor.grants.map(async (g) => {
          const path = g.divisionId ? (await divisionChain(db, g.divisionId)).map((d) => ({ id: d.id, name: d.name, level: d.level })) : [];
          const node = path.at(-1);
          return { role: g.role, title: ROLES[g.role].title, division: node ? { id: node.id, name: node.name, level: node.level, path } : null };
        }),
      );
      const permissions = [...new Set(actor.grants.flatMap((g) => ROLES[g.role].permissions as readonly Permission[]))].sort();
      return { user: presentUser(user), roles, permissions, csrfToken };
    });

    app.post('/api/v1/auth/otp/request', { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: OtpRequestCreate } }, async (request) => {
      const { mobile } = request.body;
      await db.transaction(async (tx) => {
        const code = await issueOtp(tx, mobile, 'login');
        await notify(tx, { channel: 'sms', to: mobile, body: `شهرده — کد ورود شما: ${code}\nاین کد را به کسی ندهید.` });
        if (config.demo) request.log.info({ mobile, code }, 'demo mode: one-time code');
      });
      return { sent: true, expiresInSeconds: OTP_TTL_SECONDS };
    });

    app.post('/api/v1/auth/otp/verify', { config: { access: 'public', ...perAccount('mobile') }, schema: { tags: ['auth'], body: OtpVerifyCreate } }, async (request, reply) => {
      const { mobile, code } = request.body;
      // Outside the transaction below: a failed guess must stay counted, not roll back with the error.
      await consumeOtp(db, mobile, 'login', code);
      const user = await db.transaction(async (tx) => {
        const [existing] = await tx.select().from(authUsers).where(and(eq(authUsers.kind, 'citizen'), eq(authUsers.mobile, mobile)));
        if (existing) return existing;
        const [created] = await tx.insert(authUsers).values({ kind: 'citizen', mobile, displayName: mobile }).returning();
        return created!;
      });
      if (user.disabled) throw invalidCredentials();
      return startSession(request, reply, user);
    });

    app.post('/api/v1/auth/totp/setup', { config: { access: 'staff' }, schema: { tags: ['auth'] } }, async (request) => {
      const user = request.session!.user;
      if (user.totpEnabled) throw badRequest('totp_already_enabled', 'تأیید دومرحله‌ای پیش‌تر فعال شده است.');
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      await db.update(authUsers).set({ totpSecret: secret }).where(eq(authUsers.id, user.id));
      return { secret, uri: totpFor(secret, user.username ?? '').toString() };
    });

    app.post('/api/v1/auth/totp/enable', { config: { access: 'staff' }, schema: { tags: ['auth'], body: TotpCode } }, async (request) => {
      const user = request.session!.user;
      if (!user.totpSecret) throw badRequest('totp_not_set_up', 'ابتدا تأیید دومرحله‌ای را راه‌اندازی کنید.');
      if (!(await totpAccepted(db, user, request.body.code))) throw badRequest('totp_invalid', 'کد تأیید نادرست است.');
      await db.transaction(async (tx) => {
        await tx.update(authUsers).set({ totpEnabled: true }).where(eq(authUsers.id, user.id));
        await appendAudit(tx, await actorOf(tx, user), { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
      });
      return { totpEnabled: true };
    });

    // Turning the second factor off needs a current code: a stolen session alone cannot remove it.
    app.post('/api/v1/auth/totp/disable', { config: { access: 'staff' }, schema: { tags: ['auth'], body: TotpCode } }, async (request) => {
      const user = request.session!.user;
      if (!user.totpEnabled) throw badRequest('totp_not_enabled', 'تأیید دومرحله‌ای فعال نیست.');
      if (!(await totpAccepted(db, user, request.body.code))) throw badRequest('totp_invalid', 'کد تأیید نادرست است.');
      await db.transaction(async (tx) => {
        await tx.update(authUsers).set({ totpEnabled: false, totpSecret: null }).where(eq(authUsers.id, user.id));
        await appendAudit(tx, await actorOf(tx, user), { action: 'auth.totp_disabled', entityType: 'user', entityId: user.id });
      });
      return { totpEnabled: false };
    });

  };
}
