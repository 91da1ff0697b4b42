// The sections of the application review's main column that show the application as it stands: eligibility, the
// score breakdown, the ranked stations, the applicant, the selection's result (station, run, letter) and the history.
import { Alert, Anchor, Group, List, Paper, Stack, Table, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { faDigits, jDate, jDateTime } from '../../../../web/format.js';
import { Facts } from '../../../../web/staff/ui.js';
import type { StaffView } from '../../api-types.js';
import { CONSCRIPTION_TITLES, EDUCATION_TITLES, MARITAL_TITLES } from '../../enums.js';
import { faNum, groupCode } from '../format.js';
import { afa } from './fa.js';

/** Eligible, or each rule the application fails. */
export function EligibilitySection({ app }: { app: StaffView }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="elig-title">
      <Title order={2} size="h4" id="elig-title" mb="sm">
        {afa.review.eligibility}
      </Title>
      {app.eligibility.eligible ? (
        <Alert color="green" variant="light" data-testid="eligible">
          {afa.review.eligible}
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={afa.review.notEligible} data-testid="not-eligible">
          <List size="sm" spacing={2}>
            {app.eligibility.failures.map((f) => (
              <List.Item key={f.rule}>{f.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}

/** The score, criterion by criterion (`canVerify`: the viewer verifies the claims, whose points count once verified). */
export function ScoreSection({ app, canVerify }: { app: StaffView; canVerify: boolean }) {
  const totalScore = app.scoreParts.reduce((s, p) => s + p.points, 0);
  const maxScore = app.scoreParts.reduce((s, p) => s + p.max, 0);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="score-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="score-title">
          {afa.review.score}
        </Title>
        <Text fw={700} data-testid="score-total">
          {afa.review.scoreTotal(afa.common.points(faNum(app.score ?? totalScore), faNum(maxScore)))}
        </Text>
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="xs" data-testid="score-parts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{afa.review.criterion}</Table.Th>
              <Table.Th>{afa.review.points}</Table.Th>
              <Table.Th>{afa.review.reason}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {app.scoreParts.map((p) => (
              <Table.Tr key={p.criterion}>
                <Table.Td>
                  <Text size="sm">{p.title}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={700}>
                    {afa.common.points(faNum(p.points), faNum(p.max))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {canVerify && app.priorityClaims.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {afa.review.scoreIfVerified}
        </Text>
      )}
    </Paper>
  );
}

/** The stations in the applicant's order, the assigned one marked. */
export function PreferencesSection({ app }: { app: StaffView }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prefs-title">
      <Title order={2} size="h4" id="prefs-title" mb="sm">
        {afa.review.preferences}
      </Title>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="preferences">
        {app.preferences.map((p) => {
          const assigned = app.assignedStation?.stationId === p.stationId;
          return (
            <li key={p.stationId} className="am-pref" data-assigned={assigned}>
              <Text size="sm" span fw={700}>
                {afa.review.rank(faNum(p.rank))}:
              </Text>{' '}
              <Text size="sm" span>
                {p.name} — {p.villageName}، {p.districtName}
                {assigned ? ` (${afa.review.assigned})` : ''}
              </Text>
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** Who the applicant is. */
export function ApplicantSection({ app }: { app: StaffView }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="applicant-title">
      <Title order={2} size="h4" id="applicant-title" mb="sm">
        {afa.review.applicant}
      </Title>
      <Facts
        items={[
          [afa.review.nationalCode, <bdi className="st-code">{faDigits(app.nationalCode)}</bdi>],
          [afa.review.fatherName, app.fatherName],
          [afa.review.birthDate, jDate(app.birthDate)],
          [afa.review.mobile, <bdi className="st-ltr">{faDigits(app.mobile)}</bdi>],
          [afa.review.education, `${EDUCATION_TITLES[app.educationLevel] ?? app.educationLevel}${app.fieldOfStudy ? ` — ${app.fieldOfStudy}` : ''}`],
          app.gpa !== null && [afa.review.gpa, faNum(app.gpa)],
          [afa.review.residence, app.residenceName],
          [afa.review.birthPlace, app.birthPlaceName],
          [afa.review.marital, MARITAL_TITLES[app.maritalStatus] ?? app.maritalStatus],
          [afa.review.conscription, CONSCRIPTION_TITLES[app.conscriptionStatus] ?? app.conscriptionStatus],
        ]}
      />
    </Paper>
  );
}

/** The selection's result: why, the station, the run and the letter. */
export function ResultSection({ app }: { app: StaffView }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="result-title">
      <Title order={2} size="h4" id="result-title" mb="sm">
        {afa.review.result}
      </Title>
      <Stack gap="xs">
        {app.selectionExplanation && <Text size="sm">{app.selectionExplanation}</Text>}
        <Facts
          items={[
            app.assignedStation && [afa.review.assigned, `${app.assignedStation.name} — ${app.assignedStation.villageName}، ${app.assignedStation.districtName}`],
            app.runId !== null && [
              afa.review.runLink,
              <Anchor href={`/amriyeh/runs/${app.runId}`} target="_blank" rel="noopener" size="sm" pos="relative">
                {afa.runs.view} <VisuallyHidden>{afa.common.opensNewTab}</VisuallyHidden>
              </Anchor>,
            ],
            app.letterNumber && [
              afa.review.letterNumber,
              <Anchor href={`/amriyeh/letters/${encodeURIComponent(app.letterNumber)}`} target="_blank" rel="noopener" pos="relative" data-testid="letter-link">
                <bdi className="st-code">{groupCode(app.letterNumber)}</bdi> — {afa.review.letterLink} <VisuallyHidden>{afa.common.opensNewTab}</VisuallyHidden>
              </Anchor>,
            ],
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** What happened to the application, oldest first. */
export function HistorySection({ app }: { app: StaffView }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="hist-title">
      <Title order={2} size="h4" id="hist-title" mb="md">
        {afa.review.history}
      </Title>
      <Timeline active={app.history.length - 1} bulletSize={14} lineWidth={2} data-testid="history">
        {app.history.map((h, i) => (
          <Timeline.Item key={`${h.at}-${i}`} title={h.actionTitle}>
            <Text size="sm">
              {h.byApplicant ? afa.review.byApplicant : h.bySystem ? afa.review.bySystem : afa.review.byStaff} — {h.toStateTitle}
            </Text>
            {h.comment && (
              <Text size="sm" className="st-pre" mt={4}>
                {h.comment}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {jDateTime(h.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
