import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAsciiDigits, toPersianDigits } from '../src/core/fa/normalize.js';
import type { Dashboard, EntityView, PublicGrade, RequestView } from '../src/modules/grading/api-types.js';
import { DEMO_PASSWORD, expectLight, expectPersianOnly, launchBrowser, pageErrors, recordScripts, shots, staffPage as openStaffPage, startServer, TINY_PNG, viewports, type RunningServer } from './support.js';

// Municipality grading end to end, in the browser with the demo accounts. The demo municipality (Sari, grade 10)
// first withdraws the request the demo left returned to it, then fills this year's indicator sheet (figures typed in
// Persian digits, a supporting document uploaded for each indicator, the grade they support shown as it is typed)
// and files an upgrade request. The province governorate finds the documents complete and forwards it; the Deputy's
// expert returns it for correction; the municipality corrects a figure, attaches the council's approval and
// resubmits, and the request comes back to the same expert, who accepts three indicators, adjusts the population to
// the census with a reason, and forwards it. The grading working group approves with an effective date, the expert
// issues the order, and the public list of grades shows the new grade with its order number. The dashboard counts
// the request and exports its tables.

// The supporting document uploaded for each indicator, and the one the correction adds.
const DOCS: Record<string, string> = {
  continuous_income: 'soorat-mali-hesabresi.png',
  net_income: 'tafrigh-budje.png',
  population: 'govahi-sarshomari.png',
  admin_status: 'mosavabe-taghsimat.png',
};
const COUNCIL = 'mosavabe-shora.png';
const JUSTIFICATION = 'جمعیت شهر ساری با پیوستن شهرک‌های اطراف از پانصد هزار نفر گذشته و درآمد پایدار آن دو برابر شده است؛ مدارک پیوست است.';
const RETURN_COMMENT = 'مصوبه شورای اسلامی شهر درباره درآمد پایدار پیوست نشده است؛ آن را پیوست کنید و درآمد پایدار خالص را با صورت‌های مالی حسابرسی‌شده تطبیق دهید.';
const ADJUST_REASON = 'گواهی مرکز آمار جمعیت شهر را در آخرین سرشماری ۳۰۹٬۸۲۰ نفر نشان می‌دهد؛ شهرک‌های پیوسته هنوز در محدوده شهر نیستند.';

// The figures as typed (Persian digits) and what they earn under the example rules (version 1): continuous income
// 12,000 → 23, net income 6,000 → 18, population 510,000 → 30, provincial capital → 20: 91 points, grade 12. The
// correction lowers net income to 4,800 → 15: 88 points, grade 11. The expert puts the population at the census's
// 309,820 → 25: 83 points, exactly the least of grade 11 — one above the demo grade of Sari (10).
const TYPED = { continuous_income: '۱۲۰۰۰', net_income: '۶۰۰۰', population: '۵۱۰۰۰۰' };
const FIXED_NET_INCOME = '۴۸۰۰';
const ADJUSTED_POPULATION = '۳۰۹۸۲۰';
const SUBMITTED_GRADE = 12;
const FINAL_GRADE = 11;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
let requestId = '';
let entity: EntityView;
/** Issued municipality requests before this test's (the demo's). */
let issuedBefore = -1;

const fa = (n: number) => toPersianDigits(n);

/** A signed-in staff page in a fresh desktop context (script errors collected), at `path`. */
async function staffPage(username: string, path: string): Promise<Page> {
  const { context, page } = await openStaffPage(browser, server, username, path, errors);
  contexts.push(context);
  return page;
}

