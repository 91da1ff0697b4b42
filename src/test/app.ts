import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../core/config/config.js';
import { buildApp } from '../core/http/app.js';
import { MODULES } from '../modules/index.js';
import { createTestDatabase } from './db.js';

/** A real app with every module on a fresh test database (no web files, quiet logs), plus helpers to sign in. */
export async function createTestApp(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const config = loadConfig({ DEMO: '0', LOG_LEVEL: 'silent', ...env });
  const ctx = { db: database.db, backend: database.backend, config };
  const app: FastifyInstance = await buildApp(ctx, { logger: false, serveWeb: false, modules: MODULES });
  await app.ready();

  /** Signs in with a password and returns the headers that authenticate later requests (cookie + CSRF). */
  async function login(username: string, password = 'secret-pass') {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'shahrdeh_sid')!;
    return { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string };
  }

  return {
    app,
    db: database.db,
    ctx,
    login,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
