import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toPersianDigits } from '../../core/fa/index.js';
import { ApiError, errorMessage, loginStaff } from '../api.js';
import { faStaff } from '../staff/fa.js';
import { FormAlert } from '../components/FormAlert.js';
import { onlyDigits } from '../components/digits.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { refreshSession } from '../session.js';
import { safeNext } from './login-next.js';

/**
 * `/login`: username and password; when the server answers `totp_required`, a
 * six-digit code field appears and the same form is sent again with `totp`.
 */
export default function StaffLogin() {
  usePageTitle(faStaff.staffLogin.title);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string; totp?: string }>({});
  const totpRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof fieldErrors = {};
    if (!username.trim()) errs.username = faStaff.staffLogin.required;
    if (!password) errs.password = faStaff.staffLogin.required;
    if (needTotp && totp.length !== 6) errs.totp = faStaff.staffLogin.totpInvalid;
    setFieldErrors(errs);
    if (Object.keys(errs).length > 0) return;

    setBusy(true);
    setError(null);
    try {
      await loginStaff({ username: username.trim(), password, ...(needTotp ? { totp } : {}) });
      const me = await refreshSession();
      navigate(me?.user.kind === 'citizen' ? '/me' : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required' && !needTotp) {
        // First answer for an account with 2FA: not an error, just the next step.
        setNeedTotp(true);
        setTimeout(() => totpRef.current?.focus(), 0);
      } else {
        setError(errorMessage(err));
        if (needTotp) setTotp('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={460} px="md">
      <Paper withBorder p={{ base: 'lg', sm: 'xl' }} radius="lg">
        <Title order={1} size="h2">
          {faStaff.staffLogin.title}
        </Title>
        <Text c="dimmed" size="sm" mt="xs" mb="lg">
          {faStaff.staffLogin.subtitle}
        </Text>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <Stack gap="md">
            <FormAlert message={error} />
            <TextInput
              label={faStaff.staffLogin.username}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              className="ltr-input"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={fieldErrors.username}
              readOnly={needTotp}
            />
            <PasswordInput
              label={faStaff.staffLogin.password}
              name="password"
              autoComplete="current-password"
              className="ltr-input"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
              readOnly={needTotp}
              visibilityToggleButtonProps={{ 'aria-label': faStaff.staffLogin.showPassword }}
            />
            {needTotp && (
              <TextInput
                ref={totpRef}
                label={faStaff.staffLogin.totp}
                description={faStaff.staffLogin.totpHint}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                className="code-input"
                required
                value={toPersianDigits(totp)}
                onChange={(e) => setTotp(onlyDigits(e.currentTarget.value, 6))}
                error={fieldErrors.totp}
              />
            )}
            <Button type="submit" loading={busy} fullWidth size="md">
              {faStaff.staffLogin.submit}
            </Button>
            <Anchor component={Link} to="/citizen/login" size="sm" ta="center">
              {faStaff.staffLogin.citizenInstead}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
