// The form of one step on an application: the expert's forward (his review taken from the page), a return for more
// information, and the committee's decision (the fields it qualifies him in, or the reasons of a refusal).
import { useState, type FormEvent } from 'react';
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { api, fieldErrors } from '../../../../web/api.js';
import { faNumber } from '../../../../web/format.js';
import { ActionFormCard } from '../../../../web/staff/case.js';
import type { ApplicationView } from '../../api-types.js';
import type { ReviewInput } from '../../contract.js';
import { ifa } from './fa.js';
import { API, scoreText } from './shared.js';

const t = ifa.page;
const d = ifa.decision;
type Action = ApplicationView['actions'][number];

/** Colour of an action's button: returns orange, refusals red, approvals green. */
export const actionColor = (key: string): string | undefined =>
  key === 'not_qualify' ? 'red' : key === 'expert_return' || key === 'more_info' ? 'orange' : key === 'qualify' || key === 'expert_forward' ? 'green' : undefined;

/** The fields the committee starts from: those whose reviewed score (else the pre-score) passes. */
export function passingFields(app: ApplicationView): string[] {
  const scores = app.reviewedScores ?? app.preScores;
  return scores.filter((x) => x.passes).map((x) => x.field);
}

/**
 * One action's form: the comment (required when the action says so; for a refusal it is the reasons sent to the
 * instructor), the fields for «qualify», and the confirmation. The expert's review comes from the page through
 * `prepareReview`, which shows its own errors and answers null while it is incomplete.
 */
export function ActionForm({
  a,
  app,
  prepareReview,
  onDone,
  onFailed,
  onCancel,
}: {
  a: Action;
  app: ApplicationView;
  prepareReview: () => Pick<ReviewInput, 'fields' | 'verifiedItems'> | null;
  onDone: (v: ApplicationView, a: Action) => void;
  onFailed: (err: unknown) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => passingFields(app));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const qualify = a.action === 'qualify';
  const forward = a.action === 'expert_forward';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (a.requireComment && !comment.trim()) found.comment = t.commentRequired;
    if (qualify && chosen.length === 0) found.qualifiedFields = d.fieldsRequired;
    const review = forward ? prepareReview() : undefined;
    if (forward && !review) found.fields = ifa.review.incomplete;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body: ReviewInput = {
        action: a.action,
        version: app.version,
        comment: comment.trim() || null,
        ...(review ?? {}),
        ...(qualify ? { qualifiedFields: chosen } : {}),
      };
      onDone(await api.post<ApplicationView>(`${API}/applications/${encodeURIComponent(app.id)}/review`, body), a);
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe.comment || fe.qualifiedFields) setErrors(fe);
      else onFailed(err);
    } finally {
      setBusy(false);
    }
  }

  const scores = app.reviewedScores ?? app.preScores;
  return (
    <ActionFormCard
      action={{ key: a.action, title: a.title, requireComment: a.requireComment }}
      onSubmit={submit}
      busy={busy}
      color={actionColor(a.action)}
      confirmLabel={ifa.common.confirm}
      comment={{ label: a.action === 'not_qualify' ? t.reasonsLabel : t.comment, requiredHint: t.commentHintRequired, value: comment, onChange: setComment, error: errors.comment }}
      onCancel={onCancel}
    >
      {qualify && (
        <Checkbox.Group label={d.fields} description={d.fieldsHint} value={chosen} onChange={setChosen} error={errors.qualifiedFields} data-testid="qualified-fields">
          <Stack gap={6} mt={6}>
            {scores.map((sc) => {
              const rec = app.review[sc.field]?.recommendation;
              return (
                <Checkbox
                  key={sc.field}
                  value={sc.field}
                  label={`${sc.fieldTitle} — ${ifa.common.score(scoreText(sc.total))}${sc.passes ? '' : ` (${ifa.score.fails})`}`}
                  description={rec ? d.expertSaid(ifa.score.recommend[rec]) : undefined}
                  data-testid={`qualify-${sc.field}`}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
      )}
      {qualify && (
        <Text size="xs" c="dimmed">
          {d.validity(faNumber(app.criteriaSet.validityYears))}
        </Text>
      )}
      {errors.fields && (
        <Alert color="red" variant="light" role="alert" p="xs">
          {errors.fields}
        </Alert>
      )}
    </ActionFormCard>
  );
}
