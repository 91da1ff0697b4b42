// The instructor bank's demo: every demo instructor ends in his story's state (with the dates of the story), the
// courses in each state with ratings and evaluations, and a second run changes nothing.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaffActors, seedDemo } from '../../../core/auth/demo.js';
import type { Db } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createTestDatabase } from '../../../test/db.js';
import { TRAINING_ID_RE } from '../training-id.js';
import { searchBank } from './bank.js';
import { DEMO_INSTRUCTORS, type DemoTarget } from './demo-data.js';
import { seedInstructorsDemo } from './demo.js';
import { reports } from './reports.js';
import { instApplications, instAssignments, instCourses, instProfiles, instRatings } from './schema.js';
import { verifyTrainingId } from './verify.js';
import './index.js';

const DAY = 86_400_000;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let firstRunMs = 0;
let counts: Record<string, number>;

async function tableCounts(): Promise<Record<string, number>> {
  const n = async (t: typeof instProfiles | typeof instApplications | typeof instCourses | typeof instRatings | typeof docFiles | typeof wfCases) => Number((await db.select({ n: count() }).from(t))[0]!.n);
  return { profiles: await n(instProfiles), applications: await n(instApplications), courses: await n(instCourses), ratings: await n(instRatings), documents: await n(docFiles), cases: await n(wfCases) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const places = await seedDemo(db);
  const t0 = performance.now();
  await seedInstructorsDemo(db, places);
  firstRunMs = performance.now() - t0;
  counts = await tableCounts();
  await seedInstructorsDemo(db, places); // idempotent
}, 180_000);
afterAll(async () => { await database.close(); });

/** Each demo instructor's profile, his latest application (with its case) and all his applications. */
async function stories() {
  const profiles = await db.select().from(instProfiles);
  const apps = await db.select({ app: instApplications, c: wfCases }).from(instApplications).innerJoin(wfCases, eq(wfCases.id, instApplications.caseId));
  return DEMO_INSTRUCTORS.map((d) => {
    const p = profiles.find((x) => x.mobile === d.mobile)!;
    const mine = apps.filter((a) => a.app.profileId === p.id).sort((a, b) => a.app.createdAt.getTime() - b.app.createdAt.getTime());
    return { d, p, mine, last: mine.at(-1) };
  });
}

