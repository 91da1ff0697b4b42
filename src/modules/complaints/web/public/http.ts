// Requests of the public complaint pages: plain fetch through the shell's `api` (no TanStack Query, no zod), an
// upload with progress (XMLHttpRequest), and the mapping of problem+json `errors[]` to form fields.
import { ApiError, getCsrfToken } from '../../../../web/api.js';
import { fa } from '../../../../web/fa.js';

export { api, ApiError, errorMessage } from '../../../../web/api.js';
// The citizen's sign-in is the shell's (the same one-time-code form as /citizen/login).
export { currentCitizen, publicErrorMessage, requestOtp, signInWithCode, signOut, type Citizen } from '../../../../web/citizen-auth.js';

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
    const csrf = getCsrfToken();
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
