/**
 * Errors that reach a person or a program: an HTTP status, a stable machine `code`, and a Persian `title`.
 * The error handler turns them into RFC 9457 problem+json. Throw these; never hand-build an error response.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(`${code}: ${detail ?? title}`);
  }
}

export const badRequest = (code: string, title: string, detail?: string, extra?: Record<string, unknown>) =>
  new AppError(400, code, title, detail, extra);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'ابتدا وارد سامانه شوید.');
export const forbidden = (detail?: string) => new AppError(403, 'forbidden', 'شما اجازه این کار را ندارید.', detail);
export const notFound = (what = 'مورد درخواستی') => new AppError(404, 'not_found', `${what} پیدا نشد.`);
export const conflict = (code: string, title: string, detail?: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, title, detail, extra);
export const tooMany = (retryAfterSeconds?: number) =>
  new AppError(429, 'rate_limited', 'تعداد درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.', undefined,
    retryAfterSeconds ? { retryAfter: retryAfterSeconds } : undefined);
