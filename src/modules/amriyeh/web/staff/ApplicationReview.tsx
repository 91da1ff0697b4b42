import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Container, Grid, Group, List, Paper, Stack, Table, Text, Textarea, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { CONSCRIPTION_TITLES, EDUCATION_TITLES, MARITAL_TITLES, type ClaimablePriorityGroup } from '../../enums.js';
import type { LetterView, ReviewAction, StaffView } from '../../api-types.js';
import { ConfirmButton } from './ConfirmButton.js';
import { ClaimsReview, type Verdicts } from './Documents.js';
import { afa } from './fa.js';
import { faDigits, isOverdue, jDate, jDateTime } from '../../../../web/format.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { faNum, groupCode } from '../format.js';
import { actionError, AppStateBadge } from './shared.js';

const MAX_COMMENT = 2000;
const DANGER: ReviewAction[] = ['district_reject', 'province_reject'];

type Action = StaffView['actions'][number];

/** The form of one review action: the claims' verdicts (district approval) and the comment, as the action needs. */
function ActionForm({ a, app, verdicts, onDone, onFailed, onCancel }: { a: Action; app: StaffView; verdicts: Verdicts; onDone: (v: StaffView) => void; onFailed: (err: unknown) => void; onCancel: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsClaims = a.key === 'district_approve' && app.priorityClaims.length > 0;
  const undecided = needsClaims && app.priorityClaims.some((c) => verdicts[c.group] === undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (a.requireComment && !comment.trim()) {
      setError(afa.review.commentRequired);
      return;
    }
    if (undecided) {
      setError(afa.review.claimsUndecided);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await api.post<StaffView>(`/api/v1/amriyeh/applications/${app.id}/review`, {
        action: a.key,
        expectedVersion: app.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(a.key === 'district_approve' ? { claims: app.priorityClaims.map((c) => ({ group: c.group, verified: verdicts[c.group] === true })) } : {}),
      });
      onDone(updated);
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate data-testid={`action-form-${a.key}`} aria-label={a.title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {a.title}
        </Title>
        {needsClaims && (
          <div>
            <Text size="sm" fw={700}>
              {afa.review.claimsVerdict}
            </Text>
            <List size="sm" spacing={2}>
              {app.priorityClaims.map((c) => (
                <List.Item key={c.group}>
                  {c.title}:{' '}
                  <Text span fw={700} c={verdicts[c.group] === true ? 'green.9' : verdicts[c.group] === false ? 'red.9' : 'orange.9'}>
                    {verdicts[c.group] === true ? afa.review.verified : verdicts[c.group] === false ? afa.review.notVerified : afa.review.pending}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Textarea
          label={afa.review.commentFor[a.key] ?? afa.review.comment}
          required={a.requireComment}
          autosize
          minRows={a.requireComment ? 3 : 2}
          maxRows={10}
          maxLength={MAX_COMMENT}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          description={afa.common.charCount(faNum(comment.length), faNum(MAX_COMMENT))}
          data-testid="comment"
        />
        {error && !(error === afa.review.claimsUndecided && !undecided) && (
          <Text size="sm" c="red.8" role="alert" data-testid="form-error">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" loading={busy} color={DANGER.includes(a.key) ? 'red' : undefined} data-testid="confirm-action">
            {afa.review.confirm}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {afa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Revoking an issued letter, with the reason that the public verification will show. */
function RevokeForm({ number, onDone, onFailed }: { number: string; onDone: (l: LetterView) => void; onFailed: (err: unknown) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function revoke() {
    if (!reason.trim()) {
      setError(afa.common.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<LetterView>(`/api/v1/amriyeh/letters/${encodeURIComponent(number)}/revoke`, { reason: reason.trim() }));
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="revoke-title" data-testid="revoke-form">
      <Stack gap="sm">
        <Title order={2} size="h5" id="revoke-title">
          {afa.review.revoke}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.review.revokeHint}
        </Text>
        <Textarea label={afa.review.revokeReason} required autosize minRows={2} maxRows={6} maxLength={MAX_COMMENT} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-testid="revoke-reason" />
        <Group>
          <ConfirmButton
            color="red"
            onConfirm={() => void revoke()}
            beforeArm={() => {
              setError(reason.trim() ? null : afa.common.required);
              return !!reason.trim();
            }}
            loading={busy}
            testId="revoke-submit"
          >
            {afa.review.revokeSubmit}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * `/app/amriyeh/applications/:id`: everything the reviewer needs to decide at once — the claimed priority groups
 * with their documents side by side, eligibility failures, the score breakdown, the ranked stations, the history —
 * and the decisions the server offers this viewer now (a 409 means someone else decided first: reload and say so).
 */
export default function ApplicationReview() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const [open, setOpen] = useState<ReviewAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verdicts, setVerdicts] = useState<Verdicts>({});
  const [verdictsFor, setVerdictsFor] = useState<string | null>(null);
  const key = ['amriyeh', 'application', id];
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<StaffView>(`/api/v1/amriyeh/applications/${encodeURIComponent(id)}`, signal),
  });
  usePageTitle(q.data ? `${q.data.firstName} ${q.data.lastName}` : afa.list.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const app = q.data;

  // The verdicts start from what is recorded, once per loaded version.
  const versionKey = `${app.id}:${app.version}`;
  if (verdictsFor !== versionKey) {
    setVerdictsFor(versionKey);
    setVerdicts(Object.fromEntries(app.priorityClaims.filter((c) => c.verified !== null).map((c) => [c.group, c.verified])) as Verdicts);
  }

  const canVerify = app.actions.some((a) => a.key === 'district_approve');
  const canRevoke = app.canRevoke;
  const totalScore = app.scoreParts.reduce((s, p) => s + p.points, 0);
  const maxScore = app.scoreParts.reduce((s, p) => s + p.max, 0);

  function done(updated: StaffView, message: string) {
    qc.setQueryData(key, updated);
    void qc.invalidateQueries({ queryKey: ['amriyeh', 'applications'] });
    setOpen(null);
    setError(null);
    setNotice(message);
  }
  async function failed(err: unknown) {
    const { message, conflict } = actionError(err);
    setNotice(null);
    setError(message);
    if (conflict) {
      setOpen(null);
      await qc.invalidateQueries({ queryKey: key });
    }
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/amriyeh/applications" size="sm">
          → {afa.review.back}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={1} size="h3" data-testid="applicant-name">
              {app.firstName} {app.lastName}
            </Title>
            <Text size="sm" c="dimmed">
              <span className="st-code">{groupCode(app.trackingCode)}</span> — {app.callTitle}
            </Text>
          </div>
          <Group gap="xs">
            {app.dueAt && (
              <Text size="sm" c={isOverdue(app.dueAt) ? 'red.9' : undefined} fw={700} data-testid="due">
                {afa.review.due}: {jDate(app.dueAt)}
                {isOverdue(app.dueAt) ? ` (${afa.review.overdue})` : ''}
              </Text>
            )}
            <AppStateBadge state={app.state} title={app.stateTitle} />
          </Group>
        </Group>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="claims-title">
                <Title order={2} size="h4" id="claims-title" mb={4}>
                  {afa.review.claims}
                </Title>
                {canVerify && app.priorityClaims.length > 0 && (
                  <Text size="sm" c="dimmed" mb="sm">
                    {afa.review.claimsHint}
                  </Text>
                )}
                <ClaimsReview claims={app.priorityClaims} editable={canVerify} verdicts={verdicts} onVerdict={(g: ClaimablePriorityGroup, v) => setVerdicts((x) => ({ ...x, [g]: v }))} />
              </Paper>

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

              {(app.selectionExplanation || app.runId || app.letterNumber) && (
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
              )}

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
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg" className="am-sticky">
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="actions-title">
                <Title order={2} size="h4" id="actions-title" mb="sm">
                  {afa.review.actions}
                </Title>
                <Stack gap="sm">
                  <Facts
                    items={[
                      [afa.review.state, <AppStateBadge state={app.state} title={app.stateTitle} />],
                      [afa.review.due, <DueDate dueAt={app.dueAt} overdue={isOverdue(app.dueAt)} />],
                      [afa.review.score, faNum(app.score)],
                      [afa.review.created, jDate(app.createdAt)],
                      app.lastComment && [afa.review.lastComment, <span className="st-pre">{app.lastComment}</span>],
                    ]}
                  />
                  <Notice tone="error" onClose={() => setError(null)}>
                    {error}
                  </Notice>
                  {app.actions.length === 0 ? (
                    <Text size="sm" c="dimmed" data-testid="no-actions">
                      {afa.review.noActions}
                    </Text>
                  ) : (
                    <>
                      <Group gap="xs" data-testid="actions">
                        {app.actions.map((a) => (
                          <Button
                            key={a.key}
                            variant={open === a.key ? 'filled' : 'light'}
                            color={DANGER.includes(a.key) ? 'red' : a.key === 'return' ? 'orange' : undefined}
                            onClick={() => {
                              setOpen(open === a.key ? null : a.key);
                              setNotice(null);
                              setError(null);
                            }}
                            aria-expanded={open === a.key}
                            data-action={a.key}
                          >
                            {a.title}
                          </Button>
                        ))}
                      </Group>
                      {app.actions
                        .filter((a) => a.key === open)
                        .map((a) => (
                          <ActionForm key={a.key} a={a} app={app} verdicts={verdicts} onDone={(v) => done(v, afa.review.done)} onFailed={(err) => void failed(err)} onCancel={() => setOpen(null)} />
                        ))}
                    </>
                  )}
                </Stack>
              </Paper>
              {canRevoke && (
                <RevokeForm
                  number={app.letterNumber!}
                  onDone={() => {
                    setNotice(afa.review.revoked);
                    setError(null);
                    void qc.invalidateQueries({ queryKey: key });
                    void qc.invalidateQueries({ queryKey: ['amriyeh', 'applications'] });
                  }}
                  onFailed={(err) => void failed(err)}
                />
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
