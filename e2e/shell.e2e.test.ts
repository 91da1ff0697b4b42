import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  repoRoot,
  screenshot,
  screenshotAll,
  startServer,
  viewports,
  type RunningServer,
} from './support.js';

/** Chunk names that belong to signed-in screens: the public home must load none of them. */
const PRIVATE_CHUNKS = /\/assets\/(StaffArea|StaffHome|StaffComingSoon|StaffLogin|CitizenLogin|CitizenArea|MantineLayout|session)-[^/]*\.js$/;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Record every request and every script a page loads, with the script's gzip size. */
function record(page: Page) {
  const requests: string[] = [];
  const scripts = new Map<string, Promise<number>>();
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (res: Response) => {
    if (res.request().resourceType() === 'script') {
      scripts.set(
        res.url(),
        res.body().then((b) => gzipSync(b, { level: 9 }).length),
      );
    }
  });
  return {
    requests,
    scriptUrls: () => [...scripts.keys()],
    gzipTotal: async () => (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('web shell', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('built CSS points at no other host (fonts are bundled)', async () => {
    const dir = path.join(repoRoot, 'dist', 'web', 'assets');
    const css = (await readdir(dir)).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const f of css) {
      const text = await readFile(path.join(dir, f), 'utf8');
      const urls = [...text.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1] ?? '');
      expect(urls.filter((u) => /^(https?:)?\/\//.test(u)), f).toEqual([]);
    }
  });

  it('public home: RTL Persian, Jalali date, nothing from another host, no staff chunk', async () => {
    context = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const rec = record(page);

    const res = await page.goto(`${server.baseUrl}/`, { waitUntil: 'networkidle' });
    expect(res?.status(), 'GET / serves the web app').toBe(200);
    await page.getByRole('heading', { level: 1 }).waitFor();

    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fa');
    expect(await page.title()).toContain('شهرده');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('شهرده');

    // Today's date is Jalali, in Persian digits: the year starts with ۱۴.
    const today = await page.getByTestId('today').innerText();
    expect(today).toMatch(/۱۴[۰-۹]{2}/);

    // No English and no ASCII digits (a Gregorian date would have them) anywhere on the page.
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/[\u0600-\u06FF]/);
    expect(text).not.toMatch(/[A-Za-z0-9]/);

    // The public services are linked.
    for (const href of ['/complaints/new', '/track', '/festival', '/showcase', '/verify/training-id', '/verify/amriyeh']) {
      await expect(page.locator(`main a[href="${href}"]`).count()).resolves.toBe(1);
    }
    await expect(page.locator('a[href="/login"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('a[href="/citizen/login"]').count()).resolves.toBeGreaterThan(0);

    // Every request went to this server.
    const foreign = rec.requests.filter((u) => {
      const { protocol, hostname } = new URL(u);
      return !(protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname));
    });
    expect(foreign).toEqual([]);

    // The public home loads no staff, login or Mantine chunk, and stays small.
    const scripts = rec.scriptUrls();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((u) => PRIVATE_CHUNKS.test(u))).toEqual([]);
    const gz = await rec.gzipTotal();
    console.log(`public home JS: ${scripts.length} files, ${kb(gz)} gzip`);
    expect(gz).toBeLessThanOrEqual(100 * 1024);

    expect(errors).toEqual([]);
    await screenshotAll(page, 'home');
    await page.close();
  });

  it('the showcase is live (no longer «coming soon») and an unknown address answers in Persian', async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/showcase`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('ویترین طرح‌های برگزیده');
    await page.getByTestId('showcase-card').first().waitFor();
    await expect(page.locator('main').innerText()).resolves.not.toContain('به‌زودی');

    await page.goto(`${server.baseUrl}/no/such/page`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('صفحه پیدا نشد');
    await screenshot(page, 'not-found-phone');
    await page.close();
  });

  it('/app without a session goes to the staff login', async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app`);
    await page.waitForURL(/\/login\?next=%2Fapp/);
    await page.getByLabel('نام کاربری').waitFor();
    await page.close();
  });

  it('a dehyari signing in from a showcase plan comes back to that plan', async () => {
    const { items } = (await (await fetch(`${server.baseUrl}/api/v1/showcase?pageSize=1`)).json()) as { items: { id: string }[] };
    const plan = `/showcase/${items[0]!.id}`;
    const ctx = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}${plan}`, { waitUntil: 'networkidle' });
    await page.getByTestId('sign-in-line').getByRole('link').click();
    await page.waitForURL(`${server.baseUrl}/login?next=${encodeURIComponent(plan)}`);
    await page.getByLabel('نام کاربری').fill('dehyari');
    await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ورود', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}${plan}`);
    await page.getByTestId('showcase-plan').waitFor();
    await expect(page.getByTestId('sign-in-line').count()).resolves.toBe(0);
    await ctx.close();
  });

  it('district.reviewer logs in through the form, sees role and scope, and logs out', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(`${server.baseUrl}/login`, { waitUntil: 'networkidle' });
    const username = page.getByLabel('نام کاربری');
    await username.waitFor();
    await screenshotAll(page, 'login');

    // A wrong password shows the server's Persian title.
    await username.fill('district.reviewer');
    await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'ورود', exact: true }).click();
    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/[\u0600-\u06FF]/);

    await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ورود', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/app`);

    const roles = page.getByTestId('roles');
    await roles.waitFor();
    const rolesText = await roles.innerText();
    // «<role title> — بخش …، شهرستان …، استان …»
    expect(rolesText).toMatch(/—\s*بخش .+، شهرستان .+، استان .+/);
    await page.getByTestId('inbox-totals').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('خوش آمدید');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/[0-9]/);
    expect(errors).toEqual([]);
    await screenshotAll(page, 'staff-home');

    // What a staff member downloads when opening /app directly.
    const fresh = await context.newPage();
    const rec = record(fresh);
    await fresh.goto(`${server.baseUrl}/app`, { waitUntil: 'networkidle' });
    await fresh.getByTestId('roles').waitFor();
    console.log(`staff home JS: ${rec.scriptUrls().length} files, ${kb(await rec.gzipTotal())} gzip`);
    await fresh.close();

    await page.getByTestId('logout').click();
    await page.waitForURL(`${server.baseUrl}/login`);
    await page.goto(`${server.baseUrl}/app`);
    await page.waitForURL(/\/login\?next=/);
    await page.close();
  });

  it('a citizen signs in with a mobile typed in Persian digits and the one-time code', async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/citizen/login`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'شماره همراه' }).fill('۰۹۱۲۳۴۵۶۷۸۹');
    await page.getByRole('button', { name: 'دریافت کد' }).click();
    const codeBox = page.getByRole('textbox', { name: 'کد ورود' });
    await codeBox.waitFor();
    await screenshot(page, 'citizen-code-phone');

    // In demo mode the server logs the code it would have sent by SMS.
    let code: string | undefined;
    for (let i = 0; i < 40 && !code; i++) {
      const line = server
        .output()
        .split('\n')
        .reverse()
        .find((l) => l.includes('09123456789') && /"code"\s*:\s*"\d{6}"/.test(l));
      code = line?.match(/"code"\s*:\s*"(\d{6})"/)?.[1];
      if (!code) await new Promise((r) => setTimeout(r, 100));
    }
    expect(code, 'the demo server logs the one-time code').toBeDefined();

    await codeBox.fill(code!);
    await page.getByRole('button', { name: 'ورود', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/me`);
    await expect(page.getByTestId('citizen-mobile').innerText()).resolves.toBe('۰۹۱۲۳۴۵۶۷۸۹');
    await screenshotAll(page, 'citizen-home');
    await page.getByTestId('logout').click();
    await page.waitForURL(`${server.baseUrl}/login`);
    await page.close();
  });
});
