import './plan.css';
import { Anchor, Container, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { EmptyCard, QueryStatus } from '../../../../web/staff/ui.js';
import type { ScenarioView } from '../../api-types.js';
import { fp, units } from './fa-plan.js';
import { PlanMap } from './PlanMap.js';
import { gapText } from './scenario-plan.js';
import { ScenarioStateBadge } from './shared.js';

const t = fp.compare;

interface Row {
  key: string;
  label: string;
  /** the value compared (null: not known) */
  value: (v: ScenarioView) => number | null;
  /** what the cell shows */
  show: (v: ScenarioView) => string;
  /** which end is better; null when neither is (a parameter) */
  better: 'min' | 'max' | null;
}

const solved = (v: ScenarioView) => (v.state === 'done' ? v.result : null);

const ROWS: Row[] = [
  {
    key: 'mode',
    label: t.rowMode,
    value: () => null,
    show: (v) => (v.params.p !== null ? fp.scenario.pValue(faNumber(v.params.p)) : fp.scenario.openCostValue(faNumber(v.params.openCost, 2))),
    better: null,
  },
  { key: 'villages', label: t.rowVillages, value: (v) => v.villages, show: (v) => faNumber(v.villages), better: null },
  { key: 'demand', label: t.rowDemand, value: (v) => v.totalDemand, show: (v) => units.tonsPerDay(v.totalDemand), better: null },
  { key: 'kept', label: t.rowKept, value: (v) => solved(v)?.open.length ?? null, show: (v) => faNumber(solved(v)?.open.length), better: null },
  { key: 'removed', label: t.rowRemoved, value: (v) => solved(v)?.pollutionPointsRemoved ?? null, show: (v) => faNumber(solved(v)?.pollutionPointsRemoved), better: 'max' },
  { key: 'tonKm', label: t.rowTonKm, value: (v) => solved(v)?.cost ?? null, show: (v) => units.tonKm(solved(v)?.cost), better: 'min' },
  {
    key: 'avg',
    label: t.rowAvg,
    value: (v) => (solved(v) && v.totalDemand > 0 ? solved(v)!.cost / v.totalDemand : null),
    show: (v) => units.km(solved(v) && v.totalDemand > 0 ? solved(v)!.cost / v.totalDemand : null),
    better: 'min',
  },
  // a scenario with a number of sites has no fixed cost: its total is its haul alone, so no total is "best"
  { key: 'objective', label: t.rowObjective, value: () => null, show: (v) => units.tonKm(solved(v)?.objective), better: null },
  {
    key: 'gap',
    label: t.rowGap,
    value: (v) => {
      const r = solved(v);
      return r ? (r.stats.provedOptimal ? 0 : r.gap) : null;
    },
    show: (v) => (solved(v) ? gapText(solved(v)!) : fp.common.none),
    better: 'min',
  },
  // compared in whole seconds, as shown (a few milliseconds apart is no difference)
  { key: 'time', label: t.rowTime, value: (v) => (solved(v) ? Math.max(1, Math.round(solved(v)!.stats.elapsedMs / 1000)) : null), show: (v) => units.duration(solved(v)?.stats.elapsedMs), better: 'min' },
];

/** The indexes of the best values of a row (none when the row has no better end, fewer than two values, or a tie of all). */
export function bestOf(values: (number | null)[], better: 'min' | 'max' | null): Set<number> {
  const known = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (!better || known.length < 2) return new Set();
  const best = better === 'min' ? Math.min(...known) : Math.max(...known);
  const near = (x: number) => Math.abs(x - best) <= 1e-9 * Math.max(1, Math.abs(best));
  if (known.every(near)) return new Set();
  return new Set(values.flatMap((x, i) => (x !== null && near(x) ? [i] : [])));
}

/** The ids of `?ids=1,2,3` (2 to 4 distinct positive numbers), or null. */
function readIds(raw: string | null): number[] | null {
  const ids = [...new Set(toAsciiDigits(raw ?? '').split(/[,،\s]+/).filter(Boolean).map(Number))];
  return ids.length >= 2 && ids.length <= 4 && ids.every((n) => Number.isInteger(n) && n > 0) ? ids : null;
}

/**
 * `/app/landfills/scenarios/compare?ids=1,2`: two to four scenarios side by side — a table with one column per
 * scenario and the best value of each row marked, and their maps (stacked on a phone).
 */
export default function ScenarioCompare() {
  usePageTitle(t.title);
  const [params] = useSearchParams();
  const ids = readIds(params.get('ids'));
  const q = useQuery({
    queryKey: ['landfills', 'scenarios', 'compare', ids?.join(',') ?? ''],
    queryFn: ({ signal }) => api.get<{ items: ScenarioView[] }>(`/api/v1/landfills/scenarios/compare?ids=${ids!.join(',')}`, signal).then((r) => r.items),
    enabled: ids !== null,
  });
  const items = q.data ?? [];
  const rows = ROWS.filter((r) => r.key !== 'objective' || items.some((v) => v.params.openCost !== null));
  const done = items.filter((v) => v.state === 'done' && v.result);

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/landfills/scenarios" size="sm">
          → {t.back}
        </Anchor>
        <Title order={1} size="h2">
          {t.title}
        </Title>
        {ids === null ? (
          <EmptyCard>{t.tooFew}</EmptyCard>
        ) : q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t.legend}
            </Text>
            <Paper withBorder radius="md" className="lp-scroll">
              <Table verticalSpacing="sm" withColumnBorders aria-label={t.tableLabel} data-testid="compare-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      {t.rowHead}
                    </Table.Th>
                    {items.map((v) => (
                      <Table.Th key={v.id} scope="col">
                        <Anchor component={Link} to={`/app/landfills/scenarios/${v.id}`} fw={700}>
                          {v.name}
                        </Anchor>
                        <Text size="xs" c="dimmed" fw={400}>
                          {v.division}
                        </Text>
                        {v.state !== 'done' && <ScenarioStateBadge state={v.state} />}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => {
                    const best = bestOf(items.map(row.value), row.better);
                    return (
                      <Table.Tr key={row.key} data-row={row.key}>
                        <Table.Th scope="row">{row.label}</Table.Th>
                        {items.map((v, i) => (
                          <Table.Td key={v.id} className={best.has(i) ? 'lp-best' : undefined} data-best={best.has(i) || undefined}>
                            {row.show(v)}
                            {best.has(i) && <VisuallyHidden> ({t.best})</VisuallyHidden>}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>

            {done.length > 0 && (
              <section aria-labelledby="maps-title">
                <Title order={2} size="h4" id="maps-title" mb="sm">
                  {t.maps}
                </Title>
                <SimpleGrid cols={{ base: 1, md: Math.min(done.length, 2), lg: done.length === 3 ? 3 : Math.min(done.length, 2) }} spacing="md">
                  {done.map((v) => (
                    <Paper key={v.id} withBorder p="sm" radius="md">
                      <Text fw={700} mb="xs">
                        {v.name}
                      </Text>
                      <PlanMap view={v} height={360} />
                    </Paper>
                  ))}
                </SimpleGrid>
              </section>
            )}
            {items
              .filter((v) => v.state !== 'done')
              .map((v) => (
                <Text key={v.id} size="sm" c="dimmed">
                  «{v.name}»: {t.notDone}
                </Text>
              ))}
          </>
        )}
      </Stack>
    </Container>
  );
}
