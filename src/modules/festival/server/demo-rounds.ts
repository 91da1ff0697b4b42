// One demo round's story: the secretariat creates and opens it and names its judges (commands); owners file their
// plans (with drawn photos and the council's approval) and submit, the province and the nation screen (accept,
// return with a comment, reject), owners withdraw — through the commands, except the closed rounds' judged plans
// (demo-fast.ts). Then, for the rounds past their deadline, judging starts (the command: assignment without conflicts
// of interest), a judge declares a conflict (the command), the judges' scores are written, and the secretariat
// announces the winners (the command). Past rounds run with `now` inside their window; demo-dates.ts then moves every
// record to the story's days.
import { createHash, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { Tx } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { toPersianDigits } from '../../../core/fa/normalize.js';
import { getCase } from '../../../core/workflow/engine.js';
import { PlanInput, RoundInput, type Plan, type ScoreInput, type ScreeningInput } from '../contract.js';
import { DEFAULT_AXES, DEFAULT_RUBRIC } from '../enums.js';
import { announceRound } from './results.js';
import { declareConflict, startJudging } from './assignment.js';
import { getRound, type RoundRow } from './common.js';
import type { DemoPlan } from './demo-data.js';
import { ACCEPT_COMMENT, fileEligible } from './demo-fast.js';
import { ownerActor, provinceScreener, type DemoPeople } from './demo-people.js';
import { demoPhoto, sceneOf } from './demo-photos.js';
import { demoScore, disputedScores, hash01 } from './demo-scores.js';
import { createEntry, type EntryRow } from './entries.js';
import { submitEntry, withdrawEntry } from './entries-owner.js';
import { setRoundJudges } from './judges.js';
import { openRound, createRound } from './rounds.js';
import { festAssignments, festEntries, festScores } from './schema.js';
import { rubricTotal } from './scores.js';
import { screenEntry } from './screening.js';

const DAY = 86_400_000;
// The smallest PDF the documents store accepts: the demo's scanned approval of the village council.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const APPROVAL = { key: 'council_approval', title: 'تأییدیه شورای اسلامی روستا یا دهیاری' };
const JUDGE_ORDER = ['judge3', 'judge5', 'judge2', 'judge4', 'judge'];
const JUDGED: readonly string[] = ['judging', 'selected', 'not_selected'];

export interface RoundSpec {
  year: number;
  /** Jalali days */
  opensOn: string;
  deadline: string;
  plans: DemoPlan[];
  /** where the round's story ends */
  stop: 'open' | 'judging' | 'announced';
}

export interface SeededRound {
  round: RoundRow;
  /** entries by plan key */
  entries: Map<string, EntryRow>;
  /** the judge who declared a conflict, and with which entry */
  conflict: { judgeId: number; entryId: string } | null;
}

/** A round's settings as the secretariat would write them: the default axes and rubric, the parts and the council's approval required. */
export function demoRoundInput(year: number, opensOn: string, deadline: string): RoundInput {
  return RoundInput.parse({
    year, title: `جشنواره طرح‌های برگزیده دهیاری‌ها و کارآفرینان روستایی سال ${toPersianDigits(year)}`,
    axes: DEFAULT_AXES.map((a) => ({ key: a.key, title: a.title, categories: a.categories.map((c) => ({ ...c })), rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })) })),
    opensOn, deadline, requiredParts: ['problem', 'partners', 'cost', 'funding', 'jobs', 'beneficiaries', 'lessons', 'contact'],
    requiredDocuments: [APPROVAL], judgesPerEntry: 3, disagreementThreshold: 1.5,
  });
}

type DocRow = typeof docFiles.$inferInsert;

/**
 * The plan with its files — drawn photos and the council's approval, owned by the owner as if his form had uploaded
 * them — whose rows are added to `docs` (stored for the whole round in one statement; the types are known here).
 */
function withFiles(owner: Actor, d: DemoPlan, year: number, villagePath: string, docs: DocRow[]): Plan {
  const file = (content: Buffer, filename: string, mime: string, purpose: string) => {
    const id = randomUUID();
    docs.push({ id, filename, mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content, purpose, divisionPath: villagePath, ownerId: owner.id });
    return id;
  };
  const scene = sceneOf(d.plan.category ?? '', d.plan.title ?? '');
  const photos = Array.from({ length: d.photos ?? 0 }, (_, i) =>
    file(demoPhoto(scene, Math.floor(hash01(d.key) * 1e6) + i), `عکس ${toPersianDigits(i + 1)} طرح.png`, 'image/png', 'festival-photo'));
  const documents = d.target === 'draft' ? {} : { [APPROVAL.key]: [file(PDF, 'تأییدیه شورای اسلامی روستا.pdf', 'application/pdf', 'festival-document')] };
  return PlanInput.parse({ ...d.plan, startYear: year - (d.since ?? 1), photos, documents });
}

