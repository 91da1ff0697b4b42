// The editor of a new criteria version (instructors.criteria): which measures count, their weights (the running sum
// must reach 100), their scales (bands of a number, or a share per choice), the pass score, the validity period, the
// title, the approving body and the Jalali effective date. Starts from the version in effect.
import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, CloseButton, Fieldset, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { parseJalaliDate } from '../../../../core/fa/jalali.js';
import { overlappingBand } from '../../../../core/scoring/bands.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { decimalOnly } from '../../../../web/components/digits.js';
import { faNumber } from '../../../../web/format.js';
import { FormSection } from '../../../../web/staff/ui.js';
import type { CriteriaSetView } from '../../api-types.js';
import type { CriteriaSetCreate, Criterion } from '../../contract.js';
import { isChoiceMeasure, MEASURE_TITLES, MEASURE_UNITS, MEASURES, type Measure } from '../../enums.js';
import { choicesOf, valueText } from '../../scoring.js';
import { kfa } from './fa-criteria.js';
import { ifa } from './fa.js';
import { actionError, decimalText, JalaliInput } from './shared.js';

const t = kfa.editor;

interface BandForm {
  min: string;
  max: string;
  /** percent of the weight */
  share: string;
}
interface CriterionForm {
  measure: Measure;
  on: boolean;
  weight: string;
  note: string;
  bands: BandForm[];
  /** percent of the weight by choice value */
  choices: Record<string, string>;
}
interface EditorForm {
  title: string;
  approvedBy: string;
  effectiveFrom: string;
  passScore: string;
  validityYears: string;
  criteria: CriterionForm[];
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(Math.round(n * 1000) / 1000));
const pct = (share: number) => str(share * 100);
const num = (raw: string): number | null => (raw.trim() === '' || raw === '.' ? null : Number(raw));

function formOf(base: CriteriaSetView | null): EditorForm {
  const d = base?.definition;
  return {
    title: base ? base.title.replace(/\s*\(نمونه[^)]*\)\s*$/, '') : '',
    approvedBy: '',
    effectiveFrom: '',
    passScore: str(d?.passScore ?? 60),
    validityYears: str(d?.validityYears ?? 3),
    criteria: MEASURES.map((m) => {
      const c = d?.criteria.find((x) => x.measure === m);
      return {
        measure: m,
        on: !!c,
        weight: str(c?.weight),
        note: c?.note ?? '',
        bands: c?.bands.length ? c.bands.map((b) => ({ min: str(b.min), max: str(b.max), share: pct(b.share) })) : [{ min: '', max: '', share: '' }],
        choices: Object.fromEntries(choicesOf(m).map((v) => [v, c ? pct(c.choices.find((x) => x.value === v)?.share ?? 0) : ''])),
      };
    }),
  };
}

/** The sum of the weights of the measures in use. */
const weightSum = (f: EditorForm) => Math.round(f.criteria.filter((c) => c.on).reduce((s, c) => s + (num(c.weight) ?? 0), 0) * 100) / 100;

/** The form as the API takes it; `errors` gets the form's findings by path (the server checks again). */
function bodyOf(f: EditorForm, errors: Record<string, string>): CriteriaSetCreate {
  const need = (path: string, v: string) => {
    if (!v.trim()) errors[path] = t.required;
  };
  const share = (path: string, raw: string): number => {
    const v = num(raw);
    if (v === null) errors[path] = t.required;
    else if (!(v >= 0 && v <= 100)) errors[path] = t.shareRange;
    return (v ?? 0) / 100;
  };
  need('title', f.title);
  need('approvedBy', f.approvedBy);
  if (!parseJalaliDate(f.effectiveFrom)) errors.effectiveFrom = f.effectiveFrom ? t.dateInvalid : t.required;
  const passScore = num(f.passScore);
  if (passScore === null || !(passScore >= 0 && passScore <= 100)) errors.passScore = t.rangeOf('۰', '۱۰۰');
  const validityYears = num(f.validityYears);
  if (validityYears === null || !Number.isInteger(validityYears) || validityYears < 1 || validityYears > 5) errors.validityYears = t.rangeOf('۱', '۵');
  const criteria: Criterion[] = f.criteria
    .filter((c) => c.on)
    .map((c) => {
      const p = `c.${c.measure}`;
      const weight = num(c.weight);
      if (weight === null || !(weight >= 0 && weight <= 100)) errors[`${p}.weight`] = t.rangeOf('۰', '۱۰۰');
      const bands = isChoiceMeasure(c.measure)
        ? []
        : c.bands.map((b, j) => {
            const min = num(b.min);
            const max = num(b.max);
            if (min !== null && max !== null && min >= max) errors[`${p}.bands.${j}.max`] = t.bandOrder;
            return { min, max, share: share(`${p}.bands.${j}.share`, b.share) };
          });
      if (!isChoiceMeasure(c.measure)) {
        if (bands.length === 0) errors[`${p}.bands`] = t.noBands;
        else if (overlappingBand(bands) >= 0) errors[`${p}.bands`] = t.overlap;
      }
      const choices = isChoiceMeasure(c.measure) ? choicesOf(c.measure).map((v) => ({ value: v, share: share(`${p}.choices.${v}`, c.choices[v] ?? '') })) : [];
      return { measure: c.measure, weight: weight ?? 0, bands, choices, note: c.note.trim() };
    });
  if (criteria.length === 0) errors.criteria = t.noCriteria;
  else if (weightSum(f) !== 100) errors.criteria = t.weightSumBad(faNumber(weightSum(f), 2));
  return {
    title: f.title.trim(),
    approvedBy: f.approvedBy.trim(),
    effectiveFrom: f.effectiveFrom,
    definition: { criteria, passScore: passScore ?? 0, validityYears: validityYears ?? 1 },
  };
}

