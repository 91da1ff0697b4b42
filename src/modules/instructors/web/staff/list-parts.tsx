// What the instructor bank's lists (applications, bank, courses) share: the field and province filters kept in the
// address, the export links of the filtered list, and the body of a paged list (loader, «nothing», the table on a
// desktop and cards on a phone, the pager).
import { Fragment, type ReactNode } from 'react';
import { Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../../../web/api.js';
import { faNumber } from '../../../../web/format.js';
import { EmptyCard, ListView, Pager, QueryStatus, useProvinces } from '../../../../web/staff/ui.js';
import { ifa } from './fa.js';
import { useFields } from './shared.js';

const c = ifa.common;
export const PAGE_SIZE = 25;
type Update = (changes: Record<string, string | null>) => void;

/** The field filter (`field` in the address). */
export function FieldFilter({ params, update }: { params: URLSearchParams; update: Update }) {
  const fields = useFields();
  return (
    <NativeSelect
      label={c.field}
      value={params.get('field') ?? ''}
      onChange={(e) => update({ field: e.currentTarget.value })}
      data={[{ value: '', label: c.allFields }, ...(fields.data ?? []).map((f) => ({ value: f.key, label: f.title }))]}
      data-testid="filter-field"
    />
  );
}

/** The province filter (`provinceId` in the address). */
export function ProvinceFilter({ params, update }: { params: URLSearchParams; update: Update }) {
  const provinces = useProvinces();
  return (
    <NativeSelect
      label={c.province}
      value={params.get('provinceId') ?? ''}
      onChange={(e) => update({ provinceId: e.currentTarget.value })}
      data={[{ value: '', label: c.allProvinces }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
      data-testid="filter-province"
    />
  );
}

/** CSV and XLSX of a filtered list: `${path}.csv?…` and `${path}.xlsx?…`. */
export function ExportButtons({ path, filters }: { path: string; filters: URLSearchParams }) {
  const qs = filters.toString() ? `?${filters}` : '';
  return (
    <Group gap="xs" wrap="wrap">
      <Button component="a" href={`${path}.csv${qs}`} download variant="default" size="xs" data-testid="export-csv">
        {c.exportCsv}
      </Button>
      <Button component="a" href={`${path}.xlsx${qs}`} download variant="default" size="xs" data-testid="export-xlsx">
        {c.exportXlsx}
      </Button>
    </Group>
  );
}

/** One page of a list at `path` with the filters (the previous page stays shown while the next one loads). */
export function usePagedList<T>(path: string, filters: URLSearchParams, page: number) {
  const query = new URLSearchParams(filters);
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  return useQuery({
    queryKey: ['instructors', path, query.toString()],
    queryFn: ({ signal }) => api.get<{ items: T[]; total: number }>(`${path}?${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** «۱۲ مورد» over a list. */
export function TotalLine({ total }: { total: number }) {
  return (
    <Text fw={700} data-testid="total">
      {c.total(faNumber(total))}
    </Text>
  );
}

/** A list's table with its column headings. */
export function ListTable({ heads, testId, children }: { heads: ReactNode[]; testId: string; children: ReactNode }) {
  return (
    <Table highlightOnHover verticalSpacing="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {heads.map((h, i) => (typeof h === 'string' ? <Table.Th key={i}>{h}</Table.Th> : <Fragment key={i}>{h}</Fragment>))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

/**
 * The body of a paged list: the loader or the error, «nothing» when empty, else the rows (`table` from the md
 * breakpoint up, `cards` on a phone) and the pager.
 */
export function ListBody<T>({
  query,
  empty,
  page,
  onPage,
  cardsTestId,
  render,
}: {
  query: UseQueryResult<{ items: T[]; total: number }>;
  empty: string;
  page: number;
  onPage: (p: number) => void;
  cardsTestId: string;
  render: (items: T[]) => { table: ReactNode; cards: ReactNode };
}) {
  if (query.isPending || query.isError) return <QueryStatus query={query} />;
  if (query.data.items.length === 0) return <EmptyCard>{empty}</EmptyCard>;
  const { table, cards } = render(query.data.items);
  return (
    <>
      <ListView busy={query.isFetching} cardsTestId={cardsTestId} table={table} cards={cards} />
      <Pager page={page} pages={Math.max(1, Math.ceil(query.data.total / PAGE_SIZE))} onPage={onPage} />
    </>
  );
}
