import { lazy, Suspense, useState } from 'react';
import { Alert, Anchor, Container, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, isOverdue, jDate } from '../../../../web/format.js';
import { ActionButtons, CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { StaffEntryView } from '../../api-types.js';
import { OWNER_KIND_TITLES } from '../../enums.js';
import { ConflictList, EntryHistory, PanelTable, ResultFacts, ScreenForm, screenColor } from './entry-parts.js';
import { ffa } from './fa.js';
import { actionError, API, BASE, Code, documentUrl, EntryStateBadge, jalaliText, placeText, Refusal, useFestViewer, useRoundPublic } from './shared.js';

const PlanView = lazy(() => import('../shared/PlanView.js'));
const t = ffa.entry;

/**
 * `/app/festival/entries/:id`: one entry — the plan as sent, the sender and his contact, the screening step the
 * viewer may take (accept / return / reject with a comment; a stale version reloads and says so), the judges' panel
 * with totals, z-scores and criteria, declared conflicts and the result (after judging starts), and the history.
 */
export default function EntryPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const v = useFestViewer();
  const key = ['festival', 'entry', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<StaffEntryView>(`${API}/entries/${encodeURIComponent(id)}`, signal) });
  const round = useRoundPublic(q.data?.roundId);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  usePageTitle(q.data ? q.data.plan.title || ffa.list.title : ffa.list.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const entry = q.data;
  const axis = round.data?.axes.find((a) => a.key === entry.plan.axis);
  const openAction = entry.actions.find((a) => a.key === open) ?? null;
  const returns = entry.actions.some((a) => a.key.endsWith('_return'));

  function done(updated: StaffEntryView, title: string) {
    qc.setQueryData(key, updated);
    void qc.invalidateQueries({ queryKey: ['festival', 'entries'] });
    setOpen(null);
    setRefusal(null);
    setNotice(t.done(title));
    window.scrollTo({ top: 0 });
  }
  async function failed(err: unknown) {
    setNotice(null);
    setRefusal(err);
    window.scrollTo({ top: 0 });
    if (actionError(err).conflict) {
      setOpen(null);
      await qc.invalidateQueries({ queryKey: key });
    }
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={`${BASE}/entries`}
          title={entry.plan.title || ffa.common.none}
          titleTestId="entry-title"
          sub={`${axis?.title ?? ''}${axis ? ' — ' : ''}${placeText(entry.place)}`}
          code={
            <>
              {ffa.common.trackingCode}: <Code value={entry.trackingCode} />
            </>
          }
          aside={<EntryStateBadge state={entry.state} title={entry.stateTitle} />}
        />
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Refusal err={refusal} onClose={() => setRefusal(null)} />
        {entry.reviewerComment && (entry.state === 'returned' || entry.state === 'ineligible') && (
          <Alert color={entry.state === 'returned' ? 'orange' : 'red'} variant="light" title={t.reviewerComment}>
            <Text size="sm" className="st-pre">
              {entry.reviewerComment}
            </Text>
          </Alert>
        )}

        <div className="fs-page">
          <Stack gap="lg" className="fs-top">
            <PageSection id="plan" title={t.plan} testId="plan-section">
              {round.data ? (
                <Suspense fallback={<PageLoader />}>
                  <PlanView plan={entry.plan} axes={round.data.axes} place={entry.place} ownerKind={entry.ownerKind} photoUrl={documentUrl} showContact />
                </Suspense>
              ) : (
                <QueryStatus query={round} />
              )}
            </PageSection>
          </Stack>

          <Stack gap="lg" className="fs-side">
            <PageSection id="actions" title={t.actions} testId="actions">
              <Stack gap="sm">
                <Facts
                  items={[
                    [t.owner, `${entry.owner.name} (${OWNER_KIND_TITLES[entry.ownerKind]})`],
                    !!entry.owner.mobile && [t.mobile, <bdi className="st-code" key="m">{faDigits(entry.owner.mobile)}</bdi>],
                    !!(entry.plan.contactName || entry.plan.contactPhone) && [
                      t.contact,
                      <span key="c">
                        {entry.plan.contactName} <bdi className="st-code">{faDigits(entry.plan.contactPhone)}</bdi>
                      </span>,
                    ],
                    [t.submitted, jDate(entry.submittedAt)],
                    [t.updated, jDate(entry.updatedAt)],
                    !!entry.dueAt && [t.due, <DueDate key="d" dueAt={entry.dueAt} overdue={isOverdue(entry.dueAt)} />],
                    !!entry.award && [t.award, entry.award],
                  ]}
                />
                {entry.actions.length === 0 ? (
                  <Text size="sm" c="dimmed" data-testid="no-actions">
                    {t.noActions}
                  </Text>
                ) : openAction ? (
                  <ScreenForm key={openAction.key} a={openAction} entry={entry} onDone={(x) => done(x, openAction.title)} onFailed={(err) => void failed(err)} onCancel={() => setOpen(null)} />
                ) : (
                  <ActionButtons
                    actions={entry.actions}
                    color={screenColor}
                    onOpen={(k) => {
                      setOpen(k);
                      setNotice(null);
                      setRefusal(null);
                    }}
                  />
                )}
                {returns && round.data && (
                  <Text size="xs" c="dimmed">
                    {t.deadlineNote(jalaliText(round.data.deadline))}
                  </Text>
                )}
                {v.manage && (
                  <Anchor component={Link} to={`${BASE}/rounds/${entry.roundId}`} size="sm">
                    {t.roundLink}
                  </Anchor>
                )}
              </Stack>
            </PageSection>
          </Stack>

          <Stack gap="lg" className="fs-rest">
            {entry.result && (
              <PageSection id="result" title={t.result} testId="result-section">
                <ResultFacts entry={entry} />
              </PageSection>
            )}
            {entry.panel.length > 0 && (
              <PageSection id="panel" title={t.panel} hint={t.panelHint} testId="panel-section">
                <PanelTable entry={entry} axis={axis} />
              </PageSection>
            )}
            {entry.conflicts.length > 0 && (
              <PageSection id="conflicts" title={t.conflicts}>
                <ConflictList items={entry.conflicts} />
              </PageSection>
            )}
            <PageSection id="history" title={t.history}>
              <EntryHistory items={entry.history} />
            </PageSection>
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}
