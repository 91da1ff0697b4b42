// The read-only parts of a request's page: the SLA timeline of its steps, the indicators table
// (submitted value, documents, points, and the expert's verdict once reviewed), the decision and the history.
import { Badge, Box, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { faNumber, jDate, jDateTime } from '../../../../web/format.js';
import { HistoryTimeline as CaseHistory } from '../../../../web/staff/case.js';
import { Facts } from '../../../../web/staff/ui.js';
import type { RequestView } from '../../api-types.js';
import { gfa } from './fa.js';
import { DocumentLinks } from './indicator-parts.js';
import { FINAL_STATES, gradeText, jalaliText, OrderNumber } from './shared.js';

const t = gfa.page;

/** Every step the request went through with its entry, deadline, working days spent and lateness (the SLA). */
export function StepsTimeline({ steps }: { steps: RequestView['steps'] }) {
  const current = steps.findIndex((s) => !s.leftAt && !FINAL_STATES.includes(s.state));
  return (
    <Timeline active={current === -1 ? steps.length - 1 : current} bulletSize={14} lineWidth={2} data-testid="steps">
      {steps.map((s, i) => (
        <Timeline.Item
          key={`${s.state}-${s.enteredAt}`}
          color={s.late ? 'red' : undefined}
          title={
            <Group gap="xs" wrap="wrap" component="span">
              <Text span size="sm" className={i === current ? 'gr-step-current' : undefined}>
                {s.title}
              </Text>
              {i === current && (
                <Badge size="sm" variant="light" className="st-badge">
                  {t.current}
                </Badge>
              )}
              {s.late && (
                <Badge size="sm" color="red" c="red.9" variant="light" className="st-badge">
                  {gfa.common.late}
                </Badge>
              )}
            </Group>
          }
        >
          <Text size="xs" c="dimmed" mt={2}>
            {t.entered}: <span className="gr-num">{jDateTime(s.enteredAt)}</span>
            {s.leftAt && (
              <>
                {' — '}
                {t.left}: <span className="gr-num">{jDateTime(s.leftAt)}</span>
              </>
            )}
          </Text>
          <Text size="xs" mt={2} c={s.late ? 'red.9' : undefined} fw={s.late ? 700 : undefined}>
            {s.dueAt && (
              <>
                {t.due}: <span className="gr-num">{jDate(s.dueAt)}</span>
                {' — '}
              </>
            )}
            {!FINAL_STATES.includes(s.state) && (
              <>
                {t.spent}: {gfa.common.days(faNumber(s.days))}
              </>
            )}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

type Part = RequestView['evaluation']['parts'][number];

/** The points of one indicator, and those after the expert's review when they differ. */
function Points({ p, after }: { p: Part; after: Part | undefined }) {
  return (
    <>
      <Text size="sm" fw={700} className="gr-num">
        {gfa.common.pointsOf(faNumber(p.points, 2), faNumber(p.maxPoints, 2))}
      </Text>
      {after && after.points !== p.points && (
        <Text size="xs" c="orange.9" className="gr-num">
          {t.afterReview(faNumber(after.points, 2))}
        </Text>
      )}
    </>
  );
}

/** The expert's verdict on one indicator: accepted or adjusted (with the value and the reason), documents verified. */
function Verdict({ v, after }: { v: RequestView['verdicts'][string] | undefined; after: Part | undefined }) {
  if (!v) return <>{gfa.common.none}</>;
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="wrap">
        <Badge size="sm" variant="light" color={v.verdict === 'accepted' ? 'green' : 'orange'} className="st-badge">
          {v.verdict === 'accepted' ? t.accepted : t.adjusted}
        </Badge>
        <Badge size="sm" variant="light" color={v.documentsVerified ? 'green' : 'gray'} className="st-badge">
          {v.documentsVerified ? `${t.colVerified} ✓` : t.notVerified}
        </Badge>
      </Group>
      {v.verdict === 'adjusted' && (
        <Text size="sm">
          {t.colAdjusted}: {after?.valueText ?? gfa.common.none}
        </Text>
      )}
      {v.reason && (
        <Text size="xs" c="dimmed" className="st-pre">
          {t.colReason}: {v.reason}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The indicators of the request: submitted value, documents, points; once the expert has reviewed them, the
 * verdict (accepted or adjusted with the value, the reason and the points after review) and whether the documents
 * were verified. A table from the md breakpoint up, a card per indicator on a phone.
 */
export function IndicatorsTable({ r }: { r: RequestView }) {
  const reviewed = Object.keys(r.verdicts).length > 0;
  const after = new Map((r.reviewedEvaluation?.parts ?? []).map((p) => [p.key, p]));
  const total = (
    <>
      {faNumber(r.evaluation.total, 2)} ({gradeText(r.evaluation.grade)})
      {r.reviewedEvaluation && r.reviewedEvaluation.total !== r.evaluation.total ? ` ← ${faNumber(r.reviewedEvaluation.total, 2)} (${gradeText(r.reviewedEvaluation.grade)})` : ''}
    </>
  );
  return (
    <>
      <Box visibleFrom="md">
        <Table verticalSpacing="sm" data-testid="indicators">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colIndicator}</Table.Th>
              <Table.Th>{t.colValue}</Table.Th>
              <Table.Th>{t.colDocs}</Table.Th>
              <Table.Th>{t.colPoints}</Table.Th>
              {reviewed && <Table.Th>{t.colVerdict}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.evaluation.parts.map((p) => (
              <Table.Tr key={p.key} data-verdict={r.verdicts[p.key]?.verdict}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={p.missing ? 'orange.9' : undefined}>
                    {p.valueText}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DocumentLinks docs={r.documents[p.key]} />
                </Table.Td>
                <Table.Td>
                  <Points p={p} after={after.get(p.key)} />
                </Table.Td>
                {reviewed && (
                  <Table.Td style={{ minWidth: '12rem' }}>
                    <Verdict v={r.verdicts[p.key]} after={after.get(p.key)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text size="sm" fw={700}>
                  {t.totalRow}
                </Text>
              </Table.Td>
              <Table.Td colSpan={reviewed ? 2 : 1}>
                <Text size="sm" fw={700} className="gr-num">
                  {total}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap="sm" hiddenFrom="md" component="ul" className="gr-docs" data-testid="indicators-cards">
        {r.evaluation.parts.map((p) => (
          <Paper key={p.key} withBorder p="sm" radius="md" component="li">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb={6}>
              <Text size="sm" fw={700}>
                {p.title}
              </Text>
              <div style={{ flex: 'none' }}>
                <Points p={p} after={after.get(p.key)} />
              </div>
            </Group>
            <Facts
              items={[
                [t.colValue, <Text span size="sm" c={p.missing ? 'orange.9' : undefined} key="v">{p.valueText}</Text>],
                [t.colDocs, <DocumentLinks docs={r.documents[p.key]} key="d" />],
                reviewed && [t.colVerdict, <Verdict v={r.verdicts[p.key]} after={after.get(p.key)} key="x" />],
              ]}
            />
          </Paper>
        ))}
        <Text component="li" size="sm" fw={700}>
          {t.totalRow}: {total}
        </Text>
      </Stack>
    </>
  );
}

/** The working group's decision: the grade, its effective date, the order number and the reasons. */
export function Decision({ d, approved }: { d: NonNullable<RequestView['decision']>; approved: boolean }) {
  return (
    <Facts
      items={[
        approved && [t.finalGrade, <Text span fw={700} key="g">{gradeText(d.grade)}</Text>],
        approved && [t.effectiveDate, <span className="gr-num" key="d">{jalaliText(d.effectiveDate)}</span>],
        approved && [t.orderNumber, <OrderNumber value={d.orderNumber} key="o" />],
        d.reasons && [t.reasons, <span className="st-pre" key="r">{d.reasons}</span>],
      ]}
    />
  );
}

/** Who did what, with the comment, and when. */
export function HistoryTimeline({ history }: { history: RequestView['history'] }) {
  const items = history.map((h, i) => ({
    key: `${h.at}-${i}`,
    title: h.title,
    meta: (
      <>
        {jDateTime(h.at)} — {t.by(h.actor ?? t.bySystem)}
      </>
    ),
    comment: h.comment,
  }));
  return <CaseHistory items={items} />;
}
