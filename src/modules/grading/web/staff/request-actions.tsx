// What may be done on a request's page: a reviewer's step (its comment, the expert's verdicts, the working group's
// effective date), the entity's correction of a returned request, and its withdrawal.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { jalaliParts, parseJalaliDate } from '../../../../core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, errorMessage, fieldErrors } from '../../../../web/api.js';
import { ActionFormCard } from '../../../../web/staff/case.js';
import { Notice } from '../../../../web/staff/ui.js';
import type { RequestView, RuleSetView } from '../../api-types.js';
import type { ReviewInput } from '../../contract.js';
import { evaluate } from '../../server/rules.js';
import { gfa } from './fa.js';
import { EvaluationSummary, IndicatorDocuments, IndicatorValueInput, toInput, valueError, valuesOf } from './indicator-parts.js';
import { ruleSetLike } from './shared.js';

const t = gfa.page;
type Action = RequestView['actions'][number];

const jalaliOf = (d: Date) => {
  const p = jalaliParts(d);
  return `${p.year}/${String(p.month).padStart(2, '0')}/${String(p.day).padStart(2, '0')}`;
};

/** A Jalali date as the API takes it ('1405/01/05'), from what was typed; null when it is not a real date. */
export function jalaliInput(typed: string): string | null {
  const d = parseJalaliDate(typed);
  return d ? jalaliOf(d) : null;
}

/** Colour of an action's button: returns orange, refusals red, the rest the default. */
export const actionColor = (key: string) => (key === 'reject' || key === 'withdraw' ? 'red' : key.endsWith('return') ? 'orange' : key === 'approve' || key === 'issue' ? 'green' : undefined);

/**
 * The form of one review action: its comment (required when the action says so), the expert's verdicts (taken from
 * the page's verdict form through `prepareVerdicts`, which shows its errors and answers null when incomplete) or the
 * working group's Jalali effective date, and the confirmation.
 */
