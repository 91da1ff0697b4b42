import { useState } from 'react';
import { Anchor, Badge, Button, Container, Grid, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/index.js';
import { api, ApiError, errorMessage } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { useMe } from '../../../../web/session.js';
import { cfa } from '../fa.js';
import { tfa } from '../public/fa-track.js';
import { sfa } from './fa.js';
import { faSize, jDate, jDateTime } from '../../../../web/format.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { faCoord, groupCode } from '../format.js';
import type { CategoryQuestion, StaffCase } from '../types.js';
import { StateBadge, useCategories } from './shared.js';
import { ActionForm, NoteForm } from './CaseForms.js';

function answerText(v: string | number | boolean, q?: CategoryQuestion): string {
  if (typeof v === 'boolean') return v ? cfa.common.yes : cfa.common.no;
  const opt = q?.options?.find((o) => o.value === String(v));
  return opt ? opt.label : toPersianDigits(String(v));
}

/**
 * `/app/complaints/:id`: what the citizen filed (identity by the server's rule), attachments, messages (public
 * replies and internal notes told apart), the history, and the actions the server offers for this user now.
 */
export default function ComplaintCase() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const me = useMe();
  const categories = useCategories();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [taking, setTaking] = useState(false);
  const q = useQuery({
    queryKey: ['complaints', 'case', id],
    queryFn: ({ signal }) => api.get<StaffCase>(`/api/v1/complaints/${id}`, signal),
  });
  usePageTitle(q.data ? q.data.subject : sfa.staff.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const c = q.data;
  const meId = me.data ? Number(me.data.user.id) : null;
  const leaf = categories.data?.flatMap((g) => g.children.map((x) => ({ ...x, group: g.name }))).find((x) => x.id === c.category.id);
  const assign = c.actions.find((a) => a.assigns);
  const canTake = !!assign && meId != null && c.assignee?.id !== meId && c.assignees.some((u) => u.id === meId);

  function done(updated: StaffCase, message: string) {
    qc.setQueryData(['complaints', 'case', id], updated);
    setOpen(null);
    setActionError(null);
    setNotice(message);
  }

  /** Someone else acted first (409): reload the case and say so; the user looks again and acts on the new version. */
  async function conflict() {
    setOpen(null);
    setNotice(null);
    setActionError(sfa.staff.conflict);
    await qc.invalidateQueries({ queryKey: ['complaints', 'case', id] });
  }

  async function take() {
    if (!assign || meId == null) return;
    setTaking(true);
    setActionError(null);
    try {
      const updated = await api.post<StaffCase>(`/api/v1/complaints/${c.id}/actions`, { action: assign.key, expectedVersion: c.version, assigneeId: meId });
      void qc.invalidateQueries({ queryKey: ['complaints', 'list'] });
      done(updated, sfa.staff.done);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) await conflict();
      else setActionError(errorMessage(err));
    } finally {
      setTaking(false);
    }
  }

  const identity = c.citizen.hidden ? sfa.staff.hiddenIdentity : c.citizen.name ?? cfa.common.none;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/complaints" size="sm">
          → {sfa.staff.back}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={1} size="h3" data-testid="case-subject">
              {c.subject}
            </Title>
            <Text size="sm" c="dimmed">
              {tfa.track.code}: <span className="st-code">{groupCode(c.trackingCode)}</span> — {c.kindTitle}
            </Text>
          </div>
          <StateBadge state={c.state} title={c.stateTitle} />
        </Group>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="filed-title">
                <Title order={2} size="h4" id="filed-title" mb="sm">
                  {sfa.staff.filed}
                </Title>
                <Facts
                  items={[
                    [sfa.staff.citizen, <span data-testid="identity">{identity}</span>],
                    c.citizen.anonymous && !c.citizen.hidden && [cfa.common.anonymous, sfa.staff.anonymousFlag],
                    !c.citizen.hidden && c.citizen.mobile && [sfa.staff.mobile, <bdi className="st-ltr">{toPersianDigits(c.citizen.mobile)}</bdi>],
                    [sfa.staff.category, leaf ? `${leaf.group} — ${c.category.name}` : c.category.name],
                    [sfa.staff.place, c.place.chain || c.place.name],
                    c.place.address && [sfa.staff.address, c.place.address],
                    c.place.lat != null &&
                      c.place.lon != null && [
                        sfa.staff.location,
                        <Anchor href={`https://www.openstreetmap.org/?mlat=${c.place.lat}&mlon=${c.place.lon}#map=17/${c.place.lat}/${c.place.lon}`} target="_blank" rel="noopener noreferrer">
                          {sfa.staff.mapLink} ({faCoord(c.place.lat)}، {faCoord(c.place.lon)})
                        </Anchor>,
                      ],
                    [sfa.staff.created, jDateTime(c.createdAt)],
                    [sfa.staff.source, sfa.staff.sources[c.source] ?? c.source],
                    ...Object.entries(c.answers ?? {}).map(([k, v]): [string, React.ReactNode] => {
                      const qq = leaf?.questions.find((x) => x.code === k);
                      return [qq?.label ?? sfa.staff.answers, answerText(v, qq)];
                    }),
                    c.rating != null && [sfa.staff.rating, `${sfa.staff.ratingValue(toPersianDigits(c.rating))}${c.ratingComment ? ` — ${c.ratingComment}` : ''}`],
                  ]}
                />
                <Text fw={700} mt="md" mb={4}>
                  {tfa.full.body}
                </Text>
                <p className="st-pre" data-testid="case-body">
                  {c.body}
                </p>
              </Paper>

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="att-title">
                <Title order={2} size="h4" id="att-title" mb="sm">
                  {sfa.staff.attachments}
                </Title>
                {c.attachments.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {sfa.staff.noAttachments}
                  </Text>
                ) : (
                  <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {c.attachments.map((a) => (
                      <li key={a.documentId}>
                        <Anchor href={`/api/v1/documents/${a.documentId}`} download>
                          {a.filename}
                        </Anchor>{' '}
                        <Text component="span" size="xs" c="dimmed">
                          ({faSize(a.size)}
                          {a.addedBy ? ` — ${a.addedBy}` : ''} — {jDate(a.createdAt)})
                        </Text>
                      </li>
                    ))}
                  </Stack>
                )}
              </Paper>

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="msg-title">
                <Title order={2} size="h4" id="msg-title" mb="sm">
                  {sfa.staff.messages}
                </Title>
                {c.messages.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {sfa.staff.noMessages}
                  </Text>
                ) : (
                  <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="messages">
                    {c.messages.map((m) => (
                      <li key={m.id} className="cs-msg" data-kind={m.kind}>
                        <Group justify="space-between" gap="xs" mb={4}>
                          <Group gap="xs">
                            <Badge
                              variant={m.internal ? 'outline' : 'light'}
                              color={m.kind === 'note' ? 'yellow' : m.kind === 'reply' ? 'civic' : m.kind === 'info_request' ? 'orange' : 'gray'}
                              c={m.kind === 'note' ? 'yellow.9' : m.kind === 'reply' ? 'civic.9' : m.kind === 'info_request' ? 'orange.9' : 'gray.8'}
                              style={{ textTransform: 'none' }}
                            >
                              {m.kind === 'note' ? sfa.staff.note : m.kind === 'reply' ? sfa.staff.reply : m.kindTitle}
                            </Badge>
                            <Text size="sm" fw={500}>
                              {m.author}
                            </Text>
                          </Group>
                          <Text size="xs" c="dimmed">
                            {jDateTime(m.createdAt)}
                          </Text>
                        </Group>
                        <p className="st-pre">{m.body}</p>
                      </li>
                    ))}
                  </Stack>
                )}
              </Paper>

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="hist-title">
                <Title order={2} size="h4" id="hist-title" mb="md">
                  {sfa.staff.history}
                </Title>
                <Timeline active={c.history.length - 1} bulletSize={14} lineWidth={2} data-testid="history">
                  {c.history.map((h) => (
                    <Timeline.Item key={h.seq} title={h.actionTitle}>
                      <Text size="sm">
                        {h.actor}
                        {h.fromState !== h.toState ? ` — ${h.toStateTitle}` : ''}
                      </Text>
                      {h.assignee && (
                        <Text size="sm" c="dimmed">
                          {sfa.staff.assignedTo(h.assignee)}
                        </Text>
                      )}
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
            <Stack gap="lg">
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="state-title">
                <Title order={2} size="h4" id="state-title" mb="sm">
                  {sfa.staff.state}
                </Title>
                <Facts
                  items={[
                    [sfa.staff.state, <StateBadge state={c.state} title={c.stateTitle} />],
                    [sfa.staff.due, <DueDate dueAt={c.dueAt} overdue={c.overdue} />],
                    [sfa.staff.assigneeNow, <span data-testid="assignee-now">{c.assignee?.name ?? sfa.staff.unassigned}</span>],
                  ]}
                />
              </Paper>

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="actions-title">
                <Title order={2} size="h4" id="actions-title" mb="sm">
                  {sfa.staff.actions}
                </Title>
                <Notice tone="error" onClose={() => setActionError(null)} mb="sm">
                  {actionError}
                </Notice>
                {c.actions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {sfa.staff.noActions}
                  </Text>
                ) : (
                  <Stack gap="sm">
                    <Group gap="xs" data-testid="actions">
                      {canTake && (
                        <Button onClick={() => void take()} loading={taking} data-testid="take">
                          {sfa.staff.take}
                        </Button>
                      )}
                      {c.actions.map((a) => (
                        <Button
                          key={a.key}
                          variant={open === a.key ? 'filled' : 'light'}
                          color={a.key === 'reject' || a.key === 'mark_duplicate' ? 'red' : undefined}
                          onClick={() => {
                            setOpen(open === a.key ? null : a.key);
                            setNotice(null);
                            setActionError(null);
                          }}
                          aria-expanded={open === a.key}
                          data-action={a.key}
                        >
                          {a.title}
                        </Button>
                      ))}
                    </Group>
                    {c.actions
                      .filter((a) => a.key === open)
                      .map((a) => (
                        <ActionForm key={a.key} c={c} action={a} meId={meId} onDone={done} onCancel={() => setOpen(null)} onConflict={conflict} />
                      ))}
                  </Stack>
                )}
              </Paper>

              <NoteForm
                id={c.id}
                onDone={() => {
                  setNotice(sfa.staff.noteAdded);
                  void q.refetch();
                }}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
