import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Box, Button, Container, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, faNumber, isOverdue, jDate } from '../../../../web/format.js';
import { CardLink, DueDate, EmptyCard, Facts, QueryStatus } from '../../../../web/staff/ui.js';
import type { EntityView, RequestView, SheetView } from '../../api-types.js';
import { MAX_GRADE, SUBJECT_TITLES } from '../../enums.js';
import { gfa } from './fa.js';
import { GradingHeader, jalaliText, RequestStateBadge, OrderNumber, RuleVersion, sheetYear, useMyEntities, useSheets, yearText } from './shared.js';

const t = gfa.entity;

/** The open request of an entity: its state and the deadline of its current step. */
function OpenRequest({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['grading', 'request', id],
    queryFn: ({ signal }) => api.get<RequestView>(`/api/v1/grading/requests/${encodeURIComponent(id)}`, signal),
  });
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const r = q.data;
  const step = r.steps.find((s) => !s.leftAt) ?? r.steps[r.steps.length - 1];
  return (
    <Stack gap="xs" data-testid="open-request">
      <Group gap="xs" wrap="wrap">
        <RequestStateBadge state={r.state} title={r.stateTitle} />
      </Group>
      <Facts
        items={[
          [gfa.page.trackingCode, <bdi className="st-code" key="code">{faDigits(r.trackingCode)}</bdi>],
          step && [t.currentStep, step.title],
          step?.dueAt && [t.stepDue, <DueDate dueAt={step.dueAt} overdue={step.late || isOverdue(step.dueAt)} key="due" />],
        ]}
      />
      <Anchor component={Link} to={`/app/grading/requests/${r.id}`} size="sm" fw={700} data-testid="open-request-link">
        {t.openRequestLink} ←
      </Anchor>
    </Stack>
  );
}

/** The upgrade button with why it is (not) available now. */
function Upgrade({ e, sheets }: { e: EntityView; sheets: SheetView[] }) {
  const best = sheets.find((s) => s.evaluation.grade > (e.grade ?? 0));
  const tooSoon = e.subject === 'dehyari' && !!e.nextReviewFrom;
  const why = e.openRequestId ? t.upgradeWhy.open : tooSoon ? t.upgradeWhy.tooSoon(jalaliText(e.nextReviewFrom)) : !best ? t.upgradeWhy.noSheet : t.upgradeWhy.ready(yearText(best.year), gfa.common.grade(faNumber(best.evaluation.grade)));
  const enabled = !!best && !e.openRequestId && !tooSoon;
  return (
    <Stack gap={4} align="flex-start">
      {enabled ? (
        <Button component={Link} to={`/app/grading/requests/new?sheetId=${best.id}`} data-testid="upgrade">
          {t.upgrade}
        </Button>
      ) : (
        <Button disabled data-testid="upgrade">
          {t.upgrade}
        </Button>
      )}
      <Text size="xs" c={enabled ? 'green.9' : 'dimmed'} data-testid="upgrade-why">
        {why}
      </Text>
    </Stack>
  );
}

function SupportedGrade({ s, e }: { s: SheetView; e: EntityView }) {
  return (
    <Text span size="sm" fw={700} c={s.evaluation.grade > (e.grade ?? 0) ? 'green.9' : undefined}>
      {gfa.common.grade(faNumber(s.evaluation.grade))}
    </Text>
  );
}

function SheetState({ s }: { s: SheetView }) {
  return (
    <Badge variant="light" color={s.locked ? 'orange' : 'gray'} size="sm" style={{ flex: 'none' }}>
      {s.locked ? t.locked : t.editable}
    </Badge>
  );
}

