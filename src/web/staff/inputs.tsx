// Small pieces every staff service uses: a Jalali date field, a muted line under a title, and the message of a failed
// action (a version conflict worded by the service, everything else the API's Persian title).
import type { ReactNode } from 'react';
import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { toAsciiDigits, toPersianDigits } from '../../core/fa/normalize.js';
import { ApiError, errorMessage } from '../api.js';
import { faStaff } from './fa.js';

/**
 * A Jalali date field: shows Persian digits, keeps ASCII 'YYYY/MM/DD' as typed (the API's form); the caller checks it
 * with parseJalaliDate.
 */
export function JalaliInput({ value, onChange, ...props }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (v: string) => void }) {
  return (
    <TextInput
      placeholder={faStaff.ui.dateHint}
      inputMode="numeric"
      classNames={{ input: 'st-ltr' }}
      {...props}
      value={toPersianDigits(value)}
      onChange={(e) => onChange(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').replace(/-/g, '/').slice(0, 10))}
    />
  );
}

/** A muted line under a title. */
export function Sub({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

/**
 * The Persian message of a failed action. A version conflict (someone else acted first) gets the service's
 * `conflictMessage` and `conflict: true` (the page reloads); with `anyConflict` every 409 counts as one.
 */
export function actionErrorOf(err: unknown, conflictMessage: string, anyConflict = false): { message: string; conflict: boolean } {
  if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') return { message: conflictMessage, conflict: true };
  return { message: errorMessage(err), conflict: anyConflict && err instanceof ApiError && err.status === 409 };
}
