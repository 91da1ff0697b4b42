// Building blocks every service's staff screens share (Mantine, TanStack Query): a query's loading and error
// states, label → value facts, a notice, a coloured state badge, a deadline, the heading of a service's area with
// its tabs, a list (filters and page kept in the address, a table on a desktop and cards on a phone, the pager),
// and the country's provinces. Styled by styles/staff.css (the `st-` classes), which a service's staff stylesheet
// @imports. More of a list: lists.tsx; a case's page: case.tsx; versioned rules: versions.tsx.
import type { ReactNode } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link, NavLink, useSearchParams } from 'react-router';
import { api, type DivisionLevel } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { PageLoader } from '../components/PageLoader.js';
import { faNumber, jDate } from '../format.js';
import { faStaff } from './fa.js';

const t = faStaff.ui;

/** What a query shows before it has data: the loader while it loads, the error with a retry when it failed. */
export function QueryStatus({ query }: { query: UseQueryResult<unknown> }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}

/** Label → value pairs as a definition list (a falsy item is left out). */
export function Facts({ items }: { items: Array<[string, ReactNode] | false | null | undefined | ''> }) {
  return (
    <dl className="st-facts">
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

/** A success notice (green) or an error (red); `null` shows nothing. */
export function Notice({ tone, children, onClose, testId, mb }: { tone: 'ok' | 'error'; children: ReactNode; onClose?: () => void; testId?: string; mb?: MantineSpacing }) {
  if (!children) return null;
  return (
    <Alert
      color={tone === 'ok' ? 'green' : 'red'}
      variant="light"
      role={tone === 'ok' ? 'status' : 'alert'}
      withCloseButton={!!onClose}
      {...(onClose ? { onClose } : {})}
      {...(mb !== undefined ? { mb } : {})}
      data-testid={testId ?? (tone === 'ok' ? 'notice' : 'action-error')}
    >
      {children}
    </Alert>
  );
}

/** A state as a light badge in its colour; the whole title shows (it wraps). */
export function StateBadge({ state, title, color }: { state: string; title: ReactNode; color: string }) {
  return (
    <Badge variant="light" color={color} c={`${color}.9`} size="md" radius="sm" className="st-badge" data-state={state}>
      {title}
    </Badge>
  );
}

/** A deadline in a list row: the date, red and bold with a «دیرکرد» badge once it has passed. */
export function DueCell({ dueAt, overdue }: { dueAt: string | null | undefined; overdue: boolean }) {
  if (!dueAt) return <Text size="sm">{t.none}</Text>;
  return (
    <Group gap={4} wrap="wrap">
      <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {jDate(dueAt)}
      </Text>
      {overdue && (
        <Badge color="red" c="red.9" variant="light" size="sm" className="st-badge">
          {t.overdue}
        </Badge>
      )}
    </Group>
  );
}

/** A deadline among a case's facts: the date, red and bold with «(دیرکرد)» once it has passed. */
export function DueDate({ dueAt, overdue }: { dueAt: string | null | undefined; overdue: boolean }) {
  if (!dueAt) return <>{t.none}</>;
  return (
    <Text span c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
      {jDate(dueAt)}
      {overdue ? ` (${t.overdue})` : ''}
    </Text>
  );
}

export interface AreaTab {
  to: string;
  label: string;
  active: boolean;
  /** Active only on this very address (not on those under it). */
  end?: boolean;
}

/** The heading of a service's staff area, with the links to its sections as tabs (and `extra` before them). */
export function AreaHeader({ title, label, tabs, extra }: { title: string; label: string; tabs: AreaTab[]; extra?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Group gap="xs" component="nav" aria-label={label}>
        {extra}
        {tabs.map((tab) => (
          <Button key={tab.to} component={NavLink} to={tab.to} end={tab.end ?? false} variant={tab.active ? 'filled' : 'light'} size="sm">
            {tab.label}
          </Button>
        ))}
      </Group>
    </Group>
  );
}

/**
 * A list's filters and page, kept in the address (a reload, the back button and a shared link keep them):
 * `update` sets or removes filters and goes back to the first page; `goPage` moves to a page.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page');
    setParams(next);
  }
  function goPage(p: number) {
    const next = new URLSearchParams(params);
    if (p <= 1) next.delete('page');
    else next.set('page', String(p));
    setParams(next);
  }
  const clear = () => setParams(new URLSearchParams());
  return { params, page, update, goPage, clear };
}

/** A list with nothing to show. */
export function EmptyCard({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Text ta="center">{children}</Text>
    </Paper>
  );
}

/** A list as a table from the md breakpoint up, and as a column of cards (CardLink) on a phone. */
export function ListView({ table, cards, busy, cardsTestId }: { table: ReactNode; cards: ReactNode; busy?: boolean; cardsTestId?: string }) {
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="md" style={{ overflow: 'hidden' }} aria-busy={busy}>
        {table}
      </Paper>
      <Stack gap="sm" hiddenFrom="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={cardsTestId}>
        {cards}
      </Stack>
    </>
  );
}

/** One card of a ListView, the whole card a link; an overdue one has a red edge. */
export function CardLink({ to, overdue = false, testId, children }: { to: string; overdue?: boolean; testId?: string; children: ReactNode }) {
  return (
    <li>
      <Paper
        withBorder
        p="md"
        radius="md"
        component={Link}
        to={to}
        className="st-card-link"
        style={overdue ? { borderColor: 'var(--mantine-color-red-6)', borderInlineStartWidth: 4 } : undefined}
        data-testid={testId}
      >
        {children}
      </Paper>
    </li>
  );
}

/** The top of a list's card: the title in bold with the lines under it (`children`), and `aside` (a state) beside them. */
export function CardHead({ title, aside, children }: { title: ReactNode; aside: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text fw={700} size="sm">
          {title}
        </Text>
        {children}
      </div>
      {aside}
    </Group>
  );
}

/** «قبلی — صفحه ۲ از ۵ — بعدی» under a list. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const label = t.page(faNumber(page), faNumber(pages));
  return (
    <Group justify="center" gap="sm" component="nav" aria-label={label}>
      <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="prev">
        {t.prev}
      </Button>
      <Text size="sm" data-testid="page">
        {label}
      </Text>
      <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="next">
        {t.next}
      </Button>
    </Group>
  );
}

export interface ProvinceItem {
  id: number;
  name: string;
  level: DivisionLevel;
}

/** The provinces of the country (public reference data), cached for ten minutes. */
export function useProvinces(enabled = true) {
  return useQuery({
    queryKey: ['divisions', 'root'],
    queryFn: ({ signal }) => api.get<{ items: ProvinceItem[] }>('/api/v1/divisions', signal).then((r) => r.items.filter((d) => d.level === 'province')),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/**
 * The props of a box that scrolls a wide table sideways: keyboard users reach it with Tab and scroll it with the
 * arrow keys, and it is a region named by the heading `labelledBy` (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function scrollRegion(labelledBy: string) {
  return { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy } as const;
}

/** A titled part of a staff form (a section with its heading and an optional hint). */
export function FormSection({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}
