import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliDate } from '../src/core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../src/core/fa/normalize.js';
import type { ApplicantView, CallView, RunView, StationManage } from '../src/modules/amriyeh/api-types.js';
import { expectLight, expectPersianOnly, launchBrowser, pageErrors, recordScripts, screenshotAll, selectByLabel, shots, signInWithCode, staffApi, staffPage, startServer, TINY_PNG, viewports, type RunningServer } from './support.js';

// The rural firefighter amriyeh end to end. The Deputy for Dehyari Affairs opens a call and publishes its lottery
// key, a dehyari declares its fire station and the district confirms its seats (staff JSON API: those screens are
// not what this test is about). An applicant on a phone reads the call, signs in with a one-time code, fills the
// form with a priority claim and its document, checks his eligibility and score, and files. The district reviewer
// verifies the claim and approves, the province reviewer confirms (staff screens). The call closes, the province
// runs the selection and issues the letters (staff JSON API). The applicant sees his station, why he was selected
// and his printable letter; anyone finds him on the published list and verifies the letter by its number.

const MOBILE = '09125556677';
const MOBILE_FA = '۰۹۱۲۵۵۵۶۶۷۷';
const NATIONAL_CODE = '0499370899';
const FIRST = 'علی';
const LAST = 'رضایی‌نژاد';
const FATHER = 'حسن';
const STATION = 'ایستگاه آتش‌نشانی بالا بندارخیل (آزمون)';
const CALL_TITLE = 'فراخوان آزمایشی امریه آتش‌نشانان روستایی';
const FILE_NAME = 'gavahi-emdad.png';
const DAY = 86_400_000;

const jalali = (d: Date) => toAsciiDigits(formatJalaliDate(d));

