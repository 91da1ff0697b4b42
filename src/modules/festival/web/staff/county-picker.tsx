// A judge's home county: shown by name with «تغییر»; changing it picks a province, then one of its counties (two
// native selects, from the public divisions tree).
import { useState } from 'react';
import { Button, CloseButton, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/api.js';
import { useProvinces } from '../../../../web/staff/ui.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';

const t = rfa.judges;

export interface CountyValue {
  id: number;
  name: string;
}

function useCounties(provinceId: number | null) {
  return useQuery({
    queryKey: ['divisions', 'children', provinceId],
    queryFn: ({ signal }) => api.get<{ items: { id: number; name: string; level: string }[] }>(`/api/v1/divisions?parentId=${provinceId}`, signal).then((r) => r.items.filter((d) => d.level === 'county')),
    enabled: provinceId !== null,
    staleTime: 10 * 60_000,
  });
}

export function CountyPicker({ value, onChange, label, disabled }: { value: CountyValue | null; onChange: (v: CountyValue | null) => void; label: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [provinceId, setProvinceId] = useState<number | null>(null);
  const provinces = useProvinces(open);
  const counties = useCounties(provinceId);
  if (!open) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c={value ? undefined : 'dimmed'} data-testid="county-name">
          {value?.name ?? t.noCounty}
        </Text>
        {!disabled && (
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen(true)} aria-label={`${t.change}: ${label}`} data-testid="county-change">
            {t.change}
          </Button>
        )}
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <NativeSelect
        aria-label={`${t.province} — ${label}`}
        size="xs"
        value={provinceId === null ? '' : String(provinceId)}
        onChange={(e) => setProvinceId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
        data={[{ value: '', label: t.chooseProvince }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
        data-testid="county-province"
      />
      <NativeSelect
        aria-label={`${t.county} — ${label}`}
        size="xs"
        disabled={provinceId === null || counties.isPending}
        value=""
        onChange={(e) => {
          const c = counties.data?.find((x) => String(x.id) === e.currentTarget.value);
          if (c) {
            onChange({ id: c.id, name: c.name });
            setOpen(false);
          }
        }}
        data={[{ value: '', label: t.chooseCounty }, ...(counties.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))]}
        data-testid="county-select"
      />
      <CloseButton size="sm" aria-label={ffa.common.cancel} onClick={() => setOpen(false)} />
    </Group>
  );
}