describe('seedInstructorsDemo', () => {
  it('is quick and idempotent', async () => {
    console.log(`seedInstructorsDemo: ${Math.round(firstRunMs)} ms`, counts);
    expect(await tableCounts()).toEqual(counts);
    expect(counts.profiles).toBe(DEMO_INSTRUCTORS.length);
    expect(firstRunMs).toBeLessThan(30_000);
  });

  it('takes every demo instructor to his story\'s state, dated as in the story', async () => {
    const today = new Date(`${new Date(Date.now() + 3.5 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`).getTime();
    const checks: Record<DemoTarget, (s: Awaited<ReturnType<typeof stories>>[number]) => void> = {
      draft: ({ mine, p }) => { expect(mine).toHaveLength(0); expect(p.trainingId).toBeNull(); },
      submitted: ({ last }) => { expect(last!.c.state).toBe('submitted'); expect(last!.c.dueAt!.getTime()).toBeGreaterThan(Date.now()); },
      submitted_overdue: ({ last }) => { expect(last!.c.state).toBe('submitted'); expect(last!.c.dueAt!.getTime()).toBeLessThan(Date.now()); },
      returned: ({ last }) => expect(last!.c.state).toBe('returned'),
      committee: ({ last }) => {
        expect(last!.c.state).toBe('committee');
        expect(last!.app.reviewedScores).not.toBeNull();
        expect(Object.values(last!.app.review).some((r) => Object.keys(r.adjustments).length > 0)).toBe(true);
      },
      qualified: ({ p, last }) => {
        expect(last!.c.state).toBe('qualified');
        expect(p.trainingId).toMatch(TRAINING_ID_RE);
        expect(p.qualifiedUntil!.getTime() - today).toBeGreaterThan(60 * DAY);
        expect(p.qualifiedAt!.getTime()).toBeLessThan(Date.now() - 100 * DAY);
      },
      qualified_expiring: ({ p, last }) => {
        expect(last!.c.state).toBe('qualified');
        const left = (p.qualifiedUntil!.getTime() - today) / DAY;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(60);
      },
      expired: ({ p }) => { expect(p.trainingId).toMatch(TRAINING_ID_RE); expect(p.qualifiedUntil!.getTime()).toBeLessThan(today); },
      not_qualified: ({ p, last }) => { expect(last!.c.state).toBe('not_qualified'); expect(p.trainingId).toBeNull(); expect(last!.app.decisionReasons).toBeTruthy(); },
      withdrawn: ({ last }) => { expect(last!.c.state).toBe('withdrawn'); expect(last!.app.closedAt).not.toBeNull(); },
      renewal_in_review: ({ p, mine, last }) => {
        expect(mine).toHaveLength(2);
        expect(last!.app.kind).toBe('renewal');
        expect(last!.c.state).toBe('submitted');
        expect(p.qualifiedUntil!.getTime()).toBeGreaterThanOrEqual(today);
      },
    };
    for (const s of await stories()) {
      checks[s.d.target](s);
      // The timeline is the story's: filed on the first step's day (± a day for the time zone), not today.
      const first = s.d.steps[0];
      if (first) expect(Math.abs((Date.now() - s.mine[0]!.app.createdAt.getTime()) / DAY - first.days), s.d.mobile).toBeLessThan(1.5);
    }
  });

  it('issues valid training IDs that verify publicly; the expired one verifies as expired', async () => {
    for (const s of await stories()) {
      if (!s.p.trainingId) continue;
      const v = await verifyTrainingId(db, s.p.trainingId);
      expect(v.valid, s.d.mobile).toBe(s.d.target !== 'expired');
    }
  });

  it('has courses in every state in Mazandaran and nationally, with ratings across the months and evaluations', async () => {
    const courses = await db.select().from(instCourses);
    const byState = Object.fromEntries(['planned', 'held', 'closed', 'cancelled'].map((s) => [s, courses.filter((c) => c.state === s).length]));
    expect(byState).toEqual({ planned: 2, held: 2, closed: 4, cancelled: 1 });
    expect(courses.some((c) => c.divisionPath === '/' && c.mode === 'online' && c.state === 'closed')).toBe(true);
    expect(courses.filter((c) => c.provinceId !== null).length).toBeGreaterThanOrEqual(5);
    const ratings = await db.select({ month: sql<string>`to_char(${instRatings.createdAt}, 'YYYY-MM')` }).from(instRatings);
    expect(ratings.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ratings.map((r) => r.month)).size).toBeGreaterThanOrEqual(4);
    const evaluated = await db.select({ state: instCourses.state }).from(instAssignments).innerJoin(instCourses, eq(instCourses.id, instAssignments.courseId)).where(sql`${instAssignments.evaluation} is not null`);
    expect(evaluated.some((e) => e.state === 'held')).toBe(true);
    // Ratings fed back: the rated instructors have sums and re-evaluated scores.
    const rated = (await db.select().from(instProfiles)).filter((p) => p.ratingCount > 0);
    expect(rated.length).toBeGreaterThanOrEqual(4);
    for (const p of rated) expect(p.bestScore).not.toBeNull();
  });

  it('shows in the bank and the reports of the demo accounts', async () => {
    const { 'training.unit': unit, 'expert.training': expert } = await demoStaffActors(db, ['training.unit', 'expert.training'] as const);
    const bank = await searchBank(db, expert, { page: 1, pageSize: 50 });
    expect(bank.total).toBeGreaterThanOrEqual(5);
    const local = await searchBank(db, unit, { page: 1, pageSize: 50 });
    expect(local.items.length).toBeGreaterThan(0);
    const r = await reports(db, expert);
    expect(r).toBeTruthy();
  });
});
