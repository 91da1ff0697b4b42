// Seat allocation for the rural firefighter amriyeh: applicant-proposing deferred acceptance (DA) with station seats
// and province quotas. Pure and deterministic: the same input gives the same output, whatever the order of its arrays.
//
// The common order. Applicants are ranked by score (descending); ties are broken by the public RFC 3797 lottery
// drawn with the published seed (lotteryOrder(seed, all applicant ids): the earlier drawn wins). Every station
// ranks applicants by this one order, and so does every province quota.
//
// Why serial dictatorship is DA here. With a single priority order shared by all stations (and by the province
// quotas), applicant-proposing DA never makes a tentative acceptance that is later undone by someone of higher
// priority arriving *after* a lower one has been placed — except exactly in the way serial dictatorship resolves it
// up front: the highest-priority applicant gets his top acceptable station (nobody can displace him), then the next
// one gets his top station among those still open, and so on. So we go down `order` once and give each applicant
// the most preferred station in his list that (a) belongs to his own province, (b) has a free seat, while
// (c) his province's quota still has room; otherwise he gets null. Its outcome equals the DA outcome.
//
// Properties (checked by the property tests):
//  - feasibility: no station over its seats, no province over its quota;
//  - stability (no justified envy): if a prefers station s to what he got, then when his turn came s was full or his
//    province's quota was exhausted, and both were filled only by applicants earlier in `order` than a (seats and
//    quota are never freed), so s holds nobody later than a and has no room for him;
//  - strategy-proofness: the set of stations still open at a's turn depends only on the reports of applicants before
//    him, never on his own; reporting his true ranking gives him the best open station, and any other report gives
//    him an open station he likes no better, or nothing.
//
// Input conventions: preferences naming an unknown station, a station of another province, or a station already
// listed earlier are ignored. A province absent from provinceQuotas has no province cap (only the seats limit it).
// Applicant ids and station ids must be unique (an error otherwise).
import { lotteryOrder } from './lottery.js';

export interface AllocationStation { id: string; province: string; seats: number }
export interface AllocationApplicant { id: string; province: string; score: number; preferences: string[] }
export interface AllocationInput {
  seed: string;
  stations: AllocationStation[];
  provinceQuotas: Record<string, number>;
  applicants: AllocationApplicant[];
}
export interface AllocationOutput {
  /** applicant id → station id, or null when not selected; keys in `order`. */
  assignments: Record<string, string | null>;
  /** The tie-broken ranking: score descending, ties by the RFC 3797 lottery drawn with the seed. */
  order: string[];
}

/** The common priority order: score descending, ties by the seed's lottery over all applicant ids. */
export function priorityOrder(seed: string, applicants: readonly AllocationApplicant[]): string[] {
  const lottery = lotteryOrder(seed, applicants.map((a) => a.id));
  const rank = new Map<string, number>();
  lottery.forEach((id, i) => rank.set(id, i));
  const score = new Map<string, number>();
  for (const a of applicants) score.set(a.id, a.score);
  return lottery.slice().sort((x, y) => score.get(y)! - score.get(x)! || rank.get(x)! - rank.get(y)!);
}

export function allocate(input: AllocationInput): AllocationOutput {
  const stations = new Map<string, { province: string; free: number }>();
  for (const s of input.stations) {
    if (stations.has(s.id)) throw new Error(`duplicate station id: ${s.id}`);
    if (!Number.isSafeInteger(s.seats) || s.seats < 0) throw new Error(`station ${s.id}: seats must be a non-negative integer`);
    stations.set(s.id, { province: s.province, free: s.seats });
  }
  const quotaLeft = new Map<string, number>();
  for (const [province, quota] of Object.entries(input.provinceQuotas)) {
    if (!Number.isSafeInteger(quota) || quota < 0) throw new Error(`province ${province}: quota must be a non-negative integer`);
    quotaLeft.set(province, quota);
  }
  const byId = new Map<string, AllocationApplicant>();
  for (const a of input.applicants) {
    if (byId.has(a.id)) throw new Error(`duplicate applicant id: ${a.id}`);
    if (!Number.isFinite(a.score)) throw new Error(`applicant ${a.id}: score must be a finite number`);
    byId.set(a.id, a);
  }

  const order = priorityOrder(input.seed, input.applicants);
  // Null prototype: an applicant id such as "__proto__" is an ordinary key.
  const assignments = Object.create(null) as Record<string, string | null>;
  for (const id of order) {
    const a = byId.get(id)!;
    let chosen: string | null = null;
    const left = quotaLeft.get(a.province);
    if (left === undefined || left > 0) {
      for (const sid of a.preferences) {
        const s = stations.get(sid);
        // Unknown ids, other provinces' stations and repeats (a repeat of a full station is still full) are skipped.
        if (s && s.province === a.province && s.free > 0) {
          chosen = sid;
          s.free -= 1;
          if (left !== undefined) quotaLeft.set(a.province, left - 1);
          break;
        }
      }
    }
    assignments[id] = chosen;
  }
  return { assignments, order };
}
