import './plan.css';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Container, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { ScenarioMapProps } from '../../../../web/components/map/types.js';
import { faNumber, jDateTime } from '../../../../web/format.js';
import { Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { ScenarioResult, ScenarioView } from '../../api-types.js';
import { fp, units } from './fa-plan.js';
import { ScenarioStateBadge } from './shared.js';

const ScenarioMap = lazy(() => import('../../../../web/components/map/ScenarioMap.js'));

const t = fp.scenario;

// ---- what the scenario page and the comparison share -------------------------------------------------------------

/** The plan of a solved scenario as the map draws it: every candidate (kept or closed) and every village with its site. */
export function scenarioMapProps(view: ScenarioView): Pick<ScenarioMapProps, 'sites' | 'villages'> {
  const open = new Set(view.result?.open ?? []);
  const loads = new Map((view.result?.loads ?? []).map((l) => [l.siteId, l]));
  const assignment = view.result?.assignment ?? {};
  const sites: ScenarioMapProps['sites'] = [];
  for (const [id, s] of Object.entries(view.labels.sites)) {
    if (s.lat === null || s.lon === null) continue;
    const l = loads.get(id);
    sites.push({ id, lat: s.lat, lon: s.lon, label: s.name, open: open.has(id), existing: s.existing, ...(l ? { load: l.load, capacity: l.capacity } : {}) });
  }
  const villages: ScenarioMapProps['villages'] = [];
  for (const [id, v] of Object.entries(view.labels.villages)) {
    if (v.lat === null || v.lon === null) continue;
    villages.push({ id, lat: v.lat, lon: v.lon, label: v.name, siteId: assignment[id] ?? null });
  }
  return { sites, villages };
}

/** «بهینه بودن اثبات شد» or «حداکثر ۳٫۴٪ با بهینه فاصله دارد». */
export function gapText(r: ScenarioResult): string {
  if (r.stats.provedOptimal || (r.gap !== null && r.gap <= 1e-9)) return t.proved;
  if (r.gap === null) return t.gapUnknown;
  return t.gap(units.percent(r.gap, r.gap < 0.01 ? 2 : 1));
}

/** The lazily loaded plan map in a frame that keeps its height while it loads. */
export function PlanMap({ view, height = 460 }: { view: ScenarioView; height?: number }) {
  const props = scenarioMapProps(view);
  return (
    <div className="lp-map" style={{ minHeight: height }}>
      <Suspense fallback={<PageLoader />}>
        <ScenarioMap {...props} height={height} ariaLabel={t.mapLabel(view.name)} />
      </Suspense>
    </div>
  );
}

/** A key figure: its label above a large value, and a line of explanation under it. */
function Figure({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" className="lp-figure" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="lp-figure-value">{value}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The scenario while it waits or is being solved: progress, phase, best and bound so far, time. */
function Solving({ view }: { view: ScenarioView }) {
  const pr = view.progress;
  const fraction = Math.max(0, Math.min(1, pr?.fraction ?? 0));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t.progressLabel} data-testid="solving">
      <Stack gap="sm">
        <Text>{view.state === 'queued' ? t.waiting : t.solving}</Text>
        <Progress value={fraction * 100} size="xl" radius="xl" animated striped aria-label={t.progressLabel} data-testid="progress" />
        <Text fw={700} ta="center">
          {units.percent(fraction, 0)}
        </Text>
        <Facts
          items={[
            [t.phase, pr?.phaseTitle ?? fp.common.none],
            [t.best, units.tonKm(pr?.best)],
            [t.bound, units.tonKm(pr?.lowerBound)],
            [t.elapsed, units.duration(pr?.elapsedMs ?? (view.startedAt ? Date.now() - new Date(view.startedAt).getTime() : null))],
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** Load against capacity: a bar (red when nearly full) and the figures. */
function LoadBar({ load, capacity }: { load: number; capacity: number | null }) {
  if (capacity === null) {
    return (
      <Stack gap={2}>
        <Text size="sm" className="lp-num">
          {units.tonsPerDay(load)}
        </Text>
        <Text size="xs" c="dimmed">
          {t.unlimited}
        </Text>
      </Stack>
    );
  }
  const share = capacity > 0 ? load / capacity : 1;
  return (
    <Stack gap={4} miw={140}>
      <Progress value={Math.min(100, share * 100)} color={share >= 0.95 ? 'red' : share >= 0.8 ? 'orange' : 'civic'} size="md" aria-label={`${units.percent(share, 0)}`} />
      <Text size="xs" className="lp-num">
        {t.loadOf(faNumber(load, 1), units.tonsPerDay(capacity))} ({units.percent(share, 0)})
      </Text>
    </Stack>
  );
}

function SiteName({ view, siteId }: { view: ScenarioView; siteId: string }) {
  const s = view.labels.sites[siteId];
  const name = s?.name ?? siteId;
  return s?.siteId ? (
    <Anchor component={Link} to={`/app/landfills/sites/${s.siteId}`} fw={700}>
      {name}
    </Anchor>
  ) : (
    <Text fw={700} span>
      {name}
    </Text>
  );
}

function KindBadge({ existing }: { existing: boolean }) {
  return (
    <Badge variant="light" color={existing ? 'gray' : 'civic'} className="st-badge" size="sm">
      {existing ? t.existing : t.newSite}
    </Badge>
  );
}

function Result({ view, r }: { view: ScenarioView; r: ScenarioResult }) {
  const keptText = new Map(r.explanation.kept.map((k) => [k.siteId, k.text]));
  const candidates = Object.keys(view.labels.sites).length || view.candidates;
  const closedCount = Math.max(0, candidates - r.open.length);
  const loads = [...r.loads].sort((a, b) => b.load - a.load);
  const base = `/api/v1/landfills/scenarios/${view.id}`;
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="summary-title" bg="civic.0">
        <Title order={2} size="h4" id="summary-title" mb="xs">
          {t.summaryTitle}
        </Title>
        <p className="lp-summary" data-testid="summary">
          {r.explanation.summary}
        </p>
      </Paper>

      <section aria-label={t.figures}>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
          <Figure label={t.kept} value={faNumber(r.open.length)} hint={t.candidates + ': ' + faNumber(candidates)} testId="fig-kept" />
          <Figure label={t.closed} value={faNumber(closedCount)} testId="fig-closed" />
          <Figure label={t.pollutionRemoved} value={faNumber(r.pollutionPointsRemoved)} testId="fig-removed" />
          <Figure label={t.tonKm} value={units.tonKm(r.cost)} testId="fig-tonkm" />
          <Figure label={t.avgHaul} value={units.km(view.totalDemand > 0 ? r.cost / view.totalDemand : null)} hint={`${t.totalDemand}: ${units.tonsPerDay(view.totalDemand)}`} />
          {r.fixedCost > 0 && <Figure label={t.objective} value={units.tonKm(r.objective)} hint={`${t.fixedCost}: ${faNumber(r.fixedCost)}`} />}
          <Figure label={t.lowerBound} value={units.tonKm(r.lowerBound)} hint={t.lowerBoundHint} />
          <Figure label={t.quality} value={gapText(r)} testId="fig-gap" />
          <Figure label={t.time} value={units.duration(r.stats.elapsedMs)} />
        </SimpleGrid>
      </section>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-title">
        <Title order={2} size="h4" id="map-title" mb="sm">
          {t.map}
        </Title>
        <PlanMap view={view} />
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sites-title">
        <Title order={2} size="h4" id="sites-title" mb="sm">
          {t.sites}
        </Title>
        <Table verticalSpacing="sm" visibleFrom="md" data-testid="sites-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colSite}</Table.Th>
              <Table.Th>{t.colVillages}</Table.Th>
              <Table.Th>{t.colLoad}</Table.Th>
              <Table.Th>{t.colTonKm}</Table.Th>
              <Table.Th>{t.colText}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loads.map((l) => (
              <Table.Tr key={l.siteId}>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <SiteName view={view} siteId={l.siteId} />
                    <KindBadge existing={view.labels.sites[l.siteId]?.existing ?? true} />
                  </Stack>
                </Table.Td>
                <Table.Td className="lp-num">{faNumber(l.villages)}</Table.Td>
                <Table.Td>
                  <LoadBar load={l.load} capacity={l.capacity} />
                </Table.Td>
                <Table.Td className="lp-num">{units.tonKm(l.tonKm)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{keptText.get(l.siteId) ?? ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap="sm" hiddenFrom="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {loads.map((l) => (
            <li key={l.siteId}>
              <Paper withBorder p="sm" radius="md">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <SiteName view={view} siteId={l.siteId} />
                  <KindBadge existing={view.labels.sites[l.siteId]?.existing ?? true} />
                </Group>
                <Text size="sm" mt={4}>
                  {t.colVillages}: {faNumber(l.villages)} — {units.tonKm(l.tonKm)}
                </Text>
                <div style={{ marginTop: 6 }}>
                  <LoadBar load={l.load} capacity={l.capacity} />
                </div>
                <Text size="sm" c="dimmed" mt={6}>
                  {keptText.get(l.siteId) ?? ''}
                </Text>
              </Paper>
            </li>
          ))}
        </Stack>
      </Paper>

      {r.explanation.closed.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="closed-title">
          <Title order={2} size="h4" id="closed-title" mb="sm">
            {t.closed} ({faNumber(r.explanation.closed.length)})
          </Title>
          <Stack gap={6} component="ul" style={{ paddingInlineStart: '1.25rem', margin: 0 }} data-testid="closed-list">
            {r.explanation.closed.map((c) => (
              <li key={c.siteId}>
                <Text size="sm">{c.text}</Text>
              </li>
            ))}
          </Stack>
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="params-title">
          <Title order={2} size="h4" id="params-title" mb="sm">
            {t.params}
          </Title>
          <ParamFacts view={view} />
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="downloads-title">
          <Title order={2} size="h4" id="downloads-title" mb="sm">
            {t.downloads}
          </Title>
          <Stack gap="xs" align="flex-start">
            <Anchor href={`${base}/input.json`} download data-testid="download-input">
              {t.downloadInput}
            </Anchor>
            <Anchor href={`${base}/plan.json`} download data-testid="download-plan">
              {t.downloadPlan}
            </Anchor>
            <Anchor href={`${base}/plan.csv`} download data-testid="download-csv">
              {t.downloadCsv}
            </Anchor>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

/** The parameters the scenario was built with. */
function ParamFacts({ view }: { view: ScenarioView }) {
  const pm = view.params;
  return (
    <>
      <Facts
        items={[
          [t.source, pm.source === 'registry' ? t.sourceRegistry : t.sourceUpload],
          [t.mode, pm.p !== null ? t.pValue(faNumber(pm.p)) : t.openCostValue(faNumber(pm.openCost, 2))],
          [t.villages, faNumber(view.villages)],
          [t.candidates, faNumber(view.candidates)],
          [t.totalDemand, units.tonsPerDay(view.totalDemand)],
          pm.roadFactor !== null && [t.roadFactor, faNumber(pm.roadFactor, 2)],
          pm.kgPerCapita !== null && [t.kgPerCapita, units.kgPerPerson(pm.kgPerCapita)],
          pm.source === 'registry' && [t.capacitated, pm.capacitated ? t.yes : t.no],
        ]}
      />
      {pm.skippedVillages > 0 && (
        <Text size="sm" c="orange.9" mt="xs">
          {t.skipped(faNumber(pm.skippedVillages))}
        </Text>
      )}
    </>
  );
}

/**
 * `/app/landfills/scenarios/:id`: a consolidation scenario. While it is solved, the progress (polled every second);
 * once solved, the plan in plain Persian, its key figures, the map, each kept site with its load, the closed
 * sites, and the files; when it failed, the reason.
 */
export default function ScenarioPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const full = useQuery({
    queryKey: ['landfills', 'scenario', Number(id)],
    queryFn: ({ signal }) => api.get<ScenarioView>(`/api/v1/landfills/scenarios/${encodeURIComponent(id)}`, signal),
  });
  // While it solves, poll the light progress answer (the full view carries every village's label: megabytes for a
  // national scenario); once it is solved or failed, read the full view again.
  const solving = full.data?.state === 'queued' || full.data?.state === 'running';
  const progress = useQuery({
    queryKey: ['landfills', 'scenario', Number(id), 'progress'],
    queryFn: ({ signal }) => api.get<Pick<ScenarioView, 'id' | 'state' | 'progress' | 'error'>>(`/api/v1/landfills/scenarios/${encodeURIComponent(id)}/progress`, signal),
    enabled: solving,
    refetchInterval: 1000,
  });
  const { refetch } = full;
  const finished = solving && progress.data && progress.data.state !== 'queued' && progress.data.state !== 'running';
  useEffect(() => {
    if (finished) void refetch();
  }, [finished, refetch]);
  const q = full;
  const live = solving && progress.data && full.data ? { ...full.data, state: progress.data.state, progress: progress.data.progress, error: progress.data.error } : full.data;
  usePageTitle(q.data?.name ?? fp.scenarios.title);

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/landfills/scenarios" size="sm">
          → {t.back}
        </Anchor>
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : (
          <>
            <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
              <Stack gap={4}>
                <Title order={1} size="h2" data-testid="scenario-title">
                  {live!.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {live!.division} — {jDateTime(live!.createdAt)}
                  {live!.createdBy ? ` — ${live!.createdBy}` : ''}
                </Text>
              </Stack>
              <ScenarioStateBadge state={live!.state} />
            </Group>
            <Notice tone="ok" onClose={() => setNotice(null)}>
              {notice}
            </Notice>
            {(live!.state === 'queued' || live!.state === 'running') && (
              <>
                <Solving view={live!} />
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    {t.params}
                  </Title>
                  <ParamFacts view={live!} />
                </Paper>
              </>
            )}
            {live!.state === 'failed' && (
              <>
                <Notice tone="error" testId="scenario-error">
                  {t.failed} {live!.error ?? fp.common.none}
                </Notice>
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h4" mb="sm">
                    {t.params}
                  </Title>
                  <ParamFacts view={live!} />
                  <Anchor href={`/api/v1/landfills/scenarios/${live!.id}/input.json`} download size="sm" mt="sm" display="inline-block">
                    {t.downloadInput}
                  </Anchor>
                </Paper>
              </>
            )}
            {live!.state === 'done' && live!.result && <Result view={live!} r={live!.result} />}
            {live!.state === 'done' && (
              <Group>
                <Button component={Link} to="/app/landfills/scenarios" variant="light" size="sm">
                  {t.compareWith}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
