// What the festival's staff screens share: the viewer's powers (viewer.ts) as a hook, the area heading and its tabs,
// state and phase badges, the reference queries (rounds, a round's public settings), small formatters, a Jalali date
// input and the message of a failed action with the reasons a refusal carries. Generic pieces (facts, notices, lists,
// provinces, a step that asks first) are the shell's: src/web/staff/ui.tsx, lists.tsx, case.tsx and ConfirmStep.tsx.
import type { ReactNode } from 'react';
import { Alert, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, ApiError } from '../../../../web/api.js';
import { faNumber } from '../../../../web/format.js';
import { useMe } from '../../../../web/session.js';
import { AreaHeader, StateBadge } from '../../../../web/staff/ui.js';
import { actionErrorOf } from '../../../../web/staff/inputs.js';
import type { PlaceRef, RoundPublic, RoundView } from '../../api-types.js';
import { ENTRY_STATE_TITLES, ROUND_PHASE_TITLES, type EntryState, type RoundPhase } from '../../enums.js';
import { ffa } from './fa.js';
import { API, BASE, festViewerOf, type FestViewer } from './viewer.js';

export { API, BASE } from './viewer.js';
const c = ffa.common;

export function useFestViewer(): FestViewer {
  return festViewerOf(useMe().data);
}

/** The heading of the festival area with its tabs (each shown to those who may use it). */
export function FestHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { pathname } = useLocation();
  const v = useFestViewer();
  const at = (p: string) => pathname.startsWith(`${BASE}/${p}`);
  return (
    <AreaHeader
      title={title}
      label={ffa.nav.areaNav}
      extra={extra}
      tabs={[
        ...(v.manage ? [{ to: `${BASE}/rounds`, label: ffa.nav.rounds, active: at('rounds') }] : []),
        ...(v.screens ? [{ to: `${BASE}/entries`, label: ffa.nav.entries, active: at('entries') }] : []),
        ...(v.manage ? [{ to: `${BASE}/spread`, label: ffa.nav.spread, active: at('spread') }] : []),
        ...(v.dehyari ? [{ to: `${BASE}/mine`, label: ffa.nav.mine, active: at('mine') }] : []),
        ...(v.dehyari ? [{ to: `${BASE}/questions`, label: ffa.nav.questions, active: at('questions') }] : []),
        ...(v.judge ? [{ to: `${BASE}/judging`, label: ffa.nav.judging, active: at('judging') }] : []),
      ]}
    />
  );
}

// ---- badges ----

const ENTRY_COLORS: Record<EntryState, string> = {
  draft: 'gray',
  province_screening: 'blue',
  national_screening: 'indigo',
  returned: 'orange',
  eligible: 'teal',
  ineligible: 'red',
  judging: 'violet',
  selected: 'green',
  not_selected: 'gray',
  withdrawn: 'gray',
  expired: 'gray',
};
const PHASE_COLORS: Record<RoundPhase, string> = { draft: 'gray', accepting: 'green', screening: 'blue', judging: 'violet', announced: 'teal' };

export function EntryStateBadge({ state, title }: { state: EntryState; title?: string }) {
  return <StateBadge state={state} color={ENTRY_COLORS[state] ?? 'gray'} title={title ?? ENTRY_STATE_TITLES[state]} />;
}

export function PhaseBadge({ phase, title }: { phase: RoundPhase; title?: string }) {
  return <StateBadge state={phase} color={PHASE_COLORS[phase] ?? 'gray'} title={title ?? ROUND_PHASE_TITLES[phase]} />;
}

/** «⚠ اختلاف زیاد»: an entry whose judges disagree, flagged by a mark and words (never by colour alone). */
export function FlagMark() {
  return (
    <span className="fs-flag" data-testid="flag">
      <span aria-hidden="true">⚠</span>
      {c.flagged}
    </span>
  );
}

// ---- formatters ----

/** A Jalali date as the API gives it ('1405/01/15') in Persian digits, or «—». */
export const jalaliText = (s: string | null | undefined): string => (s ? toPersianDigits(s) : c.none);

