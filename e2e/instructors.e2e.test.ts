import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJalaliDate } from '../src/core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../src/core/fa/normalize.js';
import { nationalCodeFrom } from '../src/core/fa/validators.js';
import type { MyInstructor } from '../src/modules/instructors/api-types.js';
import { expectLight, expectPersianOnly, launchBrowser, pageErrors, recordScripts, screenshotAll, selectByLabel, shots, signInWithCode, staffPage as openStaffPage, startServer, TINY_PNG, viewports, type RunningServer } from './support.js';

// The instructor bank end to end, in the browser with the demo accounts. A waste-management engineer of Mazandaran
// registers on a phone with his mobile and a one-time code, fills his profile (identity, a field of expertise, his
// degree with its scanned certificate, a teaching and a work record, availability), watches the completeness meter
// reach «ready», saves and submits. The training expert opens the application, marks the evidence verified, corrects
// the teaching hours with a reason and forwards it; the committee qualifies him. His page shows the training ID, his
// certificate the QR code, and the public verification answers «valid» — and catches a typo. Mazandaran's training
// unit plans a course in his field for today, assigns him from the candidates, marks it held and reads a trainee
// code; a trainee rates him on a phone through the course's link, and the same code is refused the second time. The
// unit evaluates him; the reports show the coverage, and the bank lists the demo instructors.

const MOBILE = '09127773344';
const MOBILE_FA = '۰۹۱۲۷۷۷۳۳۴۴';
const NATIONAL_CODE = nationalCodeFrom(312_457_809);
const FIRST = 'بهروز';
const LAST = 'صفایی‌نیا';
const FIELD = 'مدیریت پسماند';
const FIELD_KEY = 'waste_management';
const DEGREE_FILE = 'madrak-arshad.png';
const ADJUST_REASON = 'گواهی دوره دوم ۹۶ ساعت تدریس را تأیید می‌کند؛ ۲۴ ساعت کارگاه تکمیلی گواهی ندارد.';
const COURSE = 'جداسازی پسماند از مبدأ در روستاهای مازندران';
const DAY = 86_400_000;

let server: RunningServer;
let browser: Browser;
let instructor: BrowserContext;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
let appId = '';
let trainingId = '';
let courseId = 0;
let ratingUrl = '';
let traineeCode = '';

const fa = (s: string | number) => toPersianDigits(s);
const jalaliFa = (d: Date) => fa(formatJalaliDate(d));

/** A signed-in staff page in a fresh desktop context (script errors collected), at `path`. */
async function staffPage(username: string, path: string): Promise<Page> {
  const { context, page } = await openStaffPage(browser, server, username, path, errors);
  contexts.push(context);
  return page;
}

/**
 * Reloads a staff page before its screenshots: an autosizing textarea of an earlier screen leaves its hidden
 * measuring copy behind at the desktop width, which would widen the phone picture (no phone ever had that width).
 */
async function reloaded(page: Page, testId: string): Promise<void> {
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId(testId).first().waitFor();
}

/** An input of the profile form by its id (ids hold dots: `education.0.field`). */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

