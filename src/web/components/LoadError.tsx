import { Alert, Button, Container, Text } from '@mantine/core';
import { errorMessage } from '../api.js';
import { fa } from '../fa.js';

/** A failed load: the server's Persian title and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Container size="sm">
      <Alert color="red" variant="light" title={fa.errors.loadFailed} role="alert">
        <Text size="sm" mb="sm">
          {errorMessage(error)}
        </Text>
        <Button size="xs" variant="white" color="red" onClick={onRetry}>
          {fa.errors.retry}
        </Button>
      </Alert>
    </Container>
  );
}
