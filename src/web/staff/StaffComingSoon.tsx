import { Button, Container, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { fa } from '../fa.js';
import { IconClock } from '../components/Icons.js';
import { usePageTitle } from '../components/usePageTitle.js';

/** A staff screen not built yet. */
export default function StaffComingSoon() {
  usePageTitle(fa.comingSoon.title);
  return (
    <Container size="sm">
      <Paper withBorder p="xl" radius="lg" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" mx="auto" mb="md" aria-hidden="true">
          <IconClock />
        </ThemeIcon>
        <Title order={1} size="h2">
          {fa.comingSoon.title}
        </Title>
        <Text c="dimmed" my="md">
          {fa.comingSoon.text}
        </Text>
        <Button component={Link} to="/app" variant="light">
          {fa.nav.staffHome}
        </Button>
      </Paper>
    </Container>
  );
}
