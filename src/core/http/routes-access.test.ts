import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-0000-0000-000000000000').replace('*', 'x');

describe('every registered route', () => {
  it('declares an access rule (deny by default: a route without one would answer 403 no_access_rule)', () => {
    const missing = t.app.routeAccess.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(t.app.routeAccess.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('answers 401 without a session on every non-public route', async () => {
    const guarded = t.app.routeAccess.filter((r) => r.access !== 'public' && r.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(3);
    for (const r of guarded) {
      const res = await t.app.inject({ method: r.method as 'GET', url: fill(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 401 });
    }
  });

  // Junk input on every route (signed in with every permission, and anonymous) is src/security/fuzz.test.ts.

  it('serves problem+json 404 for an unknown API path', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('sends security headers (CSP with frame-ancestors none, nosniff) and a request id', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: expect.stringMatching(/^(embedded|postgres)$/) });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes an OpenAPI 3 document generated from the zod contracts, and Prometheus metrics', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
