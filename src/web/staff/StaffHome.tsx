import { Badge, Card, Container, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { toPersianDigits } from '../../core/fa/index.js';
import { api, type Me, type StaffHomeData } from '../api.js';
import { faStaff } from './fa.js';
import { IconClock, IconInbox } from '../components/Icons.js';
import { LoadError } from '../components/LoadError.js';
import { PageLoader } from '../components/PageLoader.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { formatScope } from './scope.js';

function Stat({ label, value, tone, icon }: { label: string; value: number; tone: 'civic' | 'red'; icon: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={44} radius="md" variant="light" color={tone} aria-hidden="true" visibleFrom="xs">
          {icon}
        </ThemeIcon>
        <div>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.3} c={tone === 'red' && value > 0 ? 'red.8' : undefined}>
            {toPersianDigits(value)}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

/**
 * `/app`: the staff home. Who you are and where your roles apply, what waits in
 * your inboxes, and the services you may use.
 */
export default function StaffHome({ me }: { me: Me }) {
  usePageTitle(faStaff.nav.staffHome);
  const home = useQuery({
    queryKey: ['home'],
    queryFn: ({ signal }) => api.get<StaffHomeData>('/api/v1/home', signal),
  });

  return (
    <Container size="lg">
      <Stack gap="xl">
        <section aria-labelledby="greeting">
          <Title order={1} size="h2" id="greeting">
            {faStaff.staffHome.greeting(me.user.displayName)}
          </Title>
          <Title order={2} size="h5" mt="md" mb="xs" c="dimmed">
            {faStaff.staffHome.rolesTitle}
          </Title>
          {me.roles.length === 0 ? (
            <Text>{faStaff.staffHome.noRoles}</Text>
          ) : (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="roles">
              {me.roles.map((r, i) => (
                <li key={`${r.role}-${r.division?.id ?? 'all'}-${i}`}>
                  <Text component="span" fw={700}>
                    {r.title}
                  </Text>
                  <Text component="span"> — {formatScope(r.division)}</Text>
                </li>
              ))}
            </Stack>
          )}
        </section>

        {home.isPending ? (
          <PageLoader />
        ) : home.isError ? (
          <LoadError error={home.error} onRetry={() => void home.refetch()} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 2 }} spacing="md" maw={560} data-testid="inbox-totals">
              <Stat label={faStaff.staffHome.inboxTotal} value={home.data.inbox.total} tone="civic" icon={<IconInbox />} />
              <Stat label={faStaff.staffHome.overdueTotal} value={home.data.inbox.overdue} tone="red" icon={<IconClock />} />
            </SimpleGrid>

            <section aria-labelledby="services-title">
              <Title order={2} size="h3" id="services-title" mb="md">
                {faStaff.staffHome.servicesTitle}
              </Title>
              {home.data.services.length === 0 ? (
                <Text>{faStaff.staffHome.noServices}</Text>
              ) : (
                <SimpleGrid
                  cols={{ base: 1, xs: 2, md: 3 }}
                  spacing="md"
                  component="ul"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {home.data.services.map((s) => (
                    <li key={s.key}>
                      <Card component={Link} to={s.path} withBorder padding="lg" className="service-card" data-service={s.key}>
                        <Title order={3} size="h4">
                          {s.title}
                        </Title>
                        <Group gap="xs">
                          <Badge variant="light" c="civic.9" size="lg">
                            {faStaff.staffHome.inbox}: {toPersianDigits(s.inbox)}
                          </Badge>
                          {s.overdue > 0 && (
                            <Badge variant="light" color="red" c="red.9" size="lg">
                              {faStaff.staffHome.overdue}: {toPersianDigits(s.overdue)}
                            </Badge>
                          )}
                        </Group>
                        <span className="service-card-go" aria-hidden="true">
                          {faStaff.staffHome.open} ←
                        </span>
                      </Card>
                    </li>
                  ))}
                </SimpleGrid>
              )}
            </section>
          </>
        )}
      </Stack>
    </Container>
  );
}
