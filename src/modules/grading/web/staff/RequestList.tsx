import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Checkbox, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, faNumber, jDate } from '../../../../web/format.js';
import { CardLink, DueCell, EmptyCard, ListView, Pager, QueryStatus, useListParams, useProvinces } from '../../../../web/staff/ui.js';
import type { RequestListItem } from '../../api-types.js';
import { REQUEST_STATE_TITLES, REQUEST_STATES, SUBJECT_TITLES } from '../../enums.js';
import { gfa } from './fa.js';
import { GradeFlow, GradingHeader, RequestStateBadge, useGradingViewer } from './shared.js';

const PAGE_SIZE = 25;
/** The filters kept in the address (the list and the exports take the same). */
const FILTERS = ['state', 'subject', 'provinceId', 'q', 'overdue'] as const;
const t = gfa.list;

function Grades({ r }: { r: RequestListItem }) {
  return (
    <GradeFlow
      steps={[
        { label: gfa.page.fromGrade, grade: r.fromGrade },
        { label: gfa.page.supportedGrade, grade: r.supportedGrade },
      ]}
    />
  );
}

/**
 * `/app/grading/requests` (and `/app/grading` for a reviewer): the upgrade requests in the viewer's scope, with the
 * filters in the address (state, subject, province, search, overdue only), the total, paging, the deadline of the
 * current step (overdue rows marked) and exports of the filtered list.
 */
export default function RequestList() {
  usePageTitle(t.title);
  const viewer = useGradingViewer();
  const { params, page, update, goPage, clear } = useListParams();
  const provinces = useProvinces();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);

  const filters = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) filters.set(k, v);
  }
  const query = new URLSearchParams(filters);
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  const list = useQuery({
    queryKey: ['grading', 'requests', 'list', query.toString()],
    queryFn: ({ signal }) => api.get<{ items: RequestListItem[]; total: number }>(`/api/v1/grading/requests?${query}`, signal),
    placeholderData: keepPreviousData,
  });
  const exportQs = filters.toString() ? `?${filters}` : '';

  function onSearch(e: FormEvent) {
    e.preventDefault();
    update({ q: toAsciiDigits(q.trim()) || null });
  }

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const overdueHere = list.data?.items.filter((i) => i.overdue).length ?? 0;
  const bothSubjects = viewer.subjects.length > 1;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <GradingHeader title={t.title} />

        <Paper withBorder p="md" radius="md" component="section" aria-label={t.filters}>
          <form onSubmit={onSearch} role="search">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput label={t.search} placeholder={t.searchHint} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} name="q" data-testid="search" />
                <Button type="submit">{t.search}</Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: bothSubjects ? 3 : 2 }} spacing="sm">
                <NativeSelect
                  label={t.state}
                  value={params.get('state') ?? ''}
                  onChange={(e) => update({ state: e.currentTarget.value })}
                  data={[{ value: '', label: gfa.common.all }, ...REQUEST_STATES.map((s) => ({ value: s, label: REQUEST_STATE_TITLES[s] }))]}
                  data-testid="filter-state"
                />
                {bothSubjects && (
                  <NativeSelect
                    label={t.subject}
                    value={params.get('subject') ?? ''}
                    onChange={(e) => update({ subject: e.currentTarget.value })}
                    data={[{ value: '', label: gfa.common.all }, ...viewer.subjects.map((s) => ({ value: s, label: SUBJECT_TITLES[s] }))]}
                    data-testid="filter-subject"
                  />
                )}
                <NativeSelect
                  label={t.province}
                  value={params.get('provinceId') ?? ''}
                  onChange={(e) => update({ provinceId: e.currentTarget.value })}
                  data={[{ value: '', label: t.allProvinces }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
                  data-testid="filter-province"
                />
              </SimpleGrid>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Group gap="md" wrap="wrap">
                  <Checkbox label={t.overdueOnly} checked={params.get('overdue') === 'true'} onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })} data-testid="filter-overdue" />
                  {viewer.waiting.map((s) => (
                    <Button key={s} size="xs" variant={params.get('state') === s ? 'filled' : 'light'} onClick={() => update({ state: s })} data-testid={`quick-${s}`}>
                      {t.waiting}: {REQUEST_STATE_TITLES[s]}
                    </Button>
                  ))}
                  <Button variant="subtle" size="xs" onClick={clear}>
                    {t.clear}
                  </Button>
                </Group>
                <Group gap="xs" wrap="wrap">
                  <Button component="a" href={`/api/v1/grading/requests/export.csv${exportQs}`} download variant="default" size="xs" data-testid="export-csv">
                    {t.exportCsv}
                  </Button>
                  <Button component="a" href={`/api/v1/grading/requests/export.xlsx${exportQs}`} download variant="default" size="xs" data-testid="export-xlsx">
                    {t.exportXlsx}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </form>
        </Paper>

        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fw={700} data-testid="total">
            {gfa.common.total(faNumber(total))}
          </Text>
          {overdueHere > 0 && (
            <Badge color="red" c="red.9" variant="light" size="lg" className="st-badge" data-testid="overdue-here">
              {t.overdueOnPage(faNumber(overdueHere))}
            </Badge>
          )}
        </Group>

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : list.data.items.length === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <>
            <ListView
              busy={list.isFetching}
              cardsTestId="requests-cards"
              table={
                <Table highlightOnHover verticalSpacing="sm" data-testid="requests-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.colCode}</Table.Th>
                      <Table.Th>{t.colEntity}</Table.Th>
                      <Table.Th>{t.colGrades}</Table.Th>
                      <Table.Th>{t.colState}</Table.Th>
                      <Table.Th>{t.colCreated}</Table.Th>
                      <Table.Th>{t.colDue}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((r) => (
                      <Table.Tr key={r.id} className={r.overdue ? 'st-row-overdue' : undefined} data-overdue={r.overdue || undefined}>
                        <Table.Td>
                          <Anchor component={Link} to={`/app/grading/requests/${r.id}`} className="st-code" data-testid="request-link">
                            {faDigits(r.trackingCode)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {r.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {SUBJECT_TITLES[r.subject]} — {r.place}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Grades r={r} />
                        </Table.Td>
                        <Table.Td>
                          <RequestStateBadge state={r.state} title={r.stateTitle} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className="gr-num">
                            {jDate(r.createdAt)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <DueCell dueAt={r.dueAt} overdue={r.overdue} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              }
              cards={list.data.items.map((r) => (
                <CardLink key={r.id} to={`/app/grading/requests/${r.id}`} overdue={r.overdue} testId="request-card">
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={700} size="sm">
                        {r.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {SUBJECT_TITLES[r.subject]} — {r.place}
                      </Text>
                    </div>
                    <RequestStateBadge state={r.state} title={r.stateTitle} />
                  </Group>
                  <Group gap="md" mt={6} wrap="wrap">
                    <Text size="xs" className="st-code">
                      {faDigits(r.trackingCode)}
                    </Text>
                    <Grades r={r} />
                  </Group>
                  <Group gap={4} mt={4}>
                    <Text size="xs">{t.colDue}:</Text>
                    <DueCell dueAt={r.dueAt} overdue={r.overdue} />
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
