// The showcase's life in the demo: dehyaris of other villages marked selected plans "we want to replicate this" and
// asked their authors questions; the authors answered some. Written as the sharing commands would leave them (the
// marking dehyar's own village, never the plan's; the asker's village; the answer by the author side), on the story's
// days after each plan's announcement — in a few statements rather than one command each.
import { appendAudit } from '../../../core/audit/audit.js';
import type { Tx } from '../../../core/db/client.js';
import { DEMO_QUESTIONS, DEMO_REPLICATIONS, type DemoPlan } from './demo-data.js';
import { ownerActor, type DemoPeople } from './demo-people.js';
import { hash01 } from './demo-scores.js';
import type { EntryRow } from './entries.js';
import { festQuestions, festReplications } from './schema.js';

const DAY = 86_400_000;

/**
 * Seeds replications and questions of the selected plans (`entries` by plan key, `plans` to find their authors,
 * `announced` each entry's announcement) as of `now`.
 */
export async function seedSharing(tx: Tx, people: DemoPeople, plans: Map<string, DemoPlan>, entries: Map<string, EntryRow>, announced: Map<string, Date>, now: number): Promise<void> {
  const entryOf = (key: string) => {
    const e = entries.get(key);
    if (!e || e.state !== 'selected') throw new Error(`seedFestivalDemo: ${key} is not a selected plan`);
    return e;
  };
  // `days` ago (a few hours' jitter), but never before the plan's announcement.
  const when = (e: EntryRow, days: number, salt: string) =>
    new Date(Math.max(announced.get(e.id)!.getTime() + (1 + hash01(salt) * 5) * DAY, now - days * DAY + hash01(`${salt}h`) * 8 * 3_600_000));

  const reps = DEMO_REPLICATIONS.map((r) => {
    const e = entryOf(r.plan);
    const v = people.villages[r.village];
    if (v.id === e.villageId) throw new Error(`seedFestivalDemo: ${r.village} cannot replicate its own plan`);
    return { entryId: e.id, villageId: v.id, villagePath: v.path, userId: people.dehyars[r.village].id!, note: r.note, createdAt: when(e, r.days, `${r.plan}${r.village}`) };
  });
  await tx.insert(festReplications).values(reps);

  const questions = DEMO_QUESTIONS.map((q) => {
    const e = entryOf(q.plan);
    const askedAt = when(e, q.days, `${q.plan}${q.village}q`);
    const answeredAt = q.answer ? new Date(Math.min(now - 3_600_000, askedAt.getTime() + (1 + hash01(`${q.plan}${q.village}a`) * 4) * DAY)) : null;
    return {
      entryId: e.id, askerUserId: people.dehyars[q.village].id!, askerVillageId: people.villages[q.village].id, question: q.question, askedAt,
      answer: q.answer, answeredById: q.answer ? ownerActor(people, plans.get(q.plan)!).id : null, answeredAt,
    };
  });
  await tx.insert(festQuestions).values(questions);
  await appendAudit(tx, null, {
    action: 'festival.demo.sharing', entityType: 'fest_showcase', entityId: 'demo', divisionPath: '/',
    data: { replications: reps.length, questions: questions.length, answered: questions.filter((q) => q.answer).length },
  });
}