/** A signed number (a z-score, an ICC) kept left to right with a true minus sign: «−۰٫۵۹۸». */
export function Signed({ n, digits = 2 }: { n: number | null | undefined; digits?: number }) {
  if (n === null || n === undefined || !Number.isFinite(n)) return <>{c.none}</>;
  return (
    <bdi dir="ltr" className="fs-num">
      {n < 0 ? `\u2212${faNumber(-n, digits)}` : faNumber(n, digits)}
    </bdi>
  );
}

/** A Jalali year in Persian digits, without a thousands separator («۱۴۰۵»). */
export const yearText = (y: number): string => toPersianDigits(y);

/** «روستای …، شهرستان …، استان …» */
export const placeText = (p: PlaceRef): string => c.place(p.village, p.county, p.province);

/** A code (tracking code) kept left to right inside Persian text. */
export function Code({ value }: { value: string | null | undefined }) {
  return value ? <bdi className="st-code">{toPersianDigits(value)}</bdi> : <>{c.none}</>;
}

export { JalaliInput, Sub } from '../../../../web/staff/inputs.js';

// ---- errors ----

/** The Persian message of a failed action; a version conflict (someone else acted first) says so. */
export const actionError = (err: unknown) => actionErrorOf(err, c.conflict);

/** The fields of a problem answer beyond title and detail (the reasons of a refusal), when the client keeps them. */
export function problemExtra(err: unknown): Record<string, unknown> {
  if (!(err instanceof ApiError)) return {};
  const x = err as ApiError & { extra?: unknown; body?: unknown };
  const bag = x.extra ?? x.body;
  return bag && typeof bag === 'object' ? (bag as Record<string, unknown>) : {};
}

interface Titled {
  title?: unknown;
  judge?: unknown;
}
const titledList = (v: unknown): Titled[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Titled[]) : []);

/** A refused command: the server's Persian title, its detail, and the lists it names (entries short of judges, scores missing). */
export function Refusal({ err, onClose }: { err: unknown; onClose?: () => void }) {
  if (!err) return null;
  const { message } = actionError(err);
  const extra = problemExtra(err);
  const code = err instanceof ApiError ? err.code : '';
  const detail = err instanceof ApiError ? err.detail : undefined;
  let lead: string | null = null;
  let items: string[] = [];
  if (code === 'not_enough_judges' || code === 'panels_short') {
    lead = ffa.reasons.notEnoughJudges;
    items = titledList(extra.entries).map((e) => String(e.title ?? ''));
  } else if (code === 'scores_missing') {
    lead = ffa.reasons.scoresMissing;
    items = titledList(extra.missing).map((m) => ffa.reasons.missingOf(String(m.title ?? ''), String(m.judge ?? '')));
  }
  return (
    <Alert color="red" variant="light" role="alert" withCloseButton={!!onClose} {...(onClose ? { onClose } : {})} data-testid="action-error" data-code={code}>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {message}
        </Text>
        {detail && <Text size="sm">{detail}</Text>}
        {items.length > 0 && (
          <>
            <Text size="sm">{lead}</Text>
            <List size="sm" data-testid="refusal-items">
              {items.map((i, k) => (
                <List.Item key={k}>{i}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

// ---- queries ----

/** Every round (newest year first), for the secretariat; cached a minute. */
export function useRounds(enabled = true) {
  return useQuery({
    queryKey: ['festival', 'rounds'],
    queryFn: ({ signal }) => api.get<{ items: RoundView[] }>(`${API}/rounds`, signal).then((r) => r.items),
    staleTime: 60_000,
    retry: false,
    enabled,
  });
}

/** One round as the secretariat sees it. */
export function useRound(id: number | string) {
  return useQuery({ queryKey: ['festival', 'round', Number(id)], queryFn: ({ signal }) => api.get<RoundView>(`${API}/rounds/${id}`, signal) });
}

/** A round's public settings (axes, rubric, requirements): what a plan's page and form need. */
export function useRoundPublic(id: number | null | undefined) {
  return useQuery({
    queryKey: ['festival', 'round-public', id],
    queryFn: ({ signal }) => api.get<RoundPublic>(`${API}/rounds/${id}/public`, signal),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

/** A photo or document of a plan as staff open it. */
export const documentUrl = (docId: string): string => `/api/v1/documents/${encodeURIComponent(docId)}`;
