// Plain-markup form building blocks of the light public pages (no Mantine): a labelled field, its aria wiring, a
// select, a form's field errors, and an alert. Styled by styles/forms.css (the `cx-` classes).
import '../styles/forms.css';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { fa } from '../fa.js';

/** Words of the form blocks, here rather than in web/fa.ts (which every page downloads): only forms need them. */
export const formFa = {
  choose: 'انتخاب کنید',
  errors: 'چند بخش فرم نیاز به اصلاح دارد؛ پیام کنار هر بخش را ببینید.',
};

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

/**
 * A labelled native select (fast and familiar on every phone) whose first option is «انتخاب کنید», or «در حال
 * بارگذاری…» while its options are `loading`; `onChange` gets the chosen value ('' for none).
 */
export function Select({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  loading = false,
  disabled = false,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string | number | null;
  onChange: (value: string) => void;
  loading?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select {...described(id, !!hint, error)} className="cx-select" value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{loading ? fa.app.loading : formFa.choose}</option>
        {children}
      </select>
    </Field>
  );
}

/**
 * A form's errors by field key (the `data-field` of the field's wrapper) and its message on top. `showErrors` shows
 * them and moves the focus to the first field with one, in the order of the form (`formRef`); `clearFieldError`
 * (the form's onChange) takes the error off a field the person changes: the next check looks at everything again.
 */
export function useFormErrors(message: string = formFa.errors) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function showErrors(e: Record<string, string>, top: string | null = message) {
    setErrors(e);
    setFormError(top);
    setTimeout(() => {
      const fields = formRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [];
      for (const f of fields) {
        if (e[f.dataset.field ?? '']) {
          (f.querySelector<HTMLElement>('input, select, textarea') ?? f.querySelector<HTMLElement>('button'))?.focus();
          f.scrollIntoView({ block: 'center' });
          return;
        }
      }
    }, 0);
  }

  function clearFieldError(e: FormEvent<HTMLFormElement>) {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset.field;
    if (!key || !errors[key]) return;
    const { [key]: _, ...rest } = errors;
    setErrors(rest);
    if (Object.keys(rest).length === 0) setFormError(null);
  }

  return { formRef, errors, setErrors, formError, setFormError, showErrors, clearFieldError };
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
