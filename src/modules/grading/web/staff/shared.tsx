// What the grading staff screens share: the area heading and its tabs, the viewer's powers (from the session's
// roles), the request state badges, the rule-set badges and queries, the grade progression, and the message of a
// failed action. Generic pieces (facts, notices, paging, provinces) are the shell's: src/web/staff/ui.tsx.
import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { jalaliParts } from '../../../../core/fa/jalali.js';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, type Me } from '../../../../web/api.js';
import { faNumber } from '../../../../web/format.js';
import { useMe } from '../../../../web/session.js';
import { AreaHeader, StateBadge } from '../../../../web/staff/ui.js';
import { actionErrorOf } from '../../../../web/staff/inputs.js';
import { ExampleBadge as VersionExampleBadge } from '../../../../web/staff/versions.js';
import type { EntityView, RuleSetView, SheetView } from '../../api-types.js';
import { toRuleSetLike } from '../../server/rules.js';
import { REQUEST_STATE_TITLES, type RequestState, type Subject } from '../../enums.js';
import { gfa } from './fa.js';

// ---- badges ----

const STATE_COLORS: Record<RequestState, string> = {
  submitted: 'blue',
  returned: 'orange',
  expert_review: 'civic',
  committee: 'violet',
  approved: 'teal',
  issued: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/** A request's state as a coloured badge. */
export function RequestStateBadge({ state, title }: { state: RequestState | string; title?: string | undefined }) {
  return <StateBadge state={state} color={STATE_COLORS[state as RequestState] ?? 'gray'} title={title ?? REQUEST_STATE_TITLES[state as RequestState] ?? state} />;
}

/** «نمونه» on a rule set shipped as an example (to be replaced by the official tables); `long` says so in full. */
export function ExampleBadge({ long = false }: { long?: boolean }) {
  return <VersionExampleBadge>{long ? gfa.common.example : gfa.common.exampleShort}</VersionExampleBadge>;
}

/** A rule version in words, «نسخه ۲ — دستورالعمل …», with the example badge when it is one. */
export function RuleVersion({ rule }: { rule: { version: number; title: string; isExample: boolean } }) {
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Text span size="sm">
        {gfa.common.ruleVersion(faNumber(rule.version), rule.title)}
      </Text>
      {rule.isExample && <ExampleBadge />}
    </Group>
  );
}

/** The states a request ends in (no step after them, no deadline). */
export const FINAL_STATES: readonly string[] = ['issued', 'rejected', 'withdrawn'];

/** A Jalali date as the API gives it ('1405/01/15') in Persian digits, or «—». */
export const jalaliText = (s: string | null | undefined): string => (s ? toPersianDigits(s) : gfa.common.none);

/** A year in Persian digits, without a thousands separator: ۱۴۰۵. */
export const yearText = (y: number): string => toPersianDigits(String(y));

/**
 * A grade order number as written in Persian letters ('1399/ش/0041'): Persian digits, right to left (the year read
 * first), isolated from the text around it.
 */
export function OrderNumber({ value }: { value: string | null | undefined }) {
  return value ? <bdi className="gr-order" dir="rtl">{toPersianDigits(value)}</bdi> : <>{gfa.common.none}</>;
}

/** A grade in words («درجه ۵»), or «بی‌درجه». */
export const gradeText = (g: number | null | undefined): string => (g === null || g === undefined ? gfa.page.noGrade : gfa.common.grade(faNumber(g)));

/**
 * A grade progression: «درجه ۴ ← درجه ۶ ← درجه ۵» (current, supported, then final when decided); `labelled` puts each
 * step's name above its grade.
 */
export function GradeFlow({ steps, size = 'sm', labelled = false }: { steps: Array<{ label: string; grade: number | null } | null | false>; size?: 'sm' | 'md' | 'lg'; labelled?: boolean }) {
  const shown = steps.filter((s): s is { label: string; grade: number | null } => !!s);
  return (
    <Group gap={6} wrap="wrap" component="span" className="gr-flow" data-testid="grade-flow">
      {shown.map((s, i) => (
        <Group key={s.label} gap={6} wrap="nowrap" component="span" align="flex-end">
          {i > 0 && (
            <Text span size={size} c="dimmed" aria-hidden="true">
              ←
            </Text>
          )}
          {labelled ? (
            <span className="gr-flow-step">
              <Text span size="xs" c="dimmed">
                {s.label}
              </Text>
              <Text span size={size} fw={700}>
                {gradeText(s.grade)}
              </Text>
            </span>
          ) : (
            <Text span size={size} fw={700} title={s.label}>
              {gradeText(s.grade)}
            </Text>
          )}
        </Group>
      ))}
    </Group>
  );
}

// ---- the viewer ----

export interface GradingViewer {
  /** files for its municipality or dehyari */
  entity: boolean;
  /** reviews requests: province reviewer, the Deputy's experts, the working group */
  reviews: boolean;
  /** sees the dashboard: reviewers and admin */
  dashboard: boolean;
  /** publishes rule versions */
  admin: boolean;
  /** the subjects the viewer deals with (an expert.municipal only municipalities, an expert.rural only dehyaris) */
  subjects: Subject[];
  /** the request states waiting for the viewer's step (the list's «در انتظار شما» shortcuts) */
  waiting: RequestState[];
}

