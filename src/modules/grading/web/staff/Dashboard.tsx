import '@mantine/charts/styles.css';
import type { ReactNode } from 'react';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Container, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { EmptyCard, QueryStatus } from '../../../../web/staff/ui.js';
import type { Dashboard as DashboardData } from '../../api-types.js';
import { MAX_GRADE, type Subject } from '../../enums.js';
import { downloadCsv } from '../../../../web/download.js';
import { dfa } from './fa-dashboard.js';
import { GradingHeader, RequestStateBadge, useGradingViewer } from './shared.js';

type ProvinceRow = DashboardData['byProvince'][number];

const fmt = (n: number) => faNumber(n);
const requestsLink = (subject: Subject, filter: Record<string, string>) => `/app/grading/requests?${new URLSearchParams({ subject, ...filter })}`;

/** One colour per grade, light (grade 1) to deep (the highest grade): the grades are ordered. */
function gradeColors(max: number): string[] {
  return Array.from({ length: max }, (_, i) => `hsl(200 65% ${Math.round(84 - (i * 62) / Math.max(1, max - 1))}%)`);
}

const PROVINCE_COLUMNS: { key: keyof Omit<ProvinceRow, 'provinceId' | 'name'>; title: string; alert?: boolean }[] = [
  { key: 'open', title: dfa.open },
  { key: 'approved', title: dfa.approved },
  { key: 'rejected', title: dfa.rejected },
  { key: 'overdue', title: dfa.overdue, alert: true },
];

function provinceTotals(rows: ProvinceRow[]): Omit<ProvinceRow, 'provinceId' | 'name'> {
  return rows.reduce((t, r) => ({ open: t.open + r.open, approved: t.approved + r.approved, rejected: t.rejected + r.rejected, overdue: t.overdue + r.overdue }), { open: 0, approved: 0, rejected: 0, overdue: 0 });
}

function exportProvinces(d: DashboardData) {
  const total = provinceTotals(d.byProvince);
  downloadCsv(`${dfa.fileProvinces}-${dfa.subjects[d.subject]}`, [
    [dfa.province, ...PROVINCE_COLUMNS.map((c) => c.title)],
    ...d.byProvince.map((r) => [r.name, ...PROVINCE_COLUMNS.map((c) => r[c.key])]),
    [dfa.total, ...PROVINCE_COLUMNS.map((c) => total[c.key])],
  ]);
}

function exportSteps(d: DashboardData) {
  downloadCsv(`${dfa.fileSteps}-${dfa.subjects[d.subject]}`, [[dfa.step, dfa.avgDays, dfa.stepCount], ...d.stepTimes.map((s) => [s.title, s.avgDays === null ? null : Math.round(s.avgDays * 10) / 10, s.count])]);
}

function exportDistribution(d: DashboardData) {
  const grades = Array.from({ length: MAX_GRADE[d.subject] }, (_, i) => i + 1);
  downloadCsv(`${dfa.fileDistribution}-${dfa.subjects[d.subject]}`, [
    [dfa.province, ...grades.map((g) => dfa.grade(String(g)))],
    ...d.distribution.map((p) => [p.name, ...grades.map((g) => p.grades[g] ?? 0)]),
  ]);
}

// ---- parts ----

