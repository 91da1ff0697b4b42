// The read-only parts of an application's page: a field's score table (criterion, measured value, the rule that
// applied, points of its weight; adjustments with their reasons), the scores of every field with the expert's
// recommendation, the evidence with its documents, the instructor's profile summary, and the history.
import { Anchor, Badge, Box, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { faNumber, jDate, jDateTime } from '../../../../web/format.js';
import { HistoryTimeline as CaseHistory } from '../../../../web/staff/case.js';
import { Facts, useProvinces } from '../../../../web/staff/ui.js';
import type { ApplicationView, EvidenceItem, FieldScore, ScorePart } from '../../api-types.js';
import { valueText } from '../../scoring.js';
import { ifa } from './fa.js';
import { scoreText } from './shared.js';

const t = ifa.page;
const s = ifa.score;

/** Passes or not, in words and colour (never colour alone). */
export function PassBadge({ passes }: { passes: boolean }) {
  return (
    <Badge variant="light" color={passes ? 'green' : 'red'} c={passes ? 'green.9' : 'red.9'} className="st-badge" data-passes={passes}>
      {passes ? `✓ ${s.passes}` : `✗ ${s.fails}`}
    </Badge>
  );
}

/** A field's total of 100 with the pass score and the verdict. */
export function ScoreTotal({ score, label }: { score: FieldScore; label: string }) {
  return (
    <Group gap="xs" wrap="wrap" data-testid="score-total">
      <Text size="sm">
        {label}: <b className="in-num">{ifa.common.score(scoreText(score.total))}</b> ({t.passScore} {faNumber(score.passScore)})
      </Text>
      <PassBadge passes={score.passes} />
    </Group>
  );
}

/** The measured value of a part; an adjusted one also says what was measured and (unless `editing`) why it changed. */
export function PartValue({ p, editing = false }: { p: ScorePart; editing?: boolean }) {
  return (
    <>
      <Text size="sm" fw={p.adjusted ? 700 : undefined} c={p.adjusted ? 'orange.9' : undefined}>
        {p.valueText}
      </Text>
      {p.adjusted && (
        <Text size="xs" c="dimmed" className="st-pre">
          {s.adjustedFrom(valueText(p.measure, p.adjusted.from))}
          {!editing && ` — ${s.reason}: ${p.adjusted.reason}`}
        </Text>
      )}
    </>
  );
}

const pointsText = (p: ScorePart) => ifa.common.points(faNumber(p.points, 2), faNumber(p.weight, 2));

/** One field's score: a table on a desktop, a card per criterion on a phone. */
export function ScoreTable({ score }: { score: FieldScore }) {
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing={6} withRowBorders data-testid="score-table" data-field={score.field}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.colCriterion}</Table.Th>
              <Table.Th>{s.colValue}</Table.Th>
              <Table.Th>{s.colRule}</Table.Th>
              <Table.Th>{s.colPoints}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {score.parts.map((p) => (
              <Table.Tr key={p.measure} data-measure={p.measure}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PartValue p={p} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.rule}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={700} className="in-num">
                    {pointsText(p)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap={6} hiddenFrom="sm" component="ul" className="in-plain" data-testid="score-cards">
        {score.parts.map((p) => (
          <li key={p.measure} className="in-part">
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text size="sm" fw={700}>
                {p.title}
              </Text>
              <Text size="sm" fw={700} className="in-num">
                {pointsText(p)}
              </Text>
            </Group>
            <PartValue p={p} />
            <Text size="xs" c="dimmed">
              {p.rule}
            </Text>
          </li>
        ))}
      </Stack>
    </>
  );
}

/** Every field's score: after review when there is one (the pre-score total beside it), with the expert's recommendation. */
export function FieldScores({ app }: { app: ApplicationView }) {
  return (
    <Stack gap="md">
      {app.preScores.map((pre) => {
        const reviewed = app.reviewedScores?.find((x) => x.field === pre.field) ?? null;
        const r = app.review[pre.field];
        const shown = reviewed ?? pre;
        return (
          <Paper key={pre.field} withBorder p="sm" radius="md" className="in-field" data-passes={shown.passes} data-testid={`field-score-${pre.field}`}>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {pre.fieldTitle}
              </Title>
              <ScoreTable score={shown} />
              <Group gap="lg" wrap="wrap">
                {reviewed && <ScoreTotal score={reviewed} label={s.reviewed} />}
                <ScoreTotal score={pre} label={s.pre} />
              </Group>
              {r && (
                <Facts
                  items={[
                    [s.recommendation, <Text span fw={700} key="r">{s.recommend[r.recommendation]}</Text>],
                    !!r.note && [s.note, <span className="st-pre" key="n">{r.note}</span>],
                  ]}
                />
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

const SECTIONS: EvidenceItem['section'][] = ['education', 'teaching', 'experience', 'publications', 'certificates'];

/** The evidence by section, each item with its documents and its «بررسی شد» box (editable while the expert reviews). */
export function EvidenceList({ items, verified, onToggle }: { items: EvidenceItem[]; verified: ReadonlySet<string>; onToggle?: ((id: string, on: boolean) => void) | undefined }) {
  return (
    <Stack gap="md" data-testid="evidence">
      <Text size="sm" fw={500} data-testid="verified-count">
        {t.verifiedCount(faNumber(items.filter((i) => verified.has(i.id)).length), faNumber(items.length))}
      </Text>
      {SECTIONS.map((sec) => {
        const of = items.filter((i) => i.section === sec);
        if (!of.length) return null;
        return (
          <div key={sec}>
            <Title order={3} size="h5" mb={6}>
              {t.sections[sec]}
            </Title>
            <Stack gap={6} component="ul" className="in-plain">
              {of.map((i) => {
                const on = verified.has(i.id);
                return (
                  <li key={i.id} className="in-evidence" data-verified={on} data-testid="evidence-item">
                    <Text size="sm">{i.text}</Text>
                    <Group gap="sm" wrap="wrap" mt={2}>
                      {i.documents.length === 0 ? (
                        <Text size="xs" c="orange.9">
                          {t.noDocs}
                        </Text>
                      ) : (
                        i.documents.map((d) => (
                          <Anchor key={d.id} href={`/api/v1/documents/${d.id}`} target="_blank" rel="noopener" size="xs" title={ifa.common.opensNewTab}>
                            <bdi>{d.filename}</bdi>
                          </Anchor>
                        ))
                      )}
                    </Group>
                    {onToggle ? (
                      <Checkbox mt={4} size="sm" label={t.verified} checked={on} onChange={(e) => onToggle(i.id, e.currentTarget.checked)} data-testid="verify-item" />
                    ) : (
                      <Text size="xs" mt={2} c={on ? 'green.9' : 'dimmed'}>
                        {on ? `✓ ${t.verified}` : t.notVerified}
                      </Text>
                    )}
                  </li>
                );
              })}
            </Stack>
          </div>
        );
      })}
    </Stack>
  );
}

/** The instructor's own words and availability, from the snapshot under review. */
export function ProfileSummary({ app, fieldTitle }: { app: ApplicationView; fieldTitle: (key: string) => string }) {
  const provinces = useProvinces();
  const av = app.snapshot.availability;
  const others = av.provinceIds.map((id) => provinces.data?.find((p) => Number(p.id) === id)?.name ?? faNumber(id));
  const modes = [av.inPerson && t.inPerson, av.online && t.online].filter(Boolean).join('، ');
  return (
    <Facts
      items={[
        [t.expertise, app.snapshot.expertise.map(fieldTitle).join('، ')],
        [t.birthDate, birthDateText(app.snapshot.birthDate)],
        !!app.snapshot.email && [t.email, <bdi key="e">{app.snapshot.email}</bdi>],
        [t.availability, modes || ifa.common.none],
        others.length > 0 && [t.otherProvinces, others.join('، ')],
        !!app.snapshot.bio && [t.bio, <span className="st-pre" key="b">{app.snapshot.bio}</span>],
      ]}
    />
  );
}

/** The birth date (ISO in the snapshot: an instant, or a bare day read at noon so no time zone moves it) as a Jalali date. */
export const birthDateText = (iso: string): string => jDate(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);

/** Who did what, with the comment, and when. */
export function HistoryTimeline({ history }: { history: ApplicationView['history'] }) {
  const items = history.map((h) => ({
    key: String(h.seq),
    title: h.actionTitle,
    meta: (
      <>
        {jDateTime(h.at)} — {t.by(h.actor ?? t.bySystem)} — {h.toStateTitle}
      </>
    ),
    comment: h.comment,
  }));
  return <CaseHistory items={items} />;
}
