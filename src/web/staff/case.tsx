// A case's page as the services' staff screens show it (a request, an application, a course, a profile): its heading
// with the way back, titled sections, its history, the buttons of the steps the viewer may take and the form of one
// (its own fields, the comment, confirm and cancel). Styled by styles/staff.css.
import type { FormEvent, ReactNode } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import { faNumber } from '../format.js';
import { faStaff } from './fa.js';

const t = faStaff.ui;

/**
 * The top of a case's page: «→ بازگشت» to `backTo`, the title (h1) with a dimmed line under it (`sub`) and a line with
 * its code (`code`), and `aside` (its state) beside them. `className` goes on both (e.g. not printed).
 */
export function CaseHeading({
  backTo,
  title,
  titleTestId,
  sub,
  code,
  aside,
  className,
}: {
  backTo: string;
  title: ReactNode;
  titleTestId: string;
  sub?: ReactNode;
  code?: ReactNode;
  aside: ReactNode;
  className?: string;
}) {
  return (
    <>
      <Anchor component={Link} to={backTo} size="sm" className={className}>
        → {t.back}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" className={className}>
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" data-testid={titleTestId}>
            {title}
          </Title>
          {sub && (
            <Text size="sm" c="dimmed">
              {sub}
            </Text>
          )}
          {code && (
            <Text size="sm" mt={2}>
              {code}
            </Text>
          )}
        </div>
        {aside}
      </Group>
    </>
  );
}

/** A titled card of a case's page (the title labels it), with something beside its title and an optional hint. */
export function PageSection({ id, title, hint, extra, children, testId }: { id: string; title: string; hint?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <Group justify="space-between" align="center" gap="xs" mb={hint ? 4 : 'sm'} wrap="wrap">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {extra}
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** A case's history, oldest first: each step's title, a dimmed line under it (when, who, …) and its comment. */
export function HistoryTimeline({ items }: { items: ReadonlyArray<{ key: string; title: string; meta: ReactNode; comment: string | null | undefined }> }) {
  return (
    <Timeline active={items.length - 1} bulletSize={12} lineWidth={2} data-testid="history">
      {items.map((h) => (
        <Timeline.Item key={h.key} title={h.title}>
          <Text size="xs" c="dimmed">
            {h.meta}
          </Text>
          {h.comment && (
            <Text size="sm" className="st-pre" mt={4}>
              {h.comment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** The steps the viewer may take on a case, a button each (`action-<key>`); `onOpen` opens one's form. */
export function ActionButtons({ actions, color, onOpen }: { actions: ReadonlyArray<{ key: string; title: string }>; color: (key: string) => string | undefined; onOpen: (key: string) => void }) {
  return (
    <Group gap="xs" wrap="wrap">
      {actions.map((a) => (
        <Button key={a.key} variant="light" color={color(a.key)} onClick={() => onOpen(a.key)} data-testid={`action-${a.key}`}>
          {a.title}
        </Button>
      ))}
    </Group>
  );
}

/** The longest comment of a step. */
export const MAX_COMMENT = 4000;

/**
 * The form of one step on a case (`action-form-<key>`): its title, the step's own fields (`children`), the comment
 * (required when the step says so, with `requiredHint`; else its length shown) and «confirm» / «انصراف».
 */
export function ActionFormCard({
  action,
  onSubmit,
  busy,
  color,
  confirmLabel,
  comment,
  onCancel,
  children,
}: {
  action: { key: string; title: string; requireComment: boolean };
  onSubmit: (e: FormEvent) => void;
  busy: boolean;
  color: string | undefined;
  confirmLabel: string;
  comment: { label: string; requiredHint: string; value: string; onChange: (v: string) => void; error: string | undefined };
  onCancel: () => void;
  children?: ReactNode;
}) {
  const required = action.requireComment;
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={onSubmit} noValidate aria-label={action.title} data-testid={`action-form-${action.key}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {action.title}
        </Title>
        {children}
        <Textarea
          label={comment.label}
          description={required ? comment.requiredHint : t.charCount(faNumber(comment.value.length), faNumber(MAX_COMMENT))}
          required={required}
          autosize
          minRows={required ? 3 : 2}
          maxRows={10}
          maxLength={MAX_COMMENT}
          value={comment.value}
          onChange={(e) => comment.onChange(e.currentTarget.value)}
          error={comment.error}
          data-testid="comment"
        />
        <Group gap="xs">
          <Button type="submit" loading={busy} color={color} data-testid="confirm-action">
            {confirmLabel}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
