import { useEffect, useState } from 'react';
import { Container, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { ConfirmStep } from '../../../../web/staff/ConfirmStep.js';
import { Facts, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { BankItem, CourseAssignmentView, CourseView } from '../../api-types.js';
import { Assignments, Candidates } from './course-assign.js';
import { RatingSheet } from './course-rating.js';
import { cfa } from './fa-courses.js';
import { ifa } from './fa.js';
import { actionError, API, BASE, CourseStateBadge, jalaliText, todayJalali } from './shared.js';

const t = cfa.page;

/**
 * `/app/instructors/courses/:id`: one course — its facts, the assigned instructors (unassign while planned), the
 * candidates from the bank with «assign», «held» (makes the rating link, its QR code and the trainee codes on a
 * printable sheet), the organizer's evaluation of each instructor, close and cancel.
 */
export default function CoursePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const qc = useQueryClient();
  const key = ['instructors', 'course', Number(id)];
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: string } | null) ?? null)?.notice ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const navigate = useNavigate();
  // The notice handed over by the new-course form is shown once: a reload must not show it again.
  useEffect(() => {
    if (location.state) navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location.state, location.pathname, location.search, navigate]);
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<CourseView>(`${API}/courses/${encodeURIComponent(id)}`, signal),
  });
  usePageTitle(q.data?.title ?? cfa.list.title);
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const course = q.data;

  function done(updated: CourseView, message: string) {
    qc.setQueryData(key, updated);
    void qc.invalidateQueries({ queryKey: ['instructors', `${API}/courses`] });
    void qc.invalidateQueries({ queryKey: ['instructors', `${API}/bank`] });
    void qc.invalidateQueries({ queryKey: ['instructors', 'course', updated.id, 'candidates'] });
    setError(null);
    setNotice(message);
  }
  async function run(call: () => Promise<CourseView>, message: string) {
    try {
      done(await call(), message);
      window.scrollTo({ top: 0 });
    } catch (err) {
      setNotice(null);
      setError(actionError(err).message);
      window.scrollTo({ top: 0 });
      void qc.invalidateQueries({ queryKey: key });
    }
  }
  async function assign(b: BankItem) {
    setBusyId(b.profileId);
    await run(() => api.post<CourseView>(`${API}/courses/${course.id}/assignments`, { profileId: b.profileId }), t.assigned1(b.name));
    setBusyId(null);
  }
  async function unassign(a: CourseAssignmentView) {
    setBusyId(a.id);
    await run(() => api.delete<CourseView>(`${API}/courses/${course.id}/assignments/${a.id}`), t.unassigned(a.name));
    setBusyId(null);
  }

  const planned = course.state === 'planned';
  const manage = course.canManage;
  const started = todayJalali() >= course.startsOn;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={`${BASE}/courses`}
          title={course.title}
          titleTestId="course-title"
          sub={
            <>
              {course.fieldTitle} — {course.province ?? cfa.list.national} — {course.modeTitle}
            </>
          }
          aside={<CourseStateBadge state={course.state} title={course.stateTitle} />}
          className="in-noprint"
        />
        <div className="in-noprint">
          <Notice tone="ok" onClose={() => setNotice(null)}>
            {notice}
          </Notice>
          <Notice tone="error" onClose={() => setError(null)}>
            {error}
          </Notice>
        </div>

        <div className="in-page">
          <Stack gap="lg" className="in-top">
            {course.rating && course.state === 'held' && <RatingSheet course={course} />}
            <div className="in-noprint">
              <PageSection id="assigned" title={t.assigned} testId="assigned-section">
                <Assignments course={course} busyId={busyId} onUnassign={(a) => void unassign(a)} onEvaluated={(c, a) => done(c, cfa.evaluation.saved(a.name))} />
              </PageSection>
            </div>
            {planned && manage && (
              <div className="in-noprint">
                <PageSection id="candidates" title={t.candidates} hint={t.candidatesHint} testId="candidates-section">
                  <Candidates course={course} busyId={busyId} onAssign={(b) => void assign(b)} />
                </PageSection>
              </div>
            )}
          </Stack>

          <Stack gap="lg" className="in-side in-noprint">
            <PageSection id="facts" title={t.facts} testId="course-facts">
              <Stack gap="sm">
                <Facts
                  items={[
                    [t.field, course.fieldTitle],
                    [t.province, course.province ?? cfa.list.national],
                    [t.mode, course.modeTitle],
                    !!course.place && [t.place, course.place],
                    [t.dates, <span className="in-num" key="d">{t.fromTo(jalaliText(course.startsOn), jalaliText(course.endsOn))}</span>],
                    [t.hours, t.hoursN(faNumber(course.hours))],
                    [t.trainees, t.traineesN(faNumber(course.trainees))],
                    !!course.rating && course.state !== 'held' && [cfa.rating.codes, cfa.rating.used(faNumber(course.rating.used), faNumber(course.rating.codes.length))],
                    !!course.cancelReason && [t.cancelReason, <span className="st-pre" key="r">{course.cancelReason}</span>],
                    !!course.description && [t.description, <span className="st-pre" key="x">{course.description}</span>],
                  ]}
                />
                {!manage && (
                  <Text size="sm" c="dimmed">
                    {t.cannotManage}
                  </Text>
                )}
                {manage && planned && (
                  <Stack gap="xs">
                    <ConfirmStep
                      label={t.held}
                      question={t.heldHint}
                      yesLabel={ifa.common.confirm}
                      color="violet"
                      disabled={!started || course.assignments.length === 0}
                      onConfirm={() => run(() => api.post<CourseView>(`${API}/courses/${course.id}/held`), t.heldDone)}
                      testId="held"
                    />
                    {(!started || course.assignments.length === 0) && (
                      <Text size="xs" c="dimmed">
                        {!started ? t.heldNotYet(jalaliText(course.startsOn)) : t.heldNeedsInstructor}
                      </Text>
                    )}
                    <ConfirmStep label={t.cancel} yesLabel={ifa.common.confirm} color="red" reasonLabel={t.cancelReason} reasonMaxLength={1000} onConfirm={(reason) => run(() => api.post<CourseView>(`${API}/courses/${course.id}/cancel`, { reason }), t.cancelled)} testId="cancel-course" />
                  </Stack>
                )}
                {manage && course.state === 'held' && (
                  <ConfirmStep label={t.close} question={t.closeHint} yesLabel={ifa.common.confirm} color="green" onConfirm={() => run(() => api.post<CourseView>(`${API}/courses/${course.id}/close`), t.closed)} testId="close-course" />
                )}
              </Stack>
            </PageSection>
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}
