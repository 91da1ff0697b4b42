import { lazy, Suspense, useState } from 'react';
import { Alert, Anchor, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { PageSection } from '../../../../web/staff/case.js';
import { QueryStatus } from '../../../../web/staff/ui.js';
import type { OwnerEntry } from '../../api-types.js';
import { MAX_ENTRIES_PER_OWNER } from '../../enums.js';
import { EntryActions } from '../shared/EntryActions.js';
import { EntryHistory } from './entry-parts.js';
import { ffa } from './fa.js';
import { jfa } from './fa-owner.js';
import { villagesWithRoom } from './mine.js';
import { useMyEntries } from './MyEntries.js';
import { API, BASE, Code, EntryStateBadge, useRoundPublic } from './shared.js';

const PlanForm = lazy(() => import('../shared/PlanForm.js'));
const t = jfa.mine;

/** The entry's state, tracking code and award over the form, and the screener's reason when found ineligible (PlanForm shows a return's). */
function Status({ entry }: { entry: OwnerEntry }) {
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="wrap">
        <EntryStateBadge state={entry.state} title={entry.stateTitle} />
        {entry.trackingCode && (
          <Text size="sm">
            {ffa.common.trackingCode}: <Code value={entry.trackingCode} />
          </Text>
        )}
        {entry.award && (
          <Text size="sm" c="green.9" fw={700} data-testid="award">
            {entry.award}
          </Text>
        )}
        {entry.state === 'selected' && (
          <Anchor href={`/showcase/${encodeURIComponent(entry.id)}`} target="_blank" size="sm" data-testid="on-showcase">
            {t.onShowcase} {ffa.common.opensNewTab}
          </Anchor>
        )}
      </Group>
      {entry.reviewerComment && entry.state === 'ineligible' && (
        <Alert color="red" variant="light" title={ffa.entry.reviewerComment}>
          <Text size="sm" className="st-pre">
            {entry.reviewerComment}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * `/app/festival/mine/new` and `/app/festival/mine/:id`: a dehyari's plan — the plan form (PlanForm: drafts, submit,
 * resubmit, completeness; read-only once it may not change) for one of his villages, withdraw / delete, and the
 * history. After the first save of a new plan the address becomes the plan's own (the form stays as it is).
 */
export default function MyEntryPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mine = useMyEntries();
  const [saved, setSaved] = useState<OwnerEntry | null>(null);
  const [formKey, setFormKey] = useState(id ?? 'new');
  const fetched = useQuery({
    queryKey: ['festival', 'mine-entry', id],
    queryFn: ({ signal }) => api.get<OwnerEntry>(`${API}/mine/entries/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id && saved?.id !== id,
  });
  const entry = id ? (saved?.id === id ? saved : (fetched.data ?? null)) : null;
  const round = useRoundPublic(entry?.roundId ?? null);
  usePageTitle(entry ? entry.plan.title || t.untitled : t.newTitle);

  function changed(e: OwnerEntry) {
    setSaved(e);
    void qc.invalidateQueries({ queryKey: ['festival', 'mine'] });
    if (!id) void navigate(`${BASE}/mine/${e.id}`, { replace: true });
  }
  function withdrawn(e: OwnerEntry) {
    changed(e);
    setFormKey(`${e.id}:${e.version}`);
  }

  // One tree for a new plan and a saved one, so the form stays mounted when the address takes the plan's id.
  const r = entry ? (mine.data?.round?.id === entry.roundId ? mine.data.round : (round.data ?? null)) : (mine.data?.round ?? null);
  const room = r && mine.data ? villagesWithRoom(mine.data.entries, r.id, mine.data.villages) : [];
  let blocker = null;
  if (!entry && id) blocker = <QueryStatus query={fetched} />;
  else if (!entry && (mine.isPending || mine.isError)) blocker = <QueryStatus query={mine} />;
  else if (!entry && (!r || r.phase !== 'accepting')) blocker = <Alert color="blue" variant="light">{t.noRound}</Alert>;
  else if (!entry && room.length === 0) blocker = <Alert color="blue" variant="light">{t.limit(faNumber(MAX_ENTRIES_PER_OWNER))}</Alert>;
  else if (!r) blocker = <QueryStatus query={round} />;
  const villages = entry || saved ? (mine.data?.villages ?? (entry ? [{ id: entry.place.villageId, label: entry.place.village }] : [])) : room;

  const body = blocker ?? (
    <Stack gap="lg">
      {entry ? <Status entry={entry} /> : null}
      {r && <PlanForm key={formKey} round={r} entry={entry ?? saved} villages={villages} onChange={changed} />}
      {entry ? <EntryActions entry={entry} onChange={withdrawn} onDeleted={() => void navigate(`${BASE}/mine`, { state: { notice: t.removed } })} /> : null}
      {entry && entry.history.length > 0 ? (
        <PageSection id="history" title={t.history}>
          <EntryHistory items={entry.history} />
        </PageSection>
      ) : null}
    </Stack>
  );

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Anchor component={Link} to={`${BASE}/mine`} size="sm">
          → {t.back}
        </Anchor>
        <Title order={1} size="h2" data-testid="entry-title">
          {entry ? entry.plan.title || t.untitled : t.newTitle}
        </Title>
        <Suspense fallback={<PageLoader />}>{body}</Suspense>
      </Stack>
    </Container>
  );
}
