import { Anchor, Container, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { jDate } from '../../../../web/format.js';
import { ExportButtons, FilterForm, ListBody, ListTable, OverdueFilters, ParamSelect, pickParams, ProvinceFilter, SearchInput, TotalLine, useTypedParam } from '../../../../web/staff/lists.js';
import { CardHead, CardLink, DueCell, useListParams } from '../../../../web/staff/ui.js';
import type { ApplicationListItem } from '../../api-types.js';
import { APPLICATION_KIND_TITLES, APPLICATION_KINDS, APPLICATION_STATE_TITLES, APPLICATION_STATES } from '../../enums.js';
import { ifa } from './fa.js';
import { API, AppStateBadge, BASE, Code, FieldFilter, InstHeader, scoreText, Sub, useInstList, useInstViewer } from './shared.js';

/** The filters kept in the address (the list and the exports take the same). */
const FILTERS = ['state', 'kind', 'field', 'provinceId', 'q', 'overdue'] as const;
const t = ifa.list;
const c = ifa.common;

const fieldsText = (a: ApplicationListItem) => a.fields.map((f) => f.title).join('، ');
const link = (a: ApplicationListItem) => `${BASE}/applications/${encodeURIComponent(a.id)}`;

function Row({ a }: { a: ApplicationListItem }) {
  return (
    <Table.Tr className={a.overdue ? 'st-row-overdue' : undefined} data-overdue={a.overdue || undefined}>
      <Table.Td>
        <Anchor component={Link} to={link(a)} data-testid="application-link">
          <Code value={a.trackingCode} />
        </Anchor>
        <Sub>{a.kindTitle}</Sub>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {a.name}
        </Text>
        <Sub>{a.province}</Sub>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{fieldsText(a)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={700} className="in-num">
          {scoreText(a.preScore)}
        </Text>
      </Table.Td>
      <Table.Td>
        <AppStateBadge state={a.state} title={a.stateTitle} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="in-num">
          {jDate(a.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <DueCell dueAt={a.dueAt} overdue={a.overdue} />
      </Table.Td>
    </Table.Tr>
  );
}

function Card({ a }: { a: ApplicationListItem }) {
  return (
    <CardLink to={link(a)} overdue={a.overdue} testId="application-card">
      <CardHead title={a.name} aside={<AppStateBadge state={a.state} title={a.stateTitle} />}>
        <Sub>
          {a.kindTitle} — {a.province}
        </Sub>
      </CardHead>
      <Text size="sm" mt={6}>
        {fieldsText(a)}
      </Text>
      <Group gap="md" mt={4} wrap="wrap">
        <Text size="xs">
          <Code value={a.trackingCode} />
        </Text>
        <Text size="xs">
          {t.colScore}: <b className="in-num">{scoreText(a.preScore)}</b>
        </Text>
      </Group>
      <Group gap={4} mt={4}>
        <Text size="xs">{t.colDue}:</Text>
        <DueCell dueAt={a.dueAt} overdue={a.overdue} />
      </Group>
    </CardLink>
  );
}

/**
 * `/app/instructors/applications`: the qualification applications in the viewer's scope, filtered in the address
 * (state, kind, field, province, search, overdue only), with the deadline of the current step (overdue rows marked),
 * paging and exports of the filtered list; a table on a desktop and cards on a phone.
 */
export default function ApplicationList() {
  usePageTitle(t.title);
  const viewer = useInstViewer();
  const { params, page, update, goPage, clear } = useListParams();
  const [q, setQ] = useTypedParam(params, 'q');

  const filters = pickParams(params, FILTERS);
  const list = useInstList<ApplicationListItem>(`${API}/applications`, filters, page);
  const onSearch = () => update({ q: toAsciiDigits(q.trim()) || null });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <InstHeader title={t.title} />

        <FilterForm label={t.filters} onSearch={onSearch}>
          <SearchInput value={q} onChange={setQ} placeholder={t.searchHint} withButton />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <ParamSelect
              name="state"
              label={t.state}
              all={c.all}
              options={APPLICATION_STATES.map((s) => ({ value: s, label: APPLICATION_STATE_TITLES[s] }))}
              params={params}
              update={update}
              testId="filter-state"
            />
            <ParamSelect
              name="kind"
              label={t.kind}
              all={c.all}
              options={APPLICATION_KINDS.map((k) => ({ value: k, label: APPLICATION_KIND_TITLES[k] }))}
              params={params}
              update={update}
              testId="filter-kind"
            />
            <FieldFilter params={params} update={update} />
            <ProvinceFilter params={params} update={update} />
          </SimpleGrid>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <OverdueFilters params={params} update={update} clear={clear} waiting={viewer.waiting.map((s) => ({ state: s, title: APPLICATION_STATE_TITLES[s] }))} />
            <ExportButtons path={`${API}/applications/export`} filters={filters} />
          </Group>
        </FilterForm>

        <TotalLine total={list.data?.total ?? 0} overdue={{ count: list.data?.items.filter((i) => i.overdue).length ?? 0, text: t.overdueOnPage }} />

        <ListBody
          query={list}
          empty={t.empty}
          page={page}
          onPage={goPage}
          cardsTestId="applications-cards"
          render={(items) => ({
            table: (
              <ListTable heads={[t.colCode, t.colName, t.colFields, t.colScore, t.colState, t.colCreated, t.colDue]} testId="applications-table">
                {items.map((a) => (
                  <Row key={a.id} a={a} />
                ))}
              </ListTable>
            ),
            cards: items.map((a) => <Card key={a.id} a={a} />),
          })}
        />
      </Stack>
    </Container>
  );
}