/** Files one plan and takes it through screening to where its story ends before judging. */
async function file(tx: Tx, people: DemoPeople, round: RoundRow, d: DemoPlan, plan: Plan, at: Date): Promise<EntryRow> {
  const owner = ownerActor(people, d);
  const village = people.villages[d.village];
  let e = await createEntry(tx, owner, { roundId: round.id, villageId: village.id, plan }, at);
  if (d.target === 'draft') return e;
  e = await submitEntry(tx, owner, e.id, e.version, at);
  const screen = async (who: Actor, action: ScreeningInput['action'], comment = '') => {
    const c = await getCase(tx, e.caseId!);
    e = await screenEntry(tx, who, e.id, { action, comment, expectedVersion: c!.version }, at);
  };
  const prov = provinceScreener(people, d.village);
  const byDehyari = d.by === 'dehyari';
  switch (d.target) {
    case 'province_screening':
      break;
    case 'national_screening':
      await screen(prov, 'province_accept');
      break;
    case 'returned':
    case 'expired':
      if (byDehyari) await screen(prov, 'province_return', d.comment);
      else (await screen(prov, 'province_accept'), await screen(people.national, 'national_return', d.comment));
      break;
    case 'ineligible':
      if (byDehyari) await screen(prov, 'province_reject', d.comment);
      else (await screen(prov, 'province_accept'), await screen(people.national, 'national_reject', d.comment));
      break;
    case 'withdrawn':
      await screen(prov, 'province_accept');
      e = await withdrawEntry(tx, owner, e.id, e.version);
      break;
    default:
      await screen(prov, 'province_accept');
      await screen(people.national, 'national_accept', ACCEPT_COMMENT);
  }
  return e;
}

/** Judging: a conflict declared (judging round), then the scores — all of them, or some left for the demo judges. */
async function judge(tx: Tx, people: DemoPeople, round: RoundRow, spec: RoundSpec, entries: Map<string, EntryRow>): Promise<SeededRound['conflict']> {
  const byId = new Map(spec.plans.filter((p) => entries.has(p.key)).map((p) => [entries.get(p.key)!.id, p]));
  const usernames = new Map([...people.judges].map(([u, j]) => [j.actor.id!, u]));
  const seats = async () => tx.select().from(festAssignments).innerJoin(festEntries, eq(festEntries.id, festAssignments.entryId))
    .where(eq(festAssignments.roundId, round.id)).orderBy(asc(festEntries.title), asc(festAssignments.judgeId));
  let conflict: SeededRound['conflict'] = null;
  const complete = spec.stop === 'announced';
  if (!complete) {
    // judge5 knows the people behind one of his entries: he declares it, and another judge takes his seat.
    const j5 = people.judges.get('judge5')!.actor;
    const mine = (await seats()).find((s) => s.fest_assignments.judgeId === j5.id && !byId.get(s.fest_entries.id)?.disputed);
    if (mine) {
      await declareConflict(tx, j5, mine.fest_entries.id, 'مجری این طرح از بستگان نزدیک من است و داوری من بی‌طرفانه نخواهد بود.');
      conflict = { judgeId: j5.id!, entryId: mine.fest_entries.id };
    }
  }
  const all = await seats();
  type Seat = (typeof all)[number];
  const userOf = (s: Seat) => usernames.get(s.fest_assignments.judgeId)!;
  const axisOf = (key: string) => round.axes.find((a) => a.key === key)!;
  const disputed = all.find((s) => byId.get(s.fest_entries.id)?.disputed)?.fest_entries;
  const panel = disputed ? all.filter((s) => s.fest_entries.id === disputed.id) : [];
  // While judging: the demo `judge` has scored one plan (the rest wait for him), judge4 all but two; the disputed plan
  // is scored by its whole panel, and a judge of its panel scores the other plans of its axis first.
  const waiting = new Set<Seat>();
  if (!complete) {
    for (const [username, from] of [['judge', 1], ['judge4', -2]] as const) {
      const onPanel = panel.some((s) => userOf(s) === username);
      const later = (s: Seat) => (onPanel && s.fest_entries.axis === disputed?.axis ? 0 : 1);
      const mine = all.filter((s) => userOf(s) === username && s.fest_entries.id !== disputed?.id).sort((x, y) => later(x) - later(y));
      for (const s of mine.slice(from)) waiting.add(s);
    }
  }
  const rows: (typeof festScores.$inferInsert & { total: number })[] = [];
  // The judges' forms would have sent these; the total is computed as saveScore computes it.
  const score = (s: Seat, criteria: ScoreInput['criteria']) =>
    rows.push({ entryId: s.fest_entries.id, judgeId: s.fest_assignments.judgeId, criteria, total: rubricTotal(axisOf(s.fest_entries.axis), criteria) });
  for (const s of all) {
    if (!waiting.has(s) && s.fest_entries.id !== disputed?.id) score(s, demoScore(axisOf(s.fest_entries.axis), byId.get(s.fest_entries.id)!, userOf(s)).criteria);
  }
  if (disputed) {
    // Its judges' totals for the other plans of its axis, then its own scores far from them (demo-scores.ts).
    const onAxis = new Set(all.filter((s) => s.fest_entries.axis === disputed.axis).map((s) => s.fest_entries.id));
    const others = new Map(panel.map((p) => [userOf(p), rows.filter((r) => r.judgeId === p.fest_assignments.judgeId && onAxis.has(r.entryId)).map((r) => r.total)]));
    const order = JUDGE_ORDER.filter((u) => others.has(u));
    const scores = disputedScores(axisOf(disputed.axis), byId.get(disputed.id)!, order, others, round.disagreementThreshold);
    for (const s of panel) score(s, scores.get(userOf(s))!);
  }
  if (rows.length) await tx.insert(festScores).values(rows);
  await appendAudit(tx, people.national, { action: 'festival.demo.scores', entityType: 'fest_round', entityId: round.id, divisionPath: '/', data: { scores: rows.length } });
  return conflict;
}

