// Open311 GeoReport v2 under /open311/v2 (http://wiki.open311.org/GeoReport_v2), plus mySociety's
// servicerequestupdates extension. Every resource in `.json` and `.xml`; errors in the spec's own format.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../../core/http/context.js';
import { MissLimiter } from '../../../../core/http/miss-limiter.js';
import type { Division } from '../../../../core/org/queries.js';
import { categoryTree, presentCategory } from '../categories.js';
import { normalizeTrackingCode } from '../../../../core/codes/tracking-code.js';
import { createOpen311Request } from './create.js';
import { discoveryDocument, requestDocument, type PublicRequest, serviceDefinitionDocument, serviceDocument, updateDocument } from './documents.js';
import { field, parseForm, type Form } from './form.js';
import { badRequest, CONTENT_TYPES, errorDocument, formatOfUrl, notFound, Open311Error, serialize, splitFormat, type Open311Format } from './format.js';
import { DEMO_API_KEY, DEMO_CLIENT, verifyApiKey, type ApiClient } from './keys.js';
import { M } from './messages.js';
import { resolveJurisdiction } from './places.js';
import { listPublicRequests, listPublicUpdates, open311Category } from './queries.js';
import { parseRange, parseStatuses, parseList, queryField } from './query.js';
import { originOf } from '../../../../core/http/origin.js';

export const OPEN311_PREFIX = '/open311/v2';
/** Largest POST body: a 4,000-character Persian description percent-encoded is ~24 KB; attributes add little. */
export const OPEN311_BODY_LIMIT = 64 * 1024;
/** Unknown tracking codes a client may look up before it is refused for a while (as on the citizen's track page). */
export const MISS_LIMIT = { max: 10, windowMs: 10 * 60_000 };
/** Ids in one `service_request_id` list: no more than the misses allowed, so one request cannot try more codes. */
const MAX_IDS = MISS_LIMIT.max;
const MAX_CODES = 50;

const pub = { access: 'public' as const };
const doc = (summary: string) => ({ tags: ['open311'], summary });

/** `name.json` / `name.xml` → its format; a 400 (in XML) for any other suffix. */
function formatOf(segment: string): { name: string; format: Open311Format } {
  const { name, format } = splitFormat(segment);
  if (!format) throw badRequest(M.formatUnknown);
  return { name, format };
}

function send(reply: FastifyReply, format: Open311Format, root: string, value: Parameters<typeof serialize>[2], cache = 'no-cache') {
  return reply.header('cache-control', cache).type(CONTENT_TYPES[format]).send(serialize(format, root, value));
}

/**
 * The Open311 GeoReport v2 API. Read resources are public and CORS-open (`Access-Control-Allow-Origin: *`, only
 * here) for civic-tech clients in browsers; POST requests needs an `api_key` (in demo mode the key `demo` too).
 * Its own scope has a form-encoded body parser (64 KB), an error handler and a not-found handler that answer in
 * the spec's `errors` document, in the format the URL asked for — never problem+json, never a 5xx for bad input.
 */
