// Demo mode: the instructor bank filled with the demo instructors of demo-data.ts, each taken through his story by
// the module's own commands — he saves his profile with a PDF of evidence per item, files, the training expert
// reviews (evidence verified, values corrected with reasons), the committee decides, renewals — then his timeline is
// dated back to the story's days. The courses of demo-courses.ts follow (planned, held with ratings, closed,
// cancelled). Demo instructors sign in with 09000000200…212.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { demoCitizenActor, demoStaffActors } from '../../../core/auth/demo.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { storeDocument } from '../../../core/documents/store.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import { nationalCodeFrom } from '../../../core/fa/validators.js';
import { jobs } from '../../../core/jobs/schema.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { remindJobKey } from '../../../core/workflow/remind.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import { slaJobKey } from '../../../core/workflow/sla.js';
import { ProfileInput, type FieldReview, type Profile } from '../contract.js';
import { DEGREE_TITLES, EVIDENCE_PURPOSE } from '../enums.js';
import { resubmitApplication, submitApplication, withdrawApplication } from './applications.js';
import { ensureInstructorDefaults } from './defaults.js';
import { seedDemoCourses } from './demo-courses.js';
import { DEMO_INSTRUCTORS, type DemoInstructor, type DemoStep } from './demo-data.js';
import { saveProfile } from './profiles.js';
import { actOnApplication } from './review.js';
import { instApplications, instProfiles } from './schema.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const DEMO_LOCK = 7349207;
/** The demo's national codes: 208,700,000 + i·7919 with the check digit (apart from amriyeh's and the tests'). */
export const demoNationalCode = (i: number) => nationalCodeFrom(208_700_000 + i * 7919);
// The smallest PDF the file-type check accepts: the demo's scanned certificate.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The documents purpose of an instructor's evidence, as his form uploads it (web/public/ProfileParts.tsx). */
const STAFF = ['expert.training', 'training.committee', 'training.unit'] as const;
export type DemoStaff = Record<(typeof STAFF)[number], Actor>;

/** A moment of office hours (from 09:00 Tehran, `k` steps of 37 minutes later) `days` days before `now`. */
export function officeTime(now: number, days: number, k = 0): Date {
  const key = tehranDateKey(new Date(now - days * DAY));
  return new Date(new Date(`${key}T05:30:00Z`).getTime() + (k % 12) * 37 * MINUTE);
}

type Item = { id: string; documents: string[] };
type ItemKind = 'education' | 'teaching' | 'experience' | 'publications' | 'certificates';
const ITEM_KINDS: ItemKind[] = ['education', 'teaching', 'experience', 'publications', 'certificates'];

/** The file name of an item's evidence, as a person would name his scan. */
function evidenceName(kind: ItemKind, item: Record<string, unknown>): string {
  if (kind === 'education') return `مدرک ${DEGREE_TITLES[item.degree as keyof typeof DEGREE_TITLES]} ${String(item.field)}.pdf`;
  if (kind === 'teaching') return `گواهی تدریس ${String(item.course)}.pdf`;
  if (kind === 'experience') return `حکم کارگزینی ${String(item.organization)}.pdf`;
  return `${String(item.title)}.pdf`;
}

/** The profile with a stored PDF for each item of `kinds`, uploaded by him (the form uploads before saving). */
async function withEvidence(tx: Tx, citizen: Actor, p: Profile, kinds: ItemKind[]): Promise<Profile> {
  const out = { ...p };
  for (const kind of kinds) {
    const items: Item[] = [];
    for (const item of p[kind] as Item[]) {
      if (item.documents.length) { items.push(item); continue; }
      const doc = await storeDocument(tx, { content: PDF, filename: evidenceName(kind, item as unknown as Record<string, unknown>), purpose: EVIDENCE_PURPOSE, owner: citizen, maxBytes: 1_000_000 });
      items.push({ ...item, documents: [doc.id] });
    }
    (out as Record<ItemKind, Item[]>)[kind] = items;
  }
  return out;
}

interface Ctx {
  tx: Tx;
  staff: DemoStaff;
  provinces: Map<string, { id: number; path: string }>;
  now: number;
}

