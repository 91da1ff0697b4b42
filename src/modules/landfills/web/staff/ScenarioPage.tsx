import './plan.css';
import { useEffect, useState } from 'react';
import { Anchor, Button, Container, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { jDateTime } from '../../../../web/format.js';
import { Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { ScenarioView } from '../../api-types.js';
import { fp, units } from './fa-plan.js';
import { ParamFacts } from './ScenarioParams.js';
import { ScenarioResultView } from './ScenarioResultView.js';
import { ScenarioStateBadge } from './shared.js';

const t = fp.scenario;

/** The scenario while it waits or is being solved: progress, phase, best and bound so far, time. */
function Solving({ view }: { view: ScenarioView }) {
  const pr = view.progress;
  const fraction = Math.max(0, Math.min(1, pr?.fraction ?? 0));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t.progressLabel} data-testid="solving">
      <Stack gap="sm">
        <Text>{view.state === 'queued' ? t.waiting : t.solving}</Text>
        <Progress value={fraction * 100} size="xl" radius="xl" animated striped aria-label={t.progressLabel} data-testid="progress" />
        <Text fw={700} ta="center">
          {units.percent(fraction, 0)}
        </Text>
        <Facts
          items={[
            [t.phase, pr?.phaseTitle ?? fp.common.none],
            [t.best, units.tonKm(pr?.best)],
            [t.bound, units.tonKm(pr?.lowerBound)],
            [t.elapsed, units.duration(pr?.elapsedMs ?? (view.startedAt ? Date.now() - new Date(view.startedAt).getTime() : null))],
          ]}
        />
      </Stack>
    </Paper>
  );
}

/**
 * `/app/landfills/scenarios/:id`: a consolidation scenario. While it is solved, the progress (polled every second);
 * once solved, the plan in plain Persian, its key figures, the map, each kept site with its load, the closed
 * sites, and the files; when it failed, the reason.
 */
export default function ScenarioPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const full = useQuery({
    queryKey: ['landfills', 'scenario', Number(id)],
    queryFn: ({ signal }) => api.get<ScenarioView>(`/api/v1/landfills/scenarios/${encodeURIComponent(id)}`, signal),
  });
  // While it solves, poll the light progress answer (the full view carries every village's label: megabytes for a
  // national scenario); once it is solved or failed, read the full view again.
  const solving = full.data?.state === 'queued' || full.data?.state === 'running';
  const progress = useQuery({
    queryKey: ['landfills', 'scenario', Number(id), 'progress'],
    queryFn: ({ signal }) => api.get<Pick<ScenarioView, 'id' | 'state' | 'progress' | 'error'>>(`/api/v1/landfills/scenarios/${encodeURIComponent(id)}/progress`, signal),
    enabled: solving,
    refetchInterval: 1000,
  });
  const { refetch } = full;
  const finished = solving && progress.data && progress.data.state !== 'queued' && progress.data.state !== 'running';
  useEffect(() => {
    if (finished) void refetch();
  }, [finished, refetch]);
  const q = full;
  const live = solving && progress.data && full.data ? { ...full.data, state: progress.data.state, progress: progress.data.progress, error: progress.data.error } : full.data;
  usePageTitle(q.data?.name ?? fp.scenarios.title);

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/landfills/scenarios" size="sm">
          → {t.back}
        </Anchor>
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : (
          <>
            <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
              <Stack gap={4}>
                <Title order={1} size="h2" data-testid="scenario-title">
                  {live!.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {live!.division} — {jDateTime(live!.createdAt)}
                  {live!.createdBy ? ` — ${live!.createdBy}` : ''}
                </Text>
              </Stack>
              <ScenarioStateBadge state={live!.state} />
            </Group>
            <Notice tone="ok" onClose={() => setNotice(null)}>
              {notice}
            </Notice>
            {(live!.state === 'queued' || live!.state === 'running') && (
              <>
                <Solving view={live!} />
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    {t.params}
                  </Title>
                  <ParamFacts view={live!} />
                </Paper>
              </>
            )}
            {live!.state === 'failed' && (
              <>
                <Notice tone="error" testId="scenario-error">
                  {t.failed} {live!.error ?? fp.common.none}
                </Notice>
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    {t.params}
                  </Title>
                  <ParamFacts view={live!} />
                  <Anchor href={`/api/v1/landfills/scenarios/${live!.id}/input.json`} download size="sm" mt="sm" display="inline-block">
                    {t.downloadInput}
                  </Anchor>
                </Paper>
              </>
            )}
            {live!.state === 'done' && live!.result && <ScenarioResultView view={live!} r={live!.result} />}
            {live!.state === 'done' && (
              <Group>
                <Button component={Link} to="/app/landfills/scenarios" variant="light" size="sm">
                  {t.compareWith}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
