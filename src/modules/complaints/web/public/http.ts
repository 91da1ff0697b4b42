// Requests of the public complaint pages: the shell's plain-fetch `api` (no TanStack Query, no zod) with its
// mapping of problem+json `errors[]` to form fields, and the citizen's one-time-code session.
export { api, ApiError, errorMessage, fieldErrors } from '../../../../web/api.js';
// The citizen's sign-in is the shell's (the same one-time-code form as /citizen/login).
export { currentCitizen, publicErrorMessage, requestOtp, signInWithCode, signOut, type Citizen } from '../../../../web/citizen-auth.js';
