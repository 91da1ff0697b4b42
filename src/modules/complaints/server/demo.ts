import { and, count, eq, gt, inArray, like, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR, type Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import { demoCitizenActor, demoStaffActors } from '../../../core/auth/demo.js';
import type { Db, Tx } from '../../../core/db/client.js';
import { jobs } from '../../../core/jobs/schema.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import { getDivision, type Division } from '../../../core/org/queries.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { loadHolidays, workingDaysBetween } from '../../../core/workflow/calendar.js';
import { getCase, transition } from '../../../core/workflow/engine.js';
import { remindJobKey } from '../../../core/workflow/remind.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import { slaJobKey } from '../../../core/workflow/sla.js';
import { ensureCategories } from './categories.js';
import { addCitizenInfo, rateComplaint, reopenComplaint, withdrawComplaint } from './commands/citizen.js';
import { submitComplaint } from './commands/submit.js';
import { DEMO_CITIZENS, DEMO_COMPLAINTS, type DemoComplaint, type DemoPlaceKey, type DemoStep } from './demo-data.js';
import { scheduleAutoClose } from './jobs.js';
import { complaints, complaintsCategories, complaintsMessages } from './schema.js';

const DAY = 86_400_000;
// Arbitrary constant: two instances starting in demo mode at once seed once.
const DEMO_LOCK = 7349107;
type StaffKey = 'municipality' | 'dehyari' | 'district.reviewer' | 'province.reviewer' | 'inspector';

/** Who triages (assigns, rejects, marks duplicates) and who works a complaint at each demo place. */
const ROUTING: Record<DemoPlaceKey, { triage: StaffKey; handler: StaffKey }> = {
  sari: { triage: 'district.reviewer', handler: 'municipality' },
  village: { triage: 'district.reviewer', handler: 'dehyari' },
  akhursar: { triage: 'district.reviewer', handler: 'district.reviewer' },
  esbukola: { triage: 'district.reviewer', handler: 'district.reviewer' },
  district: { triage: 'district.reviewer', handler: 'district.reviewer' },
  kiasar: { triage: 'province.reviewer', handler: 'province.reviewer' },
  babol: { triage: 'province.reviewer', handler: 'province.reviewer' },
  natanz: { triage: 'inspector', handler: 'inspector' },
  abyaneh: { triage: 'inspector', handler: 'inspector' },
};

async function findPlace(tx: Tx, level: 'city' | 'village', name: string, withinPath: string): Promise<Division> {
  const [d] = await tx.select({ id: orgDivisions.id }).from(orgDivisions)
    .where(and(eq(orgDivisions.level, level), eq(orgDivisions.name, name), like(orgDivisions.path, `${withinPath}%`)));
  if (!d) throw new Error(`seedComplaintsDemo: demo ${level} ${name} is missing`);
  return (await getDivision(tx, d.id))!;
}

async function resolvePlaces(tx: Tx, places: DemoPlaces): Promise<Record<DemoPlaceKey, Division>> {
  const mazandaran = (await getDivision(tx, places.province))!;
  const [isfahan] = await tx.select({ path: orgDivisions.path }).from(orgDivisions).where(and(eq(orgDivisions.level, 'province'), eq(orgDivisions.code, '10')));
  if (!isfahan) throw new Error('seedComplaintsDemo: demo province Isfahan is missing');
  return {
    sari: (await getDivision(tx, places.city))!,
    village: (await getDivision(tx, places.village))!,
    district: (await getDivision(tx, places.district))!,
    akhursar: await findPlace(tx, 'village', 'آخورسر', mazandaran.path),
    esbukola: await findPlace(tx, 'village', 'اسبوکلا', mazandaran.path),
    kiasar: await findPlace(tx, 'city', 'کیاسر', mazandaran.path),
    babol: await findPlace(tx, 'city', 'بابل', mazandaran.path),
    natanz: await findPlace(tx, 'city', 'نطنز', isfahan.path),
    abyaneh: await findPlace(tx, 'village', 'ابیانه', isfahan.path),
  };
}

const staffActors = (tx: Tx) => demoStaffActors<StaffKey>(tx, ['municipality', 'dehyari', 'district.reviewer', 'province.reviewer', 'inspector'], 'seedComplaintsDemo');

async function demoCitizens(tx: Tx): Promise<Actor[]> {
  const out: Actor[] = [];
  for (const c of DEMO_CITIZENS) out.push(await demoCitizenActor(tx, c.mobile, c.name));
  return out;
}

interface Ctx {
  tx: Tx;
  staff: Record<StaffKey, Actor>;
  citizens: Actor[];
  places: Record<DemoPlaceKey, Division>;
  categories: Map<string, number>;
  holidays: ReadonlySet<string>;
  /** Complaint id by demo index (for duplicates). */
  ids: string[];
}

/** One demo complaint: filed as its citizen, then driven through the engine step by step; then dated back. */
async function seedOne(ctx: Ctx, spec: DemoComplaint, index: number, now: number): Promise<string | null> {
  const { tx } = ctx;
  const categoryId = ctx.categories.get(spec.category);
  if (!categoryId) return null; // an installation whose categories were edited: skip what no longer exists
  const place = ctx.places[spec.place];
  const citizen = ctx.citizens[spec.citizen]!;
  const person = DEMO_CITIZENS[spec.citizen]!;
  const created = new Date(now - spec.daysAgo * DAY);
  const jitter = (((index * 37) % 100) - 50) / 10_000;
  const r = await submitComplaint(tx, {
    kind: spec.kind ?? 'complaint', categoryId, divisionId: place.id, subject: spec.subject, body: spec.body, answers: spec.answers ?? {},
    name: spec.anonymous ? undefined : person.name ?? undefined, anonymous: spec.anonymous ?? false, documentIds: [], address: spec.address,
    ...(place.lat != null && place.lon != null ? { lat: place.lat + jitter, lon: place.lon - jitter } : {}),
  }, { actor: citizen, source: 'web', sms: false });
  ctx.ids[index] = r.id;
  const inspection = spec.category === 'staff-behaviour' || spec.category === 'corruption';
  const route = inspection ? { triage: 'inspector' as const, handler: 'inspector' as const } : ROUTING[spec.place];
  const historyTimes: Date[] = [created];
  const answers: Date[] = [];
  const row = async () => (await tx.select().from(complaints).where(eq(complaints.id, r.id)))[0]!;

  for (const step of spec.steps) {
    const at = new Date(created.getTime() + step.at * DAY);
    const [{ max: lastMsg }] = await tx.select({ max: sql<number>`coalesce(max(${complaintsMessages.id}), 0)`.mapWith(Number) }).from(complaintsMessages) as [{ max: number }];
    const message = (kind: 'reply' | 'info_request' | 'note', body: string, author: Actor) =>
      tx.insert(complaintsMessages).values({ complaintId: r.id, kind, body, authorId: author.id, createdAt: at });
    const act = async (action: string, actor: Actor, extra: { comment?: string; assigneeId?: number; set?: Partial<typeof complaints.$inferInsert>; reply?: 'reply' | 'info_request' } = {}) => {
      const c = (await getCase(tx, r.caseId))!;
      await transition(tx, {
        caseId: c.id, action, actor, expectedVersion: c.version, comment: extra.comment, assigneeId: extra.assigneeId,
        apply: async (t) => {
          if (extra.reply) await t.insert(complaintsMessages).values({ complaintId: r.id, kind: extra.reply, body: extra.comment!, authorId: actor.id, createdAt: at });
          if (extra.set) await t.update(complaints).set(extra.set).where(eq(complaints.id, r.id));
        },
      });
      historyTimes.push(at);
    };
    await runStep(ctx, step, { act, message, row, route, citizen, at, answers, historyTimes, duplicateOf: (i) => ctx.ids[i]! });
    // Messages the citizen commands wrote carry the real time: date them like the step.
    await tx.update(complaintsMessages).set({ createdAt: at }).where(and(eq(complaintsMessages.complaintId, r.id), gt(complaintsMessages.id, lastMsg)));
  }
  await dateBack(ctx, r, created, historyTimes, answers, categoryId);
  return r.id;
}

interface StepTools {
  act: (action: string, actor: Actor, extra?: { comment?: string; assigneeId?: number; set?: Partial<typeof complaints.$inferInsert>; reply?: 'reply' | 'info_request' }) => Promise<void>;
  message: (kind: 'reply' | 'info_request' | 'note', body: string, author: Actor) => Promise<unknown>;
  row: () => Promise<typeof complaints.$inferSelect>;
  route: { triage: StaffKey; handler: StaffKey };
  citizen: Actor;
  at: Date;
  answers: Date[];
  historyTimes: Date[];
  duplicateOf: (index: number) => string;
}

async function runStep(ctx: Ctx, step: DemoStep, s: StepTools): Promise<void> {
  const handler = ctx.staff[s.route.handler];
  const triage = ctx.staff[s.route.triage];
  switch (step.do) {
    case 'assign':
      return s.act('assign', triage, { assigneeId: handler.id! });
    case 'note': {
      await s.message('note', step.text, handler);
      const x = await s.row();
      return appendAudit(ctx.tx, handler, { action: 'complaint.note', entityType: 'complaint', entityId: x.id, divisionPath: x.divisionPath, data: { trackingCode: x.trackingCode, length: step.text.length, demo: true } });
    }
    case 'request_info':
      return s.act('request_info', handler, { comment: step.text, reply: 'info_request' });
    case 'answer':
      s.answers.push(s.at);
      // answered_at keeps the real time while the story runs (a later reopen checks the window against it);
      // dateBack dates it.
      return s.act('answer', handler, { comment: step.text, reply: 'reply', set: { answeredAt: new Date() } });
    case 'reject':
      return s.act('reject', triage, { comment: step.text, reply: 'reply', set: { closedAt: s.at } });
    case 'duplicate':
      return s.act('mark_duplicate', triage, { comment: step.text, reply: 'reply', set: { closedAt: s.at, duplicateOf: s.duplicateOf(step.of) } });
    case 'auto_close':
      return s.act('auto_close', SYSTEM_ACTOR, { set: { closedAt: s.at } });
    case 'provide_info':
      await addCitizenInfo(ctx.tx, await s.row(), s.citizen, { body: step.text });
      break;
    case 'rate':
      await rateComplaint(ctx.tx, await s.row(), s.citizen, { rating: step.rating, comment: step.comment });
      break;
    case 'reopen':
      await reopenComplaint(ctx.tx, await s.row(), s.citizen, { reason: step.text });
      break;
    case 'withdraw':
      await withdrawComplaint(ctx.tx, await s.row(), s.citizen);
      break;
  }
  s.historyTimes.push(s.at);
}

/**
 * Moves a freshly driven complaint back to its demo dates: the complaint and case rows, each history row, the
 * deadline and its pending SLA/reminder jobs (shifted like the last step, so a case late in the story is late
 * now and gets escalated when the worker runs), and the auto-close job of an answer still in its window.
 * (Audit events keep their real time: they record when the demo was loaded.)
 */
async function dateBack(ctx: Ctx, r: { id: string; caseId: string }, created: Date, times: Date[], answers: Date[], categoryId: number) {
  const { tx } = ctx;
  const c = (await getCase(tx, r.caseId))!;
  const last = times.at(-1)!;
  for (let seq = 1; seq <= times.length; seq++) {
    await tx.update(wfHistory).set({ at: times[seq - 1]! }).where(and(eq(wfHistory.caseId, c.id), eq(wfHistory.seq, seq)));
  }
  const shiftMs = c.updatedAt.getTime() - last.getTime();
  const dueAt = c.dueAt ? new Date(c.dueAt.getTime() - shiftMs) : null;
  await tx.update(wfCases).set({ createdAt: created, updatedAt: last, dueAt }).where(eq(wfCases.id, c.id));
  const keys = [slaJobKey(c.id, c.version), remindJobKey(c.id, c.version)];
  await tx.update(jobs).set({ runAt: sql`${jobs.runAt} - ${shiftMs}::double precision * interval '1 millisecond'` }).where(and(inArray(jobs.key, keys), eq(jobs.status, 'pending')));
  await tx.delete(jobs).where(and(like(jobs.key, `complaints.autoclose:${r.id}:%`), eq(jobs.status, 'pending')));

  const final = ['closed', 'rejected', 'duplicate', 'withdrawn'].includes(c.state);
  const first = answers[0];
  const [cat] = await tx.select({ slaDays: complaintsCategories.slaDays }).from(complaintsCategories).where(eq(complaintsCategories.id, categoryId));
  const days = first ? Math.max(0, workingDaysBetween(created, first, ctx.holidays)) : null;
  await tx.update(complaints).set({
    createdAt: created, updatedAt: last, answeredAt: answers.at(-1) ?? null, closedAt: final ? last : null,
    firstAnsweredAt: first ?? null, answerWorkingDays: days,
    // On time: answered within triage (2 working days) plus the category's SLA.
    answeredOnTime: days == null ? null : days <= 2 + (cat?.slaDays ?? 15),
  }).where(eq(complaints.id, r.id));
  if (c.state === 'answered' && answers.length) await scheduleAutoClose(tx, { id: r.id }, answers.at(-1)!);
}

/**
 * Demo data of the complaints service (demo mode; the module's `seedDemo`): 40 realistic Persian complaints and
 * requests over the demo places (Sari and its villages, Kiasar and Babol in Mazandaran, Natanz and Abyaneh in
 * Isfahan), filed by 12 demo citizens (mobiles 09000000001–012, who can sign in with the one-time code) over the
 * last three months, in every state of the workflow — submitted, in progress with an assignee, waiting for the
 * citizen, answered, reopened, closed (rated, and one closed automatically), rejected, duplicate, withdrawn —
 * some anonymous, some late, with public replies and internal notes. Driven through the engine by the demo staff
 * accounts (municipality, dehyari, district.reviewer, province.reviewer, inspector), so history and audit are
 * real; then dated back. Idempotent: does nothing when any complaint exists. One transaction.
 */
export async function seedComplaintsDemo(db: Db, places: DemoPlaces): Promise<void> {
  await ensureCategories(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [{ n }] = (await tx.select({ n: count() }).from(complaints)) as [{ n: number }];
    if (Number(n) > 0) return;
    const categories = new Map((await tx.select({ code: complaintsCategories.code, id: complaintsCategories.id }).from(complaintsCategories)).map((c) => [c.code, c.id]));
    const ctx: Ctx = {
      tx, staff: await staffActors(tx), citizens: await demoCitizens(tx), places: await resolvePlaces(tx, places), categories,
      holidays: await loadHolidays(tx), ids: [],
    };
    const now = Date.now();
    for (const [i, spec] of DEMO_COMPLAINTS.entries()) await seedOne(ctx, spec, i, now);
  });
}
