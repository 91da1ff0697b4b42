import { Button, Container, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { faPages } from '../pages/fa.js';
import { faStaff } from './fa.js';
import { IconClock } from '../components/Icons.js';
import { usePageTitle } from '../components/usePageTitle.js';

/** A staff screen not built yet. */
export default function StaffComingSoon() {
  usePageTitle(faPages.comingSoon.title);
  return (
    <Container size="sm">
      <Paper withBorder p="xl" radius="lg" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" mx="auto" mb="md" aria-hidden="true">
          <IconClock />
        </ThemeIcon>
        <Title order={1} size="h2">
          {faPages.comingSoon.title}
        </Title>
        <Text c="dimmed" my="md">
          {faPages.comingSoon.text}
        </Text>
        <Button component={Link} to="/app" variant="light">
          {faStaff.nav.staffHome}
        </Button>
      </Paper>
    </Container>
  );
}
