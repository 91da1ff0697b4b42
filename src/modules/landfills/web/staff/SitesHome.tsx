import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { MapPoint } from '../../../../web/components/map/types.js';
import { faNumber } from '../../../../web/format.js';
import { CardLink, EmptyCard, ListView, Pager, QueryStatus, useListParams, useProvinces } from '../../../../web/staff/ui.js';
import type { SiteListItem, SitePoint } from '../../api-types.js';
import {
  SENSITIVITY_FLAG_TITLES,
  SITE_KINDS,
  SITE_STATUS_TITLES,
  SITE_STATUSES,
  VERIFICATION_STATE_TITLES,
  VERIFICATION_STATES,
  type SensitivityFlag,
  type SiteKind,
} from '../../enums.js';
import { lfa } from './fa.js';
import { KIND_COLORS, kindTitle, LandfillsHeader, SiteStatusBadge, useLandfillViewer, VerificationBadge } from './shared.js';

const SitesMap = lazy(() => import('../../../../web/components/map/SitesMap.js'));

const PAGE_SIZE = 25;
/** The filters kept in the address (the list, the map and the exports take the same). */
const FILTERS = ['q', 'kind', 'status', 'verification', 'divisionId'] as const;

/** The colour legend of the site kinds (the map's and the list's dots). */
const KIND_LEGEND = SITE_KINDS.map((k) => ({ color: KIND_COLORS[k], label: kindTitle(k) }));

function KindCell({ kind }: { kind: SiteKind }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span className="lf-dot" style={{ background: KIND_COLORS[kind] }} aria-hidden="true" />
      <Text size="sm">{kindTitle(kind)}</Text>
    </Group>
  );
}

function Flags({ flags }: { flags: SensitivityFlag[] }) {
  if (flags.length === 0) return <Text size="sm">{lfa.common.none}</Text>;
  return (
    <Group gap={4} wrap="wrap">
      {flags.map((f) => (
        <Badge key={f} color="red" c="red.9" variant="light" size="sm" className="st-badge">
          {SENSITIVITY_FLAG_TITLES[f] ?? f}
        </Badge>
      ))}
    </Group>
  );
}

const percent = (n: number | null) => (n === null ? lfa.common.none : lfa.common.percent(faNumber(n)));
const intake = (n: number | null) => (n === null ? lfa.common.none : lfa.common.tonsPerDay(faNumber(n, 1)));

/** Years left: red and bold under two years (the summary's «nearly full»). */
function Years({ years, size = 'sm' }: { years: number | null; size?: 'sm' | 'xs' }) {
  if (years === null) return <Text size={size} span>{lfa.common.none}</Text>;
  const low = years < 2;
  return (
    <Text size={size} span c={low ? 'red.9' : undefined} fw={low ? 700 : undefined} className="lf-num">
      {lfa.common.years(faNumber(years, 1))}
    </Text>
  );
}

