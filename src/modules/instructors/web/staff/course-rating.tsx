// After a course: the printable sheet the organizer hands the trainees (the rating link, its QR code and one code per
// trainee), and the organizer's own evaluation of each instructor (four items, 1–5, and a comment).
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { api, errorMessage } from '../../../../web/api.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { Facts } from '../../../../web/staff/ui.js';
import type { CourseAssignmentView, CourseView } from '../../api-types.js';
import { EVALUATION_ITEM_TITLES, EVALUATION_ITEMS, type EvaluationItem } from '../../enums.js';
import { cfa } from './fa-courses.js';
import { ifa } from './fa.js';
import { API, jalaliText } from './shared.js';

const r = cfa.rating;
const e = cfa.evaluation;

/** The rating link, its QR code and the trainee codes on one printable sheet. */
export function RatingSheet({ course }: { course: CourseView }) {
  const rating = course.rating!;
  return (
    <Paper withBorder p="md" radius="md" component="section" className="in-print" aria-labelledby="rating-sheet-title" data-testid="rating-sheet">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="rating-sheet-title">
              {r.title}
            </Title>
            <Text size="sm" fw={700}>
              {course.title}
            </Text>
            <Text size="sm">
              {course.fieldTitle} — {cfa.page.fromTo(jalaliText(course.startsOn), jalaliText(course.endsOn))}
            </Text>
          </div>
          <Button onClick={() => window.print()} variant="light" className="in-noprint" data-testid="print-sheet">
            {r.print}
          </Button>
        </Group>
        <Text size="sm">{r.howTo}</Text>
        <Group align="center" gap="md" wrap="wrap">
          <div className="in-qr" role="img" aria-label={r.url} dangerouslySetInnerHTML={{ __html: rating.qrSvg }} />
          <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {r.url}
            </Text>
            <span className="in-url" data-testid="rating-url">
              {rating.url}
            </span>
            <Text size="xs" c="dimmed" className="in-noprint" data-testid="codes-used">
              {r.used(faNumber(rating.used), faNumber(rating.codes.length))}
            </Text>
          </Stack>
        </Group>
        <Title order={3} size="h5">
          {r.codes}
        </Title>
        <ul className="in-codes" data-testid="trainee-codes">
          {rating.codes.map((c) => (
            <li key={c}>
              <Text size="xs" c="dimmed">
                {r.codeCut}
              </Text>
              <bdi className="st-code">{c}</bdi>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}

const mean = (s: Record<EvaluationItem, number>) => EVALUATION_ITEMS.reduce((sum, k) => sum + s[k], 0) / EVALUATION_ITEMS.length;

/** A recorded evaluation: each item's score, the mean, the comment, who and when. */
export function EvaluationSummary({ e: ev }: { e: NonNullable<CourseAssignmentView['evaluation']> }) {
  return (
    <Stack gap={2} data-testid="evaluation">
      <Facts items={EVALUATION_ITEMS.map((k) => [EVALUATION_ITEM_TITLES[k], `${faNumber(ev.scores[k])} از ۵`] as [string, string])} />
      <Text size="xs" fw={700}>
        {e.mean(faNumber(mean(ev.scores), 2))}
      </Text>
      {ev.comment && (
        <Text size="xs" className="st-pre">
          {ev.comment}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {e.by(ev.by ?? '—', jDate(ev.at))}
      </Text>
    </Stack>
  );
}

/** The organizer's evaluation of one instructor: four items 1–5 and a comment (editable until the course is closed). */
export function EvaluationForm({ a, onSaved, onCancel }: { a: CourseAssignmentView; onSaved: (c: CourseView) => void; onCancel: () => void }) {
  const [scores, setScores] = useState<Partial<Record<EvaluationItem, number>>>(() => ({ ...(a.evaluation?.scores ?? {}) }));
  const [comment, setComment] = useState(a.evaluation?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (EVALUATION_ITEMS.some((k) => !scores[k])) {
      setError(e.missing);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onSaved(await api.post<CourseView>(`${API}/assignments/${a.id}/evaluation`, { scores, comment: comment.trim() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`${e.title} — ${a.name}`} data-testid="evaluation-form">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {e.scaleHint}
        </Text>
        {EVALUATION_ITEMS.map((k) => (
          <Radio.Group key={k} label={EVALUATION_ITEM_TITLES[k]} required value={scores[k] ? String(scores[k]) : ''} onChange={(v) => setScores((s) => ({ ...s, [k]: Number(v) }))} data-testid={`eval-${k}`}>
            <Group gap="md" mt={4}>
              {e.scale.map((label, i) => (
                <Radio key={i} value={String(i + 1)} label={label} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea label={e.comment} autosize minRows={2} maxRows={6} maxLength={2000} value={comment} onChange={(x) => setComment(x.currentTarget.value)} data-testid="eval-comment" />
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={busy} data-testid="eval-save">
            {cfa.evaluation.add}
          </Button>
          <Button size="xs" variant="subtle" onClick={onCancel} disabled={busy}>
            {ifa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
