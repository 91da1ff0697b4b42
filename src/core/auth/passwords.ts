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
