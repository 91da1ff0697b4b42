import { useEffect, useRef, useState, type FormEvent } from 'react';
import { normalizeMobile, toAsciiDigits, toPersianDigits } from '../../../../core/fa/index.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { cfa } from '../fa.js';
import { publicErrorMessage, requestOtp, signInWithCode, type Citizen } from './http.js';
import { Alert, described, Field } from './ui.js';

/** Seconds before the citizen may ask for another code (the server enforces its own limit too). */
const RESEND_AFTER = 60;

/**
 * Mobile number (Persian, Arabic or ASCII digits) → a one-time code by SMS → the six-digit code → signed in as a
 * citizen. The same steps as `/citizen/login`, in plain markup for the light public pages.
 */
export function OtpForm({ subtitle, onSignedIn }: { subtitle: string; onSignedIn: (c: Citizen) => void }) {
  const [mobileInput, setMobileInput] = useState('');
  const [mobile, setMobile] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const mobileRef = useRef<HTMLInputElement>(null);

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
      setTimeout(() => codeRef.current?.focus(), 0);
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
      setFieldError(cfa.otp.mobileInvalid);
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
      setFieldError(cfa.otp.codeInvalid);
      codeRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const citizen = await signInWithCode(mobile, code);
      onSignedIn(citizen);
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
        <h2 id="otp-title">{cfa.otp.title}</h2>
        <p className="cx-lead">{subtitle}</p>
        <Alert testId="form-error">{error}</Alert>
        <Field id="otp-mobile" label={cfa.otp.mobile} hint={cfa.otp.mobileHint} error={fieldError}>
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
          {cfa.otp.requestCode}
        </button>
      </form>
    );
  }

  return (
    <form className="cx-card" onSubmit={submitCode} noValidate aria-busy={busy} aria-labelledby="otp-title">
      <h2 id="otp-title">{cfa.otp.title}</h2>
      <Alert testId="form-error">{error}</Alert>
      <Field id="otp-code" label={cfa.otp.code} hint={cfa.otp.codeHint(toPersianDigits(mobile))} error={fieldError}>
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
        {cfa.otp.verify}
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
            setTimeout(() => mobileRef.current?.focus(), 0);
          }}
        >
          {cfa.otp.changeMobile}
        </button>
        <button type="button" className="cx-link-btn" disabled={wait > 0 || busy} onClick={() => void send(mobile)}>
          {wait > 0 ? cfa.otp.resendIn(toPersianDigits(wait)) : cfa.otp.resend}
        </button>
      </div>
    </form>
  );
}
