// Public codes: tracking codes (کد پیگیری) of complaints and amriyeh applications, and amriyeh letter numbers.
// 12 random digits and a Verhoeff check digit. Digits only, so a code can be read over the phone; random, so codes
// cannot be guessed from one another; checked, so a mistyped code is caught before any lookup (Verhoeff catches
// every single wrong digit and every swap of two neighbouring digits).
import { randomInt } from 'node:crypto';
import type { DbOrTx, Tx } from '../db/client.js';
import { toAsciiDigits } from '../fa/index.js';
import { verhoeffDigit, verhoeffValid } from './verhoeff.js';

export const TRACKING_CODE_LENGTH = 13;

export { verhoeffDigit, verhoeffValid };

/**
 * A new tracking code: 13 ASCII digits, the first 1–9 (no leading zero to lose in a spreadsheet), the next 11
 * from `crypto.randomInt` (about 9×10¹¹ codes, so guessing one is hopeless and the enumeration limiter makes it
 * slower still), and a Verhoeff check digit. Uniqueness is the database's job (unique index; the caller retries).
 */
export function generateTrackingCode(): string {
  let body = String(randomInt(1, 10));
  for (let i = 1; i < TRACKING_CODE_LENGTH - 1; i++) body += String(randomInt(0, 10));
  return body + String(verhoeffDigit(body));
}

/** True when `s` is a tracking code as stored: exactly 13 ASCII digits, no leading zero, valid check digit. */
export function isValidTrackingCode(s: string): boolean {
  return /^[1-9]\d{12}$/.test(s) && verhoeffValid(s);
}

/**
 * A tracking code as a person typed it → its stored form, or null when it cannot be one. Persian and Arabic digits
 * become ASCII; spaces (including half-spaces), dashes and dots are dropped. Null when what is left is not 13
 * digits or the check digit is wrong — so a typo is rejected without touching the database.
 */
export function normalizeTrackingCode(s: string): string | null {
  if (typeof s !== 'string' || s.length > 60) return null;
  const cleaned = toAsciiDigits(s).replace(/[\s\u200b-\u200f\u2010-\u2015\u2212\-_.\/]/g, '');
  return isValidTrackingCode(cleaned) ? cleaned : null;
}

/** For display and SMS: groups of four, '1234-5678-9012-3' (normalizeTrackingCode reads it back). */
export function formatTrackingCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1-');
}

/** True for PostgreSQL's unique violation on `constraint` (through drizzle's wrapper, on either driver). */
export function isUniqueViolation(e: unknown, constraint: string, column?: string): boolean {
  for (let x = e as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === '23505' && (x.constraint === constraint || (column !== undefined && String(x.message).includes(column)))) return true;
  }
  return false;
}

/**
 * Inserts a row under a fresh public code inside the caller's transaction: `insert(code, savepoint)` is tried under
 * a savepoint (on PostgreSQL a failed statement aborts the whole transaction otherwise); a collision with an
 * existing code on `constraint` — about one in 10¹¹ — is retried with a new code, at most `attempts` times.
 * Returns the code, or null when every attempt collided (the caller answers 503).
 */
export async function insertWithFreshCode(
  tx: DbOrTx,
  insert: (code: string, sp: Tx) => Promise<void>,
  opts: { constraint: string; column: string; generate?: () => string; attempts?: number },
): Promise<string | null> {
  const generate = opts.generate ?? generateTrackingCode;
  for (let attempt = 0; attempt < (opts.attempts ?? 5); attempt++) {
    const code = generate();
    try {
      await tx.transaction((sp) => insert(code, sp));
      return code;
    } catch (e) {
      if (!isUniqueViolation(e, opts.constraint, opts.column)) throw e;
    }
  }
  return null;
}
