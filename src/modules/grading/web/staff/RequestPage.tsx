import { useState } from 'react';
import { Container, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, isOverdue, jDate } from '../../../../web/format.js';
import { ActionButtons, CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RequestView } from '../../api-types.js';
import { SUBJECT_TITLES } from '../../enums.js';
import { gfa } from './fa.js';
import { ActionForm, actionColor, CorrectionForm, WithdrawBox } from './request-actions.js';
import { Decision, HistoryTimeline, IndicatorsTable, StepsTimeline } from './request-parts.js';
import { initialVerdicts, VerdictsForm, verdictsBody, type VerdictForms } from './request-verdicts.js';
import { actionError, FINAL_STATES, GradeFlow, RequestStateBadge, RuleVersion, useGradingViewer, useRuleSet, yearText } from './shared.js';

const t = gfa.page;
type Action = RequestView['actions'][number];
/** The states the entity may still withdraw from (the workflow's `withdraw`). */
const WITHDRAWABLE = ['submitted', 'returned', 'expert_review'];

/**
 * `/app/grading/requests/:id`: one upgrade request for everyone who may see it — the entity, the grades (current →
 * supported → after review → decided), the SLA timeline of every step, the indicators with their documents and
 * points (and the expert's verdicts), the rule version used, the justification, the decision and the history; and
 * what the viewer may do now: a reviewer's step (the expert's per-indicator verdicts with the live grade, the
 * working group's effective date), or the entity's correction of a returned request and its withdrawal. A 409 means
 * someone else acted first: the page reloads and says so.
 */
