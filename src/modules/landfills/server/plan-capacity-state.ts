// Building blocks of the capacitated assignment (plan-capacity.ts): a max-heap, the distance-ordered open sites of
// a village (Candidates), and the partial assignment being built (CapState: site per village, residual capacity,
// villages per site).
import type { Instance } from './plan-instance.js';

export class MaxHeap {
  private pri: number[] = [];
  private item: number[] = [];
  get size() {
    return this.pri.length;
  }
  private above(a: number, b: number) {
    return this.pri[a]! > this.pri[b]! || (this.pri[a] === this.pri[b] && this.item[a]! < this.item[b]!);
  }
  private swap(a: number, b: number) {
    [this.pri[a], this.pri[b]] = [this.pri[b]!, this.pri[a]!];
    [this.item[a], this.item[b]] = [this.item[b]!, this.item[a]!];
  }
  push(p: number, it: number) {
    this.pri.push(p);
    this.item.push(it);
    let c = this.pri.length - 1;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (!this.above(c, parent)) break;
      this.swap(c, parent);
      c = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.pri[0]!, this.item[0]!];
    const lp = this.pri.pop()!;
    const li = this.item.pop()!;
    if (this.pri.length > 0) {
      this.pri[0] = lp;
      this.item[0] = li;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let b = c;
        if (l < this.pri.length && this.above(l, b)) b = l;
        if (r < this.pri.length && this.above(r, b)) b = r;
        if (b === c) break;
        this.swap(b, c);
        c = b;
      }
    }
    return top;
  }
}

/** Open sites of a village in distance order: its neighbour list, then (lists truncated) the rest of the open set. */
export class Candidates {
  private readonly fallback = new Map<number, { sites: Int32Array; dists: Float64Array }>();
  private readonly stamp: Int32Array;
  private stampNo = 0;
  constructor(
    private readonly inst: Instance,
    private readonly isOpen: Uint8Array,
    private readonly open: number[],
  ) {
    this.stamp = new Int32Array(inst.m);
  }

  /** Calls visit(site, distance) in increasing distance until it returns true. */
  each(i: number, visit: (j: number, d: number) => boolean): void {
    const { K, nbr, nd, full } = this.inst;
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const j = nbr[base + k]!;
      if (this.isOpen[j] && visit(j, nd[base + k]!)) return;
    }
    if (full) return;
    let fb = this.fallback.get(i);
    if (!fb) {
      const s = ++this.stampNo;
      for (let k = 0; k < K; k++) this.stamp[nbr[base + k]!] = s;
      const rest = this.open.filter((j) => this.stamp[j] !== s);
      const d = new Map(rest.map((j) => [j, this.inst.dist(i, j)]));
      rest.sort((a, b) => d.get(a)! - d.get(b)! || a - b);
      fb = { sites: Int32Array.from(rest), dists: Float64Array.from(rest, (j) => d.get(j)!) };
      this.fallback.set(i, fb);
    }
    for (let t = 0; t < fb.sites.length; t++) if (visit(fb.sites[t]!, fb.dists[t]!)) return;
  }
}

/** The partial assignment being built: site per village, residual capacity, villages per site. */
export class CapState {
  readonly site: Int32Array;
  readonly residual: Float64Array;
  readonly members: number[][];
  private readonly at: Int32Array;
  readonly cand: Candidates;
  cost = 0;
  work = 0;
  constructor(
    readonly inst: Instance,
    readonly open: number[],
  ) {
    const isOpen = new Uint8Array(inst.m);
    for (const j of open) isOpen[j] = 1;
    this.residual = new Float64Array(inst.m);
    for (const j of open) this.residual[j] = inst.cap[j]!;
    this.site = new Int32Array(inst.n).fill(-1);
    this.members = Array.from({ length: inst.m }, () => []);
    this.at = new Int32Array(inst.n);
    this.cand = new Candidates(inst, isOpen, open);
  }
  each(i: number, visit: (j: number, d: number) => boolean): void {
    this.cand.each(i, (j, d) => {
      this.work++;
      return visit(j, d);
    });
  }
  attach(i: number, j: number, d = this.inst.dist(i, j)): void {
    this.site[i] = j;
    this.at[i] = this.members[j]!.length;
    this.members[j]!.push(i);
    this.residual[j] = this.residual[j]! - this.inst.w[i]!;
    this.cost += this.inst.w[i]! * d;
  }
  detach(i: number): void {
    const j = this.site[i]!;
    const list = this.members[j]!;
    const last = list.pop()!;
    if (last !== i) {
      list[this.at[i]!] = last;
      this.at[last] = this.at[i]!;
    }
    this.residual[j] = this.residual[j]! + this.inst.w[i]!;
    this.cost -= this.inst.w[i]! * this.inst.dist(i, j);
    this.site[i] = -1;
  }
  /** nearest open site with room for village k, other than `except` */
  alternative(k: number, except: number): [number, number] {
    let best = -1;
    let bd = Infinity;
    const wk = this.inst.w[k]!;
    this.each(k, (j, d) => {
      if (j === except || this.residual[j]! < wk) return false;
      best = j;
      bd = d;
      return true;
    });
    return [best, bd];
  }
}
