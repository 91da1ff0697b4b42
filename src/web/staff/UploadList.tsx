import { Anchor, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { toPersianDigits } from '../../core/fa/normalize.js';
import type { Uploads } from '../components/Uploads.js';
import { faSize } from '../format.js';

/**
 * The files of a staff form's uploads (Uploads.tsx): each with its size or a link when already stored, a remove
 * button, and its upload progress, success or error. Nothing when there are none.
 */
export function UploadList({ uploads, testId }: { uploads: Uploads; testId?: string }) {
  if (!uploads.items.length) return null;
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite" data-testid={testId}>
      {uploads.items.map((i) => (
        <li key={i.key}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {i.existing ? (
                <Anchor href={`/api/v1/documents/${i.documentId}`} target="_blank" rel="noopener" size="sm">
                  <bdi>{i.name}</bdi>
                </Anchor>
              ) : (
                <>
                  <bdi>{i.name}</bdi>{' '}
                  <Text span size="xs" c="dimmed">
                    ({faSize(i.size ?? 0)})
                  </Text>
                </>
              )}
            </Text>
            <CloseButton size="sm" onClick={() => uploads.remove(i.key)} aria-label={`حذف ${i.name}`} />
          </Group>
          {i.status === 'uploading' && (
            <>
              <Progress value={i.progress} size="sm" aria-hidden="true" mt={4} />
              <Text size="xs" c="dimmed">
                {`در حال بارگذاری… ${toPersianDigits(i.progress)}٪`}
              </Text>
            </>
          )}
          {i.status === 'done' && !i.existing && (
            <Text size="xs" c="green.9">
              بارگذاری شد
            </Text>
          )}
          {i.status === 'error' && (
            <Text size="xs" c="red.8" role="alert">
              {i.error}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
