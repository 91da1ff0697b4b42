// The parts of a round's results: an axis's agreement (ICC of raw totals and of z-scores, its Persian reading and a
// plain explanation) and its ranking table (national and province rank, raw mean, mean z, the judges' spread with
// the flag in words and a mark, each judge's total and z, the winner boxes while the round may be announced).
import { Anchor, Badge, Checkbox, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { faNumber } from '../../../../web/format.js';
import type { AxisAgreement, ResultRow } from '../../api-types.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';
import { BASE, Code, FlagMark, Signed, Sub } from './shared.js';

const t = rfa.results;

export function Agreement({ a }: { a: AxisAgreement }) {
  const figures: [string, number | null, string][] = [
    [t.icc1k, a.icc1k, 'icc1k'],
    [t.icc1, a.icc1, 'icc1'],
    [t.icc1kZ, a.icc1kZ, 'icc1kZ'],
    [t.icc1Z, a.icc1Z, 'icc1Z'],
  ];
  return (
    <Stack gap="xs" data-testid={`agreement-${a.axis}`}>
      <Group gap="sm" wrap="wrap" align="center">
        <Text fw={700}>{t.agreement}</Text>
        {a.reading && (
          <Badge variant="light" color="civic" size="lg" radius="sm" className="st-badge" data-testid="icc-reading">
            {t.reading}: {a.reading}
          </Badge>
        )}
      </Group>
      <Text size="sm">{t.agreementLine}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
        {figures.map(([label, value, key]) => (
          <div key={key} className="fs-part" data-testid={`icc-${key}`}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size={value === null ? 'xs' : 'lg'}>
              {value === null ? t.notComputable : <Signed n={value} digits={3} />}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t.sizes(faNumber(a.entries), faNumber(a.judges))} — {t.design[a.design]}
      </Text>
    </Stack>
  );
}

export function RankingTable({ rows, picking, chosen, onPick, final }: { rows: ResultRow[]; picking: boolean; chosen: Set<string>; onPick: (id: string, on: boolean) => void; final: boolean }) {
  if (rows.length === 0) return <Text size="sm">{t.noRows}</Text>;
  return (
    <div className="st-scroll">
      <Table verticalSpacing="xs" data-testid="ranking-table">
        <Table.Thead>
          <Table.Tr>
            {picking && <Table.Th>{t.colPick}</Table.Th>}
            <Table.Th>{t.colRank}</Table.Th>
            <Table.Th>{t.colRankProvince}</Table.Th>
            <Table.Th>{t.colTitle}</Table.Th>
            <Table.Th>{t.colRaw}</Table.Th>
            <Table.Th>{t.colZ}</Table.Th>
            <Table.Th>{t.colSpread}</Table.Th>
            <Table.Th>{t.colScores}</Table.Th>
            {final && <Table.Th>{t.award}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const winner = picking ? chosen.has(r.entryId) : !!r.award;
            const cls = [r.flagged ? 'fs-row-flagged' : '', winner ? 'fs-row-winner' : ''].filter(Boolean).join(' ');
            return (
              <Table.Tr key={r.entryId} className={cls || undefined} data-testid="result-row" data-flagged={r.flagged || undefined} data-suggested={r.suggested || undefined}>
                {picking && (
                  <Table.Td>
                    <Checkbox aria-label={`${t.colPick}: ${r.title}`} checked={chosen.has(r.entryId)} onChange={(e) => onPick(r.entryId, e.currentTarget.checked)} data-testid="pick" />
                  </Table.Td>
                )}
                <Table.Td className="fs-num">
                  <Text fw={700}>{faNumber(r.rankNational)}</Text>
                </Table.Td>
                <Table.Td className="fs-num">{faNumber(r.rankProvince)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`${BASE}/entries/${encodeURIComponent(r.entryId)}`} size="sm" fw={500}>
                    {r.title}
                  </Anchor>
                  <Sub>
                    {r.place.village}، {r.place.province} — <Code value={r.trackingCode} />
                  </Sub>
                  {r.suggested && !final && (
                    <Text size="xs" c="civic.8" fw={700}>
                      {t.suggested}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="fs-num">{faNumber(r.rawMean, 2)}</Table.Td>
                <Table.Td>
                  <Signed n={r.meanZ} digits={3} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="fs-num">
                    {faNumber(r.spread, 2)}
                  </Text>
                  {r.flagged && <FlagMark />}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {r.scores.map((s) => (
                      <Text key={s.judgeId} size="xs" style={{ whiteSpace: 'nowrap' }}>
                        {s.judge}: {faNumber(s.total, 1)} (<Signed n={s.z} />)
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                {final && (
                  <Table.Td>
                    <Text size="sm" c={r.award ? 'green.9' : undefined} fw={r.award ? 700 : undefined}>
                      {r.award ?? ffa.common.none}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
