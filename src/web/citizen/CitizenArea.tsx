import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { toPersianDigits } from '../../core/fa/index.js';
import { faCitizen } from './fa.js';
import { Shell } from '../components/Shell.js';

import { SessionNav } from '../components/SessionNav.js';
import { sessionPending } from '../components/SessionPending.js';
import { PublicServiceGrid } from '../components/PublicServiceGrid.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { queryClient, useMe } from '../session.js';

function CitizenHome() {
  usePageTitle(faCitizen.citizenHome.title);
  const me = useMe();

  const pending = sessionPending(me);
  if (pending) return pending;
  if (!me.data) return <Navigate to="/citizen/login" replace />;
  if (me.data.user.kind === 'staff') return <Navigate to="/app" replace />;

  const mobile = me.data.user.mobile ?? me.data.user.username;
  return (
    <Shell nav={<SessionNav name={toPersianDigits(mobile)} homePath="/me" homeLabel={faCitizen.nav.citizenHome} />}>
      <Container size="lg">
        <Stack gap="xl">
          <Paper withBorder p="lg" radius="lg">
            <Title order={1} size="h2">
              {faCitizen.citizenHome.title}
            </Title>
            <Text mt="sm">
              {faCitizen.citizenHome.mobile}:{' '}
              <Text component="bdi" fw={700} data-testid="citizen-mobile">
                {toPersianDigits(mobile)}
              </Text>
            </Text>
          </Paper>
          <section aria-labelledby="citizen-services">
            <Title order={2} size="h3" id="citizen-services" mb="md">
              {faCitizen.citizenHome.servicesTitle}
            </Title>
            <PublicServiceGrid />
          </section>
        </Stack>
      </Container>
    </Shell>
  );
}

/** `/me`: the citizen's page. Anyone not signed in as a citizen goes to `/citizen/login`. */
export default function CitizenArea() {
  return (
    <QueryClientProvider client={queryClient}>
      <CitizenHome />
    </QueryClientProvider>
  );
}
