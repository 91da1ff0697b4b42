// Uncapacitated location search: swap-based local search with the incremental data
// structures of Resende & Werneck ("A fast swap-based local search procedure for location problems", Annals of
// OR 150, 2007; an implementation of Whitaker's fast interchange), the core of the variable neighbourhood search (Hansen &
// Mladenović, "Variable neighborhood search for the p-median", Location Science 5, 1997) run around it by plan.ts.
// The greedy construction is in plan-greedy.ts, the VNS shake in plan-vns.ts.
//
// For the current open set every customer i knows its closest and second-closest open sites φ1(i), φ2(i) at
// distances d1 ≤ d2. Three arrays summarize the whole neighbourhood:
//   gain[f]      = Σ_i w_i·max(0, d1(i) − d(i,f))                      saving of opening closed site f;
//   loss[g]      = Σ_{i: φ1(i)=g} w_i·(d2(i) − d1(i))                  cost of closing open site g;
//   extra[g][f]  = Σ_{i: φ1(i)=g, d(i,f)<d2(i)} w_i·(d2(i) − max(d(i,f), d1(i)))   correction for the pair,
// and the profit of swapping f in and g out is exactly gain[f] − loss[g] + extra[g][f]. Each customer's
// contribution touches only the sites it is closer to than d2 (a prefix of its sorted neighbour list), so after a
// move only the customers whose φ1/φ2 change ("affected") are withdrawn and re-added. extra is kept as one dense
// row of length m per open position (p × m numbers), and the best move is a scan of that table.
//
// With a fixed opening cost F instead of p (uncapacitated facility location), the same tables price the other two
// moves: open f (gain[f] − F) and close g (F − loss[g]).
import type { Instance } from './plan-instance.js';
import { seededRandom } from '../../../core/random.js';

export interface Move {
  fIn: number; // -1: none (a pure close)
  gOut: number; // -1: none (a pure open)
  profit: number;
}

/** Seeded PRNG: the same scenario always gives the same plan. */
export const rng = seededRandom;

export class SwapSearch {
  readonly inst: Instance;
  /** p-median (fixed count) or facility location with opening cost F */
  readonly pMode: boolean;
  readonly F: number;
  readonly isOpen: Uint8Array;
  readonly openList: Int32Array;
  readonly pos: Int32Array;
  nOpen = 0;
  readonly c1: Int32Array;
  readonly c2: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly gain: Float64Array;
  readonly loss: Float64Array;
  private rows: Float64Array[] = [];
  /** Σ w_i·d1(i), maintained incrementally (rebuild() recomputes it) */
  cost = 0;
  moves = 0;
  private readonly mark: Int32Array;
  private readonly markVal: Float64Array;
  private stamp = 0;
  private readonly affected: Int32Array;
  private readonly lastDist: Float64Array;

  constructor(inst: Instance, pMode: boolean, F: number) {
    this.inst = inst;
    this.pMode = pMode;
    this.F = F;
    const { n, m, K } = inst;
    this.isOpen = new Uint8Array(m);
    this.openList = new Int32Array(m);
    this.pos = new Int32Array(m).fill(-1);
    this.c1 = new Int32Array(n).fill(-1);
    this.c2 = new Int32Array(n).fill(-1);
    this.d1 = new Float64Array(n).fill(Infinity);
    this.d2 = new Float64Array(n).fill(Infinity);
    this.gain = new Float64Array(m);
    this.loss = new Float64Array(m);
    this.mark = new Int32Array(n);
    this.markVal = new Float64Array(n);
    this.affected = new Int32Array(n);
    this.lastDist = new Float64Array(n);
    for (let i = 0; i < n; i++) this.lastDist[i] = inst.nd[i * K + K - 1]!;
  }

  objective(): number {
    return this.pMode ? this.cost : this.cost + this.F * this.nOpen;
  }

  openSites(): number[] {
    return Array.from(this.openList.subarray(0, this.nOpen)).sort((a, b) => a - b);
  }

  /** extra[g][·] of the open site at position a */
  rowAt(a: number): Float64Array | undefined {
    return this.rows[a];
  }

  private row(a: number): Float64Array {
    while (this.rows.length <= a) this.rows.push(new Float64Array(this.inst.m));
    return this.rows[a]!;
  }

