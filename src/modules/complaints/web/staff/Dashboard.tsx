import '@mantine/charts/styles.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Button, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parseJalaliDate, toAsciiDigits, toPersianDigits } from '../../../../core/fa/index.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { cfa } from '../fa.js';
import { sfa } from './fa.js';
import { faNumber } from '../../../../web/format.js';
import { QueryStatus, useProvinces } from '../../../../web/staff/ui.js';
import type { Stats } from '../types.js';
import { ComplaintsHeader } from './shared.js';

const STATE_COLORS: Record<string, string> = {
  submitted: 'blue.6',
  in_progress: 'civic.6',
  needs_info: 'orange.6',
  answered: 'green.6',
  reopened: 'grape.6',
  closed: 'gray.6',
  rejected: 'red.4',
  duplicate: 'gray.4',
  withdrawn: 'yellow.5',
};

const fmt = (n: number) => faNumber(n);

function StatCard({ label, value, tone, testId }: { label: string; value: string; tone?: 'red' | undefined; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="cs-stat-value" c={tone === 'red' ? 'red.8' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="md">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed" size="sm">
          {sfa.dash.noData}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

// Axis ticks in Persian digits; in RTL the value axis sits on the right and categories run right to left.
const valueAxis = { tickFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v)), orientation: 'right' as const, allowDecimals: false };

/**
 * `/app/complaints/dashboard`: totals, SLA compliance, average time to answer and satisfaction of the complaints
 * in the user's scope, and charts by state, category, province and Jalali month. Period and province filters.
 */
export default function Dashboard() {
  usePageTitle(sfa.dash.title);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [applied, setApplied] = useState<{ from?: string; to?: string; provinceId?: string }>({});

  const provinces = useProvinces();

  const qs = new URLSearchParams();
  if (applied.from) qs.set('from', applied.from);
  if (applied.to) qs.set('to', applied.to);
  if (applied.provinceId) qs.set('provinceId', applied.provinceId);
  const stats = useQuery({
    queryKey: ['complaints', 'stats', qs.toString()],
    queryFn: ({ signal }) => api.get<Stats>(`/api/v1/complaints/stats?${qs}`, signal),
    placeholderData: keepPreviousData,
  });

  function apply(e: FormEvent) {
    e.preventDefault();
    const errs: { from?: string; to?: string } = {};
    if (from.trim() && !parseJalaliDate(from)) errs.from = sfa.staff.dateInvalid;
    if (to.trim() && !parseJalaliDate(to)) errs.to = sfa.staff.dateInvalid;
    setErrors(errs);
    if (errs.from || errs.to) return;
    setApplied((a) => ({ ...a, from: toAsciiDigits(from.trim()) || undefined, to: toAsciiDigits(to.trim()) || undefined }));
  }

  const s = stats.data;
  const percent = (r: number | null | undefined) => (r == null ? cfa.common.none : `${faNumber(r * 100)}٪`);

  return (
    <Container size="xl">
      <Stack gap="lg">
        <ComplaintsHeader title={sfa.dash.title} />

        <Paper withBorder p="md" radius="md" component="form" onSubmit={apply} aria-label={sfa.dash.period}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={sfa.staff.from}
              placeholder={sfa.staff.dateHint}
              value={toPersianDigits(from)}
              onChange={(e) => setFrom(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
              error={errors.from}
              classNames={{ input: 'st-ltr' }}
              inputMode="numeric"
              w={160}
            />
            <TextInput
              label={sfa.staff.to}
              placeholder={sfa.staff.dateHint}
              value={toPersianDigits(to)}
              onChange={(e) => setTo(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
              error={errors.to}
              classNames={{ input: 'st-ltr' }}
              inputMode="numeric"
              w={160}
            />
            <NativeSelect
              label={sfa.dash.province}
              value={applied.provinceId ?? ''}
              onChange={(e) => setApplied((a) => ({ ...a, provinceId: e.currentTarget.value || undefined }))}
              data={[{ value: '', label: sfa.dash.allProvinces }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
              w={200}
            />
            <Button type="submit">{sfa.staff.apply}</Button>
          </Group>
        </Paper>

        {stats.isPending || stats.isError ? (
          <QueryStatus query={stats} />
        ) : (
          s && (
            <>
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" data-testid="stat-cards">
                <StatCard testId="stat-total" label={sfa.dash.total} value={fmt(s.total)} />
                <StatCard testId="stat-open" label={sfa.dash.open} value={fmt(s.open)} />
                <StatCard testId="stat-overdue" label={sfa.dash.overdue} value={fmt(s.overdue)} tone={s.overdue > 0 ? 'red' : undefined} />
                <StatCard testId="stat-sla" label={sfa.dash.sla} value={percent(s.sla.compliance)} />
                <StatCard
                  testId="stat-answer"
                  label={sfa.dash.avgAnswer}
                  value={s.answerTime.avgWorkingDays == null ? cfa.common.none : cfa.common.days(faNumber(s.answerTime.avgWorkingDays, 1))}
                />
                <StatCard testId="stat-satisfaction" label={sfa.dash.satisfaction} value={s.satisfaction.average == null ? cfa.common.none : sfa.dash.ofFive(faNumber(s.satisfaction.average, 1))} />
              </SimpleGrid>

              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <ChartCard title={sfa.dash.byState} empty={s.total === 0}>
                  <Group justify="center">
                    <DonutChart
                      data={s.byState.filter((x) => x.count > 0).map((x) => ({ name: x.title, value: x.count, color: STATE_COLORS[x.state] ?? 'gray.5' }))}
                      valueFormatter={fmt}
                      withLabelsLine={false}
                      thickness={28}
                      size={200}
                      chartLabel={fmt(s.total)}
                      tooltipDataSource="segment"
                    />
                  </Group>
                  <Group gap="xs" mt="md" justify="center" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {s.byState
                      .filter((x) => x.count > 0)
                      .map((x) => (
                        <Group key={x.state} gap={6} component="li" wrap="nowrap">
                          <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${(STATE_COLORS[x.state] ?? 'gray.5').replace('.', '-')})` }} />
                          <Text size="xs">
                            {x.title}: {fmt(x.count)}
                          </Text>
                        </Group>
                      ))}
                  </Group>
                </ChartCard>

                <ChartCard title={sfa.dash.byMonth} empty={s.byMonth.every((m) => m.count === 0)}>
                  <LineChart
                    h={260}
                    data={s.byMonth.map((m) => ({ label: m.label, count: m.count }))}
                    dataKey="label"
                    series={[{ name: 'count', label: sfa.dash.count, color: 'civic.6' }]}
                    curveType="monotone"
                    valueFormatter={fmt}
                    xAxisProps={{ reversed: true, interval: 'preserveStartEnd', tickMargin: 8 }}
                    yAxisProps={valueAxis}
                    withDots
                  />
                </ChartCard>

                <ChartCard title={sfa.dash.byCategory} empty={s.byCategory.length === 0}>
                  <BarChart
                    h={Math.max(200, s.byCategory.length * 36)}
                    data={s.byCategory.map((c) => ({ name: c.name, count: c.count }))}
                    dataKey="name"
                    orientation="vertical"
                    series={[{ name: 'count', label: sfa.dash.count, color: 'civic.6' }]}
                    valueFormatter={fmt}
                    xAxisProps={{ tickFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v)), reversed: true, allowDecimals: false }}
                    yAxisProps={{ width: 150, orientation: 'right', tick: { fontSize: 12 } }}
                  />
                </ChartCard>

                <ChartCard title={sfa.dash.byProvince} empty={s.byProvince.length === 0}>
                  <BarChart
                    h={Math.max(200, s.byProvince.length * 36)}
                    data={s.byProvince.map((p) => ({ name: p.name, count: p.count }))}
                    dataKey="name"
                    orientation="vertical"
                    series={[{ name: 'count', label: sfa.dash.count, color: 'teal.6' }]}
                    valueFormatter={fmt}
                    xAxisProps={{ tickFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v)), reversed: true, allowDecimals: false }}
                    yAxisProps={{ width: 110, orientation: 'right', tick: { fontSize: 12 } }}
                  />
                </ChartCard>
              </SimpleGrid>
            </>
          )
        )}
      </Stack>
    </Container>
  );
}
