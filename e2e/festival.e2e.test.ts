import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '../src/core/fa/normalize.js';
import type { JudgeQueue, OwnerEntry, RoundJudgesView, RoundResults, RoundView, StaffEntryView } from '../src/modules/festival/api-types.js';
import type { ScoreInput } from '../src/modules/festival/contract.js';
import { DEFAULT_RUBRIC } from '../src/modules/festival/enums.js';
import { demoPhoto } from '../src/modules/festival/server/demo-photos.js';
import { expectLight, expectPersianOnly, launchBrowser, pageErrors, recordScripts, shots, signInWithCode, staffApi, staffPage as openStaffPage, startServer, viewports, type RunningServer } from './support.js';

// The festival from submission to the public showcase, in the browser with the demo data. A saffron grower of Shashak
// (Sari's highlands) signs in on a phone with his mobile and a one-time code and files his plan on the open round
// (photo, the council's approval, the meter at «ready»). Mazandaran's screener and the national secretariat accept
// it. The server then restarts on the same data a month later (CLOCK_OFFSET_DAYS=30): the deadline has passed. The
// secretariat finishes the demo round's screening and starts judging; a judge of its panel scores it in the browser,
// the other judges score their entries over the API; the secretariat announces with the saffron plan among the
// winners. The public showcase finds it by a search typed with Arabic ك, and its page shows its award and ranks.

const MOBILE = '09127778899';
const MOBILE_FA = '۰۹۱۲۷۷۷۸۸۹۹';
const TITLE = 'کشت زعفران در مزارع کوهستانی ششک';
const SEARCH = 'كشت زعفران ششك'; // Arabic kaf, as a phone keyboard may type it
const PHOTO = 'mazraeh-zafaran.png';
const APPROVAL = 'taeedieh-shora.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let dataDir = '';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
let entryId = '';
let roundId = 0;

const fa = (s: string | number) => toPersianDigits(s);
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** A signed-in staff page in a fresh desktop context (script errors collected), at `path`. */
async function staffPage(username: string, to: string): Promise<Page> {
  const { context, page } = await openStaffPage(browser, server, username, to, errors);
  contexts.push(context);
  consoleErrors(page);
  return page;
}

/** A page in a fresh context of that size (nothing cached: its scripts are measured), errors collected. */
async function publicPage(size: keyof typeof viewports): Promise<{ page: Page; rec: ReturnType<typeof recordScripts> }> {
  const context = await browser.newContext({ viewport: viewports[size], locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  contexts.push(context);
  const page = await context.newPage();
  pageErrors(page, errors);
  consoleErrors(page);
  return { page, rec: recordScripts(page) };
}

/** Console errors of a page join the script errors (a failed request the page handled is not one). */
function consoleErrors(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
}

/** Chooses the option of a select whose text contains `text` (options load after the page). */
async function selectContaining(page: Page, id: string, text: string): Promise<void> {
  const option = byId(page, id).locator('option', { hasText: text }).first();
  await option.waitFor({ state: 'attached', timeout: 10_000 });
  await byId(page, id).selectOption(await option.getAttribute('value'));
}

/** A judge's scores for an entry: every criterion of the default rubric, `score` each, with a comment. */
function scoresOf(score: number): ScoreInput['criteria'] {
  return Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, { score, comment: 'مستندات طرح بررسی شد و امتیاز بر پایه آن داده شد.' }]));
}

