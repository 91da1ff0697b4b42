// A course's instructors: those assigned (unassign while the course is planned; the organizer's evaluation once it is
// held) and the candidates the bank offers for it (qualified in its field through its dates, available in its
// province or online, not busy elsewhere), each with an «assign» button.
import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../../web/api.js';
import { faNumber } from '../../../../web/format.js';
import { CardHead, EmptyCard, ListView, QueryStatus } from '../../../../web/staff/ui.js';
import type { BankItem, CourseAssignmentView, CourseView } from '../../api-types.js';
import { EvaluationForm, EvaluationSummary } from './course-rating.js';
import { cfa } from './fa-courses.js';
import { API, availabilityText, BankName, BASE, Code, ratingText, scoreText, Sub } from './shared.js';

const t = cfa.page;

/** The assigned instructors: hours, trainees' rating, the organizer's evaluation (a form while the course is held). */
export function Assignments({
  course,
  busyId,
  onUnassign,
  onEvaluated,
}: {
  course: CourseView;
  busyId: number | null;
  onUnassign: (a: CourseAssignmentView) => void;
  onEvaluated: (c: CourseView, a: CourseAssignmentView) => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  if (course.assignments.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-assignments">
        {t.noAssigned}
      </Text>
    );
  }
  const planned = course.state === 'planned' && course.canManage;
  const evaluating = course.state === 'held' && course.canManage;
  return (
    <Stack gap="sm" component="ul" className="in-plain" data-testid="assignments">
      {course.assignments.map((a) => (
        <li key={a.id} className="in-part" data-testid="assignment">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`${BASE}/profiles/${a.profileId}`} fw={700} size="sm">
                {a.name}
              </Anchor>
              <Sub>
                <Code value={a.trainingId} /> — {t.hoursN(faNumber(a.hours))}
              </Sub>
              {course.state !== 'planned' && (
                <Text size="xs">
                  {t.colRating}: {ratingText({ average: a.ratingAverage, count: a.ratingCount })}
                </Text>
              )}
            </div>
            {planned && (
              <Button size="xs" variant="subtle" color="red" loading={busyId === a.id} onClick={() => onUnassign(a)} aria-label={`${t.unassign} — ${a.name}`} data-testid="unassign">
                {t.unassign}
              </Button>
            )}
          </Group>
          {course.state !== 'planned' && course.state !== 'cancelled' && (
            <Stack gap={4} mt={6}>
              <Text size="xs" fw={700}>
                {cfa.evaluation.title}
              </Text>
              {editing === a.id ? (
                <EvaluationForm
                  a={a}
                  onSaved={(c) => {
                    setEditing(null);
                    onEvaluated(c, a);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  {a.evaluation ? <EvaluationSummary e={a.evaluation} /> : <Text size="xs" c="dimmed">{cfa.evaluation.none}</Text>}
                  {evaluating && (
                    <Button size="xs" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(a.id)} data-testid="evaluate">
                      {a.evaluation ? cfa.evaluation.edit : cfa.evaluation.add}
                    </Button>
                  )}
                </>
              )}
            </Stack>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** The instructors who may teach this course, best first, each with «assign». */
export function Candidates({ course, busyId, onAssign }: { course: CourseView; busyId: number | null; onAssign: (b: BankItem) => void }) {
  const q = useQuery({
    queryKey: ['instructors', 'course', course.id, 'candidates', course.assignments.length],
    queryFn: ({ signal }) => api.get<{ items: BankItem[] }>(`${API}/courses/${course.id}/candidates`, signal).then((r) => r.items),
  });
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  if (q.data.length === 0) return <EmptyCard>{t.noCandidates}</EmptyCard>;
  const assign = (b: BankItem) => (
    <Button size="xs" loading={busyId === b.profileId} onClick={() => onAssign(b)} aria-label={`${t.assign} — ${b.name}`} data-testid="assign">
      {t.assign}
    </Button>
  );
  return (
    <ListView
      cardsTestId="candidate-cards"
      table={
        <Table verticalSpacing="xs" data-testid="candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colName}</Table.Th>
              <Table.Th>{t.colScore}</Table.Th>
              <Table.Th>{t.colRating}</Table.Th>
              <Table.Th>{t.colAvailability}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((b) => (
              <Table.Tr key={b.profileId} data-testid="candidate">
                <Table.Td>
                  <BankName b={b} />
                </Table.Td>
                <Table.Td className="in-num">
                  <Text size="sm" fw={700}>
                    {scoreText(b.score)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ratingText(b.rating)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{availabilityText(b)}</Text>
                </Table.Td>
                <Table.Td>{assign(b)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
      cards={q.data.map((b) => (
        <li key={b.profileId} className="in-part" data-testid="candidate-card">
          <CardHead title={b.name} aside={assign(b)}>
            <Sub>
              {t.colScore}: {scoreText(b.score)} — {ratingText(b.rating)}
            </Sub>
            <Sub>{availabilityText(b)}</Sub>
          </CardHead>
        </li>
      ))}
    />
  );
}
