// One extra question of a category (text, number, select or yes/no), with its error.
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { cfa } from '../fa.js';
import type { CategoryQuestion } from '../types.js';

import { described, Field } from './ui.js';

export type Answer = string | number | boolean;

export function QuestionField({ q, value, error, onChange }: { q: CategoryQuestion; value: Answer | undefined; error: string | undefined; onChange: (v: Answer | undefined) => void }) {
  const id = `q-${q.code}`;
  if (q.type === 'boolean') {
    return (
      <fieldset className="cx-field" data-field={id} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="cx-label">
          {q.label}
          {!q.required && <span className="cx-muted"> {cfa.common.optional}</span>}
        </legend>
        <div className="cx-actions">
          {[true, false].map((v) => (
            <label key={String(v)} className="cx-check">
              <input type="radio" name={id} id={v ? id : undefined} checked={value === v} onChange={() => onChange(v)} />
              <span>{v ? cfa.common.yes : cfa.common.no}</span>
            </label>
          ))}
        </div>
        {error && (
          <p className="cx-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  return (
    <Field id={id} label={q.label} error={error} optional={!q.required}>
      {q.type === 'select' ? (
        <select {...described(id, false, error)} className="cx-select" value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
          <option value="">{cfa.common.choose}</option>
          {q.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : q.type === 'number' ? (
        <input
          {...described(id, false, error)}
          className="cx-input"
          inputMode="decimal"
          value={value === undefined ? '' : toPersianDigits(String(value))}
          onChange={(e) => {
            const raw = toAsciiDigits(e.currentTarget.value).replace('٫', '.').replace(/[^\d.]/g, '');
            onChange(raw === '' ? undefined : raw);
          }}
        />
      ) : (
        <input {...described(id, false, error)} className="cx-input" maxLength={500} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value || undefined)} />
      )}
    </Field>
  );
}

/**
 * Steps 2 and 3 of `/complaints/new`: what, where and why (attachments upload as they are picked), then the
 * similar open cases at the same place before the final submit. Loaded once the citizen is signed in, so the
 * first step (the mobile number) shows quickly on a slow phone.
 */