/** Sign in to the staff screens in a fresh desktop context and open `path`. */
describe('amriyeh: an applicant files on a phone, staff review and select, the letter verifies', () => {
  let server: RunningServer;
  let browser: Browser;
  let applicant: BrowserContext;
  let callId = 0;
  let provinceId = 0;
  let appId = '';
  let trackingCode = '';
  let runId = 0;
  let letterNumber = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    applicant = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  });

  afterAll(async () => {
    await applicant?.close();
    await browser?.close();
    await server?.stop();
  });

  it('staff open a call with a confirmed fire station in Mazandaran (JSON API)', async () => {
    const expert = await staffApi(server.baseUrl, 'expert.rural');
    const provinces = await expert<{ items: { id: number; name: string; level: string }[] }>('GET', '/api/v1/divisions');
    provinceId = provinces.items.find((p) => p.name === 'مازندران')!.id;
    // The published rules and criteria of the demo call, on a call of our own (no demo applicants in its review).
    const demo = await expert<{ items: { id: number }[] }>('GET', '/api/v1/amriyeh/calls');
    const model = await expert<CallView>('GET', `/api/v1/amriyeh/calls/${demo.items[0]!.id}`);
    const now = Date.now();
    const call = await expert<CallView>('POST', '/api/v1/amriyeh/calls', {
      title: CALL_TITLE,
      description: 'فراخوان آزمون سرتاسری: یک ایستگاه، یک متقاضی.',
      startsOn: jalali(new Date(now - DAY)),
      endsOn: jalali(new Date(now + 20 * DAY)),
      referenceDate: jalali(new Date(now + 20 * DAY)),
      nationalQuota: 10,
      provinceQuotas: [{ provinceId, quota: 3 }],
      rules: model.rules,
      criteria: model.criteria,
    });
    callId = call.id;
    await expert('POST', `/api/v1/amriyeh/calls/${callId}/state`, { state: 'open' });
    const seeded = await expert<CallView>('POST', `/api/v1/amriyeh/calls/${callId}/seed`, { sources: [[1405], [2, 9, 17, 28, 33, 41]] });
    expect(seeded.lotterySeed).toBeTruthy();

    const dehyari = await staffApi(server.baseUrl, 'dehyari');
    const station = await dehyari<StationManage>('POST', `/api/v1/amriyeh/calls/${callId}/stations`, { name: STATION, seats: 2 });
    const district = await staffApi(server.baseUrl, 'district.reviewer');
    const confirmed = await district<StationManage>('POST', `/api/v1/amriyeh/stations/${station.id}/confirm`, { seats: 2 });
    expect(confirmed.seats).toBe(2);
  });

  it('anyone reads the calls and the call on a phone: light, Persian', async () => {
    const visitor = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const page = await visitor.newPage();
    const errors = pageErrors(page);
    const rec = recordScripts(page);
    await page.goto(`${server.baseUrl}/amriyeh`, { waitUntil: 'networkidle' });
    await page.getByTestId('open-calls').waitFor();
    await expectLight(rec, '/amriyeh');
    await expectPersianOnly(page);
    await shots(page, 'amriyeh-calls');

    // The call: rules, criteria with weights, the province quota, the lottery key, the apply button.
    await page.getByRole('link', { name: CALL_TITLE }).click();
    await page.getByTestId('rules').waitFor();
    expect(await page.getByTestId('criteria').innerText()).toContain('حداکثر ۳۰ امتیاز');
    expect(await page.getByTestId('quotas').innerText()).toContain('مازندران');
    const seed = (await page.getByTestId('seed').innerText()).trim();
    expect(seed).toBe('1405./2.9.17.28.33.41./');
    await expectPersianOnly(page, [seed]);
    await shots(page, 'amriyeh-call');
    expect(await page.getByTestId('apply').getAttribute('href')).toBe(`/amriyeh/apply/${callId}`);
    await expectLight(rec, '/amriyeh + a call');
    expect(errors).toEqual([]);
    await visitor.close();
  });

  it('the applicant signs in, checks his eligibility and files on a phone', async () => {
    const page = await applicant.newPage();
    const errors = pageErrors(page);

    // Step 1 is the one-time code: a first load, light.
    const rec = recordScripts(page);
    await page.goto(`${server.baseUrl}/amriyeh/apply/${callId}`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'شماره همراه' }).waitFor();
    await expectLight(rec, '/amriyeh/apply (step 1)');
    expect(await page.getByTestId('call-title').innerText()).toContain(CALL_TITLE);
    await expectPersianOnly(page);
    await shots(page, 'amriyeh-apply-otp');
    await signInWithCode(page, server, MOBILE_FA, MOBILE);

    // Checking an empty form shows Persian errors next to the fields.
    const check = page.getByTestId('check');
    await check.waitFor();
    await check.click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.locator('[data-field="nationalCode"] .cx-error').innerText()).toBe('این بخش را پر کنید.');
    expect(await page.locator('#stationIds-error').innerText()).toBe('دست‌کم یک ایستگاه را انتخاب کنید.');

    // Stations: the province, then the station (ranked first).
    await selectByLabel(page, '#st-province', 'مازندران');
    await page.getByRole('button', { name: `افزودن ${STATION} به فهرست` }).click();
    expect(await page.getByTestId('chosen-stations').innerText()).toContain(STATION);

    // Person, education, places (residence and birth in the station's village), a priority claim with its document.
    await page.locator('#nationalCode').fill(toPersianDigits(NATIONAL_CODE));
    await page.locator('#birthDate').fill('۱۳۸۳/۰۴/۱۲');
    await page.locator('#firstName').fill(FIRST);
    await page.locator('#lastName').fill(LAST);
    await page.locator('#fatherName').fill(FATHER);
    await page.locator('#conscriptionStatus').selectOption('eligible');
    await page.getByRole('radio', { name: 'متأهل' }).check();
    await page.locator('#educationLevel').selectOption('associate');
    await page.locator('#fieldOfStudy').fill('امداد و نجات');
    await page.locator('#gpa').fill('۱۷٫۵');
    for (const prefix of ['res', 'birth']) {
      await selectByLabel(page, `#${prefix}-province`, 'مازندران');
      await selectByLabel(page, `#${prefix}-county`, 'ساری');
      await selectByLabel(page, `#${prefix}-place`, 'روستای بالا بندارخیل');
    }
    await page.locator('[data-group="relief_supported"] input[type="checkbox"]').check();
    await page.locator('#claim-relief_supported').setInputFiles({ name: FILE_NAME, mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId('claim-relief_supported-files').getByText('بارگذاری شد').waitFor();
    await expectPersianOnly(page, [FILE_NAME]);
    await shots(page, 'amriyeh-apply-form');

    // The check: every rule passes; the expected score, criterion by criterion.
    await check.click();
    await page.getByTestId('review').waitFor();
    await page.getByTestId('eligible').waitFor();
    const table = await page.getByTestId('score-table').innerText();
    expect(table).toContain('۳۰ از ۳۰'); // born where he lives
    expect(table).toContain('تحت پوشش کمیته امداد');
    expect(await page.getByTestId('score-total').innerText()).toMatch(/^[۰-۹٫]+ از ۱۰۰$/);
    await expectPersianOnly(page);
    await shots(page, 'amriyeh-apply-check');

    // Every page's first load keeps the public 100 KB budget (step 1 above). The form (stations, places, claims
    // with uploads, the check) is fetched after sign-in; with it the whole filing is held to 108 KB.
    await expectLight(rec, "/amriyeh/apply (whole filing: step 1, the form and the claim's documents chunk)", 108);

    // Submitting needs the declaration; then the application's own page.
    await page.getByTestId('submit').click();
    await page.locator('#confirm-error').waitFor();
    await page.getByRole('checkbox', { name: /درستی اطلاعاتی را که وارد کرده‌ام/ }).check();
    await page.getByTestId('submit').click();
    await page.waitForURL(/\/amriyeh\/my\/[^/]+$/);
    await page.getByTestId('notice').waitFor();
    appId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await page.getByTestId('state').innerText()).toBe('ثبت شده، در انتظار بررسی بخشداری');
    trackingCode = toAsciiDigits(await page.getByTestId('tracking-code').innerText()).replace(/\D/g, '');
    expect(trackingCode).toMatch(/^\d{13}$/);
    expect(await page.getByTestId('preferences').innerText()).toContain(STATION);
    await expectPersianOnly(page, [FILE_NAME]);
    await shots(page, 'amriyeh-my-submitted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the district reviewer verifies the claim and approves (staff screens)', async () => {
    const { context, page } = await staffPage(browser, server, 'district.reviewer', `/app/amriyeh/applications/${appId}`);
    const errors = pageErrors(page);
    await page.getByTestId('applicant-name').waitFor();
    expect(await page.getByTestId('applicant-name').innerText()).toContain(LAST);
    await page.getByTestId('verdict-relief_supported').getByText('مدرک معتبر است').click();
    await page.locator('button[data-action="district_approve"]').click();
    const form = page.getByTestId('action-form-district_approve');
    await form.waitFor();
    await form.getByTestId('confirm-action').click();
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toContain('تأیید بخشداری، در انتظار بررسی استانداری');
    await screenshotAll(page, 'amriyeh-staff-district');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the province reviewer confirms (staff screens)', async () => {
    const { context, page } = await staffPage(browser, server, 'province.reviewer', `/app/amriyeh/applications/${appId}`);
    await page.getByTestId('applicant-name').waitFor();
    await page.locator('button[data-action="province_confirm"]').click();
    const form = page.getByTestId('action-form-province_confirm');
    await form.waitFor();
    await form.getByTestId('confirm-action').click();
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toContain('واجد شرایط گزینش');
    await context.close();
  });

  it('the call closes, the province runs the selection and issues the letters (JSON API)', async () => {
    const expert = await staffApi(server.baseUrl, 'expert.rural');
    await expert('POST', `/api/v1/amriyeh/calls/${callId}/state`, { state: 'closed' });
    const province = await staffApi(server.baseUrl, 'province.reviewer');
    const run = await province<RunView>('POST', `/api/v1/amriyeh/calls/${callId}/runs`, { provinceId });
    runId = run.id;
    expect(run.rows.find((r) => r.ref === trackingCode)?.result).toBe('selected');
    const issued = await province<{ issued: number }>('POST', `/api/v1/amriyeh/calls/${callId}/letters`, { provinceId });
    expect(issued.issued).toBe(1);
  });

  it('the applicant sees his station, why he was selected, and prints his letter', async () => {
    const page = await applicant.newPage();
    const errors = pageErrors(page);
    await page.goto(`${server.baseUrl}/amriyeh/my/${encodeURIComponent(appId)}`, { waitUntil: 'networkidle' });
    await page.getByTestId('result').waitFor();
    expect(await page.getByTestId('state').innerText()).toBe('امریه صادر شد');
    expect(await page.getByTestId('assigned-station').innerText()).toContain(STATION);
    expect((await page.getByTestId('explanation').innerText()).length).toBeGreaterThan(20);
    // The claim was verified: its points count now.
    expect(await page.getByTestId('claims').innerText()).toContain('تأیید شد');
    expect(await page.getByTestId('claims').innerText()).toContain(FILE_NAME);
    await expectPersianOnly(page, [FILE_NAME]);
    await shots(page, 'amriyeh-my-issued');

    const view = (await (await page.request.get(`${server.baseUrl}/api/v1/amriyeh/applications/mine/${encodeURIComponent(appId)}`)).json()) as ApplicantView;
    letterNumber = view.letterNumber!;
    expect(letterNumber).toMatch(/^\d+$/);

    await page.getByTestId('letter-link').click();
    await page.getByTestId('letter').waitFor();
    const letter = await page.getByTestId('letter').innerText();
    expect(letter).toContain('سازمان شهرداری‌ها و دهیاری‌های کشور');
    expect(letter).toContain(`${FIRST} ${LAST}`);
    expect(letter).toContain(toPersianDigits(NATIONAL_CODE));
    expect(letter).toContain(STATION);
    expect(await page.getByTestId('letter-number').innerText()).toBe(toPersianDigits(letterNumber));
    expect(await page.getByTestId('letter-date').innerText()).toMatch(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    expect(await page.getByTestId('letter-qr').locator('svg').count()).toBe(1);
    const verifyUrl = (await page.getByTestId('verify-url').innerText()).trim();
    expect(verifyUrl).toBe(`${server.baseUrl}/verify/amriyeh/${letterNumber}`);
    await page.getByTestId('print').waitFor();
    await expectPersianOnly(page, [verifyUrl]);
    await shots(page, 'amriyeh-letter');

    // Printed: no site header, footer or buttons; one A4 page.
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.shell-header', '.shell-footer', '[data-testid="print"]']) {
      expect(await page.locator(sel).isVisible(), `${sel} is not printed`).toBe(false);
    }
    expect(await page.getByTestId('letter-qr').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 'the letter fits one A4 page').toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('anyone finds him on the published list and verifies the letter by its number', async () => {
    const visitor = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const page = await visitor.newPage();
    const errors = pageErrors(page);

    const rec = recordScripts(page);
    await page.goto(`${server.baseUrl}/amriyeh/runs/${runId}`, { waitUntil: 'networkidle' });
    await page.getByTestId('run-rows').waitFor();
    await expectLight(rec, '/amriyeh/runs/:id');
    const seed = (await page.getByTestId('run-seed').innerText()).trim();
    const hash = (await page.getByTestId('input-hash').innerText()).trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const help = await page.getByTestId('recompute-help').textContent();
    expect(help).toContain(hash);
    const input = await page.request.get(`${server.baseUrl}${await page.getByTestId('input-json').getAttribute('href')}`);
    expect(input.ok()).toBe(true);
    // Search by the tracking code typed in Persian digits.
    await page.getByRole('searchbox', { name: 'جست‌وجو در فهرست' }).fill(toPersianDigits(trackingCode));
    await page.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
    await expect.poll(async () => page.getByTestId('row-count').innerText()).toBe('۱ مورد');
    const row = await page.getByTestId('run-rows').innerText();
    expect(row).toContain('پذیرفته شده');
    expect(row).toContain(STATION);
    expect(row).toContain('۰۴*****۸۹۹');
    await expectPersianOnly(page, [seed, hash, help ?? '']);
    await shots(page, 'amriyeh-run');

    // Verification (a first load): typed in Persian digits on the form, answered valid, the holder's name masked.
    const fresh = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const vpage = await fresh.newPage();
    pageErrors(vpage, errors);
    const vrec = recordScripts(vpage);
    await vpage.goto(`${server.baseUrl}/verify/amriyeh`, { waitUntil: 'networkidle' });
    await vpage.getByRole('textbox', { name: 'شماره امریه' }).waitFor();
    await expectLight(vrec, '/verify/amriyeh');
    await fresh.close();
    await page.goto(`${server.baseUrl}/verify/amriyeh`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'شماره امریه' }).waitFor();
    await expectPersianOnly(page);
    await page.getByRole('textbox', { name: 'شماره امریه' }).fill(toPersianDigits(letterNumber));
    await page.getByRole('button', { name: 'استعلام', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/verify/amriyeh/${letterNumber}`);
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-status').innerText()).toContain('این امریه معتبر است.');
    const holder = await page.getByTestId('verify-holder').innerText();
    expect(holder).toContain('*');
    expect(holder).not.toContain(LAST);
    expect(await page.getByTestId('verify-result').innerText()).toContain(STATION);
    await expectPersianOnly(page);
    await shots(page, 'amriyeh-verify-valid');

    // An unknown number: a clear Persian answer and the form again.
    await page.goto(`${server.baseUrl}/verify/amriyeh/1234567890123`, { waitUntil: 'networkidle' });
    await page.getByTestId('verify-error').waitFor();
    expect(await page.getByTestId('verify-error').innerText()).toContain('یافت نشد');
    expect(errors).toEqual([]);
    await visitor.close();
  });
});
