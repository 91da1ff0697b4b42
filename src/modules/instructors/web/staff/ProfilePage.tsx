import { Anchor, Button, Container, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faDigits, faNumber, jDate } from '../../../../web/format.js';
import { CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { Facts, QueryStatus, scrollRegion } from '../../../../web/staff/ui.js';
import type { StaffProfileView } from '../../api-types.js';
import { DEGREE_TITLES, EVALUATION_ITEM_TITLES, EVALUATION_ITEMS } from '../../enums.js';
import { birthDateText } from './application-parts.js';
import { ifa } from './fa.js';
import { API, availabilityText, BASE, Code, CourseStateBadge, jalaliText, ratingText, scoreText, StatusBadge, Sub, useInstViewer } from './shared.js';

const t = ifa.profile;
const p = ifa.page;

/**
 * `/app/instructors/profiles/:id`: an instructor as the bank knows him — facts, fields with his scores (qualified or
 * not), the Bayesian rating, his courses with the trainees' ratings, the organizers' evaluations, his applications,
 * and the links to the public verification page of his training ID and to his printable certificate.
 */
export default function ProfilePage() {
  const { id = '' } = useParams();
  const viewer = useInstViewer();
  const q = useQuery({
    queryKey: ['instructors', 'profile', id],
    queryFn: ({ signal }) => api.get<StaffProfileView>(`${API}/profiles/${encodeURIComponent(id)}`, signal),
  });
  usePageTitle(q.data ? q.data.item.name : t.title);
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const { item, profile, mobile, applications, courses, evaluations } = q.data;
  const qualified = item.status === 'qualified' || item.status === 'expired';

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={`${BASE}/bank`}
          title={item.name}
          titleTestId="profile-name"
          code={
            <>
              {p.trainingId}: <Code value={item.trainingId} />
            </>
          }
          aside={<StatusBadge status={item.status} title={item.statusTitle} />}
        />
        {item.trainingId && qualified && (
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={`/verify/training-id/${encodeURIComponent(item.trainingId)}`} target="_blank" rel="noopener" variant="light" size="sm" data-testid="verify-link">
              {t.verify} {ifa.common.opensNewTab}
            </Button>
            <Button component={Link} to={`${BASE}/profiles/${item.profileId}/certificate`} variant="light" size="sm" data-testid="certificate-link">
              {t.certificate}
            </Button>
          </Group>
        )}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <PageSection id="facts" title={t.facts}>
            <Facts
              items={[
                [p.nationalCode, <bdi className="st-code" key="n">{faDigits(profile.nationalCode)}</bdi>],
                [p.mobile, <bdi className="st-code" key="m">{faDigits(mobile)}</bdi>],
                !!profile.email && [p.email, <bdi key="e">{profile.email}</bdi>],
                [p.province, item.province],
                [p.birthDate, birthDateText(profile.birthDate)],
                [p.availability, availabilityText(item)],
                !!item.qualifiedUntil && [p.validUntil, jalaliText(item.qualifiedUntil)],
                [t.rating, ratingText(item.rating)],
                [t.education, profile.education.map((e) => `${DEGREE_TITLES[e.degree]} ${e.field} — ${e.university} (${faDigits(String(e.year))})`).join('؛ ') || ifa.common.none],
                !!profile.bio && [p.bio, <span className="st-pre" key="b">{profile.bio}</span>],
              ]}
            />
          </PageSection>
          <PageSection id="fields" title={t.fields}>
            <Stack gap={6} component="ul" className="in-plain" data-testid="profile-fields">
              {item.fields.map((f) => (
                <li key={f.key} className="in-part">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={700}>
                      {f.title}
                    </Text>
                    <Text size="sm" fw={700} className="in-num">
                      {f.score === null ? t.notQualified : ifa.common.score(scoreText(f.score))}
                    </Text>
                  </Group>
                </li>
              ))}
            </Stack>
          </PageSection>
        </SimpleGrid>

        <PageSection id="courses" title={t.courses}>
          {courses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.noCourses}
            </Text>
          ) : (
            <div className="in-scroll" {...scrollRegion('courses-title')}>
              <Table verticalSpacing="xs" data-testid="profile-courses">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.colCourse}</Table.Th>
                    <Table.Th>{t.colDates}</Table.Th>
                    <Table.Th>{t.colState}</Table.Th>
                    <Table.Th>{t.colRating}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {courses.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        {viewer.courses ? (
                          <Anchor component={Link} to={`${BASE}/courses/${c.id}`} size="sm">
                            {c.title}
                          </Anchor>
                        ) : (
                          <Text size="sm">{c.title}</Text>
                        )}
                        <Sub>{c.fieldTitle}</Sub>
                      </Table.Td>
                      <Table.Td className="in-num">
                        <Text size="sm">
                          {jalaliText(c.startsOn)} – {jalaliText(c.endsOn)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CourseStateBadge state={c.state} title={c.stateTitle} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{ratingText({ average: c.ratingAverage, count: c.ratingCount })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </PageSection>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <PageSection id="evaluations" title={t.evaluations}>
            {evaluations.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t.noEvaluations}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" className="in-plain" data-testid="profile-evaluations">
                {evaluations.map((e, i) => (
                  <li key={i} className="in-part">
                    <Text size="sm" fw={700}>
                      {e.courseTitle}
                    </Text>
                    <Sub>{jDate(e.at)}</Sub>
                    <Facts items={EVALUATION_ITEMS.map((k) => [EVALUATION_ITEM_TITLES[k], `${faNumber(e.scores[k])} از ۵`] as [string, string])} />
                    {e.comment && (
                      <Text size="sm" className="st-pre" mt={4}>
                        {e.comment}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            )}
          </PageSection>
          <PageSection id="applications" title={t.applications}>
            <Stack gap={4} component="ul" className="in-plain" data-testid="profile-applications">
              {applications.map((a) => (
                <li key={a.id}>
                  {viewer.reviews || viewer.decides ? (
                    <Anchor component={Link} to={`${BASE}/applications/${encodeURIComponent(a.id)}`} size="sm">
                      <Code value={a.trackingCode} />
                    </Anchor>
                  ) : (
                    <Code value={a.trackingCode} />
                  )}{' '}
                  <Text span size="sm">
                    {a.kindTitle} — {a.stateTitle} — {jDate(a.createdAt)}
                  </Text>
                </li>
              ))}
            </Stack>
          </PageSection>
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
