// The criteria screen's read side: the versions (in effect, future, past; how many applications used each) and one
// version's criteria with their weights and scales as Persian rules.
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { bandRangeText } from '../../../../core/scoring/bands.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { FormSection } from '../../../../web/staff/ui.js';
import { VersionHead, VersionList as ShellVersionList, type VersionStatus, type VersionTestIds } from '../../../../web/staff/versions.js';
import type { CriteriaSetView } from '../../api-types.js';
import type { Criterion } from '../../contract.js';
import { isChoiceMeasure, MEASURE_TITLES, MEASURE_UNITS } from '../../enums.js';
import { valueText } from '../../scoring.js';
import { kfa } from './fa-criteria.js';
import { jalaliText } from './shared.js';

const t = kfa.criteria;

const TEST_IDS: VersionTestIds = { table: 'criteria-versions', cards: 'criteria-version-cards', card: (v) => `criteria-version-${v}` };

/** The versions, newest first: a table on a desktop, cards on a phone; the shown one is marked. */
export function VersionList(props: { items: CriteriaSetView[]; shownId: number | null; current: CriteriaSetView | null; today: string; linkTo: (id: number) => string }) {
  return <ShellVersionList {...props} labels={t} testIds={TEST_IDS} />;
}

const percent = (share: number) => `${faNumber(share * 100, 1)}٪`;

/** One criterion: its weight, note, and its scale (bands of a number or choices) with each one's share and points. */
export function CriterionTable({ c }: { c: Criterion }) {
  const rows = isChoiceMeasure(c.measure)
    ? c.choices.map((x) => ({ key: x.value, text: valueText(c.measure, x.value), share: x.share }))
    : [...c.bands].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity)).map((b, i) => ({ key: String(i), text: bandRangeText(b, MEASURE_UNITS[c.measure]), share: b.share }));
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-measure={c.measure}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={6}>
        <Title order={4} size="h5">
          {MEASURE_TITLES[c.measure]}
        </Title>
        <Text size="sm" fw={700} className="in-num">
          {t.weight(faNumber(c.weight, 2))}
        </Text>
      </Group>
      {c.note && (
        <Text size="sm" c="dimmed" mb={4}>
          {c.note}
        </Text>
      )}
      <Table verticalSpacing={4} withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{isChoiceMeasure(c.measure) ? t.colChoice : t.colBand}</Table.Th>
            <Table.Th w="6rem">{t.colShare}</Table.Th>
            <Table.Th w="5rem">{t.colPoints}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.text}</Table.Td>
              <Table.Td className="in-num">{percent(r.share)}</Table.Td>
              <Table.Td className="in-num">{faNumber(r.share * c.weight, 2)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function VersionDetail({ set, status }: { set: CriteriaSetView; status: VersionStatus }) {
  const d = set.definition;
  return (
    <Stack gap="md" data-testid="criteria-detail" data-version={set.version}>
      <VersionHead
        item={set}
        status={status}
        labels={t}
        facts={[
          [t.facts.effective, jalaliText(set.effectiveFrom)],
          [t.facts.approvedBy, set.approvedBy],
          [t.facts.createdBy, set.createdBy ?? t.facts.system],
          [t.facts.createdAt, jDate(set.createdAt)],
          [t.facts.usedBy, t.usedBy(faNumber(set.usedBy))],
          [t.facts.passScore, faNumber(d.passScore, 2)],
          [t.facts.validity, `${faNumber(d.validityYears)} سال`],
        ]}
      />
      <FormSection title={t.criteria} hint={t.criteriaHint}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {d.criteria.map((c) => (
            <CriterionTable key={c.measure} c={c} />
          ))}
        </SimpleGrid>
      </FormSection>
    </Stack>
  );
}
