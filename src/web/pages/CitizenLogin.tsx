import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { normalizeMobile, toAsciiDigits, toPersianDigits } from '../../core/fa/index.js';
import { errorMessage, requestOtp, verifyOtp } from '../api.js';
import { fa } from '../fa.js';
import { FormAlert } from '../components/FormAlert.js';
import { onlyDigits } from '../components/digits.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { refreshSession } from '../session.js';

/** Seconds before the citizen may ask for another code (the server enforces its own limit too). */
const RESEND_AFTER = 60;

/**
 * `/citizen/login`: mobile number (Persian, Arabic or ASCII digits) → a code is
 * sent by SMS → the six-digit code → signed in, on to `/me`.
 */
export default function CitizenLogin() {
  usePageTitle(fa.citizenLogin.title);
  const navigate = useNavigate();
  const [mobileInput, setMobileInput] = useState('');
  const [mobile, setMobile] = useState<string | null>(null); // normalized, once a code was sent
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
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function submitMobile(e: FormEvent) {
    e.preventDefault();
    const normalized = normalizeMobile(mobileInput);
    if (!normalized) {
      setFieldError(fa.citizenLogin.mobileInvalid);
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
      setFieldError(fa.citizenLogin.codeInvalid);
      codeRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      await verifyOtp(mobile, code);
      await refreshSession();
      navigate('/me', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setCode('');
      codeRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  function changeMobile() {
    setMobile(null);
    setCode('');
    setError(null);
    setFieldError(null);
    setTimeout(() => mobileRef.current?.focus(), 0);
  }

  return (
    <Container size={460} px="md">
      <Paper withBorder p={{ base: 'lg', sm: 'xl' }} radius="lg">
        <Title order={1} size="h2">
          {fa.citizenLogin.title}
        </Title>
        {mobile === null ? (
          <>
            <Text c="dimmed" size="sm" mt="xs" mb="lg">
              {fa.citizenLogin.subtitle}
            </Text>
            <form onSubmit={submitMobile} noValidate aria-busy={busy}>
              <Stack gap="md">
                <FormAlert message={error} />
                <TextInput
                  ref={mobileRef}
                  label={fa.citizenLogin.mobile}
                  description={fa.citizenLogin.mobileHint}
                  name="mobile"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  className="ltr-input"
                  required
                  value={toPersianDigits(mobileInput)}
                  onChange={(e) => setMobileInput(toAsciiDigits(e.currentTarget.value).replace(/[^\d+\s-]/g, '').slice(0, 16))}
                  error={fieldError}
                />
                <Button type="submit" loading={busy} fullWidth size="md">
                  {fa.citizenLogin.requestCode}
                </Button>
              </Stack>
            </form>
          </>
        ) : (
          <form onSubmit={submitCode} noValidate aria-busy={busy}>
            <Stack gap="md" mt="lg">
              <FormAlert message={error} />
              <TextInput
                ref={codeRef}
                label={fa.citizenLogin.code}
                description={fa.citizenLogin.codeHint(toPersianDigits(mobile))}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                className="code-input"
                required
                value={toPersianDigits(code)}
                onChange={(e) => setCode(onlyDigits(e.currentTarget.value, 6))}
                error={fieldError}
              />
              <Button type="submit" loading={busy} fullWidth size="md">
                {fa.citizenLogin.verify}
              </Button>
              <Group justify="space-between" gap="xs">
                <Button variant="subtle" size="compact-sm" onClick={changeMobile}>
                  {fa.citizenLogin.changeMobile}
                </Button>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  disabled={wait > 0 || busy}
                  onClick={() => void send(mobile)}
                >
                  {wait > 0 ? fa.citizenLogin.resendIn(toPersianDigits(wait)) : fa.citizenLogin.resend}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Text ta="center" mt="md">
          <Anchor component={Link} to="/login" size="sm">
            {fa.citizenLogin.staffInstead}
          </Anchor>
        </Text>
      </Paper>
    </Container>
  );
}
