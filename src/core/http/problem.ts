import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from './errors.js';

/** Persian titles for the HTTP statuses that the framework itself can produce. */
const STATUS_TITLES: Record<number, [code: string, title: string]> = {
  400: ['bad_request', 'درخواست نادرست است.'],
  401: ['unauthenticated', 'ابتدا وارد سامانه شوید.'],
  403: ['forbidden', 'شما اجازه این کار را ندارید.'],
  404: ['not_found', 'مورد درخواستی پیدا نشد.'],
  405: ['method_not_allowed', 'این روش درخواست پشتیبانی نمی‌شود.'],
  406: ['not_acceptable', 'قالب پاسخ درخواستی پشتیبانی نمی‌شود.'],
  409: ['conflict', 'این درخواست با وضعیت فعلی ناسازگار است.'],
  413: ['payload_too_large', 'حجم داده یا فایل ارسالی بیش از حد مجاز است.'],
  414: ['uri_too_long', 'نشانی درخواست بیش از حد طولانی است.'],
  415: ['unsupported_media_type', 'نوع محتوای ارسالی پشتیبانی نمی‌شود.'],
  422: ['unprocessable', 'داده ارسالی قابل پردازش نیست.'],
  429: ['rate_limited', 'تعداد درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.'],
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [k: string]: unknown;
}

type ProblemInput = Pick<Problem, 'title' | 'status' | 'code' | 'detail' | 'errors'> & Record<string, unknown>;

function send(reply: FastifyReply, request: FastifyRequest, p: ProblemInput): FastifyReply {
  const body = { type: `about:blank#${p.code}`, instance: request.url, ...p } as Problem;
  return reply.status(p.status).type('application/problem+json; charset=utf-8').send(body);
}

function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): { path: string; message: string }[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
}

/**
 * Turns every error into RFC 9457 problem+json with a stable `code` and a Persian `title`. Bad input of any
 * kind (schema, JSON syntax, size, media type) is a 4xx; only a real fault is a 500, logged with the request id.
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429 && error.extra?.retryAfter) reply.header('retry-after', String(error.extra.retryAfter));
      return send(reply, request, { status: error.status, code: error.code, title: error.title, detail: error.detail, ...error.extra });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext ?? 'body';
      const errors = error.validation.map((v) => ({ path: [where, ...String(v.instancePath).split('/').filter(Boolean)].join('.'), message: v.message ?? '' }));
      return send(reply, request, { status: 400, code: 'validation_failed', title: 'داده‌های ارسالی معتبر نیست.', errors });
    }
    if (error instanceof ZodError) {
      return send(reply, request, { status: 400, code: 'validation_failed', title: 'داده‌های ارسالی معتبر نیست.', errors: zodIssues(error.issues) });
    }
    // A value the database refuses as data (NUL in text, a number out of range, a malformed date): the input was
    // bad, not the server. SQLSTATE class 22 is "data exception".
    const sqlState = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
      return send(reply, request, { status: 400, code: 'invalid_data', title: 'داده‌های ارسالی معتبر نیست.' });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const [code, title] = STATUS_TITLES[status] ?? ['bad_request', 'درخواست نادرست است.'];
      return send(reply, request, { status, code, title, detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, { status: 500, code: 'internal_error', title: 'خطای داخلی سامانه؛ لطفاً بعداً دوباره تلاش کنید.' });
  });
}

/**
 * Fastify's `frameworkErrors`: errors of the router itself (a malformed percent-encoding in the path, a path
 * parameter over `maxParamLength`) would otherwise answer plain JSON that echoes the path; answer problem+json.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return sendProblem(reply, request, status);
}

/** Sends a problem for a status (used by the not-found handler and the access hook). */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, code?: string, title?: string): FastifyReply {
  const [c, t] = STATUS_TITLES[status] ?? ['error', 'خطا'];
  return send(reply, request, { status, code: code ?? c, title: title ?? t });
}
