// Shared by the security suites (src/security/*.test.ts): hostile inputs, the invariants every answer must keep,
// and the route table read from the running app, so a new route is covered without editing a list.
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Access } from '../core/http/access.js';
import { createSession, SESSION_COOKIE } from '../core/auth/sessions.js';
import type { DbOrTx } from '../core/db/client.js';

/** Strings that have broken web applications: markup, SQL, NUL, RTL overrides, zero-width joiners, Arabic letters. */
export const HOSTILE_STRINGS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "' OR '1'='1' --",
  "'; DROP TABLE auth_users; --",
  'a\u0000b',
  '\u0000',
  '\u202Egpj.exe',
  '\u200c\u200d\u200f\u200e\ufeff',
  'علي كريمي',
  '۱۲۳۴۵۶۷۸۹۰',
  '٠١٢٣٤٥٦٧٨٩',
  '=HYPERLINK("http://x","y")',
  '../../../../etc/passwd',
  '%00%27%22',
  '${7*7}{{7*7}}',
  '\\',
  '\ud800',
  'NaN',
  '-0',
  '1e309',
  '99999999999999999999999',
  '2024-02-30T25:61:00Z',
  '',
  ' ',
];

const PERSIAN = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكءأإؤئة۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩'];
const SPECIAL = ['\u0000', '\u200c', '\u200d', '\u200f', '\u202e', '\u202d', '\ufeff', '<', '>', '"', "'", '&', '\\', '%', '_', ';', '\n', '\r', '\t'];

/** Any hostile string: a known one, random Persian with control and markup characters, random Unicode, or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...PERSIAN, ...SPECIAL), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.integer({ min: 1_000, max: 30_000 })).map(([s, n]) => (s || 'ی').repeat(Math.ceil(n / Math.max(1, s.length)))) },
);

/** Any JSON-ish value built from hostile leaves: wrong types in every position. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** Text a response must never contain: database errors, stack traces, source paths. */
export const LEAKS = [
  /syntax error/i,
  /violates/i,
  /relation "/i,
  /column "/i,
  /duplicate key/i,
  /\bat async\b/,
  /\n\s+at [\w.<$]/,
  /(?:\/|\\)(?:src|dist|node_modules)(?:\/|\\)[\w./\\-]+\.[cm]?[jt]s\b/,
  /\bSQLSTATE\b|\bPGlite\b|\bdrizzle\b/i,
  /\bTypeError\b|\bReferenceError\b|\bRangeError\b/,
];

const PERSIAN_CHAR = /[\u0600-\u06FF]/;

/** The Open311 "general service error" is how that API hides a server fault: treat it like a 5xx. */
const OPEN311_FAULT = 'درخواست انجام نشد؛ در صورت تکرار با پشتیبانی تماس بگیرید.';

/**
 * What every answer to any input must keep: never 5xx; a 4xx under /api is problem+json with a Persian title and a
 * stable snake_case code (Open311 answers its spec's error document with a Persian description instead); nothing
 * that leaks the database or the code.
 */