export function open311Routes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db, config } = ctx;
  // Lookups by tracking code (requests/{id}, tokens/{token}, requests?service_request_id=…) count unknown codes
  // per client address, so codes cannot be found by trying many: after MISS_LIMIT.max misses the client gets
  // 429 for every lookup (even of a real code, so a guess cannot be confirmed) until old misses expire.
  const misses = new MissLimiter(db, 'open311', MISS_LIMIT);
  const checkMisses = async (request: FastifyRequest) => {
    const wait = await misses.blockedFor(request.ip);
    if (wait !== null) throw new Open311Error(429, M.rateLimited, 429, wait);
  };

  /** The division `jurisdiction_id` names (query string, or the form of a POST), null when none is named; 404 when unknown. */
  async function jurisdictionOf(request: FastifyRequest, form?: Form): Promise<Division | null> {
    const raw = (form && field(form, 'jurisdiction_id', 100)) ?? queryField(request.query, 'jurisdiction_id', 100);
    if (raw === undefined) return null;
    const d = await resolveJurisdiction(db, raw);
    if (!d) throw notFound(M.jurisdictionNotFound);
    return d;
  }

  /** One public request by tracking code (in the jurisdiction, if named), counting a miss; 404 `missing` when none. */
  async function byTrackingCode(request: FastifyRequest, raw: string, missing: string): Promise<PublicRequest> {
    const jurisdiction = await jurisdictionOf(request);
    await checkMisses(request);
    const code = normalizeTrackingCode(raw);
    const [found] = code ? await listPublicRequests(db, { ids: [code], withinPath: jurisdiction?.path }) : [];
    if (!found) {
      await misses.miss(request.ip);
      throw notFound(missing);
    }
    return found;
  }

  async function apiClient(key: string | undefined): Promise<ApiClient> {
    if (key === undefined) throw new Open311Error(403, M.apiKeyMissing);
    if (config.demo && key === DEMO_API_KEY) return DEMO_CLIENT;
    const client = await verifyApiKey(db, key);
    if (!client) throw new Open311Error(403, M.apiKeyInvalid);
    return client;
  }

  const v2 = async (app: FastifyInstance) => {
    // Only form-encoded bodies here (the spec's POST); JSON or multipart get a spec 400, not the core's parsers.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: OPEN311_BODY_LIMIT }, (_req, body, done) => done(null, body));

    app.addHook('onSend', async (request, reply) => {
      if (request.method === 'GET' || request.method === 'HEAD') {
        reply.header('access-control-allow-origin', '*');
        // helmet's same-origin CORP would stop a page elsewhere from reading these public documents.
        reply.header('cross-origin-resource-policy', 'cross-origin');
      }
    });

    app.setErrorHandler((error: FastifyError | Open311Error, request, reply) => {
      const format = formatOfUrl(request.url);
      let status: number;
      let description: string;
      if (error instanceof Open311Error) {
        status = error.status;
        description = error.description;
        if (error.retryAfter) reply.header('retry-after', String(error.retryAfter));
      } else {
        const code = (error as FastifyError).statusCode ?? 500;
        if (code === 413) [status, description] = [413, M.bodyTooLarge];
        else if (code === 415) [status, description] = [400, M.contentType];
        else if (code === 429) {
          [status, description] = [429, M.rateLimited];
          const retry = (error as { retryAfter?: number }).retryAfter;
          if (retry) reply.header('retry-after', String(retry));
        } else if (code >= 400 && code < 500) [status, description] = [400, M.badBody];
        else {
          // The spec's "general service error" is a 400 the client reports to us; the fault is logged here.
          request.log.error({ err: error }, 'open311: unhandled error');
          [status, description] = [400, M.general];
        }
      }
      return reply.status(status).header('cache-control', 'no-store').type(CONTENT_TYPES[format]).send(errorDocument(format, [{ code: status, description }]));
    });

    app.setNotFoundHandler((request, reply) => {
      const format = formatOfUrl(request.url);
      return reply.status(404).type(CONTENT_TYPES[format]).send(errorDocument(format, [{ code: 404, description: M.resourceNotFound }]));
    });

    // Anything else under the prefix is a spec 404 — including deeper paths, which the web app's static wildcard
    // would otherwise answer with its index page. OPTIONS is the CORS preflight of a browser client's GET.
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/*',
      config: pub,
      schema: { hide: true },
      handler: async (request, reply) => {
        if (request.method !== 'OPTIONS') throw notFound(M.resourceNotFound);
        const asked = String(request.headers['access-control-request-headers'] ?? '');
        return reply
          .status(204)
          .header('access-control-allow-origin', '*')
          .header('access-control-allow-methods', 'GET, HEAD')
          .header('access-control-allow-headers', /^[\w\-, ]{0,200}$/.test(asked) ? asked : '')
          .header('access-control-max-age', '86400')
          .send();
      },
    });

    // GET discovery / services / requests / servicerequestupdates, each .json or .xml.
    app.get('/:resource', { config: { ...pub, rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: doc('Open311: discovery, services, requests, servicerequestupdates') }, async (request, reply) => {
      const { resource } = request.params as { resource: string };
      const { name, format } = splitFormat(resource);
      if (!['discovery', 'services', 'requests', 'servicerequestupdates'].includes(name)) throw notFound(M.resourceNotFound);
      if (!format) throw badRequest(M.formatUnknown);
      const jurisdiction = await jurisdictionOf(request);

      if (name === 'discovery') {
        // Built from the Host header, so never cached by shared caches (a forged Host must not be served to others).
        return send(reply, format, 'discovery', discoveryDocument(`${originOf(request)}${OPEN311_PREFIX}`, config.demo), 'private, no-cache');
      }
      if (name === 'services') {
        const tree = await categoryTree(db);
        const offered = tree.flatMap((g) => g.children.filter((c) => c.office !== 'inspection').map((c) => serviceDocument(c, g.name)));
        return send(reply, format, 'services', offered, 'public, max-age=300');
      }
      if (name === 'servicerequestupdates') {
        const { start, end } = parseRange(request.query);
        const updates = await listPublicUpdates(db, { start, end, withinPath: jurisdiction?.path });
        return send(reply, format, 'service_request_updates', updates.map(updateDocument));
      }
      const q = request.query;
      const ids = parseList(q, 'service_request_id', MAX_IDS, M.tooManyIds(MAX_IDS));
      if (ids) {
        // The spec: service_request_id overrides every other argument (the jurisdiction still scopes).
        await checkMisses(request);
        const codes = [...new Set(ids.map(normalizeTrackingCode).filter((c): c is string => c !== null))];
        const list = await listPublicRequests(db, { ids: codes, withinPath: jurisdiction?.path });
        await misses.miss(request.ip, ids.length - list.length);
        return send(reply, format, 'service_requests', list.map(requestDocument));
      }
      const serviceCodes = parseList(q, 'service_code', MAX_CODES, M.tooManyCodes(MAX_CODES));
      const statuses = parseStatuses(q);
      const { start, end } = parseRange(q);
      const list = await listPublicRequests(db, { serviceCodes, statuses, start, end, withinPath: jurisdiction?.path });
      return send(reply, format, 'service_requests', list.map(requestDocument));
    });

    app.get('/services/:file', { config: { ...pub, rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: doc('Open311: service definition (the category\'s questions as attributes)') }, async (request, reply) => {
      const { name, format } = formatOf((request.params as { file: string }).file);
      await jurisdictionOf(request);
      const category = await open311Category(db, name);
      if (!category) throw notFound(M.serviceNotFound(name));
      return send(reply, format, 'service_definition', serviceDefinitionDocument(presentCategory(category)), 'public, max-age=300');
    });

    app.get('/requests/:file', { config: { ...pub, rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: doc('Open311: one service request by its id (the tracking code)') }, async (request, reply) => {
      const { name, format } = formatOf((request.params as { file: string }).file);
      const found = await byTrackingCode(request, name, M.requestNotFound(name.slice(0, 40)));
      return send(reply, format, 'service_requests', [requestDocument(found)]);
    });

    app.get('/tokens/:file', { config: { ...pub, rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: doc('Open311: service_request_id from a token (the token is the id: requests are created at once)') }, async (request, reply) => {
      const { name, format } = formatOf((request.params as { file: string }).file);
      const found = await byTrackingCode(request, name, M.tokenNotFound(name.slice(0, 40)));
      return send(reply, format, 'service_requests', [{ service_request_id: found.trackingCode, token: found.trackingCode }]);
    });

    app.post('/:resource', {
      config: { ...pub, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { ...doc('Open311: create a service request (form-encoded; api_key required)'), consumes: ['application/x-www-form-urlencoded'] },
    }, async (request, reply) => {
      const { name, format } = splitFormat((request.params as { resource: string }).resource);
      if (name !== 'requests') throw notFound(M.resourceNotFound);
      if (!format) throw badRequest(M.formatUnknown);
      if (typeof request.body !== 'string') throw badRequest(M.contentType);
      const form = parseForm(request.body);
      // The spec sends api_key in the form; some clients put it in the query string.
      const client = await apiClient(field(form, 'api_key', 200) ?? queryField(request.query, 'api_key', 200));
      const jurisdiction = await jurisdictionOf(request, form);
      const created = await createOpen311Request(db, form, client, jurisdiction);
      return send(reply, format, 'service_requests', [{ service_request_id: created.trackingCode, service_notice: created.serviceNotice, account_id: created.accountId }]);
    });
  };

  return async (app) => {
    await app.register(v2, { prefix: OPEN311_PREFIX });
  };
}
