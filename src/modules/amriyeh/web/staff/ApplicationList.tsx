import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Checkbox, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { APPLICATION_STATES, APPLICATION_STATE_TITLES } from '../../enums.js';
import type { StaffListItem } from '../../api-types.js';
import { afa } from './fa.js';
import { faDigits, jDate } from '../../../../web/format.js';
import { CardLink, DueCell, EmptyCard, ListView, Pager, QueryStatus, useListParams } from '../../../../web/staff/ui.js';
import { faNum, groupCode } from '../format.js';
import { AmriyehHeader, AppStateBadge, useCalls, useViewer, waitingStates } from './shared.js';

const PAGE_SIZE = 25;
/** The filters kept in the address (a reload, the back button and a shared link keep them). */
const FILTERS = ['callId', 'state', 'q', 'overdue'] as const;

/**
 * `/app/amriyeh/applications`: the applications in the viewer's scope, with filters (call, state, search by name,
 * national code or tracking code — normalized on the server), paging with the total, deadlines and overdue rows.
 */
export default function ApplicationList() {
  usePageTitle(afa.list.title);
  const viewer = useViewer();
  const { params, page, update, goPage, clear } = useListParams();
  const calls = useCalls();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);

  const query = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) query.set(k, v);
  }
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  const list = useQuery({
    queryKey: ['amriyeh', 'applications', 'list', query.toString()],
    queryFn: ({ signal }) => api.get<{ items: StaffListItem[]; total: number }>(`/api/v1/amriyeh/applications?${query}`, signal),
    placeholderData: keepPreviousData,
  });

  function onSearch(e: FormEvent) {
    e.preventDefault();
    update({ q: toAsciiDigits(q.trim()) || null });
  }

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const overdueHere = list.data?.items.filter((i) => i.overdue).length ?? 0;
  const waiting = waitingStates(viewer);
  const callTitle = (id: number) => calls.data?.find((c) => c.id === id)?.title;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <AmriyehHeader title={afa.list.title} />

        <Paper withBorder p="md" radius="md" component="section" aria-label={afa.list.filters}>
          <form onSubmit={onSearch} role="search">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={afa.list.search}
                  placeholder={afa.list.searchHint}
                  value={q}
                  onChange={(e) => setQ(e.currentTarget.value)}
                  style={{ flex: '1 1 16rem' }}
                  name="q"
                  data-testid="search"
                />
                <Button type="submit">{afa.list.search}</Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={afa.list.call}
                  value={params.get('callId') ?? ''}
                  onChange={(e) => update({ callId: e.currentTarget.value })}
                  data={[{ value: '', label: afa.common.all }, ...(calls.data ?? []).map((c) => ({ value: String(c.id), label: c.title }))]}
                  data-testid="filter-call"
                />
                <NativeSelect
                  label={afa.list.state}
                  value={params.get('state') ?? ''}
                  onChange={(e) => update({ state: e.currentTarget.value })}
                  data={[{ value: '', label: afa.common.all }, ...APPLICATION_STATES.map((s) => ({ value: s, label: APPLICATION_STATE_TITLES[s] }))]}
                  data-testid="filter-state"
                />
              </SimpleGrid>
              <Group gap="md" wrap="wrap">
                <Checkbox label={afa.list.overdueOnly} checked={params.get('overdue') === 'true'} onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })} data-testid="filter-overdue" />
                {waiting.map((s) => (
                  <Button key={s} size="xs" variant={params.get('state') === s ? 'filled' : 'light'} onClick={() => update({ state: s })} data-testid={`quick-${s}`}>
                    {afa.list.mine}: {APPLICATION_STATE_TITLES[s]}
                  </Button>
                ))}
                <Button variant="subtle" size="xs" onClick={clear}>
                  {afa.list.clear}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>

        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fw={700} data-testid="total">
            {afa.common.total(faNum(total))}
          </Text>
          {overdueHere > 0 && (
            <Badge color="red" c="red.9" variant="light" size="lg" className="st-badge" data-testid="overdue-here">
              {afa.list.overdueOnPage(faNum(overdueHere))}
            </Badge>
          )}
        </Group>

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : list.data.items.length === 0 ? (
          <EmptyCard>{afa.list.empty}</EmptyCard>
        ) : (
          <>
            <ListView
              busy={list.isFetching}
              cardsTestId="applications-cards"
              table={
                <Table highlightOnHover verticalSpacing="sm" data-testid="applications-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{afa.list.colCode}</Table.Th>
                      <Table.Th>{afa.list.colName}</Table.Th>
                      <Table.Th>{afa.list.colStation}</Table.Th>
                      <Table.Th>{afa.list.colState}</Table.Th>
                      <Table.Th>{afa.list.colScore}</Table.Th>
                      <Table.Th>{afa.list.colCreated}</Table.Th>
                      <Table.Th>{afa.list.colDue}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((a) => (
                      <Table.Tr key={a.id} className={a.overdue ? 'st-row-overdue' : undefined} data-overdue={a.overdue || undefined}>
                        <Table.Td>
                          <Anchor component={Link} to={`/app/amriyeh/applications/${a.id}`} className="st-code" data-testid="application-link">
                            {groupCode(a.trackingCode)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {a.fullName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            <bdi className="st-ltr">{faDigits(a.nationalCode)}</bdi>
                            {!params.get('callId') && callTitle(a.callId) ? ` — ${callTitle(a.callId)}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.firstStation}</Text>
                          <Text size="xs" c="dimmed">
                            {a.districtName}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AppStateBadge state={a.state} title={a.stateTitle} />
                        </Table.Td>
                        <Table.Td>{faNum(a.score)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {jDate(a.createdAt)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <DueCell dueAt={a.dueAt} overdue={a.overdue} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              }
              cards={list.data.items.map((a) => (
                <CardLink key={a.id} to={`/app/amriyeh/applications/${a.id}`} overdue={a.overdue}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text fw={700} size="sm">
                      {a.fullName}
                    </Text>
                    <AppStateBadge state={a.state} title={a.stateTitle} />
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    <span className="st-code">{groupCode(a.trackingCode)}</span> — {a.firstStation}
                  </Text>
                  <Group gap="md" mt={6}>
                    <Text size="xs">
                      {afa.list.colScore}: {faNum(a.score)}
                    </Text>
                    <Group gap={4}>
                      <Text size="xs">{afa.list.colDue}:</Text>
                      <DueCell dueAt={a.dueAt} overdue={a.overdue} />
                    </Group>
                  </Group>
                </CardLink>
              ))}
            />

            <Pager page={page} pages={pages} onPage={goPage} />
          </>
        )}
      </Stack>
    </Container>
  );
}
