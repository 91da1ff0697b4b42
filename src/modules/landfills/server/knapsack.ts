// Fund allocation: choose the sites to fund within a budget so that total priority is maximal — the 0/1 knapsack
// problem, solved exactly. Costs are whole units (integers, e.g. millions of rials); values (priority scores) may
// be any finite numbers.
//
// Algorithm: dynamic programming over Pareto-optimal states with an expanding core and bounds, after Pisinger's
// minknap ("A minimal algorithm for the 0-1 knapsack problem", Operations Research 45, 1997):
//   1. items with value ≤ 0 or cost > budget can never be in an optimal set; cost-0 items with positive value always
//      are; if everything else fits, take it all;
//   2. sort the rest by efficiency value/cost; the greedy prefix that fits is the starting solution, the first
//      item that does not fit is the break item b;
//   3. states are (cost, value) pairs of decisions on a "core" of items around b, starting from the greedy
//      solution; the core grows one item at a time alternately to the right (may an item after b be added?) and to
//      the left (may an item before b be removed?). After each step, dominated states (costlier and no more
//      valuable than another) are dropped, and so is every state whose upper bound cannot beat the best feasible
//      value found — the bound for a state under budget adds the remaining room at the efficiency of the next item
//      to the right, over budget it pays the excess at the efficiency of the next item to the left (Dantzig bound).
// Exact: only dominated or provably non-improving states are discarded. Why not the textbook DP over the budget?
// It costs O(items × budget) time and memory — 2,000 × 10^7 = 2·10^10 cells — whereas the core of a real instance
// is a few dozen items and the states stay few. Worst case (adversarial, strongly correlated data) this is still
// pseudo-polynomial: with integer costs there is at most one undominated state per cost, so never more states than
// budget + 1 per step — the same bound as the budget DP. bench/landfill-allocate.ts measures 2,000 items at budget
// 10^7 on uncorrelated, weakly and strongly correlated data.

export interface KnapsackItem {
  id: string;
  /** whole units, ≥ 0 */
  cost: number;
  value: number;
}
export interface KnapsackInput {
  budget: number;
  items: KnapsackItem[];
}
export interface KnapsackResult {
  /** funded ids, in input order */
  selected: string[];
  value: number;
  cost: number;
  /** states examined (for the benchmark) */
  states: number;
}

export class KnapsackError extends Error {
  constructor(
    readonly en: string,
    readonly fa: string,
    readonly path: string,
  ) {
    super(`${path}: ${en}`);
    this.name = 'KnapsackError';
  }
}

export function validateKnapsackInput(input: KnapsackInput): void {
  if (!Number.isSafeInteger(input.budget) || input.budget < 0) {
    throw new KnapsackError('must be a whole number ≥ 0', 'بودجه باید عددی صحیح و نامنفی باشد', 'budget');
  }
  const seen = new Set<string>();
  input.items.forEach((it, k) => {
    if (typeof it.id !== 'string' || it.id.length === 0) throw new KnapsackError('must be a non-empty string', 'شناسه باید متنی ناتهی باشد', `items.${k}.id`);
    if (seen.has(it.id)) throw new KnapsackError(`duplicate id ${JSON.stringify(it.id)}`, `شناسهٔ تکراری ${JSON.stringify(it.id)}`, `items.${k}.id`);
    seen.add(it.id);
    if (!Number.isSafeInteger(it.cost) || it.cost < 0) throw new KnapsackError('must be a whole number ≥ 0 (amounts in whole units)', 'هزینه باید عددی صحیح و نامنفی باشد (به واحد کامل)', `items.${k}.cost`);
    if (typeof it.value !== 'number' || !Number.isFinite(it.value)) throw new KnapsackError('must be a finite number', 'امتیاز باید عددی متناهی باشد', `items.${k}.value`);
  });
}

/** Exact 0/1 knapsack. Throws KnapsackError for invalid input. */
export function solveKnapsack(input: KnapsackInput): KnapsackResult {
  validateKnapsackInput(input);
  const B = input.budget;
  const items = input.items;
  const take = new Uint8Array(items.length);
  // 1. reductions
  const cand: number[] = [];
  let room = B;
  items.forEach((it, k) => {
    if (it.value <= 0 || it.cost > B) return;
    if (it.cost === 0) take[k] = 1;
    else cand.push(k);
  });
  const totalCost = cand.reduce((a, k) => a + items[k]!.cost, 0);
  let states = 0;
  if (totalCost <= room) {
    for (const k of cand) take[k] = 1;
  } else {
    // 2. efficiency order (ties: larger value, then input order), greedy, break item
    cand.sort((a, b) => {
      const ea = items[a]!.value / items[a]!.cost;
      const eb = items[b]!.value / items[b]!.cost;
      return eb - ea || items[b]!.value - items[a]!.value || a - b;
    });
    const N = cand.length;
    const c = Float64Array.from(cand, (k) => items[k]!.cost);
    const v = Float64Array.from(cand, (k) => items[k]!.value);
    const e = Float64Array.from(cand, (k) => items[k]!.value / items[k]!.cost);
    let b = 0;
    let wg = 0;
    let pg = 0;
    while (b < N && wg + c[b]! <= room) {
      wg += c[b]!;
      pg += v[b]!;
      b++;
    }
    const r = minknap(N, c, v, e, b, wg, pg, room);
    states = r.states;
    // base: items before b in; toggles flip
    const inSet = new Uint8Array(N);
    for (let t = 0; t < b; t++) inSet[t] = 1;
    for (const t of r.toggles) inSet[t] = inSet[t] ? 0 : 1;
    for (let t = 0; t < N; t++) if (inSet[t]) take[cand[t]!] = 1;
    room = B;
  }
  const selected: string[] = [];
  let value = 0;
  let cost = 0;
  items.forEach((it, k) => {
    if (!take[k]) return;
    selected.push(it.id);
    value += it.value;
    cost += it.cost;
  });
  return { selected, value, cost, states };
}

