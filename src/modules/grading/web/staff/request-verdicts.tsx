// The expert's review of a request, indicator by indicator: accept the submitted value or adjust it (the right
// value and a reason), tick «مدارک بررسی شد», and see the grade the reviewed values support as they are entered
// (the same engine as the server, on the request's own rule version).
import { useMemo } from 'react';
import { Checkbox, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { faNumber } from '../../../../web/format.js';
import type { RequestView, RuleSetView } from '../../api-types.js';
import type { IndicatorValue, ReviewInput } from '../../contract.js';
import type { IndicatorVerdict } from '../../enums.js';
import { evaluate } from '../../server/rules.js';
import { gfa } from './fa.js';
import { DocumentLinks, EvaluationSummary, fromInput, IndicatorValueInput, toInput, valueError } from './indicator-parts.js';
import { ruleSetLike } from './shared.js';

const t = gfa.page;

export interface VerdictForm {
  verdict: IndicatorVerdict;
  /** the adjusted value as typed */
  raw: string;
  reason: string;
  documentsVerified: boolean;
}
export type VerdictForms = Record<string, VerdictForm>;

/** The verdicts the form starts from: those recorded (a request back from correction), else «accepted». */
export function initialVerdicts(r: RequestView): VerdictForms {
  return Object.fromEntries(
    r.evaluation.parts.map((p) => {
      const v = r.verdicts[p.key];
      return [p.key, v ? { verdict: v.verdict, raw: toInput(v.value), reason: v.reason, documentsVerified: v.documentsVerified } : { verdict: 'accepted', raw: toInput(p.value), reason: '', documentsVerified: false }];
    }),
  );
}

/** The values after review: the submitted ones, the adjusted ones replaced (an unparseable adjustment left as submitted). */
function reviewedValues(r: RequestView, rules: RuleSetView, forms: VerdictForms): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = { ...r.values };
  for (const ind of rules.definition.indicators) {
    const f = forms[ind.key];
    if (f?.verdict !== 'adjusted') continue;
    const v = fromInput(ind, f.raw);
    if (v !== undefined) out[ind.key] = v;
  }
  return out;
}

/** The body's verdicts, or the errors by `${key}.value` / `${key}.reason` when an adjustment is incomplete. */
export function verdictsBody(rules: RuleSetView, forms: VerdictForms): { verdicts: NonNullable<ReviewInput['verdicts']>; errors: Record<string, string> } {
  const verdicts: NonNullable<ReviewInput['verdicts']> = {};
  const errors: Record<string, string> = {};
  for (const ind of rules.definition.indicators) {
    const f = forms[ind.key];
    if (!f) continue;
    if (f.verdict === 'accepted') {
      verdicts[ind.key] = { verdict: 'accepted', reason: f.reason.trim(), documentsVerified: f.documentsVerified };
      continue;
    }
    const err = valueError(ind, f.raw);
    if (err) errors[`${ind.key}.value`] = err;
    if (!f.reason.trim()) errors[`${ind.key}.reason`] = gfa.common.required;
    verdicts[ind.key] = { verdict: 'adjusted', value: fromInput(ind, f.raw) ?? null, reason: f.reason.trim(), documentsVerified: f.documentsVerified };
  }
  return { verdicts, errors };
}

/** The per-indicator verdict form with the live re-evaluated grade. */
export function VerdictsForm({
  r,
  rules,
  forms,
  onChange,
  errors,
}: {
  r: RequestView;
  rules: RuleSetView;
  forms: VerdictForms;
  onChange: (key: string, f: VerdictForm) => void;
  errors: Record<string, string>;
}) {
  const live = useMemo(() => evaluate(ruleSetLike(rules), reviewedValues(r, rules, forms)), [r, rules, forms]);
  const parts = new Map(r.evaluation.parts.map((p) => [p.key, p]));
  const liveParts = new Map(live.parts.map((p) => [p.key, p]));
  return (
    <Stack gap="md" data-testid="verdicts-form">
      <Text size="sm" c="dimmed">
        {t.verdictsHint}
      </Text>
      {rules.definition.indicators.map((ind) => {
        const f = forms[ind.key] ?? { verdict: 'accepted', raw: toInput(r.values[ind.key]), reason: '', documentsVerified: false };
        const p = parts.get(ind.key);
        const lp = liveParts.get(ind.key);
        const set = (patch: Partial<VerdictForm>) => onChange(ind.key, { ...f, ...patch });
        return (
          <Paper key={ind.key} withBorder p="sm" radius="md" className="gr-indicator" data-state={f.verdict === 'adjusted' ? 'missing' : f.documentsVerified ? 'ok' : 'empty'} data-testid={`verdict-${ind.key}`}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Title order={3} size="h5">
                    {ind.title}
                  </Title>
                  <Text size="sm">
                    {t.colValue}: <b>{p?.valueText ?? gfa.common.none}</b>
                  </Text>
                  {ind.evidence && (
                    <Text size="xs" c="dimmed">
                      {gfa.sheet.evidence(ind.evidence)}
                    </Text>
                  )}
                </div>
                <Text size="sm" fw={700} className="gr-num">
                  {gfa.common.pointsOf(faNumber(lp?.points ?? 0, 2), faNumber(lp?.maxPoints ?? 0, 2))}
                </Text>
              </Group>
              <DocumentLinks docs={r.documents[ind.key]} />
              <SegmentedControl
                value={f.verdict}
                onChange={(v) => set({ verdict: v as IndicatorVerdict })}
                data={[
                  { value: 'accepted', label: t.accept },
                  { value: 'adjusted', label: t.adjust },
                ]}
                aria-label={`${t.colVerdict} — ${ind.title}`}
                style={{ alignSelf: 'flex-start' }}
                data-testid="verdict-choice"
              />
              {f.verdict === 'adjusted' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <IndicatorValueInput ind={ind} label={ind.unit ? `${t.adjustedValue} (${ind.unit})` : t.adjustedValue} value={f.raw} onChange={(raw) => set({ raw })} error={errors[`${ind.key}.value`]} testId="adjusted-value" />
                  <Textarea label={t.reason} required autosize minRows={2} maxRows={6} maxLength={1000} value={f.reason} onChange={(e) => set({ reason: e.currentTarget.value })} error={errors[`${ind.key}.reason`]} data-testid="adjust-reason" />
                </SimpleGrid>
              )}
              <Checkbox label={t.docsChecked} checked={f.documentsVerified} onChange={(e) => set({ documentsVerified: e.currentTarget.checked })} data-testid="docs-checked" />
            </Stack>
          </Paper>
        );
      })}
      <EvaluationSummary ev={live} title={t.reviewedLive} currentGrade={r.fromGrade} testId="reviewed-live" />
    </Stack>
  );
}
