// A public page's «look it up by its number» form (a tracking code, a letter number): plain markup, Persian digits
// as typed, checked here, then the page of that number.
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toPersianDigits } from '../../core/fa/normalize.js';
import { described, Field } from './form.js';

export interface LookupTexts {
  /** The form's heading (read by screen readers only: the page's <h1> says it). */
  title: string;
  intro: string;
  label: string;
  hint: string;
  invalid: string;
  submit: string;
}

/**
 * `clean` turns what was typed into the number to look up, or null when it is not one; `to` is the page of a
 * number. What is typed keeps at most `maxLength` characters, without those `drop` matches.
 */
export function LookupForm({
  id,
  name,
  texts,
  initial = '',
  maxLength,
  drop,
  clean,
  to,
}: {
  id: string;
  name: string;
  texts: LookupTexts;
  initial?: string;
  maxLength: number;
  drop?: RegExp;
  clean: (typed: string) => string | null;
  to: (value: string) => string;
}) {
  const navigate = useNavigate();
  const [value, setValue] = useState(toPersianDigits(initial));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const v = clean(value);
    if (!v) {
      setError(texts.invalid);
      input.current?.focus();
      return;
    }
    setError(null);
    void navigate(to(v));
  }

  return (
    <form className="cx-card" onSubmit={submit} noValidate role="search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="cx-sr">
        {texts.title}
      </h2>
      <p className="cx-lead">{texts.intro}</p>
      <Field id={id} label={texts.label} hint={texts.hint} error={error}>
        <input
          ref={input}
          {...described(id, true, error)}
          className="cx-input cx-code-input"
          name={name}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(toPersianDigits((drop ? e.currentTarget.value.replace(drop, '') : e.currentTarget.value).slice(0, maxLength)))}
        />
      </Field>
      <button type="submit" className="cx-btn cx-btn-block">
        {texts.submit}
      </button>
    </form>
  );
}
