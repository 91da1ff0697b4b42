import type { ReactNode } from 'react';
import { Container, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { decimalOnly } from '../../../../web/components/digits.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { ExportButtons, FilterForm, ListBody, ListTable, ParamSelect, pickParams, ProvinceFilter, SearchButtons, SearchInput, TotalLine, useTypedParam } from '../../../../web/staff/lists.js';
import { CardHead, CardLink, useListParams } from '../../../../web/staff/ui.js';
import type { BankItem } from '../../api-types.js';
import { COURSE_MODE_TITLES, COURSE_MODES, INSTRUCTOR_STATUS_TITLES, INSTRUCTOR_STATUSES } from '../../enums.js';
import { ifa } from './fa.js';
import { API, availabilityText, BankIdLine, BankName, BASE, decimalText, FieldFilter, fieldScoresText, InstHeader, jalaliText, ratingText, scoreText, StatusBadge, useInstList } from './shared.js';

const FILTERS = ['field', 'provinceId', 'minScore', 'minRating', 'mode', 'status', 'q', 'sort'] as const;
const SORTS = ['score', 'rating', 'name'] as const;
type Sort = (typeof SORTS)[number];
const t = ifa.bank;

const link = (b: BankItem) => `${BASE}/profiles/${b.profileId}`;

/** A sortable column heading: a button that sorts by it, announcing the order. */
function SortTh({ by, sort, onSort, children }: { by: Sort; sort: Sort; onSort: (s: Sort) => void; children: ReactNode }) {
  const on = by === sort;
  return (
    <Table.Th aria-sort={on ? (by === 'name' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(by)} fw={on ? 700 : 500} fz="sm" data-testid={`sort-${by}`}>
        {children} {on ? (by === 'name' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function Row({ b }: { b: BankItem }) {
  return (
    <Table.Tr>
      <Table.Td>
        <BankName b={b} testId="profile-link" />
        {b.status !== 'qualified' && <StatusBadge status={b.status} title={b.statusTitle} />}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{fieldScoresText(b)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={700} className="in-num">
          {scoreText(b.score)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ratingText(b.rating)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{availabilityText(b)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="in-num">
          {jalaliText(b.qualifiedUntil)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{faNumber(b.courseCount)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Card({ b }: { b: BankItem }) {
  return (
    <CardLink to={link(b)} testId="bank-card">
      <CardHead
        title={b.name}
        aside={
          <Text fw={700} className="in-num">
            {scoreText(b.score)}
          </Text>
        }
      >
        <BankIdLine b={b} />
      </CardHead>
      <Text size="sm" mt={6}>
        {fieldScoresText(b)}
      </Text>
      <Text size="xs" mt={4}>
        {t.colRating}: {ratingText(b.rating)}
      </Text>
      <Text size="xs">{availabilityText(b)}</Text>
      <Text size="xs">
        {t.colUntil}: {jalaliText(b.qualifiedUntil)} — {t.courses(faNumber(b.courseCount))}
      </Text>
      {b.status !== 'qualified' && <StatusBadge status={b.status} title={b.statusTitle} />}
    </CardLink>
  );
}

/**
 * `/app/instructors/bank`: the instructors in the viewer's scope (qualified by default), searched by field, province,
 * least score and rating, mode of teaching, status, name or training ID; sorted by score, rating or name; exports of
 * the filtered list; each a link to his profile.
 */
export default function Bank() {
  usePageTitle(t.title);
  const { params, page, update, goPage, clear } = useListParams();
  const [q, setQ] = useTypedParam(params, 'q');
  const [minScore, setMinScore] = useTypedParam(params, 'minScore');
  const [minRating, setMinRating] = useTypedParam(params, 'minRating');

  const sort: Sort = SORTS.find((s) => s === params.get('sort')) ?? 'score';
  const filters = pickParams(params, FILTERS);
  const list = useInstList<BankItem>(`${API}/bank`, filters, page);

  const onSearch = () => update({ q: toAsciiDigits(q.trim()) || null, minScore: minScore || null, minRating: minRating || null });
  const onSort = (s: Sort) => update({ sort: s === 'score' ? null : s });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <InstHeader title={t.title} />

        <FilterForm label={t.filters} onSearch={onSearch}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <SearchInput value={q} onChange={setQ} placeholder={t.searchHint} />
            <FieldFilter params={params} update={update} />
            <ProvinceFilter params={params} update={update} />
            <ParamSelect
              name="mode"
              label={t.mode}
              all={t.anyMode}
              options={COURSE_MODES.map((m) => ({ value: m, label: COURSE_MODE_TITLES[m] }))}
              params={params}
              update={update}
              testId="filter-mode"
            />
            <TextInput label={t.minScore} inputMode="decimal" value={decimalText(minScore)} onChange={(e) => setMinScore(decimalOnly(e.currentTarget.value, 1))} classNames={{ input: 'st-ltr' }} data-testid="min-score" />
            <TextInput label={t.minRating} inputMode="decimal" value={decimalText(minRating)} onChange={(e) => setMinRating(decimalOnly(e.currentTarget.value, 1))} classNames={{ input: 'st-ltr' }} data-testid="min-rating" />
            <ParamSelect
              name="status"
              label={t.status}
              all={INSTRUCTOR_STATUS_TITLES.qualified}
              options={INSTRUCTOR_STATUSES.filter((s) => s !== 'qualified').map((s) => ({ value: s, label: INSTRUCTOR_STATUS_TITLES[s] }))}
              params={params}
              update={update}
              testId="filter-status"
            />
            <NativeSelect
              label={t.sort}
              value={sort}
              onChange={(e) => onSort(e.currentTarget.value as Sort)}
              data={SORTS.map((s) => ({ value: s, label: t.sortBy(t.sorts[s]) }))}
              data-testid="sort"
            />
          </SimpleGrid>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <SearchButtons clear={clear} />
            <ExportButtons path={`${API}/bank/export`} filters={filters} />
          </Group>
        </FilterForm>

        <TotalLine total={list.data?.total ?? 0} />

        <ListBody
          query={list}
          empty={t.empty}
          page={page}
          onPage={goPage}
          cardsTestId="bank-cards"
          render={(items) => ({
            table: (
              <ListTable heads={[
                  <SortTh key="name" by="name" sort={sort} onSort={onSort}>
                    {t.colName}
                  </SortTh>,
                  t.colFields,
                  <SortTh key="score" by="score" sort={sort} onSort={onSort}>
                    {t.colScore}
                  </SortTh>,
                  <SortTh key="rating" by="rating" sort={sort} onSort={onSort}>
                    {t.colRating}
                  </SortTh>,
                  t.colAvailability,
                  t.colUntil,
                  t.colCourses,
                ]} testId="bank-table">
                {items.map((b) => (
                  <Row key={b.profileId} b={b} />
                ))}
              </ListTable>
            ),
            cards: items.map((b) => <Card key={b.profileId} b={b} />),
          })}
        />
      </Stack>
    </Container>
  );
}
