// What the instructor bank's staff screens share: the viewer's powers (from the session's roles), the area heading and
// its tabs, state badges, the reference queries (taxonomy, criteria versions), small formatters, a Jalali date input,
// the message of a failed action, and a list's page and field filter. Generic pieces (facts, notices, lists, provinces)
// are the shell's: src/web/staff/ui.tsx, lists.tsx and versions.tsx.
import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, type Me } from '../../../../web/api.js';
import { faNumber } from '../../../../web/format.js';
import { useMe } from '../../../../web/session.js';
import { ParamSelect, usePagedList, type UpdateParams } from '../../../../web/staff/lists.js';
import { AreaHeader, StateBadge } from '../../../../web/staff/ui.js';
import { actionErrorOf, Sub } from '../../../../web/staff/inputs.js';
import type { BankItem, CriteriaSetView, FieldView } from '../../api-types.js';
import {
  APPLICATION_STATE_TITLES,
  COURSE_STATE_TITLES,
  INSTRUCTOR_STATUS_TITLES,
  type ApplicationState,
  type CourseState,
  type InstructorStatus,
} from '../../enums.js';
import { ifa } from './fa.js';

export const BASE = '/app/instructors';
export const API = '/api/v1/instructors';

// ---- the viewer ----

export interface InstViewer {
  /** reviews applications (expert.training) */
  reviews: boolean;
  /** decides applications (training.committee) */
  decides: boolean;
  /** plans courses and searches the bank (instructors.courses) */
  courses: boolean;
  /** publishes criteria versions and edits the taxonomy (instructors.criteria) */
  criteria: boolean;
  /** searches the bank and sees the reports (organizers, the training experts, the committee) */
  bank: boolean;
  /** the province a province-bound course organizer is fixed to; null for a national grant */
  courseProvince: { id: number; name: string } | null;
  /** the application states waiting for the viewer's step */
  waiting: ApplicationState[];
}

const COURSE_ROLES = ['training.unit', 'expert.training'];

export function instViewerOf(me: Me | null | undefined): InstViewer {
  const roles = me?.roles ?? [];
  const has = (name: string) => roles.some((r) => r.role === name);
  const perms = me?.permissions ?? [];
  const courses = perms.includes('instructors.courses');
  const courseGrants = roles.filter((r) => COURSE_ROLES.includes(r.role));
  const national = courseGrants.some((g) => !g.division || g.division.level === 'country');
  const bound = !national ? courseGrants.find((g) => g.division)?.division : undefined;
  const waiting: ApplicationState[] = [];
  if (has('expert.training')) waiting.push('submitted');
  if (has('training.committee')) waiting.push('committee');
  return {
    reviews: has('expert.training'),
    decides: has('training.committee'),
    courses,
    criteria: perms.includes('instructors.criteria'),
    bank: courses || has('expert.training') || has('training.committee'),
    courseProvince: bound ? { id: Number(bound.id), name: bound.name } : null,
    waiting,
  };
}

export function useInstViewer(): InstViewer {
  return instViewerOf(useMe().data);
}

/** Where `/app/instructors` opens: a reviewer's applications, the committee's waiting ones, an organizer's courses, else the criteria. */
export function homePathOf(v: InstViewer): string {
  if (v.reviews) return `${BASE}/applications`;
  if (v.decides) return `${BASE}/applications?state=committee`;
  if (v.courses) return `${BASE}/courses`;
  return `${BASE}/criteria`;
}

/** The heading of the instructor bank area with its tabs (each shown to those who may use it). */
export function InstHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const { pathname } = useLocation();
  const v = useInstViewer();
  const at = (p: string) => pathname.startsWith(`${BASE}/${p}`);
  return (
    <AreaHeader
      title={title}
      label={ifa.nav.areaNav}
      extra={extra}
      tabs={[
        ...(v.reviews || v.decides ? [{ to: `${BASE}/applications`, label: ifa.nav.applications, active: at('applications') }] : []),
        ...(v.bank ? [{ to: `${BASE}/bank`, label: ifa.nav.bank, active: at('bank') || at('profiles') }] : []),
        ...(v.courses ? [{ to: `${BASE}/courses`, label: ifa.nav.courses, active: at('courses') }] : []),
        { to: `${BASE}/criteria`, label: ifa.nav.criteria, active: at('criteria') || at('fields') },
        ...(v.bank ? [{ to: `${BASE}/reports`, label: ifa.nav.reports, active: at('reports') }] : []),
      ]}
    />
  );
}

// ---- badges ----

const APP_COLORS: Record<ApplicationState, string> = { submitted: 'blue', returned: 'orange', committee: 'violet', qualified: 'green', not_qualified: 'red', withdrawn: 'gray' };
const STATUS_COLORS: Record<InstructorStatus, string> = { draft: 'gray', in_review: 'blue', qualified: 'green', expired: 'orange', not_qualified: 'red' };
const COURSE_COLORS: Record<CourseState, string> = { planned: 'blue', held: 'violet', closed: 'green', cancelled: 'gray' };

