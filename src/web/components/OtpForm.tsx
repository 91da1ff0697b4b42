import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { toAsciiDigits, toPersianDigits } from '../../core/fa/normalize.js';
import { normalizeMobile } from '../../core/fa/validators.js';
import { publicErrorMessage, requestOtp, signInWithCode, type Citizen } from '../citizen-auth.js';
import { fa } from '../fa.js';
import { onlyDigits } from './digits.js';
import { Alert, described, Field } from './form.js';

/** Seconds before the citizen may ask for another code (the server enforces its own limit too). */
const RESEND_AFTER = 60;

export interface OtpFormProps {
  /** The card's heading: the page's <h1> on /citizen/login, an <h2> inside a service page. */
  title: string;
  titleLevel?: 1 | 2;
  /** The sentence under the heading on the mobile step. */
  subtitle: string;
  /** Label of the code box and of the button that verifies it. */
  codeLabel: string;
  verifyLabel: string;
  /** Called once signed in; the form stays busy while it runs and shows its error if it throws. */
  onSignedIn: (c: Citizen) => void | Promise<void>;
  /** Shown at the bottom of the card, on both steps (e.g. a link to the staff login). */
  footer?: ReactNode;
}

/**
 * Mobile number (Persian, Arabic or ASCII digits) → a one-time code by SMS → the six-digit code → signed in as a
 * citizen. Plain markup (no Mantine), so the light public pages can use it: /citizen/login and the complaints
 * service's pages.
 */
export function OtpForm({ title, titleLevel = 2, subtitle, codeLabel, verifyLabel, onSignedIn, footer }: OtpFormProps) {
  const [mobileInput, setMobileInput] = useState('');
  const [mobile, setMobile] = useState<string | null>(null); // normalized, once a code was sent
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const mobileRef = useRef<HTMLInputElement>(null);
  const Heading = titleLevel === 1 ? 'h1' : 'h2';
  // Where the focus goes once its step is drawn (a new object each time): the code box after a code was sent, the
  // mobile box after «change the mobile». A timeout could run before React has drawn the step, leaving the focus on
  // the page's body, and a keyboard user lost.
  const [focusTo, setFocusTo] = useState<{ box: 'code' | 'mobile' } | null>(null);
  useEffect(() => {
    if (focusTo) (focusTo.box === 'code' ? codeRef : mobileRef).current?.focus();
  }, [focusTo]);

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  async function send(target: string) {
    setBusy(true);
    setError(null);
    try {
      const res = await requestOtp(target);
      setMobile(target);
      setCode('');
      setWait(Math.min(RESEND_AFTER, Math.max(0, res.expiresInSeconds || RESEND_AFTER)));
      setFocusTo({ box: 'code' });
    } catch (err) {
      setError(publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function submitMobile(e: FormEvent) {
    e.preventDefault();
    const normalized = normalizeMobile(mobileInput);
    if (!normalized) {
      setFieldError(fa.otp.mobileInvalid);
      mobileRef.current?.focus();
      return;
    }
    setFieldError(null);
    await send(normalized);
  }

  async function submitCode(e: FormEvent) {
    e.preventDefault();
    if (!mobile) return;
    if (code.length !== 6) {
      setFieldError(fa.otp.codeInvalid);
      codeRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const citizen = await signInWithCode(mobile, code);
      await onSignedIn(citizen);
    } catch (err) {
      setError(publicErrorMessage(err));
      setCode('');
      codeRef.current?.focus();
      setBusy(false);
    }
  }

  if (mobile === null) {
    return (
      <form className="cx-card" onSubmit={submitMobile} noValidate aria-busy={busy} aria-labelledby="otp-title">
        <Heading id="otp-title" className="cx-card-title">
          {title}
        </Heading>
        <p className="cx-lead">{subtitle}</p>
        <Alert testId="form-error">{error}</Alert>
        <Field id="otp-mobile" label={fa.otp.mobile} hint={fa.otp.mobileHint} error={fieldError}>
          <input
            ref={mobileRef}
            {...described('otp-mobile', true, fieldError)}
            className="cx-input cx-ltr"
            name="mobile"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            value={toPersianDigits(mobileInput)}
            onChange={(e) => setMobileInput(toAsciiDigits(e.currentTarget.value).replace(/[^\d+\s-]/g, '').slice(0, 16))}
          />
        </Field>
        <button type="submit" className="cx-btn cx-btn-block" disabled={busy}>
          {fa.otp.requestCode}
        </button>
        {footer}
      </form>
    );
  }

  return (
    <form className="cx-card" onSubmit={submitCode} noValidate aria-busy={busy} aria-labelledby="otp-title">
      <Heading id="otp-title" className="cx-card-title">
        {title}
      </Heading>
      <Alert testId="form-error">{error}</Alert>
      <Field id="otp-code" label={codeLabel} hint={fa.otp.codeHint(toPersianDigits(mobile))} error={fieldError}>
        <input
          ref={codeRef}
          {...described('otp-code', true, fieldError)}
          className="cx-input cx-code-input"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          value={toPersianDigits(code)}
          onChange={(e) => setCode(onlyDigits(e.currentTarget.value, 6))}
        />
      </Field>
      <button type="submit" className="cx-btn cx-btn-block" disabled={busy}>
        {verifyLabel}
      </button>
      <div className="cx-actions" style={{ justifyContent: 'space-between' }}>
        <button
          type="button"
          className="cx-link-btn"
          onClick={() => {
            setMobile(null);
            setCode('');
            setError(null);
            setFieldError(null);
            setFocusTo({ box: 'mobile' });
          }}
        >
          {fa.otp.changeMobile}
        </button>
        <button type="button" className="cx-link-btn" disabled={wait > 0 || busy} onClick={() => void send(mobile)}>
          {wait > 0 ? fa.otp.resendIn(toPersianDigits(wait)) : fa.otp.resend}
        </button>
      </div>
      {footer}
    </form>
  );
}
