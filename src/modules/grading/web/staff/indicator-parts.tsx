// The pieces of an indicator value and its documents, shared by the sheet editor, the expert's verdicts and the
// correction of a returned request: the value as typed ↔ as sent, the value input (a number in Persian or ASCII
// digits, or a choice), the documents picked per indicator (uploaded at once, Uploads.tsx), and a document list.
import { useEffect, useRef } from 'react';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { MAX_FILES, MAX_MB, useUploads } from '../../../../web/components/Uploads.js';
import { decimalOnly } from '../../../../web/components/digits.js';
import { faNumber, faSize } from '../../../../web/format.js';
import type { DocumentRef, Evaluation } from '../../api-types.js';
import type { Indicator, IndicatorValue } from '../../contract.js';
import { acceptedRangeText } from '../../server/rules.js';
import { gfa } from './fa.js';
import { ExampleBadge } from './shared.js';
import { UploadList } from '../../../../web/staff/UploadList.js';

const s = gfa.sheet;

/** A value as the form holds it: the ASCII number typed, the choice key, or '' for none. */
export function toInput(value: IndicatorValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** What a number field keeps of a keystroke: digits in ASCII, one decimal point, a leading minus when negatives are allowed. */
export function cleanNumber(ind: Pick<Indicator, 'min'>, typed: string): string {
  const negative = (ind.min === null || ind.min < 0) && /^\s*[-−‐]/.test(typed);
  return `${negative ? '-' : ''}${decimalOnly(typed, 3)}`;
}

/** The form's text → the value sent: a number, a choice key, or null; `undefined` for a number that does not parse. */
export function fromInput(ind: Pick<Indicator, 'kind'>, raw: string): IndicatorValue | undefined {
  const t = raw.trim();
  if (t === '') return null;
  if (ind.kind === 'choice') return t;
  if (t === '-' || t === '.' || t === '-.') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** All values of a form, the unparseable ones left out (they count as missing until fixed). */
export function valuesOf(indicators: readonly Indicator[], raw: Record<string, string>): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = {};
  for (const ind of indicators) {
    const v = fromInput(ind, raw[ind.key] ?? '');
    if (v !== undefined) out[ind.key] = v;
  }
  return out;
}

/** The form's own check of one value (the server checks again): a number that parses and lies in the accepted range. */
export function valueError(ind: Indicator, raw: string): string | null {
  const v = fromInput(ind, raw);
  if (v === undefined) return gfa.common.numberInvalid;
  if (v === null) return ind.required ? gfa.common.required : null;
  if (typeof v === 'number' && ((ind.min !== null && v < ind.min) || (ind.max !== null && v > ind.max))) return gfa.common.outOfRange(acceptedRangeText(ind) ?? '');
  return null;
}

/** The input of one indicator's value: a number (Persian digits accepted) with its unit and range, or a choice. */
export function IndicatorValueInput({
  ind,
  value,
  onChange,
  error,
  disabled,
  label,
  testId,
}: {
  ind: Indicator;
  value: string;
  onChange: (raw: string) => void;
  error?: string | null | undefined;
  disabled?: boolean;
  label?: string;
  testId?: string;
}) {
  const title = label ?? (ind.unit ? `${gfa.sheet.value} (${ind.unit})` : gfa.sheet.value);
  if (ind.kind === 'choice') {
    return (
      <NativeSelect
        label={title}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: gfa.common.choose }, ...ind.choices.map((c) => ({ value: c.value, label: c.title }))]}
        error={error}
        disabled={disabled}
        required={ind.required}
        data-testid={testId}
      />
    );
  }
  const range = acceptedRangeText(ind);
  return (
    <TextInput
      label={title}
      description={range ?? undefined}
      value={toPersianDigits(value)}
      onChange={(e) => onChange(cleanNumber(ind, e.currentTarget.value))}
      error={error}
      disabled={disabled}
      required={ind.required}
      inputMode="decimal"
      autoComplete="off"
      classNames={{ input: 'st-ltr' }}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-testid={testId}
    />
  );
}

