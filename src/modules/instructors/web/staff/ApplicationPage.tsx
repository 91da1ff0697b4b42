import { useState } from 'react';
import { Alert, Anchor, Container, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, faNumber, jDate } from '../../../../web/format.js';
import { ActionButtons, CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { DueDate, Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { ApplicationView } from '../../api-types.js';
import type { ReviewInput } from '../../contract.js';
import { ActionForm, actionColor } from './application-actions.js';
import { EvidenceList, FieldScores, HistoryTimeline, ProfileSummary } from './application-parts.js';
import { initialReview, ReviewForm, reviewBody, type ReviewForms } from './application-review.js';
import { ifa } from './fa.js';
import { actionError, API, AppStateBadge, BASE, Code, fieldTitleOf, jalaliText, useCriteriaSets, useFields, useInstViewer } from './shared.js';

const t = ifa.page;
type Action = ApplicationView['actions'][number];

/**
 * `/app/instructors/applications/:id`: one qualification application — the instructor's facts and profile, the
 * pre-score of each field (criterion, value, rule, points), the evidence with its documents, the earlier decisions
 * and the history; for the training expert his per-field review (adjust a value with a reason → live re-score,
 * recommendation, note, evidence verified) to forward or a return for more information; for the committee the
 * decision (qualified in chosen fields, not qualified with reasons, more information). A version conflict (someone
 * acted first) reloads the page and says so.
 */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const viewer = useInstViewer();
  const key = ['instructors', 'application', id];
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forms, setForms] = useState<ReviewForms>({});
  const [verified, setVerified] = useState<Set<string>>(new Set());
  const [formsFor, setFormsFor] = useState<string | null>(null);
  const [reviewErrors, setReviewErrors] = useState<Record<string, string>>({});
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<ApplicationView>(`${API}/applications/${encodeURIComponent(id)}`, signal),
  });
  const reviewing = !!q.data?.actions.some((a) => a.action === 'expert_forward');
  const fields = useFields();
  const sets = useCriteriaSets(reviewing);
  usePageTitle(q.data ? `${q.data.name} — ${faDigits(q.data.trackingCode)}` : ifa.list.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const app = q.data;

  // The review form and the verified boxes start from what is recorded, once per loaded version.
  const versionKey = `${app.id}:${app.version}`;
  if (formsFor !== versionKey) {
    setFormsFor(versionKey);
    setForms(initialReview(app));
    setVerified(new Set(app.evidence.filter((e) => e.verified).map((e) => e.id)));
    setReviewErrors({});
  }

  function done(updated: ApplicationView, message: string) {
    qc.setQueryData(key, updated);
    void qc.invalidateQueries({ queryKey: ['instructors', `${API}/applications`] });
    setOpen(null);
    setError(null);
    setNotice(message);
    window.scrollTo({ top: 0 });
  }
  async function failed(err: unknown) {
    const { message, conflict } = actionError(err);
    setNotice(null);
    setError(message);
    window.scrollTo({ top: 0 });
    if (conflict) {
      setOpen(null);
      await qc.invalidateQueries({ queryKey: key });
    }
  }
  function prepareReview(): Pick<ReviewInput, 'fields' | 'verifiedItems'> | null {
    const { fields: body, errors } = reviewBody(forms);
    setReviewErrors(errors);
    return Object.keys(errors).length > 0 ? null : { fields: body, verifiedItems: [...verified] };
  }

  const def = sets.data?.find((x) => x.id === app.criteriaSet.id)?.definition;
  const openAction: Action | null = app.actions.find((a) => a.action === open) ?? null;
  const fieldTitle = (k: string) => fieldTitleOf(fields.data, k);
  const decided = app.state === 'qualified' || app.state === 'not_qualified';

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={`${BASE}/applications`}
          title={app.name}
          titleTestId="applicant-name"
          sub={
            <>
              {app.kindTitle} — {app.province}
            </>
          }
          code={
            <>
              {t.trackingCode}: <Code value={app.trackingCode} />
            </>
          }
          aside={<AppStateBadge state={app.state} title={app.stateTitle} />}
        />
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>
        {app.state === 'returned' && app.returnComment && (
          <Alert color="orange" variant="light" title={t.returnComment}>
            <Text size="sm" className="st-pre">
              {app.returnComment}
            </Text>
          </Alert>
        )}

        <div className="in-page">
          <Stack gap="lg" className="in-top">
            <PageSection id="scores" title={reviewing ? t.reviewTitle : t.scores} hint={reviewing ? t.reviewHint : t.scoresHint} testId="scores-section">
              {reviewing ? (
                def && fields.data ? (
                  <ReviewForm app={app} def={def} taxonomy={fields.data} forms={forms} onChange={(k, f) => setForms((x) => ({ ...x, [k]: f }))} errors={reviewErrors} />
                ) : (
                  <QueryStatus query={sets.isError ? sets : fields} />
                )
              ) : (
                <FieldScores app={app} />
              )}
            </PageSection>
            <PageSection id="evidence" title={t.evidence} hint={reviewing ? t.evidenceHint : undefined} testId="evidence-section">
              <EvidenceList items={app.evidence} verified={verified} onToggle={reviewing ? (eid, on) => setVerified((v) => toggled(v, eid, on)) : undefined} />
            </PageSection>
          </Stack>

          <Stack gap="lg" className="in-side">
            <PageSection id="actions" title={t.actions} testId="actions">
              <Stack gap="sm">
                <Facts
                  items={[
                    [t.nationalCode, <bdi className="st-code" key="n">{faDigits(app.nationalCode)}</bdi>],
                    [t.mobile, <bdi className="st-code" key="m">{faDigits(app.mobile)}</bdi>],
                    [t.created, jDate(app.createdAt)],
                    !!app.dueAt && [t.due, <DueDate dueAt={app.dueAt} overdue={app.overdue} key="due" />],
                    [t.criteria, t.criteriaVersion(faNumber(app.criteriaSet.version), app.criteriaSet.title)],
                    [t.passScore, faNumber(app.criteriaSet.passScore)],
                    !!app.trainingId && [t.trainingId, <Code value={app.trainingId} key="id" />],
                    !!app.reviewedBy && [t.reviewedBy, app.reviewedBy],
                    decided && !!app.qualifiedFields?.length && [t.qualifiedFields, app.qualifiedFields.map(fieldTitle).join('، ')],
                    !!app.validUntil && [t.validUntil, jalaliText(app.validUntil)],
                    !!app.decisionReasons && [t.reasons, <span className="st-pre" key="r">{app.decisionReasons}</span>],
                  ]}
                />
                {app.actions.length === 0 ? (
                  <Text size="sm" c="dimmed" data-testid="no-actions">
                    {t.noActions}
                  </Text>
                ) : openAction ? (
                  <ActionForm key={openAction.action} a={openAction} app={app} prepareReview={prepareReview} onDone={(v, a) => done(v, t.done(a.title))} onFailed={(err) => void failed(err)} onCancel={() => setOpen(null)} />
                ) : (
                  <ActionButtons
                    actions={app.actions.map((a) => ({ key: a.action, title: a.title }))}
                    color={actionColor}
                    onOpen={(k) => {
                      setOpen(k);
                      setNotice(null);
                      setError(null);
                    }}
                  />
                )}
                {viewer.bank && (
                  <Anchor component={Link} to={`${BASE}/profiles/${app.profileId}`} size="sm">
                    {t.profileLink}
                  </Anchor>
                )}
              </Stack>
            </PageSection>
          </Stack>

          <Stack gap="lg" className="in-rest">
            <PageSection id="profile" title={t.profile}>
              <ProfileSummary app={app} fieldTitle={fieldTitle} />
            </PageSection>
            {app.earlier.length > 0 && (
              <PageSection id="earlier" title={t.earlier}>
                <Stack gap={4} component="ul" className="in-plain">
                  {app.earlier.map((e) => (
                    <li key={e.id}>
                      <Anchor component={Link} to={`${BASE}/applications/${encodeURIComponent(e.id)}`} size="sm">
                        <Code value={e.trackingCode} />
                      </Anchor>{' '}
                      <Text span size="sm">
                        {e.kindTitle} — {e.stateTitle} — {jDate(e.createdAt)}
                      </Text>
                    </li>
                  ))}
                </Stack>
              </PageSection>
            )}
            <PageSection id="history" title={t.history}>
              <HistoryTimeline history={app.history} />
            </PageSection>
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}

function toggled(set: Set<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
