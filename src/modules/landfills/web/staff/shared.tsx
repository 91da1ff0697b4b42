// What the landfill staff screens share: the area heading and its tabs, the viewer's powers (from the session's
// roles), badge colours, and the message of a failed action. Generic pieces (facts, notices, paging, provinces)
// are the shell's: src/web/staff/ui.tsx.
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { type Me } from '../../../../web/api.js';
import { useMe } from '../../../../web/session.js';
import { AreaHeader, StateBadge } from '../../../../web/staff/ui.js';
import { actionErrorOf } from '../../../../web/staff/inputs.js';
import {
  SCENARIO_STATE_TITLES,
  SITE_KIND_TITLES,
  SITE_STATUS_TITLES,
  VERIFICATION_STATE_TITLES,
  type ScenarioState,
  type SiteKind,
  type SiteStatus,
  type VerificationState,
} from '../../enums.js';

/**
 * Marker and badge colours of the site kinds (the map legend uses the same): dark enough to be the text of the kind's
 * badge on its own 10 % tint (5:1 or more, WCAG AA).
 */
export const KIND_COLORS: Record<SiteKind, string> = { sanitary: '#276749', open_dump: '#9b2c2c', transfer: '#2c5282', composting: '#8a5a14' };
const STATUS_COLORS: Record<SiteStatus, string> = { active: 'green', full: 'orange', closed: 'gray', rehabilitated: 'teal' };
const VERIFICATION_COLORS: Record<VerificationState, string> = { submitted: 'blue', returned: 'orange', district_verified: 'civic', verified: 'green', removed: 'gray' };
const SCENARIO_COLORS: Record<ScenarioState, string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };

export function SiteStatusBadge({ status }: { status: SiteStatus }) {
  return <StateBadge state={status} color={STATUS_COLORS[status] ?? 'gray'} title={SITE_STATUS_TITLES[status] ?? status} />;
}
export function VerificationBadge({ state }: { state: VerificationState }) {
  return <StateBadge state={state} color={VERIFICATION_COLORS[state] ?? 'gray'} title={VERIFICATION_STATE_TITLES[state] ?? state} />;
}
export function ScenarioStateBadge({ state }: { state: ScenarioState }) {
  return <StateBadge state={state} color={SCENARIO_COLORS[state] ?? 'gray'} title={SCENARIO_STATE_TITLES[state] ?? state} />;
}
export const kindTitle = (k: SiteKind) => SITE_KIND_TITLES[k] ?? k;

export interface LandfillViewer {
  /** may register, edit and import sites (dehyari, district, province, expert.rural) */
  edits: boolean;
  /** may run scenarios and fund allocations (province reviewer, expert.rural) */
  plans: boolean;
  /** national grant (expert.rural or admin at country level) */
  national: boolean;
  /** the divisions of the viewer's landfill grants, widest first: the default scope of new scenarios */
  scopes: { id: number; name: string; level: string }[];
}

const EDIT_ROLES = ['dehyari', 'district.reviewer', 'province.reviewer', 'expert.rural'];
const PLAN_ROLES = ['province.reviewer', 'expert.rural'];
const LEVEL_ORDER = ['country', 'province', 'county', 'district', 'rural_district', 'village'];

export function landfillViewerOf(me: Me | null | undefined): LandfillViewer {
  const roles = me?.roles ?? [];
  const scopes = roles
    .filter((r) => EDIT_ROLES.includes(r.role) || r.role === 'admin' || r.role === 'inspector')
    .filter((r) => r.division)
    .map((r) => ({ id: Number(r.division!.id), name: r.division!.name, level: r.division!.level }))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return {
    edits: roles.some((r) => EDIT_ROLES.includes(r.role)),
    plans: roles.some((r) => PLAN_ROLES.includes(r.role)),
    national: roles.some((r) => (r.role === 'expert.rural' || r.role === 'admin') && (!r.division || r.division.level === 'country')),
    scopes: scopes.filter((s, i) => scopes.findIndex((t) => t.id === s.id) === i),
  };
}

export function useLandfillViewer(): LandfillViewer {
  return landfillViewerOf(useMe().data);
}

/** The heading of the landfill area with its tabs: sites, summary, import, scenarios, fund allocation. */
export function LandfillsHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { pathname } = useLocation();
  const viewer = useLandfillViewer();
  const at = (p: string) => pathname.startsWith(`/app/landfills/${p}`);
  const onSites = !at('summary') && !at('import') && !at('scenarios') && !at('allocations');
  return (
    <AreaHeader
      title={title}
      label="بخش‌های سامانه مراکز دفن پسماند"
      extra={extra}
      tabs={[
        { to: '/app/landfills', label: 'محل‌ها', active: onSites, end: true },
        { to: '/app/landfills/summary', label: 'خلاصه آماری', active: at('summary') },
        ...(viewer.edits ? [{ to: '/app/landfills/import', label: 'ورود گروهی', active: at('import') }] : []),
        ...(viewer.plans
          ? [
              { to: '/app/landfills/scenarios', label: 'سناریوهای تجمیع', active: at('scenarios') },
              { to: '/app/landfills/allocations', label: 'تخصیص اعتبار', active: at('allocations') },
            ]
          : []),
      ]}
    />
  );
}

/** The Persian message of a failed action; a 409 (someone else changed it first) says so. */
export const actionError = (err: unknown) => actionErrorOf(err, 'این رکورد را کس دیگری همین حالا تغییر داده است. صفحه را تازه کنید و دوباره بررسی کنید.', true);
