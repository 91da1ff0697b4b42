import { Anchor, Button, Checkbox, Container, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { ExportButtons, FilterForm, ListBody, ListTable, ParamSelect, pickParams, ProvinceFilter, SearchInput, TotalLine, usePagedList, useTypedParam } from '../../../../web/staff/lists.js';
import { faStaff } from '../../../../web/staff/fa.js';
import { CardHead, CardLink, DueCell, useListParams } from '../../../../web/staff/ui.js';
import type { EntryListItem, RoundPublic } from '../../api-types.js';
import { ENTRY_STATE_TITLES, ENTRY_STATES, OWNER_KIND_TITLES, OWNER_KINDS, type EntryState } from '../../enums.js';
import { ffa } from './fa.js';
import { API, BASE, Code, EntryStateBadge, FestHeader, FlagMark, Sub, useFestViewer, useRounds, yearText } from './shared.js';

/** The filters kept in the address (the list and the exports take the same). */
const FILTERS = ['roundId', 'state', 'axis', 'provinceId', 'ownerKind', 'q', 'flagged'] as const;
const t = ffa.list;
const c = ffa.common;

const link = (e: EntryListItem) => `${BASE}/entries/${encodeURIComponent(e.id)}`;
const placeLine = (e: EntryListItem) => `${e.place.village}، ${e.place.county}، ${e.place.province}`;

/** Judging progress, the flag and the result of an entry, in words (the flag with its mark, not by colour alone). */
function JudgingCell({ e }: { e: EntryListItem }) {
  if (e.award || e.rankNational !== null) {
    return (
      <Stack gap={0}>
        {e.rankNational !== null && <Text size="sm">{t.rank(faNumber(e.rankNational))}</Text>}
        {e.award && (
          <Text size="xs" c="green.9" fw={700}>
            {e.award}
          </Text>
        )}
      </Stack>
    );
  }
  if (e.judges === 0) return <Text size="sm">{c.none}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" className="fs-num">
        {t.scored(faNumber(e.scored), faNumber(e.judges))}
      </Text>
      {e.flagged && <FlagMark />}
    </Stack>
  );
}

