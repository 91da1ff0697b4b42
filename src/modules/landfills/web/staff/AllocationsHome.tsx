import './plan.css';
import { Anchor, Button, Container, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardLink, EmptyCard, ListView, QueryStatus } from '../../../../web/staff/ui.js';
import type { AllocationSummary } from '../../api-types.js';
import { fp, units } from './fa-plan.js';
import { LandfillsHeader } from './shared.js';

const t = fp.allocations;

/**
 * `/app/landfills/allocations`: the fund allocations of the viewer's scope (budget, spent, sites funded) and a new
 * one.
 */
export default function AllocationsHome() {
  usePageTitle(t.title);
  const list = useQuery({
    queryKey: ['landfills', 'allocations'],
    queryFn: ({ signal }) => api.get<{ items: AllocationSummary[] }>('/api/v1/landfills/allocations', signal).then((r) => r.items),
  });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <LandfillsHeader
          title={t.title}
          extra={
            <Button component={Link} to="/app/landfills/allocations/new" size="sm" variant="outline" data-testid="new-allocation">
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
          <ListView
            busy={list.isFetching}
            cardsTestId="allocation-cards"
            table={
              <Table highlightOnHover verticalSpacing="sm" aria-label={t.listLabel} data-testid="allocations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.colName}</Table.Th>
                    <Table.Th>{t.colArea}</Table.Th>
                    <Table.Th>{t.colBudget}</Table.Th>
                    <Table.Th>{t.colSpent}</Table.Th>
                    <Table.Th>{t.colFunded}</Table.Th>
                    <Table.Th>{fp.common.createdAt}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((a) => (
                    <Table.Tr key={a.id} data-testid="allocation-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/app/landfills/allocations/${a.id}`} fw={700} data-testid="allocation-link">
                          {a.name}
                        </Anchor>
                        {a.createdBy && (
                          <Text size="xs" c="dimmed">
                            {a.createdBy}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{a.division}</Table.Td>
                      <Table.Td className="lp-num">{units.mrial(a.budget)}</Table.Td>
                      <Table.Td className="lp-num">{units.mrial(a.spent)}</Table.Td>
                      <Table.Td className="lp-num">{t.funded(faNumber(a.funded), faNumber(a.sites))}</Table.Td>
                      <Table.Td className="lp-num">{jDate(a.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
            cards={list.data.map((a) => (
              <CardLink key={a.id} to={`/app/landfills/allocations/${a.id}`}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={700}>{a.name}</Text>
                  <Text size="sm" c="dimmed" className="lp-num">
                    {jDate(a.createdAt)}
                  </Text>
                </Group>
                <Text size="sm" c="dimmed" mt={4}>
                  {a.division}
                </Text>
                <Text size="sm" mt={4}>
                  {t.colBudget}: {units.mrial(a.budget)}
                </Text>
                <Text size="sm">
                  {t.colSpent}: {units.mrial(a.spent)} — {t.funded(faNumber(a.funded), faNumber(a.sites))}
                </Text>
              </CardLink>
            ))}
          />
        )}
      </Stack>
    </Container>
  );
}