  /** Replaces the open set and recomputes every structure from scratch. */
  setOpen(sites: ArrayLike<number>): void {
    this.isOpen.fill(0);
    this.pos.fill(-1);
    this.nOpen = 0;
    for (let t = 0; t < sites.length; t++) {
      const f = sites[t]!;
      if (this.isOpen[f]) continue;
      this.isOpen[f] = 1;
      this.pos[f] = this.nOpen;
      this.openList[this.nOpen++] = f;
    }
    this.rebuild();
  }

  rebuild(): void {
    const { n } = this.inst;
    this.gain.fill(0);
    this.loss.fill(0);
    for (let a = 0; a < this.nOpen; a++) this.row(a).fill(0);
    let cost = 0;
    for (let i = 0; i < n; i++) {
      this.closestTwo(i);
      if (this.inst.w[i]! > 0) cost += this.inst.w[i]! * this.d1[i]!;
      this.contribute(i, 1);
    }
    this.cost = cost;
  }

  /** φ1/φ2 of customer i from its list, scanning the open set when the list is too short. */
  private closestTwo(i: number): void {
    const { K, nbr, nd, full } = this.inst;
    const base = i * K;
    let a = -1;
    let b = -1;
    let da = Infinity;
    let db = Infinity;
    for (let k = 0; k < K; k++) {
      const f = nbr[base + k]!;
      if (!this.isOpen[f]) continue;
      if (a < 0) {
        a = f;
        da = nd[base + k]!;
      } else {
        b = f;
        db = nd[base + k]!;
        break;
      }
    }
    if (b < 0 && !full && this.nOpen > (a < 0 ? 0 : 1)) {
      // Sites outside the list are at least as far as its last entry: scan the open set exactly.
      for (let t = 0; t < this.nOpen; t++) {
        const f = this.openList[t]!;
        if (f === a) continue;
        const d = this.inst.dist(i, f);
        if (a < 0 || d < da || (d === da && f < a)) {
          if (a >= 0) {
            b = a;
            db = da;
          }
          a = f;
          da = d;
        } else if (b < 0 || d < db || (d === db && f < b)) {
          b = f;
          db = d;
        }
      }
    }
    this.c1[i] = a;
    this.c2[i] = b;
    this.d1[i] = da;
    this.d2[i] = db;
  }

  /** Adds (s = 1) or withdraws (s = -1) customer i's share of gain / loss / extra. */
  private contribute(i: number, s: number): void {
    const wi = this.inst.w[i]!;
    if (wi === 0 || this.c1[i]! < 0) return;
    const { K, nbr, nd } = this.inst;
    const base = i * K;
    const da = this.d1[i]!;
    const gain = this.gain;
    const isOpen = this.isOpen;
    if (this.c2[i]! < 0) {
      // a single open site: only the opening gains are defined
      for (let k = 0; k < K; k++) {
        const df = nd[base + k]!;
        if (df >= da) break;
        const f = nbr[base + k]!;
        if (!isOpen[f]) gain[f] = gain[f]! + s * wi * (da - df);
      }
      return;
    }
    const db = this.d2[i]!;
    const g = this.c1[i]!;
    this.loss[g] = this.loss[g]! + s * wi * (db - da);
    const row = this.rows[this.pos[g]!]!;
    for (let k = 0; k < K; k++) {
      const df = nd[base + k]!;
      if (df >= db) break;
      const f = nbr[base + k]!;
      if (isOpen[f]) continue;
      if (df < da) {
        gain[f] = gain[f]! + s * wi * (da - df);
        row[f] = row[f]! + s * wi * (db - da);
      } else {
        row[f] = row[f]! + s * wi * (db - df);
      }
    }
  }

