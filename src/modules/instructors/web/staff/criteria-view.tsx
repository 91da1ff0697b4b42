// The criteria screen's read side: the versions (in effect, future, past; how many applications used each) and one
// version's criteria with their weights and scales as Persian rules.
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { bandRangeText } from '../../../../core/scoring/bands.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardLink, Facts, FormSection, ListView } from '../../../../web/staff/ui.js';
import type { CriteriaSetView } from '../../api-types.js';
import type { Criterion } from '../../contract.js';
import { isChoiceMeasure, MEASURE_TITLES, MEASURE_UNITS } from '../../enums.js';
import { valueText } from '../../scoring.js';
import { kfa } from './fa-criteria.js';
import { jalaliText } from './shared.js';

const t = kfa.criteria;

export type VersionStatus = 'inEffect' | 'future' | 'past';
const STATUS_COLORS: Record<VersionStatus, string> = { inEffect: 'green', future: 'blue', past: 'gray' };

/** The version in effect today (latest effective date not after today; ties: the higher version), or null. */
export function inEffectOf(items: readonly CriteriaSetView[], today: string): CriteriaSetView | null {
  let best: CriteriaSetView | null = null;
  for (const r of items) {
    if (r.effectiveFrom > today) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best;
}

export function statusOf(r: CriteriaSetView, current: CriteriaSetView | null, today: string): VersionStatus {
  if (current?.id === r.id) return 'inEffect';
  return r.effectiveFrom > today ? 'future' : 'past';
}

function StatusBadges({ status, example }: { status: VersionStatus; example: boolean }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={STATUS_COLORS[status]} c={`${STATUS_COLORS[status]}.9`} size="sm" radius="sm" className="st-badge" data-status={status}>
        {t[status]}
      </Badge>
      {example && (
        <Badge color="yellow" c="yellow.9" variant="light" size="sm" className="st-badge">
          {t.example}
        </Badge>
      )}
    </Group>
  );
}

/** The versions, newest first: a table on a desktop, cards on a phone; the shown one is marked. */
export function VersionList({ items, shownId, current, today, linkTo }: { items: CriteriaSetView[]; shownId: number | null; current: CriteriaSetView | null; today: string; linkTo: (id: number) => string }) {
  return (
    <ListView
      cardsTestId="criteria-version-cards"
      table={
        <div className="in-scroll">
          <Table verticalSpacing="sm" highlightOnHover data-testid="criteria-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.colVersion}</Table.Th>
                <Table.Th>{t.colTitle}</Table.Th>
                <Table.Th>{t.colEffective}</Table.Th>
                <Table.Th>{t.colApprovedBy}</Table.Th>
                <Table.Th>{t.colUsedBy}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const shown = r.id === shownId;
                return (
                  <Table.Tr key={r.id} bg={shown ? 'var(--mantine-color-civic-0)' : undefined} data-version={r.version}>
                    <Table.Td>
                      <Anchor component={Link} to={linkTo(r.id)} fw={700} aria-current={shown ? 'true' : undefined} className="in-num">
                        {t.version(faNumber(r.version))}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td className="in-num">{jalaliText(r.effectiveFrom)}</Table.Td>
                    <Table.Td>{r.approvedBy}</Table.Td>
                    <Table.Td className="in-num">{t.usedBy(faNumber(r.usedBy))}</Table.Td>
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
        <CardLink key={r.id} to={linkTo(r.id)} testId={`criteria-version-${r.version}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={700}>{t.version(faNumber(r.version))}</Text>
            <StatusBadges status={statusOf(r, current, today)} example={r.isExample} />
          </Group>
          <Text size="sm" mt={4}>
            {r.title}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t.colEffective}: {jalaliText(r.effectiveFrom)} · {t.usedBy(faNumber(r.usedBy))}
          </Text>
          {r.id === shownId && (
            <Text size="xs" c="civic.8" fw={700} mt={4}>
              {t.shown}
            </Text>
          )}
        </CardLink>
      ))}
    />
  );
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
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
          <Title order={2} size="h3">
            {t.version(faNumber(set.version))} — {set.title}
          </Title>
          <StatusBadges status={status} example={set.isExample} />
        </Group>
        {set.isExample && (
          <Alert color="yellow" variant="light" mb="sm">
            {t.exampleNotice}
          </Alert>
        )}
        <Facts
          items={[
            [t.facts.effective, jalaliText(set.effectiveFrom)],
            [t.facts.approvedBy, set.approvedBy],
            [t.facts.createdBy, set.createdBy ?? t.facts.system],
            [t.facts.createdAt, jDate(set.createdAt)],
            [t.facts.usedBy, t.usedBy(faNumber(set.usedBy))],
            [t.facts.passScore, faNumber(d.passScore, 2)],
            [t.facts.validity, `${faNumber(d.validityYears)} سال`],
          ]}
        />
      </Paper>
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
