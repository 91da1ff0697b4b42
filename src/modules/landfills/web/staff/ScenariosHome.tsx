import './plan.css';
import { useState } from 'react';
import { Anchor, Button, Checkbox, Container, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { EmptyCard, ListView, QueryStatus } from '../../../../web/staff/ui.js';
import type { ScenarioSummary } from '../../api-types.js';
import { fp, units } from './fa-plan.js';
import { LandfillsHeader, ScenarioStateBadge } from './shared.js';

const t = fp.scenarios;
const MAX_COMPARE = 4;

/** The scenarios in the viewer's scope (newest first), refreshed while one of them is being solved. */
export function useScenarios() {
  return useQuery({
    queryKey: ['landfills', 'scenarios'],
    queryFn: ({ signal }) => api.get<{ items: ScenarioSummary[] }>('/api/v1/landfills/scenarios', signal).then((r) => r.items),
    refetchInterval: (q) => (q.state.data?.some((s) => s.state === 'queued' || s.state === 'running') ? 3000 : false),
  });
}

/** «۳٫۴٪», or «بهینه» when the gap is zero; '—' before the scenario is solved. */
function gapCell(s: ScenarioSummary) {
  if (s.state !== 'done' || s.gap === null) return fp.common.none;
  return s.gap <= 1e-9 ? '۰٪' : units.percent(s.gap);
}

/**
 * `/app/landfills/scenarios`: the consolidation scenarios of the viewer's scope with their figures, a new one, and
 * two to four solved ones picked for a side-by-side comparison.
 */
export default function ScenariosHome() {
  usePageTitle(t.title);
  const navigate = useNavigate();
  const list = useScenarios();
  const [picked, setPicked] = useState<number[]>([]);

  const toggle = (id: number, on: boolean) => setPicked((p) => (on ? (p.length < MAX_COMPARE && !p.includes(id) ? [...p, id] : p) : p.filter((x) => x !== id)));
  const canCompare = picked.length >= 2 && picked.length <= MAX_COMPARE;
  const compare = () => navigate(`/app/landfills/scenarios/compare?ids=${picked.join(',')}`);

  const pickBox = (s: ScenarioSummary) => (
    <Checkbox
      aria-label={t.pick(s.name)}
      title={s.state === 'done' ? t.pick(s.name) : t.onlyDone}
      checked={picked.includes(s.id)}
      disabled={s.state !== 'done' || (!picked.includes(s.id) && picked.length >= MAX_COMPARE)}
      onChange={(e) => toggle(s.id, e.currentTarget.checked)}
      data-testid={`pick-${s.id}`}
    />
  );

  return (
    <Container size="xl">
      <Stack gap="lg">
        <LandfillsHeader
          title={t.title}
          extra={
            <Button component={Link} to="/app/landfills/scenarios/new" size="sm" variant="outline" data-testid="new-scenario">
              {t.new}
            </Button>
          }
        />
        <Text>{t.intro}</Text>

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : list.data.length === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <>
            <Paper withBorder p="sm" radius="md">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text size="sm">{picked.length ? t.selected(faNumber(picked.length)) : t.compareHint}</Text>
                <Button size="sm" disabled={!canCompare} onClick={compare} data-testid="compare">
                  {t.compare}
                </Button>
              </Group>
            </Paper>
            <ListView
              busy={list.isFetching}
              cardsTestId="scenario-cards"
              table={
                <Table highlightOnHover verticalSpacing="sm" aria-label={t.listLabel} data-testid="scenarios-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <VisuallyHidden>{t.compare}</VisuallyHidden>
                      </Table.Th>
                      <Table.Th>{t.colName}</Table.Th>
                      <Table.Th>{t.colArea}</Table.Th>
                      <Table.Th>{t.colState}</Table.Th>
                      <Table.Th>{t.colVillages}</Table.Th>
                      <Table.Th>{t.colCandidates}</Table.Th>
                      <Table.Th>{t.colOpen}</Table.Th>
                      <Table.Th>{t.colTonKm}</Table.Th>
                      <Table.Th>{t.colGap}</Table.Th>
                      <Table.Th>{fp.common.createdAt}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.map((s) => (
                      <Table.Tr key={s.id} data-testid="scenario-row">
                        <Table.Td>{pickBox(s)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/app/landfills/scenarios/${s.id}`} fw={700} data-testid="scenario-link">
                            {s.name}
                          </Anchor>
                          {s.createdBy && (
                            <Text size="xs" c="dimmed">
                              {s.createdBy}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{s.division}</Table.Td>
                        <Table.Td>
                          <ScenarioStateBadge state={s.state} />
                        </Table.Td>
                        <Table.Td className="lp-num">{faNumber(s.villages)}</Table.Td>
                        <Table.Td className="lp-num">{faNumber(s.candidates)}</Table.Td>
                        <Table.Td className="lp-num">{faNumber(s.open)}</Table.Td>
                        <Table.Td className="lp-num">{faNumber(s.cost)}</Table.Td>
                        <Table.Td className="lp-num">{gapCell(s)}</Table.Td>
                        <Table.Td className="lp-num">{jDate(s.createdAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              }
              cards={list.data.map((s) => (
                <li key={s.id}>
                  <Paper withBorder p="md" radius="md" data-testid="scenario-card">
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        {pickBox(s)}
                        <Anchor component={Link} to={`/app/landfills/scenarios/${s.id}`} fw={700}>
                          {s.name}
                        </Anchor>
                      </Group>
                      <ScenarioStateBadge state={s.state} />
                    </Group>
                    <Text size="sm" c="dimmed" mt={4}>
                      {s.division} — {jDate(s.createdAt)}
                    </Text>
                    <Text size="sm" mt={4}>
                      {t.colVillages}: {faNumber(s.villages)} — {t.colCandidates}: {faNumber(s.candidates)}
                    </Text>
                    {s.state === 'done' && (
                      <Text size="sm">
                        {t.colOpen}: {faNumber(s.open)} — {units.tonKm(s.cost)} — {t.colGap}: {gapCell(s)}
                      </Text>
                    )}
                  </Paper>
                </li>
              ))}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
