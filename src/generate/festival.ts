// Generated festival plans: selected entries of announced rounds, so they are on the public showcase, with Persian
// titles and summaries built from a word list (each product word in a known share of plans), their `festival.entry`
// cases and the five steps that led there (open, province and national acceptance, judging, selection).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../core/audit/audit.js';
import { SYSTEM_ACTOR } from '../core/access/actor.js';
import { rows, type Database, type DbOrTx } from '../core/db/client.js';
import { parseJalaliDate } from '../core/fa/index.js';
import { pathIds } from '../core/org/path.js';
import { seededRandom } from '../core/random.js';
import type { Axis, Plan } from '../modules/festival/contract.js';
import { countyPathOf, placeRefs } from '../modules/festival/server/common.js';
import { demoRoundInput } from '../modules/festival/server/demo-rounds.js';
import { searchTextOf } from '../modules/festival/server/entries.js';
import { entryWorkflow } from '../modules/festival/server/workflow.js';
import { DEFER_INDEXES_FROM, inBatches, insertRows, withIndexesDeferred, pick, seededTrackingCode, type Row } from './batch.js';
import type { GenerateOptions } from './complaints.js';
import { ensureCitizens } from './people.js';
import { PLAN_KINDS, PLAN_PRODUCTS, PLAN_SUMMARY_PARTS } from './words.js';

const BATCH = 5_000;
const DAY = 86_400_000;

interface Round {
  id: number;
  year: number;
  axes: Axis[];
  announcedAt: Date;
}

/** The announced rounds; without any (no demo), one is created for last Jalali year's festival, already announced. */
async function announcedRounds(db: DbOrTx): Promise<Round[]> {
  const read = async () => (await rows<{ id: number; year: number; axes: Axis[]; announced_at: string | Date }>(db, sql`
    select id, year, axes, announced_at from fest_rounds where state = 'announced' order by year`)).map((r) => ({ id: Number(r.id), year: Number(r.year), axes: r.axes, announcedAt: new Date(r.announced_at) }));
  const found = await read();
  if (found.length) return found;
  const [{ y }] = await rows<{ y: number | null }>(db, sql`select min(year) as y from fest_rounds`) as [{ y: number | null }];
  const year = (y ?? 1404) - 1;
  const input = demoRoundInput(year, `${year}/02/01`, `${year}/04/31`);
  // Dates of that Jalali year: opens 1 Ordibehesht, closes 31 Tir, judged in Mordad, announced in Aban.
  const day = (md: string) => parseJalaliDate(`${year}/${md}`)!;
  const ymd = (d: Date) => d.toISOString().slice(0, 10);
  const [opens, deadline, judging, announced] = [day('02/01'), day('04/31'), day('05/10'), day('08/11')];
  await db.execute(sql`
    insert into fest_rounds (year, title, state, axes, opens_on, deadline, opens_at, closes_at, required_parts, required_documents, judges_per_entry, disagreement_threshold, judging_started_at, announced_at)
    values (${year}, ${input.title}, 'announced', ${JSON.stringify(input.axes)}::jsonb, ${ymd(opens)}, ${ymd(deadline)}, ${opens.toISOString()}, ${new Date(deadline.getTime() + DAY).toISOString()},
            ${JSON.stringify(input.requiredParts)}::jsonb, ${JSON.stringify(input.requiredDocuments)}::jsonb, ${input.judgesPerEntry}, ${input.disagreementThreshold}, ${judging.toISOString()}, ${announced.toISOString()})`);
  return read();
}

/** A plan's words: a kind of enterprise and products drawn with their shares. */
function planText(rand: () => number, village: string): Pick<Plan, 'title' | 'summary' | 'problem' | 'actions' | 'lessons' | 'partners'> {
  const products = PLAN_PRODUCTS.filter(([, share]) => rand() < share).map(([w]) => w);
  if (!products.length) products.push(pick(rand, PLAN_PRODUCTS.map(([w]) => w)));
  const kind = pick(rand, PLAN_KINDS);
  const title = `${kind} ${products.slice(0, 2).join(' و ')} ${village}`;
  const summary = `${kind} ${products.join('، ')} ${pick(rand, PLAN_SUMMARY_PARTS)} و ${pick(rand, PLAN_SUMMARY_PARTS)}.`;
  return {
    title: title.slice(0, 150), summary,
    problem: 'بیکاری جوانان و فروش محصول خام به واسطه‌ها درآمد روستا را پایین نگه داشته بود.',
    actions: `دهیاری با همکاری شورا زمین و مجوز را فراهم کرد؛ ${products[0]} با آموزش اهالی و بسته‌بندی محلی به بازار رسید.`,
    lessons: 'مشارکت اهالی از آغاز کار و قرارداد روشن با خریداران، کار را پایدار می‌کند.',
    partners: 'شورای اسلامی روستا، بنیاد مسکن، جهاد کشاورزی شهرستان',
  };
}

/**
 * Writes `count` selected plans spread over the announced rounds (one is created when there is none), the
 * villages, both axes and their categories; owners are generated entrepreneurs. Needs villages (demo or imported).
 */
