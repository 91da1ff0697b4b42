import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Checkbox, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardLink, DueCell, useListParams } from '../../../../web/staff/ui.js';
import type { ApplicationListItem } from '../../api-types.js';
import { APPLICATION_KIND_TITLES, APPLICATION_KINDS, APPLICATION_STATE_TITLES, APPLICATION_STATES } from '../../enums.js';
import { ifa } from './fa.js';
import { ExportButtons, FieldFilter, ListBody, ListTable, ProvinceFilter, TotalLine, usePagedList } from './list-parts.js';
import { API, AppStateBadge, BASE, Code, InstHeader, pickParams, scoreText, Sub, useInstViewer } from './shared.js';

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
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="sm">
            {a.name}
          </Text>
          <Sub>
            {a.kindTitle} — {a.province}
          </Sub>
        </div>
        <AppStateBadge state={a.state} title={a.stateTitle} />
      </Group>
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
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);

  const filters = pickParams(params, FILTERS);
  const list = usePagedList<ApplicationListItem>(`${API}/applications`, filters, page);

  function onSearch(e: FormEvent) {
    e.preventDefault();
    update({ q: toAsciiDigits(q.trim()) || null });
  }

  const overdueHere = list.data?.items.filter((i) => i.overdue).length ?? 0;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <InstHeader title={t.title} />

        <Paper withBorder p="md" radius="md" component="section" aria-label={t.filters}>
          <form onSubmit={onSearch} role="search">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput label={c.search} placeholder={t.searchHint} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} name="q" data-testid="search" />
                <Button type="submit">{c.search}</Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                <NativeSelect
                  label={t.state}
                  value={params.get('state') ?? ''}
                  onChange={(e) => update({ state: e.currentTarget.value })}
                  data={[{ value: '', label: c.all }, ...APPLICATION_STATES.map((s) => ({ value: s, label: APPLICATION_STATE_TITLES[s] }))]}
                  data-testid="filter-state"
                />
                <NativeSelect
                  label={t.kind}
                  value={params.get('kind') ?? ''}
                  onChange={(e) => update({ kind: e.currentTarget.value })}
                  data={[{ value: '', label: c.all }, ...APPLICATION_KINDS.map((k) => ({ value: k, label: APPLICATION_KIND_TITLES[k] }))]}
                  data-testid="filter-kind"
                />
                <FieldFilter params={params} update={update} />
                <ProvinceFilter params={params} update={update} />
              </SimpleGrid>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Group gap="md" wrap="wrap">
                  <Checkbox label={t.overdueOnly} checked={params.get('overdue') === 'true'} onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })} data-testid="filter-overdue" />
                  {viewer.waiting.map((s) => (
                    <Button key={s} size="xs" variant={params.get('state') === s ? 'filled' : 'light'} onClick={() => update({ state: s })} data-testid={`quick-${s}`}>
                      {t.waiting}: {APPLICATION_STATE_TITLES[s]}
                    </Button>
                  ))}
                  <Button variant="subtle" size="xs" onClick={clear}>
                    {c.clear}
                  </Button>
                </Group>
                <ExportButtons path={`${API}/applications/export`} filters={filters} />
              </Group>
            </Stack>
          </form>
        </Paper>

        <Group justify="space-between" wrap="wrap" gap="sm">
          <TotalLine total={list.data?.total ?? 0} />
          {overdueHere > 0 && (
            <Badge color="red" c="red.9" variant="light" size="lg" className="st-badge" data-testid="overdue-here">
              {t.overdueOnPage(faNumber(overdueHere))}
            </Badge>
          )}
        </Group>

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
