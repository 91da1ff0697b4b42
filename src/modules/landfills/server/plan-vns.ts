// Move generators around the swap search (plan-search.ts) used by the planner (plan.ts): the VNS shake (k random
// swaps, half of them local to a random village) and the best uncapacitated moves for the capacitated search.
import type { SwapSearch, Move } from './plan-search.js';

/**
 * VNS shake: k random moves. Half are local — a random village's own site is swapped for one of the village's
 * nearest closed sites — so that at national scale a shake perturbs one region instead of two far-apart ones; the
 * rest are uniform. With a fixed cost, opens and closes are mixed in.
 */
export function shake(s: SwapSearch, k: number, random: () => number, log: Move[]): void {
  const { m, n, K, nbr } = s.inst;
  if (s.nOpen === 0) return;
  const uniformClosed = () => {
    if (s.nOpen >= m) return -1;
    for (;;) {
      const f = Math.floor(random() * m);
      if (!s.isOpen[f]) return f;
    }
  };
  for (let t = 0; t < k; t++) {
    let fIn = -1;
    let gOut = -1;
    const kind = random();
    if (random() < 0.5) {
      const i = Math.floor(random() * n);
      const f = nbr[i * K + Math.floor(random() * Math.min(K, 10))]!;
      fIn = s.isOpen[f] ? uniformClosed() : f;
      gOut = s.c1[i]! >= 0 ? s.c1[i]! : s.openList[Math.floor(random() * s.nOpen)]!;
    } else {
      fIn = uniformClosed();
      gOut = s.openList[Math.floor(random() * s.nOpen)]!;
    }
    if (!s.pMode) {
      if (kind < 0.2) gOut = -1; // open only
      else if (kind < 0.4 && s.nOpen >= 2) fIn = -1; // close only
      if (s.nOpen < 2) gOut = -1;
    }
    if (fIn < 0 && (gOut < 0 || s.pMode)) continue;
    s.apply(fIn, gOut);
    log.push({ fIn, gOut, profit: 0 });
  }
}

/** The T best moves by uncapacitated profit (for the capacitated search to evaluate exactly). */
export function topMoves(s: SwapSearch, T: number): Move[] {
  const { m } = s.inst;
  const top: Move[] = [];
  const consider = (fIn: number, gOut: number, profit: number) => {
    if (top.length === T && profit <= top[T - 1]!.profit) return;
    let at = top.length;
    while (at > 0 && top[at - 1]!.profit < profit) at--;
    top.splice(at, 0, { fIn, gOut, profit });
    if (top.length > T) top.pop();
  };
  if (s.nOpen >= 2 || s.pMode) {
    for (let a = 0; a < s.nOpen; a++) {
      const g = s.openList[a]!;
      const row = s.rowAt(a);
      for (let f = 0; f < m; f++) {
        if (s.isOpen[f]) continue;
        consider(f, g, s.gain[f]! - s.loss[g]! + (row && s.nOpen >= 2 ? row[f]! : 0));
      }
    }
  }
  if (!s.pMode) {
    for (let f = 0; f < m; f++) if (!s.isOpen[f]) consider(f, -1, s.gain[f]! - s.F);
    if (s.nOpen >= 2) for (let a = 0; a < s.nOpen; a++) consider(-1, s.openList[a]!, s.F - s.loss[s.openList[a]!]!);
  }
  return top;
}
