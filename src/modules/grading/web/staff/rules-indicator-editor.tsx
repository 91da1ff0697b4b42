// One indicator in the rules editor: its title, unit, evidence, and its bands or choices, with field errors.
// The rules screen's editor of a new version (admin): indicators, bands, choices, grade thresholds, effective date.
import { type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { } from '../../../../core/fa/jalali.js';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { } from '../../../../web/staff/ui.js';
import type { } from '../../api-types.js';
import { } from '../../enums.js';
import { acceptedRangeText, bandText } from '../../server/rules.js';
import { rfa } from './fa-rules.js';
import { cleanNumber, fromInput } from './indicator-parts.js';
import { } from './shared.js';

export interface BandForm {
  min: string;
  max: string;
  points: string;
}

export interface ChoiceForm {
  value: string;
  title: string;
  points: string;
}

export interface IndicatorForm {
  key: string;
  title: string;
  unit: string;
  kind: 'number' | 'choice';
  evidence: string;
  required: boolean;
  min: string;
  max: string;
  bands: BandForm[];
  choices: ChoiceForm[];
  /** added in this editor: its kind may still change */
  added: boolean;
}

/** A fresh key for an added indicator or choice (a Latin identifier the person never sees). */
export function freshKey(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export const num = (raw: string) => fromInput({ kind: 'number' }, raw);
/** A number typed in Persian or ASCII digits (a decimal point allowed; a minus when `negative`), shown in Persian digits. */
export function NumField({
  label,
  ariaLabel,
  value,
  onChange,
  error,
  description,
  negative = false,
  testId,
  required,
}: {
  label?: ReactNode;
  ariaLabel?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  negative?: boolean;
  testId?: string;
  required?: boolean;
}) {
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      description={description}
      required={required}
      value={toPersianDigits(value).replace('.', '٫')}
      onChange={(e) => onChange(cleanNumber({ min: negative ? null : 0 }, e.currentTarget.value))}
      error={error}
      inputMode="decimal"
      autoComplete="off"
      classNames={{ input: 'st-ltr' }}
      data-testid={testId}
    />
  );
}

/** Errors that no field shows (a whole list's message), as red lines. */
export function ErrorLines({ messages }: { messages: (string | undefined)[] }) {
  const shown = [...new Set(messages.filter((m): m is string => !!m))];
  if (!shown.length) return null;
  return (
    <Stack gap={2} data-error="true">
      {shown.map((m) => (
        <Text key={m} size="sm" c="red.8" role="alert">
          {m}
        </Text>
      ))}
    </Stack>
  );
}

/** Rows of inputs under one header row: the columns' labels once, each row's inputs labelled for screen readers. */
export const rowsGrid = (columns: string) => ({ display: 'grid', gridTemplateColumns: columns, gap: '0.5rem', alignItems: 'start', maxWidth: '44rem' }) as const;

export function IndicatorEditor({ ind, index, errors, onChange, onRemove, canRemove }: { ind: IndicatorForm; index: number; errors: Record<string, string>; onChange: (next: IndicatorForm) => void; onRemove: () => void; canRemove: boolean }) {
  const p = `definition.indicators.${index}`;
  const err = (k: string) => errors[`${p}.${k}`];
  const put = <K extends keyof IndicatorForm>(k: K, v: IndicatorForm[K]) => onChange({ ...ind, [k]: v });
  const putBand = (j: number, patch: Partial<BandForm>) => put('bands', ind.bands.map((b, x) => (x === j ? { ...b, ...patch } : b)));
  const putChoice = (j: number, patch: Partial<ChoiceForm>) => put('choices', ind.choices.map((c, x) => (x === j ? { ...c, ...patch } : c)));
  const unit = ind.unit.trim();
  const bound = (raw: string) => {
    const v = num(raw);
    return v === undefined ? undefined : typeof v === 'number' ? v : null;
  };
  const bandPreview = (b: BandForm) => {
    const min = bound(b.min);
    const max = bound(b.max);
    const points = num(b.points);
    if (min === undefined || max === undefined || typeof points !== 'number') return null;
    if (min !== null && max !== null && min >= max) return null;
    return bandText({ min, max, points }, unit);
  };
  const rangeMin = bound(ind.min);
  const rangeMax = bound(ind.max);
  const range = rangeMin !== undefined && rangeMax !== undefined ? acceptedRangeText({ min: rangeMin, max: rangeMax, unit }) : null;
  // a list's own messages, and anything else about the indicator that no field shows
  const listErrors = (list: 'bands' | 'choices') => Object.entries(errors).filter(([k]) => k === `${p}.${list}`).map(([, m]) => m);
  const placed = (k: string) => k === `${p}.bands` || k === `${p}.choices` || /\.(title|unit|evidence|min|max|points)$/.test(k);
  const loose = Object.entries(errors)
    .filter(([k]) => (k === p || k.startsWith(`${p}.`)) && !placed(k))
    .map(([, m]) => m);
  return (
    <Fieldset
      legend={
        <Text fw={700} span>
          {ind.title || rfa.newIndicator}
        </Text>
      }
      data-indicator={ind.key}
      data-testid={`edit-indicator-${index}`}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={rfa.indicatorTitle} required maxLength={150} value={ind.title} onChange={(e) => put('title', e.currentTarget.value)} error={err('title')} data-testid={`indicator-title-${index}`} />
          {ind.added ? (
            <NativeSelect
              label={rfa.kind}
              value={ind.kind}
              onChange={(e) => put('kind', e.currentTarget.value as IndicatorForm['kind'])}
              data={[
                { value: 'number', label: rfa.kindNumber },
                { value: 'choice', label: rfa.kindChoice },
              ]}
            />
          ) : (
            <TextInput label={rfa.kind} value={ind.kind === 'number' ? rfa.kindNumber : rfa.kindChoice} readOnly variant="filled" />
          )}
          {ind.kind === 'number' && <TextInput label={rfa.unit} maxLength={40} value={ind.unit} onChange={(e) => put('unit', e.currentTarget.value)} error={err('unit')} />}
          <TextInput label={rfa.evidence} maxLength={200} value={ind.evidence} onChange={(e) => put('evidence', e.currentTarget.value)} error={err('evidence')} />
        </SimpleGrid>
        <Checkbox label={rfa.required} description={rfa.requiredHint} checked={ind.required} onChange={(e) => put('required', e.currentTarget.checked)} />
        {ind.kind === 'number' ? (
          <>
            <div>
              <SimpleGrid cols={2} spacing="sm">
                <NumField label={rfa.rangeMin} description={rfa.rangeHint} negative value={ind.min} onChange={(v) => put('min', v)} error={err('min')} />
                <NumField label={rfa.rangeMax} description={rfa.rangeHint} negative value={ind.max} onChange={(v) => put('max', v)} error={err('max')} />
              </SimpleGrid>
              {range && (
                <Text size="xs" c="dimmed" mt={4}>
                  {rfa.range}: {range}
                </Text>
              )}
            </div>
            <div>
              <Text fw={700} size="sm">
                {rfa.bands}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {rfa.bandsHint}
              </Text>
              <div style={rowsGrid('repeat(3, minmax(0, 1fr)) 2rem')} role="group" aria-label={rfa.bands}>
                <Text size="sm" fw={600} aria-hidden="true">
                  {rfa.bandMin}
                </Text>
                <Text size="sm" fw={600} aria-hidden="true">
                  {rfa.bandMax}
                </Text>
                <Text size="sm" fw={600} aria-hidden="true">
                  {rfa.bandPoints}
                </Text>
                <span />
                {ind.bands.map((b, j) => {
                  const preview = bandPreview(b);
                  const n = faNumber(j + 1);
                  return (
                    <div key={j} style={{ display: 'contents' }} data-band={j}>
                      <NumField ariaLabel={rfa.bandField(rfa.bandMin, n)} negative value={b.min} onChange={(v) => putBand(j, { min: v })} error={err(`bands.${j}.min`)} testId={`band-${index}-${j}-min`} />
                      <NumField ariaLabel={rfa.bandField(rfa.bandMax, n)} negative value={b.max} onChange={(v) => putBand(j, { max: v })} error={err(`bands.${j}.max`)} testId={`band-${index}-${j}-max`} />
                      <NumField ariaLabel={rfa.bandField(rfa.bandPoints, n)} value={b.points} onChange={(v) => putBand(j, { points: v })} error={err(`bands.${j}.points`)} testId={`band-${index}-${j}-points`} />
                      <CloseButton mt={4} aria-label={rfa.removeBand(n)} disabled={ind.bands.length <= 1} onClick={() => put('bands', ind.bands.filter((_, x) => x !== j))} />
                      {preview && (
                        <Text size="xs" c="dimmed" mt={-4} mb={4} style={{ gridColumn: '1 / -1' }}>
                          {preview}
                        </Text>
                      )}
                    </div>
                  );
                })}
              </div>
              <ErrorLines messages={listErrors('bands')} />
            </div>
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => {
                  const last = ind.bands[ind.bands.length - 1];
                  put('bands', [...ind.bands, { min: last?.max ?? '', max: '', points: '' }]);
                }}
                data-testid={`add-band-${index}`}
              >
                {rfa.addBand}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <div>
              <Text fw={700} size="sm" mb="xs">
                {rfa.choices}
              </Text>
              <div style={rowsGrid('minmax(0, 2fr) minmax(0, 1fr) 2rem')} role="group" aria-label={rfa.choices}>
                <Text size="sm" fw={600} aria-hidden="true">
                  {rfa.choiceTitle}
                </Text>
                <Text size="sm" fw={600} aria-hidden="true">
                  {rfa.bandPoints}
                </Text>
                <span />
                {ind.choices.map((c, j) => {
                  const n = faNumber(j + 1);
                  return (
                    <div key={c.value} style={{ display: 'contents' }} data-choice={c.value}>
                      <TextInput aria-label={rfa.choiceField(rfa.choiceTitle, n)} maxLength={100} value={c.title} onChange={(e) => putChoice(j, { title: e.currentTarget.value })} error={err(`choices.${j}.title`)} />
                      <NumField ariaLabel={rfa.choiceField(rfa.bandPoints, n)} value={c.points} onChange={(v) => putChoice(j, { points: v })} error={err(`choices.${j}.points`)} />
                      <CloseButton mt={4} aria-label={rfa.removeChoice(c.title || n)} disabled={ind.choices.length <= 2} onClick={() => put('choices', ind.choices.filter((_, x) => x !== j))} />
                    </div>
                  );
                })}
              </div>
              <ErrorLines messages={listErrors('choices')} />
            </div>
            <Group>
              <Button variant="light" size="xs" onClick={() => put('choices', [...ind.choices, { value: freshKey('c', ind.choices.map((x) => x.value)), title: '', points: '' }])}>
                {rfa.addChoice}
              </Button>
            </Group>
          </>
        )}
        <ErrorLines messages={loose} />
        {canRemove && (
          <Group justify="flex-end">
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              {rfa.removeIndicator}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