describe('festival: an entrepreneur files → screening → restart past the deadline → judging → announcement → showcase', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'shahrdeh-e2e-festival-'));
    server = await startServer({}, { dataDir, healthTimeoutMs: 120_000 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('an entrepreneur signs in with a one-time code and files his plan on the open round (phone)', async () => {
    const { page, rec } = await publicPage('phone');
    await page.goto(`${server.baseUrl}/festival/my/new`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'شماره همراه' }).waitFor();
    await expectLight(rec, '/festival/my/new (sign-in step)');
    await signInWithCode(page, server, MOBILE_FA, MOBILE);
    await page.getByTestId('plan-form').waitFor();

    await page.locator('input[name="axis"][value="income"]').check();
    await byId(page, 'category').selectOption('agriculture');
    await selectContaining(page, 'vil-province', 'مازندران');
    await selectContaining(page, 'vil-county', 'ساری');
    await selectContaining(page, 'vil-place', 'ششک');
    await byId(page, 'title').fill(TITLE);
    await byId(page, 'summary').fill('بیست خانوار ششک در زمین‌های دیم بالادست، زعفران کاشتند و گل را با هم فرآوری و بسته‌بندی می‌کنند.');
    await byId(page, 'problem').fill('زمین‌های دیم بالادست سال‌ها بی‌حاصل مانده بود و جوانان برای کار به شهر می‌رفتند.');
    await byId(page, 'actions').fill('پیاز زعفران از کشاورزان قائنات خریده و با راهنمایی جهاد کشاورزی کشت شد؛ گل‌ها در کارگاه مشترک خشک و بسته‌بندی می‌شود.');
    await byId(page, 'partners').fill('جهاد کشاورزی شهرستان ساری، دهیاری ششک');
    await byId(page, 'cost').fill('۱۸۰۰۰۰۰۰۰۰');
    await page.getByTestId('funding-add').click();
    await byId(page, 'funding.0.source').selectOption('people');
    await byId(page, 'funding.0.amount').fill('۱۸۰۰۰۰۰۰۰۰');
    await byId(page, 'jobs').fill('۷');
    await byId(page, 'beneficiaries').fill('۲۰');
    await byId(page, 'incomePerYear').fill('۲۶۰۰۰۰۰۰۰۰');
    await byId(page, 'lessons').fill('پیاز سالم و زهکشی خوب زمین، نیمی از موفقیت کشت زعفران در کوهستان است.');
    await byId(page, 'contactName').fill('کریم زعفرانی');
    await byId(page, 'contactPhone').fill('۰۹۱۱۰۰۰۴۴۵۵');
    await byId(page, 'photos').setInputFiles({ name: PHOTO, mimeType: 'image/png', buffer: demoPhoto('field', 42) });
    await byId(page, 'documents.council_approval').setInputFiles({ name: APPROVAL, mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(async () => page.getByTestId('completeness').getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await expectPersianOnly(page, [PHOTO, APPROVAL]);
    await shots(page, 'festival-entrepreneur-form');

    await page.getByTestId('submit').click();
    await page.getByTestId('tracking-code').waitFor({ timeout: 15_000 });
    await page.waitForURL(/\/festival\/my\/[0-9a-f-]{36}$/);
    entryId = page.url().split('/').pop()!;
    const mine = (await (await page.request.get(`${server.baseUrl}/api/v1/festival/mine/entries/${entryId}`)).json()) as OwnerEntry;
    expect(mine.state).toBe('province_screening');
    roundId = mine.roundId;
    await shots(page, 'festival-entrepreneur-submitted');
  });

  it('the province screener and the national secretariat accept it', async () => {
    for (const [username, action, state] of [['province.reviewer', 'province_accept', 'بررسی دبیرخانه کشوری'], ['expert.rural', 'national_accept', 'پذیرفته برای داوری']] as const) {
      const page = await staffPage(username, `/app/festival/entries/${entryId}`);
      await page.getByTestId('entry-title').waitFor();
      expect(await page.getByTestId('entry-title').innerText()).toContain(TITLE);
      await page.getByTestId(`action-${action}`).click();
      const form = page.getByTestId(`action-form-${action}`);
      await form.getByTestId('confirm-action').click();
      await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toContain(state);
      await shots(page, `festival-${action}`);
    }
  });

  it('a month later (the server restarted past the deadline) the secretariat starts judging', async () => {
    await server.stop();
    server = await startServer({ CLOCK_OFFSET_DAYS: '30' }, { dataDir, healthTimeoutMs: 120_000 });
    const secretariat = await staffApi(server.baseUrl, 'expert.rural');
    // The demo round's other entries still in screening: the secretariat finishes them (after the deadline, no returns).
    const list = await secretariat<{ items: { id: string; state: string }[] }>('GET', `/api/v1/festival/entries?roundId=${roundId}&pageSize=100`);
    for (const e of list.items.filter((x) => x.state === 'province_screening' || x.state === 'national_screening')) {
      for (;;) {
        const v = await secretariat<StaffEntryView>('GET', `/api/v1/festival/entries/${e.id}`);
        const accept = v.actions.find((a) => a.key.endsWith('_accept'));
        if (!accept || v.caseVersion === null) break;
        await secretariat('POST', `/api/v1/festival/entries/${e.id}/screen`, { action: accept.key, comment: '', expectedVersion: v.caseVersion });
      }
    }
    const page = await staffPage('expert.rural', `/app/festival/rounds/${roundId}`);
    await page.getByTestId('start-judging').click();
    await page.getByTestId('start-judging-confirm').getByTestId('start-judging-yes').click();
    await expect.poll(async () => (await secretariat<RoundView>('GET', `/api/v1/festival/rounds/${roundId}`)).state, { timeout: 15_000 }).toBe('judging');
    await page.reload({ waitUntil: 'networkidle' });
    await shots(page, 'festival-round-judging');
  });

  it('a judge of its panel scores it in the browser; the others score their entries', async () => {
    const secretariat = await staffApi(server.baseUrl, 'expert.rural');
    const entry = await secretariat<StaffEntryView>('GET', `/api/v1/festival/entries/${entryId}`);
    expect(entry.state).toBe('judging');
    expect(entry.panel).toHaveLength(3);
    const judges = await secretariat<RoundJudgesView>('GET', `/api/v1/festival/rounds/${roundId}/judges`);
    const usernameOf = new Map(judges.judges.map((j) => [j.userId, j.username]));
    // No judge from the plan's county (Sari: judge2).
    expect(entry.panel.map((p) => usernameOf.get(p.judgeId))).not.toContain('judge2');
    const inBrowser = entry.panel.map((p) => usernameOf.get(p.judgeId)!).sort()[0]!;

    const page = await staffPage(inBrowser, `/app/festival/judging/${entryId}`);
    await page.getByTestId('score-sheet').waitFor();
    for (const c of DEFAULT_RUBRIC) {
      const row = page.getByTestId(`criterion-${c.key}`);
      await row.getByTestId('score').selectOption('9.5');
      await row.getByTestId('comment').fill('اشتغال در زمین‌های رهاشده و فرآوری در روستا؛ الگوی خوبی برای روستاهای کوهستانی است.');
    }
    await page.getByTestId('score-save').click();
    await page.getByTestId('notice').waitFor({ timeout: 15_000 });
    await shots(page, 'festival-judge-scored');

    for (const [j, judge] of judges.judges.entries()) {
      const call = await staffApi(server.baseUrl, judge.username);
      const queue = await call<JudgeQueue>('GET', '/api/v1/festival/judging');
      for (const [i, item] of queue.items.filter((x) => x.roundId === roundId && !x.scored).entries()) {
        await call('PUT', `/api/v1/festival/judging/${item.entryId}/score`, { criteria: scoresOf(item.entryId === entryId ? 9 : 4 + ((i + j) % 5)), version: 0 });
      }
    }
    const results = await secretariat<RoundResults>('GET', `/api/v1/festival/rounds/${roundId}/results`);
    expect(results.missing).toEqual([]);
  });

  it('the secretariat announces the round with the plan among the winners', async () => {
    const page = await staffPage('expert.rural', `/app/festival/rounds/${roundId}/results`);
    const row = page.getByTestId('result-row').filter({ hasText: TITLE });
    await row.waitFor();
    const pick = row.getByTestId('pick');
    if (!(await pick.isChecked())) await pick.check();
    await shots(page, 'festival-results');
    await page.getByTestId('announce').click();
    await page.getByTestId('announce-confirm').getByTestId('announce-yes').click();
    await expect.poll(async () => page.getByTestId('results-status').innerText(), { timeout: 15_000 }).toContain('اعلام');
    const secretariat = await staffApi(server.baseUrl, 'expert.rural');
    const entry = await secretariat<StaffEntryView>('GET', `/api/v1/festival/entries/${entryId}`);
    expect(entry.state).toBe('selected');
    expect(entry.award).toBeTruthy();
  });

  it('the public showcase finds it by a search in another spelling, and its page shows its results', async () => {
    const { page, rec } = await publicPage('desktop');
    await page.goto(`${server.baseUrl}/showcase`, { waitUntil: 'networkidle' });
    await page.getByTestId('showcase-card').first().waitFor();
    await page.getByTestId('sc-q').fill(SEARCH);
    await page.getByTestId('sc-find').click();
    const card = page.getByTestId('showcase-card').filter({ hasText: TITLE });
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(async () => page.getByTestId('showcase-card').count()).toBe(1);
    await expectLight(rec, '/showcase (search)');
    await expectPersianOnly(page, [SEARCH]);
    await shots(page, 'festival-showcase-search');

    await card.locator(`a[href="/showcase/${entryId}"]`).first().click();
    await page.waitForURL(`${server.baseUrl}/showcase/${entryId}`);
    const plan = page.getByTestId('showcase-plan');
    await plan.waitFor();
    const text = await plan.innerText();
    expect(text).toContain(TITLE);
    expect(await page.getByTestId('award').innerText()).toBeTruthy();
    expect(text).toMatch(/رتبه [۰-۹]+ کشوری/);
    expect(text).toContain(fa('۷'));
    await expectPersianOnly(page, [PHOTO]);
    await shots(page, 'festival-showcase-plan');

    // A visitor landing on the plan's page (a shared link) downloads a light page too.
    const { page: landing, rec: direct } = await publicPage('phone');
    await landing.goto(`${server.baseUrl}/showcase/${entryId}`, { waitUntil: 'networkidle' });
    await landing.getByTestId('showcase-plan').waitFor();
    await expectLight(direct, `/showcase/${entryId} (direct)`);
    expect(errors).toEqual([]);
  });
});
