// Publicly verifiable lottery, exactly as RFC 3797 ("Publicly Verifiable Nominations Committee (NomCom) Random
// Selection", section 4 and the worked example of section 6). Pure: no clock, no Math.random, no I/O — anyone who
// knows the published key can recompute every draw with the RFC's own reference program.
//
// 1. Key: the published random sources are put in canonical form (canonicalKey): for each source, its numbers are
//    sorted ascending and each is followed by '.', and every source is followed by '/'. The 2002 NomCom example:
//    sources 9319 · 2 5 12 8 10 · 9 18 26 34 41 45  →  "9319./2.5.8.10.12./9.18.26.34.41.45./".
// 2. Selection (rfc3797Select): for j = 0, 1, 2, … compute MD5( J ‖ key ‖ J ), J being j as a 2-byte big-endian
//    integer; read the 16 digest bytes as an unsigned 128-bit big-endian integer; take it modulo the number of
//    candidates still in the pool (pool, pool−1, …); the remainder r selects the (r+1)-th remaining candidate (in
//    the pool's original order), which is removed. Repeat.
//
// Extension beyond the RFC (which never needs it: NomCom pools are small): for j ≥ 65536, where 2 bytes cannot hold
// j, J is j as a 4-byte big-endian integer. For j < 65536 (all the RFC's cases) the bytes hashed are exactly the RFC's.
import { createHash } from 'node:crypto';

/**
 * The RFC 3797 canonical key string. A source is either a list of numbers (sorted numerically, each followed by
 * '.'; integers written in decimal without leading zeros, non-integers as JavaScript writes them) or a string, which
 * RFC 3797 treats as text: upper-cased, every character other than a letter or digit removed (accents dropped),
 * used as is. Each source is followed by '/'.
 */
export function canonicalKey(sources: (number[] | string)[]): string {
  if (sources.length === 0) throw new Error('at least one random source is needed');
  let key = '';
  for (const source of sources) {
    if (typeof source === 'string') {
      const text = source.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!text) throw new Error('a text source has no letters or digits');
      key += `${text}/`;
    } else {
      if (source.length === 0) throw new Error('a numeric source has no numbers');
      for (const n of source) if (!Number.isFinite(n) || n < 0) throw new Error(`not a non-negative number: ${n}`);
      key += `${[...source].sort((a, b) => a - b).map((n) => `${n}.`).join('')}/`;
    }
  }
  return key;
}

function counter(j: number): Buffer {
  if (j < 0x10000) {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(j);
    return b;
  }
  const b = Buffer.alloc(4);
  b.writeUInt32BE(j);
  return b;
}

/** MD5(J ‖ key ‖ J) as an unsigned 128-bit big-endian integer (RFC 3797 section 4). */
export function rfc3797Value(key: string, j: number): bigint {
  const J = counter(j);
  const digest = createHash('md5').update(J).update(key, 'utf8').update(J).digest('hex');
  return BigInt(`0x${digest}`);
}

/**
 * Order-statistic structure over positions 1..n: a Fenwick tree of 0/1 ("still in the pool") with `kth` in
 * O(log n) by binary lifting, so drawing all of 200,000 candidates costs O(n log n), not O(n²).
 */
export class RemainingPositions {
  private readonly tree: Int32Array;
  private readonly top: number;
  constructor(readonly size: number) {
    this.tree = new Int32Array(size + 1);
    // Linear-time build of a tree where every position is present.
    for (let i = 1; i <= size; i++) {
      this.tree[i]! += 1;
      const parent = i + (i & -i);
      if (parent <= size) this.tree[parent]! += this.tree[i]!;
    }
    let top = 1;
    while (top * 2 <= size) top *= 2;
    this.top = top;
  }
  /** The k-th (1-based) position still present. */
  kth(k: number): number {
    let pos = 0;
    let rest = k;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.size && this.tree[next]! < rest) {
        pos = next;
        rest -= this.tree[next]!;
      }
    }
    return pos + 1;
  }
  remove(position: number): void {
    for (let i = position; i <= this.size; i += i & -i) this.tree[i]! -= 1;
  }
}

/**
 * Selects `pick` of the positions 1..pool with the key, exactly as RFC 3797: returns the selected positions
 * (1-based, in the pool's original numbering) in selection order.
 */
export function rfc3797Select(key: string, pool: number, pick: number): number[] {
  if (!Number.isSafeInteger(pool) || pool < 0) throw new Error(`pool must be a non-negative integer: ${pool}`);
  if (!Number.isSafeInteger(pick) || pick < 0 || pick > pool) throw new Error(`pick must be an integer in 0..${pool}: ${pick}`);
  if (pool > 0xffffffff) throw new Error('pool too large');
  const remaining = new RemainingPositions(pool);
  const out: number[] = new Array<number>(pick);
  for (let j = 0; j < pick; j++) {
    const left = pool - j;
    const r = Number(rfc3797Value(key, j) % BigInt(left));
    const position = remaining.kth(r + 1);
    remaining.remove(position);
    out[j] = position;
  }
  return out;
}

/** Canonical order of ids before the draw: ascending by UTF-16 code units (locale-independent, reproducible). */
export function canonicalIdOrder(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A full random permutation of `ids` drawn with the key: the ids are first put in their canonical order
 * (canonicalIdOrder, so the caller's array order does not matter) and numbered 1..n; then all n are drawn with
 * rfc3797Select(key, n, n); the result lists the ids in the order drawn (the first drawn wins every tie). Anyone can
 * recompute it: sort the ids, number them, run the RFC 3797 reference program for a pool of n.
 * Ids must be distinct.
 */
export function lotteryOrder(key: string, ids: readonly string[]): string[] {
  const sorted = canonicalIdOrder(ids);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) throw new Error(`duplicate id in the lottery: ${sorted[i]}`);
  return rfc3797Select(key, sorted.length, sorted.length).map((p) => sorted[p - 1]!);
}
