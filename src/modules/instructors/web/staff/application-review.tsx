// The training expert's review of an application, field by field: each measured value accepted or replaced (the
// right value and the reason), the score recomputed as he types with the same pure scoring as the server on the
// application's own criteria version, his recommendation and a note for the committee.
import { useMemo } from 'react';
import { Button, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { jalaliParts } from '../../../../core/fa/jalali.js';
import { decimalOnly } from '../../../../web/components/digits.js';
import { faNumber } from '../../../../web/format.js';
import type { ApplicationView, FieldScore, FieldView } from '../../api-types.js';
import type { CriteriaDefinition, FieldReview, MeasureValue } from '../../contract.js';
import { isChoiceMeasure, MEASURE_UNITS, type Measure } from '../../enums.js';
import { choicesOf, scoreField, valueText } from '../../scoring.js';
import { PartValue, PassBadge } from './application-parts.js';
import { ifa } from './fa.js';
import { decimalText, scoreText } from './shared.js';

const r = ifa.review;
const s = ifa.score;

export interface AdjustForm {
  /** the value as typed (a number) or chosen (a choice value) */
  raw: string;
  reason: string;
}
export interface FieldForm {
  adjust: Partial<Record<Measure, AdjustForm>>;
  recommendation: FieldReview['recommendation'];
  note: string;
}
export type ReviewForms = Record<string, FieldForm>;

const rawOf = (v: MeasureValue | null): string => (v === null ? '' : String(v));

/** The form starts from the recorded review (an application back from «more information»), else from the pre-score. */
export function initialReview(app: ApplicationView): ReviewForms {
  return Object.fromEntries(
    app.preScores.map((pre) => {
      const rec = app.review[pre.field];
      if (!rec) return [pre.field, { adjust: {}, recommendation: pre.passes ? 'qualified' : 'not_qualified', note: '' }];
      const adjust: FieldForm['adjust'] = {};
      for (const [m, a] of Object.entries(rec.adjustments)) if (a) adjust[m as Measure] = { raw: rawOf(a.value), reason: a.reason };
      return [pre.field, { adjust, recommendation: rec.recommendation, note: rec.note }];
    }),
  );
}

/** A typed value as the measure takes it, or undefined when it does not read. */
function parseValue(m: Measure, raw: string): MeasureValue | undefined {
  if (isChoiceMeasure(m)) return choicesOf(m).includes(raw) ? raw : undefined;
  const d = decimalOnly(raw, 2);
  if (!d || d === '.') return undefined;
  const n = Number(d);
  return Number.isFinite(n) ? n : undefined;
}

/** The adjustments that read (for the live score; the body checks the rest). */
function adjustmentsOf(f: FieldForm | undefined): FieldReview['adjustments'] {
  const out: FieldReview['adjustments'] = {};
  for (const [m, a] of Object.entries(f?.adjust ?? {})) {
    const v = a ? parseValue(m as Measure, a.raw) : undefined;
    if (v !== undefined) out[m as Measure] = { value: v, reason: a!.reason.trim() || '—' };
  }
  return out;
}

/** The review as the API takes it, or the errors by `${field}.${measure}.value|reason`. */
export function reviewBody(forms: ReviewForms): { fields: Record<string, FieldReview>; errors: Record<string, string> } {
  const fields: Record<string, FieldReview> = {};
  const errors: Record<string, string> = {};
  for (const [key, f] of Object.entries(forms)) {
    const adjustments: FieldReview['adjustments'] = {};
    for (const [m, a] of Object.entries(f.adjust)) {
      if (!a) continue;
      const v = parseValue(m as Measure, a.raw);
      if (v === undefined) errors[`${key}.${m}.value`] = r.valueRequired;
      if (!a.reason.trim()) errors[`${key}.${m}.reason`] = r.reasonRequired;
      if (v !== undefined) adjustments[m as Measure] = { value: v, reason: a.reason.trim() };
    }
    fields[key] = { adjustments, recommendation: f.recommendation, note: f.note.trim() };
  }
  return { fields, errors };
}

/**
 * A field's score with the expert's adjustments, by the pure `scoreField` on the application's snapshot and criteria
 * version. The parts he did not touch are the server's own (same values; the server's words for the rating).
 */
export function liveScore(def: CriteriaDefinition, app: ApplicationView, field: FieldView, pre: FieldScore, adjustments: FieldReview['adjustments']): FieldScore {
  const past = pre.parts.find((p) => p.measure === 'past_evaluations');
  const rating = { average: typeof past?.value === 'number' ? past.value : 3, count: 1 };
  const scored = scoreField(def, app.snapshot, field, { rating, year: jalaliParts(new Date()).year }, adjustments);
  const parts = scored.parts.map((p) => (p.adjusted ? p : (pre.parts.find((x) => x.measure === p.measure) ?? p)));
  const total = Math.round(parts.reduce((sum, p) => sum + p.points, 0) * 100) / 100;
  return { ...scored, parts, total, passes: total >= def.passScore };
}

function ValueInput({ m, value, onChange, error, label }: { m: Measure; value: string; onChange: (v: string) => void; error: string | undefined; label: string }) {
  if (isChoiceMeasure(m)) {
    return (
      <NativeSelect
        label={label}
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: ifa.common.choose }, ...choicesOf(m).map((v) => ({ value: v, label: valueText(m, v) }))]}
        error={error}
        data-testid="adjust-value"
      />
    );
  }
  return (
    <TextInput
      label={MEASURE_UNITS[m] ? `${label} (${MEASURE_UNITS[m]})` : label}
      required
      inputMode="decimal"
      value={decimalText(value)}
      onChange={(e) => onChange(decimalOnly(e.currentTarget.value, 2))}
      error={error}
      classNames={{ input: 'st-ltr' }}
      data-testid="adjust-value"
    />
  );
}

