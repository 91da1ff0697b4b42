// Who the festival's staff screens are showing themselves to, from the session's roles (pure, unit-tested): the
// national secretariat (rounds, judges, results, spread), the screeners (entries of their scope), a dehyari (his
// village's plans and questions) and a judge (his queue). One person may be several of them.
import type { Me } from '../../../../web/api.js';

export const BASE = '/app/festival';
export const API = '/api/v1/festival';

export interface FestViewer {
  /** the national secretariat: national expert.rural or the administrator (festival.manage with a national grant) */
  manage: boolean;
  /** screens entries: expert.rural (any level), province.reviewer, the administrator */
  screens: boolean;
  /** a screener bound to a province (sees his province's entries only) */
  provinceScreener: boolean;
  /** the province of that screener's grant, for the list's heading */
  province: string | null;
  /** a dehyari (files his village's plans, answers questions) */
  dehyari: boolean;
  /** a judge (festival.judge) */
  judge: boolean;
}

type Grant = Me['roles'][number];
const national = (g: Grant) => !g.division || g.division.level === 'country';

export function festViewerOf(me: Pick<Me, 'roles' | 'permissions'> | null | undefined): FestViewer {
  const roles = me?.roles ?? [];
  const perms = me?.permissions ?? [];
  const of = (role: string) => roles.filter((r) => r.role === role);
  const admin = of('admin').length > 0;
  const rural = of('expert.rural');
  const reviewer = of('province.reviewer');
  const manage = perms.includes('festival.manage') && (admin || rural.some(national));
  const screens = admin || rural.length > 0 || reviewer.length > 0;
  return {
    manage,
    screens,
    provinceScreener: !manage && screens,
    province: !manage ? ([...rural, ...reviewer].find((g) => g.division && g.division.level === 'province')?.division?.name ?? null) : null,
    dehyari: of('dehyari').length > 0,
    judge: perms.includes('festival.judge'),
  };
}

/** Where `/app/festival` opens: the secretariat at the rounds, a screener at the entries, a dehyari at his plans, a judge at his queue. */
export function homePathOf(v: FestViewer): string {
  if (v.manage) return `${BASE}/rounds`;
  if (v.screens) return `${BASE}/entries`;
  if (v.dehyari) return `${BASE}/mine`;
  if (v.judge) return `${BASE}/judging`;
  return `${BASE}/mine`;
}
