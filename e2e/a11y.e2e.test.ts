import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DEMO_PASSWORD, staffApi, formatViolations, launchBrowser, otpFromLog, pageErrors, startServer, viewports, type RunningServer } from './support.js';

// Accessibility of every page of every service: axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices) on each
// public page, each citizen page and each `/app/...` route of every staff module, signed in as the demo account the
// page is for, after the page has loaded its data; no serious or critical violation anywhere. The routes follow the
// route tables of the web app (src/web/App.tsx, src/web/staff/routes.ts and each module's public routes.tsx and
// staff Staff<Module>.tsx); a detail page is reached through the first link of its list, so it is a real demo record.

/** Demo records found through the API before the pages are visited (see beforeAll). */
interface Ids {
  /** An amriyeh letter: its number, its holder's mobile. */
  letter: string;
  letterMobile: string;
  /** A published amriyeh selection run. */
  runId: string;
  /** A complaint's tracking code. */
  trackingCode: string;
  /** The trainees' rating page of a held course. */
  ratePath: string;
}

/** What a step's address is made from: the demo ids, and the signed-in context's API (its cookies). */
type PathOf = (ids: Ids, request: APIRequestContext) => Promise<string> | string;

type Step =
  /** A page by its address; `both` checks it at the phone and the desktop size. */
  | { path: string | PathOf; both?: boolean }
  /** The first link of the page visited last whose address matches `link`, and the same address + each suffix. */
  | { link: RegExp; suffixes?: string[]; both?: boolean };

const p = (path: string | PathOf, both = false): Step => ({ path, both });

/** GET a JSON API as the context's signed-in user. */
async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** What an anonymous visitor sees. */
const PUBLIC: Step[] = [
  p('/', true),
  p('/complaints/new', true),
  p('/track', true),
  p((ids) => `/track/${ids.trackingCode}`, true),
  p('/amriyeh', true),
  { link: /^\/amriyeh\/calls\/[^/]+$/, both: true },
  p((ids) => `/amriyeh/runs/${ids.runId}`),
  p('/amriyeh/my'),
  p('/verify/amriyeh'),
  p((ids) => `/verify/amriyeh/${ids.letter}`),
  p('/verify/amriyeh/1234567890123'),
  p('/grades', true),
  p('/instructors', true),
  p('/instructors/profile'),
  p('/verify/training-id'),
  p('/verify/training-id/1234567890'),
  p((ids) => ids.ratePath, true),
  p('/rate/no-such-token'),
  p('/festival', true),
  p('/festival/my'),
  p('/showcase', true),
  { link: /^\/showcase\/[^/]+$/, both: true },
  p('/citizen/login', true),
  p('/login', true),
  p('/no/such/page'),
];

/** Citizens' pages, each group signed in as the demo citizen it is about. */
const CITIZENS: Array<{ who: string; mobile: (ids: Ids) => string; steps: Step[] }> = [
  // A complaint's citizen: their page, the filing form (step 2, after sign-in) and one of their cases in full.
  {
    who: 'complainant',
    mobile: () => '09000000001',
    steps: [
      p('/me', true),
      p('/complaints/new', true),
      p(async (_ids, request) => `/track/${(await apiGet<{ items: Array<{ trackingCode: string }> }>(request, '/api/v1/complaints/mine')).items[0]!.trackingCode}`, true),
    ],
  },
  // An amriyeh applicant of the spring call whose letter was issued: the applications, one of them, the letter.
  {
    who: 'amriyeh applicant',
    mobile: (ids) => ids.letterMobile,
    steps: [p('/amriyeh/my', true), { link: /^\/amriyeh\/my\/[^/]+$/, both: true }, p((ids) => `/amriyeh/letters/${ids.letter}`)],
  },
  // A new applicant: the application form of the open call.
  { who: 'new applicant', mobile: () => '09000000198', steps: [p('/amriyeh'), { link: /^\/amriyeh\/apply\/[^/]+$/, both: true }] },
  // A qualified instructor: status, certificate, profile, and the public check of the training ID.
  {
    who: 'instructor',
    mobile: () => '09000000200',
    steps: [
      p('/instructors/me', true),
      p('/instructors/me/certificate'),
      p('/instructors/profile', true),
      p(async (_ids, request) => `/verify/training-id/${/"trainingId":"([^"]+)"/.exec(JSON.stringify(await apiGet(request, '/api/v1/instructors/me')))![1]}`, true),
    ],
  },
  // A rural entrepreneur: their plans, one of them, a new one.
  { who: 'entrepreneur', mobile: () => '09000000301', steps: [p('/festival/my', true), { link: /^\/festival\/my\/(?!new)[^/]+$/ }, p('/festival/my/new', true)] },
];

