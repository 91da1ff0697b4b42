// The staff action and internal-note forms of the complaint case page.
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';

import { toPersianDigits } from '../../../../core/fa/index.js';
import { api, ApiError, errorMessage } from '../../../../web/api.js';

import { cfa } from '../fa.js';

import { sfa } from './fa.js';
import { faNumber } from '../../../../web/format.js';
import { Notice } from '../../../../web/staff/ui.js';
import type { StaffAction, StaffCase } from '../types.js';

const MAX_BODY = 4000;

/** The form of one action: comment (with templates), assignee, original's code, as the server says it needs. */
export function ActionForm({
  c,
  action,
  meId,
  onDone,
  onCancel,
  onConflict,
}: {
  c: StaffCase;
  action: StaffAction;
  meId: number | null;
  onDone: (updated: StaffCase, message: string) => void;
  onCancel: () => void;
  onConflict: () => Promise<void>;
}) {
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const [assigneeId, setAssigneeId] = useState<string>(action.assigns && meId != null && c.assignees.some((u) => u.id === meId) ? String(meId) : '');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [errors, setErrors] = useState<{ comment?: string; assignee?: string; duplicateOf?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isReply = ['answer', 'request_info', 'reject', 'mark_duplicate'].includes(action.key);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (action.requireComment && !comment.trim()) errs.comment = sfa.staff.commentRequired;
    if (action.assigns === 'required' && !assigneeId) errs.assignee = sfa.staff.assigneeRequired;
    if (action.needsDuplicateOf && !duplicateOf.trim()) errs.duplicateOf = sfa.staff.duplicateRequired;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await api.post<StaffCase>(`/api/v1/complaints/${c.id}/actions`, {
        action: action.key,
        expectedVersion: c.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(assigneeId ? { assigneeId: Number(assigneeId) } : {}),
        ...(action.needsDuplicateOf ? { duplicateOf: duplicateOf.trim() } : {}),
      });
      void qc.invalidateQueries({ queryKey: ['complaints', 'list'] });
      onDone(updated, sfa.staff.done);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await onConflict();
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate data-testid={`action-form-${action.key}`} aria-label={action.title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {action.title}
        </Title>
        <Notice tone="error">{error}</Notice>
        {action.assigns && (
          <NativeSelect
            label={sfa.staff.assignee}
            required={action.assigns === 'required'}
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.currentTarget.value)}
            error={errors.assignee}
            data={[{ value: '', label: cfa.common.choose }, ...c.assignees.map((u) => ({ value: String(u.id), label: u.displayName }))]}
            data-testid="assignee"
          />
        )}
        {action.needsDuplicateOf && (
          <TextInput
            label={sfa.staff.duplicateOf}
            required
            value={toPersianDigits(duplicateOf)}
            onChange={(e) => setDuplicateOf(e.currentTarget.value)}
            error={errors.duplicateOf}
            classNames={{ input: 'st-ltr' }}
            inputMode="numeric"
          />
        )}
        {(action.requireComment || action.assigns || !action.needsDuplicateOf) && (
          <>
            {isReply && c.templates.length > 0 && (
              <NativeSelect
                label={sfa.staff.template}
                value=""
                onChange={(e) => {
                  const t = c.templates.find((x) => String(x.id) === e.currentTarget.value);
                  if (t) setComment((prev) => (prev.trim() ? `${prev.trimEnd()}\n\n${t.body}` : t.body));
                }}
                data={[{ value: '', label: cfa.common.choose }, ...c.templates.map((t) => ({ value: String(t.id), label: t.title }))]}
                data-testid="template"
              />
            )}
            <Textarea
              label={isReply ? sfa.staff.replyText : sfa.staff.comment}
              required={action.requireComment}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={MAX_BODY}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={errors.comment}
              description={cfa.common.charCount(faNumber(comment.length), faNumber(MAX_BODY))}
              data-testid="comment"
            />
          </>
        )}
        <Group gap="xs">
          <Button type="submit" loading={busy} data-testid="confirm-action">
            {sfa.staff.confirm}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {cfa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function NoteForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) {
      setError(sfa.staff.commentRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/complaints/${id}/notes`, { body: body.trim() });
      setBody('');
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="note-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="note-title">
          {sfa.staff.noteTitle}
        </Title>
        <Textarea
          description={sfa.staff.noteHint}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={MAX_BODY}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={error}
          aria-label={sfa.staff.noteTitle}
          data-testid="note"
        />
        <Group>
          <Button type="submit" variant="light" color="yellow" c="yellow.9" loading={busy}>
            {sfa.staff.noteSubmit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
