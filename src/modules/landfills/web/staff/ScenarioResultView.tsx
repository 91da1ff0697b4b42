// A solved consolidation scenario on its page: the plan in plain Persian, its key figures, the map, each kept site
// with its load (a table on a desktop, cards on a phone), the closed sites, the parameters and the files.
import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { faNumber } from '../../../../web/format.js';
import type { ScenarioResult, ScenarioView } from '../../api-types.js';
import { fp, units } from './fa-plan.js';
import { PlanMap } from './PlanMap.js';
import { ParamFacts } from './ScenarioParams.js';
import { gapText } from './scenario-plan.js';

const t = fp.scenario;

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

/** Each kept site with its villages, load against capacity, daily haul and why it stays: a table on a desktop, cards on a phone. */
function KeptSites({ view, loads, keptText }: { view: ScenarioView; loads: ScenarioResult['loads']; keptText: Map<string, string> }) {
  return (
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
  );
}

/** The plan of a solved scenario (`r`: its result). */
export function ScenarioResultView({ view, r }: { view: ScenarioView; r: ScenarioResult }) {
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

      <KeptSites view={view} loads={loads} keptText={keptText} />

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