/** Links to documents already on file (each opens in a new tab). */
export function DocumentLinks({ docs, empty = true }: { docs: readonly DocumentRef[] | undefined; empty?: boolean }) {
  if (!docs || docs.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {s.noDocuments}
      </Text>
    ) : null;
  }
  return (
    <Stack gap={2} component="ul" className="gr-docs">
      {docs.map((d) => (
        <li key={d.id}>
          <Anchor href={`/api/v1/documents/${encodeURIComponent(d.id)}`} target="_blank" rel="noopener" size="sm">
            <bdi>{d.filename}</bdi>
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({faSize(d.size)}) <VisuallyHidden>{gfa.common.opensNewTab}</VisuallyHidden>
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/**
 * The documents of one indicator: those on file, then each picked file uploaded at once (Uploads.tsx); every change
 * of the ids (or of the busy state) is reported up.
 */
export function IndicatorDocuments({
  indicatorKey,
  title,
  existing,
  onChange,
  error,
}: {
  indicatorKey: string;
  title: string;
  existing: readonly DocumentRef[];
  onChange: (key: string, ids: string[], busy: boolean) => void;
  error?: string | undefined;
}) {
  const uploads = useUploads(
    'grading-sheet',
    existing.map((d) => ({ id: d.id, name: d.filename })),
  );
  const ids = uploads.documentIds.join(',');
  const report = useRef(onChange);
  report.current = onChange;
  useEffect(() => {
    report.current(indicatorKey, ids ? ids.split(',') : [], uploads.busy);
  }, [indicatorKey, ids, uploads.busy]);

  const full = uploads.items.filter((i) => i.status !== 'error').length >= MAX_FILES;
  const shownError = uploads.notice ?? error;
  return (
    <Stack gap={6} data-field={`documents.${indicatorKey}`}>
      <Text size="sm" fw={500}>
        {s.documents}
      </Text>
      <UploadList uploads={uploads} testId={`docs-${indicatorKey}`} />
      {!full && (
        <Group gap="sm" wrap="wrap" align="center">
          <label className="gr-file-pick">
            <input
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              aria-label={`${s.addFile} — ${title}`}
              onChange={(e) => {
                if (e.currentTarget.files?.length) uploads.add(e.currentTarget.files);
                e.currentTarget.value = '';
              }}
              data-testid={`file-${indicatorKey}`}
            />
            <Button component="span" variant="light" size="xs" aria-hidden="true">
              + {s.addFile}
            </Button>
          </label>
          <Text size="xs" c="dimmed">
            {s.filesHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}
          </Text>
        </Group>
      )}
      {shownError && (
        <Text size="sm" c="red.8" role="alert">
          {shownError}
        </Text>
      )}
    </Stack>
  );
}

/**
 * An evaluation at a glance: the total, the grade it supports (against the current grade when given), the points to
 * the next grade, the required indicators still missing, and the rule version with its example badge.
 */
export function EvaluationSummary({ ev, title, currentGrade, testId }: { ev: Evaluation; title: string; currentGrade?: number | null | undefined; testId?: string }) {
  const up = currentGrade !== undefined && ev.grade > (currentGrade ?? 0);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} aria-live="polite" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Group gap="lg" wrap="wrap" align="flex-end">
        <div>
          <Text size="xs" c="dimmed">
            {s.total}
          </Text>
          <Text fw={800} fz={28} lh={1.2} className="gr-num" data-testid="live-total">
            {faNumber(ev.total, 2)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {s.supported}
          </Text>
          <Text fw={800} fz={28} lh={1.2} c={up ? 'green.9' : undefined} className="gr-num" data-testid="live-grade">
            {gfa.common.gradeOf(faNumber(ev.grade), faNumber(ev.maxGrade))}
          </Text>
        </div>
      </Group>
      {currentGrade !== undefined && (
        <Text size="sm" mt={6}>
          {gfa.page.fromGrade}: {currentGrade === null ? gfa.page.noGrade : gfa.common.grade(faNumber(currentGrade))}
        </Text>
      )}
      <Text size="sm" mt={6} data-testid="live-next">
        {ev.toNextGrade === null ? s.top : s.toNext(faNumber(ev.toNextGrade, 2), faNumber(ev.grade + 1))}
      </Text>
      {ev.missing.length > 0 && (
        <Text size="sm" c="orange.9" mt={4} data-testid="live-missing">
          {s.missing(faNumber(ev.missing.length))}
        </Text>
      )}
      <Group gap={6} mt="sm" wrap="wrap">
        <Text size="xs" c="dimmed">
          {s.rules}: {gfa.common.ruleVersion(faNumber(ev.version), ev.ruleTitle)}
        </Text>
        {ev.isExample && <ExampleBadge />}
      </Group>
    </Paper>
  );
}
