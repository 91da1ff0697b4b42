/**
 * Helpers of the end-to-end suite: start the built server (`dist/server.js`) on a
 * free port with a fresh data folder and the demo data, launch the system
 * Chromium (never a downloaded one), save screenshots to e2e/screenshots/, a
 * staff member's JSON API session (login + CSRF header), and
 * what the service tests share: the scripts a page loads and their weight, the
 * Persian-only check, the one-time code from the demo log, choosing an option by
 * its label, and signing in (a citizen with a code, staff through the form).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';

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
 * With `dataDir`, the server runs on that folder instead (made by the caller and
 * kept on stop: the caller removes it), so a test can stop it and start it again
 * on the same data with other settings.
 */
export async function startServer(extraEnv: Record<string, string> = {}, { dataDir: keptDir, healthTimeoutMs = 60_000 }: { dataDir?: string; healthTimeoutMs?: number } = {}): Promise<RunningServer> {
  // SHAHRDEH_DIST: another build folder than dist/ (its server.js and web/), so parallel work need not share one.
  const distDir = path.join(repoRoot, process.env.SHAHRDEH_DIST ?? 'dist');
  const entry = path.join(distDir, 'server.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  if (!existsSync(path.join(distDir, 'web', 'index.html'))) {
    throw new Error(`${distDir}/web/index.html is missing: run \`npm run build\` first`);
  }
  const port = await freePort();
  const dataDir = keptDir ?? (await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-e2e-')));
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
      WEB_DIR: path.join(distDir, 'web'),
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
    if (!keptDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, proc, healthTimeoutMs);
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

/** Screenshots at phone and desktop width, with no field focused and the page at its top (stable pictures). */
export async function shots(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await screenshotAll(page, name);
}

/** The script errors of a page (and of the pages added later with the same list): a test ends expecting none. */
export function pageErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** A tiny valid PNG (1×1), enough for the server's content check of an upload. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Chunks of the signed-in screens: a public page loads none of them (no Mantine, no query library). */
// Every staff module's entry is named Staff<Module> (StaffComplaints, StaffGrading, StaffInstructors…).
const PRIVATE_CHUNK = /\/assets\/(MantineLayout|session|Staff[A-Z][A-Za-z]*)-/;

/**
 * Record the scripts a page loads and their gzip size (level 9). A 304 (revalidated from the cache) has no body
 * here: measure pages on a fresh context, where all are 200.
 */
export function recordScripts(page: Page) {
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (res: Response) => {
    if (res.request().resourceType() === 'script' && res.status() === 200) scripts.set(res.url(), res.body().then((b) => gzipSync(b, { level: 9 }).length));
  });
  return {
    urls: () => [...scripts.keys()],
    gzipTotal: async () => (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0),
  };
}

export type ScriptRecord = ReturnType<typeof recordScripts>;

/** Print what a page has loaded so far (`<label> JS: n files, x KB gzip`) and return its gzip size. */
export async function measureScripts(rec: ScriptRecord, label: string): Promise<number> {
  const gz = await rec.gzipTotal();
  console.log(`${label} JS: ${rec.urls().length} files, ${kb(gz)} gzip`);
  return gz;
}

/** Assert a public page's JS (what it has loaded so far) is within `limitKb` and holds no signed-in screens' chunk. */
export async function expectLight(rec: ScriptRecord, label: string, limitKb = 100): Promise<void> {
  const gz = await measureScripts(rec, label);
  expect(gz, `${label} stays light`).toBeLessThanOrEqual(limitKb * 1024);
  expect(rec.urls().filter((u) => PRIVATE_CHUNK.test(u)), 'no Mantine, no query library').toEqual([]);
}

/**
 * UI text may not contain Latin letters or ASCII digits (English, Gregorian dates, untranslated numbers). What
 * people typed or uploaded, and data that is not Persian by nature (`userData`: a file name, a key, a hash), is
 * taken out first.
 */
export async function expectPersianOnly(page: Page, userData: string[] = []): Promise<void> {
  let text = await page.locator('main').innerText();
  for (const u of userData) text = text.split(u).join('');
  expect(text).toMatch(/[\u0600-\u06FF]/);
  expect(text, `Latin letters or ASCII digits in:\n${text}`).not.toMatch(/[A-Za-z0-9]/);
}

/** The one-time code the demo server logged for `mobile` after `after` characters of its output. */
export async function otpFromLog(server: RunningServer, mobile: string, after: number): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const lines = server.output().slice(after).split('\n').reverse();
    const line = lines.find((l) => l.includes(mobile) && /"code"\s*:\s*"\d{6}"/.test(l));
    const code = line?.match(/"code"\s*:\s*"(\d{6})"/)?.[1];
    if (code) return code;
    await sleep(100);
  }
  throw new Error('the demo server did not log a one-time code');
}

