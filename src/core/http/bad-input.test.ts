import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp } from '../../test/app.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => { t = await createTestApp({ TRUST_PROXY: '1' }); });
afterAll(async () => { await t.close(); });

const PUBLIC_WRITES = ['/api/v1/auth/login', '/api/v1/auth/otp/request', '/api/v1/auth/otp/verify'];

describe('public endpoints under arbitrary input', () => {
  it('answer 4xx problem+json (never 5xx) to any JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PUBLIC_WRITES), fc.jsonValue({ maxDepth: 3 }), async (url, body) => {
        const res = await t.app.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${Math.floor(Math.random() * 250)}.1` } });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 150 },
    );
  });

  it('answer < 500 to any query string on the divisions lookup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('q', 'parentId', 'level', 'limit', 'x'), fc.string({ maxLength: 300 })), async (query) => {
        const qs = new URLSearchParams(query).toString();
        const res = await t.app.inject({ url: `/api/v1/divisions?${qs}` });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('sends HSTS only when the request came over https through a trusted proxy', async () => {
    const plain = await t.app.inject({ url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await t.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toContain('max-age=');
  });
});