export function AppStateBadge({ state, title }: { state: ApplicationState; title?: string }) {
  return <StateBadge state={state} color={APP_COLORS[state] ?? 'gray'} title={title ?? APPLICATION_STATE_TITLES[state]} />;
}

export function StatusBadge({ status, title }: { status: InstructorStatus; title?: string }) {
  return <StateBadge state={status} color={STATUS_COLORS[status] ?? 'gray'} title={title ?? INSTRUCTOR_STATUS_TITLES[status]} />;
}

export function CourseStateBadge({ state, title }: { state: CourseState; title?: string }) {
  return <StateBadge state={state} color={COURSE_COLORS[state] ?? 'gray'} title={title ?? COURSE_STATE_TITLES[state]} />;
}

// ---- formatters ----

/** A Jalali date as the API gives it ('1405/01/15') in Persian digits, or «—». */
export const jalaliText = (s: string | null | undefined): string => (s ? toPersianDigits(s) : ifa.common.none);

/** Today as the API takes Jalali dates ('1405/01/15', ASCII, zero-padded: such strings compare as dates); the shell's. */
export { todayJalali } from '../../../../web/staff/versions.js';

/** A decimal as typed (ASCII '2.5', the form's value) shown with Persian digits and the Persian decimal separator. */
export const decimalText = (v: string): string => toPersianDigits(v).replace('.', '٫');

/** A score of 100 with at most two decimals. */
export const scoreText = (n: number | null | undefined): string => faNumber(n, 2);

/** A Bayesian rating in words: «۴٫۲ از ۵ (۱۸ ارزیابی)», or «بدون ارزیابی». */
export function ratingText(r: { average: number | null; count: number }): string {
  if (r.average === null || r.count === 0) return ifa.common.noRating;
  return ifa.common.rating(faNumber(r.average, 2), faNumber(r.count));
}

/** Where and how he teaches: «حضوری: مازندران، گیلان — برخط». */
export function availabilityText(b: BankItem): string {
  const parts: string[] = [];
  if (b.availability.inPerson) parts.push(`${ifa.page.inPerson}: ${[b.province, ...b.availability.provinceNames.filter((n) => n !== b.province)].join('، ')}`);
  if (b.availability.online) parts.push(ifa.page.online);
  return parts.join(' — ') || ifa.common.none;
}

/** His fields with their scores: «مالیه شهری (۷۲٫۵)». */
export const fieldScoresText = (b: BankItem): string => b.fields.map((f) => (f.score === null ? f.title : `${f.title} (${scoreText(f.score)})`)).join('، ');

/** A code (training ID, tracking code) kept left to right inside Persian text. */
export function Code({ value }: { value: string | null | undefined }) {
  return value ? <bdi className="st-code">{toPersianDigits(value)}</bdi> : <>{ifa.common.none}</>;
}

/** An instructor of the bank by name, a link to his profile, with his training ID and province under it. */
export function BankName({ b, testId }: { b: BankItem; testId?: string }) {
  return (
    <>
      <Anchor component={Link} to={`${BASE}/profiles/${b.profileId}`} fw={700} size="sm" data-testid={testId}>
        {b.name}
      </Anchor>
      <BankIdLine b={b} />
    </>
  );
}

/** «training ID — province» under an instructor's name. */
export function BankIdLine({ b }: { b: BankItem }) {
  return (
    <Sub>
      <Code value={b.trainingId} /> — {b.province}
    </Sub>
  );
}

export { JalaliInput } from '../../../../web/staff/inputs.js';
export { Sub };

// ---- errors ----

/** The Persian message of a failed action; a version conflict (someone else acted first) says so and asks for a reload. */
export const actionError = (err: unknown) => actionErrorOf(err, ifa.common.conflict);

// ---- queries ----

/** The training taxonomy, inactive fields too (staff), cached a few minutes. */
export function useFields() {
  return useQuery({
    queryKey: ['instructors', 'fields'],
    queryFn: ({ signal }) => api.get<{ items: FieldView[] }>(`${API}/fields?all=true`, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** A field key's title (the key itself when the taxonomy is not loaded or lacks it). */
export function fieldTitleOf(fields: readonly FieldView[] | undefined, key: string): string {
  return fields?.find((f) => f.key === key)?.title ?? key;
}

/** Every criteria version, newest first, cached a few minutes (versions are never edited). */
export function useCriteriaSets(enabled = true) {
  return useQuery({
    queryKey: ['instructors', 'criteria'],
    queryFn: ({ signal }) => api.get<{ items: CriteriaSetView[] }>(`${API}/criteria`, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled,
  });
}

// ---- lists ----

/** One page of a list at `path` with the filters, cached under ['instructors', path, …] (what the pages invalidate). */
export const useInstList = <T,>(path: string, filters: URLSearchParams, page: number) => usePagedList<T>(['instructors', path], path, filters, page);

/** The field filter of a list (`field` in the address). */
export function FieldFilter({ params, update }: { params: URLSearchParams; update: UpdateParams }) {
  const fields = useFields();
  const options = (fields.data ?? []).map((f) => ({ value: f.key, label: f.title }));
  return <ParamSelect name="field" label={ifa.common.field} all={ifa.common.allFields} options={options} params={params} update={update} testId="filter-field" />;
}
