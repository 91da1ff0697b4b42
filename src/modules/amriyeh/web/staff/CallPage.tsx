import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, Textarea, Title, Container } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import type { CallView } from '../../api-types.js';
import { ConfirmButton } from './ConfirmButton.js';
import { afa } from './fa.js';
import { RunsSection } from './Runs.js';
import { jDate, jDateTime } from '../../../../web/format.js';
import { Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { faNum } from '../format.js';
import { actionError, CallStateBadge, reviewsApplications, useViewer, type Viewer } from './shared.js';
import { StationsSection } from './Stations.js';

/** A line of the seed form read as RFC 3797 does: a list of numbers, or else a text (its digits made ASCII). */
function readSource(line: string): number[] | string {
  const tokens = toAsciiDigits(line)
    .split(/[\s,،]+/)
    .filter(Boolean);
  if (tokens.length > 0 && tokens.every((t) => /^\d+(\.\d+)?$/.test(t))) return tokens.map(Number);
  return toAsciiDigits(line.trim());
}

/**
 * The canonical key exactly as published (ASCII, for the recomputation command), left to right; each source is
 * isolated so a text source in Persian keeps its own direction inside the key.
 */
function SeedKey({ value }: { value: string }) {
  const parts = value.split('/').slice(0, -1);
  return (
    <code className="am-key" dir="ltr" data-testid="seed-key">
      {parts.map((p, i) => (
        <span key={i}>
          <bdi>{p}</bdi>/
        </span>
      ))}
      {value.endsWith('/') ? null : <bdi>{value.split('/').pop()}</bdi>}
    </code>
  );
}

function SeedSection({ call, viewer, onUpdated }: { call: CallView; viewer: Viewer; onUpdated: (c: CallView, message: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const beforeEnd = Date.now() < new Date(call.endsAt).getTime();
  const canPublish = viewer.national && !call.lotterySeed && beforeEnd && (call.state === 'draft' || call.state === 'open');
  const sources = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(readSource);

  async function publish(e: FormEvent) {
    e.preventDefault();
    if (sources.length === 0) {
      setError(afa.seed.sourcesEmpty);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onUpdated(await api.post<CallView>(`/api/v1/amriyeh/calls/${call.id}/seed`, { sources }), afa.seed.published);
    } catch (err) {
      setError(actionError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="seed-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="seed-title">
          {afa.seed.title}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.seed.what}
        </Text>
        {call.lotterySeed ? (
          <Facts
            items={[
              [afa.seed.key, <SeedKey value={call.lotterySeed} />],
              [afa.seed.publishedAt, jDateTime(call.seedPublishedAt)],
            ]}
          />
        ) : canPublish ? (
          <form onSubmit={publish} noValidate data-testid="seed-form">
            <Stack gap="sm">
              <Textarea
                label={afa.seed.sources}
                description={afa.seed.sourcesHint}
                autosize
                minRows={3}
                maxRows={8}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={error}
                data-testid="seed-sources"
              />
              {sources.length > 0 && (
                <div>
                  <Text size="sm" fw={700}>
                    {afa.seed.preview}
                  </Text>
                  <List size="sm" type="ordered" listStyleType="persian">
                    {sources.map((s, i) => (
                      <List.Item key={i}>{Array.isArray(s) ? afa.seed.numbers(s.map((n) => toPersianDigits(String(n))).join('، ')) : afa.seed.text(toPersianDigits(s))}</List.Item>
                    ))}
                  </List>
                </div>
              )}
              <Text size="sm" c="orange.9">
                {afa.seed.once}
              </Text>
              <Group>
                <Button type="submit" loading={busy} data-testid="seed-submit">
                  {afa.seed.submit}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text data-testid="seed-none">{viewer.national && !beforeEnd ? afa.seed.tooLate : afa.seed.notYet}</Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The states the national expert may move the call to from where it is. */
function nextStates(state: CallView['state']): ('open' | 'closed' | 'archived')[] {
  if (state === 'draft') return ['open'];
  if (state === 'open') return ['closed'];
  if (state === 'closed') return ['open', 'archived'];
  if (state === 'allocated') return ['archived'];
  return [];
}

function StateSection({ call, onUpdated }: { call: CallView; onUpdated: (c: CallView, message: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const next = nextStates(call.state);
  async function go(state: 'open' | 'closed' | 'archived') {
    setBusy(state);
    setError(null);
    try {
      onUpdated(await api.post<CallView>(`/api/v1/amriyeh/calls/${call.id}/state`, { state }), afa.call.stateChanged);
    } catch (err) {
      const { message, conflict } = actionError(err);
      setError(message);
      if (conflict) void qc.invalidateQueries({ queryKey: ['amriyeh', 'call', call.id] });
    } finally {
      setBusy(null);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="call-state-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="call-state-title">
          {afa.call.stateTitle}
        </Title>
        <CallStateBadge state={call.state} title={call.stateTitle} />
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>
        {next.map((s) => {
          const label = call.state === 'closed' && s === 'open' ? 'reopen' : s;
          return (
            <Stack key={s} gap={4}>
              <Text size="sm" c="dimmed">
                {afa.call.stateHint[label]}
              </Text>
              <ConfirmButton onConfirm={() => void go(s)} loading={busy === s} color={s === 'archived' ? 'gray' : undefined} testId={`call-state-${s}`}>
                {afa.call.stateActions[label]!}
              </ConfirmButton>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

/**
 * `/app/amriyeh/calls/:id`: the call as published (period, quotas, rules, criteria), its lottery key, its state,
 * the stations with their seats, and the selection runs — each with the actions the viewer's roles allow.
 */
export default function CallPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const viewer = useViewer();
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const q = useQuery({
    queryKey: ['amriyeh', 'call', Number(id)],
    queryFn: ({ signal }) => api.get<CallView>(`/api/v1/amriyeh/calls/${encodeURIComponent(id)}`, signal),
  });
  usePageTitle(q.data?.title ?? afa.nav.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const c = q.data;

  function updated(next: CallView, message: string) {
    qc.setQueryData(['amriyeh', 'call', c.id], next);
    void qc.invalidateQueries({ queryKey: ['amriyeh', 'calls'] });
    setNotice(message);
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/amriyeh" size="sm">
          → {afa.call.back}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={1} size="h2" data-testid="call-title">
              {c.title}
            </Title>
            <Group gap="xs" mt={4}>
              <CallStateBadge state={c.state} title={c.stateTitle} />
              {c.accepting && (
                <Badge variant="dot" color="green" className="st-badge">
                  {afa.home.accepting}
                </Badge>
              )}
            </Group>
          </div>
          {reviewsApplications(viewer) && (
            <Button component={Link} to={`/app/amriyeh/applications?callId=${c.id}`} variant="light">
              {afa.call.applications}
            </Button>
          )}
        </Group>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="details-title">
                <Title order={2} size="h4" id="details-title" mb="sm">
                  {afa.call.details}
                </Title>
                <Facts
                  items={[
                    [afa.call.period, afa.call.from(jDate(c.startsAt), jDate(c.endsAt))],
                    [afa.call.referenceDate, jDate(c.referenceDate)],
                    [afa.call.nationalQuota, afa.common.seats(faNum(c.nationalQuota))],
                    [afa.call.accepting, c.accepting ? afa.home.accepting : afa.home.notAccepting],
                    c.description && [afa.call.description, <p className="st-pre">{c.description}</p>],
                  ]}
                />
              </Paper>

              <StationsSection call={c} viewer={viewer} />
              <RunsSection call={c} viewer={viewer} />
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              {viewer.national && nextStates(c.state).length > 0 && <StateSection call={c} onUpdated={updated} />}
              <SeedSection call={c} viewer={viewer} onUpdated={updated} />

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="quotas-title">
                <Title order={2} size="h4" id="quotas-title" mb="sm">
                  {afa.call.quotas}
                </Title>
                {c.provinceQuotas.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {afa.call.noQuotas}
                  </Text>
                ) : (
                  <Table verticalSpacing={4} data-testid="quotas-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{afa.call.province}</Table.Th>
                        <Table.Th>{afa.call.quota}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.provinceQuotas.map((p) => (
                        <Table.Tr key={p.provinceId}>
                          <Table.Td>{p.provinceName}</Table.Td>
                          <Table.Td>{faNum(p.quota)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Paper>

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rules-title">
                <Title order={2} size="h4" id="rules-title" mb="sm">
                  {afa.call.rules}
                </Title>
                <List size="sm" spacing={4} data-testid="rules">
                  {c.rulesText.map((r, i) => (
                    <List.Item key={i}>{r}</List.Item>
                  ))}
                </List>
              </Paper>

              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-title">
                <Title order={2} size="h4" id="criteria-title" mb="sm">
                  {afa.call.criteria}
                </Title>
                <Stack gap="xs" data-testid="criteria">
                  {c.criteriaText.map((k) => (
                    <div key={k.kind}>
                      <Group justify="space-between" gap="xs" wrap="nowrap">
                        <Text size="sm" fw={700}>
                          {k.title}
                        </Text>
                        <Badge variant="light" className="st-badge">
                          {afa.call.weight(faNum(k.weight))}
                        </Badge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {k.description}
                      </Text>
                    </div>
                  ))}
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