/** A decimal typed in Persian or ASCII digits, shown in Persian digits. */
function NumField({ label, value, onChange, error, testId, ariaLabel, placeholder }: { label?: string; value: string; onChange: (v: string) => void; error?: string | undefined; testId?: string; ariaLabel?: string; placeholder?: string }) {
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      placeholder={placeholder}
      inputMode="decimal"
      value={decimalText(value)}
      onChange={(e) => onChange(decimalOnly(e.currentTarget.value, 3))}
      error={error}
      classNames={{ input: 'st-ltr' }}
      data-testid={testId}
    />
  );
}

function CriterionEditor({ c, errors, onChange }: { c: CriterionForm; errors: Record<string, string>; onChange: (c: CriterionForm) => void }) {
  const p = `c.${c.measure}`;
  const unit = MEASURE_UNITS[c.measure];
  const setBand = (j: number, b: BandForm) => onChange({ ...c, bands: c.bands.map((x, k) => (k === j ? b : x)) });
  return (
    <Fieldset legend={MEASURE_TITLES[c.measure]} data-measure={c.measure} data-testid={`criterion-${c.measure}`}>
      <Stack gap="sm">
        <Checkbox label={t.include} checked={c.on} onChange={(e) => onChange({ ...c, on: e.currentTarget.checked })} data-testid="include" />
        {c.on && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumField label={t.weight} value={c.weight} onChange={(weight) => onChange({ ...c, weight })} error={errors[`${p}.weight`]} testId="weight" />
              <TextInput label={t.note} maxLength={300} value={c.note} onChange={(e) => onChange({ ...c, note: e.currentTarget.value })} />
            </SimpleGrid>
            {isChoiceMeasure(c.measure) ? (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                {choicesOf(c.measure).map((v) => (
                  <NumField key={v} label={`${valueText(c.measure, v)} — ${t.share}`} value={c.choices[v] ?? ''} onChange={(x) => onChange({ ...c, choices: { ...c.choices, [v]: x } })} error={errors[`${p}.choices.${v}`]} testId={`choice-${v}`} />
                ))}
              </SimpleGrid>
            ) : (
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t.bands} {unit ? `(${unit})` : ''}
                </Text>
                {c.bands.map((b, j) => (
                  <Group key={j} gap="xs" align="flex-start" wrap="nowrap" data-testid="band">
                    <SimpleGrid cols={3} spacing="xs" style={{ flex: 1 }}>
                      <NumField label={j === 0 ? t.min : undefined} ariaLabel={t.min} placeholder={t.open} value={b.min} onChange={(min) => setBand(j, { ...b, min })} error={errors[`${p}.bands.${j}.min`]} />
                      <NumField label={j === 0 ? t.max : undefined} ariaLabel={t.max} placeholder={t.open} value={b.max} onChange={(max) => setBand(j, { ...b, max })} error={errors[`${p}.bands.${j}.max`]} />
                      <NumField label={j === 0 ? t.share : undefined} ariaLabel={t.share} value={b.share} onChange={(s) => setBand(j, { ...b, share: s })} error={errors[`${p}.bands.${j}.share`]} />
                    </SimpleGrid>
                    <CloseButton mt={j === 0 ? 28 : 4} aria-label={t.removeBand} disabled={c.bands.length === 1} onClick={() => onChange({ ...c, bands: c.bands.filter((_, k) => k !== j) })} />
                  </Group>
                ))}
                {errors[`${p}.bands`] && (
                  <Text size="sm" c="red.8" role="alert" data-error>
                    {errors[`${p}.bands`]}
                  </Text>
                )}
                <Button variant="subtle" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...c, bands: [...c.bands, { min: '', max: '', share: '' }] })} data-testid="add-band">
                  {t.addBand}
                </Button>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Fieldset>
  );
}