  /** Opens fIn and/or closes gOut (-1 for none), updating the affected customers only. */
  apply(fIn: number, gOut: number): void {
    const inst = this.inst;
    const { n } = inst;
    const stamp = ++this.stamp;
    if (fIn >= 0) {
      for (let t = inst.invStart[fIn]!; t < inst.invStart[fIn + 1]!; t++) {
        const c = inst.invCust[t]!;
        this.mark[c] = stamp;
        this.markVal[c] = inst.invDist[t]!;
      }
    }
    let na = 0;
    const aff = this.affected;
    for (let i = 0; i < n; i++) {
      let hit = gOut >= 0 && (this.c1[i] === gOut || this.c2[i] === gOut);
      if (!hit && fIn >= 0) {
        const d2 = this.d2[i]!;
        let df: number;
        if (this.mark[i] === stamp) df = this.markVal[i]!;
        else if (!inst.full && d2 > this.lastDist[i]!) df = inst.dist(i, fIn);
        else df = Infinity;
        hit = df < d2 || this.c1[i]! < 0;
      }
      if (hit) aff[na++] = i;
    }
    for (let t = 0; t < na; t++) this.contribute(aff[t]!, -1);

    if (fIn >= 0 && gOut >= 0) {
      const a = this.pos[gOut]!;
      this.isOpen[gOut] = 0;
      this.pos[gOut] = -1;
      this.openList[a] = fIn;
      this.pos[fIn] = a;
      this.isOpen[fIn] = 1;
      this.row(a).fill(0);
    } else if (fIn >= 0) {
      const a = this.nOpen++;
      this.row(a).fill(0);
      this.openList[a] = fIn;
      this.pos[fIn] = a;
      this.isOpen[fIn] = 1;
    } else if (gOut >= 0) {
      const a = this.pos[gOut]!;
      const last = this.nOpen - 1;
      const lastF = this.openList[last]!;
      const rows = this.rows;
      const tmp = rows[a]!;
      rows[a] = rows[last]!;
      rows[last] = tmp;
      this.openList[a] = lastF;
      this.pos[lastF] = a;
      this.nOpen = last;
      this.isOpen[gOut] = 0;
      this.pos[gOut] = -1;
      tmp.fill(0);
    }
    if (fIn >= 0) this.gain[fIn] = 0;
    if (gOut >= 0) this.loss[gOut] = 0;

    let cost = this.cost;
    for (let t = 0; t < na; t++) {
      const i = aff[t]!;
      const before = this.d1[i]!;
      this.closestTwo(i);
      const wi = this.inst.w[i]!;
      if (wi > 0) cost += before === Infinity ? wi * this.d1[i]! : wi * (this.d1[i]! - before);
      this.contribute(i, 1);
    }
    this.cost = cost;
    this.moves++;
  }

  /** The best move of the neighbourhood (swap; and open / close in facility-location mode). */
  bestMove(): Move {
    const { m } = this.inst;
    const isOpen = this.isOpen;
    const gain = this.gain;
    let best = -Infinity;
    let bf = -1;
    let bg = -1;
    if (this.nOpen >= 2) {
      for (let a = 0; a < this.nOpen; a++) {
        const g = this.openList[a]!;
        const row = this.rows[a]!;
        const lg = this.loss[g]!;
        for (let f = 0; f < m; f++) {
          if (isOpen[f]) continue;
          const v = gain[f]! + row[f]! - lg;
          if (v > best) {
            best = v;
            bf = f;
            bg = g;
          }
        }
      }
    }
    if (!this.pMode) {
      for (let f = 0; f < m; f++) {
        if (isOpen[f]) continue;
        const v = gain[f]! - this.F;
        if (v > best) {
          best = v;
          bf = f;
          bg = -1;
        }
      }
      if (this.nOpen >= 2) {
        for (let a = 0; a < this.nOpen; a++) {
          const g = this.openList[a]!;
          const v = this.F - this.loss[g]!;
          if (v > best) {
            best = v;
            bf = -1;
            bg = g;
          }
        }
      }
    }
    return { fIn: bf, gOut: bg, profit: best };
  }

  /**
   * Best-improvement local search. Returns the moves applied (for undo). A move whose real effect is not an
   * improvement (rounding noise in the incremental sums) is undone and ends the search.
   */
  localSearch(maxMoves: number, log?: Move[]): number {
    let applied = 0;
    while (applied < maxMoves) {
      const mv = this.bestMove();
      const before = this.objective();
      const tol = 1e-9 * Math.max(1, Math.abs(before));
      if (!(mv.profit > tol)) break;
      this.apply(mv.fIn, mv.gOut);
      if (this.objective() > before - tol * 1e-3) {
        this.apply(mv.gOut, mv.fIn);
        break;
      }
      log?.push(mv);
      applied++;
    }
    return applied;
  }

  /** Undoes logged moves, newest first. */
  undo(log: Move[]): void {
    for (let t = log.length - 1; t >= 0; t--) this.apply(log[t]!.gOut, log[t]!.fIn);
    log.length = 0;
  }
}