function Sheets({ e }: { e: EntityView }) {
  const q = useSheets(e);
  const year = sheetYear();
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const sheets = q.data;
  const thisYear = sheets.find((s) => s.year === year);
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" align="flex-start">
        <Button
          component={Link}
          variant="light"
          to={thisYear ? `/app/grading/sheets/${thisYear.id}` : `/app/grading/sheets/new?subject=${e.subject}&divisionId=${e.divisionId}&year=${year}`}
          data-testid="sheet-of-year"
        >
          {t.sheetOfYear(yearText(year))}
        </Button>
        <Upgrade e={e} sheets={sheets} />
      </Group>
      {sheets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noSheets}
        </Text>
      ) : (
        <>
          <Box visibleFrom="sm">
            <Table verticalSpacing="xs" data-testid="sheets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.colYear}</Table.Th>
                  <Table.Th>{t.colTotal}</Table.Th>
                  <Table.Th>{t.colSupported}</Table.Th>
                  <Table.Th>{t.colState}</Table.Th>
                  <Table.Th>{t.colUpdated}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sheets.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/app/grading/sheets/${s.id}`} fw={700} className="gr-num">
                        {t.sheetOfYear(yearText(s.year))}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="gr-num">{faNumber(s.evaluation.total, 2)}</Table.Td>
                    <Table.Td className="gr-num">
                      <SupportedGrade s={s} e={e} />
                    </Table.Td>
                    <Table.Td>
                      <SheetState s={s} />
                    </Table.Td>
                    <Table.Td className="gr-num">{jDate(s.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Stack gap="xs" hiddenFrom="sm" component="ul" className="gr-docs">
            {sheets.map((s) => (
              <CardLink key={s.id} to={`/app/grading/sheets/${s.id}`}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={700} size="sm">
                    {t.sheetOfYear(yearText(s.year))}
                  </Text>
                  <SheetState s={s} />
                </Group>
                <Text size="sm" mt={4}>
                  {gfa.common.points(faNumber(s.evaluation.total, 2))} — <SupportedGrade s={s} e={e} />
                </Text>
              </CardLink>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function History({ e }: { e: EntityView }) {
  if (e.history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.noHistory}
      </Text>
    );
  }
  const rule = (h: EntityView['history'][number]) => (h.ruleVersion !== null && h.ruleTitle ? <RuleVersion rule={{ version: h.ruleVersion, title: h.ruleTitle, isExample: false }} /> : gfa.common.none);
  const order = (h: EntityView['history'][number]) =>
    h.requestId ? (
      <Anchor component={Link} to={`/app/grading/requests/${h.requestId}`} size="sm">
        <OrderNumber value={h.orderNumber} />
      </Anchor>
    ) : (
      <OrderNumber value={h.orderNumber} />
    );
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing="xs" data-testid="history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colGrade}</Table.Th>
              <Table.Th>{t.colRule}</Table.Th>
              <Table.Th>{t.colOrder}</Table.Th>
              <Table.Th>{t.colDate}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.history.map((h, i) => (
              <Table.Tr key={`${h.effectiveDate}-${i}`}>
                <Table.Td className="gr-num">
                  <Text span size="sm" fw={700}>
                    {gfa.common.grade(faNumber(h.grade))}
                  </Text>
                </Table.Td>
                <Table.Td>{rule(h)}</Table.Td>
                <Table.Td>{order(h)}</Table.Td>
                <Table.Td className="gr-num">{jalaliText(h.effectiveDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" component="ul" className="gr-docs">
        {e.history.map((h, i) => (
          <Paper key={`${h.effectiveDate}-${i}`} withBorder p="sm" radius="md" component="li">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fw={700} size="sm">
                {gfa.common.grade(faNumber(h.grade))}
              </Text>
              <Text size="sm" className="gr-num">
                {jalaliText(h.effectiveDate)}
              </Text>
            </Group>
            <Facts
              items={[
                [t.colOrder, order(h)],
                [t.colRule, rule(h)],
              ]}
            />
          </Paper>
        ))}
      </Stack>
    </>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One municipality or dehyari: its grade, its open request, its sheets and its grade history. */
function EntityCard({ e }: { e: EntityView }) {
  const max = MAX_GRADE[e.subject];
  return (
    <Stack gap="md" component="article" aria-label={e.name} data-testid="entity">
      <div>
        <Group gap="xs" wrap="wrap" align="center">
          <Title order={2} size="h3">
            {e.name}
          </Title>
          <Badge variant="light" color="civic" className="st-badge">
            {SUBJECT_TITLES[e.subject]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {e.place}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md" aria-label={t.currentGrade} data-testid="current-grade">
          <Text size="sm" c="dimmed">
            {t.currentGrade}
          </Text>
          {e.grade === null ? (
            <Text fw={700} size="lg" mt={4}>
              {t.noGrade}
            </Text>
          ) : (
            <Group gap="xs" align="baseline" wrap="wrap">
              <span className="gr-grade-big">{faNumber(e.grade)}</span>
              <Text size="sm" c="dimmed">
                {t.of(faNumber(max))}
              </Text>
            </Group>
          )}
          {e.gradedOn && (
            <Text size="sm" mt={4}>
              {t.since(jalaliText(e.gradedOn))}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" aria-label={t.openRequest}>
          <Text size="sm" c="dimmed" mb={6}>
            {t.openRequest}
          </Text>
          {e.openRequestId ? <OpenRequest id={e.openRequestId} /> : <Text size="sm">{t.noOpenRequest}</Text>}
        </Paper>
      </SimpleGrid>
      {e.subject === 'dehyari' && e.nextReviewFrom && (
        <Alert color="yellow" variant="light" data-testid="next-review">
          {t.upgradeWhy.tooSoon(jalaliText(e.nextReviewFrom))}
        </Alert>
      )}
      <Section title={t.sheets} testId="sheets-section">
        <Sheets e={e} />
      </Section>
      <Section title={t.history}>
        <History e={e} />
      </Section>
    </Stack>
  );
}

/**
 * `/app/grading/entity` (and `/app/grading` for a municipality or dehyari user): for each entity of the user, the
 * current grade and since when, the open request with its step and deadline, the yearly sheets with the grade each
 * supports, the buttons to fill this year's sheet and to ask for an upgrade, and the grade history.
 */
export default function MyEntity() {
  usePageTitle(t.title);
  const q = useMyEntities();
  return (
    <Container size="xl">
      <Stack gap="lg">
        <GradingHeader title={t.title} />
        {q.isPending || q.isError ? (
          <QueryStatus query={q} />
        ) : q.data.length === 0 ? (
          <EmptyCard>{t.none}</EmptyCard>
        ) : (
          q.data.map((e) => <EntityCard key={`${e.subject}-${e.divisionId}`} e={e} />)
        )}
      </Stack>
    </Container>
  );
}
