import { Anchor, Container, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, jDate } from '../../../../web/format.js';
import { ExportButtons, FilterForm, ListBody, ListTable, OverdueFilters, ParamSelect, pickParams, ProvinceFilter, SearchInput, TotalLine, usePagedList, useTypedParam } from '../../../../web/staff/lists.js';
import { CardHead, CardLink, DueCell, useListParams } from '../../../../web/staff/ui.js';
import type { RequestListItem } from '../../api-types.js';
import { REQUEST_STATE_TITLES, REQUEST_STATES, SUBJECT_TITLES } from '../../enums.js';
import { gfa } from './fa.js';
import { GradeFlow, GradingHeader, RequestStateBadge, useGradingViewer } from './shared.js';

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
  const [q, setQ] = useTypedParam(params, 'q');

  const filters = pickParams(params, FILTERS);
  const list = usePagedList<RequestListItem>(['grading', 'requests', 'list'], '/api/v1/grading/requests', filters, page);
  const onSearch = () => update({ q: toAsciiDigits(q.trim()) || null });
  const bothSubjects = viewer.subjects.length > 1;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <GradingHeader title={t.title} />

        <FilterForm label={t.filters} onSearch={onSearch}>
          <SearchInput value={q} onChange={setQ} placeholder={t.searchHint} withButton />
          <SimpleGrid cols={{ base: 1, sm: bothSubjects ? 3 : 2 }} spacing="sm">
            <ParamSelect
              name="state"
              label={t.state}
              all={gfa.common.all}
              options={REQUEST_STATES.map((s) => ({ value: s, label: REQUEST_STATE_TITLES[s] }))}
              params={params}
              update={update}
              testId="filter-state"
            />
            {bothSubjects && (
              <ParamSelect
                name="subject"
                label={t.subject}
                all={gfa.common.all}
                options={viewer.subjects.map((s) => ({ value: s, label: SUBJECT_TITLES[s] }))}
                params={params}
                update={update}
                testId="filter-subject"
              />
            )}
            <ProvinceFilter params={params} update={update} />
          </SimpleGrid>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <OverdueFilters params={params} update={update} clear={clear} waiting={viewer.waiting.map((s) => ({ state: s, title: REQUEST_STATE_TITLES[s] }))} />
            <ExportButtons path="/api/v1/grading/requests/export" filters={filters} />
          </Group>
        </FilterForm>

        <TotalLine total={list.data?.total ?? 0} overdue={{ count: list.data?.items.filter((i) => i.overdue).length ?? 0, text: t.overdueOnPage }} />

        <ListBody
          query={list}
          empty={t.empty}
          page={page}
          onPage={goPage}
          cardsTestId="requests-cards"
          render={(items) => ({
            table: (
              <ListTable heads={[t.colCode, t.colEntity, t.colGrades, t.colState, t.colCreated, t.colDue]} testId="requests-table">
                {items.map((r) => (
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
              </ListTable>
            ),
            cards: items.map((r) => (
              <CardLink key={r.id} to={`/app/grading/requests/${r.id}`} overdue={r.overdue} testId="request-card">
                <CardHead title={r.name} aside={<RequestStateBadge state={r.state} title={r.stateTitle} />}>
                  <Text size="xs" c="dimmed">
                    {SUBJECT_TITLES[r.subject]} — {r.place}
                  </Text>
                </CardHead>
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
            )),
          })}
        />
      </Stack>
    </Container>
  );
}
