import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageErrors, selectByLabel, signInWithCode, staffLogin, startServer, viewports, type RunningServer } from './support.js';

// Stored XSS in the browser: a citizen files a complaint whose subject and body are script payloads; the public
// tracking page, the citizen's full case and the staff inbox and case page show them as text. Nothing runs (no
// `window.__xss`, no dialog) and no element is injected — checked on the DOM, so the test does not lean on the CSP
// (which would block inline script anyway).

const SUBJECT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2;alert(2)"> چاله';
const BODY = '"><svg onload="window.__xss=3;alert(3)"></svg><iframe src="javascript:window.__xss=4"></iframe> شرح: <a href="javascript:window.__xss=5">پیوند</a> {{constructor.constructor(\'window.__xss=6\')()}}';
const MOBILE = '09127001234';

/** Watches a page for what a successful injection would leave behind. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    dialogs,
    async expectInert(where: string) {
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), where).toBeUndefined();
      expect(dialogs, where).toEqual([]);
      const injected = await page.evaluate(() => [
        ...document.querySelectorAll('img[src="x"], svg[onload], iframe, a[href^="javascript:"], [onerror], [onload]'),
      ].map((e) => e.outerHTML.slice(0, 120)));
      expect(injected, where).toEqual([]);
      const scripts = await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length);
      expect(scripts, where).toBe(0);
    },
  };
}

describe('stored XSS: hostile complaint text renders as text everywhere', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: BrowserContext;
  let staff: BrowserContext;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    citizen = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    staff = await browser.newContext({ viewport: viewports.desktop, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  });

  afterAll(async () => {
    await citizen?.close();
    await staff?.close();
    await browser?.close();
    await server?.stop();
  });

  it('a citizen files the payloads through the form; the tracking page and the full case show them as text', async () => {
    const page = await citizen.newPage();
    const errors = pageErrors(page);
    const w = watch(page);
    await page.goto(`${server.baseUrl}/complaints/new`, { waitUntil: 'networkidle' });
    await signInWithCode(page, server, MOBILE, MOBILE);
    await page.getByRole('radio', { name: /^شکایت/ }).check();
    await selectByLabel(page, '#group', 'خدمات شهری');
    await selectByLabel(page, '#categoryId', 'آسفالت و چاله');
    await page.getByTestId('category-info').waitFor();
    await selectByLabel(page, '#q-pothole_size', 'بزرگ (بیش از دو متر)');
    await selectByLabel(page, '#province', 'مازندران');
    await selectByLabel(page, '#county', 'ساری');
    await selectByLabel(page, '#place', 'شهر ساری');
    await page.locator('#subject').fill(SUBJECT);
    await page.locator('#body').fill(BODY);
    await page.getByRole('button', { name: 'ادامه', exact: true }).click();
    await page.locator('[data-testid="done"], [data-testid="similar"]').first().waitFor();
    if (await page.getByTestId('similar').isVisible()) await page.getByRole('button', { name: 'موضوع من متفاوت است؛ ثبت شود' }).click();
    await page.getByTestId('done').waitFor();
    code = (await page.getByTestId('follow-link').getAttribute('href'))!.replace('/track/', '');
    expect(code).toMatch(/^\d{13}$/);
    await w.expectInert('/complaints/new (done)');

    await page.goto(`${server.baseUrl}/track/${code}`, { waitUntil: 'networkidle' });
    await page.getByTestId('status-card').waitFor();
    await w.expectInert(`/track/${code}`);
    // The full case (this phone is signed in with the filing mobile): the subject and the body, as written.
    await page.getByTestId('open-full').click();
    await page.getByTestId('full-case').waitFor();
    const full = await page.getByTestId('full-case').innerText();
    expect(full).toContain(SUBJECT);
    expect(full).toContain('<svg onload=');
    await w.expectInert(`/track/${code} (full case)`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the staff inbox and case page show them as text and run nothing', async () => {
    const page = await staff.newPage();
    const errors = pageErrors(page);
    const w = watch(page);
    await staffLogin(page, server, 'inspector', '/app/complaints');
    await page.waitForURL(/\/app/);
    if (!page.url().includes('/app/complaints')) await page.goto(`${server.baseUrl}/app/complaints`, { waitUntil: 'networkidle' });
    await page.getByTestId('search').fill(code);
    await page.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
    await page.waitForURL(/q=/);
    await expect.poll(async () => page.getByTestId('total').innerText()).toBe('۱ مورد');
    expect(await page.locator('main').innerText()).toContain('<script>window.__xss=1</script>');
    await w.expectInert('/app/complaints (inbox)');
    await page.getByTestId('case-link').first().click();
    await page.getByTestId('case-subject').waitFor();
    expect(await page.getByTestId('case-subject').innerText()).toContain(SUBJECT);
    expect(await page.locator('main').innerText()).toContain('<iframe src="javascript:window.__xss=4"></iframe>');
    await w.expectInert('/app/complaints/:id (case)');
    expect(errors).toEqual([]);
    await page.close();
  });
});