export function ActionForm({
  a,
  r,
  prepareVerdicts,
  onDone,
  onFailed,
  onCancel,
}: {
  a: Action;
  r: RequestView;
  prepareVerdicts: () => ReviewInput['verdicts'] | null;
  onDone: (v: RequestView, a: Action) => void;
  onFailed: (err: unknown) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const [date, setDate] = useState(a.needs === 'effectiveDate' ? jalaliOf(new Date()) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (a.requireComment && !comment.trim()) found.comment = t.commentRequired;
    const effectiveDate = a.needs === 'effectiveDate' ? jalaliInput(date) : null;
    if (a.needs === 'effectiveDate' && !effectiveDate) found.effectiveDate = gfa.common.dateInvalid;
    const verdicts = a.needs === 'verdicts' ? prepareVerdicts() : undefined;
    if (a.needs === 'verdicts' && !verdicts) found.verdicts = t.verdictsMissing;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body: ReviewInput = {
        action: a.key,
        version: r.version,
        comment: comment.trim() || null,
        ...(verdicts ? { verdicts } : {}),
        ...(effectiveDate ? { effectiveDate } : {}),
      };
      onDone(await api.post<RequestView>(`/api/v1/grading/requests/${encodeURIComponent(r.id)}/review`, body), a);
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe.comment || fe.effectiveDate) setErrors(fe);
      else onFailed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ActionFormCard
      action={a}
      onSubmit={submit}
      busy={busy}
      color={actionColor(a.key)}
      confirmLabel={t.confirm}
      comment={{ label: t.comment, requiredHint: t.commentHintRequired, value: comment, onChange: setComment, error: errors.comment }}
      onCancel={onCancel}
    >
      {a.needs === 'effectiveDate' && (
        <TextInput
          label={t.effectiveDateLabel}
          required
          placeholder={gfa.common.dateHint}
          value={toPersianDigits(date)}
          onChange={(e) => setDate(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
          error={errors.effectiveDate}
          classNames={{ input: 'st-ltr' }}
          inputMode="numeric"
          data-testid="effective-date"
        />
      )}
      {errors.verdicts && (
        <Text size="sm" c="red.8" role="alert">
          {errors.verdicts}
        </Text>
      )}
    </ActionFormCard>
  );
}

/** The entity's withdrawal, asked twice. */
export function WithdrawBox({ r, onDone, onFailed }: { r: RequestView; onDone: (v: RequestView) => void; onFailed: (err: unknown) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  async function withdraw() {
    setBusy(true);
    try {
      onDone(await api.post<RequestView>(`/api/v1/grading/requests/${encodeURIComponent(r.id)}/withdraw`));
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }
  if (!asking) {
    return (
      <Button variant="subtle" color="red" onClick={() => setAsking(true)} data-testid="withdraw">
        {t.withdraw}
      </Button>
    );
  }
  return (
    <Alert color="red" variant="light" role="alertdialog" aria-label={t.withdraw} data-testid="withdraw-confirm">
      <Stack gap="xs">
        <Text size="sm">{t.withdrawConfirm}</Text>
        <Group gap="xs">
          <Button color="red" size="xs" loading={busy} onClick={() => void withdraw()} data-testid="withdraw-yes">
            {t.withdrawYes}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => setAsking(false)} disabled={busy}>
            {gfa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * The correction of a returned request by its entity: the values, the documents and the justification, with the
 * live grade; sent back, the request goes to whoever returned it.
 */
export function CorrectionForm({ r, rules, onDone, onFailed }: { r: RequestView; rules: RuleSetView; onDone: (v: RequestView) => void; onFailed: (err: unknown) => void }) {
  const indicators = rules.definition.indicators;
  const [raw, setRaw] = useState<Record<string, string>>(() => Object.fromEntries(indicators.map((i) => [i.key, toInput(r.values[i.key])])));
  const [docs, setDocs] = useState<Record<string, { ids: string[]; busy: boolean }>>({});
  const [justification, setJustification] = useState(r.justification);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useMemo(() => evaluate(ruleSetLike(rules), valuesOf(indicators, raw)), [rules, indicators, raw]);
  const onDocs = useCallback((key: string, ids: string[], uploading: boolean) => setDocs((d) => ({ ...d, [key]: { ids, busy: uploading } })), []);
  const uploading = Object.values(docs).some((d) => d.busy);
  const returned = [...r.history].reverse().find((h) => h.toState === 'returned');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const ind of indicators) {
      const err = valueError(ind, raw[ind.key] ?? '');
      if (err) found[`values.${ind.key}`] = err;
    }
    if (!justification.trim()) found.justification = gfa.common.required;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(gfa.common.formErrors);
      return;
    }
    if (uploading) {
      setFormError(gfa.sheet.waitUploads);
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      const body = {
        values: valuesOf(indicators, raw),
        documents: Object.fromEntries(indicators.map((i) => [i.key, docs[i.key]?.ids ?? (r.documents[i.key] ?? []).map((d) => d.id)])),
        justification: justification.trim(),
      };
      onDone(await api.put<RequestView>(`/api/v1/grading/requests/${encodeURIComponent(r.id)}`, body));
    } catch (err) {
      const fe = fieldErrors(err);
      if (Object.keys(fe).length > 0) {
        setErrors(fe);
        setFormError(errorMessage(err));
      } else onFailed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="correction-title" data-testid="correction-form">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="correction-title">
            {t.correction}
          </Title>
          <Text size="sm" c="dimmed">
            {t.correctionHint}
          </Text>
        </div>
        {returned?.comment && (
          <Alert color="orange" variant="light" title={t.lastComment}>
            <Text size="sm" className="st-pre">
              {returned.comment}
            </Text>
          </Alert>
        )}
        {indicators.map((ind) => (
          <Paper key={ind.key} withBorder p="sm" radius="md" className="gr-indicator" data-state={errors[`values.${ind.key}`] ? 'error' : 'ok'}>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {ind.title}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <IndicatorValueInput
                  ind={ind}
                  value={raw[ind.key] ?? ''}
                  onChange={(v) => setRaw((x) => ({ ...x, [ind.key]: v }))}
                  error={errors[`values.${ind.key}`]}
                  testId={`fix-${ind.key}`}
                />
                <IndicatorDocuments indicatorKey={ind.key} title={ind.title} existing={r.documents[ind.key] ?? []} onChange={onDocs} error={errors[`documents.${ind.key}`]} />
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}
        <EvaluationSummary ev={live} title={gfa.sheet.live} currentGrade={r.fromGrade} />
        <Textarea
          label={gfa.request.justification}
          required
          autosize
          minRows={3}
          maxRows={12}
          maxLength={4000}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={errors.justification}
          data-testid="fix-justification"
        />
        <Notice tone="error" onClose={() => setFormError(null)}>
          {formError}
        </Notice>
        <Group>
          <Button type="submit" loading={busy} disabled={uploading} data-testid="resubmit">
            {t.resubmit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
