import { fa } from './fa.js';

/**
 * An error answered by the API as an RFC 9457 problem+json body. `title` is the
 * Persian sentence the server wrote for people, so it is what the UI shows;
 * `code` is the stable string the UI branches on (e.g. `totp_required`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: unknown;
  /** The problem's other members (e.g. `count`, `entries`, `missing`): what a refusal lists for people. */
  readonly extra: Record<string, unknown>;

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: unknown; extra?: Record<string, unknown> }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.extra = init.extra ?? {};
  }
}

/** The Persian message to show for any error thrown by a request or a render. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.title;
  return fa.errors.generic;
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

// The CSRF token comes from the last /me or login answer. It is kept in memory
// only (never in storage) so a script on another origin cannot read it, and it
// is sent on every non-GET request as the double-submit proof the server checks.
let csrfToken: string | null = null;

/** The CSRF token of this tab's session, for a request `request` cannot send (a multipart upload with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Remember the CSRF token from a /me, login or OTP verify answer. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** The members every problem answer has; the rest are the refusal's own (see ApiError.extra). */
const PROBLEM_MEMBERS = new Set(['type', 'status', 'code', 'title', 'detail', 'errors', 'instance']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Record<string, unknown>;
      return new ApiError({
        status: typeof body.status === 'number' ? body.status : res.status,
        code: typeof body.code === 'string' ? body.code : `http_${res.status}`,
        title: typeof body.title === 'string' && body.title ? body.title : fa.errors.generic,
        ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
        ...(body.errors !== undefined ? { errors: body.errors } : {}),
        extra: Object.fromEntries(Object.entries(body).filter(([k]) => !PROBLEM_MEMBERS.has(k))),
      });
    } catch {
      // fall through to the generic error below
    }
  }
  return new ApiError({ status: res.status, code: `http_${res.status}`, title: fa.errors.generic });
}

/**
 * Send one request to the same-origin API and return its JSON body (or
 * `undefined` for 204). Throws `ApiError` for every non-2xx answer and for a
 * network failure (status 0, code `network_error`).
 */
export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network_error', title: fa.errors.network });
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

// ---- the shapes of the shell's endpoints ----

export type DivisionLevel = 'country' | 'province' | 'county' | 'district' | 'city' | 'rural_district' | 'village';

export interface DivisionRef {
  id: string | number;
  name: string;
  level: DivisionLevel;
}

export interface Division extends DivisionRef {
  /** The chain from the province down to this node. */
  path: DivisionRef[];
}

export interface SessionUser {
  id: string | number;
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  mobile?: string | null;
}

export interface RoleGrant {
  role: string;
  title: string;
  division: Division | null;
}

export interface Me {
  user: SessionUser;
  roles: RoleGrant[];
  permissions: string[];
  csrfToken: string;
}

export interface LoginResult {
  user: SessionUser;
  csrfToken: string;
}

export type ServiceKey = 'complaints' | 'grading' | 'amriyeh' | 'landfills' | 'instructors' | 'festival' | 'admin';

export interface HomeService {
  key: ServiceKey | (string & {});
  title: string;
  path: string;
  inbox: number;
  overdue: number;
}

export interface StaffHomeData {
  services: HomeService[];
  inbox: { total: number; overdue: number };
}

/** The current session, or `null` when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/me', signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function loginStaff(input: { username: string; password: string; totp?: string }): Promise<LoginResult> {
  const res = await api.post<LoginResult>('/api/v1/auth/login', input);
  setCsrfToken(res.csrfToken);
  return res;
}

export async function requestOtp(mobile: string): Promise<{ sent: boolean; expiresInSeconds: number }> {
  return api.post('/api/v1/auth/otp/request', { mobile });
}

export async function verifyOtp(mobile: string, code: string): Promise<LoginResult> {
  const res = await api.post<LoginResult>('/api/v1/auth/otp/verify', { mobile, code });
  setCsrfToken(res.csrfToken);
  return res;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/v1/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/**
 * A server type as it arrives over JSON: dates become ISO strings, everything else stays. Lets the web use the
 * server's own types (type-only imports, erased at build) instead of copying them.
 */
export type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
