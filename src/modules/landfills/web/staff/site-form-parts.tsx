// The parts of the site form: the division search, number inputs and files (its state: site-form-state.ts).
import { useState } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { divisionTitle } from '../../../../core/org/labels.js';
import { api, type DivisionLevel } from '../../../../web/api.js';
import { MAX_FILES, type Uploads } from '../../../../web/components/Uploads.js';
import { } from '../../../../web/format.js';
import { lfa } from './fa.js';
import { UploadList } from '../../../../web/staff/UploadList.js';
import { INTEGER_FIELDS, shownNumber, typedNumber, type FormState, type NumberField, type Place } from './site-form-state.js';

export const f = lfa.form;
/** The levels a site's own division may be (the server refuses any other). */
export const SITE_LEVELS: DivisionLevel[] = ['village', 'rural_district', 'district'];
export const MAX_SERVED = 500;
/** Hints under the inputs, so the inputs of a row line up whatever their hints' length. */
export const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

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
