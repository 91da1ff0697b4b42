// Requests of the public complaint pages: plain fetch through the shell's `api` (no TanStack Query, no zod), an
// upload with progress (XMLHttpRequest), and the mapping of problem+json `errors[]` to form fields.
import { ApiError, errorMessage, fetchMe, logout, verifyOtp } from '../../../../web/api.js';
import { fa } from '../../../../web/fa.js';
import { cfa } from '../fa.js';

export { api, ApiError, errorMessage, requestOtp } from '../../../../web/api.js';

// The CSRF token of this tab's session, for the one request `api` cannot send (multipart upload with progress).
let csrf: string | null = null;

export interface Citizen {
  mobile: string;
}

/** The signed-in citizen, or null (nobody signed in, or staff). Never throws: a failed check means "sign in". */
export async function currentCitizen(): Promise<Citizen | null> {
  try {
    const me = await fetchMe();
    if (!me) return null;
    csrf = me.csrfToken;
    if (me.user.kind !== 'citizen') return null;
    return { mobile: me.user.mobile ?? me.user.username };
  } catch {
    return null;
  }
}

/** Verify the one-time code; the session cookie is set by the server, the CSRF token kept here and in `api`. */
export async function signInWithCode(mobile: string, code: string): Promise<Citizen> {
  const res = await verifyOtp(mobile, code);
  csrf = res.csrfToken;
  return { mobile: res.user.mobile ?? mobile };
}

/** Sign out (to sign in again with another mobile). Never throws. */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } catch {
    // an expired session is already gone
  }
  csrf = null;
}

/** Persian message of an error, with a clear sentence for throttling (429). */
export function publicErrorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status === 429) return cfa.common.throttled;
  return errorMessage(err);
}

const hasPersian = /[\u0600-\u06FF]/;

/**
 * Field errors of a problem+json answer keyed by field path without the `body.` prefix
 * ('subject', 'answers.depth', 'documentIds'). Messages that are not Persian (a framework default) become a
 * generic Persian sentence.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || !Array.isArray(err.errors)) return out;
  for (const e of err.errors as Array<{ path?: unknown; message?: unknown }>) {
    const path = String(e.path ?? '').replace(/^(body|querystring|params)\.?/, '');
    const message = typeof e.message === 'string' && hasPersian.test(e.message) ? e.message : 'مقدار این بخش معتبر نیست.';
    if (!(path in out)) out[path] = message;
  }
  return out;
}

export interface UploadedDocument {
  id: string;
  filename: string;
  mime: string;
  size: number;
}

/**
 * Upload one file as `POST /api/v1/documents` (multipart: `file`, `purpose`), reporting progress 0–100.
 * Rejects with an ApiError carrying the server's Persian title.
 */
export function uploadDocument(file: File, purpose: string, onProgress: (percent: number) => void): { promise: Promise<UploadedDocument>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedDocument>((resolve, reject) => {
    xhr.open('POST', '/api/v1/documents');
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}') as Record<string, unknown>;
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof body.id === 'string') {
        onProgress(100);
        resolve(body as unknown as UploadedDocument);
        return;
      }
      reject(
        new ApiError({
          status: xhr.status,
          code: typeof body.code === 'string' ? body.code : `http_${xhr.status}`,
          title: typeof body.title === 'string' && body.title ? body.title : fa.errors.generic,
        }),
      );
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', title: fa.errors.network }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
