import { Badge, Group, Button, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NavLink, useLocation } from 'react-router';
import { api } from '../../../../web/api.js';
import { nfa } from '../public/fa-new.js';
import { sfa } from './fa.js';
import type { CategoryGroup, ComplaintState } from '../types.js';

export const STATES = Object.keys(sfa.states) as ComplaintState[];
export const KINDS = Object.keys(nfa.kinds) as (keyof typeof nfa.kinds)[];

const STATE_COLORS: Record<string, string> = {
  submitted: 'blue',
  in_progress: 'civic',
  needs_info: 'orange',
  answered: 'green',
  reopened: 'grape',
  closed: 'gray',
  rejected: 'gray',
  duplicate: 'gray',
  withdrawn: 'gray',
};

export function StateBadge({ state, title }: { state: string; title?: string | undefined }) {
  const color = STATE_COLORS[state] ?? 'gray';
  return (
    <Badge variant="light" color={color} c={`${color}.9`} size="md" radius="sm" className="cs-badge" data-state={state}>
      {title ?? sfa.states[state] ?? state}
    </Badge>
  );
}

/** The public category tree (labels of categories and of their questions), cached for the whole session. */
export function useCategories() {
  return useQuery({
    queryKey: ['complaints', 'categories'],
    queryFn: ({ signal }) => api.get<{ items: CategoryGroup[] }>('/api/v1/complaints/categories', signal).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

/** The heading of the complaints area with its two tabs (inbox, dashboard). */
export function ComplaintsHeader({ title }: { title: string }) {
  const { pathname } = useLocation();
  const onDashboard = pathname.startsWith('/app/complaints/dashboard');
  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Group gap="xs" component="nav" aria-label={sfa.staff.title}>
        <Button component={NavLink} to="/app/complaints" end variant={onDashboard ? 'light' : 'filled'} size="sm">
          {sfa.staff.list}
        </Button>
        <Button component={NavLink} to="/app/complaints/dashboard" variant={onDashboard ? 'filled' : 'light'} size="sm">
          {sfa.staff.dashboard}
        </Button>
      </Group>
    </Group>
  );
}
