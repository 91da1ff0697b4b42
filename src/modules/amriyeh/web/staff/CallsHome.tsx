import { Anchor, Badge, Button, Container, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { ApplicationState } from '../../enums.js';
import type { StaffListItem } from '../../api-types.js';
import { afa } from './fa.js';
import { jDate } from '../../../../web/format.js';
import { CardLink, EmptyCard, ListView, QueryStatus } from '../../../../web/staff/ui.js';
import { faNum } from '../format.js';
import { AmriyehHeader, CallStateBadge, reviewsApplications, useCalls, useViewer } from './shared.js';

/** How many applications in the viewer's scope are in a state (one cheap page of the list). */
function StateCount({ state, label }: { state: ApplicationState; label: string }) {
  const q = useQuery({
    queryKey: ['amriyeh', 'applications', 'count', state],
    queryFn: ({ signal }) => api.get<{ items: StaffListItem[]; total: number }>(`/api/v1/amriyeh/applications?state=${state}&page=1&pageSize=1`, signal),
  });
  return (
    <Paper withBorder p="md" radius="md" component={Link} to={`/app/amriyeh/applications?state=${state}`} className="st-card-link" data-testid={`count-${state}`}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="am-stat-value">{q.data ? faNum(q.data.total) : afa.common.none}</Text>
      <Text size="xs" c="civic.8">
        {afa.home.seeList} ←
      </Text>
    </Paper>
  );
}

/**
 * `/app/amriyeh`: what waits for the viewer (by role), and the calls with their state, period, quota and stations.
 * The Deputy for Dehyari Affairs starts a new call from here.
 */
export default function CallsHome() {
  usePageTitle(afa.nav.title);
  const viewer = useViewer();
  const calls = useCalls();

  const counts: { state: ApplicationState; label: string }[] = [];
  if (viewer.districtReviewer) counts.push({ state: 'submitted', label: afa.home.waitingDistrict });
  if (viewer.provinceReviewer) counts.push({ state: 'district_approved', label: afa.home.waitingProvince });
  if (viewer.provinceReviewer || viewer.national) {
    counts.push({ state: 'eligible', label: afa.home.eligible });
    counts.push({ state: 'selected', label: afa.home.selected });
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <AmriyehHeader
          title={afa.home.title}
          extra={
            viewer.national ? (
              <Button component={Link} to="/app/amriyeh/calls/new" size="sm" variant="outline" data-testid="new-call">
                {afa.home.newCall}
              </Button>
            ) : null
          }
        />

        {counts.length > 0 && (
          <section aria-label={afa.home.waiting}>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
              {counts.map((c) => (
                <StateCount key={c.state} state={c.state} label={c.label} />
              ))}
            </SimpleGrid>
          </section>
        )}

        {calls.isPending || calls.isError ? (
          <QueryStatus query={calls} />
        ) : calls.data.length === 0 ? (
          <EmptyCard>{afa.home.noCalls}</EmptyCard>
        ) : (
          <ListView
            table={
              <Table highlightOnHover verticalSpacing="sm" data-testid="calls-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{afa.home.colTitle}</Table.Th>
                    <Table.Th>{afa.home.colState}</Table.Th>
                    <Table.Th>{afa.home.period}</Table.Th>
                    <Table.Th>{afa.home.quota}</Table.Th>
                    <Table.Th>{afa.home.stations}</Table.Th>
                    {reviewsApplications(viewer) && <Table.Th>{afa.home.apps}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {calls.data.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/app/amriyeh/calls/${c.id}`} fw={700} data-testid="call-link">
                          {c.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <CallStateBadge state={c.state} title={c.stateTitle} />
                          {c.accepting && (
                            <Badge variant="dot" color="green" size="sm" className="st-badge">
                              {afa.home.accepting}
                            </Badge>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {afa.call.from(jDate(c.startsAt), jDate(c.endsAt))}
                        </Text>
                      </Table.Td>
                      <Table.Td>{faNum(c.nationalQuota)}</Table.Td>
                      <Table.Td>{faNum(c.stationCount)}</Table.Td>
                      {reviewsApplications(viewer) && (
                        <Table.Td>
                          <Anchor component={Link} to={`/app/amriyeh/applications?callId=${c.id}`} size="sm">
                            {afa.home.apps}
                          </Anchor>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            }
            cards={calls.data.map((c) => (
              <CardLink key={c.id} to={`/app/amriyeh/calls/${c.id}`}>
                <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
                  <Text fw={700}>{c.title}</Text>
                  <CallStateBadge state={c.state} title={c.stateTitle} />
                </Group>
                <Text size="sm" mt={4}>
                  {afa.home.period}: {afa.call.from(jDate(c.startsAt), jDate(c.endsAt))}
                </Text>
                <Text size="sm">
                  {afa.home.quota}: {faNum(c.nationalQuota)} — {afa.home.stations}: {faNum(c.stationCount)}
                </Text>
              </CardLink>
            ))}
          />
        )}
      </Stack>
    </Container>
  );
}