/** A staff member's JSON API (GET only here: reading what the screens did). */
async function staffGet<T>(username: string, path: string): Promise<T> {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status, `login ${username}`).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
  expect(res.status, `${username}: GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** Open an action of the request page, optionally write its comment, and confirm; wait for the new state. */
async function act(page: Page, key: string, state: string, comment?: string): Promise<void> {
  await page.getByTestId(`action-${key}`).click();
  const form = page.getByTestId(`action-form-${key}`);
  await form.waitFor();
  if (comment) await form.getByTestId('comment').fill(comment);
  await form.getByTestId('confirm-action').click();
  await expect.poll(() => page.locator('.st-badge[data-state]').first().getAttribute('data-state'), { timeout: 15_000 }).toBe(state);
  await page.getByTestId('notice').waitFor();
}

/** The request page's text without the user's own words (file names are Latin by nature). */
// File names are the user's data (the demo's own documents end in .pdf too).
const persianOnly = (page: Page) => expectPersianOnly(page, [...Object.values(DOCS), COUNCIL, '.pdf']);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('grading: an upgrade request from the sheet to the public list', () => {
  it('the municipality withdraws the request the demo left open, so it may file a new one', async () => {
    const page = await staffPage('municipality', '/app/grading/entity');
    await page.getByTestId('entity').first().waitFor();
    const before = await staffGet<Dashboard>('grading.committee', '/api/v1/grading/dashboard?subject=municipality');
    issuedBefore = before.byState.find((x) => x.state === 'issued')!.count;
    const mine = (await staffGet<{ items: EntityView[] }>('municipality', '/api/v1/grading/entities/mine')).items.find((e) => e.subject === 'municipality');
    expect(mine, 'the demo municipality').toBeTruthy();
    entity = mine!;
    expect(entity.grade, 'the demo grade of Sari').toBe(10);
    expect(entity.openRequestId, 'the demo leaves a request of Sari returned for correction').toBeTruthy();
    await page.getByTestId('upgrade-why').getByText('یک درخواست در جریان دارید', { exact: false }).waitFor();
    await persianOnly(page);
    await shots(page, 'grading-01-entity');

    await page.getByTestId('open-request-link').click();
    await page.waitForURL(`${server.baseUrl}/app/grading/requests/${encodeURIComponent(entity.openRequestId!)}`);
    await page.getByTestId('withdraw').click();
    await page.getByTestId('withdraw-yes').click();
    await expect.poll(() => page.locator('.st-badge[data-state]').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('withdrawn');
  }, 90_000);

  it('the municipality fills this year’s sheet in Persian digits with its documents, sees the grade it supports, and files', async () => {
    const page = await staffPage('municipality', '/app/grading/entity');
    await page.getByTestId('entity').first().waitFor();
    expect(await page.getByTestId('current-grade').innerText()).toContain('۱۰');
    await page.getByTestId('sheet-of-year').click();
    await page.getByTestId('sheet-form').waitFor();
    for (const [key, typed] of Object.entries(TYPED)) await page.getByTestId(`value-${key}`).fill(typed);
    await page.getByTestId('value-admin_status').selectOption('province_center');
    // The figures stay in Persian digits in the boxes, and the live grade follows them.
    expect(await page.getByTestId('value-population').inputValue()).toBe(TYPED.population);
    await expect.poll(() => page.getByTestId('live-grade').innerText()).toBe(`درجه ${fa(SUBMITTED_GRADE)} از ۱۲`);
    expect(await page.getByTestId('live-total').innerText()).toBe('۹۱');
    expect(await page.getByTestId('indicator-population').getByTestId('points').innerText()).toContain('۳۰');

    for (const [key, name] of Object.entries(DOCS)) {
      await page.getByTestId(`file-${key}`).setInputFiles({ name, mimeType: 'image/png', buffer: TINY_PNG });
      await page.getByTestId(`docs-${key}`).getByText('بارگذاری شد').waitFor({ timeout: 15_000 });
    }
    await page.getByTestId('save-sheet').click();
    await page.waitForURL(/\/app\/grading\/sheets\/\d+$/);
    await page.getByTestId('sheet-form').waitFor();
    await page.getByTestId('notice').waitFor();
    await page.getByTestId('docs-population').getByText(DOCS.population!).waitFor();
    await persianOnly(page);
    await shots(page, 'grading-02-sheet');

    // The upgrade request from the saved sheet.
    await page.getByTestId('request-upgrade').click();
    await page.getByTestId('request-form').waitFor();
    expect(await page.getByTestId('grade-flow').innerText()).toContain(`درجه ${fa(SUBMITTED_GRADE)}`);
    await page.getByTestId('justification').fill(JUSTIFICATION);
    await persianOnly(page);
    await shots(page, 'grading-03-request-new');
    await page.getByTestId('submit-request').click();
    await Promise.race([
      page.waitForURL((u) => /^\/app\/grading\/requests\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new')),
      page.getByTestId('action-error').waitFor().then(async () => expect.fail(`the request was refused: ${await page.getByTestId('action-error').innerText()}`)),
    ]);
    requestId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expect.poll(() => page.locator('.st-badge[data-state]').first().getAttribute('data-state')).toBe('submitted');
    // The deadline of the province's step is visible to the municipality.
    expect(await page.getByTestId('steps').innerText()).toMatch(/۱۴[۰-۹]{2}/);
    await persianOnly(page);
    await shots(page, 'grading-04-request-submitted');
  }, 120_000);

  it('the province governorate finds the documents complete and forwards it to the Deputy', async () => {
    const page = await staffPage('province.reviewer', `/app/grading/requests/${requestId}`);
    await page.getByTestId('request-name').waitFor();
    expect(await page.getByTestId('request-name').innerText()).toBe(entity.name);
    await persianOnly(page);
    await act(page, 'province_forward', 'expert_review');
    await shots(page, 'grading-05-province-forwarded');
  }, 60_000);

  it('the Deputy’s expert returns it for correction with a comment', async () => {
    const page = await staffPage('expert.municipal', `/app/grading/requests/${requestId}`);
    await page.getByTestId('verdicts-form').waitFor();
    await act(page, 'expert_return', 'returned', RETURN_COMMENT);
    await persianOnly(page);
    await shots(page, 'grading-06-expert-returned');
  }, 60_000);

  it('the municipality corrects a figure, adds the council’s approval and resubmits: back to the same expert', async () => {
    const page = await staffPage('municipality', `/app/grading/requests/${requestId}`);
    const form = page.getByTestId('correction-form');
    await form.waitFor();
    expect(await form.innerText()).toContain(RETURN_COMMENT);
    await form.getByTestId('fix-net_income').fill(FIXED_NET_INCOME);
    await form.getByTestId('file-net_income').setInputFiles({ name: COUNCIL, mimeType: 'image/png', buffer: TINY_PNG });
    await form.getByTestId('docs-net_income').getByText('بارگذاری شد').waitFor({ timeout: 15_000 });
    await persianOnly(page);
    await shots(page, 'grading-07-correction');
    await form.getByTestId('resubmit').click();
    // The correction goes to whoever returned it: the expert, not the province again.
    await expect.poll(() => page.locator('.st-badge[data-state]').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('expert_review');
  }, 60_000);

  it('the same expert accepts three indicators, adjusts the population with a reason, and forwards it', async () => {
    const page = await staffPage('expert.municipal', `/app/grading/requests/${requestId}`);
    await page.getByTestId('verdicts-form').waitFor();
    for (const key of ['continuous_income', 'net_income', 'population', 'admin_status']) await page.getByTestId(`verdict-${key}`).getByTestId('docs-checked').check();
    const population = page.getByTestId('verdict-population');
    await population.getByText('اصلاح مقدار', { exact: true }).click();
    await population.getByTestId('adjusted-value').fill(ADJUSTED_POPULATION);
    await population.getByTestId('adjust-reason').fill(ADJUST_REASON);
    await expect.poll(() => page.getByTestId('reviewed-live').getByTestId('live-grade').innerText()).toBe(`درجه ${fa(FINAL_GRADE)} از ۱۲`);
    await persianOnly(page);
    await shots(page, 'grading-08-expert-verdicts');
    await act(page, 'expert_forward', 'committee');
  }, 60_000);

  it('the grading working group approves with an effective date, and the expert issues the order', async () => {
    const committee = await staffPage('grading.committee', `/app/grading/requests/${requestId}`);
    await committee.getByTestId('action-approve').waitFor();
    await committee.getByTestId('action-approve').click();
    // Today's Jalali date is offered; the date is typed in Persian digits.
    const date = committee.getByTestId('effective-date');
    expect(await date.inputValue()).toMatch(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    await committee.getByTestId('action-form-approve').getByTestId('confirm-action').click();
    await expect.poll(() => committee.locator('.st-badge[data-state]').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('approved');
    await committee.getByTestId('decision').waitFor();
    expect(await committee.getByTestId('decision').innerText()).toContain(`درجه ${fa(FINAL_GRADE)}`);
    await persianOnly(committee);
    await shots(committee, 'grading-09-committee-approved');

    const expert = await staffPage('expert.municipal', `/app/grading/requests/${requestId}`);
    await act(expert, 'issue', 'issued');
    const decision = await expert.getByTestId('decision').innerText();
    expect(decision).toContain(`درجه ${fa(FINAL_GRADE)}`);
    await persianOnly(expert);
    await shots(expert, 'grading-10-order-issued');

    const issued = await staffGet<RequestView>('expert.municipal', `/api/v1/grading/requests/${encodeURIComponent(requestId)}`);
    expect(issued.state).toBe('issued');
    expect(issued.decision?.grade).toBe(FINAL_GRADE);
    expect(issued.decision?.orderNumber).toBeTruthy();
    expect(decision).toContain(toPersianDigits(issued.decision!.orderNumber!));
    // The grade history of the municipality has the new entry.
    const [after] = (await staffGet<{ items: EntityView[] }>('municipality', '/api/v1/grading/entities/mine')).items.filter((e) => e.divisionId === entity.divisionId);
    expect(after!.grade).toBe(FINAL_GRADE);
    expect(after!.history.some((h) => h.grade === FINAL_GRADE && h.orderNumber === issued.decision!.orderNumber)).toBe(true);
  }, 90_000);

  it('the public list of grades shows the new grade with its order number, light, on a phone', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    contexts.push(context);
    const page = await context.newPage();
    pageErrors(page, errors);
    const rec = recordScripts(page);
    await page.goto(`${server.baseUrl}/grades`, { waitUntil: 'networkidle' });
    await page.getByTestId('grades-table').waitFor();
    await expectLight(rec, 'public grades');
    await expectPersianOnly(page);
    await shots(page, 'grading-11-public-list');
    // The public home links the list among its services.
    await page.goto(`${server.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.locator('main a[href="/grades"]').click();
    await page.getByTestId('grades-table').waitFor();

    // Search by name, typed with Arabic letters (ي، ك) where the name has Persian ones: the server normalizes.
    const typed = entity.name.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    await page.getByLabel('نام شهرداری').fill(typed);
    await page.getByTestId('grades-find').click();
    await page.waitForURL(/[?&]q=/);
    const row = page.locator(`[data-testid="grade-row"][data-division-id="${entity.divisionId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('grade').innerText()).toBe(`درجه ${fa(FINAL_GRADE)}`);
    const listed = await staffGet<{ items: PublicGrade[] }>('municipality', `/api/v1/grading/public?subject=municipality&q=${encodeURIComponent(entity.name)}`);
    const mine = listed.items.find((i) => i.divisionId === entity.divisionId)!;
    expect(mine.grade).toBe(FINAL_GRADE);
    expect(await row.innerText()).toContain(toPersianDigits(mine.orderNumber!));
    expect(await row.innerText()).toContain(toPersianDigits(mine.effectiveDate!));
    await expectPersianOnly(page);
    await shots(page, 'grading-12-public-search');

    // Filter by the grade: the municipality is among them; by another grade it is not (no demo municipality holds 12).
    await page.getByLabel('درجه', { exact: true }).selectOption(String(FINAL_GRADE));
    await expect.poll(() => page.url()).toContain(`grade=${FINAL_GRADE}`);
    await row.waitFor();
    await page.getByLabel('درجه', { exact: true }).selectOption(String(FINAL_GRADE + 1));
    await page.getByTestId('grades-empty').waitFor();
    expect(await page.getByTestId('grades-count').innerText()).toBe('۰ شهرداری یافت شد.');
    expect(await row.count()).toBe(0);
    // Without the name, by province: the whole list of Mazandaran, Sari first (the highest grade).
    await page.goto(`${server.baseUrl}/grades`, { waitUntil: 'networkidle' });
    await page.getByTestId('grades-province').selectOption({ label: mine.province });
    await expect.poll(async () => (await page.getByTestId('grade-row').allInnerTexts()).every((t) => t.includes(mine.province))).toBe(true);
    expect(await page.getByTestId('grade-name').first().innerText()).toBe(entity.name);
    expect(await page.getByTestId('grade-row').count()).toBeGreaterThan(1);
  }, 60_000);

  it('the dashboard counts the issued request, and no script error happened anywhere', async () => {
    const page = await staffPage('grading.committee', '/app/grading/dashboard');
    await page.getByTestId('dashboard').waitFor();
    const issued = Number(toAsciiDigits(await page.getByTestId('state-issued').getByTestId('count').innerText()));
    expect(issuedBefore).toBeGreaterThanOrEqual(0);
    expect(issued).toBe(issuedBefore + 1);
    await page.getByTestId('province-table').waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await persianOnly(page);
    await shots(page, 'grading-13-dashboard');
    // The province table as a file, built in the browser: the same rows, Persian headings, a BOM for Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-provinces').click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('استان,در جریان,تصویب‌شده,ردشده,دیرکرد');
    const rowCount = await page.getByTestId('province-row').count();
    expect(lines).toHaveLength(rowCount + 2);
    expect(lines.some((l) => l.startsWith('مازندران,'))).toBe(true);
    // Each state links to the list of its requests.
    await page.getByTestId('state-issued').click();
    await page.waitForURL(/\/app\/grading\/requests\?/);
    expect(new URL(page.url()).searchParams.get('state')).toBe('issued');
    await page.getByTestId('requests-table').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
