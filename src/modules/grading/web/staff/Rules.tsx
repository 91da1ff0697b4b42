import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Container,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { jalaliParts, parseJalaliDate } from '../../../../core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber, jDate } from '../../../../web/format.js';
import { CardLink, Facts, FormSection, ListView, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RuleSetView } from '../../api-types.js';
import type { Indicator, RuleDefinition, RuleSetCreate } from '../../contract.js';
import { SUBJECTS, SUBJECT_TITLES, type Subject } from '../../enums.js';
import { acceptedRangeText, bandRangeText, bandText, definitionProblems, indicatorMaxPoints, maxGradeOf } from '../../server/rules.js';
import { rfa } from './fa-rules.js';
import { cleanNumber, fromInput } from './indicator-parts.js';
import { actionError, ExampleBadge, GradingHeader, jalaliText, useGradingViewer } from './shared.js';

// ---- versions ----

type VersionStatus = 'inEffect' | 'future' | 'past';
const STATUS_COLORS: Record<VersionStatus, string> = { inEffect: 'green', future: 'blue', past: 'gray' };

/** Today as the API writes Jalali dates ('1405/01/15'): zero-padded, so such strings compare as dates. */
function todayJalali(): string {
  const { year, month, day } = jalaliParts(new Date());
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** The version in effect today (latest effective date not after today, ties: the higher version), or null. */
function inEffectOf(items: readonly RuleSetView[], today: string): RuleSetView | null {
  let best: RuleSetView | null = null;
  for (const r of items) {
    if (r.effectiveFrom > today) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best;
}

function statusOf(r: RuleSetView, current: RuleSetView | null, today: string): VersionStatus {
  if (current?.id === r.id) return 'inEffect';
  return r.effectiveFrom > today ? 'future' : 'past';
}

function StatusBadges({ status, example }: { status: VersionStatus; example: boolean }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={STATUS_COLORS[status]} c={`${STATUS_COLORS[status]}.9`} size="sm" radius="sm" className="st-badge" data-status={status}>
        {rfa[status]}
      </Badge>
      {example && <ExampleBadge />}
    </Group>
  );
}

const bestTotal = (d: RuleDefinition) => d.indicators.reduce((s, i) => s + indicatorMaxPoints(i), 0);

/** The versions of a subject: a table on a desktop, cards on a phone; the shown one is marked. */
function VersionList({ items, shownId, current, today, linkTo }: { items: RuleSetView[]; shownId: number | null; current: RuleSetView | null; today: string; linkTo: (id: number) => string }) {
  return (
    <ListView
      cardsTestId="rule-version-cards"
      table={
        <div className="gr-scroll">
          <Table verticalSpacing="sm" highlightOnHover data-testid="rule-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{rfa.colVersion}</Table.Th>
                <Table.Th>{rfa.colTitle}</Table.Th>
                <Table.Th>{rfa.colEffective}</Table.Th>
                <Table.Th>{rfa.colApprovedBy}</Table.Th>
                <Table.Th>{rfa.colUsedBy}</Table.Th>
                <Table.Th>{rfa.colStatus}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const shown = r.id === shownId;
                return (
                  <Table.Tr key={r.id} bg={shown ? 'var(--mantine-color-civic-0)' : undefined} data-version={r.version}>
                    <Table.Td>
                      <Anchor component={Link} to={linkTo(r.id)} fw={700} aria-current={shown ? 'true' : undefined} className="gr-num">
                        {rfa.version(faNumber(r.version))}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td className="gr-num">{jalaliText(r.effectiveFrom)}</Table.Td>
                    <Table.Td>{r.approvedBy}</Table.Td>
                    <Table.Td className="gr-num">{rfa.usedBy(faNumber(r.usedBy))}</Table.Td>
                    <Table.Td>
                      <StatusBadges status={statusOf(r, current, today)} example={r.isExample} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      }
      cards={items.map((r) => (
        <CardLink key={r.id} to={linkTo(r.id)} testId={`rule-version-${r.version}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={700}>{rfa.version(faNumber(r.version))}</Text>
            <StatusBadges status={statusOf(r, current, today)} example={r.isExample} />
          </Group>
          <Text size="sm" mt={4}>
            {r.title}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {rfa.effectiveFrom(jalaliText(r.effectiveFrom))} · {rfa.usedBy(faNumber(r.usedBy))}
          </Text>
          {r.id === shownId && (
            <Text size="xs" c="civic.8" fw={700} mt={4}>
              {rfa.shown}
            </Text>
          )}
        </CardLink>
      ))}
    />
  );
}

// ---- one version's tables ----

function IndicatorTable({ ind }: { ind: Indicator }) {
  const range = ind.kind === 'number' ? acceptedRangeText(ind) : null;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-indicator={ind.key}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={6}>
        <Group gap={6} wrap="wrap">
          <Title order={4} size="h5">
            {ind.title}
          </Title>
          {!ind.required && (
            <Badge variant="light" color="gray" c="gray.8" size="sm" className="st-badge">
              {rfa.optional}
            </Badge>
          )}
        </Group>
        <Text size="sm" fw={700} className="gr-num">
          {rfa.maxPoints(faNumber(indicatorMaxPoints(ind), 2))}
        </Text>
      </Group>
      <Facts
        items={[
          [rfa.unit, ind.unit || rfa.noUnit],
          !!range && [rfa.range, range],
          !!ind.evidence && [rfa.evidence, ind.evidence],
        ]}
      />
      <Table verticalSpacing={4} mt="xs" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{ind.kind === 'number' ? rfa.colBand : rfa.colChoice}</Table.Th>
            <Table.Th w="5.5rem">{rfa.colPoints}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ind.kind === 'number'
            ? [...ind.bands]
                .sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity))
                .map((b, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{bandRangeText(b, ind.unit)}</Table.Td>
                    <Table.Td className="gr-num">{faNumber(b.points, 2)}</Table.Td>
                  </Table.Tr>
                ))
            : ind.choices.map((c) => (
                <Table.Tr key={c.value}>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td className="gr-num">{faNumber(c.points, 2)}</Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Each grade's span of total points: grade 1 below the first threshold, the top grade from its threshold up. */
function GradeTable({ definition }: { definition: RuleDefinition }) {
  const rows = [...definition.grades].filter((g) => g.grade > 1).sort((a, b) => a.grade - b.grade);
  const spans = [
    { grade: 1, min: null, max: rows[0]?.minPoints ?? null },
    ...rows.map((g, i) => ({ grade: g.grade, min: g.minPoints, max: rows[i + 1]?.minPoints ?? null })),
  ];
  return (
    <Table verticalSpacing={4} withRowBorders data-testid="grade-thresholds">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{rfa.colGrade}</Table.Th>
          <Table.Th>{rfa.colTotal}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {spans.reverse().map((s) => (
          <Table.Tr key={s.grade} data-grade={s.grade}>
            <Table.Td fw={700}>{rfa.gradeRow(faNumber(s.grade))}</Table.Td>
            <Table.Td className="gr-num">{bandRangeText(s, '')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function VersionDetail({ rule, status }: { rule: RuleSetView; status: VersionStatus }) {
  return (
    <Stack gap="md" data-testid="rule-detail" data-version={rule.version}>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
          <Title order={2} size="h3">
            {rfa.version(faNumber(rule.version))} — {rule.title}
          </Title>
          <StatusBadges status={status} example={rule.isExample} />
        </Group>
        {rule.isExample && (
          <Alert color="yellow" variant="light" mb="sm" data-testid="example-notice">
            {rfa.exampleNotice}
          </Alert>
        )}
        <Facts
          items={[
            [rfa.facts.effective, jalaliText(rule.effectiveFrom)],
            [rfa.facts.approvedBy, rule.approvedBy],
            [rfa.facts.createdBy, rule.createdBy ?? rfa.facts.system],
            [rfa.facts.createdAt, jDate(rule.createdAt)],
            [rfa.facts.usedBy, rfa.usedBy(faNumber(rule.usedBy))],
            [rfa.facts.indicators, faNumber(rule.definition.indicators.length)],
            [rfa.facts.best, rfa.points(faNumber(bestTotal(rule.definition), 2))],
          ]}
        />
      </Paper>
      <FormSection title={rfa.indicators} hint={rfa.indicatorsHint}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {rule.definition.indicators.map((ind) => (
            <IndicatorTable key={ind.key} ind={ind} />
          ))}
        </SimpleGrid>
      </FormSection>
      <FormSection title={rfa.grades} hint={rfa.gradesHint}>
        <GradeTable definition={rule.definition} />
      </FormSection>
    </Stack>
  );
}

// ---- the new-version editor ----

interface BandForm {
  min: string;
  max: string;
  points: string;
}
interface ChoiceForm {
  value: string;
  title: string;
  points: string;
}
interface IndicatorForm {
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
interface EditorForm {
  title: string;
  approvedBy: string;
  effectiveFrom: string;
  indicators: IndicatorForm[];
  /** least points of grades 2..max, by grade */
  grades: Record<number, string>;
}

const str = (n: number | null) => (n === null ? '' : String(n));

function formOf(base: RuleSetView): EditorForm {
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

/** A fresh key for an added indicator or choice (a Latin identifier the person never sees). */
function freshKey(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

const num = (raw: string) => fromInput({ kind: 'number' }, raw);

/** The form as the API takes it; `errors` gets the form's own findings by field path (the server checks again). */
function bodyOf(subject: Subject, f: EditorForm, errors: Record<string, string>): RuleSetCreate {
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

/** A number typed in Persian or ASCII digits (a decimal point allowed; a minus when `negative`), shown in Persian digits. */
function NumField({
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
function ErrorLines({ messages }: { messages: (string | undefined)[] }) {
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
const rowsGrid = (columns: string) => ({ display: 'grid', gridTemplateColumns: columns, gap: '0.5rem', alignItems: 'start', maxWidth: '44rem' }) as const;

function IndicatorEditor({ ind, index, errors, onChange, onRemove, canRemove }: { ind: IndicatorForm; index: number; errors: Record<string, string>; onChange: (next: IndicatorForm) => void; onRemove: () => void; canRemove: boolean }) {
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

function RuleEditor({ subject, base, onCancel, onCreated }: { subject: Subject; base: RuleSetView; onCancel: () => void; onCreated: (created: RuleSetView) => void }) {
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

// ---- the screen ----

/**
 * `/app/grading/rules`: the versions of each subject's grading rules (effective date, approver, example badge, how
 * many requests used each), one version's tables (indicators with their bands or choices, grade thresholds), and for
 * the admin (`grading.rules`) a «نسخه تازه» editor prefilled from the version in effect.
 */
export default function Rules() {
  usePageTitle(rfa.title);
  const viewer = useGradingViewer();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const subjects = viewer.admin || viewer.subjects.length === 0 ? [...SUBJECTS] : viewer.subjects;
  const asked = params.get('subject') as Subject | null;
  const subject: Subject = asked && subjects.includes(asked) ? asked : subjects[0]!;
  const editing = params.get('new') === '1' && viewer.admin;
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;

  const list = useQuery({
    queryKey: ['grading', 'rules', subject, 'all'],
    queryFn: ({ signal }) => api.get<{ items: RuleSetView[] }>(`/api/v1/grading/rules?subject=${subject}`, signal).then((r) => r.items),
  });

  const today = todayJalali();
  const items = list.data ?? [];
  const current = inEffectOf(items, today);
  const askedId = Number(params.get('v')) || null;
  const shown = items.find((r) => r.id === askedId) ?? current ?? items[0] ?? null;
  const linkTo = (id: number) => `?subject=${subject}&v=${id}`;

  const go = (next: Record<string, string | null>, state?: unknown) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ subject, ...next })) if (v) p.set(k, v);
    navigate({ search: `?${p}` }, { state });
  };

  return (
    <Container size="xl">
      <Stack gap="lg">
        <GradingHeader title={rfa.title} />
        <Notice tone="ok" onClose={() => navigate({ search: location.search }, { replace: true, state: null })}>
          {notice}
        </Notice>
        {!editing && <Text>{rfa.intro}</Text>}
        <Group justify="space-between" align="center" gap="sm">
          {subjects.length > 1 ? (
            <SegmentedControl
              value={subject}
              onChange={(v) => setParams(new URLSearchParams({ subject: v }))}
              data={subjects.map((s) => ({ value: s, label: SUBJECT_TITLES[s] }))}
              aria-label={rfa.subject}
              data-testid="rule-subject"
            />
          ) : (
            <Title order={2} size="h4">
              {SUBJECT_TITLES[subject]}
            </Title>
          )}
          {viewer.admin && !editing && (
            <Button onClick={() => go({ new: '1' })} disabled={!items.length} data-testid="rule-new">
              {rfa.newVersion}
            </Button>
          )}
        </Group>

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : editing ? (
          <RuleEditor
            key={subject}
            subject={subject}
            base={current ?? items[0]!}
            onCancel={() => go({})}
            onCreated={(created) => {
              void qc.invalidateQueries({ queryKey: ['grading', 'rules'] });
              go({ v: String(created.id) }, { notice: rfa.created(faNumber(created.version), jalaliText(created.effectiveFrom)) });
            }}
          />
        ) : !items.length ? (
          <Paper withBorder p="xl" radius="md">
            <Text ta="center">{rfa.noVersions}</Text>
          </Paper>
        ) : (
          <>
            <section aria-label={rfa.versions}>
              <VersionList items={items} shownId={shown?.id ?? null} current={current} today={today} linkTo={linkTo} />
            </section>
            {shown && <VersionDetail rule={shown} status={statusOf(shown, current, today)} />}
          </>
        )}
        {params.get('new') === '1' && !viewer.admin && (
          <Alert color="red" variant="light" role="alert">
            {rfa.notAllowed}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
