/**
 * What the festival's browser test needs beyond support.ts: the built server on a data folder the test keeps, so it
 * can be stopped and started again on the same data with other settings (CLOCK_OFFSET_DAYS past a deadline), and a
 * staff member's JSON session (login + CSRF header) for the steps the test does not click through.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DEMO_PASSWORD, freePort, repoRoot, waitForHealth, type RunningServer } from './support.js';

/**
 * Starts `node dist/server.js` on `dataDir` (made by the caller; kept on stop — the caller removes it) with the demo
 * data and `extraEnv`, and waits until it is healthy.
 */
export async function startServerOn(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const entry = path.join(repoRoot, 'dist', 'server.js');
  if (!existsSync(entry) || !existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = '';
  const proc = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(baseUrl, proc, 120_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out.slice(-5_000)}`);
  }
  return { baseUrl, port, dataDir, process: proc, output: () => out, stop };
}

export type Call = <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<T>;

/** A staff member's JSON API session (the same login and CSRF header as the staff screens). */
export async function staffApi(baseUrl: string, username: string): Promise<Call> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T,>(method: 'GET' | 'POST' | 'PUT', p: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${p}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${username}: ${method} ${p} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
