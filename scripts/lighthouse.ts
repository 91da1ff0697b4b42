/**
 * `npm run lighthouse`: Lighthouse 12 (mobile: its default phone emulation and simulated slow-4G/4× CPU throttling)
 * on the public home, the complaint filing page and the showcase, against the built server (`dist/`, or
 * SHAHRDEH_DIST) started with the demo data, in Debian's Chromium (never a downloaded browser).
 *
 * Writes bench/results/lighthouse.{json,md}: the score of every category and LCP, TBT, CLS and the JS transferred,
 * per page (the median run of LIGHTHOUSE_RUNS, default 3, by performance score). Exits non-zero when a page's
 * performance is below 90 or its accessibility below 95.
 *
 *   npm run build && npm run lighthouse
 *   SHAHRDEH_DIST=dist-f LIGHTHOUSE_RUNS=1 LIGHTHOUSE_REPORTS=/tmp/lh npm run lighthouse   (one run, whole reports kept)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result as LhResult } from 'lighthouse';
import { repoRoot, startServer } from '../e2e/support.js';

const PAGES: Array<{ name: string; path: string }> = [
  { name: 'صفحه اصلی', path: '/' },
  { name: 'ثبت شکایت', path: '/complaints/new' },
  { name: 'ویترین طرح‌ها', path: '/showcase' },
];
const MIN = { performance: 90, accessibility: 95 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface PageResult {
  page: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Every run's performance score (the row is the median run). */
  performanceRuns: number[];
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Bytes of JS transferred (compressed on the wire) and the number of scripts. */
  jsTransferBytes: number;
  jsRequests: number;
  /** The audits that did not pass in the accessibility category, and the performance opportunities that cost time. */
  accessibilityFailures: string[];
  performanceHints: string[];
}

const score = (lhr: LhResult, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const numeric = (lhr: LhResult, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

function summarize(lhr: LhResult, page: (typeof PAGES)[number], runs: number[]): PageResult {
  const summary = (lhr.audits['resource-summary']?.details as { items?: Array<{ resourceType: string; transferSize: number; requestCount: number }> } | undefined)?.items ?? [];
  const js = summary.find((i) => i.resourceType === 'script');
  const failing = (category: string) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is NonNullable<typeof a> => !!a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual');
  return {
    page: page.name,
    path: page.path,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as PageResult['scores'],
    performanceRuns: runs,
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    jsTransferBytes: js?.transferSize ?? 0,
    jsRequests: js?.requestCount ?? 0,
    accessibilityFailures: failing('accessibility').map((a) => `${a.id}: ${a.title}`),
    performanceHints: failing('performance')
      .filter((a) => a.details?.type === 'opportunity' || (a.score ?? 1) < 0.9)
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
  };
}

/**
 * One Lighthouse run of `url`. A run whose trace came out broken (NO_NAVSTART, NO_FCP…: Lighthouse's own
 * "please run again" errors, seen now and then on a busy machine) is tried again, twice at most.
 */
async function audit(url: string, port: number): Promise<LhResult> {
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    // Default config: mobile form factor and screen emulation, simulated throttling (slow 4G, 4× CPU).
    const out = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!out) throw new Error(`lighthouse returned nothing for ${url}`);
    if (!out.lhr.runtimeError) return out.lhr;
    lastError = `${out.lhr.runtimeError.code} ${out.lhr.runtimeError.message}`;
    console.warn(`${url}: ${lastError} (trying again)`);
  }
  throw new Error(`${url}: ${lastError}`);
}

async function main(): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  // Seeding the demo data takes a while on a busy machine.
  const server = await startServer({}, { healthTimeoutMs: 180_000 });
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  const results: PageResult[] = [];
  try {
    // Paths given on the command line: only those pages (to study one).
    const only = process.argv.slice(2);
    for (const page of only.length ? PAGES.filter((p) => only.includes(p.path)) : PAGES) {
      const url = `${server.baseUrl}${page.path}`;
      const runs: LhResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await audit(url, chrome.port));
      }
      runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const median = runs[Math.floor(runs.length / 2)]!;
      // LIGHTHOUSE_REPORTS=<folder>: also keep each page's whole report (the median run) there, to study.
      if (process.env.LIGHTHOUSE_REPORTS) {
        await mkdir(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
        await writeFile(path.join(process.env.LIGHTHOUSE_REPORTS, `${page.path.replace(/\W+/g, '_') || 'home'}.json`), JSON.stringify(median));
      }
      const r = summarize(median, page, runs.map((l) => score(l, 'performance')));
      results.push(r);
      console.log(`${page.path}: performance ${r.scores.performance} (runs ${r.performanceRuns.join(', ')}), accessibility ${r.scores.accessibility}, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)}, JS ${(r.jsTransferBytes / 1024).toFixed(1)} KB`);
      for (const h of r.performanceHints) console.log(`  perf: ${h}`);
      for (const f of r.accessibilityFailures) console.log(`  a11y: ${f}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }

  const at = new Date().toISOString();
  const outDir = path.join(repoRoot, 'bench', 'results');
  await mkdir(outDir, { recursive: true });
  const lighthouseVersion = (await import('lighthouse/package.json', { with: { type: 'json' } }).catch(() => ({ default: { version: '?' } }))).default.version;
  await writeFile(path.join(outDir, 'lighthouse.json'), `${JSON.stringify({ at, lighthouse: lighthouseVersion, settings: 'mobile (default emulation, simulated throttling)', runsPerPage: RUNS, loadAverage: load, thresholds: MIN, pages: results }, null, 2)}\n`);
  const ms = (n: number) => `${Math.round(n)}`;
  const md = [
    `# Lighthouse ${lighthouseVersion} (${at}, mobile, simulated throttling, median of ${RUNS} run(s), load ${load})`,
    '',
    `Thresholds: performance ≥ ${MIN.performance}, accessibility ≥ ${MIN.accessibility}.`,
    '',
    '| page | path | performance | accessibility | best practices | SEO | LCP ms | FCP ms | TBT ms | CLS | JS KB (transferred) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.page} | \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${ms(r.lcpMs)} | ${ms(r.fcpMs)} | ${ms(r.tbtMs)} | ${r.cls.toFixed(3)} | ${(r.jsTransferBytes / 1024).toFixed(1)} (${r.jsRequests} files) |`),
    '',
  ].join('\n');
  await writeFile(path.join(outDir, 'lighthouse.md'), md);
  console.log(`\n${md}`);

  const failures = results.flatMap((r) => [
    ...(r.scores.performance < MIN.performance ? [`${r.path}: performance ${r.scores.performance} < ${MIN.performance}`] : []),
    ...(r.scores.accessibility < MIN.accessibility ? [`${r.path}: accessibility ${r.scores.accessibility} < ${MIN.accessibility}`] : []),
  ]);
  if (failures.length) {
    console.error(`lighthouse: below the thresholds:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
