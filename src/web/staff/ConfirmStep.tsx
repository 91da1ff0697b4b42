// A step that cannot be taken back, as every service's staff screens ask it: the button, then the question in place
// (with a required reason when asked), «yes» and «انصراف».
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { faStaff } from './fa.js';

const t = faStaff.ui;

/**
 * The button `label`; once clicked, `question` (when given), a required reason field when `reasonLabel` is given (at
 * most `reasonMaxLength` characters), the confirming button `yesLabel` and «انصراف». `onConfirm` does it; when it
 * throws, the page shows why (the question closes either way).
 */
export function ConfirmStep({
  label,
  question,
  yesLabel,
  color,
  disabled,
  reasonLabel,
  reasonMaxLength = 500,
  onConfirm,
  testId,
}: {
  label: string;
  question?: string;
  yesLabel: string;
  color?: string;
  disabled?: boolean;
  reasonLabel?: string;
  reasonMaxLength?: number;
  onConfirm: (reason: string) => Promise<void>;
  testId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <Button variant="light" color={color} disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  async function go() {
    if (reasonLabel && !reason.trim()) {
      setReasonError(t.required);
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }
  return (
    <Alert color={color ?? 'blue'} variant="light" role="alertdialog" aria-label={label} data-testid={`${testId}-confirm`}>
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {label}
        </Text>
        {question && <Text size="sm">{question}</Text>}
        {reasonLabel && <Textarea label={reasonLabel} required autosize minRows={2} maxLength={reasonMaxLength} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} data-testid={`${testId}-reason`} />}
        <Group gap="xs">
          <Button color={color} size="xs" loading={busy} onClick={() => void go()} data-testid={`${testId}-yes`}>
            {yesLabel}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => setAsking(false)} disabled={busy}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
