import { Anchor, Button, Container, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { FilterForm, ListBody, ListTable, ParamSelect, pickParams, ProvinceFilter, SearchButtons, SearchInput, TotalLine, useTypedParam } from '../../../../web/staff/lists.js';
import { CardHead, CardLink, useListParams } from '../../../../web/staff/ui.js';
import type { CourseListItem } from '../../api-types.js';
import { COURSE_STATE_TITLES, COURSE_STATES } from '../../enums.js';
import { cfa } from './fa-courses.js';
import { ifa } from './fa.js';
import { API, BASE, CourseStateBadge, FieldFilter, InstHeader, jalaliText, Sub, useInstList, useInstViewer } from './shared.js';

const FILTERS = ['state', 'field', 'provinceId', 'q'] as const;
const t = cfa.list;
const c = ifa.common;

const placeText = (x: CourseListItem) => `${x.province ?? t.national} — ${x.modeTitle}`;
const datesText = (x: CourseListItem) => `${jalaliText(x.startsOn)} – ${jalaliText(x.endsOn)}`;
const link = (x: CourseListItem) => `${BASE}/courses/${x.id}`;
const instructorsText = (x: CourseListItem) => (x.instructors.length ? x.instructors.join('، ') : t.noInstructor);

function Row({ x }: { x: CourseListItem }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={link(x)} fw={700} size="sm" data-testid="course-link">
          {x.title}
        </Anchor>
        <Sub>{x.fieldTitle}</Sub>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{placeText(x)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="in-num">
          {datesText(x)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{instructorsText(x)}</Text>
      </Table.Td>
      <Table.Td>
        <CourseStateBadge state={x.state} title={x.stateTitle} />
      </Table.Td>
    </Table.Tr>
  );
}

function Card({ x }: { x: CourseListItem }) {
  return (
    <CardLink to={link(x)} testId="course-card">
      <CardHead title={x.title} aside={<CourseStateBadge state={x.state} title={x.stateTitle} />}>
        <Sub>{x.fieldTitle}</Sub>
      </CardHead>
      <Text size="xs" mt={6}>
        {placeText(x)}
      </Text>
      <Text size="xs" className="in-num">
        {datesText(x)}
      </Text>
      <Text size="xs">{instructorsText(x)}</Text>
    </CardLink>
  );
}

/**
 * `/app/instructors/courses`: the courses in the organizer's scope (state, field, province, title), each a link to its
 * page, with «دوره تازه».
 */
export default function CourseList() {
  usePageTitle(t.title);
  const viewer = useInstViewer();
  const { params, page, update, goPage, clear } = useListParams();
  const [q, setQ] = useTypedParam(params, 'q');

  const list = useInstList<CourseListItem>(`${API}/courses`, pickParams(params, FILTERS), page);
  const onSearch = () => update({ q: q.trim() || null });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <InstHeader
          title={t.title}
          extra={
            viewer.courses && (
              <Button component={Link} to={`${BASE}/courses/new`} size="sm" variant="outline" data-testid="new-course">
                {t.newCourse}
              </Button>
            )
          }
        />

        <FilterForm label={t.filters} onSearch={onSearch}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: viewer.courseProvince ? 3 : 4 }} spacing="sm">
            <SearchInput value={q} onChange={setQ} placeholder={t.searchHint} />
            <ParamSelect
              name="state"
              label={t.state}
              all={c.all}
              options={COURSE_STATES.map((s) => ({ value: s, label: COURSE_STATE_TITLES[s] }))}
              params={params}
              update={update}
              testId="filter-state"
            />
            <FieldFilter params={params} update={update} />
            {!viewer.courseProvince && <ProvinceFilter params={params} update={update} />}
          </SimpleGrid>
          <SearchButtons clear={clear} />
        </FilterForm>

        <TotalLine total={list.data?.total ?? 0} />

        <ListBody
          query={list}
          empty={t.empty}
          page={page}
          onPage={goPage}
          cardsTestId="course-cards"
          render={(items) => ({
            table: (
              <ListTable heads={[t.colTitle, t.colPlace, t.colDates, t.colInstructors, t.colState]} testId="courses-table">
                {items.map((x) => (
                  <Row key={x.id} x={x} />
                ))}
              </ListTable>
            ),
            cards: items.map((x) => <Card key={x.id} x={x} />),
          })}
        />
      </Stack>
    </Container>
  );
}