/** Every `/app/...` route of every module, as the demo account that works there. */
const STAFF: Array<{ username: string; steps: Step[] }> = [
  { username: 'admin', steps: [p('/app', true), p('/app/no-such-service')] },
  {
    username: 'inspector',
    steps: [p('/app/complaints', true), { link: /^\/app\/complaints\/(?!dashboard)[^/]+$/, both: true }, p('/app/complaints/dashboard', true)],
  },
  {
    username: 'expert.rural',
    steps: [
      p('/app/amriyeh', true),
      { link: /^\/app\/amriyeh\/calls\/(?!new)[^/]+$/ },
      p('/app/amriyeh/calls/new'),
      p('/app/amriyeh/applications', true),
      p('/app/festival', true),
      p('/app/festival/rounds'),
      { link: /^\/app\/festival\/rounds\/(?!new)[^/]+$/, suffixes: ['/judges', '/results'] },
      p('/app/festival/rounds/new'),
      p('/app/festival/entries', true),
      { link: /^\/app\/festival\/entries\/[^/]+$/ },
      p('/app/festival/spread'),
    ],
  },
  { username: 'district.reviewer', steps: [p('/app/amriyeh/applications'), { link: /^\/app\/amriyeh\/applications\/[^/]+$/, both: true }] },
  {
    username: 'dehyari',
    steps: [
      p('/app/amriyeh'),
      p('/app/landfills', true),
      { link: /^\/app\/landfills\/sites\/(?!new)[^/]+$/, suffixes: ['/edit'], both: true },
      p('/app/landfills/sites/new', true),
      p('/app/festival/mine'),
      { link: /^\/app\/festival\/mine\/(?!new)[^/]+$/ },
      p('/app/festival/mine/new'),
      p('/app/festival/questions'),
      p('/app/grading/entity'),
    ],
  },
  {
    username: 'province.reviewer',
    steps: [
      p('/app/landfills/import'),
      p('/app/landfills/summary', true),
      p('/app/landfills/scenarios'),
      { link: /^\/app\/landfills\/scenarios\/(?!new|compare)[^/]+$/ },
      p('/app/landfills/scenarios/new'),
      p('/app/landfills/scenarios/compare'),
      p('/app/landfills/allocations'),
      { link: /^\/app\/landfills\/allocations\/(?!new)[^/]+$/ },
      p('/app/landfills/allocations/new'),
    ],
  },
  {
    username: 'municipality',
    steps: [
      p('/app/grading', true),
      p('/app/grading/entity', true),
      { link: /^\/app\/grading\/sheets\/[^/]+$/ },
      p('/app/grading/requests'),
      { link: /^\/app\/grading\/requests\/(?!new)[^/]+$/ },
      p('/app/grading/requests/new'),
    ],
  },
  {
    username: 'expert.municipal',
    steps: [
      p('/app/grading'),
      p('/app/grading/requests', true),
      { link: /^\/app\/grading\/requests\/(?!new)[^/]+$/, both: true },
      p('/app/grading/rules'),
      p('/app/grading/sheets/new'),
      p('/app/grading/dashboard', true),
    ],
  },
  {
    username: 'expert.training',
    steps: [
      p('/app/instructors', true),
      p('/app/instructors/applications', true),
      { link: /^\/app\/instructors\/applications\/[^/]+$/, both: true },
      p('/app/instructors/bank'),
      { link: /^\/app\/instructors\/profiles\/[^/]+$/, suffixes: ['/certificate'] },
      p('/app/instructors/courses'),
      { link: /^\/app\/instructors\/courses\/(?!new)[^/]+$/ },
      p('/app/instructors/criteria'),
      p('/app/instructors/fields'),
      p('/app/instructors/reports'),
    ],
  },
  { username: 'training.unit', steps: [p('/app/instructors/courses'), p('/app/instructors/courses/new')] },
  { username: 'judge', steps: [p('/app/festival/judging', true), { link: /^\/app\/festival\/judging\/[^/]+$/, both: true }] },
];

