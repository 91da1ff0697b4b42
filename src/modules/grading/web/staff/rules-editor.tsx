// The rules screen's editor of a new version (admin): indicators, bands, choices, grade thresholds, effective date.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { parseJalaliDate } from '../../../../core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { FormSection } from '../../../../web/staff/ui.js';
import type { RuleSetView } from '../../api-types.js';
import type { RuleDefinition, RuleSetCreate } from '../../contract.js';
import { type Subject } from '../../enums.js';
import { definitionProblems, maxGradeOf } from '../../server/rules.js';
import { rfa } from './fa-rules.js';
import { actionError } from './shared.js';
import { ErrorLines, freshKey, IndicatorEditor, num, NumField, type IndicatorForm } from './rules-indicator-editor.js';

// ---- the new-version editor ----

export interface EditorForm {
  title: string;
  approvedBy: string;
  effectiveFrom: string;
  indicators: IndicatorForm[];
  /** least points of grades 2..max, by grade */
  grades: Record<number, string>;
}

export const str = (n: number | null) => (n === null ? '' : String(n));

export function formOf(base: RuleSetView): EditorForm {
  const max = maxGradeOf(base.subject);
  const grades: Record<number, string> = {};
  for (let g = 2; g <= max; g++) grades[g] = str(base.definition.grades.find((x) => x.grade === g)?.minPoints ?? null);
  return {
    // the example's note does not belong in the official version's title
    title: base.title.replace(/\s*\(نمونه[^)]*\)\s*$/, ''),
    approvedBy: '',
    effectiveFrom: '',
    grades,
    indicators: base.definition.indicators.map((i) => ({
      key: i.key,
      title: i.title,
      unit: i.unit,
      kind: i.kind,
      evidence: i.evidence,
      required: i.required,
      min: str(i.min),
      max: str(i.max),
      bands: i.bands.map((b) => ({ min: str(b.min), max: str(b.max), points: str(b.points) })),
      choices: i.choices.map((c) => ({ value: c.value, title: c.title, points: str(c.points) })),
      added: false,
    })),
  };
}



/** The form as the API takes it; `errors` gets the form's own findings by field path (the server checks again). */
export function bodyOf(subject: Subject, f: EditorForm, errors: Record<string, string>): RuleSetCreate {
  const need = (path: string, v: string) => {
    if (!v.trim()) errors[path] = rfa.fieldRequired;
  };
  const number = (path: string, raw: string, optional: boolean): number | null => {
    const v = num(raw);
    if (v === undefined) errors[path] = rfa.numberInvalid;
    else if (v === null && !optional) errors[path] = rfa.fieldRequired;
    return typeof v === 'number' ? v : null;
  };
  need('title', f.title);
  need('approvedBy', f.approvedBy);
  if (!f.effectiveFrom.trim()) errors.effectiveFrom = rfa.fieldRequired;
  else if (!parseJalaliDate(f.effectiveFrom)) errors.effectiveFrom = rfa.dateInvalid;
  const indicators = f.indicators.map((ind, i) => {
    const p = `definition.indicators.${i}`;
    need(`${p}.title`, ind.title);
    const bands = ind.kind === 'number'
      ? ind.bands.map((b, j) => {
          const min = number(`${p}.bands.${j}.min`, b.min, true);
          const max = number(`${p}.bands.${j}.max`, b.max, true);
          if (min !== null && max !== null && min >= max) errors[`${p}.bands.${j}.max`] = rfa.bandOrder;
          return { min, max, points: number(`${p}.bands.${j}.points`, b.points, false) ?? 0 };
        })
      : [];
    const choices = ind.kind === 'choice'
      ? ind.choices.map((c, j) => {
          need(`${p}.choices.${j}.title`, c.title);
          return { value: c.value, title: c.title.trim(), points: number(`${p}.choices.${j}.points`, c.points, false) ?? 0 };
        })
      : [];
    return {
      key: ind.key,
      title: ind.title.trim(),
      unit: ind.kind === 'number' ? ind.unit.trim() : '',
      kind: ind.kind,
      bands,
      choices,
      min: ind.kind === 'number' ? number(`${p}.min`, ind.min, true) : null,
      max: ind.kind === 'number' ? number(`${p}.max`, ind.max, true) : null,
      required: ind.required,
      evidence: ind.evidence.trim(),
    };
  });
  const grades = Object.entries(f.grades).map(([g, raw], i) => ({ grade: Number(g), minPoints: number(`definition.grades.${i}.minPoints`, raw, false) ?? 0 }));
  const definition: RuleDefinition = { indicators, grades };
  // the subject's checks (grades, reachable thresholds) once every number of points reads
  if (!Object.keys(errors).some((k) => /points$/i.test(k))) for (const p of definitionProblems(subject, definition)) errors[`definition.${p.path}`] ??= p.message;
  return { subject, title: f.title.trim(), approvedBy: f.approvedBy.trim(), effectiveFrom: toAsciiDigits(f.effectiveFrom.trim()).replace(/-/g, '/'), definition };
}