/**
 * The expanding-core state DP. Items 0..N-1 sorted by decreasing efficiency; the greedy solution takes 0..b-1
 * (cost wg, value pg). Returns the items whose decision differs from the greedy solution in an optimal set.
 */
function minknap(N: number, c: Float64Array, v: Float64Array, e: Float64Array, b: number, wg: number, pg: number, C: number): { toggles: number[]; states: number } {
  // solution trail: node = (item toggled, parent node); -1 = the greedy base
  let nodeItem = new Int32Array(1024);
  let nodeParent = new Int32Array(1024);
  let nodes = 0;
  const newNode = (item: number, parent: number) => {
    if (nodes === nodeItem.length) {
      const ni = new Int32Array(nodes * 2);
      ni.set(nodeItem);
      nodeItem = ni;
      const np = new Int32Array(nodes * 2);
      np.set(nodeParent);
      nodeParent = np;
    }
    nodeItem[nodes] = item;
    nodeParent[nodes] = parent;
    return nodes++;
  };
  // the states: sorted by cost with strictly increasing value (the Pareto frontier); S = solution node
  let W = new Float64Array([wg]);
  let P = new Float64Array([pg]);
  let S = new Int32Array([-1]);
  let len = 1;
  let W2 = new Float64Array(0);
  let P2 = new Float64Array(0);
  let S2 = new Int32Array(0);
  let isNew = new Uint8Array(0);
  let bestP = pg;
  let bestS = -1;
  let total = 1;
  let lo = b - 1; // next item that may be removed from the greedy set
  let hi = b; // next item that may be added to it
  const tol = (x: number) => 1e-12 * Math.max(1, Math.abs(x));

  let side = 0;
  while (len > 0 && (lo >= 0 || hi < N)) {
    const addRight = hi < N && (side === 0 || lo < 0);
    side ^= 1;
    const item = addRight ? hi++ : lo--;
    const dw = addRight ? c[item]! : -c[item]!;
    const dp = addRight ? v[item]! : -v[item]!;
    // merge X and X + (dw, dp), both sorted by cost, keeping only undominated states
    if (W2.length < 2 * len) {
      W2 = new Float64Array(4 * len);
      P2 = new Float64Array(4 * len);
      S2 = new Int32Array(4 * len);
      isNew = new Uint8Array(4 * len);
    }
    let i = 0;
    let j = 0;
    let out = 0;
    let lastP = -Infinity;
    while (i < len || j < len) {
      const wi = i < len ? W[i]! : Infinity;
      const wj = j < len ? W[j]! + dw : Infinity;
      let w: number;
      let p: number;
      let s: number;
      let fresh: number;
      if (wi < wj || (wi === wj && P[i]! >= P[j]! + dp)) {
        w = wi;
        p = P[i]!;
        s = S[i]!;
        fresh = 0;
        i++;
      } else {
        w = wj;
        p = P[j]! + dp;
        s = S[j]!; // the parent's node; a node for the toggle is made only if the state survives
        fresh = 1;
        j++;
      }
      if (p <= lastP) continue; // costs no less than an earlier state and is worth no more
      if (out > 0 && W2[out - 1] === w) out--; // same cost, more value: replaces it
      W2[out] = w;
      P2[out] = p;
      S2[out] = s;
      isNew[out] = fresh;
      lastP = p;
      out++;
    }
    total += out;
    // record the best feasible state, then keep only states whose bound can still beat it
    for (let t = 0; t < out; t++) {
      if (W2[t]! <= C && P2[t]! > bestP) {
        bestP = P2[t]!;
        if (isNew[t]) {
          S2[t] = newNode(item, S2[t]!);
          isNew[t] = 0;
        }
        bestS = S2[t]!;
      }
    }
    const eHi = hi < N ? e[hi]! : 0;
    const eLo = lo >= 0 ? e[lo]! : Infinity;
    if (W.length < out) {
      W = new Float64Array(2 * out);
      P = new Float64Array(2 * out);
      S = new Int32Array(2 * out);
    }
    let keep = 0;
    for (let t = 0; t < out; t++) {
      const w = W2[t]!;
      const p = P2[t]!;
      // Dantzig bounds: fill the room at the next right item's efficiency, or pay the excess at the next left one's
      const ub = w <= C ? p + (C - w) * eHi : lo >= 0 ? p - (w - C) * eLo : -Infinity;
      if (!(ub > bestP + tol(bestP))) continue;
      W[keep] = w;
      P[keep] = p;
      S[keep] = isNew[t] ? newNode(item, S2[t]!) : S2[t]!;
      keep++;
    }
    len = keep;
  }
  const toggles: number[] = [];
  for (let s = bestS; s >= 0; s = nodeParent[s]!) toggles.push(nodeItem[s]!);
  return { toggles, states: total };
}