function Section({ id, title, hint, children, testId }: { id: string; title: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" id={id} mb={hint ? 4 : 'md'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="md">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** The requests of each state, each a link to the list of that state. */
function ByState({ d }: { d: DashboardData }) {
  const total = d.byState.reduce((s, x) => s + x.count, 0);
  return (
    <Section id="dash-states" title={dfa.byState} hint={dfa.byStateHint} testId="dash-states">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {d.byState.map((x) => (
          <li key={x.state}>
            <Paper
              withBorder
              p="sm"
              radius="md"
              component={Link}
              to={requestsLink(d.subject, { state: x.state })}
              className="st-card-link"
              aria-label={dfa.listOf(x.title, fmt(x.count))}
              data-testid={`state-${x.state}`}
              style={{ height: '100%' }}
            >
              <Stack gap={6} align="flex-start">
                <RequestStateBadge state={x.state} title={x.title} />
                <Text fz={28} fw={700} lh={1.1} data-testid="count">
                  {fmt(x.count)}
                </Text>
              </Stack>
            </Paper>
          </li>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="sm" data-testid="dash-total">
        {dfa.totalRequests(fmt(total))}
      </Text>
    </Section>
  );
}

function ByProvince({ d }: { d: DashboardData }) {
  const total = provinceTotals(d.byProvince);
  return (
    <Section id="dash-provinces" title={dfa.byProvince} testId="dash-provinces">
      {d.byProvince.length === 0 ? (
        <Text c="dimmed" size="sm">
          {dfa.noRequests}
        </Text>
      ) : (
        <Table.ScrollContainer type="native" minWidth={300}>
          <Table verticalSpacing="xs" horizontalSpacing="xs" highlightOnHover withColumnBorders aria-labelledby="dash-provinces" data-testid="province-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{dfa.province}</Table.Th>
                {PROVINCE_COLUMNS.map((c) => (
                  <Table.Th key={c.key} scope="col">
                    {c.title}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.byProvince.map((r) => (
                <Table.Tr key={r.provinceId} data-testid="province-row" data-province-id={r.provinceId}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={requestsLink(d.subject, { provinceId: String(r.provinceId) })} aria-label={dfa.provinceRequests(r.name)}>
                      {r.name}
                    </Anchor>
                  </Table.Th>
                  {PROVINCE_COLUMNS.map((c) => (
                    <Table.Td key={c.key} c={c.alert && r[c.key] ? 'red.9' : undefined} fw={c.alert && r[c.key] ? 700 : undefined} data-col={c.key}>
                      {fmt(r[c.key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="province-total">
                <Table.Th scope="row">{dfa.total}</Table.Th>
                {PROVINCE_COLUMNS.map((c) => (
                  <Table.Td key={c.key} fw={700} c={c.alert && total[c.key] ? 'red.9' : undefined} data-col={c.key}>
                    {fmt(total[c.key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

// Axis ticks in Persian digits; in RTL the value axis runs right to left and the category labels sit on the right.
const valueAxis = { tickFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v)), reversed: true, allowDecimals: false };
const categoryAxis = (width: number) => ({ width, orientation: 'right' as const, tick: { fontSize: width < 140 ? 11 : 12 } });

function StepTimes({ d, phone }: { d: DashboardData; phone: boolean }) {
  const done = d.stepTimes.filter((s) => s.avgDays !== null && s.count > 0);
  return (
    <Section id="dash-steps" title={dfa.stepTimes} hint={dfa.stepTimesHint} testId="dash-steps">
      {done.length === 0 ? (
        <Text c="dimmed" size="sm">
          {dfa.noStepTimes}
        </Text>
      ) : (
        <Stack gap="md">
          <BarChart
            h={Math.max(180, done.length * 44 + 50)}
            data={done.map((s) => ({ name: s.title, days: Math.round((s.avgDays ?? 0) * 10) / 10 }))}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'days', label: dfa.days, color: 'civic.6' }]}
            valueFormatter={(v) => faNumber(v, 1)}
            xAxisProps={{ ...valueAxis, allowDecimals: true }}
            yAxisProps={categoryAxis(phone ? 130 : 190)}
          />
          <Table verticalSpacing={4} aria-labelledby="dash-steps" data-testid="step-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{dfa.step}</Table.Th>
                <Table.Th scope="col">{dfa.avgDays}</Table.Th>
                <Table.Th scope="col">{dfa.stepCount}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.stepTimes.map((s) => (
                <Table.Tr key={s.state} data-state={s.state}>
                  <Table.Th scope="row" fw={400}>
                    {s.title}
                  </Table.Th>
                  <Table.Td>{faNumber(s.avgDays, 1)}</Table.Td>
                  <Table.Td>{fmt(s.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Section>
  );
}

/** The chart series key of a grade. */
const gradeKey = (g: number) => `g${g}`;

function Distribution({ d, phone }: { d: DashboardData; phone: boolean }) {
  const max = MAX_GRADE[d.subject];
  const grades = Array.from({ length: max }, (_, i) => i + 1);
  const colors = gradeColors(max);
  const rows = d.distribution.filter((p) => grades.some((g) => (p.grades[g] ?? 0) > 0));
  // The chart's series: the grades someone holds (each in its own colour of the whole scale).
  const held = grades.filter((g) => rows.some((p) => (p.grades[g] ?? 0) > 0));
  return (
    <Section id="dash-distribution" title={dfa.distribution} hint={dfa.distributionHint(dfa.subjects[d.subject])} testId="dash-distribution">
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {dfa.noDistribution}
        </Text>
      ) : (
        <Stack gap="md">
          <BarChart
            h={Math.max(220, rows.length * 34 + 90)}
            data={rows.map((p) => ({ name: p.name, ...Object.fromEntries(held.map((g) => [gradeKey(g), p.grades[g] ?? 0])) }))}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            series={held.map((g) => ({ name: gradeKey(g), label: dfa.grade(faNumber(g)), color: colors[g - 1]! }))}
            valueFormatter={fmt}
            withLegend
            // The legend in grade order, laid out right to left (it wraps like the text around it).
            legendProps={{ verticalAlign: 'bottom', itemSorter: (item) => Number(String(item.dataKey).slice(1)) }}
            styles={{ legend: { direction: 'rtl', justifyContent: 'flex-start' } }}
            xAxisProps={valueAxis}
            yAxisProps={categoryAxis(phone ? 90 : 120)}
            data-testid="distribution-chart"
          />
          <details>
            <summary style={{ cursor: 'pointer', minHeight: 44, display: 'flex', alignItems: 'center' }}>{dfa.showTable}</summary>
            <Table.ScrollContainer type="native" minWidth={480}>
              <Table verticalSpacing={4} withColumnBorders aria-label={dfa.distributionTable} data-testid="distribution-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{dfa.province}</Table.Th>
                    {grades.map((g) => (
                      <Table.Th key={g} scope="col">
                        {dfa.grade(faNumber(g))}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((p) => (
                    <Table.Tr key={p.provinceId}>
                      <Table.Th scope="row" fw={500}>
                        {p.name}
                      </Table.Th>
                      {grades.map((g) => (
                        <Table.Td key={g}>
                          {fmt(p.grades[g] ?? 0)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </details>
        </Stack>
      )}
    </Section>
  );
}

function Exports({ d }: { d: DashboardData }) {
  const base = `/api/v1/grading/requests/export`;
  return (
    <Section id="dash-exports" title={dfa.exports} hint={dfa.exportsHint} testId="dash-exports">
      <Group gap="sm" wrap="wrap">
        <Button variant="default" size="sm" onClick={() => exportProvinces(d)} disabled={d.byProvince.length === 0} data-testid="csv-provinces">
          {dfa.csvProvinces}
        </Button>
        <Button variant="default" size="sm" onClick={() => exportSteps(d)} data-testid="csv-steps">
          {dfa.csvSteps}
        </Button>
        <Button variant="default" size="sm" onClick={() => exportDistribution(d)} disabled={d.distribution.length === 0} data-testid="csv-distribution">
          {dfa.csvDistribution}
        </Button>
        <Button variant="light" size="sm" component="a" href={`${base}.csv?subject=${d.subject}`} download data-testid="export-csv">
          {dfa.requestsCsv}
        </Button>
        <Button variant="light" size="sm" component="a" href={`${base}.xlsx?subject=${d.subject}`} download data-testid="export-xlsx">
          {dfa.requestsXlsx}
        </Button>
      </Group>
    </Section>
  );
}

/**
 * `/app/grading/dashboard`: the upgrade requests of the viewer's scope by state (each a link to the list) and by
 * province, the average working days of each review step, the grade distribution by province, and exports (the
 * tables as CSV built here, the full request list from the server). Municipalities and dehyaris each have a tab
 * (`?subject=`) for viewers who deal with both.
 */
export default function Dashboard() {
  usePageTitle(dfa.title);
  const viewer = useGradingViewer();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const [params, setParams] = useSearchParams();
  const asked = params.get('subject') as Subject | null;
  const subject: Subject | undefined = asked && viewer.subjects.includes(asked) ? asked : viewer.subjects[0];

  const q = useQuery({
    queryKey: ['grading', 'dashboard', subject],
    queryFn: ({ signal }) => api.get<DashboardData>(`/api/v1/grading/dashboard?subject=${subject}`, signal),
    enabled: viewer.dashboard && !!subject,
    placeholderData: keepPreviousData,
  });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <GradingHeader title={dfa.title} />
        {!viewer.dashboard || !subject ? (
          <EmptyCard>{dfa.noAccess}</EmptyCard>
        ) : (
          <>
            {viewer.subjects.length > 1 && (
              <SegmentedControl
                aria-label={dfa.subject}
                value={subject}
                onChange={(v) => setParams({ subject: v }, { replace: true })}
                data={viewer.subjects.map((s) => ({ value: s, label: dfa.subjects[s] }))}
                style={{ alignSelf: 'flex-start' }}
                data-testid="dash-subject"
              />
            )}
            {q.isPending || q.isError ? (
              <QueryStatus query={q} />
            ) : (
              <Stack gap="lg" aria-busy={q.isFetching} data-testid="dashboard" data-subject={q.data.subject}>
                <ByState d={q.data} />
                <ByProvince d={q.data} />
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                  <StepTimes d={q.data} phone={phone} />
                  <Distribution d={q.data} phone={phone} />
                </SimpleGrid>
                <Exports d={q.data} />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
