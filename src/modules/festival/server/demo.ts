// Demo mode: the festival in every state, so a newcomer sees it working the moment the server starts. Five rounds,
// the years counted from the current Jalali year: next year's being prepared (a draft); two announced (24 selected
// plans on the showcase with ranks, awards, drawn photos, replications by other villages and questions, answered and
// not); last year's being judged (five judges with home counties; some scores in, one plan flagged for the judges'
// disagreement, one declared conflict, the demo `judge` with work waiting); and this year's open (deadline three
// weeks ahead) with entries in draft, both screenings, returned, eligible, ineligible and withdrawn — three of them
// the demo `dehyari` account's. The open round goes through the module's own commands (the same rules as the
// screens); the closed rounds' judged plans, scores and the showcase's marks and questions are written as those
// commands leave them (demo-fast.ts, demo-rounds.ts, demo-sharing.ts), while starting judging and the announcements
// are the commands themselves; then everything moves to the story's days (demo-dates.ts). Idempotent: nothing happens
// once any round exists.
import { eq, gt, sql } from 'drizzle-orm';
import { clockNow } from '../../../core/clock.js';
import type { Db } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { jalaliParts, jalaliToDate } from '../../../core/fa/jalali.js';
import { notifyOutbox } from '../../../core/notify/schema.js';
import type { DemoPlaces } from '../../../core/org/demo.js';
import type { DemoPlan } from './demo-data.js';
import { PLANS_ANNOUNCED } from './demo-data-2.js';
import { PLANS_LAST_ANNOUNCED } from './demo-data-3.js';
import { PLANS_JUDGING } from './demo-data-4.js';
import { PLANS_OPEN } from './demo-data-5.js';
import { dateBackRound, type StoryTimes } from './demo-dates.js';
import { demoPeople } from './demo-people.js';
import { demoRoundInput, seedRound, type RoundSpec } from './demo-rounds.js';
import { createRound } from './rounds.js';
import { seedSharing } from './demo-sharing.js';
import type { EntryRow } from './entries.js';
import { festRounds } from './schema.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Arbitrary constant: the advisory lock that keeps two instances from seeding the demo at once.
const DEMO_LOCK = 7349120;

/** Every demo plan (all rounds). */
export const DEMO_PLANS: readonly DemoPlan[] = [...PLANS_ANNOUNCED, ...PLANS_LAST_ANNOUNCED, ...PLANS_JUDGING, ...PLANS_OPEN];

/** The rounds' settings and story days, counted from `now`. */
export function demoStories(now: Date): { spec: RoundSpec; times: StoryTimes }[] {
  const y = jalaliParts(now).year;
  const jd = (days: number) => jalaliFromDbDate(dbDateOf(new Date(now.getTime() + days * DAY)));
  const on = (year: number, month: number, day: number, hour: number) => new Date(jalaliToDate(year, month, day)!.getTime() + hour * HOUR);
  const start = (jalali: string) => {
    const [yy, mm, dd] = jalali.split('/').map(Number);
    return on(yy!, mm!, dd!, 0);
  };
  const plans = (ago: number) => DEMO_PLANS.filter((p) => p.ago === ago);
  const announced = (ago: 2 | 3, judged: [number, number], announcedOn: [number, number]) => {
    const year = y - ago;
    const spec: RoundSpec = { year, opensOn: `${year}/02/01`, deadline: `${year}/05/31`, plans: plans(ago), stop: 'announced' };
    const judgingAt = on(year, ...judged, 10);
    const times: StoryTimes = {
      from: on(year, 2, 10, 9), to: on(year, 5, 24, 12), limit: new Date(judgingAt.getTime() - 3 * DAY), judgingAt, announcedAt: on(year, ...announcedOn, 11), now,
    };
    return { spec, times };
  };
  const judgingAt = new Date(start(jd(-45)).getTime() + 10 * HOUR);
  const lastOpens = start(jd(-230));
  const thisOpens = start(jd(-30));
  return [
    announced(3, [6, 20], [8, 15]),
    announced(2, [6, 16], [8, 12]),
    {
      spec: { year: y - 1, opensOn: jd(-230), deadline: jd(-80), plans: plans(1), stop: 'judging' },
      times: { from: new Date(lastOpens.getTime() + 10 * DAY), to: new Date(now.getTime() - 90 * DAY), limit: new Date(judgingAt.getTime() - 3 * DAY), judgingAt, announcedAt: null, now },
    },
    {
      spec: { year: y, opensOn: jd(-30), deadline: jd(21), plans: plans(0), stop: 'open' },
      times: { from: new Date(thisOpens.getTime() + 2 * DAY + 9 * HOUR), to: new Date(now.getTime() - 5 * DAY), limit: new Date(now.getTime() - 2 * HOUR), judgingAt: null, announcedAt: null, now },
    },
  ];
}

/**
 * Seeds the festival's demo in one transaction (idempotent: nothing when a round exists). The SMS the story's steps
 * queued are dropped: they belong to the story's past, not to today.
 */
export async function seedFestivalDemo(db: Db, _places?: DemoPlaces): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [any] = await tx.select({ id: festRounds.id }).from(festRounds).limit(1);
    if (any) return;
    const [outbox] = await tx.select({ max: sql<number>`coalesce(max(${notifyOutbox.id}), 0)::int` }).from(notifyOutbox);
    const people = await demoPeople(tx);
    const now = clockNow();
    const entries = new Map<string, EntryRow>();
    const announced = new Map<string, Date>();
    for (const { spec, times } of demoStories(now)) {
      const seeded = await seedRound(tx, people, spec, now);
      await dateBackRound(tx, seeded, times);
      for (const [key, e] of seeded.entries) {
        entries.set(key, e);
        if (times.announcedAt) announced.set(e.id, times.announcedAt);
      }
    }
    await seedSharing(tx, people, new Map(DEMO_PLANS.map((p) => [p.key, p])), entries, announced, now.getTime());
    // Next year's round, being prepared by the secretariat (a draft: not public yet).
    const next = jalaliParts(now).year + 1;
    const draft = await createRound(tx, people.national, demoRoundInput(next, `${next}/02/01`, `${next}/05/31`));
    await tx.update(festRounds).set({ createdAt: new Date(now.getTime() - 3 * DAY), updatedAt: new Date(now.getTime() - 2 * DAY) }).where(eq(festRounds.id, draft.id));
    await tx.delete(notifyOutbox).where(gt(notifyOutbox.id, Number(outbox?.max ?? 0)));
  });
}
