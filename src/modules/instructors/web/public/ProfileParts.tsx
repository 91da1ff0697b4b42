// Building blocks of the profile form (ProfileForm.tsx): a form section card, a text and a number field wired to
// the form's errors, the evidence uploads of one row, and a list of rows with add and remove.
import { useEffect, useRef, type ReactNode } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { FileUploads, MAX_FILES, MAX_MB, useUploads } from '../../../../web/components/Uploads.js';
import { pfa } from './fa-profile.js';
import { described, Field } from './ui.js';
import { EVIDENCE_PURPOSE } from '../../enums.js';

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="cx-card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p className="cx-hint">{intro}</p>}
      {children}
    </section>
  );
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
  maxLength?: number;
}

export function TextField({ id, label, value, onChange, error, hint, optional, maxLength = 150, type = 'text', autoComplete, ltr = false }: FieldProps & { type?: 'text' | 'email'; autoComplete?: string; ltr?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...described(id, !!hint, error)}
        className={ltr ? 'cx-input cx-ltr' : 'cx-input'}
        type={type}
        autoComplete={autoComplete ?? 'off'}
        maxLength={maxLength + 10}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </Field>
  );
}

/** Digits typed in Persian or ASCII, kept as ASCII, shown in Persian. */
export function NumberField({ id, label, value, onChange, error, hint, optional, maxLength = 4 }: FieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...described(id, !!hint, error)}
        className="cx-input cx-ltr"
        inputMode="numeric"
        autoComplete="off"
        value={toPersianDigits(value)}
        onChange={(e) => onChange(onlyDigits(e.currentTarget.value, maxLength))}
      />
    </Field>
  );
}

/**
 * The evidence of one row: its documents (kept ones listed first), each file uploaded as soon as it is picked. The
 * row's document ids and whether an upload is still running go up to the form.
 */
export function RowDocs({ id, documents, onChange, onBusy, error, optional }: { id: string; documents: string[]; onChange: (ids: string[]) => void; onBusy: (busy: boolean) => void; error?: string | undefined; optional: boolean }) {
  const uploads = useUploads(
    EVIDENCE_PURPOSE,
    documents.map((d, i) => ({ id: d, name: pfa.rows.docName(toPersianDigits(i + 1)) })),
  );
  const latest = useRef({ onChange, onBusy });
  latest.current = { onChange, onBusy };
  const ids = uploads.documentIds.join(',');
  useEffect(() => {
    latest.current.onChange(ids ? ids.split(',') : []);
  }, [ids]);
  useEffect(() => {
    latest.current.onBusy(uploads.busy);
  }, [uploads.busy]);
  return (
    <FileUploads
      id={id}
      uploads={uploads}
      label={pfa.rows.evidence}
      hint={pfa.rows.evidenceHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}
      optional={optional}
      error={error}
      className="cx-field ins-docs"
    />
  );
}

/** A list of rows (education, teaching…): each a numbered card with its remove button, and the add button. */
export function Rows<T extends { id: string }>({
  name,
  rows,
  max,
  onAdd,
  onRemove,
  error,
  children,
}: {
  name: string;
  rows: T[];
  max: number;
  onAdd: () => void;
  onRemove: (index: number) => void;
  error?: string | undefined;
  children: (row: T, index: number) => ReactNode;
}) {
  return (
    <div className="ins-rows" data-field={name}>
      {rows.length === 0 && <p className="cx-muted">{pfa.rows.empty}</p>}
      {rows.map((r, i) => (
        <fieldset key={r.id} className="ins-row" data-testid={`${name}-row`}>
          <legend className="ins-row-legend">{pfa.rows.row(toPersianDigits(i + 1))}</legend>
          {children(r, i)}
          <div className="ins-row-actions">
            <button type="button" className="cx-link-btn ins-danger" onClick={() => onRemove(i)} aria-label={`${pfa.rows.remove} (${pfa.rows.row(toPersianDigits(i + 1))})`}>
              {pfa.rows.remove}
            </button>
          </div>
        </fieldset>
      ))}
      {error && (
        <p className="cx-error" role="alert">
          {error}
        </p>
      )}
      {rows.length < max ? (
        <button type="button" className="cx-btn cx-btn-light ins-add" onClick={onAdd} data-testid={`${name}-add`}>
          + {pfa.rows.add}
        </button>
      ) : (
        <p className="cx-hint">{pfa.rows.full(toPersianDigits(max))}</p>
      )}
    </div>
  );
}
