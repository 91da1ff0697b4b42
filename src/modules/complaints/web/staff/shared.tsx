// What the complaint staff screens share: states and kinds, the state badge's colours, the category tree and the
// area's heading. Generic building blocks (facts, notices, deadlines, paging) are the shell's: src/web/staff/ui.tsx.
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { api } from '../../../../web/api.js';
import { AreaHeader, StateBadge as Badge } from '../../../../web/staff/ui.js';
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
  return <Badge state={state} color={STATE_COLORS[state] ?? 'gray'} title={title ?? sfa.states[state] ?? state} />;
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
    <AreaHeader
      title={title}
      label={sfa.staff.title}
      tabs={[
        { to: '/app/complaints', label: sfa.staff.list, active: !onDashboard, end: true },
        { to: '/app/complaints/dashboard', label: sfa.staff.dashboard, active: onDashboard },
      ]}
    />
  );
}
