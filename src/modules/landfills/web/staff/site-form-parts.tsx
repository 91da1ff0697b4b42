// The parts of the site form: its state and number conversions, the division search, number inputs and files.
import { useState } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { divisionTitle } from '../../../../core/org/labels.js';
import { api, type DivisionLevel } from '../../../../web/api.js';
import { MAX_FILES, type Uploads } from '../../../../web/components/Uploads.js';
import { } from '../../../../web/format.js';
import type { SiteView } from '../../api-types.js';
import type { CapacityUnit, SensitivityFlag, SiteKind, SiteStatus } from '../../enums.js';
import { lfa } from './fa.js';
import { UploadList } from '../../../../web/staff/UploadList.js';

export const f = lfa.form;
/** The levels a site's own division may be (the server refuses any other). */
export const SITE_LEVELS: DivisionLevel[] = ['village', 'rural_district', 'district'];
export const MAX_SERVED = 500;
/** Hints under the inputs, so the inputs of a row line up whatever their hints' length. */
export const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** The measured fields, kept as typed (ASCII digits, '.' for the decimal point) until sent. */
export const NUMBER_FIELDS = [
  'lat',
  'lon',
  'startYear',
  'areaM2',
  'capacity',
  'fillPercent',
  'dailyIntakeT',
  'designIntakeT',
  'distWaterM',
  'distSettlementM',
  'distRoadM',
  'groundwaterDepthM',
  'populationExposed',
  'requiredFundingMrial',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];
export const INTEGER_FIELDS: ReadonlySet<NumberField> = new Set(['startYear', 'populationExposed', 'requiredFundingMrial']);

export interface Place {
  id: number;
  label: string;
}

export interface FormState {
  name: string;
  externalId: string;
  kind: SiteKind | '';
  status: SiteStatus;
  statusNote: string;
  division: Place | null;
  operator: string;
  capacityUnit: CapacityUnit;
  soilNotes: string;
  flags: SensitivityFlag[];
  served: Place[];
  nums: Record<NumberField, string>;
}

/** A number as typed (Persian, Arabic or ASCII digits; '٫', '/' or ',' as the decimal point) → ASCII '12.5'. */
export function typedNumber(s: string, integer: boolean): string {
  const ascii = toAsciiDigits(s).replace(/[٫/,]/g, '.');
  if (integer) return ascii.replace(/\D/g, '').slice(0, 12);
  const [int = '', ...rest] = ascii.replace(/[^\d.]/g, '').split('.');
  return (rest.length ? `${int}.${rest.join('')}` : int).slice(0, 16);
}
export const shownNumber = (s: string) => toPersianDigits(s).replace('.', '٫');

export const numText = (n: number | null) => (n === null ? '' : String(n));

export function fromSite(s: SiteView | null, home: Place | null): FormState {
  return {
    name: s?.name ?? '',
    externalId: s?.externalId ?? '',
    kind: s?.kind ?? '',
    status: s?.status ?? 'active',
    statusNote: '',
    division: s ? { id: s.divisionId, label: s.place } : home,
    operator: s?.operator ?? '',
    capacityUnit: s?.capacityUnit ?? 'm3',
    soilNotes: s?.soilNotes ?? '',
    flags: s?.flags ?? [],
    served: s?.servedVillages.map((v) => ({ id: v.id, label: v.name })) ?? [],
    nums: Object.fromEntries(NUMBER_FIELDS.map((k) => [k, numText(s ? s[k] : null)])) as Record<NumberField, string>,
  };
}

export interface DivisionHit {
  id: number;
  name: string;
  level: DivisionLevel;
  context: string;
}

/**
 * A division found by name (the public divisions search: any keyboard, typo-tolerant), in the given levels; each
 * hit says where it is. `onPick` gets the chosen one and the box empties.
 */
export function DivisionSearch({
  label,
  description,
  levels,
  onPick,
  error,
  exclude = [],
  required = false,
  testId,
}: {
  label: string;
  required?: boolean;
  description: string;
  levels: DivisionLevel[];
  onPick: (p: Place) => void;
  error?: string | undefined;
  exclude?: number[];
  testId: string;
}) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const level = levels.length === 1 ? `&level=${levels[0]}` : '';
  const hits = useQuery({
    queryKey: ['divisions', 'search', q, levels.join(',')],
    queryFn: ({ signal }) => api.get<{ items: DivisionHit[] }>(`/api/v1/divisions?q=${encodeURIComponent(q)}${level}&limit=30`, signal),
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
  });
  const items = (hits.data?.items ?? []).filter((d) => levels.includes(d.level) && !exclude.includes(d.id)).slice(0, 12);
  const open = q.length >= 2 && text.trim().length >= 2;
  return (
    <div>
      <TextInput
        label={label}
        description={description}
        placeholder={f.divisionSearch}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
        required={required}
        autoComplete="off"
        data-testid={testId}
      />
      <div aria-live="polite">
        {open && hits.isFetching && items.length === 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            {f.searching}
          </Text>
        )}
        {open && !hits.isFetching && hits.isSuccess && items.length === 0 && (
          <Text size="xs" c="orange.9" mt={4}>
            {f.divisionNone}
          </Text>
        )}
        {open && items.length > 0 && (
          <ul className="lf-hits" data-testid={`${testId}-hits`}>
            {items.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="lf-hit"
                  onClick={() => {
                    onPick({ id: d.id, label: d.context ? `${divisionTitle(d)}، ${d.context}` : divisionTitle(d) });
                    setText('');
                  }}
                >
                  <Text size="sm" fw={700} span>
                    {divisionTitle(d)}
                  </Text>
                  {d.context && (
                    <Text size="xs" c="dimmed">
                      {d.context}
                    </Text>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export function NumberInput({ field, label, hint, state, set, errors }: { field: NumberField; label: string; hint?: string; state: FormState; set: (k: NumberField, v: string) => void; errors: Record<string, string> }) {
  const integer = INTEGER_FIELDS.has(field);
  return (
    <TextInput
      label={label}
      description={hint}
      required={field === 'lat' || field === 'lon'}
      value={shownNumber(state.nums[field])}
      onChange={(e) => set(field, typedNumber(e.currentTarget.value, integer))}
      error={errors[field]}
      classNames={{ input: 'st-ltr' }}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      inputWrapperOrder={HINT_BELOW}
      data-testid={`field-${field}`}
    />
  );
}


/** The photos and documents of the site: each file uploaded as soon as it is picked (Uploads.tsx), with progress. */
export function Files({ uploads, error }: { uploads: Uploads; error?: string | undefined }) {
  const full = uploads.items.filter((i) => i.status !== 'error').length >= MAX_FILES;
  const shownError = uploads.notice ?? error;
  return (
    <Stack gap="xs">
      <UploadList uploads={uploads} testId="files" />
      {!full && (
        <label className="lf-file-pick">
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-label={f.addFile}
            onChange={(e) => {
              if (e.currentTarget.files?.length) uploads.add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
            data-testid="file-input"
          />
          <Button component="span" variant="light" aria-hidden="true">
            + {f.addFile}
          </Button>
        </label>
      )}
      {shownError && (
        <Text size="sm" c="red.8" role="alert">
          {shownError}
        </Text>
      )}
    </Stack>
  );
}