export function expectSafeAnswer(res: LightMyRequestResponse, label: string): void {
  const where = `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  if (res.statusCode >= 400 && !label.includes(' /open311/')) {
    expect(res.headers['content-type'], where).toContain('application/problem+json');
    const p = res.json() as { title?: string; code?: string; status?: number };
    expect(p.title, where).toMatch(PERSIAN_CHAR);
    expect(p.code, where).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(p.status, where).toBe(res.statusCode);
  }
  if (res.statusCode >= 400 && label.includes(' /open311/')) {
    expect(res.body, where).toMatch(PERSIAN_CHAR);
    expect(res.body, where).not.toContain(OPEN311_FAULT);
  }
  const text = /json|text|xml/.test(String(res.headers['content-type'] ?? '')) ? res.body : '';
  for (const leak of LEAKS) expect(text, `${where}: leaks ${leak}`).not.toMatch(leak);
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
  /** Path parameter names (`:id` → id; `*` → '*'). */
  params: string[];
  /** From the OpenAPI document: the body's JSON schema and the query parameters. */
  body?: JsonSchema;
  query: { name: string; schema?: JsonSchema }[];
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
}

/** Every route of the app (HEAD and the API docs UI left out) with what the OpenAPI document says of its input. */
export function routeTable(app: FastifyInstance): RouteInfo[] {
  const doc = (app as unknown as { swagger(): { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string; schema?: JsonSchema }[] }>> } }).swagger();
  return app.routeAccess
    .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'))
    .map((r) => {
      const params = [...r.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      return {
        method: r.method,
        url: r.url,
        access: r.access,
        params,
        body: op?.requestBody?.content?.['application/json']?.schema,
        query: (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      };
    });
}

/** A value that fits a JSON schema loosely (right type, hostile content), to get past validation into the handler. */
export function fromSchema(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return hostileValue;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      return s.format === 'date' ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
        : s.format === 'date-time' ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
          : s.format === 'uuid' ? fc.uuid()
            : hostileString.map((x) => (s.maxLength !== undefined && x.length > s.maxLength + 5 ? x.slice(0, s.maxLength) : x));
    case 'integer':
      return fc.oneof(fc.integer({ min: s.minimum ?? -5, max: Math.min(s.maximum ?? 1e6, 1e9) }), fc.constantFrom(0, 1, 2, 3, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum, max: s.maximum }), fc.constantFrom(0, 1, -1, 1e308, 0.1));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), { maxLength: 4 });
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) return fc.dictionary(hostileString, hostileValue, { maxKeys: 3 });
      const shape = Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return fc.record(shape, { requiredKeys: (s.required ?? []).filter((k) => k in shape) });
    }
    default:
      return hostileValue;
  }
}

/** A request body for a route: mostly schema-shaped with hostile content, sometimes anything at all. */
export const bodyFor = (r: RouteInfo): fc.Arbitrary<unknown> =>
  r.body ? fc.oneof({ weight: 3, arbitrary: fromSchema(r.body) }, { weight: 1, arbitrary: hostileValue }) : hostileValue;

/** A query string for a route: its declared parameters with hostile or typed values, plus unknown ones. */
export const queryFor = (r: RouteInfo): fc.Arbitrary<string> =>
  fc.tuple(
    fc.record(Object.fromEntries(r.query.map((q) => [q.name, fc.oneof(hostileString, fromSchema(q.schema).map(String))])), { requiredKeys: [] }),
    fc.dictionary(fc.constantFrom('q', 'limit', 'offset', 'page', 'sort', 'x', 'id[]', '__proto__'), hostileString, { maxKeys: 2 }),
  ).map(([known, extra]) => new URLSearchParams({ ...extra, ...(known as Record<string, string>) }).toString());

/** URL-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
export const encodePathPart = (s: string): string =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')) || 'x';

/** Path parameter values, already encoded: hostile strings, malformed percent-escapes, small ids, uuids, `known` real ids. */
export const paramValue = (known: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    hostileString.map((s) => encodePathPart(s.slice(0, 300))),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '..%2F..%2F', '%00'),
    fc.integer({ min: -2, max: 50 }).map(String),
    fc.uuid(),
    ...(known.length ? [fc.constantFrom(...known.map(encodePathPart))] : []),
  );

/** The URL of a route with its (already encoded) parameters filled in. */
export function fillUrl(url: string, values: string[]): string {
  let i = 0;
  return url.replace(/:(\w+)|\*/g, () => values[i++] ?? 'x');
}

/** Any value as request text: strings as they are, everything else as JSON (objects without a prototype included). */
export const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'null');

/** Headers of a fresh session for a user (cookie + CSRF), made directly: for tests that need many sessions fast. */
export async function sessionHeaders(db: DbOrTx, userId: number): Promise<Record<string, string>> {
  const { token, csrfToken } = await createSession(db, userId, 1);
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken };
}
