// The forms of the application review's side panel: one review action (the claims' verdicts and the comment, as the
// action needs) and revoking an issued letter.
import { useState, type FormEvent } from 'react';
import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { api } from '../../../../web/api.js';
import type { LetterView, ReviewAction, StaffView } from '../../api-types.js';
import { faNum } from '../format.js';
import { ConfirmButton } from './ConfirmButton.js';
import type { Verdicts } from './Documents.js';
import { afa } from './fa.js';

const MAX_COMMENT = 2000;
/** The actions that refuse the application (shown in red). */
export const DANGER: ReviewAction[] = ['district_reject', 'province_reject'];

type Action = StaffView['actions'][number];

/** The form of one review action: the claims' verdicts (district approval) and the comment, as the action needs. */
export function ActionForm({ a, app, verdicts, onDone, onFailed, onCancel }: { a: Action; app: StaffView; verdicts: Verdicts; onDone: (v: StaffView) => void; onFailed: (err: unknown) => void; onCancel: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsClaims = a.key === 'district_approve' && app.priorityClaims.length > 0;
  const undecided = needsClaims && app.priorityClaims.some((c) => verdicts[c.group] === undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (a.requireComment && !comment.trim()) {
      setError(afa.review.commentRequired);
      return;
    }
    if (undecided) {
      setError(afa.review.claimsUndecided);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await api.post<StaffView>(`/api/v1/amriyeh/applications/${app.id}/review`, {
        action: a.key,
        expectedVersion: app.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(a.key === 'district_approve' ? { claims: app.priorityClaims.map((c) => ({ group: c.group, verified: verdicts[c.group] === true })) } : {}),
      });
      onDone(updated);
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate data-testid={`action-form-${a.key}`} aria-label={a.title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {a.title}
        </Title>
        {needsClaims && (
          <div>
            <Text size="sm" fw={700}>
              {afa.review.claimsVerdict}
            </Text>
            <List size="sm" spacing={2}>
              {app.priorityClaims.map((c) => (
                <List.Item key={c.group}>
                  {c.title}:{' '}
                  <Text span fw={700} c={verdicts[c.group] === true ? 'green.9' : verdicts[c.group] === false ? 'red.9' : 'orange.9'}>
                    {verdicts[c.group] === true ? afa.review.verified : verdicts[c.group] === false ? afa.review.notVerified : afa.review.pending}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Textarea
          label={afa.review.commentFor[a.key] ?? afa.review.comment}
          required={a.requireComment}
          autosize
          minRows={a.requireComment ? 3 : 2}
          maxRows={10}
          maxLength={MAX_COMMENT}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          description={afa.common.charCount(faNum(comment.length), faNum(MAX_COMMENT))}
          data-testid="comment"
        />
        {error && !(error === afa.review.claimsUndecided && !undecided) && (
          <Text size="sm" c="red.8" role="alert" data-testid="form-error">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" loading={busy} color={DANGER.includes(a.key) ? 'red' : undefined} data-testid="confirm-action">
            {afa.review.confirm}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {afa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Revoking an issued letter, with the reason that the public verification will show. */
export function RevokeForm({ number, onDone, onFailed }: { number: string; onDone: (l: LetterView) => void; onFailed: (err: unknown) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function revoke() {
    if (!reason.trim()) {
      setError(afa.common.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<LetterView>(`/api/v1/amriyeh/letters/${encodeURIComponent(number)}/revoke`, { reason: reason.trim() }));
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="revoke-title" data-testid="revoke-form">
      <Stack gap="sm">
        <Title order={2} size="h5" id="revoke-title">
          {afa.review.revoke}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.review.revokeHint}
        </Text>
        <Textarea label={afa.review.revokeReason} required autosize minRows={2} maxRows={6} maxLength={MAX_COMMENT} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-testid="revoke-reason" />
        <Group>
          <ConfirmButton
            color="red"
            onConfirm={() => void revoke()}
            beforeArm={() => {
              setError(reason.trim() ? null : afa.common.required);
              return !!reason.trim();
            }}
            loading={busy}
            testId="revoke-submit"
          >
            {afa.review.revokeSubmit}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
