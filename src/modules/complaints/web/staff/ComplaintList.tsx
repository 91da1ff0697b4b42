import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { parseJalaliDate, toAsciiDigits, toPersianDigits } from '../../../../core/fa/index.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { cfa } from '../fa.js';
import { nfa } from '../public/fa-new.js';
import { sfa } from './fa.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardLink, DueCell, EmptyCard, ListView, Pager, QueryStatus, useListParams } from '../../../../web/staff/ui.js';
import { groupCode } from '../format.js';
import type { StaffListItem } from '../types.js';
import { ComplaintsHeader, KINDS, StateBadge, STATES, useCategories } from './shared.js';

const PAGE_SIZE = 20;
/** The filters kept in the address (so a reload, the back button and a shared link keep them). */
const FILTERS = ['q', 'state', 'categoryId', 'kind', 'overdue', 'mine', 'from', 'to', 'sort'] as const;

/** The API query of the current filters (ASCII digits), without paging: the list and the export share it. */
function filterQuery(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) out.set(k, k === 'from' || k === 'to' ? toAsciiDigits(v) : v);
  }
  return out;
}

/**
 * `/app/complaints`: the complaints in the user's scope, sorted by SLA deadline, with filters (state, category,
 * kind, overdue, mine, Jalali dates, search with Persian normalization on the server), paging with the total,
 * and CSV / Excel exports of the same filters.
 */