/** An application's case state and version. */
async function caseOf(tx: Tx, appId: string) {
  const [r] = await tx.select({ id: wfCases.id, version: wfCases.version, state: wfCases.state }).from(instApplications).innerJoin(wfCases, eq(wfCases.id, instApplications.caseId)).where(eq(instApplications.id, appId));
  return r!;
}

/** The expert's review of every field: the story's corrections with their reasons, a recommendation, all evidence checked. */
async function expertReview(tx: Tx, appId: string, step: DemoStep) {
  const [app] = await tx.select().from(instApplications).where(eq(instApplications.id, appId));
  const fields: Record<string, FieldReview> = {};
  for (const f of app!.fields) {
    const adjustments = Object.fromEntries(Object.entries(step.adjust?.[f] ?? {}).map(([m, [value, reason]]) => [m, { value, reason }]));
    const no = step.notRecommended?.includes(f) ?? false;
    fields[f] = { adjustments, recommendation: no ? 'not_qualified' : 'qualified', note: no ? 'سوابق در این زمینه برای تدریس کافی نیست.' : '' };
  }
  const s = app!.snapshot;
  const verifiedItems = ITEM_KINDS.flatMap((k) => (s[k] as Item[]).filter((i) => i.documents.length).map((i) => i.id));
  return { fields, verifiedItems };
}

/** Takes one application through the story's steps after `submit`, each by its person, on the story's day. */
async function walk(ctx: Ctx, citizen: Actor, appId: string, steps: DemoStep[], late: ItemKind[]): Promise<void> {
  const { tx, staff, now } = ctx;
  for (const step of steps) {
    const at = officeTime(now, step.days, 3);
    const c = await caseOf(tx, appId);
    if (step.action === 'resubmit') {
      if (late.length) {
        const [p] = await tx.select().from(instProfiles).where(eq(instProfiles.userId, citizen.id!));
        const current = ProfileInput.parse({ ...p!.data, birthDate: jalaliFromDbDate(dbDateOf(new Date(p!.data.birthDate))), version: p!.version });
        await saveProfile(tx, citizen, await withEvidence(tx, citizen, current, late));
        await tx.update(instProfiles).set({ updatedAt: officeTime(now, step.days, 1) }).where(eq(instProfiles.id, p!.id));
      }
      await resubmitApplication(tx, citizen, appId);
    } else if (step.action === 'withdraw') {
      await withdrawApplication(tx, citizen, appId);
    } else {
      const actor = step.action.startsWith('expert_') ? staff['expert.training'] : staff['training.committee'];
      const base = { action: step.action, version: c.version, comment: step.comment ?? null };
      if (step.action === 'expert_forward') await actOnApplication(tx, actor, appId, { ...base, ...(await expertReview(tx, appId, step)) }, at);
      else if (step.action === 'qualify') {
        const [app] = await tx.select().from(instApplications).where(eq(instApplications.id, appId));
        const recommended = app!.fields.filter((f) => app!.review[f]?.recommendation !== 'not_qualified');
        await actOnApplication(tx, actor, appId, { ...base, qualifiedFields: recommended.length ? recommended : app!.fields.slice(0, 1) }, at);
      } else await actOnApplication(tx, actor, appId, base, at);
    }
  }
}

/**
 * Moves an application's timeline to the story's moments: its history rows (one per step, `open` first), the case's
 * dates and deadline (shifted as the last step was, so a case late in the story is late now) with its pending SLA
 * jobs, and the application's own dates. Audit events keep their real time: they record when the demo was loaded.
 */
async function dateBack(tx: Tx, appId: string, times: Date[]): Promise<void> {
  const [r] = await tx.select({ app: instApplications, c: wfCases }).from(instApplications).innerJoin(wfCases, eq(wfCases.id, instApplications.caseId)).where(eq(instApplications.id, appId));
  const { app, c } = r!;
  const history = await tx.select({ id: wfHistory.id }).from(wfHistory).where(eq(wfHistory.caseId, c.id)).orderBy(asc(wfHistory.seq));
  if (history.length !== times.length) throw new Error(`seedInstructorsDemo: ${history.length} history rows, ${times.length} moments`);
  for (const [i, h] of history.entries()) await tx.update(wfHistory).set({ at: times[i]! }).where(eq(wfHistory.id, h.id));
  const last = times.at(-1)!;
  const shift = c.updatedAt.getTime() - last.getTime();
  await tx.update(wfCases).set({ createdAt: times[0]!, updatedAt: last, dueAt: c.dueAt ? new Date(c.dueAt.getTime() - shift) : null }).where(eq(wfCases.id, c.id));
  await tx.update(jobs).set({ runAt: sql`${jobs.runAt} - ${shift}::double precision * interval '1 millisecond'` })
    .where(and(inArray(jobs.key, [slaJobKey(c.id, c.version), remindJobKey(c.id, c.version)]), eq(jobs.status, 'pending')));
  await tx.update(instApplications).set({ createdAt: times[0]!, ...(app.decidedAt ? { decidedAt: last } : {}), ...(app.closedAt ? { closedAt: last } : {}) }).where(eq(instApplications.id, appId));
}

