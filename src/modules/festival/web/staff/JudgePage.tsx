import { lazy, Suspense, useState } from 'react';
import { Anchor, Container, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { ConfirmStep } from '../../../../web/staff/ConfirmStep.js';
import { QueryStatus } from '../../../../web/staff/ui.js';
import type { JudgeEntryView, JudgeQueue } from '../../api-types.js';
import { ffa } from './fa.js';
import { jfa } from './fa-owner.js';
import { queueKey } from './JudgeQueue.js';
import { ScoreSheet } from './score-sheet.js';
import { API, BASE, documentUrl, placeText, Refusal, yearText } from './shared.js';

const PlanView = lazy(() => import('../shared/PlanView.js'));
const t = jfa.score;

/**
 * `/app/festival/judging/:entryId`: one entry given to the judge — the plan on one side and his score sheet on the
 * other (each criterion 0..max in halves with a comment, the live weighted total, «ثبت»), and «اعلام تعارض منافع»
 * with a reason (the entry leaves his queue).
 */
export default function JudgePage() {
  const { entryId = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const key = ['festival', 'judging', entryId];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<JudgeEntryView>(`${API}/judging/${encodeURIComponent(entryId)}`, signal) });
  const [refusal, setRefusal] = useState<unknown>(null);
  usePageTitle(q.data ? q.data.plan.title : jfa.queue.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const view = q.data;

  async function declare(reason: string) {
    try {
      const queue = await api.post<JudgeQueue>(`${API}/judging/${encodeURIComponent(view.entryId)}/conflict`, { reason });
      qc.setQueryData(queueKey, queue);
      qc.removeQueries({ queryKey: key });
      void navigate(`${BASE}/judging`, { state: { notice: t.conflictDone } });
    } catch (err) {
      setRefusal(err);
    }
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={`${BASE}/judging`}
          title={view.plan.title}
          titleTestId="judge-entry-title"
          sub={`${view.axis.title}${view.categoryTitle ? ` — ${view.categoryTitle}` : ''}`}
          code={placeText(view.place)}
          aside={
            <Text size="sm" c="dimmed">
              {ffa.common.roundYear(yearText(view.round.year))}
            </Text>
          }
        />
        <Refusal err={refusal} onClose={() => setRefusal(null)} />
        <Anchor href="#score-sheet" hiddenFrom="md" size="sm" data-testid="to-sheet">
          {t.toSheet}
        </Anchor>
        <div className="fs-judge">
          <PageSection id="plan" title={ffa.entry.plan} testId="plan-section">
            <Suspense fallback={<PageLoader />}>
              <PlanView plan={view.plan} axes={[view.axis]} place={view.place} ownerKind={view.ownerKind} photoUrl={documentUrl} />
            </Suspense>
          </PageSection>
          <Stack gap="lg" className="fs-sheet">
            <Paper withBorder p="md" radius="md" id="score-sheet">
              <ScoreSheet key={view.entryId} view={view} onSaved={(x) => qc.setQueryData(key, x)} onConflict={() => void q.refetch()} />
            </Paper>
            {view.open && (
              <PageSection id="conflict" title={t.conflictTitle} hint={t.conflictHint}>
                <ConfirmStep yesLabel={ffa.common.yes} label={t.conflict} question={t.conflictQ} color="red" reasonLabel={t.conflictReason} onConfirm={declare} testId="declare-conflict" />
              </PageSection>
            )}
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}