export default function ComplaintList() {
  usePageTitle(sfa.staff.title);
  const { params, page, update, goPage, clear } = useListParams();
  const categories = useCategories();

  const [q, setQ] = useState(params.get('q') ?? '');
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    setQ(params.get('q') ?? '');
    setFrom(params.get('from') ?? '');
    setTo(params.get('to') ?? '');
  }, [params]);

  const api_ = filterQuery(params);
  const listQuery = new URLSearchParams(api_);
  listQuery.set('limit', String(PAGE_SIZE));
  listQuery.set('offset', String((page - 1) * PAGE_SIZE));
  const list = useQuery({
    queryKey: ['complaints', 'list', listQuery.toString()],
    queryFn: ({ signal }) => api.get<{ items: StaffListItem[]; total: number }>(`/api/v1/complaints?${listQuery}`, signal),
    placeholderData: keepPreviousData,
  });

  function onSearch(e: FormEvent) {
    e.preventDefault();
    const errs: { from?: string; to?: string } = {};
    if (from.trim() && !parseJalaliDate(from)) errs.from = sfa.staff.dateInvalid;
    if (to.trim() && !parseJalaliDate(to)) errs.to = sfa.staff.dateInvalid;
    setDateErrors(errs);
    if (errs.from || errs.to) return;
    update({ q: q.trim() || null, from: toAsciiDigits(from.trim()) || null, to: toAsciiDigits(to.trim()) || null });
  }

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportHref = (format: 'csv' | 'xlsx') => {
    const qs = new URLSearchParams(api_);
    qs.set('format', format);
    return `/api/v1/complaints/export?${qs}`;
  };

  const categoryData = [
    { value: '', label: sfa.staff.all },
    ...(categories.data ?? []).map((g) => ({
      group: g.name,
      items: [{ value: String(g.id), label: `${g.name} (${sfa.staff.all})` }, ...g.children.map((c) => ({ value: String(c.id), label: c.name }))],
    })),
  ];

  return (
    <Container size="xl">
      <Stack gap="lg">
        <ComplaintsHeader title={sfa.staff.title} />

        <Paper withBorder p="md" radius="md" component="section" aria-label={sfa.staff.filters}>
          <form onSubmit={onSearch} role="search">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={sfa.staff.search}
                  placeholder={sfa.staff.searchHint}
                  value={q}
                  onChange={(e) => setQ(e.currentTarget.value)}
                  style={{ flex: '1 1 16rem' }}
                  name="q"
                  data-testid="search"
                />
                <Button type="submit">{sfa.staff.search}</Button>
              </Group>
              <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
                <NativeSelect
                  label={sfa.staff.state}
                  value={params.get('state') ?? ''}
                  onChange={(e) => update({ state: e.currentTarget.value })}
                  data={[{ value: '', label: sfa.staff.all }, ...STATES.map((s) => ({ value: s, label: sfa.states[s]! }))]}
                />
                <NativeSelect label={sfa.staff.category} value={params.get('categoryId') ?? ''} onChange={(e) => update({ categoryId: e.currentTarget.value })} data={categoryData} />
                <NativeSelect
                  label={sfa.staff.kind}
                  value={params.get('kind') ?? ''}
                  onChange={(e) => update({ kind: e.currentTarget.value })}
                  data={[{ value: '', label: sfa.staff.all }, ...KINDS.map((k) => ({ value: k, label: nfa.kinds[k].title }))]}
                />
                <NativeSelect
                  label={sfa.staff.sort}
                  value={params.get('sort') ?? 'due'}
                  onChange={(e) => update({ sort: e.currentTarget.value === 'due' ? null : e.currentTarget.value })}
                  data={[
                    { value: 'due', label: sfa.staff.sortDue },
                    { value: '-created', label: sfa.staff.sortNew },
                    { value: 'created', label: sfa.staff.sortOld },
                  ]}
                />
                <TextInput
                  label={sfa.staff.from}
                  placeholder={sfa.staff.dateHint}
                  value={toPersianDigits(from)}
                  onChange={(e) => setFrom(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
                  error={dateErrors.from}
                  classNames={{ input: 'st-ltr' }}
                  inputMode="numeric"
                />
                <TextInput
                  label={sfa.staff.to}
                  placeholder={sfa.staff.dateHint}
                  value={toPersianDigits(to)}
                  onChange={(e) => setTo(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
                  error={dateErrors.to}
                  classNames={{ input: 'st-ltr' }}
                  inputMode="numeric"
                />
                <Checkbox label={sfa.staff.overdue} checked={params.get('overdue') === '1'} onChange={(e) => update({ overdue: e.currentTarget.checked ? '1' : null })} mt={{ md: 'xl' }} />
                <Checkbox label={sfa.staff.mine} checked={params.get('mine') === '1'} onChange={(e) => update({ mine: e.currentTarget.checked ? '1' : null })} mt={{ md: 'xl' }} />
              </SimpleGrid>
              <Group gap="xs">
                <Button type="submit" variant="light" size="xs">
                  {sfa.staff.apply}
                </Button>
                <Button variant="subtle" size="xs" onClick={clear}>
                  {sfa.staff.clear}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>

        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fw={700} data-testid="total">
            {sfa.staff.total(faNumber(total))}
          </Text>
          <Group gap="xs">
            <Button component="a" href={exportHref('csv')} variant="default" size="xs" data-testid="export-csv">
              {sfa.staff.exportCsv}
            </Button>
            <Button component="a" href={exportHref('xlsx')} variant="default" size="xs" data-testid="export-xlsx">
              {sfa.staff.exportXlsx}
            </Button>
          </Group>
        </Group>

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : list.data.items.length === 0 ? (
          <EmptyCard>{sfa.staff.empty}</EmptyCard>
        ) : (
          <>
            <ListView
              busy={list.isFetching}
              cardsTestId="complaints-cards"
              table={
                <Table striped={false} highlightOnHover verticalSpacing="sm" data-testid="complaints-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{sfa.staff.colCode}</Table.Th>
                      <Table.Th>{sfa.staff.colSubject}</Table.Th>
                      <Table.Th>{sfa.staff.colCategory}</Table.Th>
                      <Table.Th>{sfa.staff.colPlace}</Table.Th>
                      <Table.Th>{sfa.staff.colState}</Table.Th>
                      <Table.Th>{sfa.staff.colCreated}</Table.Th>
                      <Table.Th>{sfa.staff.colDue}</Table.Th>
                      <Table.Th>{sfa.staff.colAssignee}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((c) => (
                      <Table.Tr key={c.id} className={c.overdue ? 'st-row-overdue' : undefined} data-overdue={c.overdue || undefined}>
                        <Table.Td>
                          <Anchor component={Link} to={`/app/complaints/${c.id}`} className="st-code" data-testid="case-link">
                            {groupCode(c.trackingCode)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500} lineClamp={2}>
                            {c.subject}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {nfa.kinds[c.kind]?.title}
                            {c.anonymous ? ` — ${cfa.common.anonymous}` : c.citizenName ? ` — ${c.citizenName}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.categoryName}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.placeName}</Text>
                        </Table.Td>
                        <Table.Td>
                          <StateBadge state={c.state} title={c.stateTitle} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{jDate(c.createdAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <DueCell dueAt={c.dueAt} overdue={c.overdue} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={c.assigneeName ? undefined : 'dimmed'}>
                            {c.assigneeName ?? sfa.staff.unassigned}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              }
              cards={list.data.items.map((c) => (
                <CardLink key={c.id} to={`/app/complaints/${c.id}`} overdue={c.overdue}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text fw={700} size="sm" lineClamp={2}>
                      {c.subject}
                    </Text>
                    <StateBadge state={c.state} title={c.stateTitle} />
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    <span className="st-code">{groupCode(c.trackingCode)}</span> — {c.categoryName} — {c.placeName}
                  </Text>
                  <Group gap="md" mt={6}>
                    <Text size="xs">
                      {sfa.staff.colCreated}: {jDate(c.createdAt)}
                    </Text>
                    <Group gap={4}>
                      <Text size="xs">{sfa.staff.colDue}:</Text>
                      <DueCell dueAt={c.dueAt} overdue={c.overdue} />
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
