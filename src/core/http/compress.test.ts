import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createTestDatabase } from '../../test/db.js';
import { COMPRESS_MIN_BYTES, pickEncoding } from './compress.js';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('')).toBeNull();
  });

  it('never answers with an encoding the client refused or did not offer', () => {
    const enc = fc.constantFrom('br', 'gzip', 'deflate', 'identity', 'zstd', '*');
    const part = fc.record({ enc, q: fc.option(fc.constantFrom('0', '0.5', '1'), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const header = parts.map((p) => (p.q === undefined ? p.enc : `${p.enc};q=${p.q}`)).join(', ');
        const got = pickEncoding(header);
        // The last mention of a name wins (a Map), as in pickEncoding.
        const q = new Map<string, number>(parts.map((p) => [p.enc, p.q === undefined ? 1 : Number(p.q)]));
        const allowed = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
        if (got === null) expect(allowed('br') || allowed('gzip')).toBe(false);
        else expect(allowed(got)).toBe(true);
        if (got === 'gzip') expect(allowed('br')).toBe(false);
      }),
    );
  });
});

describe('responses of the built server', () => {
  let dir: string;
  let app: import('fastify').FastifyInstance;
  let close: () => Promise<void>;
  const js = `export const hello = ${JSON.stringify('سلام '.repeat(400))};\n`;

  beforeAll(async () => {
    // A tiny build: index.html, a hashed asset with its precompressed copies, and Vite's manifest (not to be served).
    dir = await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-web-'));
    await mkdir(path.join(dir, 'assets'));
    await mkdir(path.join(dir, '.vite'));
    await writeFile(path.join(dir, 'index.html'), `<!doctype html><html lang="fa"><body><div id="root"></div>${'<!-- پر -->'.repeat(200)}</body></html>`);
    await writeFile(path.join(dir, 'assets', 'app-abc123.js'), js);
    await writeFile(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(js));
    await writeFile(path.join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(js));
    await writeFile(path.join(dir, '.vite', 'manifest.json'), '{"secret": "not served"}');
    // WEB_DIR is read when app.ts is first imported: set it first, import after.
    process.env.WEB_DIR = dir;
    const { buildApp } = await import('./app.js');
    const database = await createTestDatabase();
    const config = loadConfig({ DEMO: '0', LOG_LEVEL: 'silent' });
    app = await buildApp({ db: database.db, backend: database.backend, config }, { logger: false });
    await app.ready();
    close = async () => {
      await app.close();
      await database.close();
    };
  });

  afterAll(async () => {
    await close?.();
    delete process.env.WEB_DIR;
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the precompressed asset to a client that accepts it, cached for good, and the plain file otherwise', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);

    const gz = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("does not serve the build's manifest", async () => {
    const res = await app.inject({ method: 'GET', url: '/.vite/manifest.json' });
    expect(res.body).not.toContain('not served');
  });

  it('compresses JSON answers and the page when accepted and big enough; leaves small ones and other clients alone', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'br' } });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-encoding']).toBe('br');
    const text = brotliDecompressSync(json.rawPayload).toString();
    expect(text.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    expect(JSON.parse(text).openapi).toBe('3.1.0');
    expect(Number(json.headers['content-length'])).toBe(json.rawPayload.length);

    const gz = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(text);

    const none = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(text);

    const page = await app.inject({ method: 'GET', url: '/showcase', headers: { 'accept-encoding': 'gzip, br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<div id="root">');

    const small = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toBeTruthy();
  });
});
