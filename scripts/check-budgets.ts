/**
 * Web budgets, checked after every `vite build` (`npm run build:web`): the gzip size of the JS each page downloads
 * on its first view, from Vite's build manifest. Public pages ≤ 100 KB, the staff app's first load after sign-in
 * ≤ 300 KB; the few exceptions below carry their own budget and the reason. Prints a table and exits non-zero when
 * a page is over its budget, or when a page's module is missing from the manifest (a page renamed or moved: update
 * the list here).
 *
 *   tsx scripts/check-budgets.ts [webDir]      (default: $WEB_DIR, else dist/web)
 *
 * A page's JS = the entry (index.html's chunk) and its static imports + the route modules the page renders (the
 * app's lazy route, the service's lazy page, and any lazy part shown on that view) with their static imports. The
 * sizes are gzip level 9 of each file, as the e2e tests measure what the browser really downloads (recordScripts in
 * e2e/support.ts); the server sends precompressed brotli, which is smaller still.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const PUBLIC = 100 * KB;
const STAFF = 300 * KB;

interface Page {
  /** What the page is, and the URL it is seen at. */
  name: string;
  url: string;
  /** Source files (manifest keys) of the lazy modules rendered on this view, outermost first. */
  modules: string[];
  budget: number;
  /** Why a page has another budget than its kind's. */
  reason?: string;
}

const web = 'src/web';
const complaints = 'src/modules/complaints/web/public';
const amriyeh = 'src/modules/amriyeh/web/public';
const grading = 'src/modules/grading/web/public';
const instructors = 'src/modules/instructors/web/public';
const festival = 'src/modules/festival/web/public';
const festivalShared = 'src/modules/festival/web/shared';

/** The lazy routes of src/web/App.tsx and of each service's route table (routes.tsx). */
const route = {
  amriyeh: `${amriyeh}/routes.tsx`,
  grading: `${grading}/routes.tsx`,
  instructors: `${instructors}/routes.tsx`,
  festival: `${festival}/routes.tsx`,
  showcase: `${festival}/showcase-routes.tsx`,
};

