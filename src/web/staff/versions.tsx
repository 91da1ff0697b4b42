// Versioned rules as the staff screens show them (grading rules, instructor criteria): each version has an effective
// date (Jalali 'YYYY/MM/DD', as the API writes it), an approver, how many cases used it and maybe an «example» mark;
// today one is in effect, later ones are future and earlier ones past. The list of versions (a table on a desktop,
// cards on a phone, the shown one marked) and the head of one version's page. The words come from the service.
import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { jalaliFromDbDate } from '../../core/db/dates.js';
import { faDigits, faNumber } from '../format.js';
import { CardLink, Facts, ListView } from './ui.js';

export type VersionStatus = 'inEffect' | 'future' | 'past';
export const VERSION_STATUS_COLORS: Record<VersionStatus, string> = { inEffect: 'green', future: 'blue', past: 'gray' };

/** What a version list needs of a version. */
export interface VersionItem {
  id: number;
  version: number;
  title: string;
  /** Jalali 'YYYY/MM/DD', zero-padded: such strings compare as dates */
  effectiveFrom: string;
  approvedBy: string;
  usedBy: number;
  isExample: boolean;
}

/** The words of a version list and a version's head (the service's own). */
export interface VersionLabels {
  colVersion: string;
  colTitle: string;
  colEffective: string;
  colApprovedBy: string;
  colUsedBy: string;
  colStatus: string;
  /** «نسخه ۲» */
  version: (v: string) => string;
  /** how many cases used it: «۱۳ درخواست» */
  usedBy: (n: string) => string;
  /** the effective date on a phone's card */
  effectiveFrom: (date: string) => string;
  /** the mark of the shown version on a phone's card */
  shown: string;
  inEffect: string;
  future: string;
  past: string;
  /** the example badge */
  example: string;
  /** what an example version's page says of it */
  exampleNotice: string;
}

/** Test ids of a version list: the table, the cards, and a card (given the version number). */
export interface VersionTestIds {
  table: string;
  cards: string;
  card: (version: number) => string;
}

/** Today as the API writes Jalali dates ('1405/01/15', ASCII, zero-padded: such strings compare as dates). */
export const todayJalali = (): string => jalaliFromDbDate(new Date());

/** The version in effect today (latest effective date not after today; ties: the higher version), or null. */
export function inEffectOf<T extends Pick<VersionItem, 'effectiveFrom' | 'version'>>(items: readonly T[], today: string): T | null {
  let best: T | null = null;
  for (const r of items) {
    if (r.effectiveFrom > today) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best;
}

export function statusOf(r: Pick<VersionItem, 'id' | 'effectiveFrom'>, current: Pick<VersionItem, 'id'> | null, today: string): VersionStatus {
  if (current?.id === r.id) return 'inEffect';
  return r.effectiveFrom > today ? 'future' : 'past';
}

/** «نمونه» on a version shipped as an example (to be replaced by the approved one). */
export function ExampleBadge({ children }: { children: ReactNode }) {
  return (
    <Badge color="yellow" c="yellow.9" variant="light" size="sm" className="st-badge" data-testid="example-badge">
      {children}
    </Badge>
  );
}

/** A version's status as a coloured badge, and the example badge when it is one. */
export function VersionBadges({ status, example, labels }: { status: VersionStatus; example: boolean; labels: VersionLabels }) {
  const color = VERSION_STATUS_COLORS[status];
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={color} c={`${color}.9`} size="sm" radius="sm" className="st-badge" data-status={status}>
        {labels[status]}
      </Badge>
      {example && <ExampleBadge>{labels.example}</ExampleBadge>}
    </Group>
  );
}

/** The versions: a table on a desktop, cards on a phone; the shown one is marked. */
export function VersionList({
  items,
  shownId,
  current,
  today,
  linkTo,
  labels,
  testIds,
}: {
  items: readonly VersionItem[];
  shownId: number | null;
  current: VersionItem | null;
  today: string;
  linkTo: (id: number) => string;
  labels: VersionLabels;
  testIds: VersionTestIds;
}) {
  const t = labels;
  return (
    <ListView
      cardsTestId={testIds.cards}
      table={
        <div className="st-scroll">
          <Table verticalSpacing="sm" highlightOnHover data-testid={testIds.table}>
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
                      <Anchor component={Link} to={linkTo(r.id)} fw={700} aria-current={shown ? 'true' : undefined} className="st-num">
                        {t.version(faNumber(r.version))}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td className="st-num">{faDigits(r.effectiveFrom)}</Table.Td>
                    <Table.Td>{r.approvedBy}</Table.Td>
                    <Table.Td className="st-num">{t.usedBy(faNumber(r.usedBy))}</Table.Td>
                    <Table.Td>
                      <VersionBadges status={statusOf(r, current, today)} example={r.isExample} labels={t} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      }
      cards={items.map((r) => (
        <CardLink key={r.id} to={linkTo(r.id)} testId={testIds.card(r.version)}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={700}>{t.version(faNumber(r.version))}</Text>
            <VersionBadges status={statusOf(r, current, today)} example={r.isExample} labels={t} />
          </Group>
          <Text size="sm" mt={4}>
            {r.title}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t.effectiveFrom(faDigits(r.effectiveFrom))} · {t.usedBy(faNumber(r.usedBy))}
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

/** The head of one version's page: «نسخه ۲ — title» with its badges, the example notice, and its facts. */
export function VersionHead({
  item,
  status,
  labels,
  facts,
  noticeTestId,
}: {
  item: VersionItem;
  status: VersionStatus;
  labels: VersionLabels;
  facts: Array<[string, ReactNode] | false | null | undefined | ''>;
  noticeTestId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Title order={2} size="h3">
          {labels.version(faNumber(item.version))} — {item.title}
        </Title>
        <VersionBadges status={status} example={item.isExample} labels={labels} />
      </Group>
      {item.isExample && (
        <Alert color="yellow" variant="light" mb="sm" data-testid={noticeTestId}>
          {labels.exampleNotice}
        </Alert>
      )}
      <Facts items={facts} />
    </Paper>
  );
}