/** The sites in scope on the map, coloured by kind, each a link to its page. */
function MapView({ filters }: { filters: URLSearchParams }) {
  const points = useQuery({
    queryKey: ['landfills', 'sites', 'map', filters.toString()],
    queryFn: ({ signal }) => api.get<{ items: SitePoint[] }>(`/api/v1/landfills/sites/map?${filters}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  if (points.isPending || points.isError) return <QueryStatus query={points} />;
  const items = points.data.items;
  const mapPoints: MapPoint[] = items.map((s) => ({
    id: s.id,
    lat: s.lat,
    lon: s.lon,
    label: s.name,
    color: KIND_COLORS[s.kind],
    details: [kindTitle(s.kind), SITE_STATUS_TITLES[s.status] ?? s.status],
    href: `/app/landfills/sites/${s.id}`,
  }));
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={700} data-testid="map-count">
          {lfa.home.mapCount(faNumber(items.length))}
        </Text>
        <Text size="xs" c="dimmed">
          {lfa.home.mapNote}
        </Text>
      </Group>
      {items.length === 0 ? (
        <EmptyCard>{lfa.home.emptyMap}</EmptyCard>
      ) : (
        <Suspense fallback={<MapWait height={520} />}>
          <SitesMap points={mapPoints} height={520} legend={KIND_LEGEND} ariaLabel={lfa.home.mapLabel} />
        </Suspense>
      )}
    </Stack>
  );
}

/** The empty box a lazy map takes while its chunk loads. */
function MapWait({ height }: { height: number }) {
  return (
    <div className="lf-map-wait" style={{ height }}>
      <Text size="sm" c="dimmed">
        {lfa.home.loadingMap}
      </Text>
    </div>
  );
}

/**
 * `/app/landfills`: the sites in the viewer's scope — filters kept in the address (search, kind, status,
 * verification, province), as a list (table on a desktop, cards on a phone) with the total and paging, or on the
 * map; the same filters export the list as CSV or Excel.
 */
export default function SitesHome() {
  usePageTitle(lfa.home.title);
  const viewer = useLandfillViewer();
  const wide = viewer.national || viewer.scopes.length === 0;
  const provinces = useProvinces(wide);
  const { params, page, update, goPage, clear } = useListParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const view = params.get('view') === 'map' ? 'map' : 'list';

  const filters = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) filters.set(k, v);
  }
  const query = new URLSearchParams(filters);
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  const list = useQuery({
    queryKey: ['landfills', 'sites', 'list', query.toString()],
    queryFn: ({ signal }) => api.get<{ items: SiteListItem[]; total: number }>(`/api/v1/landfills/sites?${query}`, signal),
    placeholderData: keepPreviousData,
    enabled: view === 'list',
  });

  function onSearch(e: FormEvent) {
    e.preventDefault();
    update({ q: toAsciiDigits(q.trim()) || null });
  }

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportQs = filters.toString() ? `?${filters}` : '';
  const siteHref = (id: number) => `/app/landfills/sites/${id}`;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <LandfillsHeader
          title={lfa.home.title}
          extra={
            viewer.edits ? (
              <Button component={Link} to="/app/landfills/sites/new" size="sm" color="green" data-testid="new-site">
                {lfa.home.newSite}
              </Button>
            ) : undefined
          }
        />

        <Paper withBorder p="md" radius="md" component="section" aria-label={lfa.home.filters}>
          <form onSubmit={onSearch} role="search">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={lfa.home.search}
                  placeholder={lfa.home.searchHint}
                  value={q}
                  onChange={(e) => setQ(e.currentTarget.value)}
                  style={{ flex: '1 1 16rem' }}
                  name="q"
                  data-testid="search"
                />
                <Button type="submit">{lfa.home.search}</Button>
              </Group>
              <SimpleGrid cols={{ base: 2, md: wide ? 4 : 3 }} spacing="sm">
                <NativeSelect
                  label={lfa.home.kind}
                  value={params.get('kind') ?? ''}
                  onChange={(e) => update({ kind: e.currentTarget.value })}
                  data={[{ value: '', label: lfa.common.all }, ...SITE_KINDS.map((k) => ({ value: k, label: kindTitle(k) }))]}
                  data-testid="filter-kind"
                />
                <NativeSelect
                  label={lfa.home.status}
                  value={params.get('status') ?? ''}
                  onChange={(e) => update({ status: e.currentTarget.value })}
                  data={[{ value: '', label: lfa.common.all }, ...SITE_STATUSES.map((s) => ({ value: s, label: SITE_STATUS_TITLES[s] }))]}
                  data-testid="filter-status"
                />
                <NativeSelect
                  label={lfa.home.verification}
                  value={params.get('verification') ?? ''}
                  onChange={(e) => update({ verification: e.currentTarget.value })}
                  data={[{ value: '', label: lfa.common.all }, ...VERIFICATION_STATES.map((s) => ({ value: s, label: VERIFICATION_STATE_TITLES[s] }))]}
                  data-testid="filter-verification"
                />
                {wide && (
                  <NativeSelect
                    label={lfa.home.province}
                    value={params.get('divisionId') ?? ''}
                    onChange={(e) => update({ divisionId: e.currentTarget.value })}
                    data={[{ value: '', label: lfa.home.allProvinces }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
                    data-testid="filter-province"
                  />
                )}
              </SimpleGrid>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Button variant="subtle" size="xs" onClick={clear}>
                  {lfa.home.clear}
                </Button>
                <Group gap="xs" wrap="wrap">
                  <Button component="a" href={`/api/v1/landfills/sites/export.csv${exportQs}`} download variant="default" size="xs" data-testid="export-csv">
                    {lfa.home.exportCsv}
                  </Button>
                  <Button component="a" href={`/api/v1/landfills/sites/export.xlsx${exportQs}`} download variant="default" size="xs" data-testid="export-xlsx">
                    {lfa.home.exportXlsx}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </form>
        </Paper>

        <Group justify="space-between" wrap="wrap" gap="sm">
          {view === 'list' ? (
            <Text fw={700} data-testid="total">
              {lfa.common.total(faNumber(total))}
            </Text>
          ) : (
            <span />
          )}
          <Group gap={0} role="group" aria-label={lfa.home.view} data-testid="view-toggle">
            {(['list', 'map'] as const).map((v, i) => (
              <Button
                key={v}
                size="xs"
                variant={view === v ? 'filled' : 'default'}
                aria-pressed={view === v}
                onClick={() => update({ view: v === 'map' ? 'map' : null })}
                style={i === 0 ? { borderStartEndRadius: 0, borderEndEndRadius: 0 } : { borderStartStartRadius: 0, borderEndStartRadius: 0 }}
                data-testid={`view-${v}`}
              >
                {v === 'map' ? lfa.home.viewMap : lfa.home.viewList}
              </Button>
            ))}
          </Group>
        </Group>

        {view === 'map' ? (
          <MapView filters={filters} />
        ) : list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : list.data.items.length === 0 ? (
          <EmptyCard>{lfa.home.empty}</EmptyCard>
        ) : (
          <>
            <ListView
              busy={list.isFetching}
              cardsTestId="sites-cards"
              table={
                <Table highlightOnHover verticalSpacing="sm" data-testid="sites-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{lfa.home.colName}</Table.Th>
                      <Table.Th>{lfa.home.colKind}</Table.Th>
                      <Table.Th>{lfa.home.colStatus}</Table.Th>
                      <Table.Th>{lfa.home.colVerification}</Table.Th>
                      <Table.Th>{lfa.home.colFill}</Table.Th>
                      <Table.Th>{lfa.home.colIntake}</Table.Th>
                      <Table.Th>{lfa.home.colRemaining}</Table.Th>
                      <Table.Th>{lfa.home.colFlags}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <Anchor component={Link} to={siteHref(s.id)} fw={700} size="sm" data-testid="site-link">
                            {s.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {s.place}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <KindCell kind={s.kind} />
                        </Table.Td>
                        <Table.Td>
                          <SiteStatusBadge status={s.status} />
                        </Table.Td>
                        <Table.Td>
                          <VerificationBadge state={s.verification} />
                        </Table.Td>
                        <Table.Td className="lf-num">{percent(s.fillPercent)}</Table.Td>
                        <Table.Td className="lf-num">{intake(s.dailyIntakeT)}</Table.Td>
                        <Table.Td>
                          <Years years={s.remainingYears} />
                        </Table.Td>
                        <Table.Td>
                          <Flags flags={s.flags} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              }
              cards={list.data.items.map((s) => (
                <CardLink key={s.id} to={siteHref(s.id)}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text fw={700} size="sm">
                      {s.name}
                    </Text>
                    <VerificationBadge state={s.verification} />
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    {s.place}
                  </Text>
                  <Group gap="xs" mt={6} wrap="wrap">
                    <KindCell kind={s.kind} />
                    <SiteStatusBadge status={s.status} />
                  </Group>
                  <Group gap="md" mt={6} wrap="wrap">
                    <Text size="xs">
                      {lfa.home.colFill}: {percent(s.fillPercent)}
                    </Text>
                    <Text size="xs">
                      {lfa.home.colIntake}: {intake(s.dailyIntakeT)}
                    </Text>
                    <Text size="xs" span>
                      {lfa.home.colRemaining}: <Years years={s.remainingYears} size="xs" />
                    </Text>
                  </Group>
                  {s.flags.length > 0 && (
                    <Group mt={6}>
                      <Flags flags={s.flags} />
                    </Group>
                  )}
                </CardLink>
              ))}
            />
            <Pager page={page} pages={pages} onPage={goPage} />
          </>
        )}
      </Stack>
    </Container>
  );
}
