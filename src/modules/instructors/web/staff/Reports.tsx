import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Button, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { PageSection } from '../../../../web/staff/case.js';
import { QueryStatus, scrollRegion, useProvinces } from '../../../../web/staff/ui.js';
import type { Reports as ReportsData } from '../../api-types.js';
import { INSTRUCTOR_STATUSES } from '../../enums.js';
import { kfa } from './fa-criteria.js';
import { ifa } from './fa.js';
import { API, InstHeader, StatusBadge, useInstViewer } from './shared.js';

const t = kfa.reports;
const TOTALS = ['instructors', 'qualified', 'inReview', 'expiringSoon', 'courses', 'ratings'] as const;

function Totals({ d }: { d: ReportsData }) {
  return (
    <PageSection id="rep-totals" title={t.totals} testId="rep-totals">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="ul" className="in-plain">
        {TOTALS.map((k) => (
          <Paper key={k} withBorder p="sm" radius="md" component="li" data-testid={`total-${k}`}>
            <Text size="sm">{t.total[k]}</Text>
            <Text className="in-stat">{faNumber(d.totals[k])}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group gap="sm" mt="md" wrap="wrap" aria-label={t.byStatus} data-testid="by-status">
        {INSTRUCTOR_STATUSES.map((s) => (
          <Group key={s} gap={4} wrap="nowrap">
            <StatusBadge status={s} />
            <Text size="sm" fw={700}>
              {faNumber(d.byStatus[s] ?? 0)}
            </Text>
          </Group>
        ))}
      </Group>
    </PageSection>
  );
}

/**
 * The field × province table: provinces down, fields across, each cell the in-person count; a gap (no in-person and no
 * online instructor) says «کمبود» in a hatched cell, a cell with only online instructors says «فقط برخط»; the online
 * counts make the last row.
 */
function Coverage({ d, qs }: { d: ReportsData; qs: string }) {
  const gaps = new Set(d.gaps.map((g) => `${g.field}:${g.provinceId}`));
  return (
    <PageSection
      id="rep-coverage"
      title={t.coverage}
      hint={t.coverageHint}
      testId="rep-coverage"
      extra={
        <Group gap="xs">
          <Button component="a" href={`${API}/reports/coverage.csv${qs}`} download variant="default" size="xs" data-testid="coverage-csv">
            {ifa.common.exportCsv}
          </Button>
          <Button component="a" href={`${API}/reports/coverage.xlsx${qs}`} download variant="default" size="xs" data-testid="coverage-xlsx">
            {ifa.common.exportXlsx}
          </Button>
        </Group>
      }
    >
      <Text size="sm" mb="xs">
        {t.legend}
      </Text>
      <Text size="sm" fw={700} mb="xs" c={d.gaps.length ? 'red.9' : 'green.9'} data-testid="gap-count">
        {d.gaps.length ? t.gaps(faNumber(d.gaps.length)) : t.noGaps}
      </Text>
      <div className="in-scroll" {...scrollRegion('rep-coverage-title')}>
        <Table withColumnBorders verticalSpacing={4} horizontalSpacing="xs" className="in-coverage" aria-labelledby="rep-coverage-title" data-testid="coverage-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.province}</Table.Th>
              {d.fields.map((f) => (
                <Table.Th key={f.key} scope="col">
                  {f.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.provinces.map((p) => (
              <Table.Tr key={p.id} data-province-id={p.id}>
                <Table.Th scope="row" fw={500}>
                  {p.name}
                </Table.Th>
                {d.fields.map((f) => {
                  const n = d.counts[f.key]?.[p.id] ?? 0;
                  const gap = gaps.has(`${f.key}:${p.id}`);
                  const onlineOnly = !gap && n === 0;
                  return (
                    <Table.Td key={f.key} data-gap={gap || undefined} data-online-only={onlineOnly || undefined} data-field={f.key}>
                      {gap ? t.gap : onlineOnly ? t.onlineOnly : faNumber(n)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="online-row">
              <Table.Th scope="row">{t.online}</Table.Th>
              {d.fields.map((f) => (
                <Table.Td key={f.key} fw={700}>
                  {faNumber(d.online[f.key] ?? 0)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
      {d.gaps.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer', minHeight: 44, display: 'flex', alignItems: 'center' }}>{t.gapsList}</summary>
          <Stack gap={4} component="ul" className="in-plain" data-testid="gaps-list">
            {gapsByProvince(d).map(([province, fields]) => (
              <Text key={province} component="li" size="sm">
                <b>{province}</b>: {fields.join('، ')}
              </Text>
            ))}
          </Stack>
        </details>
      )}
    </PageSection>
  );
}

/** The gaps grouped by province, in the order of the table. */
function gapsByProvince(d: ReportsData): Array<[string, string[]]> {
  const by = new Map<string, string[]>();
  for (const g of d.gaps) by.set(g.province, [...(by.get(g.province) ?? []), g.fieldTitle]);
  return d.provinces.filter((p) => by.has(p.name)).map((p) => [p.name, by.get(p.name)!]);
}

const monthText = (m: string) => toPersianDigits(m);

function Trend({ d }: { d: ReportsData }) {
  const rated = d.trend.filter((m) => m.count > 0);
  return (
    <PageSection id="rep-trend" title={t.trend} hint={t.trendHint} testId="rep-trend">
      {rated.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noTrend}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <LineChart
            h={320}
            data={d.trend.map((m) => ({ month: monthText(m.month), mean: m.mean }))}
            dataKey="month"
            series={[{ name: 'mean', label: t.mean, color: 'civic.6' }]}
            valueFormatter={(v) => faNumber(v, 2)}
            connectNulls
            curveType="linear"
            yAxisProps={{ domain: [1, 5], tickFormatter: (v: number) => faNumber(v), orientation: 'right' }}
            xAxisProps={{ reversed: true }}
            data-testid="trend-chart"
          />
          <Table verticalSpacing={4} aria-label={t.trend} data-testid="trend-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.month}</Table.Th>
                <Table.Th scope="col">{t.count}</Table.Th>
                <Table.Th scope="col">{t.mean}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.trend.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={400} className="in-num">
                    {monthText(m.month)}
                  </Table.Th>
                  <Table.Td>{faNumber(m.count)}</Table.Td>
                  <Table.Td>{faNumber(m.mean, 2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </PageSection>
  );
}

/**
 * `/app/instructors/reports`: totals and instructors by status, the coverage of each field in each province (gaps
 * marked in words), online instructors per field, the monthly trend of trainees' ratings, and exports of the
 * coverage table. A national viewer may narrow it to one province; a province grant sees its own.
 */
export default function Reports() {
  usePageTitle(t.title);
  const viewer = useInstViewer();
  const [params, setParams] = useSearchParams();
  const national = !viewer.courseProvince;
  const provinces = useProvinces(national);
  const provinceId = params.get('provinceId') ?? '';
  const q = useQuery({
    queryKey: ['instructors', 'reports', provinceId],
    queryFn: ({ signal }) => api.get<ReportsData>(`${API}/reports${provinceId ? `?provinceId=${provinceId}` : ''}`, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Container size="xl">
      <Stack gap="lg">
        <InstHeader title={t.title} />
        {national && (
          <NativeSelect
            label={ifa.common.province}
            value={provinceId}
            onChange={(e) => setParams(e.currentTarget.value ? { provinceId: e.currentTarget.value } : {}, { replace: true })}
            data={[{ value: '', label: ifa.common.allProvinces }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
            style={{ maxWidth: '20rem' }}
            data-testid="reports-province"
          />
        )}
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : (
          <Stack gap="lg" aria-busy={q.isFetching} data-testid="reports">
            <Totals d={q.data} />
            <Coverage d={q.data} qs={provinceId ? `?provinceId=${provinceId}` : ''} />
            <Trend d={q.data} />
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
