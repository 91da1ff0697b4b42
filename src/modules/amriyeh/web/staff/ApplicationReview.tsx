import { useState } from 'react';
import { Anchor, Button, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { ClaimablePriorityGroup } from '../../enums.js';
import type { ReviewAction, StaffView } from '../../api-types.js';
import { ClaimsReview, type Verdicts } from './Documents.js';
import { afa } from './fa.js';
import { isOverdue, jDate } from '../../../../web/format.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { faNum, groupCode } from '../format.js';
import { ActionForm, DANGER, RevokeForm } from './ReviewForms.js';
import { ApplicantSection, EligibilitySection, HistorySection, PreferencesSection, ResultSection, ScoreSection } from './ReviewSections.js';
import { actionError, AppStateBadge } from './shared.js';

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

              <EligibilitySection app={app} />

              <ScoreSection app={app} canVerify={canVerify} />

              <PreferencesSection app={app} />

              <ApplicantSection app={app} />

              {(app.selectionExplanation || app.runId || app.letterNumber) && <ResultSection app={app} />}

              <HistorySection app={app} />
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
