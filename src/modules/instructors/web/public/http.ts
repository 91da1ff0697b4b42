// Requests of the instructor bank's public pages: the shell's plain-fetch `api` (no TanStack Query, no zod) with its
// mapping of problem+json `errors[]` to form fields, and the citizen's one-time-code session.
import { ApiError } from '../../../../web/api.js';

export { api, ApiError, errorMessage, fieldErrors } from '../../../../web/api.js';
export { currentCitizen, publicErrorMessage, signOut, type Citizen } from '../../../../web/citizen-auth.js';

/** The instructor bank's API base path. */
export const INS = '/api/v1/instructors';

/** The messages of a problem+json `errors[]` (e.g. what a profile lacks on 422 `profile_incomplete`), in order. */
export function problemMessages(err: unknown): string[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.errors)) return [];
  return (err.errors as { message?: unknown }[]).map((x) => (typeof x.message === 'string' ? x.message : '')).filter(Boolean);
}
