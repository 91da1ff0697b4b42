// Requests of the amriyeh public pages: the shell's plain-fetch `api` (no TanStack Query, no zod) with its mapping
// of problem+json `errors[]` to form fields, and the citizen's one-time-code session.
export { api, ApiError, errorMessage, fieldErrors } from '../../../../web/api.js';
export { currentCitizen, publicErrorMessage, signOut, type Citizen } from '../../../../web/citizen-auth.js';

/** The amriyeh API's base path. */
export const AMR = '/api/v1/amriyeh';