function Row({ e }: { e: EntryListItem }) {
  return (
    <Table.Tr className={e.overdue ? 'st-row-overdue' : undefined} data-overdue={e.overdue || undefined}>
      <Table.Td>
        <Anchor component={Link} to={link(e)} fw={700} size="sm" data-testid="entry-link">
          {e.title || c.none}
        </Anchor>
        <Sub>
          <Code value={e.trackingCode} /> — {e.axisTitle}
        </Sub>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.place.village}</Text>
        <Sub>
          {e.place.county}، {e.place.province}
        </Sub>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{OWNER_KIND_TITLES[e.ownerKind]}</Text>
        {e.jobs !== null && <Sub>{t.jobs(faNumber(e.jobs))}</Sub>}
      </Table.Td>
      <Table.Td>
        <EntryStateBadge state={e.state} title={e.stateTitle} />
      </Table.Td>
      <Table.Td className="fs-num">
        <Text size="sm">{jDate(e.submittedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <DueCell dueAt={e.dueAt} overdue={e.overdue} />
      </Table.Td>
      <Table.Td>
        <JudgingCell e={e} />
      </Table.Td>
    </Table.Tr>
  );
}

function Card({ e }: { e: EntryListItem }) {
  return (
    <CardLink to={link(e)} overdue={e.overdue} testId="entry-card">
      <CardHead title={e.title || c.none} aside={<EntryStateBadge state={e.state} title={e.stateTitle} />}>
        <Sub>{placeLine(e)}</Sub>
      </CardHead>
      <Text size="sm" mt={6}>
        {e.axisTitle} — {OWNER_KIND_TITLES[e.ownerKind]}
      </Text>
      <Group gap="md" mt={4} wrap="wrap">
        <Text size="xs">
          <Code value={e.trackingCode} />
        </Text>
        <JudgingCell e={e} />
      </Group>
      {e.dueAt && (
        <Group gap={4} mt={4}>
          <Text size="xs">{t.colDue}:</Text>
          <DueCell dueAt={e.dueAt} overdue={e.overdue} />
        </Group>
      )}
    </CardLink>
  );
}

/**
 * `/app/festival/entries`: the entries in the viewer's scope (a province screener sees his province), filtered in
 * the address (round, state, axis, province, sender, search, flagged), with the screening deadline (overdue rows
 * marked), the judging progress or the result, paging and exports of the filtered list.
 */
export default function EntryList() {
  usePageTitle(t.title);
  const v = useFestViewer();
  const { params, page, update, goPage, clear } = useListParams();
  const [q, setQ] = useTypedParam(params, 'q');
  const rounds = useRounds();
  const current = useQuery({ queryKey: ['festival', 'round-current'], queryFn: ({ signal }) => api.get<RoundPublic>(`${API}/rounds/current`, signal), enabled: rounds.isError, retry: false });

  const filters = pickParams(params, FILTERS);
  const list = usePagedList<EntryListItem>(['festival', 'entries'], `${API}/entries`, filters, page);
  const counts = (list.data as { counts?: Partial<Record<EntryState, number>> } | undefined)?.counts ?? {};
  const onSearch = () => update({ q: toAsciiDigits(q.trim()) || null });

  const roundId = params.get('roundId');
  const shownRounds = rounds.data ?? [];
  const chosen = shownRounds.find((r) => String(r.id) === roundId);
  const axisSource = chosen ? [chosen] : shownRounds.length ? shownRounds : current.data ? [current.data] : [];
  const axes = new Map<string, string>();
  for (const r of axisSource) for (const a of r.axes) if (!axes.has(a.key)) axes.set(a.key, a.title);

  return (
    <Container size="xl">
      <Stack gap="lg">
        <FestHeader title={t.title} />
        {v.province && <Text size="sm">{t.scopeNote(v.province)}</Text>}

        <FilterForm label={t.filters} onSearch={onSearch}>
          <SearchInput value={q} onChange={setQ} placeholder={t.searchHint} withButton />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: v.manage ? 5 : 4 }} spacing="sm">
            {shownRounds.length > 0 && (
              <ParamSelect name="roundId" label={c.round} all={t.allRounds} options={shownRounds.map((r) => ({ value: String(r.id), label: c.roundYear(yearText(r.year)) }))} params={params} update={update} testId="filter-round" />
            )}
            <ParamSelect
              name="state"
              label={c.state}
              all={c.all}
              options={ENTRY_STATES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: ENTRY_STATE_TITLES[s] }))}
              params={params}
              update={update}
              testId="filter-state"
            />
            <ParamSelect name="axis" label={c.axis} all={t.allAxes} options={[...axes].map(([value, label]) => ({ value, label }))} params={params} update={update} testId="filter-axis" />
            {v.manage && <ProvinceFilter params={params} update={update} />}
            <ParamSelect name="ownerKind" label={c.ownerKind} all={c.all} options={OWNER_KINDS.map((k) => ({ value: k, label: OWNER_KIND_TITLES[k] }))} params={params} update={update} testId="filter-owner" />
          </SimpleGrid>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="md" wrap="wrap">
              <Checkbox label={t.flaggedOnly} checked={params.get('flagged') === 'true'} onChange={(e) => update({ flagged: e.currentTarget.checked ? 'true' : null })} data-testid="filter-flagged" />
              <Button variant="subtle" size="xs" onClick={clear}>
                {faStaff.ui.clear}
              </Button>
            </Group>
            <ExportButtons path={`${API}/entries/export`} filters={filters} />
          </Group>
          <Group gap="xs" wrap="wrap" data-testid="state-counts">
            {ENTRY_STATES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
              <Anchor key={s} component="button" type="button" onClick={() => update({ state: params.get('state') === s ? null : s })} underline="never" aria-pressed={params.get('state') === s}>
                <Group gap={4} wrap="nowrap">
                  <EntryStateBadge state={s} />
                  <Text size="sm" fw={700} className="fs-num">
                    {faNumber(counts[s] ?? 0)}
                  </Text>
                </Group>
              </Anchor>
            ))}
          </Group>
        </FilterForm>

        <TotalLine total={list.data?.total ?? 0} overdue={{ count: list.data?.items.filter((i) => i.overdue).length ?? 0, text: t.overdueOnPage }} />

        <ListBody
          query={list}
          empty={t.empty}
          page={page}
          onPage={goPage}
          cardsTestId="entries-cards"
          render={(items) => ({
            table: (
              <div className="st-scroll">
                <ListTable heads={[t.colTitle, t.colPlace, c.ownerKind, t.colState, t.colSubmitted, t.colDue, t.colJudging]} testId="entries-table">
                  {items.map((e) => (
                    <Row key={e.id} e={e} />
                  ))}
                </ListTable>
              </div>
            ),
            cards: items.map((e) => <Card key={e.id} e={e} />),
          })}
        />
      </Stack>
    </Container>
  );
}
