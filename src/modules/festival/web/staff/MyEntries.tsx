import { Alert, Anchor, Button, Container, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardHead, CardLink, EmptyCard, ListView, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { MyEntries as MyEntriesData, OwnerEntry, RoundPublic } from '../../api-types.js';
import { MAX_ENTRIES_PER_OWNER } from '../../enums.js';
import { useTimeLeft } from '../shared/Deadline.js';
import { ffa } from './fa.js';
import { jfa } from './fa-owner.js';
import { villagesWithRoom } from './mine.js';
import { API, BASE, Code, EntryStateBadge, FestHeader, jalaliText, Sub, yearText } from './shared.js';

const t = jfa.mine;
const link = (e: OwnerEntry) => `${BASE}/mine/${encodeURIComponent(e.id)}`;
const titleOf = (e: OwnerEntry) => e.plan.title || t.untitled;

/** The dehyari's festival data (the open round, his entries of every round, his villages). */
export function useMyEntries() {
  return useQuery({ queryKey: ['festival', 'mine'], queryFn: ({ signal }) => api.get<MyEntriesData>(`${API}/mine`, signal) });
}

function Result({ e }: { e: OwnerEntry }) {
  if (e.award)
    return (
      <Text size="sm" c="green.9" fw={700} data-testid="award">
        {e.award}
      </Text>
    );
  if (e.rankNational !== null) return <Text size="sm">{ffa.list.rank(faNumber(e.rankNational))}</Text>;
  return <Text size="sm">{ffa.common.none}</Text>;
}

function OpenRound({ round, room }: { round: RoundPublic; room: boolean }) {
  const left = useTimeLeft(round);
  return (
    <Paper withBorder p="md" radius="md" data-testid="open-round">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text fw={700}>{t.roundOpen(round.title, jalaliText(round.deadline))}</Text>
          <Text size="sm" c={left ? 'green.9' : 'red.8'} data-testid="time-left">
            {left ? t.left(left) : t.closed}
          </Text>
        </div>
        {room ? (
          <Button component={Link} to={`${BASE}/mine/new`} data-testid="new-plan">
            {t.newPlan}
          </Button>
        ) : (
          <Text size="sm">{t.limit(faNumber(MAX_ENTRIES_PER_OWNER))}</Text>
        )}
      </Group>
    </Paper>
  );
}

/**
 * `/app/festival/mine`: a dehyari's plans for the festival — the open round with its deadline (counted by the
 * server's clock) and «طرح تازه» while his village has room, and every entry of his villages (all rounds) with its
 * state, tracking code and result.
 */
export default function MyEntries() {
  usePageTitle(t.title);
  const q = useMyEntries();
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const showcase = (
    <Button component="a" href="/showcase" target="_blank" variant="outline" size="sm" data-testid="showcase-link">
      {t.showcase}
    </Button>
  );

  return (
    <Container size="xl">
      <Stack gap="lg">
        <FestHeader title={t.title} extra={showcase} />
        <Notice tone="ok">{notice}</Notice>
        <Text size="sm">{t.intro}</Text>
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : (
          <>
            {q.data.round?.phase === 'accepting' ? (
              <OpenRound round={q.data.round} room={villagesWithRoom(q.data.entries, q.data.round.id, q.data.villages).length > 0} />
            ) : (
              <Alert color="blue" variant="light">
                {t.noRound}
              </Alert>
            )}
            {q.data.entries.length === 0 ? (
              <EmptyCard>{t.empty}</EmptyCard>
            ) : (
              <ListView
                cardsTestId="mine-cards"
                table={
                  <Table highlightOnHover verticalSpacing="sm" data-testid="mine-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t.colTitle}</Table.Th>
                        <Table.Th>{t.colRound}</Table.Th>
                        <Table.Th>{t.colState}</Table.Th>
                        <Table.Th>{t.colCode}</Table.Th>
                        <Table.Th>{t.colResult}</Table.Th>
                        <Table.Th>{t.colUpdated}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {q.data.entries.map((e) => (
                        <Table.Tr key={e.id}>
                          <Table.Td>
                            <Anchor component={Link} to={link(e)} fw={700} size="sm" data-testid="mine-link">
                              {titleOf(e)}
                            </Anchor>
                            <Sub>{e.place.village}</Sub>
                          </Table.Td>
                          <Table.Td className="fs-num">{yearText(e.roundYear)}</Table.Td>
                          <Table.Td>
                            <EntryStateBadge state={e.state} title={e.stateTitle} />
                          </Table.Td>
                          <Table.Td>
                            <Code value={e.trackingCode} />
                          </Table.Td>
                          <Table.Td>
                            <Result e={e} />
                          </Table.Td>
                          <Table.Td className="fs-num">{jDate(e.updatedAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                }
                cards={q.data.entries.map((e) => (
                  <CardLink key={e.id} to={link(e)} testId="mine-card">
                    <CardHead title={titleOf(e)} aside={<EntryStateBadge state={e.state} title={e.stateTitle} />}>
                      <Sub>
                        {ffa.common.roundYear(yearText(e.roundYear))} — {e.place.village}
                      </Sub>
                    </CardHead>
                    <Group gap="md" mt={6} wrap="wrap">
                      <Text size="xs">
                        <Code value={e.trackingCode} />
                      </Text>
                      <Result e={e} />
                    </Group>
                  </CardLink>
                ))}
              />
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
