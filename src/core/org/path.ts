// Materialized paths of the divisions tree ('/3/41/270/'): pure helpers, usable anywhere.

/** The ids on a materialized path, top first: '/3/41/270/' → [3, 41, 270]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** Whether two division paths share the node at `depth` (1 = province, 2 = county, 3 = district). */
export function sameAncestor(a: string, b: string, depth: number): boolean {
  const x = pathIds(a);
  const y = pathIds(b);
  if (x.length < depth || y.length < depth) return false;
  for (let i = 0; i < depth; i++) if (x[i] !== y[i]) return false;
  return true;
}
