// The public showcase: the selected plans of announced rounds — searched with Persian normalization (every token of
// `q` must be in the entry's normalized search text), filtered, sorted and paged; a plan's page with its figures,
// photos, contact, similar plans, answered questions and replicating villages; and its photos (only those).
import { and, asc, desc, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { isUuid } from '../../../core/db/ids.js';
import { docFiles } from '../../../core/documents/schema.js';
import { notFound } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import type { ShowcaseCard, ShowcaseFacets, ShowcasePage, ShowcasePlan } from '../api-types.js';
import type { ShowcaseQuery } from '../contract.js';
import { FUNDING_SOURCE_TITLES } from '../enums.js';
import { similarPlans, tokenize } from '../similar.js';
import { axisTitle, categoryTitle, placeRefs } from './common.js';
import { JFA } from './fa-judging.js';
import { festEntries, festQuestions, festReplications, festRounds } from './schema.js';
import { containsPattern } from '../../../core/db/like.js';

type EntryRow = typeof festEntries.$inferSelect;
type RoundRow = typeof festRounds.$inferSelect;

/** Plans on the showcase: selected entries of announced rounds. */
const onShowcase = and(eq(festEntries.state, 'selected'), eq(festRounds.state, 'announced'))!;
const replicationCount = sql<number>`(select count(*)::int from ${festReplications} where ${festReplications.entryId} = ${festEntries.id})`;

/** The public URL of a plan's photo. */
export const photoUrl = (entryId: string, docId: string) => `/api/v1/showcase/${entryId}/photos/${docId}`;

/** The villages of a dehyari's grants (empty for anyone else). */
export const dehyariVillages = (actor: Actor | null): number[] =>
  actor?.kind === 'staff' ? [...new Set(actor.grants.filter((g) => g.role === 'dehyari' && g.divisionId !== null).map((g) => g.divisionId!))] : [];

type CardSource = { entry: EntryRow; round: Pick<RoundRow, 'axes' | 'year'>; replications: number };

async function toCards(db: DbOrTx, rs: CardSource[]): Promise<ShowcaseCard[]> {
  const places = await placeRefs(db, rs.map((r) => r.entry.villageId));
  return rs.map(({ entry: e, round: r, replications }) => ({
    id: e.id, title: e.title, summary: e.plan.summary, axis: e.axis, axisTitle: axisTitle(r.axes, e.axis), category: e.category,
    categoryTitle: categoryTitle(r.axes, e.axis, e.category), year: r.year, ownerKind: e.ownerKind, place: places.get(e.villageId)!,
    award: e.award, jobs: e.jobs, beneficiaries: e.plan.beneficiaries, incomePerYear: e.plan.incomePerYear,
    cover: e.plan.photos[0] ? photoUrl(e.id, e.plan.photos[0]) : null, replications: Number(replications),
  }));
}

const cardQuery = (db: DbOrTx) =>
  db.select({ entry: festEntries, round: { axes: festRounds.axes, year: festRounds.year }, replications: replicationCount }).from(festEntries).innerJoin(festRounds, eq(festRounds.id, festEntries.roundId));

/** Cards of the given showcase plans, in the order of `ids`. */
async function cardsOf(db: DbOrTx, ids: string[]): Promise<ShowcaseCard[]> {
  if (!ids.length) return [];
  const rs = await cardQuery(db).where(and(onShowcase, inArray(festEntries.id, ids)));
  const cards = new Map((await toCards(db, rs)).map((c) => [c.id, c]));
  return ids.map((id) => cards.get(id)).filter((c): c is ShowcaseCard => !!c);
}

/** GET /showcase: the catalogue, searched, filtered, sorted and paged. */
export async function searchShowcase(db: DbOrTx, q: ShowcaseQuery): Promise<ShowcasePage> {
  const tokens = [...new Set(tokenize(q.q ?? ''))].slice(0, 10);
  const conds: SQL[] = [onShowcase];
  for (const t of tokens) conds.push(sql`${festEntries.searchText} like ${containsPattern(t)}`);
  if (q.axis) conds.push(eq(festEntries.axis, q.axis));
  if (q.category) conds.push(eq(festEntries.category, q.category));
  if (q.provinceId) conds.push(eq(festEntries.provinceId, q.provinceId));
  if (q.year) conds.push(eq(festRounds.year, q.year));
  if (q.minJobs !== undefined) conds.push(gte(festEntries.jobs, q.minJobs));
  const where = and(...conds);
  // Relevance: plans with more of the words in their title first (an integer literal would be a column position).
  // search_text starts with the normalized title (searchTextOf), so its head stands for the title: normalizing every
  // matching title again cost seconds for a common word over 50,000 plans (bench/results/platform.md).
  const titleHead = sql`left(${festEntries.searchText}, char_length(${festEntries.title}))`;
  const titleHits = tokens.length ? [sql`(${sql.join(tokens.map((t) => sql`(${titleHead} like ${containsPattern(t)})::int`), sql` + `)}) desc`] : [];
  const byRank = [sql`${festEntries.rankNational} asc nulls last`, desc(festEntries.selectedAt)];
  const order: SQL[] =
    q.sort === 'jobs' ? [sql`${festEntries.jobs} desc nulls last`, ...byRank]
    : q.sort === 'recent' ? [desc(festRounds.year), desc(festEntries.selectedAt), sql`${festEntries.rankNational} asc nulls last`]
    : q.sort === 'replications' ? [desc(replicationCount), ...byRank]
    : [...titleHits, ...byRank];
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(festEntries).innerJoin(festRounds, eq(festRounds.id, festEntries.roundId)).where(where);
  const rs = await cardQuery(db).where(where).orderBy(...order, asc(festEntries.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items: await toCards(db, rs), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** GET /showcase/facets: the axes with categories, provinces and years present in the catalogue. */
export async function showcaseFacets(db: DbOrTx): Promise<ShowcaseFacets> {
  const rs = await db
    .selectDistinct({ axis: festEntries.axis, category: festEntries.category, provinceId: festEntries.provinceId, year: festRounds.year, roundId: festRounds.id })
    .from(festEntries)
    .innerJoin(festRounds, eq(festRounds.id, festEntries.roundId))
    .where(onShowcase);
  const rounds = rs.length ? await db.select({ id: festRounds.id, year: festRounds.year, axes: festRounds.axes }).from(festRounds).where(inArray(festRounds.id, [...new Set(rs.map((r) => r.roundId))])).orderBy(desc(festRounds.year)) : [];
  const axes: ShowcaseFacets['axes'] = [];
  for (const r of rounds) {
    for (const a of r.axes) {
      const present = rs.filter((x) => x.roundId === r.id && x.axis === a.key);
      if (!present.length) continue;
      let facet = axes.find((f) => f.key === a.key);
      if (!facet) axes.push((facet = { key: a.key, title: a.title, categories: [] }));
      for (const c of a.categories) if (present.some((x) => x.category === c.key) && !facet.categories.some((f) => f.key === c.key)) facet.categories.push({ key: c.key, title: c.title });
    }
  }
  const counts = await db
    .select({ id: festEntries.provinceId, name: orgDivisions.name, count: sql<number>`count(*)::int` })
    .from(festEntries)
    .innerJoin(festRounds, eq(festRounds.id, festEntries.roundId))
    .innerJoin(orgDivisions, eq(orgDivisions.id, festEntries.provinceId))
    .where(onShowcase)
    .groupBy(festEntries.provinceId, orgDivisions.name);
  return {
    axes,
    provinces: counts.map((c) => ({ id: c.id, name: c.name, count: Number(c.count) })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fa')),
    years: [...new Set(rs.map((r) => r.year))].sort((a, b) => b - a),
  };
}

/** A plan on the showcase (selected, its round announced), or 404. */
export async function showcaseEntry(db: DbOrTx, id: string): Promise<CardSource> {
  if (!isUuid(id)) throw notFound(JFA.entryNoun);
  const [r] = await cardQuery(db).where(and(onShowcase, eq(festEntries.id, id)));
  if (!r) throw notFound(JFA.entryNoun);
  return r;
}

/** How many other plans the similar-plans ranking considers on a plan page. */
const SIMILAR_CANDIDATES = 200;

/** GET /showcase/:id: the plan's page; `viewer` for a signed-in dehyari (his villages, which of them marked it). */
export async function showcasePlan(db: DbOrTx, id: string, actor: Actor | null): Promise<ShowcasePlan> {
  const src = await showcaseEntry(db, id);
  const e = src.entry;
  const [card] = await toCards(db, [src]);
  const p = e.plan;
  const docs = p.photos.length ? await db.select({ id: docFiles.id, filename: docFiles.filename }).from(docFiles).where(inArray(docFiles.id, p.photos)) : [];
  const names = new Map(docs.map((d) => [d.id, d.filename]));

  // Candidates for "similar plans": the SIMILAR_CANDIDATES nearest by axis, province and recency, with only the words
  // compared. Scoring the whole catalogue per request took seconds at 20,000 plans (bench/results/festival-showcase.md).
  const others = await db
    .select({
      id: festEntries.id, axis: festEntries.axis, category: festEntries.category, provinceId: festEntries.provinceId, title: festEntries.title,
      words: sql<string>`left(${festEntries.plan}->>'summary', 1000) || ' ' || left(${festEntries.plan}->>'actions', 1500)`,
    })
    .from(festEntries)
    .innerJoin(festRounds, eq(festRounds.id, festEntries.roundId))
    .where(and(onShowcase, ne(festEntries.id, e.id)))
    .orderBy(sql`(${festEntries.axis} = ${e.axis}) desc`, sql`(${festEntries.provinceId} = ${e.provinceId}) desc`, desc(festEntries.selectedAt), asc(festEntries.id))
    .limit(SIMILAR_CANDIDATES);
  const asInput = (x: { id: string; axis: string; category: string; provinceId: number; title: string; words: string }) => ({
    id: x.id, axis: x.axis, category: x.category || null, provincePath: `/${x.provinceId}/`, text: `${x.title} ${x.words}`,
  });
  const target = { id: e.id, axis: e.axis, category: e.category, provinceId: e.provinceId, title: e.title, words: `${e.plan.summary} ${e.plan.actions}` };
  const similar = await cardsOf(db, similarPlans(asInput(target), others.map(asInput), 4).map((s) => s.id));

  const questions = await db.select().from(festQuestions).where(and(eq(festQuestions.entryId, e.id), sql`${festQuestions.answer} is not null`)).orderBy(asc(festQuestions.askedAt));
  const reps = await db.select().from(festReplications).where(eq(festReplications.entryId, e.id)).orderBy(asc(festReplications.createdAt));
  const mine = dehyariVillages(actor).filter((v) => v !== e.villageId);
  const places = await placeRefs(db, [...questions.map((x) => x.askerVillageId), ...reps.map((r) => r.villageId), ...mine]);
  return {
    ...card!,
    problem: p.problem, actions: p.actions, partners: p.partners, lessons: p.lessons, startYear: p.startYear, cost: p.cost,
    funding: p.funding.map((f) => ({ source: f.source, sourceTitle: FUNDING_SOURCE_TITLES[f.source], amount: f.amount })),
    investment: p.investment, figures: p.figures,
    photos: p.photos.filter((d) => names.has(d)).map((d) => ({ url: photoUrl(e.id, d), filename: names.get(d)! })),
    contact: p.contactName && p.contactPhone ? { name: p.contactName, phone: p.contactPhone } : null,
    rankNational: e.rankNational, rankProvince: e.rankProvince, similar,
    questions: questions.map((x) => ({ question: x.question, answer: x.answer!, village: places.get(x.askerVillageId)?.village ?? '', askedAt: x.askedAt.toISOString(), answeredAt: x.answeredAt!.toISOString() })),
    replicatedBy: reps.map((r) => ({ village: places.get(r.villageId)?.village ?? '', province: places.get(r.villageId)?.province ?? '', at: r.createdAt.toISOString() })),
    viewer: dehyariVillages(actor).length
      ? {
          canReplicate: mine.length > 0,
          replicatedVillageIds: reps.filter((r) => mine.includes(r.villageId)).map((r) => r.villageId),
          villages: mine.filter((v) => places.has(v)).map((v) => ({ id: v, label: `${places.get(v)!.village} (${places.get(v)!.county})` })),
        }
      : null,
  };
}

/** GET /showcase/:id/photos/:docId: a photo listed in a showcase plan's photos, else 404. */
export async function showcasePhoto(db: DbOrTx, id: string, docId: string): Promise<{ mime: string; content: Buffer; filename: string }> {
  const { entry } = await showcaseEntry(db, id);
  if (!isUuid(docId) || !entry.plan.photos.includes(docId)) throw notFound(JFA.photoNoun);
  const [doc] = await db.select({ mime: docFiles.mime, content: docFiles.content, filename: docFiles.filename }).from(docFiles).where(eq(docFiles.id, docId));
  if (!doc || !doc.mime.startsWith('image/')) throw notFound(JFA.photoNoun);
  return doc;
}