/** One demo instructor: his account, his profile with evidence, his applications walked and dated back. Returns his profile id. */
async function seedInstructor(ctx: Ctx, d: DemoInstructor, i: number): Promise<number> {
  const { tx, now } = ctx;
  const province = ctx.provinces.get(d.province);
  if (!province) throw new Error(`seedInstructorsDemo: province ${d.province} is missing`);
  const citizen = await demoCitizenActor(tx, d.mobile, `${d.profile.firstName} ${d.profile.lastName}`);
  const late = d.lateEvidence ?? [];
  const input = ProfileInput.parse({ ...d.profile, nationalCode: demoNationalCode(i), provinceId: province.id, version: 0 });
  const profile = await withEvidence(tx, citizen, input, ITEM_KINDS.filter((k) => !late.includes(k as 'teaching' | 'certificates')));
  const profileId = await saveProfile(tx, citizen, profile);
  const savedDays = (d.steps[0]?.days ?? 3) + 3;
  await tx.update(instProfiles).set({ createdAt: officeTime(now, savedDays), updatedAt: officeTime(now, savedDays, 2) }).where(eq(instProfiles.id, profileId));
  await tx.update(authUsers).set({ createdAt: officeTime(now, savedDays) }).where(eq(authUsers.id, citizen.id!));

  // Each `submit` starts an application; the steps up to the next `submit` are its own.
  const runs: DemoStep[][] = [];
  for (const step of d.steps) step.action === 'submit' ? runs.push([step]) : runs.at(-1)!.push(step);
  for (const [first, ...rest] of runs) {
    const appId = await submitApplication(tx, citizen, officeTime(now, first!.days));
    await walk(ctx, citizen, appId, rest, late);
    await dateBack(tx, appId, [officeTime(now, first!.days), ...rest.map((s) => officeTime(now, s.days, 3))]);
    const q = rest.find((s) => s.action === 'qualify');
    if (q) await tx.update(instProfiles).set({ qualifiedAt: officeTime(now, q.days, 3) }).where(and(eq(instProfiles.id, profileId), eq(instProfiles.decisionApplicationId, appId)));
  }
  return profileId;
}

/**
 * Seeds the instructor bank's demo (idempotent: nothing when the first demo instructor has a profile). One
 * transaction: 13 instructors in every state of the qualification (draft, submitted, overdue, returned, at the
 * committee, qualified, expiring within 60 days, expired, not qualified, withdrawn, renewal in review), then the
 * courses of Mazandaran's training unit and national online courses with trainees' ratings and evaluations.
 */
export async function seedInstructorsDemo(db: Db, places: DemoPlaces): Promise<void> {
  await ensureInstructorDefaults(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [marker] = await tx.select({ id: instProfiles.id }).from(instProfiles).where(eq(instProfiles.mobile, DEMO_INSTRUCTORS[0]!.mobile));
    if (marker) return;
    const found = await tx.select({ id: orgDivisions.id, code: orgDivisions.code, path: orgDivisions.path }).from(orgDivisions).where(eq(orgDivisions.level, 'province'));
    const ctx: Ctx = { tx, staff: await demoStaffActors(tx, STAFF, 'seedInstructorsDemo'), provinces: new Map(found.map((p) => [p.code, p])), now: Date.now() };
    const profiles = new Map<string, number>();
    for (const [i, d] of DEMO_INSTRUCTORS.entries()) profiles.set(d.mobile, await seedInstructor(ctx, d, i));
    await seedDemoCourses(tx, ctx.staff, places.province, profiles, ctx.now);
  });
}
