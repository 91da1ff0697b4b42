// What the amriyeh staff screens share: the state badges' colours, the area's heading, the message of a failed
// action, the viewer's roles, and the queries several screens read (calls, runs). Generic building blocks (facts,
// notices, deadlines, paging, provinces) are the shell's: src/web/staff/ui.tsx.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { api, type Me } from '../../../../web/api.js';
import { useMe } from '../../../../web/session.js';
import { AreaHeader, StateBadge } from '../../../../web/staff/ui.js';
import { actionErrorOf } from '../../../../web/staff/inputs.js';
import { APPLICATION_STATE_TITLES, CALL_STATE_TITLES, type ApplicationState, type CallState } from '../../enums.js';
import type { CallSummary, RunSummary } from '../../api-types.js';
import { afa } from './fa.js';

const APP_COLORS: Record<string, string> = {
  submitted: 'blue',
  returned: 'orange',
  district_approved: 'civic',
  eligible: 'teal',
  selected: 'green',
  reserve: 'yellow',
  not_selected: 'gray',
  issued: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  revoked: 'red',
};

const CALL_COLORS: Record<string, string> = { draft: 'gray', open: 'green', closed: 'orange', allocated: 'civic', archived: 'gray' };

export function AppStateBadge({ state, title }: { state: ApplicationState | string; title?: string | undefined }) {
  return <StateBadge state={state} color={APP_COLORS[state] ?? 'gray'} title={title ?? APPLICATION_STATE_TITLES[state as ApplicationState] ?? state} />;
}

export function CallStateBadge({ state, title }: { state: CallState | string; title?: string | undefined }) {
  return <StateBadge state={state} color={CALL_COLORS[state] ?? 'gray'} title={title ?? CALL_STATE_TITLES[state as CallState] ?? state} />;
}

/** The heading of the amriyeh area with its two tabs (calls, applications). */
export function AmriyehHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { pathname } = useLocation();
  const viewer = useViewer();
  const onApps = pathname.startsWith('/app/amriyeh/applications');
  return (
    <AreaHeader
      title={title}
      label={afa.nav.areaNav}
      extra={extra}
      tabs={[
        { to: '/app/amriyeh', label: afa.nav.calls, active: !onApps, end: true },
        ...(reviewsApplications(viewer) ? [{ to: '/app/amriyeh/applications', label: afa.nav.applications, active: onApps }] : []),
      ]}
    />
  );
}

/** The Persian message of a failed action; a 409 (someone else acted first) says so. */
export const actionError = (err: unknown) => actionErrorOf(err, afa.common.conflict);

// ---- the viewer ----

export interface Viewer {
  /** The Deputy for Dehyari Affairs with a national grant: creates calls, publishes the seed, runs nationally. */
  national: boolean;
  /** Provinces where the viewer is the provincial governorate: runs their selection and issues their letters. */
  provinces: { id: number; name: string }[];
  districtReviewer: boolean;
  provinceReviewer: boolean;
  /** The villages of the viewer's dehyari grants. */
  dehyaris: { divisionId: number; name: string }[];
}

export function viewerOf(me: Me | null | undefined): Viewer {
  const roles = me?.roles ?? [];
  const national = roles.some((r) => (r.role === 'expert.rural' || r.role === 'admin') && (!r.division || r.division.level === 'country'));
  const provinces = roles
    .filter((r) => r.role === 'province.reviewer' && r.division?.level === 'province')
    .map((r) => ({ id: Number(r.division!.id), name: r.division!.name }));
  return {
    national,
    provinces: provinces.filter((p, i) => provinces.findIndex((q) => q.id === p.id) === i),
    districtReviewer: roles.some((r) => r.role === 'district.reviewer'),
    provinceReviewer: roles.some((r) => r.role === 'province.reviewer'),
    dehyaris: roles.filter((r) => r.role === 'dehyari' && r.division).map((r) => ({ divisionId: Number(r.division!.id), name: r.division!.name })),
  };
}

export function useViewer(): Viewer {
  const me = useMe();
  return viewerOf(me.data);
}

/** True for the roles that see applications (a dehyari declares seats only). */
export const reviewsApplications = (v: Viewer): boolean => v.national || v.provinceReviewer || v.districtReviewer;

/** The application states waiting for the viewer's decision (for the "waiting for me" shortcut). */
export function waitingStates(v: Viewer): ApplicationState[] {
  const out: ApplicationState[] = [];
  if (v.districtReviewer) out.push('submitted');
  if (v.provinceReviewer) out.push('district_approved');
  return out;
}

// ---- queries ----

export function useCalls() {
  return useQuery({
    queryKey: ['amriyeh', 'calls'],
    queryFn: ({ signal }) => api.get<{ items: CallSummary[] }>('/api/v1/amriyeh/calls', signal).then((r) => r.items),
  });
}

/** The selection runs of a call (shared by the stations and runs sections of the call page). */
export function useRuns(callId: number) {
  return useQuery({
    queryKey: ['amriyeh', 'runs', callId],
    queryFn: ({ signal }) => api.get<{ items: RunSummary[] }>(`/api/v1/amriyeh/calls/${callId}/runs`, signal).then((r) => r.items),
  });
}

/** True once a run decided the province (its own run or the national one): its stations' seats are then fixed. */
export function provinceDecided(runs: RunSummary[] | undefined, provinceId: number): boolean {
  return (runs ?? []).some((r) => r.scope === 'national' || r.provinceId === provinceId);
}
