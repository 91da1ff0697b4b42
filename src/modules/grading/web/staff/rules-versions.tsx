// The rules screen's read side: the list of versions, their status, and one version's tables.
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import { jalaliParts } from '../../../../core/fa/jalali.js';
import { } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardLink, Facts, FormSection, ListView } from '../../../../web/staff/ui.js';
import type { RuleSetView } from '../../api-types.js';
import type { Indicator, RuleDefinition } from '../../contract.js';
import { acceptedRangeText, bandRangeText, indicatorMaxPoints } from '../../server/rules.js';
import { rfa } from './fa-rules.js';
import { ExampleBadge, jalaliText } from './shared.js';

// ---- versions ----

export type VersionStatus = 'inEffect' | 'future' | 'past';
export const STATUS_COLORS: Record<VersionStatus, string> = { inEffect: 'green', future: 'blue', past: 'gray' };

/** Today as the API writes Jalali dates ('1405/01/15'): zero-padded, so such strings compare as dates. */
export function todayJalali(): string {
  const { year, month, day } = jalaliParts(new Date());
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** The version in effect today (latest effective date not after today, ties: the higher version), or null. */
export function inEffectOf(items: readonly RuleSetView[], today: string): RuleSetView | null {
  let best: RuleSetView | null = null;
  for (const r of items) {
    if (r.effectiveFrom > today) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best;
}

export function statusOf(r: RuleSetView, current: RuleSetView | null, today: string): VersionStatus {
  if (current?.id === r.id) return 'inEffect';
  return r.effectiveFrom > today ? 'future' : 'past';
}

export function StatusBadges({ status, example }: { status: VersionStatus; example: boolean }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={STATUS_COLORS[status]} c={`${STATUS_COLORS[status]}.9`} size="sm" radius="sm" className="st-badge" data-status={status}>
        {rfa[status]}
      </Badge>
      {example && <ExampleBadge />}
    </Group>
  );
}

export const bestTotal = (d: RuleDefinition) => d.indicators.reduce((s, i) => s + indicatorMaxPoints(i), 0);

/** The versions of a subject: a table on a desktop, cards on a phone; the shown one is marked. */
export function VersionList({ items, shownId, current, today, linkTo }: { items: RuleSetView[]; shownId: number | null; current: RuleSetView | null; today: string; linkTo: (id: number) => string }) {
  return (
    <ListView
      cardsTestId="rule-version-cards"
      table={
        <div className="gr-scroll">
          <Table verticalSpacing="sm" highlightOnHover data-testid="rule-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{rfa.colVersion}</Table.Th>
                <Table.Th>{rfa.colTitle}</Table.Th>
                <Table.Th>{rfa.colEffective}</Table.Th>
                <Table.Th>{rfa.colApprovedBy}</Table.Th>
                <Table.Th>{rfa.colUsedBy}</Table.Th>
                <Table.Th>{rfa.colStatus}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const shown = r.id === shownId;
                return (
                  <Table.Tr key={r.id} bg={shown ? 'var(--mantine-color-civic-0)' : undefined} data-version={r.version}>
                    <Table.Td>
                      <Anchor component={Link} to={linkTo(r.id)} fw={700} aria-current={shown ? 'true' : undefined} className="gr-num">
                        {rfa.version(faNumber(r.version))}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td className="gr-num">{jalaliText(r.effectiveFrom)}</Table.Td>
                    <Table.Td>{r.approvedBy}</Table.Td>
                    <Table.Td className="gr-num">{rfa.usedBy(faNumber(r.usedBy))}</Table.Td>
                    <Table.Td>
                      <StatusBadges status={statusOf(r, current, today)} example={r.isExample} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      }
      cards={items.map((r) => (
        <CardLink key={r.id} to={linkTo(r.id)} testId={`rule-version-${r.version}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={700}>{rfa.version(faNumber(r.version))}</Text>
            <StatusBadges status={statusOf(r, current, today)} example={r.isExample} />
          </Group>
          <Text size="sm" mt={4}>
            {r.title}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {rfa.effectiveFrom(jalaliText(r.effectiveFrom))} · {rfa.usedBy(faNumber(r.usedBy))}
          </Text>
          {r.id === shownId && (
            <Text size="xs" c="civic.8" fw={700} mt={4}>
              {rfa.shown}
            </Text>
          )}
        </CardLink>
      ))}
    />
  );
}

// ---- one version's tables ----

export function IndicatorTable({ ind }: { ind: Indicator }) {
  const range = ind.kind === 'number' ? acceptedRangeText(ind) : null;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-indicator={ind.key}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={6}>
        <Group gap={6} wrap="wrap">
          <Title order={4} size="h5">
            {ind.title}
          </Title>
          {!ind.required && (
            <Badge variant="light" color="gray" c="gray.8" size="sm" className="st-badge">
              {rfa.optional}
            </Badge>
          )}
        </Group>
        <Text size="sm" fw={700} className="gr-num">
          {rfa.maxPoints(faNumber(indicatorMaxPoints(ind), 2))}
        </Text>
      </Group>
      <Facts
        items={[
          [rfa.unit, ind.unit || rfa.noUnit],
          !!range && [rfa.range, range],
          !!ind.evidence && [rfa.evidence, ind.evidence],
        ]}
      />
      <Table verticalSpacing={4} mt="xs" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{ind.kind === 'number' ? rfa.colBand : rfa.colChoice}</Table.Th>
            <Table.Th w="5.5rem">{rfa.colPoints}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ind.kind === 'number'
            ? [...ind.bands]
                .sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity))
                .map((b, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{bandRangeText(b, ind.unit)}</Table.Td>
                    <Table.Td className="gr-num">{faNumber(b.points, 2)}</Table.Td>
                  </Table.Tr>
                ))
            : ind.choices.map((c) => (
                <Table.Tr key={c.value}>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td className="gr-num">{faNumber(c.points, 2)}</Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Each grade's span of total points: grade 1 below the first threshold, the top grade from its threshold up. */
export function GradeTable({ definition }: { definition: RuleDefinition }) {
  const rows = [...definition.grades].filter((g) => g.grade > 1).sort((a, b) => a.grade - b.grade);
  const spans = [
    { grade: 1, min: null, max: rows[0]?.minPoints ?? null },
    ...rows.map((g, i) => ({ grade: g.grade, min: g.minPoints, max: rows[i + 1]?.minPoints ?? null })),
  ];
  return (
    <Table verticalSpacing={4} withRowBorders data-testid="grade-thresholds">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{rfa.colGrade}</Table.Th>
          <Table.Th>{rfa.colTotal}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {spans.reverse().map((s) => (
          <Table.Tr key={s.grade} data-grade={s.grade}>
            <Table.Td fw={700}>{rfa.gradeRow(faNumber(s.grade))}</Table.Td>
            <Table.Td className="gr-num">{bandRangeText(s, '')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function VersionDetail({ rule, status }: { rule: RuleSetView; status: VersionStatus }) {
  return (
    <Stack gap="md" data-testid="rule-detail" data-version={rule.version}>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
          <Title order={2} size="h3">
            {rfa.version(faNumber(rule.version))} — {rule.title}
          </Title>
          <StatusBadges status={status} example={rule.isExample} />
        </Group>
        {rule.isExample && (
          <Alert color="yellow" variant="light" mb="sm" data-testid="example-notice">
            {rfa.exampleNotice}
          </Alert>
        )}
        <Facts
          items={[
            [rfa.facts.effective, jalaliText(rule.effectiveFrom)],
            [rfa.facts.approvedBy, rule.approvedBy],
            [rfa.facts.createdBy, rule.createdBy ?? rfa.facts.system],
            [rfa.facts.createdAt, jDate(rule.createdAt)],
            [rfa.facts.usedBy, rfa.usedBy(faNumber(rule.usedBy))],
            [rfa.facts.indicators, faNumber(rule.definition.indicators.length)],
            [rfa.facts.best, rfa.points(faNumber(bestTotal(rule.definition), 2))],
          ]}
        />
      </Paper>
      <FormSection title={rfa.indicators} hint={rfa.indicatorsHint}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {rule.definition.indicators.map((ind) => (
            <IndicatorTable key={ind.key} ind={ind} />
          ))}
        </SimpleGrid>
      </FormSection>
      <FormSection title={rfa.grades} hint={rfa.gradesHint}>
        <GradeTable definition={rule.definition} />
      </FormSection>
    </Stack>
  );
}
