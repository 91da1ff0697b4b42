// Helpers shared by the amriyeh staff screens: formatting, badges, the area's heading, the viewer's roles, and the
// queries several screens read (calls, provinces).
import type { ReactNode } from 'react';
import { Alert, Badge, Button, Group, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NavLink, useLocation } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, ApiError, errorMessage, type Me } from '../../../../web/api.js';
import { faNumber } from '../../../complaints/web/format.js';
import { useMe } from '../../../../web/session.js';
import { APPLICATION_STATE_TITLES, CALL_STATE_TITLES, type ApplicationState, type CallState } from '../../enums.js';
import type { CallSummary, RunSummary } from '../../api-types.js';
import { afa } from './fa.js';

export { jDate, jDateTime } from '../../../complaints/web/format.js';
export { onlyDigits as digitsOnly } from '../../../../web/components/digits.js';
export { fieldErrors } from '../../../complaints/web/public/http.js';

/** A number (a count, a score) with Persian digits, separators and at most two decimals: 1234.5 → '۱٬۲۳۴٫۵'. */
export function faNum(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? afa.common.none : faNumber(n, 2);
}

/** A code (national code, mobile, letter number) in Persian digits; show it in an LTR element. */
export function faCode(s: string | null | undefined): string {
  return s ? toPersianDigits(s) : afa.common.none;
}

/**
 * A tracking code in groups of four with Persian digits, as the SMS writes it ('۱۲۳۴-۵۶۷۸-۹۰۱۲-۳'); show it in an
 * LTR element.
 */
export function faTracking(code: string): string {
  return toPersianDigits(code.replace(/(\d{4})(?=\d)/g, '$1-'));
}

/** True when a deadline has passed. */
export const isOverdue = (dueAt: string | null | undefined): boolean => !!dueAt && new Date(dueAt).getTime() < Date.now();

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

function ColoredBadge({ color, state, children }: { color: string; state: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c={`${color}.9`} size="md" radius="sm" className="am-badge" data-state={state}>
      {children}
    </Badge>
  );
}

export function AppStateBadge({ state, title }: { state: ApplicationState | string; title?: string | undefined }) {
  return (
    <ColoredBadge color={APP_COLORS[state] ?? 'gray'} state={state}>
      {title ?? APPLICATION_STATE_TITLES[state as ApplicationState] ?? state}
    </ColoredBadge>
  );
}

export function CallStateBadge({ state, title }: { state: CallState | string; title?: string | undefined }) {
  return (
    <ColoredBadge color={CALL_COLORS[state] ?? 'gray'} state={state}>
      {title ?? CALL_STATE_TITLES[state as CallState] ?? state}
    </ColoredBadge>
  );
}

/** The heading of the amriyeh area with its two tabs (calls, applications). */
export function AmriyehHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { pathname } = useLocation();
  const viewer = useViewer();
  const onApps = pathname.startsWith('/app/amriyeh/applications');
  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Group gap="xs" component="nav" aria-label={afa.nav.areaNav}>
        {extra}
        <Button component={NavLink} to="/app/amriyeh" end variant={onApps ? 'light' : 'filled'} size="sm">
          {afa.nav.calls}
        </Button>
        {reviewsApplications(viewer) && (
          <Button component={NavLink} to="/app/amriyeh/applications" variant={onApps ? 'filled' : 'light'} size="sm">
            {afa.nav.applications}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** Label → value pairs as a definition list. */
export function Facts({ items }: { items: Array<[string, ReactNode] | false | null | undefined | ''> }) {
  return (
    <dl className="am-facts">
      {items
        .filter((x): x is [string, ReactNode] => !!x)
        .map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A success notice (green) or an error (red) above a section; `null` shows nothing. */
export function Notice({ tone, children, onClose, testId }: { tone: 'ok' | 'error'; children: ReactNode; onClose?: () => void; testId?: string }) {
  if (!children) return null;
  return (
    <Alert
      color={tone === 'ok' ? 'green' : 'red'}
      variant="light"
      role={tone === 'ok' ? 'status' : 'alert'}
      withCloseButton={!!onClose}
      {...(onClose ? { onClose } : {})}
      data-testid={testId ?? (tone === 'ok' ? 'notice' : 'action-error')}
    >
      {children}
    </Alert>
  );
}

/** The Persian message of a failed action; a 409 (someone else acted first) says so. */
export function actionError(err: unknown): { message: string; conflict: boolean } {
  if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') return { message: afa.common.conflict, conflict: true };
  return { message: errorMessage(err), conflict: err instanceof ApiError && err.status === 409 };
}

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

export interface ProvinceItem {
  id: number;
  name: string;
  level: string;
}

/** The provinces of the country (public reference data), for the quota form and the letters' province choice. */
export function useProvinces(enabled = true) {
  return useQuery({
    queryKey: ['divisions', 'root'],
    queryFn: ({ signal }) => api.get<{ items: ProvinceItem[] }>('/api/v1/divisions', signal).then((r) => r.items.filter((d) => d.level === 'province')),
    staleTime: 10 * 60_000,
    enabled,
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
