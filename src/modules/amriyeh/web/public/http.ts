// Requests of the amriyeh public pages: the shell's plain-fetch `api` (no TanStack Query, no zod), the citizen's
// one-time-code session, and the complaints service's upload with progress (the same POST /api/v1/documents).
export { api, ApiError, errorMessage } from '../../../../web/api.js';
export { currentCitizen, publicErrorMessage, signOut, type Citizen } from '../../../../web/citizen-auth.js';
export { fieldErrors, uploadDocument, type UploadedDocument } from '../../../complaints/web/public/http.js';

/** The amriyeh API's base path. */
export const AMR = '/api/v1/amriyeh';
