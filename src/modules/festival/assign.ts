// Assigning judges to festival entries (issue 8): no judge from the entry's county or with a declared conflict,
// a full panel per entry, balanced loads. Pure, like judging.ts.
import { compareIds } from './judging.js';

export interface AssignableEntry {
  id: string;
  countyPath: string;
}

export interface AssignableJudge {
  id: string;
  /** The judge's own county, or null for a judge with no local tie (e.g. a national expert). */
  countyPath: string | null;
  /** Entry ids the judge has declared a conflict of interest with. */
  declared: readonly string[];
}

export interface Assignment {
  /** Every entry id is a key; an unassignable entry maps to []. */
  assignments: Record<string, string[]>;
  /** Entries with fewer than perEntry eligible judges, sorted by id: the secretariat must recruit more judges. */
  unassignable: string[];
}

/**
 * Assigns `perEntry` distinct judges to each entry.
 *
 * Conflicts: a judge is ineligible for an entry if his countyPath equals the entry's (automatic local conflict) or he
 * declared a conflict with it. A null countyPath never matches. (Plain equality, as specified; a judge recorded only
 * at province level is not treated as conflicted with every county of the province.)
 *
 * Feasibility: judges have no capacity limit, so an entry can be fully assigned exactly when it has ≥ perEntry
 * eligible judges; every such entry gets exactly perEntry judges. Others get none (a partial panel would be ranked on
 * fewer opinions than its rivals) and are listed in `unassignable`.
 *
 * Balance: greedy. Entries are processed most-constrained first (fewest eligible judges, then id), so entries with few
 * options take the judges they need before the load is spread elsewhere; each entry takes its perEntry least-loaded
 * eligible judges, ties broken by judge id. Deterministic for a given input. Without conflicts this keeps
 * max − min load ≤ 1 (loads always lie in {L, L+1}); with conflicts it is best effort — exact balance would need a
 * flow formulation, which the festival's scale does not warrant.
 */
export function assignJudges(
  entries: readonly AssignableEntry[],
  judges: readonly AssignableJudge[],
  perEntry = 3,
): Assignment {
  if (!Number.isInteger(perEntry) || perEntry < 1) throw new RangeError('assignJudges: perEntry must be a positive integer');
  const entryIds = new Set<string>();
  for (const e of entries) {
    if (entryIds.has(e.id)) throw new Error(`assignJudges: duplicate entry ${e.id}`);
    entryIds.add(e.id);
  }
  const judgeIds = new Set<string>();
  for (const j of judges) {
    if (judgeIds.has(j.id)) throw new Error(`assignJudges: duplicate judge ${j.id}`);
    judgeIds.add(j.id);
  }

  const sortedJudges = [...judges].sort((a, b) => compareIds(a.id, b.id));
  const declared = new Map(sortedJudges.map((j) => [j.id, new Set(j.declared)]));
  const eligible = new Map<string, AssignableJudge[]>();
  for (const e of entries) {
    eligible.set(
      e.id,
      sortedJudges.filter((j) => j.countyPath !== e.countyPath && !declared.get(j.id)!.has(e.id)),
    );
  }

  const load = new Map(sortedJudges.map((j) => [j.id, 0]));
  // Null prototype: an entry id such as "__proto__" must be an ordinary key.
  const assignments: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const unassignable: string[] = [];
  const order = [...entries].sort(
    (a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length || compareIds(a.id, b.id),
  );
  for (const e of order) {
    const pool = eligible.get(e.id)!;
    if (pool.length < perEntry) {
      assignments[e.id] = [];
      unassignable.push(e.id);
      continue;
    }
    const chosen = [...pool]
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || compareIds(a.id, b.id))
      .slice(0, perEntry)
      .map((j) => j.id);
    for (const id of chosen) load.set(id, load.get(id)! + 1);
    // Stored sorted by id so the output does not depend on load tie-breaks.
    assignments[e.id] = chosen.sort(compareIds);
  }
  unassignable.sort(compareIds);
  return { assignments, unassignable };
}