describe('instructors: registration → review → qualification → training ID → course → ratings → reports', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    instructor = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    contexts.push(instructor);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('a new instructor registers with his mobile and a one-time code, fills his profile and submits it (phone)', async () => {
    const page = await instructor.newPage();
    pageErrors(page, errors);
    const rec = recordScripts(page);
    await page.goto(`${server.baseUrl}/instructors/profile`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'شماره همراه' }).waitFor();
    await expectLight(rec, '/instructors/profile (sign-in step)');
    await expectPersianOnly(page);
    await shots(page, 'instructors-profile-otp');
    await signInWithCode(page, server, MOBILE_FA, MOBILE);
    await page.getByTestId('profile-form').waitFor();

    // Identity and contact.
    await byId(page, 'nationalCode').fill(fa(NATIONAL_CODE));
    await byId(page, 'birthDate').fill('۱۳۵۹/۰۶/۲۱');
    await byId(page, 'firstName').fill(FIRST);
    await byId(page, 'lastName').fill(LAST);
    await selectByLabel(page, '[id="provinceId"]', 'مازندران');
    // A field of expertise from the taxonomy.
    await selectByLabel(page, '[id="expertise-pick"]', FIELD);
    await page.getByTestId('expertise-add').click();
    expect(await page.getByTestId('expertise-list').innerText()).toContain(FIELD);
    expect(await page.getByTestId('completeness').getAttribute('data-ready')).toBe('false');

    // His degree with its scanned certificate.
    await page.getByTestId('education-add').click();
    await byId(page, 'education.0.degree').selectOption('master');
    await byId(page, 'education.0.field').fill('مهندسی محیط زیست');
    await byId(page, 'education.0.university').fill('دانشگاه صنعتی نوشیروانی بابل');
    await byId(page, 'education.0.year').fill('۱۳۸۸');
    await byId(page, 'education.0.documents').setInputFiles({ name: DEGREE_FILE, mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId('education.0.documents-files').getByText('بارگذاری شد').waitFor();
    // A course he taught, and his job.
    await page.getByTestId('teaching-add').click();
    await byId(page, 'teaching.0.course').fill('مدیریت پسماند روستایی');
    await byId(page, 'teaching.0.organization').fill('استانداری مازندران');
    await selectByLabel(page, '[id="teaching.0.field"]', FIELD);
    await byId(page, 'teaching.0.hours').fill('۱۲۰');
    await byId(page, 'teaching.0.year').fill('۱۴۰۲');
    await page.getByTestId('experience-add').click();
    await byId(page, 'experience.0.organization').fill('سازمان مدیریت پسماند شهرداری ساری');
    await byId(page, 'experience.0.title').fill('کارشناس ارشد محیط زیست');
    await byId(page, 'experience.0.fromYear').fill('۱۳۸۸');
    // Availability: in person (his province) and online.
    await page.getByRole('checkbox', { name: /برخط/ }).check();

    // The meter reaches «ready».
    await expect.poll(async () => page.getByTestId('completeness').getAttribute('data-ready')).toBe('true');
    await expectPersianOnly(page, [DEGREE_FILE]);
    await shots(page, 'instructors-profile-filled');

    await page.getByTestId('save').click();
    await expect.poll(async () => page.getByTestId('savebar').innerText()).toContain('ذخیره');
    await page.getByTestId('prescores').waitFor();
    await shots(page, 'instructors-profile-saved');

    await page.getByTestId('submit').click();
    await page.waitForURL(`${server.baseUrl}/instructors/me`);
    await page.getByTestId('open-application').waitFor();
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('open-application').innerText()).toContain('بررسی کارشناسی');
    await expectPersianOnly(page);
    await shots(page, 'instructors-me-submitted');
    const me = (await (await page.request.get(`${server.baseUrl}/api/v1/instructors/me`)).json()) as MyInstructor;
    appId = me.open!.id;
    await page.close();
  });

  it('the training expert verifies the evidence, corrects the teaching hours with a reason and forwards it', async () => {
    const page = await staffPage('expert.training', '/app/instructors/applications');
    await page.getByTestId('search').fill(LAST);
    await page.getByTestId('search').press('Enter');
    const link = page.getByRole('row').filter({ hasText: LAST }).getByTestId('application-link');
    await link.waitFor();
    await expect.poll(async () => page.getByTestId('total').innerText()).toBe('۱ مورد');
    await screenshotAll(page, 'instructors-staff-applications');
    await link.click();
    await page.waitForURL(`${server.baseUrl}/app/instructors/applications/${appId}`);
    await page.getByTestId('applicant-name').waitFor();
    expect(await page.getByTestId('applicant-name').innerText()).toContain(LAST);

    // Evidence: the degree's certificate checked.
    const item = page.getByTestId('evidence-item').first();
    expect(await item.innerText()).toContain(DEGREE_FILE);
    await item.getByRole('checkbox').check();
    // The teaching hours in this field: 120 claimed, 96 with a certificate.
    const card = page.getByTestId(`review-${FIELD_KEY}`);
    const hours = card.locator('li[data-measure="teaching_hours"]');
    await hours.getByTestId('adjust-toggle').click();
    await hours.getByTestId('adjust-value').fill('۹۶');
    await hours.getByTestId('adjust-reason').fill(ADJUST_REASON);
    expect(await hours.getAttribute('data-adjusted')).toBe('true');
    await screenshotAll(page, 'instructors-staff-review');

    await page.getByTestId('action-expert_forward').click();
    const form = page.getByTestId('action-form-expert_forward');
    await form.getByTestId('comment').fill('مدرک تحصیلی با اصل تطبیق داده شد.');
    await form.getByTestId('confirm-action').click();
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toContain('در انتظار تصمیم کمیته');
    expect(await page.locator('main').innerText()).toContain(ADJUST_REASON);
    await screenshotAll(page, 'instructors-staff-forwarded');
  });

  it('the committee qualifies him in his field', async () => {
    const page = await staffPage('training.committee', `/app/instructors/applications/${appId}`);
    await page.getByTestId('applicant-name').waitFor();
    await page.getByTestId('action-qualify').click();
    const form = page.getByTestId('action-form-qualify');
    const box = form.getByTestId(`qualify-${FIELD_KEY}`);
    if (!(await box.isChecked())) await box.check();
    await screenshotAll(page, 'instructors-staff-qualify');
    await form.getByTestId('confirm-action').click();
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toContain('صلاحیت تأیید شد');
    await screenshotAll(page, 'instructors-staff-qualified');
  });

  it('his page shows the training ID, the certificate its QR code, and the public verification answers', async () => {
    const page = await instructor.newPage();
    pageErrors(page, errors);
    await page.goto(`${server.baseUrl}/instructors/me`, { waitUntil: 'networkidle' });
    await page.getByTestId('training-id').waitFor();
    trainingId = toAsciiDigits(await page.getByTestId('training-id').innerText()).trim();
    expect(trainingId).toMatch(/^\d{4}-02-\d{5}-\d$/);
    expect(await page.getByTestId('qualified-fields').innerText()).toContain(FIELD);
    expect(await page.getByTestId('valid-until').innerText()).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    await expectPersianOnly(page, [fa(trainingId)]);
    await shots(page, 'instructors-me-qualified');

    await page.getByTestId('certificate-link').click();
    await page.getByTestId('certificate').waitFor();
    expect(await page.getByTestId('cert-name').innerText()).toContain(LAST);
    expect(await page.getByTestId('cert-qr').locator('svg').count()).toBe(1);
    const verifyUrl = (await page.getByTestId('verify-url').innerText()).trim();
    expect(verifyUrl).toBe(`${server.baseUrl}/verify/training-id/${trainingId}`);
    await expectPersianOnly(page, [verifyUrl, fa(trainingId)]);
    await shots(page, 'instructors-certificate');
    await page.close();

    // Anyone verifies it (a first load, light); a digit typed wrong is caught as a typo.
    const visitor = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    contexts.push(visitor);
    const v = await visitor.newPage();
    pageErrors(v, errors);
    const rec = recordScripts(v);
    await v.goto(`${server.baseUrl}/verify/training-id/${trainingId}`, { waitUntil: 'networkidle' });
    await v.getByTestId('verify-result').waitFor();
    await expectLight(rec, '/verify/training-id/:id');
    expect(await v.getByTestId('verify-status').innerText()).toContain('معتبر است');
    expect(await v.getByTestId('verify-name').innerText()).toContain(LAST);
    expect(await v.getByTestId('verify-fields').innerText()).toContain(FIELD);
    await expectPersianOnly(v, [fa(trainingId)]);
    await shots(v, 'instructors-verify-valid');
    const digits = trainingId.replace(/-/g, '');
    const typo = `${digits.slice(0, 7)}${(Number(digits[7]) + 1) % 10}${digits.slice(8)}`;
    await v.goto(`${server.baseUrl}/verify/training-id/${typo}`, { waitUntil: 'networkidle' });
    await v.getByTestId('verify-error').waitFor();
    expect(await v.getByTestId('verify-error').innerText()).toContain('اشتباه تایپی');
    await expectPersianOnly(v, [fa(typo), typo]);
    await shots(v, 'instructors-verify-typo');
  });

  it('Mazandaran’s training unit plans a course for today, assigns him from the candidates and marks it held', async () => {
    const page = await staffPage('training.unit', '/app/instructors/courses/new');
    await page.getByTestId('course-title').fill(COURSE);
    await page.getByTestId('course-field').selectOption(FIELD_KEY);
    expect(await page.getByTestId('course-province-fixed').innerText()).toContain('مازندران');
    await page.getByTestId('course-place').fill('ساری، مرکز آموزش شهرداری‌های استان');
    const today = new Date();
    await page.getByTestId('course-starts').fill(jalaliFa(today));
    await page.getByTestId('course-ends').fill(jalaliFa(new Date(today.getTime() + DAY)));
    await page.getByTestId('course-hours').fill('۱۶');
    await page.getByTestId('course-trainees').fill('۱۲');
    await screenshotAll(page, 'instructors-staff-course-new');
    await page.getByTestId('course-submit').click();
    await page.waitForURL(/\/app\/instructors\/courses\/\d+$/);
    courseId = Number(new URL(page.url()).pathname.split('/').pop());

    const candidate = page.getByTestId('candidate').filter({ hasText: LAST });
    await candidate.waitFor();
    await reloaded(page, 'candidate');
    await screenshotAll(page, 'instructors-staff-course-candidates');
    await candidate.getByTestId('assign').click();
    await expect.poll(async () => page.getByTestId('assignments').innerText()).toContain(LAST);

    await page.getByTestId('held').click();
    await page.getByTestId('held-yes').click();
    await page.getByTestId('rating-sheet').waitFor();
    const codes = await page.getByTestId('trainee-codes').locator('li').allInnerTexts();
    expect(codes).toHaveLength(12);
    traineeCode = toAsciiDigits(codes[0]!).replace(/[^A-Z0-9]/g, '');
    expect(traineeCode).toMatch(/^[2-9A-Z]{6}$/);
    ratingUrl = (await page.getByTestId('rating-url').innerText()).trim();
    expect(ratingUrl).toMatch(new RegExp(`^${server.baseUrl}/rate/[A-Za-z0-9_-]{32}$`));
    await reloaded(page, 'rating-sheet');
    await screenshotAll(page, 'instructors-staff-course-held');
  });

  it('a trainee rates him with the code on a phone; the same code is refused the second time', async () => {
    const trainee = await browser.newContext({ viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    contexts.push(trainee);
    const page = await trainee.newPage();
    pageErrors(page, errors);
    const rec = recordScripts(page);
    await page.goto(ratingUrl, { waitUntil: 'networkidle' });
    await page.getByTestId('rate-form').waitFor();
    await expectLight(rec, '/rate/:token');
    expect(await page.getByTestId('rate-course').innerText()).toContain(COURSE);
    const rate = async () => {
      await byId(page, 'code').fill(traineeCode.toLowerCase());
      const card = page.getByTestId('rate-instructor').filter({ hasText: LAST });
      for (const [item, stars] of [['رضایت کلی از مدرس', 5], ['تسلط بر موضوع', 5], ['شیوه ارائه و پاسخ به پرسش‌ها', 4], ['کاربردی بودن مطالب برای کار شما', 4]] as const) {
        await card.getByRole('group', { name: item }).getByRole('radio', { name: new RegExp(`^${fa(stars)} از ۵`) }).check({ force: true });
      }
      await card.locator('textarea').fill('مثال‌های عملی از روستاهای استان بسیار مفید بود.');
    };
    await rate();
    await expectPersianOnly(page, [traineeCode, traineeCode.toLowerCase()]);
    await shots(page, 'instructors-rate-form');
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('thanks').waitFor();
    await shots(page, 'instructors-rate-thanks');

    // The same code again, on a fresh page: refused with a Persian message.
    await page.goto(ratingUrl, { waitUntil: 'networkidle' });
    await page.getByTestId('rate-form').waitFor();
    await rate();
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByTestId('form-error').innerText()).toContain('پیش‌تر');
    await shots(page, 'instructors-rate-refused');
  });

  it('the organizer evaluates him; his rating counts', async () => {
    const page = await staffPage('training.unit', `/app/instructors/courses/${courseId}`);
    const assignment = page.getByTestId('assignment').filter({ hasText: LAST });
    await assignment.getByTestId('evaluate').click();
    const form = page.getByTestId('evaluation-form');
    for (const k of ['content', 'delivery', 'punctuality', 'materials']) await form.getByTestId(`eval-${k}`).getByRole('radio', { name: '۵' }).check();
    await form.getByTestId('eval-comment').fill('دوره با بازدید از ایستگاه جداسازی پسماند به خوبی اجرا شد.');
    await form.getByTestId('eval-save').click();
    await assignment.getByTestId('evaluation').waitFor();
    expect(await page.getByTestId('codes-used').innerText()).toContain('۱');
    await reloaded(page, 'evaluation');
    await screenshotAll(page, 'instructors-staff-course-evaluated');
  });

  it('the reports show the coverage and the bank lists the demo instructors; no script error anywhere', async () => {
    const page = await staffPage('expert.training', '/app/instructors/reports');
    await page.getByTestId('coverage-table').waitFor();
    const coverage = await page.getByTestId('coverage-table').innerText();
    expect(coverage).toContain('مازندران');
    expect(coverage).toContain(FIELD);
    // The trainees' ratings per month, the demo's months with them.
    expect(await page.getByTestId('rep-trend').innerText()).toMatch(/۱۴۰[۴-۹]\/[۰-۹]{2}/);
    await screenshotAll(page, 'instructors-staff-reports');

    await page.goto(`${server.baseUrl}/app/instructors/bank`, { waitUntil: 'networkidle' });
    await page.getByTestId('bank-table').waitFor();
    const bank = await page.getByTestId('bank-table').innerText();
    for (const name of ['محمدرضا کاظمی', 'زینب رحمانی', 'علی‌اکبر نیک‌نام', `${FIRST} ${LAST}`]) expect(bank).toContain(name);
    await screenshotAll(page, 'instructors-staff-bank');

    await page.goto(`${server.baseUrl}/app/instructors/courses`, { waitUntil: 'networkidle' });
    await page.getByTestId('courses-table').waitFor();
    expect(await page.getByTestId('courses-table').innerText()).toContain(COURSE);
    await screenshotAll(page, 'instructors-staff-courses');
    expect(errors).toEqual([]);
  });
});