/** One field's review card. */
function FieldReviewCard({ app, def, field, pre, form, onChange, errors }: { app: ApplicationView; def: CriteriaDefinition; field: FieldView; pre: FieldScore; form: FieldForm; onChange: (f: FieldForm) => void; errors: Record<string, string> }) {
  const live = useMemo(() => liveScore(def, app, field, pre, adjustmentsOf(form)), [def, app, field, pre, form]);
  const setAdjust = (m: Measure, a: AdjustForm | null) => {
    const adjust = { ...form.adjust };
    if (a) adjust[m] = a;
    else delete adjust[m];
    onChange({ ...form, adjust });
  };
  const err = (m: Measure, k: 'value' | 'reason') => errors[`${pre.field}.${m}.${k}`];
  return (
    <Paper withBorder p="sm" radius="md" className="in-field" data-passes={live.passes} data-testid={`review-${pre.field}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {pre.fieldTitle}
          </Title>
          <Group gap="xs" wrap="wrap" data-testid="live-total">
            <Text size="sm">
              {r.live}: <b className="in-num">{ifa.common.score(scoreText(live.total))}</b>
            </Text>
            <PassBadge passes={live.passes} />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {s.pre}: {ifa.common.score(scoreText(pre.total))} — {ifa.page.passScore} {faNumber(def.passScore)}
        </Text>
        <Stack gap={6} component="ul" className="in-plain">
          {live.parts.map((p) => {
            const a = form.adjust[p.measure];
            const measured = pre.parts.find((x) => x.measure === p.measure);
            return (
              <li key={p.measure} className="in-part" data-adjusted={!!a} data-measure={p.measure}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={700}>
                      {p.title}
                    </Text>
                    <PartValue p={p} editing />
                    <Text size="xs" c="dimmed">
                      {p.rule}
                    </Text>
                  </div>
                  <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
                    <Text size="sm" fw={700} className="in-num">
                      {ifa.common.points(faNumber(p.points, 2), faNumber(p.weight, 2))}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant={a ? 'subtle' : 'light'}
                      color={a ? 'gray' : undefined}
                      onClick={() => setAdjust(p.measure, a ? null : { raw: rawOf(measured?.value ?? null), reason: '' })}
                      aria-label={`${a ? r.undo : r.adjust} — ${p.title}`}
                      data-testid="adjust-toggle"
                    >
                      {a ? r.undo : r.adjust}
                    </Button>
                  </Stack>
                </Group>
                {a && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={6}>
                    <ValueInput m={p.measure} label={r.value} value={a.raw} onChange={(raw) => setAdjust(p.measure, { ...a, raw })} error={err(p.measure, 'value')} />
                    <Textarea label={r.reason} required autosize minRows={1} maxRows={5} maxLength={500} value={a.reason} onChange={(e) => setAdjust(p.measure, { ...a, reason: e.currentTarget.value })} error={err(p.measure, 'reason')} data-testid="adjust-reason" />
                  </SimpleGrid>
                )}
              </li>
            );
          })}
        </Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id={`rec-${pre.field}`}>
            {r.recommendation}
          </Text>
          <SegmentedControl
            value={form.recommendation}
            onChange={(v) => onChange({ ...form, recommendation: v as FieldForm['recommendation'] })}
            data={[
              { value: 'qualified', label: s.recommend.qualified },
              { value: 'not_qualified', label: s.recommend.not_qualified },
            ]}
            aria-labelledby={`rec-${pre.field}`}
            data-testid="recommendation"
          />
        </div>
        <Textarea label={r.note} autosize minRows={2} maxRows={6} maxLength={1000} value={form.note} onChange={(e) => onChange({ ...form, note: e.currentTarget.value })} data-testid="review-note" />
      </Stack>
    </Paper>
  );
}

/** The per-field review of every field of the application. */
export function ReviewForm({
  app,
  def,
  taxonomy,
  forms,
  onChange,
  errors,
}: {
  app: ApplicationView;
  def: CriteriaDefinition;
  taxonomy: FieldView[];
  forms: ReviewForms;
  onChange: (field: string, f: FieldForm) => void;
  errors: Record<string, string>;
}) {
  return (
    <Stack gap="md" data-testid="review-form">
      {app.preScores.map((pre) => {
        const field = taxonomy.find((f) => f.key === pre.field) ?? { key: pre.field, title: pre.fieldTitle, relatedStudies: [], active: true };
        const form = forms[pre.field] ?? { adjust: {}, recommendation: 'qualified', note: '' };
        return <FieldReviewCard key={pre.field} app={app} def={def} field={field} pre={pre} form={form} onChange={(f) => onChange(pre.field, f)} errors={errors} />;
      })}
    </Stack>
  );
}
