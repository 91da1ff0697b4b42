// The rules screen's read side: the list of versions, their status, and one version's tables.
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { faNumber, jDate } from '../../../../web/format.js';
import { Facts, FormSection } from '../../../../web/staff/ui.js';
import { VersionHead, VersionList as ShellVersionList, type VersionLabels, type VersionStatus, type VersionTestIds } from '../../../../web/staff/versions.js';
import type { RuleSetView } from '../../api-types.js';
import type { Indicator, RuleDefinition } from '../../contract.js';
import { acceptedRangeText, bandRangeText, indicatorMaxPoints } from '../../server/rules.js';
import { rfa } from './fa-rules.js';
import { gfa } from './fa.js';
import { jalaliText } from './shared.js';

// ---- versions ----

/** The words of the versions list and a version's head (the shell's src/web/staff/versions.tsx). */
const VERSION_LABELS: VersionLabels = { ...rfa, example: gfa.common.exampleShort };
const TEST_IDS: VersionTestIds = { table: 'rule-versions', cards: 'rule-version-cards', card: (v) => `rule-version-${v}` };

export const bestTotal = (d: RuleDefinition) => d.indicators.reduce((s, i) => s + indicatorMaxPoints(i), 0);

/** The versions of a subject: a table on a desktop, cards on a phone; the shown one is marked. */
export function VersionList(props: { items: RuleSetView[]; shownId: number | null; current: RuleSetView | null; today: string; linkTo: (id: number) => string }) {
  return <ShellVersionList {...props} labels={VERSION_LABELS} testIds={TEST_IDS} />;
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
      <VersionHead
        item={rule}
        status={status}
        labels={VERSION_LABELS}
        noticeTestId="example-notice"
        facts={[
          [rfa.facts.effective, jalaliText(rule.effectiveFrom)],
          [rfa.facts.approvedBy, rule.approvedBy],
          [rfa.facts.createdBy, rule.createdBy ?? rfa.facts.system],
          [rfa.facts.createdAt, jDate(rule.createdAt)],
          [rfa.facts.usedBy, rfa.usedBy(faNumber(rule.usedBy))],
          [rfa.facts.indicators, faNumber(rule.definition.indicators.length)],
          [rfa.facts.best, rfa.points(faNumber(bestTotal(rule.definition), 2))],
        ]}
      />
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