/** The running sum of the weights: green with ✓ at exactly 100, red with the gap otherwise (in words, not colour only). */
function WeightSum({ form }: { form: EditorForm }) {
  const sum = weightSum(form);
  const ok = sum === 100;
  return (
    <Text size="sm" fw={700} c={ok ? 'green.9' : 'red.8'} role="status" aria-live="polite" data-testid="weight-sum" data-ok={ok}>
      {ok ? `✓ ${t.weightSum(faNumber(sum, 2))}` : `✗ ${t.weightSumBad(faNumber(sum, 2))}`}
    </Text>
  );
}

export function CriteriaEditor({ base, onCancel, onCreated }: { base: CriteriaSetView | null; onCancel: () => void; onCreated: (created: CriteriaSetView) => void }) {
  const [form, setForm] = useState<EditorForm>(() => formOf(base));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const put = <K extends keyof EditorForm>(k: K, v: EditorForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setCriterion = (m: Measure, c: CriterionForm) => setForm((f) => ({ ...f, criteria: f.criteria.map((x) => (x.measure === m ? c : x)) }));
  const onCount = useMemo(() => form.criteria.filter((c) => c.on).length, [form.criteria]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const body = bodyOf(form, errs);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setFormError(errs.criteria ?? ifa.common.formErrors);
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      onCreated(await api.post<CriteriaSetView>('/api/v1/instructors/criteria', body));
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors({ ...(fe.title ? { title: fe.title } : {}), ...(fe.approvedBy ? { approvedBy: fe.approvedBy } : {}), ...(fe.effectiveFrom ? { effectiveFrom: fe.effectiveFrom } : {}) });
      setFormError([actionError(err).message, ...Object.entries(fe).filter(([k]) => !['title', 'approvedBy', 'effectiveFrom'].includes(k)).map(([, m]) => m)].join(' — '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="criteria-form">
      <Stack gap="lg">
        <Anchor component="button" type="button" onClick={onCancel} size="sm" w="fit-content">
          → {kfa.criteria.versions}
        </Anchor>
        <div>
          <Title order={2} size="h3">
            {t.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t.hint}
          </Text>
        </div>
        <FormSection title={t.basics}>
          <Stack gap="sm">
            <TextInput label={t.versionTitle} required maxLength={200} value={form.title} onChange={(e) => put('title', e.currentTarget.value)} error={errors.title} data-testid="criteria-title" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t.approvedBy} description={t.approvedByHint} required maxLength={200} value={form.approvedBy} onChange={(e) => put('approvedBy', e.currentTarget.value)} error={errors.approvedBy} data-testid="criteria-approved-by" />
              <JalaliInput label={t.effectiveFrom} required value={form.effectiveFrom} onChange={(v) => put('effectiveFrom', v)} error={errors.effectiveFrom} data-testid="criteria-effective" />
              <NumField label={t.passScore} value={form.passScore} onChange={(v) => put('passScore', v)} error={errors.passScore} testId="criteria-pass" />
              <NumField label={t.validityYears} value={form.validityYears} onChange={(v) => put('validityYears', v)} error={errors.validityYears} testId="criteria-validity" />
            </SimpleGrid>
          </Stack>
        </FormSection>
        <FormSection title={kfa.criteria.criteria} hint={kfa.criteria.criteriaHint}>
          <Stack gap="md" data-on={onCount}>
            <WeightSum form={form} />
            {form.criteria.map((c) => (
              <CriterionEditor key={c.measure} c={c} errors={errors} onChange={(next) => setCriterion(c.measure, next)} />
            ))}
            <WeightSum form={form} />
          </Stack>
        </FormSection>
        {formError && (
          <Alert color="red" variant="light" role="alert" data-testid="form-error">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy} size="md" data-testid="criteria-submit">
            {t.submit}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {ifa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