/** Choose the option labelled `label` of a select once it is there (options often load after the page). */
export async function selectByLabel(page: Page, selector: string, label: string): Promise<void> {
  const select = page.locator(selector);
  await expect.poll(async () => (await select.locator('option').allInnerTexts()).some((t) => t.trim() === label), { timeout: 10_000 }).toBe(true);
  await select.selectOption({ label });
}

/**
 * Sign in on the one-time-code form shown on the page: the mobile as typed (`typed`, e.g. in Persian digits), the
 * code from the demo log for `mobile`, then «تأیید و ادامه».
 */
export async function signInWithCode(page: Page, server: RunningServer, typed: string, mobile: string): Promise<void> {
  const logAt = server.output().length;
  await page.getByRole('textbox', { name: 'شماره همراه' }).fill(typed);
  await page.getByRole('button', { name: 'دریافت کد' }).click();
  const codeBox = page.getByRole('textbox', { name: 'کد یک‌بارمصرف' });
  await codeBox.waitFor();
  await codeBox.fill(await otpFromLog(server, mobile, logAt));
  await page.getByRole('button', { name: 'تأیید و ادامه' }).click();
}

/** Sign in on the staff login form (demo password), asking to go to `next` afterwards. */
export async function staffLogin(page: Page, server: RunningServer, username: string, next: string): Promise<void> {
  await page.goto(`${server.baseUrl}/login?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
}

/**
 * A new desktop browser context signed in as a staff account and on `path` (the page's uncaught errors collected in
 * `errors` when given). The caller closes the context.
 */
export async function staffPage(browser: Browser, server: RunningServer, username: string, path: string, errors?: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: viewports.desktop, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  const page = await context.newPage();
  if (errors) pageErrors(page, errors);
  await staffLogin(page, server, username, path);
  await page.waitForURL(`${server.baseUrl}${path}`);
  return { context, page };
}

/** WCAG 2.0 and 2.1, levels A and AA (axe-core's tags), plus axe's best practices: what every page is checked for. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Run axe-core on the page as it is now and return its serious and critical violations. The axe source is
 * evaluated through the DevTools protocol (`page.evaluate`), which the page's Content-Security-Policy
 * (`script-src 'self'`) does not govern, so the check runs under the real server's headers (an injected
 * `<script>` would be refused, and `bypassCSP` would test a page that no visitor sees).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, AXE_TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One readable line per violation: rule, impact, help, and the first offending elements' selectors. */
export function formatViolations(violations: AxeViolation[], where: string): string {
  return violations
    .map((v) => {
      // The first line of what axe says to fix (e.g. the contrast found and its colors), after the selector.
      const nodes = v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
      return `${where}: [${v.impact}] ${v.id} — ${v.help}\n    ${nodes.join('\n    ')}${v.nodes.length > 5 ? `\n    … ${v.nodes.length - 5} more` : ''}`;
    })
    .join('\n');
}

/** Fail when axe-core finds a serious or critical violation on the page as it is now (`label` names the screen). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = await axeViolations(page);
  expect(found.length, `accessibility of ${label}:\n${formatViolations(found, `${label} (${page.url()})`)}`).toBe(0);
}
