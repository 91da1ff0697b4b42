import { useEffect, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { afa } from './fa.js';

/**
 * A button for an action that cannot be taken back (open or close a call, run a selection, issue letters): the
 * first press arms it («برای اطمینان دوباره بزنید»), the second within a few seconds acts.
 */
export function ConfirmButton({
  onConfirm,
  beforeArm,
  children,
  loading,
  testId,
  ...props
}: ButtonProps & { onConfirm: () => void; beforeArm?: () => boolean; children: ReactNode; loading?: boolean; testId?: string }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 6000);
    return () => clearTimeout(t);
  }, [armed]);
  return (
    <Button
      {...props}
      loading={loading}
      variant={armed ? 'filled' : (props.variant ?? 'light')}
      color={armed ? 'orange' : props.color}
      onClick={() => {
        if (armed) {
          setArmed(false);
          onConfirm();
        } else if (!beforeArm || beforeArm()) setArmed(true);
      }}
      data-armed={armed || undefined}
      data-testid={testId}
    >
      {armed ? `${afa.common.confirmAgain}: ${typeof children === 'string' ? children : ''}` : children}
    </Button>
  );
}
