// Plain-markup form building blocks of the light public pages (no Mantine): a labelled field, its aria wiring and
// an alert. Styled by styles/forms.css (the `cx-` classes).
import '../styles/forms.css';
import type { ReactNode } from 'react';
import { fa } from '../fa.js';

/** A labelled control with its hint and its error, wired for screen readers (aria-describedby / aria-invalid). */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="cx-field" data-field={id}>
      <label className="cx-label" htmlFor={id}>
        {label}
        {optional && <span className="cx-muted"> {fa.form.optional}</span>}
      </label>
      {hint && (
        <p className="cx-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="cx-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria props of a control inside <Field>. */
export function described(id: string, hint: boolean, error: string | null | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

export function Alert({ tone = 'error', children, testId }: { tone?: 'error' | 'ok' | 'info'; children: ReactNode; testId?: string }) {
  if (!children) return null;
  const cls = tone === 'error' ? 'cx-alert' : tone === 'ok' ? 'cx-alert cx-alert-ok' : 'cx-alert cx-alert-info';
  return (
    <p className={cls} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
