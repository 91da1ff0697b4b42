// A citizen's sign-in with a one-time code, in plain fetch (no TanStack Query): used by the shell's OtpForm on
// /citizen/login and by the complaints service's public pages.
import { ApiError, errorMessage, fetchMe, logout, verifyOtp } from './api.js';
import { fa } from './fa.js';

export { requestOtp } from './api.js';

export interface Citizen {
  mobile: string;
}

/** The signed-in citizen, or null (nobody signed in, or staff). Never throws: a failed check means "sign in". */
export async function currentCitizen(): Promise<Citizen | null> {
  try {
    const me = await fetchMe();
    if (!me || me.user.kind !== 'citizen') return null;
    return { mobile: me.user.mobile ?? me.user.username };
  } catch {
    return null;
  }
}

/** Verify the one-time code; the session cookie is set by the server, the CSRF token kept by `api`. */
export async function signInWithCode(mobile: string, code: string): Promise<Citizen> {
  const res = await verifyOtp(mobile, code);
  return { mobile: res.user.mobile ?? mobile };
}

/** Sign out (to sign in again with another mobile). Never throws. */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } catch {
    // an expired session is already gone
  }
}

/** Persian message of an error, with a clear sentence for throttling (429). */
export function publicErrorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status === 429) return fa.errors.throttled;
  return errorMessage(err);
}
