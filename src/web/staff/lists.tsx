// The parts of a staff list that services share, on top of ui.tsx (useListParams, ListView, CardLink, Pager): the
// filter form and its fields kept in the address (search, selects, provinces, overdue only and the viewer's «waiting»
// shortcuts), the export links of the filtered list, the total, and one page of the list fetched and shown (the
// loader, «nothing», the table on a desktop and cards on a phone, the pager).
import { Fragment, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../api.js';
import { faNumber } from '../format.js';
import { faStaff } from './fa.js';
import { EmptyCard, ListView, Pager, QueryStatus, useProvinces } from './ui.js';

const t = faStaff.ui;
export const PAGE_SIZE = 25;
/** Sets or removes filters in the address (useListParams's `update`). */
export type UpdateParams = (changes: Record<string, string | null>) => void;

/** The filters present in `params` among `keys` (what a list and its exports are asked with). */
export function pickParams(params: URLSearchParams, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of keys) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out;
}

/** A filter typed before it is applied (a search box): starts from the address and follows it when it changes. */
export function useTypedParam(params: URLSearchParams, key: string): [string, (v: string) => void] {
  const [value, setValue] = useState(params.get(key) ?? '');
  useEffect(() => setValue(params.get(key) ?? ''), [params, key]);
  return [value, setValue];
}

/** A list's filters: a titled card holding a search form; submitting it calls `onSearch` (to apply what was typed). */
export function FilterForm({ label, onSearch, children }: { label: string; onSearch: () => void; children: ReactNode }) {
  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch();
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <form onSubmit={submit} role="search">
        <Stack gap="sm">{children}</Stack>
      </form>
    </Paper>
  );
}

/** The search box (`q`); `withButton` puts it in a row with its «جست‌وجو» button. */
export function SearchInput({ value, onChange, placeholder, withButton = false }: { value: string; onChange: (v: string) => void; placeholder: string; withButton?: boolean }) {
  const input = (
    <TextInput
      label={t.search}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...(withButton ? { style: { flex: '1 1 16rem' } } : {})}
      name="q"
      data-testid="search"
    />
  );
  if (!withButton) return input;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      {input}
      <Button type="submit">{t.search}</Button>
    </Group>
  );
}

/** «جست‌وجو» and «پاک کردن پالایه‌ها» under a filter form. */
export function SearchButtons({ clear }: { clear: () => void }) {
  return (
    <Group gap="xs">
      <Button type="submit">{t.search}</Button>
      <ClearButton clear={clear} />
    </Group>
  );
}

function ClearButton({ clear }: { clear: () => void }) {
  return (
    <Button variant="subtle" size="xs" onClick={clear}>
      {t.clear}
    </Button>
  );
}

/** A select filter kept in the address under `name`: `all` (no filter) and the options. */
export function ParamSelect({
  name,
  label,
  all,
  options,
  params,
  update,
  testId,
}: {
  name: string;
  label: string;
  all: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  params: URLSearchParams;
  update: UpdateParams;
  testId: string;
}) {
  return (
    <NativeSelect
      label={label}
      value={params.get(name) ?? ''}
      onChange={(e) => update({ [name]: e.currentTarget.value })}
      data={[{ value: '', label: all }, ...options]}
      data-testid={testId}
    />
  );
}

/** The province filter (`provinceId`). */
export function ProvinceFilter({ params, update }: { params: URLSearchParams; update: UpdateParams }) {
  const provinces = useProvinces();
  const options = (provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  return <ParamSelect name="provinceId" label={t.province} all={t.allProvinces} options={options} params={params} update={update} testId="filter-province" />;
}

/** «فقط دیرکرددارها» (`overdue`), a shortcut to each state waiting for the viewer, and «پاک کردن پالایه‌ها». */
export function OverdueFilters({ params, update, clear, waiting }: { params: URLSearchParams; update: UpdateParams; clear: () => void; waiting: ReadonlyArray<{ state: string; title: string }> }) {
  return (
    <Group gap="md" wrap="wrap">
      <Checkbox label={t.overdueOnly} checked={params.get('overdue') === 'true'} onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })} data-testid="filter-overdue" />
      {waiting.map((s) => (
        <Button key={s.state} size="xs" variant={params.get('state') === s.state ? 'filled' : 'light'} onClick={() => update({ state: s.state })} data-testid={`quick-${s.state}`}>
          {t.waiting}: {s.title}
        </Button>
      ))}
      <ClearButton clear={clear} />
    </Group>
  );
}

/** CSV and XLSX of a filtered list: `${path}.csv?…` and `${path}.xlsx?…`. */
export function ExportButtons({ path, filters }: { path: string; filters: URLSearchParams }) {
  const qs = filters.toString() ? `?${filters}` : '';
  return (
    <Group gap="xs" wrap="wrap">
      <Button component="a" href={`${path}.csv${qs}`} download variant="default" size="xs" data-testid="export-csv">
        {t.exportCsv}
      </Button>
      <Button component="a" href={`${path}.xlsx${qs}`} download variant="default" size="xs" data-testid="export-xlsx">
        {t.exportXlsx}
      </Button>
    </Group>
  );
}

/** «۱۲ مورد» over a list; with `overdue`, beside it a red badge saying how many rows of this page are overdue. */
export function TotalLine({ total, overdue }: { total: number; overdue?: { count: number; text: (n: string) => string } }) {
  const line = (
    <Text fw={700} data-testid="total">
      {t.total(faNumber(total))}
    </Text>
  );
  if (!overdue) return line;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      {line}
      {overdue.count > 0 && (
        <Badge color="red" c="red.9" variant="light" size="lg" className="st-badge" data-testid="overdue-here">
          {overdue.text(faNumber(overdue.count))}
        </Badge>
      )}
    </Group>
  );
}

/** One page of a list at `path` with the filters, cached under `key` (the previous page stays shown while the next one loads). */
export function usePagedList<T>(key: readonly unknown[], path: string, filters: URLSearchParams, page: number) {
  const query = new URLSearchParams(filters);
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  return useQuery({
    queryKey: [...key, query.toString()],
    queryFn: ({ signal }) => api.get<{ items: T[]; total: number }>(`${path}?${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** A list's table with its column headings (a string is a plain heading). */
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
