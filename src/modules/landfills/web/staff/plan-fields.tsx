// Fields the planning forms share (ScenarioCreate, AllocationCreate): numbers typed in Persian or ASCII digits, the
// area of a scenario or an allocation, and a titled form section.
import { Alert, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { decimalOnly, onlyDigits } from '../../../../web/components/digits.js';
import { FormSection, QueryStatus, useProvinces } from '../../../../web/staff/ui.js';
import { fp } from './fa-plan.js';
import { useLandfillViewer } from './shared.js';



/** A number typed in Persian or ASCII digits, shown in Persian digits (left to right); `decimals` 0 for whole numbers. */
export function NumberField({
  label,
  value,
  onChange,
  error,
  description,
  decimals = 0,
  maxDigits = 9,
  required,
  placeholder,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  decimals?: number;
  maxDigits?: number;
  required?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <TextInput
      label={label}
      required={required}
      description={description}
      placeholder={placeholder}
      value={toPersianDigits(value).replace('.', '٫')}
      onChange={(e) => onChange(decimals > 0 ? decimalOnly(e.currentTarget.value, decimals).slice(0, maxDigits + decimals + 1) : onlyDigits(e.currentTarget.value, maxDigits))}
      error={error}
      classNames={{ input: 'st-ltr' }}
      inputMode={decimals > 0 ? 'decimal' : 'numeric'}
      data-testid={testId}
    />
  );
}

/**
 * The area of a scenario or an allocation: a province for a national viewer, otherwise one of the viewer's landfill
 * scopes (chosen by itself when there is only one).
 */
export function AreaField({ value, onChange, error, description, testId = 'area' }: { value: string; onChange: (v: string) => void; error?: string | undefined; description?: string; testId?: string }) {
  const viewer = useLandfillViewer();
  const provinces = useProvinces(viewer.national);
  const scopes = viewer.scopes.filter((s) => s.level !== 'country');
  const only = !viewer.national && scopes.length === 1 ? String(scopes[0]!.id) : null;
  useEffect(() => {
    if (only && value !== only) onChange(only);
  }, [only, value, onChange]);

  if (viewer.national) {
    if (provinces.isPending || provinces.isError) return <QueryStatus query={provinces} />;
    return (
      <NativeSelect
        label={fp.common.area}
        description={description}
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: fp.common.chooseProvince }, ...provinces.data.map((p) => ({ value: String(p.id), label: p.name }))]}
        error={error}
        data-testid={testId}
      />
    );
  }
  if (scopes.length === 0) {
    return (
      <Alert color="orange" variant="light" role="alert">
        {fp.common.noScope}
      </Alert>
    );
  }
  return (
    <NativeSelect
      label={fp.common.area}
      description={description}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[...(only ? [] : [{ value: '', label: fp.common.chooseArea }]), ...scopes.map((s) => ({ value: String(s.id), label: s.name }))]}
      error={error}
      data-testid={testId}
    />
  );
}

export { FormSection };
