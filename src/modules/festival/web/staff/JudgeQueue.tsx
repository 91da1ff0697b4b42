import { Anchor, Container, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { CardHead, CardLink, EmptyCard, ListView, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { JudgeQueue as Queue, JudgeQueueItem } from '../../api-types.js';
import { jfa } from './fa-owner.js';
import { API, BASE, FestHeader, Sub } from './shared.js';

const t = jfa.queue;
const link = (i: JudgeQueueItem) => `${BASE}/judging/${encodeURIComponent(i.entryId)}`;

export const queueKey = ['festival', 'judging'];

function Status({ i }: { i: JudgeQueueItem }) {
  return i.scored ? (
    <Text size="sm" c="green.9" fw={700} data-testid="scored">
      ✓ {t.scored(faNumber(i.total, 2))}
    </Text>
  ) : (
    <Text size="sm" c="orange.9" fw={500} data-testid="waiting">
      {t.waiting}
    </Text>
  );
}

/** `/app/festival/judging`: the entries given to the judge, his progress, and each one's state of his scoring. */
export default function JudgeQueue() {
  usePageTitle(t.title);
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const q = useQuery({ queryKey: queueKey, queryFn: ({ signal }) => api.get<Queue>(`${API}/judging`, signal) });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <FestHeader title={t.title} />
        <Notice tone="ok">{notice}</Notice>
        <Text size="sm">{t.intro}</Text>
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : q.data.total === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <>
            <Paper withBorder p="md" radius="md" data-testid="progress">
              <Group justify="space-between" mb={6}>
                <Text fw={700}>{t.progress(faNumber(q.data.done), faNumber(q.data.total))}</Text>
                <Text fw={700} className="fs-num">
                  {faNumber(Math.round((100 * q.data.done) / q.data.total))}٪
                </Text>
              </Group>
              <Progress value={(100 * q.data.done) / q.data.total} size="lg" radius="sm" aria-label={t.progress(faNumber(q.data.done), faNumber(q.data.total))} />
            </Paper>
            <ListView
              cardsTestId="queue-cards"
              table={
                <Table highlightOnHover verticalSpacing="sm" data-testid="queue-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.colTitle}</Table.Th>
                      <Table.Th>{t.colAxis}</Table.Th>
                      <Table.Th>{t.colPlace}</Table.Th>
                      <Table.Th>{t.colStatus}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.data.items.map((i) => (
                      <Table.Tr key={i.entryId}>
                        <Table.Td>
                          <Anchor component={Link} to={link(i)} fw={700} size="sm" data-testid="queue-link">
                            {i.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{i.axisTitle}</Text>
                          {i.categoryTitle && <Sub>{i.categoryTitle}</Sub>}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{i.place.village}</Text>
                          <Sub>{i.place.province}</Sub>
                        </Table.Td>
                        <Table.Td>
                          <Status i={i} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              }
              cards={q.data.items.map((i) => (
                <CardLink key={i.entryId} to={link(i)} testId="queue-card">
                  <CardHead title={i.title} aside={null}>
                    <Sub>
                      {i.axisTitle} — {i.place.village}، {i.place.province}
                    </Sub>
                  </CardHead>
                  <div style={{ marginTop: 6 }}>
                    <Status i={i} />
                  </div>
                </CardLink>
              ))}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