export async function generateFestivalPlans(database: Database, count: number, opts: GenerateOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const { db } = database;
  // The plans already stored move the stream: a second run with the same seed would draw the same tracking codes.
  const [stored] = await rows<{ n: number }>(db, sql`select count(*)::int as n from fest_entries`);
  const rand = seededRandom((opts.seed ?? 1) + 7919 + Number(stored?.n ?? 0));
  const rounds = await announcedRounds(db);
  const villages = (await rows<{ id: number; path: string }>(db, sql`select id, path from org_divisions where level = 'village' order by id`)).map((v) => ({ id: Number(v.id), path: v.path }));
  if (!villages.length) throw new Error('generate: no villages; import the divisions (or load the demo) first');
  const owners = await ensureCitizens(db, Math.max(50, Math.ceil(count / 2)));
  const [screener] = await rows<{ id: number }>(db, sql`select user_id as id from auth_user_roles where role in ('expert.rural', 'admin') order by role = 'expert.rural' desc, user_id limit 1`);
  const screenerId = screener ? Number(screener.id) : null;
  // Ranks continue after the plans already there, per round and axis (and per province).
  const rankNat = new Map<string, number>();
  const rankProv = new Map<string, number>();
  for (const r of await rows<{ round_id: number; axis: string; province_id: number; nat: number; prov: number }>(db, sql`
    select round_id, axis, province_id, max(rank_national) over (partition by round_id, axis) as nat, max(rank_province) as prov
    from fest_entries where state = 'selected' group by round_id, axis, province_id, rank_national`)) {
    rankNat.set(`${r.round_id}:${r.axis}`, Math.max(rankNat.get(`${r.round_id}:${r.axis}`) ?? 0, Number(r.nat ?? 0)));
    rankProv.set(`${r.round_id}:${r.axis}:${r.province_id}`, Math.max(rankProv.get(`${r.round_id}:${r.axis}:${r.province_id}`) ?? 0, Number(r.prov ?? 0)));
  }
  log(`festival plans: ${count.toLocaleString('en')} over ${rounds.length} announced rounds and ${villages.length.toLocaleString('en')} villages`);

  const write = () => inBatches(db, 'festival plans', count, BATCH, log, async (tx, _from, n) => {
    const picks = Array.from({ length: n }, () => ({ round: pick(rand, rounds), village: pick(rand, villages), owner: pick(rand, owners) }));
    const places = await placeRefs(tx, picks.map((p) => p.village.id));
    const cases: Row[] = [];
    const history: Row[] = [];
    const entries: Row[] = [];
    for (const { round, village, owner } of picks) {
      const place = places.get(village.id)!;
      const axis = pick(rand, round.axes);
      const category = pick(rand, axis.categories);
      const text = planText(rand, place.village);
      const jobs = 1 + Math.floor(rand() * 40);
      const plan: Plan = {
        axis: axis.key, category: category.key, ...text, startYear: round.year - 1 - Math.floor(rand() * 5), cost: 1_000_000_000 + Math.floor(rand() * 50) * 100_000_000,
        funding: [], jobs, incomePerYear: Math.floor(rand() * 100) * 100_000_000, beneficiaries: 20 + Math.floor(rand() * 3000), investment: null, figures: [],
        contactName: owner.name, contactPhone: owner.mobile, photos: [], documents: {},
      };
      const entryId = randomUUID();
      const caseId = randomUUID();
      const provinceId = pathIds(village.path)[0]!;
      const natKey = `${round.id}:${axis.key}`;
      const provKey = `${natKey}:${provinceId}`;
      rankNat.set(natKey, (rankNat.get(natKey) ?? 0) + 1);
      rankProv.set(provKey, (rankProv.get(provKey) ?? 0) + 1);
      const announced = round.announcedAt;
      const submitted = new Date(announced.getTime() - (120 + rand() * 60) * DAY);
      const steps: [string, string | null, string, number | null, boolean, Date][] = [
        ['open', null, 'province_screening', owner.id, false, submitted],
        ['province_accept', 'province_screening', 'national_screening', screenerId, false, new Date(submitted.getTime() + 5 * DAY)],
        ['national_accept', 'national_screening', 'eligible', screenerId, false, new Date(submitted.getTime() + 10 * DAY)],
        ['start_judging', 'eligible', 'judging', null, true, new Date(announced.getTime() - 60 * DAY)],
        ['select', 'judging', 'selected', null, true, announced],
      ];
      steps.forEach(([action, from, to, actor, system, at], k) => history.push({ case_id: caseId, seq: k + 1, action, from_state: from, to_state: to, actor_id: actor, system, assignee_id: null, comment: null, document_ids: [], at }));
      cases.push({
        id: caseId, definition: entryWorkflow.key, state: 'selected', version: 6, division_id: village.id, division_path: village.path, subject_ref: `festival:${entryId}`,
        title: plan.title, data: { entryId, roundId: round.id }, created_by_id: owner.id, created_at: submitted, updated_at: announced,
      });
      const meanZ = 2 - rand() * 2;
      entries.push({
        id: entryId, round_id: round.id, case_id: caseId, tracking_code: seededTrackingCode(rand), owner_kind: 'entrepreneur', owner_user_id: owner.id,
        village_id: village.id, village_path: village.path, county_path: countyPathOf(village.path), province_id: provinceId, state: 'selected', plan,
        axis: plan.axis, category: plan.category, title: plan.title, jobs, search_text: searchTextOf(plan, place), version: 6, submitted_at: submitted,
        created_at: submitted, updated_at: announced, raw_mean: Math.round((60 + meanZ * 15) * 100) / 100, mean_z: meanZ, spread: rand(), flagged: false,
        rank_national: rankNat.get(natKey), rank_province: rankProv.get(provKey), award: null, selected_at: announced,
      });
    }
    await insertRows(tx, 'wf_cases', cases);
    await insertRows(tx, 'wf_history', history);
    await insertRows(tx, 'fest_entries', entries);
  });
  const t0 = Date.now();
  if (count >= DEFER_INDEXES_FROM) await withIndexesDeferred(db, ['fest_entries', 'wf_cases', 'wf_history'], log, write);
  else await write();
  const seconds = (Date.now() - t0) / 1000;
  await db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'generate.festival', entityType: 'fest_entry', entityId: 'generated', divisionPath: '/', data: { count, seed: opts.seed ?? 1, seconds } }));
}