/** Plain DP over the budget (O(items × budget)); the reference the tests and the benchmark check against. */
export function knapsackDP(budget: number, items: { cost: number; value: number }[]): number {
  const best = new Float64Array(budget + 1);
  for (const it of items) {
    if (it.value <= 0 || it.cost > budget) continue;
    for (let w = budget; w >= it.cost; w--) {
      const cand = best[w - it.cost]! + it.value;
      if (cand > best[w]!) best[w] = cand;
    }
  }
  return best[budget]!;
}

// ---- explanation ---------------------------------------------------------------------------------------------

export type FundingReason = 'funded' | 'no_value' | 'over_budget' | 'not_enough_left' | 'better_combination';

export interface FundingExplanation {
  id: string;
  funded: boolean;
  reason: FundingReason;
  /** rank by priority per unit of cost (1 = best value for money) among items with positive value */
  efficiencyRank: number | null;
  /** the best total priority achievable if this item had to be funded (computed for unfunded items that fit) */
  valueIfForced: number | null;
  text: string;
}

const num = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 });

/**
 * Why each item was or was not funded, in Persian. For an unfunded item that fits the budget the exact best total
 * with it forced in is computed (one more knapsack per such item) when there are at most `forcedLimit` of them.
 */
export function explainAllocation(
  input: KnapsackInput,
  result: KnapsackResult,
  opts: { names?: Record<string, string>; forcedLimit?: number; /** how a value reads (e.g. a score kept ×1000 as whole units) */ valueText?: (v: number) => string } = {},
): FundingExplanation[] {
  const vt = opts.valueText ?? ((v: number) => num.format(v));
  const name = (id: string) => opts.names?.[id] ?? id;
  const chosen = new Set(result.selected);
  const left = input.budget - result.cost;
  const eff = input.items
    .filter((it) => it.value > 0)
    .map((it) => ({ id: it.id, e: it.cost === 0 ? Infinity : it.value / it.cost }))
    .sort((a, b) => b.e - a.e || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = new Map(eff.map((x, k) => [x.id, k + 1]));
  const fitting = input.items.filter((it) => !chosen.has(it.id) && it.value > 0 && it.cost <= input.budget);
  const computeForced = fitting.length <= (opts.forcedLimit ?? 200);
  return input.items.map((it) => {
    const r = rank.get(it.id) ?? null;
    const rankText = r ? ` (رتبهٔ ${num.format(r)} از ${num.format(eff.length)} در امتیاز به ازای هر واحد هزینه)` : '';
    if (chosen.has(it.id)) {
      return {
        id: it.id, funded: true, reason: 'funded', efficiencyRank: r, valueIfForced: null,
        text: `«${name(it.id)}» با امتیاز ${vt(it.value)} و هزینهٔ ${num.format(it.cost)} تأمین می‌شود${rankText}.`,
      };
    }
    if (it.value <= 0) {
      return { id: it.id, funded: false, reason: 'no_value', efficiencyRank: null, valueIfForced: null, text: `«${name(it.id)}» تأمین نمی‌شود: امتیاز اولویت آن صفر است.` };
    }
    if (it.cost > input.budget) {
      return {
        id: it.id, funded: false, reason: 'over_budget', efficiencyRank: r, valueIfForced: null,
        text: `«${name(it.id)}» تأمین نمی‌شود: هزینهٔ آن (${num.format(it.cost)}) از کل بودجه (${num.format(input.budget)}) بیشتر است.`,
      };
    }
    let forced: number | null = null;
    if (computeForced) {
      const others = input.items.filter((x) => x.id !== it.id);
      forced = it.value + solveKnapsack({ budget: input.budget - it.cost, items: others }).value;
    }
    const loss = forced === null ? '' : ` اگر این محل حتماً تأمین شود، بهترین ترکیب ممکن امتیاز کل را از ${vt(result.value)} به ${vt(forced)} می‌رساند.`;
    if (it.cost > left) {
      return {
        id: it.id, funded: false, reason: 'not_enough_left', efficiencyRank: r, valueIfForced: forced,
        text: `«${name(it.id)}» تأمین نمی‌شود: پس از تأمین محل‌های منتخب ${num.format(left)} از بودجه می‌ماند و هزینهٔ آن ${num.format(it.cost)} است؛ برای جا دادن آن باید محل‌هایی با امتیاز بیشتر کنار گذاشته شوند${rankText}.${loss}`,
      };
    }
    return {
      id: it.id, funded: false, reason: 'better_combination', efficiencyRank: r, valueIfForced: forced,
      text: `«${name(it.id)}» تأمین نمی‌شود${rankText}.${loss}`,
    };
  });
}