export const PAGES: Page[] = [
  { name: 'home', url: '/', modules: [`${web}/pages/Home.tsx`], budget: PUBLIC },
  { name: 'citizen login', url: '/citizen/login', modules: [`${web}/pages/CitizenLogin.tsx`], budget: PUBLIC },
  { name: 'page not found', url: '/…', modules: [`${web}/pages/NotFound.tsx`], budget: PUBLIC },
  { name: 'complaint filing (step 1)', url: '/complaints/new', modules: [`${complaints}/NewComplaint.tsx`], budget: PUBLIC },
  {
    name: 'complaint filing (whole, form included)',
    url: '/complaints/new',
    modules: [`${complaints}/NewComplaint.tsx`, `${complaints}/ComplaintForm.tsx`],
    budget: 101 * KB,
    reason: 'the form chunk (fetched after the sign-in step) with the place picker shared with amriyeh; its e2e test holds the same 101 KB',
  },
  { name: 'complaint tracking', url: '/track/:code', modules: [`${complaints}/Track.tsx`], budget: PUBLIC },
  { name: 'complaint tracking (full view)', url: '/track/:code', modules: [`${complaints}/Track.tsx`, `${complaints}/TrackFull.tsx`], budget: PUBLIC },
  { name: 'amriyeh calls', url: '/amriyeh', modules: [route.amriyeh, `${amriyeh}/Calls.tsx`], budget: PUBLIC },
  { name: 'amriyeh call', url: '/amriyeh/calls/:id', modules: [route.amriyeh, `${amriyeh}/CallPage.tsx`], budget: PUBLIC },
  { name: 'amriyeh apply (step 1)', url: '/amriyeh/apply/:callId', modules: [route.amriyeh, `${amriyeh}/Apply.tsx`], budget: PUBLIC },
  {
    name: 'amriyeh apply (whole, after sign-in)',
    url: '/amriyeh/apply/:callId',
    modules: [route.amriyeh, `${amriyeh}/Apply.tsx`, `${amriyeh}/ApplicationForm.tsx`, `${amriyeh}/ClaimDocuments.tsx`],
    budget: 108 * KB,
    reason: 'after sign-in: the form (stations, places, claims with uploads, the score check); its e2e budget is 108 KB',
  },
  { name: 'amriyeh my applications', url: '/amriyeh/my', modules: [route.amriyeh, `${amriyeh}/MyApplications.tsx`], budget: PUBLIC },
  {
    name: 'amriyeh my application',
    url: '/amriyeh/my/:id',
    modules: [route.amriyeh, `${amriyeh}/MyApplication.tsx`],
    budget: 102 * KB,
    reason: "signed-in applicant's page: state, preferences, claims and the confirmations of withdrawing and objecting",
  },
  { name: 'amriyeh published run', url: '/amriyeh/runs/:id', modules: [route.amriyeh, `${amriyeh}/Run.tsx`], budget: PUBLIC },
  { name: 'amriyeh letter', url: '/amriyeh/letters/:number', modules: [route.amriyeh, `${amriyeh}/Letter.tsx`], budget: PUBLIC },
  { name: 'amriyeh verification', url: '/verify/amriyeh/:number', modules: [route.amriyeh, `${amriyeh}/Verify.tsx`], budget: PUBLIC },
  { name: 'municipality grades', url: '/grades', modules: [route.grading, `${grading}/Grades.tsx`], budget: PUBLIC },
  { name: 'instructors', url: '/instructors', modules: [route.instructors, `${instructors}/Landing.tsx`], budget: PUBLIC },
  { name: 'instructor registration (sign-in step)', url: '/instructors/profile', modules: [route.instructors, `${instructors}/Profile.tsx`], budget: PUBLIC },
  { name: 'instructor own page', url: '/instructors/me', modules: [route.instructors, `${instructors}/MyInstructor.tsx`], budget: PUBLIC },
  { name: 'instructor certificate', url: '/instructors/me/certificate', modules: [route.instructors, `${instructors}/Certificate.tsx`], budget: PUBLIC },
  { name: 'training ID verification', url: '/verify/training-id/:id', modules: [route.instructors, `${instructors}/Verify.tsx`], budget: PUBLIC },
  { name: 'trainee rating', url: '/rate/:token', modules: [route.instructors, `${instructors}/Rate.tsx`], budget: PUBLIC },
  { name: 'festival', url: '/festival', modules: [route.festival, `${festival}/Landing.tsx`], budget: PUBLIC },
  { name: 'festival my plans', url: '/festival/my', modules: [route.festival, `${festival}/MyEntries.tsx`], budget: PUBLIC },
  { name: 'festival plan (sign-in step)', url: '/festival/my/new', modules: [route.festival, `${festival}/MyEntry.tsx`], budget: PUBLIC },
  { name: 'showcase', url: '/showcase', modules: [route.showcase, `${festival}/Showcase.tsx`], budget: PUBLIC },
  { name: 'showcase plan', url: '/showcase/:id', modules: [route.showcase, `${festival}/ShowcasePlanPage.tsx`], budget: PUBLIC },
  {
    name: 'showcase plan (signed in, similar plans shown)',
    url: '/showcase/:id',
    modules: [route.showcase, `${festival}/ShowcasePlanPage.tsx`, `${festival}/ShowcaseViewer.tsx`, `${festival}/Similar.tsx`],
    budget: 102 * KB,
    reason: 'after sign-in: replicating and asking; the similar plans load when scrolled to',
  },
  {
    name: 'festival plan form (after sign-in)',
    url: '/festival/my/:id',
    modules: [route.festival, `${festival}/MyEntry.tsx`, `${festivalShared}/PlanForm.tsx`, `${festivalShared}/EntryActions.tsx`],
    budget: 111 * KB,
    reason: 'after sign-in: the editable plan form (sections, budget table, place picker, uploads) is one form',
  },
  { name: 'staff login', url: '/login', modules: [`${web}/mantine/MantineLayout.tsx`, `${web}/pages/StaffLogin.tsx`], budget: STAFF, reason: "the staff's door: Mantine, like the staff app behind it" },
  { name: 'staff app, first load after sign-in', url: '/app', modules: [`${web}/mantine/MantineLayout.tsx`, `${web}/staff/StaffArea.tsx`, `${web}/staff/StaffHome.tsx`], budget: STAFF },
  { name: "citizen's area", url: '/me', modules: [`${web}/mantine/MantineLayout.tsx`, `${web}/citizen/CitizenArea.tsx`], budget: STAFF, reason: 'signed in, Mantine like the staff app' },
];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageSize extends Page {
  bytes: number;
  files: string[];
}

