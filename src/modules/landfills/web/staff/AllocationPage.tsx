import './plan.css';
import { Fragment, useState } from 'react';
import { Anchor, Badge, Button, Container, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDateTime } from '../../../../web/format.js';
import { EmptyCard, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { AllocationSite, AllocationView } from '../../api-types.js';
import { MAX_CONSISTENCY_RATIO } from '../../server/priority.js';
import { WeightBars } from './AllocationCreate.js';
import { criterionValue, fp, units } from './fa-plan.js';

const t = fp.allocation;

function FundedBadge({ funded }: { funded: boolean }) {
  return (
    <Badge variant="light" color={funded ? 'green' : 'gray'} c={funded ? 'green.9' : 'gray.8'} className="st-badge" styles={{ label: { whiteSpace: 'nowrap' } }} data-funded={funded}>
      {funded ? t.fundedYes : t.fundedNo}
    </Badge>
  );
}

function SiteLink({ s }: { s: AllocationSite }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/app/landfills/sites/${s.siteId}`} fw={700} data-testid="site-link">
        {s.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {s.place}
      </Text>
    </Stack>
  );
}

/** Why a site scored and was (not) funded as it was: the two sentences and each criterion's part. */
function Reasons({ s }: { s: AllocationSite }) {
  return (
    <Stack gap="xs" data-testid="reasons">
      <Text size="sm">{s.scoreText}</Text>
      <Text size="sm" fw={500}>
        {s.fundingText}
      </Text>
      <Text size="sm" fw={700} mt={4}>
        {t.parts}
      </Text>
      <div className="lp-scroll lp-scroll-fit">
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.partCriterion}</Table.Th>
              <Table.Th>{t.partValue}</Table.Th>
              <Table.Th>{t.partWeight}</Table.Th>
              <Table.Th title={t.positionHint}>{t.partPosition}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.parts.map((p) => (
              <Table.Tr key={p.criterion}>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td className="lp-num">{criterionValue[p.criterion]?.(p.value) ?? faNumber(p.value, 1)}</Table.Td>
                <Table.Td className="lp-num">{units.percent(p.weight, 0)}</Table.Td>
                <Table.Td className="lp-num">{units.percent(p.position, 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="xs" c="dimmed">
        {t.positionHint}
      </Text>
    </Stack>
  );
}

/**
 * `/app/landfills/allocations/:id`: a fund allocation — budget, spent and remaining, the criterion weights (and
 * the consistency ratio of AHP judgements), and the sites ranked by urgency with whether each was funded and why.
 */
export default function AllocationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const q = useQuery({
    queryKey: ['landfills', 'allocation', Number(id)],
    queryFn: ({ signal }) => api.get<AllocationView>(`/api/v1/landfills/allocations/${encodeURIComponent(id)}`, signal),
  });
  usePageTitle(q.data?.name ?? fp.allocations.title);
  const toggle = (siteId: number) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(siteId)) n.delete(siteId);
      else n.add(siteId);
      return n;
    });

  if (q.isPending || q.isError) {
    return (
      <Container size="xl">
        <QueryStatus query={q} />
      </Container>
    );
  }
  const a = q.data;
  const r = a.result;
  const weightSum = r.criteria.reduce((s, c) => s + c.weight, 0) || 1;
  const whyButton = (s: AllocationSite) => (
    <Button variant="subtle" size="compact-sm" onClick={() => toggle(s.siteId)} aria-expanded={open.has(s.siteId)} data-testid="why">
      {open.has(s.siteId) ? t.hide : t.why}
    </Button>
  );

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/landfills/allocations" size="sm">
          → {t.back}
        </Anchor>
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="allocation-title">
            {a.name}
          </Title>
          <Text size="sm" c="dimmed">
            {a.division} — {jDateTime(a.createdAt)}
            {a.createdBy ? ` — ${a.createdBy}` : ''}
          </Text>
        </Stack>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="summary-title">
            <Title order={2} size="h4" id="summary-title" mb="sm">
              {t.summary}
            </Title>
            <Facts
              items={[
                [t.budget, units.mrial(r.budget)],
                [t.spent, units.mrial(r.spent)],
                [t.remaining, units.mrial(r.budget - r.spent)],
                [t.funded, t.fundedOf(faNumber(a.funded), faNumber(r.sites.length))],
                [t.method, a.weights.mode === 'ahp' ? t.ahp : t.direct],
                r.consistencyRatio !== null && [
                  t.consistency,
                  <span className="lp-num" data-testid="cr">
                    {faNumber(r.consistencyRatio, 3)} {r.consistencyRatio < MAX_CONSISTENCY_RATIO ? `(${fp.allocationCreate.consistent})` : ''}
                  </span>,
                ],
              ]}
            />
            {r.withoutCost > 0 && (
              <Text size="sm" c="orange.9" mt="sm">
                {t.withoutCost(faNumber(r.withoutCost))}
              </Text>
            )}
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="weights-title">
            <Title order={2} size="h4" id="weights-title" mb="sm">
              {t.weights}
            </Title>
            <WeightBars items={r.criteria.map((c) => ({ key: c.key, label: c.title, share: c.weight / weightSum }))} testId="weights" />
          </Paper>
        </SimpleGrid>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ranking-title">
          <Group justify="space-between" gap="sm" mb="xs" wrap="wrap">
            <Title order={2} size="h4" id="ranking-title">
              {t.ranking}
            </Title>
            <Anchor href={`/api/v1/landfills/allocations/${a.id}/export.csv`} download size="sm" data-testid="export">
              {t.export}
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t.rankingHint}
          </Text>
          {r.sites.length === 0 ? (
            <EmptyCard>{t.noSites}</EmptyCard>
          ) : (
            <>
              <Table verticalSpacing="sm" visibleFrom="md" data-testid="ranking-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.colRank}</Table.Th>
                    <Table.Th>{t.colSite}</Table.Th>
                    <Table.Th>{t.colScore}</Table.Th>
                    <Table.Th>{t.colCost}</Table.Th>
                    <Table.Th>{t.colFunded}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.sites.map((s) => (
                    <Fragment key={s.siteId}>
                      <Table.Tr className={s.funded ? 'lp-funded-row' : undefined} data-testid="ranked-row">
                        <Table.Td className="lp-num" fw={700}>
                          {faNumber(s.rank)}
                        </Table.Td>
                        <Table.Td>
                          <SiteLink s={s} />
                        </Table.Td>
                        <Table.Td className="lp-num">{faNumber(s.score, 3)}</Table.Td>
                        <Table.Td className="lp-num">{units.mrial(s.cost)}</Table.Td>
                        <Table.Td>
                          <FundedBadge funded={s.funded} />
                        </Table.Td>
                        <Table.Td>{whyButton(s)}</Table.Td>
                      </Table.Tr>
                      {open.has(s.siteId) && (
                        <Table.Tr className="lp-expanded">
                          <Table.Td colSpan={6}>
                            <Reasons s={s} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
              <Stack gap="sm" hiddenFrom="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="ranking-cards">
                {r.sites.map((s) => (
                  <li key={s.siteId}>
                    <Paper withBorder p="sm" radius="md" style={s.funded ? { borderColor: 'var(--mantine-color-green-6)', borderInlineStartWidth: 4 } : undefined}>
                      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                        <Group gap="xs" wrap="nowrap" align="flex-start">
                          <Text fw={700} className="lp-num">
                            {faNumber(s.rank)}.
                          </Text>
                          <SiteLink s={s} />
                        </Group>
                        <FundedBadge funded={s.funded} />
                      </Group>
                      <Text size="sm" mt={4}>
                        {t.colScore}: {faNumber(s.score, 3)} — {units.mrial(s.cost)}
                      </Text>
                      {whyButton(s)}
                      {open.has(s.siteId) && (
                        <div style={{ marginTop: 6 }}>
                          <Reasons s={s} />
                        </div>
                      )}
                    </Paper>
                  </li>
                ))}
              </Stack>
            </>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}