/** Runs one round's story; `now` is the real time (the open round's window contains it). */
export async function seedRound(tx: Tx, people: DemoPeople, spec: RoundSpec, now: Date): Promise<SeededRound> {
  const created = await createRound(tx, people.national, demoRoundInput(spec.year, spec.opensOn, spec.deadline));
  const inWindow = spec.stop === 'open' ? now : new Date(created.opensAt.getTime() + DAY);
  let round = await openRound(tx, people.national, created.id, created.version, inWindow);
  await setRoundJudges(tx, people.national, round.id, { judges: [...people.judges.values()].map((j) => ({ userId: j.actor.id!, countyId: j.countyId })) });
  const docs: DocRow[] = [];
  const plans = spec.plans.map((d) => withFiles(ownerActor(people, d), d, round.year, people.villages[d.village].path, docs));
  if (docs.length) await tx.insert(docFiles).values(docs);
  // Plans judged in a closed round are written as the screening left them (demo-fast.ts); the open round's plans and
  // the closed rounds' returned or rejected ones go through the commands.
  const fast = (d: DemoPlan) => spec.stop !== 'open' && JUDGED.includes(d.target);
  const ids = await fileEligible(tx, people, round, spec.plans.flatMap((d, i) => (fast(d) ? [{ d, plan: plans[i]! }] : [])));
  for (const [i, d] of spec.plans.entries()) if (!fast(d)) ids.set(d.key, (await file(tx, people, round, d, plans[i]!, inWindow)).id);
  const entries = async () => {
    const rows = new Map((await tx.select().from(festEntries).where(eq(festEntries.roundId, round.id))).map((e) => [e.id, e]));
    return new Map([...ids].map(([key, id]) => [key, rows.get(id)!]));
  };
  let conflict: SeededRound['conflict'] = null;
  if (spec.stop !== 'open') {
    round = await getRound(tx, round.id);
    await startJudging(tx, people.national, round.id, round.version, now);
    round = await getRound(tx, round.id);
    conflict = await judge(tx, people, round, spec, await entries());
    if (spec.stop === 'announced') {
      const winners = spec.plans.filter((p) => p.target === 'selected').map((p) => ids.get(p.key)!);
      round = await getRound(tx, round.id);
      await announceRound(tx, people.national, round.id, { winners, version: round.version });
    }
    round = await getRound(tx, round.id);
  }
  return { round, entries: await entries(), conflict };
}
