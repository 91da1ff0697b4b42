import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAsciiDigits } from '../src/core/fa/normalize.js';
import { expectPersianOnly, launchBrowser, pageErrors, shots, staffLogin, startServer, viewports, type RunningServer } from './support.js';

// The village landfill registry end to end, as the province governorate uses it: import sites from a spreadsheet
// (one bad row reported by row and column, the good ones kept), find them in the list and on the map, solve a
// consolidation scenario of the province off the request path and see the plan explained and drawn on the map, and
// a fund allocation by AHP weights.

const NEW_SITES = ['محل تخلیه آزمون یک', 'محل تخلیه آزمون دو'];
// Demo codes: the rural district مذکوره (Sari, Mazandaran) and two of its villages.
const CSV = [
  'شناسه خارجی,نام محل,نوع محل,وضعیت,عرض جغرافیایی,طول جغرافیایی,کد آماری آبادی، دهستان یا بخش,ورودی روزانه (تن),درصد پرشدگی,ظرفیت کل,نشانه‌های حساسیت',
  `E2E-1,${NEW_SITES[0]},تخلیه روباز,فعال,۳۶٫۵۸۸۱,۵۳٫۰۰۹۱,9902010101001,3.5,60,12000,مجاورت رودخانه`,
  `E2E-2,${NEW_SITES[1]},تخلیه روباز,فعال,36.5731,53.0302,9902010101002,1.2,35,8000,`,
  'E2E-3,محل بی‌کد,تخلیه روباز,فعال,36.57,53.03,123,1,10,1000,',
].join('\n');

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

const digits = async (p: Page, testId: string) => Number(toAsciiDigits((await p.getByTestId(testId).first().innerText()).replace(/[^\d۰-۹]/g, '')));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: viewports.desktop, locale: 'fa-IR' });
  page = await context.newPage();
  pageErrors(page, errors);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('landfills', () => {
  it('imports sites from a CSV: good rows kept, the bad row reported by row and column', async () => {
    await staffLogin(page, server, 'province.reviewer', '/app/landfills/import');
    await page.getByTestId('import-file').waitFor({ state: 'attached' });
    await page.getByTestId('import-file').setInputFiles({ name: 'mahal-ha.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-send').click();
    await expect.poll(async () => (await page.getByTestId('import-state').innerText()).trim(), { timeout: 30_000 }).toBe('پردازش تمام شد.');
    await page.getByTestId('import-issues').waitFor();
    expect(await digits(page, 'count-created')).toBe(2);
    expect(await digits(page, 'count-failed')).toBe(1);
    const issues = await page.getByTestId('import-issues').innerText();
    expect(issues).toContain('۴'); // the spreadsheet row of the bad line
    expect(issues).toContain('کد آماری');
    await expectPersianOnly(page, ['mahal-ha.csv']);
    await shots(page, 'landfills-01-import');
  }, 90_000);

  it('finds the imported sites in the list and on the map', async () => {
    await page.goto(`${server.baseUrl}/app/landfills?q=${encodeURIComponent('آزمون')}`, { waitUntil: 'networkidle' });
    const table = page.getByTestId('sites-table');
    await table.waitFor();
    for (const name of NEW_SITES) await expect.poll(() => table.innerText()).toContain(name);
    await page.goto(`${server.baseUrl}/app/landfills`, { waitUntil: 'networkidle' });
    await page.getByTestId('view-map').click();
    await page.locator('.leaflet-container').first().waitFor({ timeout: 20_000 });
    // Demo sites of the province and the two imported ones, clustered where they crowd.
    expect(await digits(page, 'map-count')).toBeGreaterThanOrEqual(12);
    await page.waitForTimeout(500);
    await shots(page, 'landfills-02-map');
  }, 60_000);

  it('solves a consolidation scenario of the province and draws the plan on the map', async () => {
    await page.goto(`${server.baseUrl}/app/landfills/scenarios/new`, { waitUntil: 'networkidle' });
    await page.getByTestId('scenario-name').fill('سناریوی آزمون: دو مرکز منطقه‌ای');
    await page.getByTestId('p').fill('۲');
    await page.getByTestId('scenario-submit').click();
    await page.waitForURL(/\/app\/landfills\/scenarios\/\d+$/, { timeout: 20_000 });
    const summary = page.getByTestId('summary');
    await summary.waitFor({ timeout: 60_000 });
    const text = await summary.innerText();
    expect(text).toMatch(/۲ محل به‌عنوان مرکز منطقه‌ای/);
    expect((await page.getByTestId('fig-kept').innerText()).split('\n').map((l) => l.trim())).toContain('۲');
    await page.locator('.leaflet-container canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    // The file names of the downloads are the only Latin text (the same names the command line uses).
    await expectPersianOnly(page, ['input.json', 'plan.json', 'plan.csv']);
    await shots(page, 'landfills-03-scenario');
  }, 120_000);

  it('compares two scenarios side by side', async () => {
    await page.goto(`${server.baseUrl}/app/landfills/scenarios`, { waitUntil: 'networkidle' });
    const picks = page.locator('[data-testid^="pick-"]');
    await picks.first().waitFor();
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByTestId('compare').click();
    await page.getByTestId('compare-table').waitFor({ timeout: 20_000 });
    await page.locator('.leaflet-container').nth(1).waitFor({ timeout: 20_000 });
    await shots(page, 'landfills-04-compare');
  }, 60_000);

  it('opens the demo fund allocation with its reasons, and no script error happened anywhere', async () => {
    await page.goto(`${server.baseUrl}/app/landfills/allocations`, { waitUntil: 'networkidle' });
    await page.getByTestId('allocation-link').first().click();
    await page.getByTestId('ranking-table').waitFor();
    expect(await page.getByTestId('cr').innerText()).toMatch(/[۰-۹]/);
    await shots(page, 'landfills-05-allocation');
    expect(errors).toEqual([]);
  }, 60_000);
});
