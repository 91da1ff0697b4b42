// A judge's score sheet for one entry: each rubric criterion's score (0..max in halves) and its comment, the live
// weighted total always in view, and «ثبت امتیازها». A stale version keeps what he typed and says so; a closed round
// shows the sheet read-only.
import { useState, type FormEvent } from 'react';
import { Alert, Button, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { api, ApiError, fieldErrors } from '../../../../web/api.js';
import { faNumber, jDateTime } from '../../../../web/format.js';
import type { JudgeEntryView } from '../../api-types.js';
import { jfa } from './fa-owner.js';
import { halfSteps, liveTotal, scoreBody, scoreFormOf, type ScoreForm } from './score-form.js';
import { actionError, API } from './shared.js';

const t = jfa.score;

export function ScoreSheet({ view, onSaved, onConflict }: { view: JudgeEntryView; onSaved: (v: JudgeEntryView) => void; onConflict: () => void }) {
  const rubric = view.axis.rubric;
  const [form, setForm] = useState<ScoreForm>(() => scoreFormOf(rubric, view.score));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const live = liveTotal(rubric, form);
  const readOnly = !view.open;
  const set = (k: string, part: 'score' | 'comment', value: string) => {
    setForm((f) => ({ ...f, [k]: { ...(f[k] ?? { score: '', comment: '' }), [part]: value } }));
    setMessage(null);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const criteria = scoreBody(rubric, form, errs);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMessage({ tone: 'error', text: t.incomplete });
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.put<JudgeEntryView>(`${API}/judging/${encodeURIComponent(view.entryId)}/score`, { criteria, version: view.score?.version ?? 0 }));
      setMessage({ tone: 'ok', text: t.saved });
    } catch (err) {
      const { message, conflict } = actionError(err);
      if (conflict) {
        setMessage({ tone: 'error', text: t.conflictKept });
        onConflict();
      } else {
        const fe = fieldErrors(err);
        const mapped = Object.fromEntries(Object.entries(fe).map(([k, v]) => [k.replace(/^criteria\./, ''), v]));
        setErrors(mapped);
        setMessage({ tone: 'error', text: err instanceof ApiError && err.detail ? `${message} ${err.detail}` : message });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate aria-label={t.rubric} data-testid="score-sheet">
      <Stack gap="sm">
        <div className="fs-total" role="status" aria-live="polite">
          <Text fw={700} size="lg" data-testid="live-total">
            {t.total(faNumber(live.total, 2))}
          </Text>
          <Text size="xs" c="dimmed">
            {t.partial(faNumber(live.scored), faNumber(rubric.length))}
            {view.score ? ` — ${t.savedAt(jDateTime(view.score.updatedAt))}` : ''}
          </Text>
        </div>
        {readOnly && (
          <Alert color="gray" variant="light">
            {t.closed}
          </Alert>
        )}
        {rubric.map((c) => {
          const row = form[c.key] ?? { score: '', comment: '' };
          const bad = !!(errors[`${c.key}.score`] || errors[`${c.key}.comment`]);
          return (
            <div key={c.key} role="group" aria-labelledby={`crit-${c.key}`} className="fs-part" data-error={bad} data-testid={`criterion-${c.key}`}>
              <Text size="sm" fw={700} id={`crit-${c.key}`} mb={4}>
                {t.criterion(c.title, faNumber(c.weight), faNumber(c.max))}
              </Text>
              <Stack gap={6}>
                <NativeSelect
                  label={t.scoreLabel}
                  value={row.score}
                  onChange={(e) => set(c.key, 'score', e.currentTarget.value)}
                  data={[{ value: '', label: t.choose }, ...halfSteps(c.max).map((x) => ({ value: String(x), label: faNumber(x, 1) }))]}
                  error={errors[`${c.key}.score`]}
                  disabled={readOnly}
                  w={{ base: '100%', xs: 160 }}
                  data-testid="score"
                />
                <Textarea
                  label={t.commentLabel}
                  required
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={1000}
                  value={row.comment}
                  onChange={(e) => set(c.key, 'comment', e.currentTarget.value)}
                  error={errors[`${c.key}.comment`]}
                  disabled={readOnly}
                  data-testid="comment"
                />
              </Stack>
            </div>
          );
        })}
        {message && (
          <Alert color={message.tone === 'ok' ? 'green' : 'red'} variant="light" role={message.tone === 'ok' ? 'status' : 'alert'} data-testid={message.tone === 'ok' ? 'notice' : 'action-error'}>
            {message.text}
          </Alert>
        )}
        {!readOnly && (
          <Button type="submit" loading={busy} size="md" data-testid="score-save">
            {t.save}
          </Button>
        )}
      </Stack>
    </form>
  );
}
