import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { Anchor, Badge, Button, Container, Group, List, Paper, Stack, Text, Textarea, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, faNumber, faSize, isOverdue, jDate, jDateTime } from '../../../../web/format.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { SiteView } from '../../api-types.js';
import { CAPACITY_UNIT_TITLES, SENSITIVITY_FLAG_TITLES, SITE_STATUS_TITLES, type SiteStatus } from '../../enums.js';
import { lfa } from './fa.js';
import { actionError, KIND_COLORS, kindTitle, SiteStatusBadge, VerificationBadge } from './shared.js';

const SitesMap = lazy(() => import('../../../../web/components/map/SitesMap.js'));

const MAX_COMMENT = 2000;
type Action = SiteView['actions'][number];

const t = lfa.site;
const c = lfa.common;
/** A measurement with its unit, or «—». */
const measure = (n: number | null, unit: (s: string) => string, digits = 0) => (n === null ? c.none : unit(faNumber(n, digits)));
const statusTitle = (s: SiteStatus | null) => (s ? (SITE_STATUS_TITLES[s] ?? s) : c.none);
const actionColor = (key: string) => (key === 'remove' ? 'red' : key.endsWith('_return') ? 'orange' : key.endsWith('_verify') ? 'green' : undefined);

/** A section of the page: a titled card. */
function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The form of one verification action: its comment (required when the action says so) and the confirmation. */
function ActionForm({ a, site, onDone, onFailed, onCancel }: { a: Action; site: SiteView; onDone: (v: SiteView, a: Action) => void; onFailed: (err: unknown) => void; onCancel: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (a.requireComment && !comment.trim()) {
      setError(t.commentRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { action: a.key, version: site.version, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      onDone(await api.post<SiteView>(`/api/v1/landfills/sites/${site.id}/review`, body), a);
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} noValidate aria-label={a.title} data-testid={`action-form-${a.key}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {a.title}
        </Title>
        <Textarea
          label={t.comment}
          description={a.requireComment ? t.commentHintRequired : c.charCount(faNumber(comment.length), faNumber(MAX_COMMENT))}
          required={a.requireComment}
          autosize
          minRows={a.requireComment ? 3 : 2}
          maxRows={10}
          maxLength={MAX_COMMENT}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={error}
          data-testid="comment"
        />
        <Group gap="xs">
          <Button type="submit" loading={busy} color={actionColor(a.key)} data-testid="confirm-action">
            {t.confirm}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {c.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * `/app/landfills/sites/:id`: everything recorded of one site, grouped (identity and place, capacity and fill,
 * environment, villages served, funding, documents), its place on the map, the status and verification
 * histories, the verification state with its deadline, and the actions the server offers this viewer now (a 409
 * means someone else acted first: the page reloads and says so).
 */
export default function SitePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const qc = useQueryClient();
  const key = ['landfills', 'site', id];
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<SiteView>(`/api/v1/landfills/sites/${encodeURIComponent(id)}`, signal),
  });
  usePageTitle(q.data?.name ?? lfa.home.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const s = q.data;

  function done(updated: SiteView, a: Action) {
    qc.setQueryData(key, updated);
    void qc.invalidateQueries({ queryKey: ['landfills', 'sites'] });
    void qc.invalidateQueries({ queryKey: ['landfills', 'summary'] });
    setOpen(null);
    setError(null);
    setNotice(t.done(a.title));
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

  const overdue = isOverdue(s.dueAt);
  const openAction = s.actions.find((a) => a.key === open) ?? null;
  const capacityUnit = (n: string) => `${n} ${CAPACITY_UNIT_TITLES[s.capacityUnit] ?? s.capacityUnit}`;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/landfills" size="sm">
          → {c.back}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={1} size="h2" data-testid="site-name">
              {s.name}
            </Title>
            <Text size="sm" c="dimmed">
              {s.place}
            </Text>
            <Group gap="xs" mt={6} wrap="wrap">
              <Badge variant="light" className="st-badge" style={{ color: KIND_COLORS[s.kind], background: `${KIND_COLORS[s.kind]}1a` }} data-testid="site-kind">
                {kindTitle(s.kind)}
              </Badge>
              <SiteStatusBadge status={s.status} />
              <VerificationBadge state={s.verification} />
            </Group>
          </div>
          {s.canEdit && (
            <Button component={Link} to={`/app/landfills/sites/${s.id}/edit`} variant="light" data-testid="edit-site">
              {t.edit}
            </Button>
          )}
        </Group>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>

        <div className="lf-site-grid">
          <Stack gap="lg" className="lf-site-main">
            <Section id="identity" title={t.identity}>
              <Facts
                items={[
                  [t.place, s.place],
                  [t.coordinates, <bdi className="st-ltr" key="coords">{`${faNumber(s.lat, 5)}، ${faNumber(s.lon, 5)}`}</bdi>],
                  s.externalId && [t.externalId, <bdi className="st-code" key="ext">{s.externalId}</bdi>],
                  [t.operator, s.operator || c.none],
                  [t.startYear, s.startYear === null ? c.none : faDigits(String(s.startYear))],
                  [t.createdAt, jDate(s.createdAt)],
                  [t.updatedAt, jDateTime(s.updatedAt)],
                ]}
              />
            </Section>

            <Section id="capacity" title={t.capacityTitle} testId="capacity">
              <Facts
                items={[
                  [t.area, measure(s.areaM2, c.m2)],
                  [t.capacity, measure(s.capacity, capacityUnit)],
                  [t.fill, measure(s.fillPercent, c.percent)],
                  [t.intake, measure(s.dailyIntakeT, c.tonsPerDay, 1)],
                  [t.designIntake, measure(s.designIntakeT, c.tonsPerDay, 1)],
                  [t.remainingTons, measure(s.remainingTons, c.tons)],
                  [
                    t.remainingYears,
                    <Text span key="years" c={s.remainingYears !== null && s.remainingYears < 2 ? 'red.9' : undefined} fw={s.remainingYears !== null && s.remainingYears < 2 ? 700 : undefined}>
                      {measure(s.remainingYears, c.years, 1)}
                    </Text>,
                  ],
                ]}
              />
              <Text size="xs" c="dimmed" mt="xs">
                {t.remainingNote}
              </Text>
            </Section>

            <Section id="environment" title={t.environment}>
              <Facts
                items={[
                  [t.distWater, measure(s.distWaterM, c.meters)],
                  [t.distSettlement, measure(s.distSettlementM, c.meters)],
                  [t.distRoad, measure(s.distRoadM, c.meters)],
                  [t.groundwater, measure(s.groundwaterDepthM, c.meters, 1)],
                  [t.population, measure(s.populationExposed, c.people)],
                  [
                    t.flags,
                    s.flags.length === 0 ? (
                      t.noFlags
                    ) : (
                      <Group gap={4} key="flags">
                        {s.flags.map((f) => (
                          <Badge key={f} color="red" c="red.9" variant="light" className="st-badge">
                            {SENSITIVITY_FLAG_TITLES[f] ?? f}
                          </Badge>
                        ))}
                      </Group>
                    ),
                  ],
                  [t.soil, s.soilNotes ? <p className="st-pre" key="soil">{s.soilNotes}</p> : c.none],
                ]}
              />
            </Section>

            <Section id="served" title={t.served} testId="served">
              {s.servedVillages.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.noServed}
                </Text>
              ) : (
                <Group gap="xs">
                  {s.servedVillages.map((v) => (
                    <Badge key={v.id} variant="outline" color="gray" c="dark" className="st-badge">
                      {v.name}
                    </Badge>
                  ))}
                </Group>
              )}
            </Section>

            <Section id="funding" title={t.funding}>
              <Facts items={[[t.requiredFunding, measure(s.requiredFundingMrial, c.mrial)]]} />
            </Section>

            <Section id="documents" title={t.documents} testId="documents">
              {s.documents.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.noDocuments}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {s.documents.map((d) => (
                    <List.Item key={d.id}>
                      <Anchor href={`/api/v1/documents/${encodeURIComponent(d.id)}`} target="_blank" rel="noopener" size="sm">
                        <bdi>{d.filename}</bdi> <VisuallyHidden>{c.opensNewTab}</VisuallyHidden>
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        ({faSize(d.size)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>

            <Section id="status-history" title={t.statusHistory} testId="status-history">
              {s.statusHistory.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.noStatusHistory}
                </Text>
              ) : (
                <Timeline active={s.statusHistory.length - 1} bulletSize={12} lineWidth={2}>
                  {s.statusHistory.map((h, i) => (
                    <Timeline.Item key={`${h.at}-${i}`} title={h.fromStatus ? t.statusFrom(statusTitle(h.fromStatus), statusTitle(h.toStatus)) : t.statusFirst(statusTitle(h.toStatus))}>
                      {h.note && (
                        <Text size="sm" className="st-pre">
                          {h.note}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed" mt={2}>
                        {jDateTime(h.at)}
                        {h.actor ? ` — ${t.by(h.actor)}` : ''}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Section>
          </Stack>

          <div className="lf-site-verify">
            <Section id="verification" title={t.verificationTitle} testId="verification">
              <Stack gap="sm">
                <Facts
                  items={[
                    [t.verificationState, <VerificationBadge state={s.verification} key="state" />],
                    s.dueAt && [t.due, <DueDate dueAt={s.dueAt} overdue={overdue} key="due" />],
                  ]}
                />
                <Title order={3} size="h5">
                  {t.actions}
                </Title>
                {s.actions.length === 0 ? (
                  <Text size="sm" c="dimmed" data-testid="no-actions">
                    {t.noActions}
                  </Text>
                ) : openAction ? (
                  <ActionForm key={openAction.key} a={openAction} site={s} onDone={done} onFailed={(err) => void failed(err)} onCancel={() => setOpen(null)} />
                ) : (
                  <Group gap="xs" wrap="wrap">
                    {s.actions.map((a) => (
                      <Button key={a.key} variant="light" color={actionColor(a.key)} onClick={() => setOpen(a.key)} data-testid={`action-${a.key}`}>
                        {a.title}
                      </Button>
                    ))}
                  </Group>
                )}
              </Stack>
            </Section>
          </div>

          <Stack gap="lg" className="lf-site-side">
            <Section id="map" title={t.map}>
              <Suspense
                fallback={
                  <div className="lf-map-wait" style={{ height: 260 }}>
                    <Text size="sm" c="dimmed">
                      {lfa.home.loadingMap}
                    </Text>
                  </div>
                }
              >
                <SitesMap points={[{ id: s.id, lat: s.lat, lon: s.lon, label: s.name, color: KIND_COLORS[s.kind], details: [kindTitle(s.kind), s.place] }]} height={260} ariaLabel={`${t.map} — ${s.name}`} />
              </Suspense>
            </Section>

            <Section id="verification-history" title={t.verificationHistory} testId="verification-history">
              {s.verificationHistory.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.noVerificationHistory}
                </Text>
              ) : (
                <Timeline active={s.verificationHistory.length - 1} bulletSize={12} lineWidth={2}>
                  {s.verificationHistory.map((h, i) => (
                    <Timeline.Item key={`${h.at}-${i}`} title={h.title}>
                      <Text size="xs" c="dimmed">
                        {jDateTime(h.at)} — {t.by(h.actor ?? t.bySystem)}
                      </Text>
                      {h.comment && (
                        <Text size="sm" className="st-pre" mt={4}>
                          {h.comment}
                        </Text>
                      )}
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Section>
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}
