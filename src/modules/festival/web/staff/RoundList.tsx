import { Anchor, Button, Container, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { CardHead, CardLink, EmptyCard, ListView, QueryStatus } from '../../../../web/staff/ui.js';
import type { RoundView } from '../../api-types.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';
import { BASE, FestHeader, jalaliText, PhaseBadge, Sub, useFestViewer, useRounds, yearText } from './shared.js';

const t = rfa.list;
const total = (r: RoundView) => Object.values(r.counts).reduce((s, n) => s + (n ?? 0), 0);
const link = (r: RoundView) => `${BASE}/rounds/${r.id}`;

/** `/app/festival/rounds`: every round, newest year first, with its phase, window and counts; «دوره تازه» for the secretariat. */
export default function RoundList() {
  usePageTitle(t.title);
  const v = useFestViewer();
  const rounds = useRounds();
  const newButton = v.manage ? (
    <Button component={Link} to={`${BASE}/rounds/new`} size="sm" data-testid="new-round">
      {t.newRound}
    </Button>
  ) : null;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <FestHeader title={t.title} />
        {newButton && <Group>{newButton}</Group>}
        {rounds.isPending || rounds.isError ? (
          <QueryStatus query={rounds} />
        ) : rounds.data.length === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <ListView
            cardsTestId="rounds-cards"
            table={
              <Table highlightOnHover verticalSpacing="sm" data-testid="rounds-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.colYear}</Table.Th>
                    <Table.Th>{t.colTitle}</Table.Th>
                    <Table.Th>{t.colPhase}</Table.Th>
                    <Table.Th>{t.colDates}</Table.Th>
                    <Table.Th>{t.colEntries}</Table.Th>
                    <Table.Th>{t.colJudges}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rounds.data.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={link(r)} fw={700} className="fs-num" data-testid="round-link">
                          {yearText(r.year)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.title}</Text>
                      </Table.Td>
                      <Table.Td>
                        <PhaseBadge phase={r.phase} title={r.phaseTitle} />
                      </Table.Td>
                      <Table.Td className="fs-num">{t.dates(jalaliText(r.opensOn), jalaliText(r.deadline))}</Table.Td>
                      <Table.Td className="fs-num">{faNumber(total(r))}</Table.Td>
                      <Table.Td className="fs-num">{faNumber(r.judgeCount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
            cards={rounds.data.map((r) => (
              <CardLink key={r.id} to={link(r)} testId="round-card">
                <CardHead title={ffa.common.roundYear(yearText(r.year))} aside={<PhaseBadge phase={r.phase} title={r.phaseTitle} />}>
                  <Sub>{r.title}</Sub>
                </CardHead>
                <Group gap="md" mt={6} wrap="wrap">
                  <Text size="xs">{t.dates(jalaliText(r.opensOn), jalaliText(r.deadline))}</Text>
                  <Text size="xs">{ffa.common.entries(faNumber(total(r)))}</Text>
                  <Text size="xs">{ffa.common.judges(faNumber(r.judgeCount))}</Text>
                </Group>
              </CardLink>
            ))}
          />
        )}
      </Stack>
    </Container>
  );
}