/** The chunk files a manifest key loads: its own file and its static imports, recursively. */
function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imp of chunk.imports ?? []) staticClosure(manifest, imp, into);
}

/**
 * Every page's JS (gzip level 9) in the build at `webDir`. A page's module is found by its source path: as a manifest
 * key when it starts a chunk of its own, else through .vite/chunk-modules.json (vite.config.ts) for the chunks of
 * the manual groups. Throws when a page's module is in neither.
 */
export function measure(webDir: string, pages: Page[] = PAGES): PageSize[] {
  const read = <T,>(name: string): T => {
    const file = path.join(webDir, '.vite', name);
    if (!existsSync(file)) throw new Error(`${file} is missing: build with vite.config.ts (build.manifest on, the chunk-modules plugin)`);
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  };
  const manifest = read<Manifest>('manifest.json');
  const chunkModules = read<Record<string, string[]>>('chunk-modules.json');
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('index.html'));
  if (!entry) throw new Error('the build manifest has no index.html entry');
  const keyOfFile = new Map(Object.entries(manifest).map(([k, c]) => [c.file, k]));
  const keyOfModule = (src: string): string | undefined => {
    if (manifest[src]) return src;
    const file = Object.keys(chunkModules).find((f) => chunkModules[f]!.includes(src));
    return file ? keyOfFile.get(file) : undefined;
  };
  const missing = pages.flatMap((p) => p.modules.filter((m) => !keyOfModule(m)).map((m) => `${p.name} (${p.url}): ${m}`));
  if (missing.length) throw new Error(`page modules not found in the build (moved or renamed? update scripts/check-budgets.ts):\n  ${missing.join('\n  ')}`);
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) gz.set(file, (n = gzipSync(readFileSync(path.join(webDir, file)), { level: 9 }).length));
    return n;
  };
  return pages.map((p) => {
    const files = new Set<string>();
    staticClosure(manifest, entry, files);
    for (const m of p.modules) staticClosure(manifest, keyOfModule(m)!, files);
    const list = [...files].filter((f) => f.endsWith('.js'));
    return { ...p, files: list, bytes: list.reduce((a, f) => a + gzipOf(f), 0) };
  });
}

function main(): void {
  const webDir = path.resolve(process.argv[2] ?? process.env.WEB_DIR ?? 'dist/web');
  let sizes: PageSize[];
  try {
    sizes = measure(webDir);
  } catch (err) {
    console.error(`budgets: ${(err as Error).message}`);
    process.exit(1);
  }
  const kb = (n: number) => (n / KB).toFixed(1);
  const over = sizes.filter((s) => s.bytes > s.budget);
  const width = Math.max(...sizes.map((s) => `${s.name} ${s.url}`.length));
  console.log(`JS budgets (gzip, first view) of ${path.relative(process.cwd(), webDir) || webDir}:`);
  console.log(`${'page'.padEnd(width)}  ${'KB'.padStart(6)}  ${'budget'.padStart(6)}  files`);
  for (const s of sizes) {
    const mark = s.bytes > s.budget ? '  ✗ OVER' : '';
    console.log(`${`${s.name} ${s.url}`.padEnd(width)}  ${kb(s.bytes).padStart(6)}  ${kb(s.budget).padStart(6)}  ${String(s.files.length).padStart(5)}${mark}${s.reason ? `  (${s.reason})` : ''}`);
  }
  if (over.length) {
    console.error(`\nbudgets: ${over.length} page(s) over budget:\n  ${over.map((s) => `${s.name} ${s.url}: ${kb(s.bytes)} KB > ${kb(s.budget)} KB`).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`budgets: ${sizes.length} pages within budget`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('check-budgets.ts')) main();
