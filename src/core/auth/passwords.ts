import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (m=19 MiB, t=2, p=1: the OWASP minimum), fast enough for a login burst.
/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash to verify against when the user does not exist, so a missing user costs the same time as a
// wrong password and usernames cannot be discovered by timing.
let dummy: Promise<string> | undefined;

/** Checks a password against a stored hash (or against a dummy when there is none). Never throws on bad input. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hash('dummy-password-for-timing');
  try {
    return await verify(stored ?? (await dummy), password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;

// The most common passwords (and their obvious variants are caught by the other rules): refused outright.
const COMMON_PASSWORDS = new Set([
  '1234567890', '0123456789', '12345678910', 'qwertyuiop', 'password123', 'password1234', 'passw0rd123', 'iloveyou123',
  'qwerty12345', 'qwerty123456', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'asdfghjkl1', 'zxcvbnm123', 'abcdefghij',
  'abc1234567', 'admin12345', 'administrator', 'welcome123', 'letmein123', 'football123', 'monkey12345', 'dragon12345',
  'shahrdeh123', 'shahrdeh1234', 'tehran1234', 'tehran12345', 'iran123456', 'iran1234567', 'mashhad1234', 'esfahan1234',
  'salam123456', 'demo123456', 'demo1234demo', 'aaaaaaaaaa', 'test123456', 'changeme123',
]);

/**
 * The password policy for every password a person sets (the CLI's create-admin; any future password change or
 * staff account form): at least 10 characters, not digits only, not the username (nor containing it), not a
 * common password. Returns the Persian reason it is refused, or null when it is acceptable.
 * The demo accounts' `demo1234` is seeded directly (src/core/auth/demo.ts), for demo mode only, and is not
 * checked: demo mode must never face the internet.
 */
export function passwordProblem(password: string, username?: string | null): string | null {
  const p = password.normalize('NFC');
  if ([...p].length < PASSWORD_MIN_LENGTH) return `گذرواژه باید دست‌کم ${PASSWORD_MIN_LENGTH.toLocaleString('fa-IR')} نویسه باشد.`;
  if (/^[\d\u06F0-\u06F9\u0660-\u0669\s]+$/.test(p)) return 'گذرواژه نباید فقط از رقم تشکیل شده باشد.';
  const lower = p.toLowerCase();
  const user = username?.trim().toLowerCase();
  if (user && user.length >= 3 && lower.includes(user)) return 'گذرواژه نباید نام کاربری را در خود داشته باشد.';
  if (COMMON_PASSWORDS.has(lower) || new Set(p).size <= 2) return 'این گذرواژه بسیار رایج یا ساده است؛ گذرواژه دیگری برگزینید.';
  return null;
}
