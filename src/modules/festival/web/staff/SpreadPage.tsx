import { lazy, Suspense } from 'react';
import { Anchor, Container, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { PageSection } from '../../../../web/staff/case.js';
import { EmptyCard, QueryStatus } from '../../../../web/staff/ui.js';
import type { Spread } from '../../api-types.js';
import { ffa } from './fa.js';
import { jfa } from './fa-owner.js';
import { API, FestHeader, Sub, useRounds, yearText } from './shared.js';
import { ADOPTER, ORIGIN, spreadPoints } from './spread-points.js';

const SitesMap = lazy(() => import('../../../../web/components/map/SitesMap.js'));
const t = jfa.spread;
const TOTALS = ['plans', 'replications', 'villages', 'provinces', 'questions', 'answered'] as const;
function Totals({ s }: { s: Spread }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="ul" className="fs-plain" data-testid="spread-totals">
      {TOTALS.map((k) => (
        <Paper key={k} withBorder p="sm" radius="md" component="li" data-testid={`total-${k}`}>
          <Text size="sm">{t.totals[k]}</Text>
          <Text className="fs-stat">{faNumber(s.totals[k])}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function ByProvince({ s }: { s: Spread }) {
  const max = Math.max(1, ...s.byProvince.map((p) => p.replications));
  return (
    <Table verticalSpacing="xs" data-testid="by-province">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.colProvince}</Table.Th>
          <Table.Th>{t.colReplications}</Table.Th>
          <Table.Th>{t.colFromOther}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...s.byProvince]
          .sort((a, b) => b.replications - a.replications)
          .map((p) => (
            <Table.Tr key={p.provinceId}>
              <Table.Td>{p.province}</Table.Td>
              <Table.Td className="fs-num">
                <span className="fs-bar" style={{ width: `${Math.round((p.replications / max) * 6)}rem` }} aria-hidden="true" /> {faNumber(p.replications)}
              </Table.Td>
              <Table.Td className="fs-num">{faNumber(p.fromOtherProvinces)}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

function Plans({ s }: { s: Spread }) {
  return (
    <div className="st-scroll">
      <Table verticalSpacing="xs" highlightOnHover data-testid="spread-plans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.colPlan}</Table.Th>
            <Table.Th>{t.colReplications}</Table.Th>
            <Table.Th>{t.colProvinces}</Table.Th>
            <Table.Th>{t.colQuestions}</Table.Th>
            <Table.Th>{t.colAnswered}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...s.plans]
            .sort((a, b) => b.replications - a.replications || b.questions - a.questions)
            .map((p) => (
              <Table.Tr key={p.entryId}>
                <Table.Td>
                  <Anchor href={`/showcase/${p.entryId}`} target="_blank" size="sm" fw={500}>
                    {p.title}
                  </Anchor>
                  <Sub>
                    {p.place.village}، {p.place.province}
                  </Sub>
                </Table.Td>
                <Table.Td className="fs-num">{faNumber(p.replications)}</Table.Td>
                <Table.Td className="fs-num">{faNumber(p.provinces)}</Table.Td>
                <Table.Td className="fs-num">{faNumber(p.questions)}</Table.Td>
                <Table.Td className="fs-num">{faNumber(p.answered)}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * `/app/festival/spread`: which selected experiences spread where — the totals, a map of the plans' villages and the
 * villages that took them up, replications by the adopting province, and each plan's replications and questions.
 */
export default function SpreadPage() {
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const roundId = params.get('roundId') ?? '';
  const rounds = useRounds();
  const q = useQuery({
    queryKey: ['festival', 'spread', roundId],
    queryFn: ({ signal }) => api.get<Spread>(`${API}/spread${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`, signal),
    placeholderData: keepPreviousData,
  });
  const points = q.data ? spreadPoints(q.data) : [];

  return (
    <Container size="xl">
      <Stack gap="lg">
        <FestHeader title={t.title} />
        <Text size="sm">{t.intro}</Text>
        <NativeSelect
          label={t.round}
          w={{ base: '100%', sm: 280 }}
          value={roundId}
          onChange={(e) => setParams(e.currentTarget.value ? { roundId: e.currentTarget.value } : {})}
          data={[{ value: '', label: t.allRounds }, ...(rounds.data ?? []).filter((r) => r.state === 'announced').map((r) => ({ value: String(r.id), label: ffa.common.roundYear(yearText(r.year)) }))]}
          data-testid="spread-round"
        />
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : q.data.plans.length === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <>
            <Totals s={q.data} />
            <PageSection id="map" title={t.map} testId="spread-map">
              {points.length === 0 ? (
                <Text size="sm">{q.data.links.length === 0 ? t.noReplications : t.noMapPoints}</Text>
              ) : (
                <div style={{ minHeight: 460 }}>
                  <Suspense fallback={<PageLoader />}>
                    <SitesMap points={points} height={460} ariaLabel={t.mapLabel} legend={[{ color: ORIGIN, label: t.origin }, { color: ADOPTER, label: t.adopter }]} />
                  </Suspense>
                </div>
              )}
            </PageSection>
            <PageSection id="by-province" title={t.byProvince}>
              {q.data.byProvince.length === 0 ? <Text size="sm">{t.noReplications}</Text> : <ByProvince s={q.data} />}
            </PageSection>
            <PageSection id="plans" title={t.plans}>
              <Plans s={q.data} />
            </PageSection>
          </>
        )}
      </Stack>
    </Container>
  );
}
