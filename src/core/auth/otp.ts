import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { AppError, tooMany } from '../http/errors.js';
import { authOtps } from './schema.js';

export const OTP_TTL_SECONDS = 120;
const OTP_MAX_ATTEMPTS = 5;
const OTP_MIN_INTERVAL_SECONDS = 60;
const OTP_MAX_PER_HOUR = 5;

const digest = (mobile: string, code: string) => createHash('sha256').update(`${mobile}:${code}`).digest('hex');

/**
 * Issues a 6-digit one-time code for a mobile (throttled: one a minute, five an hour per number) and returns it
 * so the caller can send it through the outbox in the same transaction. Only its hash is stored.
 */
export async function issueOtp(db: DbOrTx, mobile: string, purpose: string): Promise<string> {
  const recent = await db
    .select({ createdAt: authOtps.createdAt })
    .from(authOtps)
    .where(and(eq(authOtps.mobile, mobile), gt(authOtps.createdAt, sql`now() - interval '1 hour'`)))
    .orderBy(desc(authOtps.createdAt));
  const last = recent[0];
  if (last) {
    const wait = OTP_MIN_INTERVAL_SECONDS - Math.floor((Date.now() - last.createdAt.getTime()) / 1000);
    if (wait > 0) throw tooMany(wait);
  }
  if (recent.length >= OTP_MAX_PER_HOUR) throw tooMany(3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.insert(authOtps).values({ mobile, purpose, codeHash: digest(mobile, code), expiresAt: new Date(Date.now() + OTP_TTL_SECONDS * 1000) });
  return code;
}

/**
 * Checks a code for a mobile: the newest live code, at most five tries, used once. Throws 401 `otp_invalid`
 * (wrong, expired or used up) so a guesser learns nothing about which. Call it outside a transaction that the
 * failure would roll back, or the attempt counter would be undone with it.
 */
export async function consumeOtp(db: DbOrTx, mobile: string, purpose: string, code: string): Promise<void> {
  const [otp] = await db
    .select()
    .from(authOtps)
    .where(and(eq(authOtps.mobile, mobile), eq(authOtps.purpose, purpose), isNull(authOtps.consumedAt), gt(authOtps.expiresAt, new Date())))
    .orderBy(desc(authOtps.createdAt))
    .limit(1);
  const invalid = new AppError(401, 'otp_invalid', 'کد یک‌بار مصرف نادرست یا منقضی است.');
  if (!otp || otp.attempts >= OTP_MAX_ATTEMPTS) throw invalid;
  // Count the attempt first, in its own statement, so parallel guesses cannot exceed the limit.
  const [counted] = await db
    .update(authOtps)
    .set({ attempts: sql`${authOtps.attempts} + 1` })
    .where(and(eq(authOtps.id, otp.id), sql`${authOtps.attempts} < ${OTP_MAX_ATTEMPTS}`))
    .returning({ id: authOtps.id });
  if (!counted) throw invalid;
  const ok = timingSafeEqual(Buffer.from(otp.codeHash), Buffer.from(digest(mobile, code)));
  if (!ok) throw invalid;
  const [used] = await db.update(authOtps).set({ consumedAt: new Date() }).where(and(eq(authOtps.id, otp.id), isNull(authOtps.consumedAt))).returning({ id: authOtps.id });
  if (!used) throw invalid;
}
