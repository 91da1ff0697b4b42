/**
 * Helpers of the end-to-end suite: start the built server (`dist/server.js`) on a
 * free port with a fresh data folder and the demo data, launch the system
 * Chromium (never a downloaded one), and save screenshots to e2e/screenshots/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = path.join(repoRoot, 'e2e', 'screenshots');

/** The two sizes every screen is checked at: a common phone and a laptop. */
export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export const DEMO_PASSWORD = 'demo1234';

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `GET /api/health` until it answers 200 (or the server exits, or time runs out). */
export async function waitForHealth(baseUrl: string, proc: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`server exited (${proc.exitCode ?? proc.signalCode}) before it was healthy`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(250);
  }
  throw new Error(`server not healthy after ${timeoutMs} ms: ${last}`);
}

/**
 * Start `node dist/server.js` with PORT, HOST=127.0.0.1, a fresh DATA_DIR and
 * DEMO=1 (the demo accounts, password `demo1234`), and wait until it is healthy.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const entry = path.join(repoRoot, 'dist', 'server.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  if (!existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build` first');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = '';
  const proc = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);

  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) {
        proc.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, proc);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out.slice(-5_000)}`);
  }
  return { baseUrl, port, dataDir, process: proc, output: () => out, stop };
}

/** Launch the system Chromium headless. playwright-core never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Save a full-page PNG as e2e/screenshots/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Fonts load on demand (unicode-range); wait so the picture shows Vazirmatn.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Screenshot the current page at every size in `viewports`, as <name>-phone.png and <name>-desktop.png. */
export async function screenshotAll(page: Page, name: string): Promise<string[]> {
  const files: string[] = [];
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    files.push(await screenshot(page, `${name}-${label}`));
  }
  if (original) await page.setViewportSize(original);
  return files;
}
