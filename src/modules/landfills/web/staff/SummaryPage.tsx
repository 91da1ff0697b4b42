import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Container, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { EmptyCard, QueryStatus, scrollRegion, useProvinces } from '../../../../web/staff/ui.js';
import type { Summary, SummaryRow } from '../../api-types.js';
import { SITE_KINDS, SITE_STATUS_TITLES, SITE_STATUSES } from '../../enums.js';
import { downloadCsv } from '../../../../web/download.js';
import { lfa } from './fa.js';
import { KIND_COLORS, kindTitle, LandfillsHeader, useLandfillViewer } from './shared.js';

const t = lfa.summary;

/** The table's columns after the area's name: title and value (a number, or null for «—»). */
const COLUMNS: { title: string; group?: string; value: (r: SummaryRow) => number | null; digits?: number; alert?: boolean }[] = [
  { title: t.sites, value: (r) => r.sites },
  ...SITE_KINDS.map((k) => ({ title: kindTitle(k), group: t.byKind, value: (r: SummaryRow) => r.byKind[k] ?? 0 })),
  ...SITE_STATUSES.map((s) => ({ title: SITE_STATUS_TITLES[s], group: t.byStatus, value: (r: SummaryRow) => r.byStatus[s] ?? 0 })),
  { title: t.unverified, value: (r) => r.unverified, alert: true },
  { title: t.sensitiveActive, value: (r) => r.sensitiveActive, alert: true },
  { title: t.intake, value: (r) => r.dailyIntakeT, digits: 1 },
  { title: t.remainingTons, value: (r) => r.remainingTons },
  { title: t.remainingYears, value: (r) => r.remainingYears, digits: 1 },
  { title: t.nearlyFull, value: (r) => r.nearlyFull, alert: true },
];

/** The table as a CSV file, downloaded in the browser. */
function downloadSummary(s: Summary, areaTitle: string) {
  const head = [areaTitle, ...COLUMNS.map((c) => (c.group ? `${c.group} — ${c.title}` : c.title))];
  const line = (r: SummaryRow, name: string) => [name, ...COLUMNS.map((c) => c.value(r))];
  downloadCsv(`${t.fileName}-${s.scope.name}`, [head, ...s.rows.map((r) => line(r, r.name)), line(s.total, t.total)]);
}

function Cell({ row, c }: { row: SummaryRow; c: (typeof COLUMNS)[number] }) {
  const v = c.value(row);
  return (
    <Table.Td className="lf-num" c={c.alert && v ? 'red.9' : undefined} fw={c.alert && v ? 700 : undefined}>
      {faNumber(v, c.digits ?? 0)}
    </Table.Td>
  );
}

/**
 * `/app/landfills/summary`: number, capacity and state of the sites by area (provinces for the country, the areas
 * below for a province), with the total row, a chart of the sites by kind, the density used for volumes, and the
 * table as CSV. A national viewer chooses the country or a province.
 */
export default function SummaryPage() {
  usePageTitle(t.title);
  const viewer = useLandfillViewer();
  const wide = viewer.national || viewer.scopes.length === 0;
  const provinces = useProvinces(wide);
  const [params, setParams] = useSearchParams();
  const divisionId = wide ? (params.get('divisionId') ?? '') : String(viewer.scopes[0]?.id ?? '');
  const q = useQuery({
    queryKey: ['landfills', 'summary', divisionId],
    queryFn: ({ signal }) => api.get<Summary>(`/api/v1/landfills/summary${divisionId ? `?divisionId=${divisionId}` : ''}`, signal),
    placeholderData: keepPreviousData,
  });
  const s = q.data;
  const areaTitle = s && s.scope.divisionId === null ? t.province : t.scope;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <LandfillsHeader title={t.title} />

        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          {wide ? (
            <NativeSelect
              label={t.scope}
              value={divisionId}
              onChange={(e) => setParams(e.currentTarget.value ? { divisionId: e.currentTarget.value } : {})}
              data={[{ value: '', label: t.country }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
              w={240}
              data-testid="summary-scope"
            />
          ) : (
            <Text fw={700}>
              {t.scope}: {s?.scope.name ?? lfa.common.none}
            </Text>
          )}
          {s && s.total.sites > 0 && (
            <Button variant="default" size="sm" onClick={() => downloadSummary(s, areaTitle)} data-testid="summary-export">
              {t.export}
            </Button>
          )}
        </Group>

        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : q.data.total.sites === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <>
            <Paper withBorder radius="md" component="section" aria-labelledby="summary-table-title" aria-busy={q.isFetching}>
              <Title order={2} size="h4" id="summary-table-title" p="md" pb={0}>
                {t.tableTitle} — {q.data.scope.name}
              </Title>
              <div className="lf-scroll" {...scrollRegion('summary-table-title')}>
                <Table className="lf-summary" verticalSpacing="xs" highlightOnHover withColumnBorders data-testid="summary-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th rowSpan={2}>{areaTitle}</Table.Th>
                      <Table.Th rowSpan={2}>{t.sites}</Table.Th>
                      <Table.Th colSpan={SITE_KINDS.length}>{t.byKind}</Table.Th>
                      <Table.Th colSpan={SITE_STATUSES.length}>{t.byStatus}</Table.Th>
                      {COLUMNS.filter((c) => !c.group && c.title !== t.sites).map((c) => (
                        <Table.Th key={c.title} rowSpan={2}>
                          {c.title}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                    <Table.Tr>
                      {COLUMNS.filter((c) => c.group).map((c) => (
                        <Table.Th key={`${c.group}-${c.title}`}>{c.title}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.data.rows.map((r) => (
                      <Table.Tr key={r.divisionId ?? r.name}>
                        <Table.Td fw={500}>{r.name}</Table.Td>
                        {COLUMNS.map((c) => (
                          <Cell key={`${c.group ?? ''}-${c.title}`} row={r} c={c} />
                        ))}
                      </Table.Tr>
                    ))}
                    <Table.Tr data-total="true" data-testid="summary-total">
                      <Table.Td>{t.total}</Table.Td>
                      {COLUMNS.map((c) => (
                        <Cell key={`${c.group ?? ''}-${c.title}`} row={q.data.total} c={c} />
                      ))}
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </div>
              <Text size="xs" c="dimmed" p="md" pt="xs" data-testid="summary-density">
                {t.density(faNumber(q.data.densityTPerM3, 2))}
              </Text>
            </Paper>

            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="summary-chart-title">
              <Title order={2} size="h4" id="summary-chart-title" mb="md">
                {t.chartTitle}
              </Title>
              <BarChart
                h={Math.max(220, q.data.rows.length * 34 + 60)}
                data={q.data.rows.map((r) => ({ name: r.name, ...r.byKind }))}
                dataKey="name"
                type="stacked"
                orientation="vertical"
                series={SITE_KINDS.map((k) => ({ name: k, label: kindTitle(k), color: KIND_COLORS[k] }))}
                valueFormatter={(v) => faNumber(v)}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                xAxisProps={{ tickFormatter: (v: unknown) => (typeof v === 'number' ? faNumber(v) : String(v)), reversed: true, allowDecimals: false }}
                yAxisProps={{ width: 110, orientation: 'right', tick: { fontSize: 12 } }}
              />
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