describe('accessibility: axe-core on every page, keyboard-only complaint filing', () => {
  let server: RunningServer;
  let browser: Browser;
  const ids = {} as Ids;
  const checked: string[] = [];

  beforeAll(async () => {
    // Demo data for six services: give a loaded machine time to start.
    server = await startServer({}, { healthTimeoutMs: 150_000 });
    browser = await launchBrowser();
    // Real demo records for the pages that need one and that no list links to for the visitor.
    const rural = await staffApi(server.baseUrl, 'expert.rural');
    const issued = await rural<{ items: Array<{ id: string }> }>('GET', '/api/v1/amriyeh/applications?state=issued');
    const app = await rural<{ letterNumber: string; mobile: string; runId: number }>('GET', `/api/v1/amriyeh/applications/${issued.items[0]!.id}`);
    Object.assign(ids, { letter: app.letterNumber, letterMobile: app.mobile, runId: String(app.runId) });
    const inspector = await staffApi(server.baseUrl, 'inspector');
    ids.trackingCode = (await inspector<{ items: Array<{ trackingCode: string }> }>('GET', '/api/v1/complaints')).items[0]!.trackingCode;
    const unit = await staffApi(server.baseUrl, 'training.unit');
    const held = (await unit<{ items: Array<{ id: number; state: string }> }>('GET', '/api/v1/instructors/courses')).items.find((c) => c.state === 'held')!;
    const course = await unit<{ rating: { url: string } | null }>('GET', `/api/v1/instructors/courses/${held.id}`);
    ids.ratePath = new URL(course.rating!.url).pathname;
  }, 200_000);

  afterAll(async () => {
    console.log(`axe: ${checked.length} page × viewport checks`);
    await browser?.close();
    await server?.stop();
  });

  async function newContext(): Promise<BrowserContext> {
    return browser.newContext({ baseURL: server.baseUrl, viewport: viewports.phone, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  }

  /** Wait until the page has drawn its data: no loader left and the network quiet. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('main').waitFor();
    // The route's chunk (PageLoader) and the page's queries (Mantine loaders, aria-busy) done; slow on a loaded machine.
    await expect.poll(() => page.locator('.page-loader, [aria-busy="true"], .mantine-Loader-root').count(), { timeout: 30_000 }).toBe(0);
  }

  /** The addresses of the page's links, in document order. */
  async function links(page: Page): Promise<string[]> {
    return page.$$eval('a[href]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  /**
   * Visit each step in turn and return the serious/critical violations found, as readable lines. A page is checked
   * at `size` (the phone for public and citizen pages, the desktop for staff screens), a `both` page at both sizes.
   */
  async function run(context: BrowserContext, steps: Step[], who: string, size: keyof typeof viewports): Promise<string[]> {
    const page = await context.newPage();
    const errors = pageErrors(page);
    const problems: string[] = [];
    const check = async (path: string, both: boolean) => {
      const sizes = both ? (Object.keys(viewports) as Array<keyof typeof viewports>) : [size];
      await page.setViewportSize(viewports[sizes[0]!]);
      await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'networkidle' });
      await settle(page);
      for (const s of sizes) {
        await page.setViewportSize(viewports[s]);
        const found = await axeViolations(page);
        checked.push(`${who} ${path} ${s}`);
        if (found.length) {
          problems.push(formatViolations(found, `${who} ${path} @${s}`));
          console.log(problems.at(-1));
        }
      }
    };
    for (const step of steps) {
      if ('path' in step) {
        await check(typeof step.path === 'string' ? step.path : await step.path(ids, context.request), !!step.both);
        continue;
      }
      const target = await expect
        .poll(async () => (await links(page)).find((l) => step.link.test(l)), { timeout: 20_000 })
        .toBeTruthy()
        .then(async () => (await links(page)).find((l) => step.link.test(l))!)
        .catch(() => undefined);
      if (!target) {
        problems.push(`${who}: no link like ${step.link} on ${page.url()}; the page says: ${(await page.locator('main').innerText()).slice(0, 300)}`);
        continue;
      }
      await check(target, !!step.both);
      for (const suffix of step.suffixes ?? []) await check(target + suffix, false);
    }
    expect(errors, `${who}: script errors`).toEqual([]);
    await page.close();
    return problems;
  }

  it('public pages have no serious or critical violation', async () => {
    const context = await newContext();
    const problems = await run(context, PUBLIC, 'public', 'phone');
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });

  for (const { who, mobile, steps } of CITIZENS) {
    it(`citizen pages (${who}) have no serious or critical violation`, async () => {
      const context = await newContext();
      const m = mobile(ids);
      const logAt = server.output().length;
      const req = await context.request.post(`${server.baseUrl}/api/v1/auth/otp/request`, { data: { mobile: m } });
      expect(req.status(), `one-time code for ${m}`).toBe(200);
      const code = await otpFromLog(server, m, logAt);
      const verify = await context.request.post(`${server.baseUrl}/api/v1/auth/otp/verify`, { data: { mobile: m, code } });
      expect(verify.status(), `sign-in of ${m}`).toBe(200);
      const problems = await run(context, steps, who, 'phone');
      await context.close();
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  for (const { username, steps } of STAFF) {
    it(`staff pages (${username}) have no serious or critical violation`, async () => {
      const context = await newContext();
      const res = await context.request.post(`${server.baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
      expect(res.status(), `login ${username}`).toBe(200);
      const problems = await run(context, steps, username, 'desktop');
      await context.close();
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
  it('a citizen files a complaint with the keyboard only, seeing where the focus is at every step', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const page = await context.newPage();
    const errors = pageErrors(page);
    const mobile = '09127650001';
    /** Every element the focus landed on without a visible indicator (outline or box-shadow on it or its label). */
    const unseen: string[] = [];

    /** What has the focus now: a short description, its accessible bits, and whether its focus can be seen. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const shows = (e: Element | null) => {
          if (!e) return false;
          const cs = getComputedStyle(e);
          return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
        };
        const input = el as HTMLInputElement;
        return {
          desc: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${input.name ? `[name=${input.name}]` : ''} «${(el.innerText || input.value || '').trim().slice(0, 40)}»`,
          id: el.id,
          name: input.name ?? '',
          tag: el.tagName.toLowerCase(),
          text: (el.innerText ?? '').trim(),
          visible: shows(el) || shows(el.closest('label')),
        };
      });

    /** Press Tab (Shift+Tab with `back`) until the focused element matches, noting any stop whose focus is not seen. */
    async function tabTo(match: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, back = false): Promise<void> {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        const f = await focused();
        if (!f) continue;
        if (!f.visible && !unseen.includes(f.desc)) unseen.push(f.desc);
        if (match(f)) return;
      }
      throw new Error(`Tab never reached the wanted element (at ${(await focused())?.desc})`);
    }
    /** Tab to the field `id` once it can take the focus (a select waits for the options its choice above loads). */
    async function tabToId(id: string, back = false): Promise<void> {
      await page.locator(`#${id}:enabled`).waitFor({ timeout: 15_000 });
      await tabTo((f) => f.id === id, back);
    }

    /** On the focused native select: ArrowDown until the option `label` is chosen (options may load a moment later). */
    async function choose(label: string): Promise<void> {
      await expect
        .poll(() => page.evaluate((l) => {
          const el = document.activeElement;
          return el instanceof HTMLSelectElement ? [...el.options].some((o) => o.text.trim() === l) : `the focus is on ${el?.outerHTML.slice(0, 120)}`;
        }, label), { timeout: 10_000 })
        .toBe(true);
      for (let i = 0; i < 100; i++) {
        const now = await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.text.trim());
        if (now === label) return;
        await page.keyboard.press('ArrowDown');
      }
      throw new Error(`the option «${label}» was not reached with the arrow keys`);
    }

    await page.goto(`${server.baseUrl}/complaints/new`, { waitUntil: 'networkidle' });
    // Step 1: the skip link first, then the mobile, Enter; the code box takes the focus; the code, Enter.
    await tabTo((f) => f.tag === 'a');
    expect((await focused())!.text, 'the first Tab stop is the skip link').toBe('پرش به محتوای اصلی');
    await tabToId('otp-mobile');
    const logAt = server.output().length;
    await page.keyboard.type(mobile);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused())?.id, { timeout: 10_000 }).toBe('otp-code');
    await page.keyboard.type(await otpFromLog(server, mobile, logAt));
    await page.keyboard.press('Enter');

    // Step 2: the form, field by field in the order of the page.
    await page.locator('input[name="kind"]').first().waitFor();
    await tabTo((f) => f.name === 'kind');
    await page.keyboard.press('Space'); // the first kind, «شکایت»
    await page.keyboard.press('ArrowDown'); // the arrows move within the group: «درخواست»
    expect(await page.locator('input[name="kind"][value="request"]').isChecked(), 'arrow keys move the choice').toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('input[name="kind"][value="complaint"]').isChecked(), 'kind chosen with the keyboard').toBe(true);
    await tabToId('group');
    await choose('خدمات شهری');
    await tabToId('categoryId');
    await choose('آسفالت و چاله');
    await tabToId('province');
    await choose('مازندران');
    await tabToId('county');
    await choose('ساری');
    await tabToId('place');
    await choose('شهر ساری');
    await tabToId('address');
    await page.keyboard.type('خیابان اصلی، روبه‌روی مدرسه');
    await tabToId('q-pothole_size');
    await choose('بزرگ (بیش از دو متر)');
    await tabToId('subject');
    await page.keyboard.type('چاله عمیق جلوی مدرسه');
    await tabToId('body');
    await page.keyboard.type('چاله‌ای عمیق روبه‌روی در مدرسه هست که هر روز خطر زمین خوردن بچه‌ها را دارد.');
    // Shift+Tab goes back to the subject, as it should; then on to the submit button.
    await tabToId('subject', true);
    await tabTo((f) => f.tag === 'button' && f.text === 'ادامه');
    await page.keyboard.press('Enter');

    // Step 3 when similar open cases exist at the place: «my issue is different; file it» with Enter.
    const done = page.getByTestId('tracking-code');
    const similar = page.getByRole('button', { name: 'موضوع من متفاوت است؛ ثبت شود' });
    await expect.poll(async () => (await done.count()) + (await similar.count()), { timeout: 15_000 }).toBeGreaterThan(0);
    if ((await done.count()) === 0) {
      await tabTo((f) => f.tag === 'button' && f.text === 'موضوع من متفاوت است؛ ثبت شود');
      await page.keyboard.press('Enter');
    }
    await done.waitFor({ timeout: 15_000 });
    expect((await done.innerText()).replace(/[^۰-۹0-9]/g, ''), 'a 13-digit tracking code').toMatch(/^[۰-۹0-9]{13}$/);
    await tabTo((f) => f.tag === 'a' && f.text.length > 0 && f.id === '' && f.text.includes('پیگیری'));

    expect(unseen, `focus not visible on:\n${unseen.join('\n')}`).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