export function RuleEditor({ subject, base, onCancel, onCreated }: { subject: Subject; base: RuleSetView; onCancel: () => void; onCreated: (created: RuleSetView) => void }) {
  const [form, setForm] = useState<EditorForm>(() => formOf(base));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const put = <K extends keyof EditorForm>(k: K, v: EditorForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const putIndicator = (i: number, next: IndicatorForm) => setForm((f) => ({ ...f, indicators: f.indicators.map((x, j) => (j === i ? next : x)) }));

  const best = useMemo(
    () =>
      form.indicators.reduce((s, ind) => {
        const pts = (ind.kind === 'number' ? ind.bands.map((b) => num(b.points)) : ind.choices.map((c) => num(c.points))).filter((v): v is number => typeof v === 'number');
        return s + (pts.length ? Math.max(...pts) : 0);
      }, 0),
    [form.indicators],
  );

  /** Shows the first field (or list) with an error. */
  const toFirstError = () =>
    setTimeout(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error]');
      el?.scrollIntoView({ block: 'center' });
      if (el instanceof HTMLInputElement) el.focus({ preventScroll: true });
    }, 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const body = bodyOf(subject, form, errs);
    setErrors(errs);
    setFormError(Object.keys(errs).length ? rfa.formErrors : null);
    if (Object.keys(errs).length) {
      toFirstError();
      return;
    }
    setBusy(true);
    try {
      onCreated(await api.post<RuleSetView>('/api/v1/grading/rules', body));
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      const placed = (k: string) => ['title', 'approvedBy', 'effectiveFrom'].includes(k) || k.startsWith('definition.indicators.') || k.startsWith('definition.grades');
      setFormError([actionError(err).message, ...Object.entries(fe).filter(([k]) => !placed(k)).map(([, m]) => m)].join(' — '));
      if (Object.keys(fe).length) toFirstError();
    } finally {
      setBusy(false);
    }
  }

  const gradeRows = Object.keys(form.grades).map(Number);
  const gradeListErrors = Object.entries(errors)
    .filter(([k]) => k === 'definition.grades' || k === 'definition.indicators' || /^definition\.grades\.\d+\.grade$/.test(k))
    .map(([, m]) => m);

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="rule-form">
      <Stack gap="lg">
        <Anchor component="button" type="button" onClick={onCancel} size="sm" w="fit-content">
          → {rfa.back}
        </Anchor>
        <Title order={2} size="h3">
          {rfa.newTitle(rfa.subjectPlural[subject])}
        </Title>
        <Text>{rfa.newIntro(faNumber(base.version))}</Text>

        <FormSection title={rfa.basics}>
          <Stack gap="sm">
            <TextInput label={rfa.versionTitle} description={rfa.versionTitleHint} required maxLength={200} value={form.title} onChange={(e) => put('title', e.currentTarget.value)} error={errors.title} data-testid="rule-title" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={rfa.effectiveDate}
                required
                placeholder={rfa.dateHint}
                value={toPersianDigits(form.effectiveFrom)}
                onChange={(e) => put('effectiveFrom', toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
                error={errors.effectiveFrom}
                classNames={{ input: 'st-ltr' }}
                inputMode="numeric"
                data-testid="rule-effective"
              />
              <TextInput label={rfa.approvedBy} description={rfa.approvedByHint} required maxLength={200} value={form.approvedBy} onChange={(e) => put('approvedBy', e.currentTarget.value)} error={errors.approvedBy} data-testid="rule-approved-by" />
            </SimpleGrid>
          </Stack>
        </FormSection>

        <FormSection title={rfa.indicators} hint={rfa.indicatorsHint}>
          <Stack gap="md">
            {form.indicators.map((ind, i) => (
              <IndicatorEditor
                key={ind.key}
                ind={ind}
                index={i}
                errors={errors}
                onChange={(next) => putIndicator(i, next)}
                onRemove={() => put('indicators', form.indicators.filter((_, j) => j !== i))}
                canRemove={form.indicators.length > 1}
              />
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  put('indicators', [
                    ...form.indicators,
                    { key: freshKey('extra_', form.indicators.map((x) => x.key)), title: '', unit: '', kind: 'number', evidence: '', required: true, min: '0', max: '', bands: [{ min: '', max: '', points: '' }], choices: [{ value: 'c1', title: '', points: '' }, { value: 'c2', title: '', points: '' }], added: true },
                  ])
                }
                data-testid="add-indicator"
              >
                {rfa.addIndicator}
              </Button>
            </Group>
          </Stack>
        </FormSection>

        <FormSection title={rfa.thresholds} hint={rfa.gradesHint}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 2, sm: 4, md: 6 }} spacing="sm">
              <TextInput label={rfa.gradeRow(faNumber(1))} value={rfa.floor} readOnly variant="filled" />
              {gradeRows.map((g, i) => (
                <NumField
                  key={g}
                  label={rfa.gradeRow(faNumber(g))}
                  required
                  value={form.grades[g] ?? ''}
                  onChange={(v) => put('grades', { ...form.grades, [g]: v })}
                  error={errors[`definition.grades.${i}.minPoints`]}
                  testId={`grade-${g}`}
                />
              ))}
            </SimpleGrid>
            <ErrorLines messages={gradeListErrors} />
            <Text size="sm" fw={700} data-testid="best-total">
              {rfa.best(faNumber(best, 2))}
            </Text>
          </Stack>
        </FormSection>

        {formError && (
          <Alert color="red" variant="light" role="alert" data-testid="form-error">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy} size="md" data-testid="rule-submit">
            {rfa.submit}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {rfa.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
