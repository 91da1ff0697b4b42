import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/client.js';
import { normalizeFa } from '../../../core/fa/index.js';
import { getDivision, pathIds } from '../../../core/org/queries.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { OPEN_STATES, type ComplaintState } from '../contract.js';
import { complaintsCategories, complaints, complaintsMessages } from './schema.js';
import { complaintStateTitle } from './workflow.js';

/** An open case like the one being written, as anyone may see it (no code, no text, no identity). */
export interface SimilarCase {
  subject: string;
  state: ComplaintState;
  stateTitle: string;
  placeName: string;
  createdAt: Date;
  publicReplies: number;
  score: number;
}

/**
 * Below this score a case is not "similar". The score is the mean of the whole-text trigram similarity and the
 * similarity of the best-matching stretch (word_similarity): short queries ("چراغ خاموش") score on the second,
 * long ones on both. On sample Persian complaints, related texts scored 0.27–0.5 and unrelated ones 0.11–0.17.
 */
const MIN_SCORE = 0.2;
const DISTRICT_DEPTH = 3;

/**
 * The place "nearby" for `divisionId`: the subtree of its district (a city or village and its neighbours in the
 * same بخش), or the division itself when it lies above the district level. Null when it does not exist.
 */
async function nearbyPath(db: DbOrTx, divisionId: number): Promise<string | null> {
  const d = Number.isInteger(divisionId) && divisionId > 0 && divisionId <= 2_147_483_647 ? await getDivision(db, divisionId) : null;
  if (!d) return null;
  const ids = pathIds(d.path);
  return ids.length > DISTRICT_DEPTH ? `/${ids.slice(0, DISTRICT_DEPTH).join('/')}/` : d.path;
}

/**
 * Open cases (states in OPEN_STATES) of the same category near the same place (the district's subtree: the same
 * city or village, its district and the district's other cities and villages), most similar text first — shown
 * before a citizen submits so they can follow an existing case instead of filing a duplicate. Similarity is
 * trigram similarity of `fa_normalize(subject || ' ' || body)` with the normalized text (see MIN_SCORE). Public: only subject, state, place name, date and number of public
 * replies. Anonymous cases and cases of inspection-office categories (complaints about staff) are never shown.
 */
export async function similarOpenCases(db: DbOrTx, params: { categoryId: number; divisionId: number; text: string }, limit = 5): Promise<SimilarCase[]> {
  const q = normalizeFa(params.text).slice(0, 1000);
  if (q.length < 3 || !Number.isInteger(params.categoryId) || params.categoryId < 1 || params.categoryId > 2_147_483_647) return [];
  const near = await nearbyPath(db, params.divisionId);
  if (!near) return [];
  const doc = sql`fa_normalize(${complaints.subject} || ' ' || ${complaints.body})`;
  const scoreSql = sql`((similarity(${doc}, ${q}) + word_similarity(${q}, ${doc})) / 2)`;
  const score = sql<number>`${scoreSql}`.mapWith(Number);
  const replies = sql<number>`(select count(*) from ${complaintsMessages} m where m.complaint_id = ${complaints.id} and m.kind = 'reply')`.mapWith(Number);
  const found = await db
    .select({ subject: complaints.subject, state: wfCases.state, placeName: orgDivisions.name, createdAt: complaints.createdAt, publicReplies: replies, score })
    .from(complaints)
    .innerJoin(wfCases, eq(wfCases.id, complaints.caseId))
    .innerJoin(orgDivisions, eq(orgDivisions.id, complaints.divisionId))
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, complaints.categoryId))
    .where(and(
      eq(complaints.categoryId, params.categoryId),
      // Paths are digits and slashes only (from the database), so LIKE needs no escaping.
      sql`${complaints.divisionPath} like ${near + '%'}`,
      inArray(wfCases.state, [...OPEN_STATES]),
      eq(complaints.anonymous, false),
      ne(complaintsCategories.office, 'inspection'),
      sql`${scoreSql} >= ${MIN_SCORE}`,
    ))
    .orderBy(sql`${scoreSql} desc`, desc(complaints.createdAt))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 20));
  return found.map((r) => ({
    ...r,
    state: r.state as ComplaintState,
    stateTitle: complaintStateTitle(r.state),
    score: Math.round(r.score * 100) / 100,
  }));
}
