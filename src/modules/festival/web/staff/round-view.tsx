// The parts of a round's page: its status (phase, window, counts by state), the links to its sections, and its
// settings as read (axes with categories and rubric, required parts and documents, judging).
import { Anchor, Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { faNumber, jDateTime } from '../../../../web/format.js';
import { PageSection } from '../../../../web/staff/case.js';
import { Facts } from '../../../../web/staff/ui.js';
import type { RoundView } from '../../api-types.js';
import { ENTRY_STATES, PART_TITLES } from '../../enums.js';
import { rfa } from './fa-round.js';
import { BASE, EntryStateBadge, jalaliText, PhaseBadge } from './shared.js';

const t = rfa.page;

export function RoundStatus({ round }: { round: RoundView }) {
  const states = ENTRY_STATES.filter((s) => (round.counts[s] ?? 0) > 0);
  return (
    <PageSection id="status" title={t.status} testId="round-status">
      <Stack gap="md">
        <Facts
          items={[
            [t.phase, <PhaseBadge key="p" phase={round.phase} title={round.phaseTitle} />],
            [t.opensOn, jalaliText(round.opensOn)],
            [t.deadline, jalaliText(round.deadline)],
            !!round.judgingStartedAt && [t.judgingStartedAt, jDateTime(round.judgingStartedAt)],
            !!round.announcedAt && [t.announcedAt, jDateTime(round.announcedAt)],
            [t.judgeCount, faNumber(round.judgeCount)],
            [t.judgesPerEntry, faNumber(round.judgesPerEntry)],
            [t.threshold, faNumber(round.disagreementThreshold, 2)],
          ]}
        />
        <div>
          <Text size="sm" fw={500} mb={6}>
            {t.counts}
          </Text>
          {states.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.noEntries}
            </Text>
          ) : (
            <Group gap="sm" wrap="wrap" component="ul" className="fs-plain" data-testid="round-counts">
              {states.map((s) => (
                <Group key={s} gap={4} wrap="nowrap" component="li">
                  <Anchor component={Link} to={`${BASE}/entries?roundId=${round.id}&state=${s}`} underline="never">
                    <EntryStateBadge state={s} />
                  </Anchor>
                  <Text size="sm" fw={700} className="fs-num">
                    {faNumber(round.counts[s] ?? 0)}
                  </Text>
                </Group>
              ))}
            </Group>
          )}
        </div>
      </Stack>
    </PageSection>
  );
}

export function RoundLinks({ round }: { round: RoundView }) {
  const judged = round.state === 'judging' || round.state === 'announced';
  return (
    <PageSection id="links" title={t.links}>
      <Stack gap={6}>
        <Anchor component={Link} to={`${BASE}/entries?roundId=${round.id}`} data-testid="link-entries">
          {t.entriesLink}
        </Anchor>
        <Anchor component={Link} to={`${BASE}/rounds/${round.id}/judges`} data-testid="link-judges">
          {t.judgesLink}
        </Anchor>
        {judged && (
          <Anchor component={Link} to={`${BASE}/rounds/${round.id}/results`} data-testid="link-results">
            {t.resultsLink}
          </Anchor>
        )}
        {round.state === 'announced' && (
          <Anchor component={Link} to={`${BASE}/spread?roundId=${round.id}`} data-testid="link-spread">
            {t.spreadLink}
          </Anchor>
        )}
      </Stack>
    </PageSection>
  );
}

/** The settings as read: the axes (categories, rubric), required parts and documents. */
export function RoundSettings({ round }: { round: RoundView }) {
  return (
    <Stack gap="md" data-testid="round-settings">
      <Text size="sm" c="dimmed">
        {t.lockedNote[round.editable]}
      </Text>
      <Text fw={700}>{t.axes}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {round.axes.map((a) => (
          <Stack key={a.key} gap={6} className="fs-part" data-testid={`axis-view-${a.key}`}>
            <Text fw={700}>{a.title}</Text>
            {a.categories.length > 0 && (
              <Group gap={4} wrap="wrap">
                {a.categories.map((c) => (
                  <Badge key={c.key} variant="outline" color="gray" c="dark" radius="sm" className="st-badge">
                    {c.title}
                  </Badge>
                ))}
              </Group>
            )}
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {a.rubric.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>
                      <Text size="sm">{c.title}</Text>
                    </Table.Td>
                    <Table.Td className="fs-num">
                      <Text size="sm">{t.weight(faNumber(c.weight))}</Text>
                    </Table.Td>
                    <Table.Td className="fs-num">
                      <Text size="sm" c="dimmed">
                        {t.max(faNumber(c.max))}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
      <Facts
        items={[
          [t.requiredParts, round.requiredParts.length ? round.requiredParts.map((p) => PART_TITLES[p]).join('، ') : t.noneRequired],
          [
            t.requiredDocuments,
            round.requiredDocuments.length ? (
              <List size="sm" key="d">
                {round.requiredDocuments.map((d) => (
                  <List.Item key={d.key}>{d.title}</List.Item>
                ))}
              </List>
            ) : (
              t.noneRequired
            ),
          ],
        ]}
      />
    </Stack>
  );
}