const REVIEW_ROLES = ['province.reviewer', 'expert.municipal', 'expert.rural', 'grading.committee'];

export function gradingViewerOf(me: Me | null | undefined): GradingViewer {
  const roles = (me?.roles ?? []).map((r) => r.role);
  const has = (...names: string[]) => roles.some((r) => names.includes(r));
  const admin = (me?.permissions ?? []).includes('grading.rules');
  const reviews = has(...REVIEW_ROLES);
  const subjects: Subject[] = [];
  if (has('municipality', 'expert.municipal', 'province.reviewer', 'grading.committee', 'admin')) subjects.push('municipality');
  if (has('dehyari', 'expert.rural', 'province.reviewer', 'grading.committee', 'admin')) subjects.push('dehyari');
  const waiting: RequestState[] = [];
  if (has('province.reviewer')) waiting.push('submitted');
  if (has('expert.municipal', 'expert.rural')) waiting.push('expert_review', 'approved');
  if (has('grading.committee')) waiting.push('committee');
  return { entity: has('municipality', 'dehyari'), reviews, dashboard: reviews || has('admin'), admin, subjects, waiting };
}

export function useGradingViewer(): GradingViewer {
  return gradingViewerOf(useMe().data);
}

/** Where `/app/grading` opens for this viewer: the entity page, the reviewers' list, else the dashboard or the rules. */
export function homeOf(v: GradingViewer): 'entity' | 'requests' | 'dashboard' | 'rules' {
  if (v.entity) return 'entity';
  if (v.reviews) return 'requests';
  return v.dashboard ? 'dashboard' : 'rules';
}

/** The heading of the grading area with its tabs: my grade and requests, requests, dashboard, rules. */
export function GradingHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { pathname } = useLocation();
  const v = useGradingViewer();
  const at = (p: string) => pathname.startsWith(`/app/grading/${p}`);
  const home = homeOf(v);
  const onEntity = at('entity') || at('sheets') || at('requests/new') || (pathname.replace(/\/$/, '') === '/app/grading' && home === 'entity');
  const onRequests = !onEntity && (at('requests') || (pathname.replace(/\/$/, '') === '/app/grading' && home === 'requests'));
  return (
    <AreaHeader
      title={title}
      label={gfa.nav.areaNav}
      extra={extra}
      tabs={[
        ...(v.entity ? [{ to: '/app/grading/entity', label: gfa.nav.entity, active: onEntity }] : []),
        ...(v.reviews ? [{ to: '/app/grading/requests', label: gfa.nav.requests, active: onRequests }] : []),
        ...(v.dashboard ? [{ to: '/app/grading/dashboard', label: gfa.nav.dashboard, active: at('dashboard') }] : []),
        { to: '/app/grading/rules', label: gfa.nav.rules, active: at('rules') },
      ]}
    />
  );
}

/** The Persian message of a failed action; a 409 (someone else acted first) says so and asks for a reload. */
export const actionError = (err: unknown) => actionErrorOf(err, gfa.common.conflict);

// ---- rules ----

/** What the rule engine (../../server/rules.ts, pure and bundled here) needs of a rule set as the API gives it. */
/** The evaluator's view of a rule set (one adapter, in the pure rules module). */
export const ruleSetLike = toRuleSetLike;

// ---- queries ----

/**
 * A subject's rule set: the version `id` when given (a request's, read from all versions), else the one in effect
 * today. Cached a few minutes: rule versions change rarely.
 */
export function useRuleSet(subject: Subject | undefined, id?: number | null) {
  return useQuery({
    queryKey: ['grading', 'rules', subject, id ?? 'current'],
    enabled: !!subject,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      if (id) {
        const all = await api.get<{ items: RuleSetView[] }>(`/api/v1/grading/rules?subject=${subject}`, signal);
        const found = all.items.find((r) => r.id === id);
        if (found) return found;
      }
      return api.get<RuleSetView>(`/api/v1/grading/rules/current?subject=${subject}`, signal);
    },
  });
}

/** The entities of the signed-in municipality or dehyari user (shared with the sheet and request forms). */
export function useMyEntities() {
  return useQuery({
    queryKey: ['grading', 'entities'],
    queryFn: ({ signal }) => api.get<{ items: EntityView[] }>('/api/v1/grading/entities/mine', signal).then((r) => r.items),
  });
}

/** The sheets of one entity, newest year first. */
export function useSheets(e: Pick<EntityView, 'subject' | 'divisionId'> | null | undefined) {
  return useQuery({
    queryKey: ['grading', 'sheets', e?.subject, e?.divisionId],
    enabled: !!e,
    queryFn: ({ signal }) => api.get<{ items: SheetView[] }>(`/api/v1/grading/sheets?subject=${e!.subject}&divisionId=${e!.divisionId}`, signal).then((r) => r.items),
  });
}

/** The year whose figures a new sheet gives: the last full Jalali year. */
export const sheetYear = (): number => jalaliParts(new Date()).year - 1;