export default function RequestPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const qc = useQueryClient();
  const viewer = useGradingViewer();
  const key = ['grading', 'request', id];
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const [error, setError] = useState<string | null>(null);
  const [forms, setForms] = useState<VerdictForms>({});
  const [formsFor, setFormsFor] = useState<string | null>(null);
  const [verdictErrors, setVerdictErrors] = useState<Record<string, string>>({});
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<RequestView>(`/api/v1/grading/requests/${encodeURIComponent(id)}`, signal),
  });
  const r = q.data;
  const needsVerdicts = !!r?.actions.some((a) => a.needs === 'verdicts');
  const correcting = !!r?.mine && r.state === 'returned';
  const rules = useRuleSet(needsVerdicts || correcting ? r?.subject : undefined, r?.ruleSet.id);
  usePageTitle(r ? `${r.name} — ${faDigits(r.trackingCode)}` : gfa.list.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const req = q.data;

  // The verdict form starts from what is recorded, once per loaded version.
  const versionKey = `${req.id}:${req.version}`;
  if (formsFor !== versionKey) {
    setFormsFor(versionKey);
    setForms(initialVerdicts(req));
    setVerdictErrors({});
  }

  function done(updated: RequestView, message: string) {
    qc.setQueryData(key, updated);
    void qc.invalidateQueries({ queryKey: ['grading', 'requests'] });
    void qc.invalidateQueries({ queryKey: ['grading', 'entities'] });
    void qc.invalidateQueries({ queryKey: ['grading', 'sheets'] });
    setOpen(null);
    setError(null);
    setNotice(message);
    window.scrollTo({ top: 0 });
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
  function prepareVerdicts() {
    if (!rules.data) return null;
    const { verdicts, errors } = verdictsBody(rules.data, forms);
    setVerdictErrors(errors);
    return Object.keys(errors).length > 0 ? null : verdicts;
  }

  const actions = req.actions.filter((a) => a.key !== 'withdraw' && a.key !== 'resubmit');
  const openAction: Action | null = actions.find((a) => a.key === open) ?? null;
  const canWithdraw = req.mine && (req.actions.some((a) => a.key === 'withdraw') || WITHDRAWABLE.includes(req.state));
  const approved = req.state === 'approved' || req.state === 'issued';
  const step = FINAL_STATES.includes(req.state) ? null : (req.steps.find((s) => !s.leftAt) ?? null);
  const reviewedGrade = req.reviewedEvaluation && req.reviewedEvaluation.grade !== req.supportedGrade ? req.reviewedEvaluation.grade : null;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={viewer.reviews ? '/app/grading/requests' : '/app/grading/entity'}
          title={req.name}
          titleTestId="request-name"
          sub={
            <>
              {SUBJECT_TITLES[req.subject]} — {req.place}
            </>
          }
          code={
            <>
              {t.trackingCode}: <bdi className="st-code">{faDigits(req.trackingCode)}</bdi>
            </>
          }
          aside={
            <Stack gap={6} align="flex-start">
              <RequestStateBadge state={req.state} title={req.stateTitle} />
              <GradeFlow
                size="md"
                labelled
                steps={[
                  { label: t.fromGrade, grade: req.fromGrade },
                  { label: t.supportedGrade, grade: req.supportedGrade },
                  reviewedGrade !== null && { label: t.reviewedGrade, grade: reviewedGrade },
                  approved && !!req.decision && { label: t.finalGrade, grade: req.decision.grade },
                ]}
              />
            </Stack>
          }
        />
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>

        <div className="gr-page">
          <Stack gap="lg" className="gr-top">
            {correcting && (rules.data ? <CorrectionForm r={req} rules={rules.data} onDone={(v) => done(v, t.resubmitted)} onFailed={(err) => void failed(err)} /> : <QueryStatus query={rules} />)}

            <PageSection id="indicators" title={needsVerdicts ? t.verdicts : t.indicators} testId="indicators-section">
              {needsVerdicts ? (
                rules.data ? (
                  <VerdictsForm r={req} rules={rules.data} forms={forms} onChange={(k, f) => setForms((x) => ({ ...x, [k]: f }))} errors={verdictErrors} />
                ) : (
                  <QueryStatus query={rules} />
                )
              ) : (
                <IndicatorsTable r={req} />
              )}
            </PageSection>
          </Stack>

          <Stack gap="lg" className="gr-side">
            <PageSection id="actions" title={t.actions} testId="actions">
              <Stack gap="sm">
                <Facts
                  items={[
                    [t.year, yearText(req.year)],
                    [gfa.list.colCreated, jDate(req.createdAt)],
                    step && [gfa.entity.currentStep, step.title],
                    step?.dueAt && [t.due, <DueDate dueAt={step.dueAt} overdue={step.late || isOverdue(step.dueAt)} key="due" />],
                    [t.rule, <RuleVersion rule={req.ruleSet} key="rule" />],
                  ]}
                />
                {actions.length === 0 && !canWithdraw && !correcting ? (
                  <Text size="sm" c="dimmed" data-testid="no-actions">
                    {t.noActions}
                  </Text>
                ) : openAction ? (
                  <ActionForm key={openAction.key} a={openAction} r={req} prepareVerdicts={prepareVerdicts} onDone={(v, a) => done(v, t.done(a.title))} onFailed={(err) => void failed(err)} onCancel={() => setOpen(null)} />
                ) : (
                  actions.length > 0 && (
                    <ActionButtons
                      actions={actions}
                      color={actionColor}
                      onOpen={(k) => {
                        setOpen(k);
                        setNotice(null);
                        setError(null);
                      }}
                    />
                  )
                )}
                {canWithdraw && !openAction && <WithdrawBox r={req} onDone={(v) => done(v, t.withdrawn)} onFailed={(err) => void failed(err)} />}
              </Stack>
            </PageSection>
          </Stack>

          <Stack gap="lg" className="gr-rest">
            <PageSection id="steps" title={t.steps} testId="steps-section">
              <StepsTimeline steps={req.steps} />
            </PageSection>

            <PageSection id="justification" title={t.justification}>
              <Text size="sm" className="st-pre" data-testid="justification">
                {req.justification}
              </Text>
            </PageSection>

            {req.decision && (
              <PageSection id="decision" title={t.decision} testId="decision">
                <Decision d={req.decision} approved={approved} />
              </PageSection>
            )}

            <PageSection id="history" title={t.history}>
              <HistoryTimeline history={req.history} />
            </PageSection>
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}
