// The larger sections of the site form (identity and place, kind and status, capacity, environment, villages
// served), each reading and changing the form through its model (useSiteForm.ts).
import { Badge, Button, Checkbox, CloseButton, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { FormSection } from '../../../../web/staff/ui.js';
import {
  CAPACITY_UNIT_TITLES,
  CAPACITY_UNITS,
  SENSITIVITY_FLAG_TITLES,
  SENSITIVITY_FLAGS,
  SITE_KINDS,
  SITE_STATUS_TITLES,
  SITE_STATUSES,
  type CapacityUnit,
  type SensitivityFlag,
  type SiteKind,
  type SiteStatus,
} from '../../enums.js';
import { lfa } from './fa.js';
import { kindTitle } from './shared.js';
import { DivisionSearch, f, HINT_BELOW, MAX_SERVED, NumberInput, SITE_LEVELS } from './site-form-parts.js';
import type { SiteFormModel } from './useSiteForm.js';

/** The site's name, its division (chosen, or searched for), its coordinates (typed or the device's), operator, start and external id. */
export function IdentitySection({ form }: { form: SiteFormModel }) {
  const { state, put, errors, num } = form;
  return (
    <FormSection title={f.identity}>
      <Stack gap="sm">
        <TextInput label={f.name} description={f.nameHint} required value={state.name} onChange={(e) => put('name', e.currentTarget.value)} error={errors.name} maxLength={200} data-testid="field-name" />
        {state.division ? (
          <div>
            <Text size="sm" fw={500}>
              {f.division}{' '}
              <Text span c="red.7" aria-hidden="true">
                *
              </Text>
            </Text>
            <Group gap="xs" mt={4} wrap="nowrap" justify="space-between" align="flex-start">
              <Text size="sm" style={{ flex: 1, minWidth: 0 }} data-testid="division-chosen">
                {state.division.label}
              </Text>
              <Button size="compact-sm" variant="light" style={{ flex: 'none' }} onClick={() => put('division', null)} data-testid="division-change">
                {f.divisionChange}
              </Button>
            </Group>
            {errors.divisionId && (
              <Text size="sm" c="red.8" role="alert">
                {errors.divisionId}
              </Text>
            )}
          </div>
        ) : (
          <DivisionSearch label={f.division} description={f.divisionHint} required levels={SITE_LEVELS} onPick={(p) => put('division', p)} error={errors.divisionId} testId="field-division" />
        )}
        <div>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput field="lat" label={f.lat} {...num} />
            <NumberInput field="lon" label={f.lon} {...num} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            {f.coordsHint}
          </Text>
          <Group gap="xs" mt="xs" wrap="wrap">
            <Button size="xs" variant="light" onClick={form.locate} loading={form.locating} data-testid="locate">
              {f.locate}
            </Button>
            <Text size="xs" c="dimmed">
              {f.locateHint}
            </Text>
          </Group>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={f.operator} description={f.operatorHint} inputWrapperOrder={HINT_BELOW} value={state.operator} onChange={(e) => put('operator', e.currentTarget.value)} error={errors.operator} maxLength={200} />
          <NumberInput field="startYear" label={f.startYear} hint={f.startYearHint} {...num} />
          <TextInput
            label={f.externalId}
            description={f.externalIdHint}
            value={state.externalId}
            onChange={(e) => put('externalId', toAsciiDigits(e.currentTarget.value))}
            inputWrapperOrder={HINT_BELOW}
            error={errors.externalId}
            maxLength={60}
            classNames={{ input: 'st-ltr' }}
            data-testid="field-externalId"
          />
        </SimpleGrid>
      </Stack>
    </FormSection>
  );
}

/** The site's kind and status; a changed status (on an edit) asks for its note. */
export function KindStatusSection({ form }: { form: SiteFormModel }) {
  const { state, put, errors } = form;
  return (
    <FormSection title={f.kindStatus}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={f.kind}
            required
            value={state.kind}
            onChange={(e) => put('kind', e.currentTarget.value as SiteKind | '')}
            data={[{ value: '', label: lfa.common.choose, disabled: true }, ...SITE_KINDS.map((k) => ({ value: k, label: kindTitle(k) }))]}
            error={errors.kind}
            data-testid="field-kind"
          />
          <NativeSelect
            label={f.status}
            value={state.status}
            onChange={(e) => put('status', e.currentTarget.value as SiteStatus)}
            data={SITE_STATUSES.map((s) => ({ value: s, label: SITE_STATUS_TITLES[s] }))}
            error={errors.status}
            data-testid="field-status"
          />
        </SimpleGrid>
        {form.statusChanged && (
          <TextInput label={f.statusNote} description={f.statusNoteHint} value={state.statusNote} onChange={(e) => put('statusNote', e.currentTarget.value)} error={errors.statusNote} maxLength={500} data-testid="field-statusNote" />
        )}
      </Stack>
    </FormSection>
  );
}

/** Area, total capacity with its unit, fill and intake. */
export function CapacitySection({ form }: { form: SiteFormModel }) {
  const { state, put, errors, num } = form;
  return (
    <FormSection title={f.capacity} hint={f.capacityHint}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput field="areaM2" label={f.area} {...num} />
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <NumberInput field="capacity" label={f.capacityTotal} {...num} />
          </div>
          <NativeSelect
            label={f.capacityUnit}
            value={state.capacityUnit}
            onChange={(e) => put('capacityUnit', e.currentTarget.value as CapacityUnit)}
            data={CAPACITY_UNITS.map((u) => ({ value: u, label: CAPACITY_UNIT_TITLES[u] }))}
            error={errors.capacityUnit}
            w={120}
          />
        </Group>
        <NumberInput field="fillPercent" label={f.fill} {...num} />
        <NumberInput field="dailyIntakeT" label={f.intake} hint={f.intakeHint} {...num} />
        <NumberInput field="designIntakeT" label={f.designIntake} hint={f.designIntakeHint} {...num} />
      </SimpleGrid>
    </FormSection>
  );
}

/** Distances, groundwater, people exposed, sensitivity flags and the soil. */
export function EnvironmentSection({ form }: { form: SiteFormModel }) {
  const { state, put, errors, num } = form;
  return (
    <FormSection title={f.environment} hint={f.capacityHint}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput field="distWaterM" label={f.distWater} hint={f.distWaterHint} {...num} />
          <NumberInput field="distSettlementM" label={f.distSettlement} {...num} />
          <NumberInput field="distRoadM" label={f.distRoad} {...num} />
          <NumberInput field="groundwaterDepthM" label={f.groundwater} {...num} />
          <NumberInput field="populationExposed" label={f.population} hint={f.populationHint} {...num} />
        </SimpleGrid>
        <Checkbox.Group label={f.flags} value={state.flags} onChange={(v) => put('flags', v as SensitivityFlag[])} error={errors.flags}>
          <Group gap="md" mt={6} wrap="wrap">
            {SENSITIVITY_FLAGS.map((fl) => (
              <Checkbox key={fl} value={fl} label={SENSITIVITY_FLAG_TITLES[fl]} data-testid={`flag-${fl}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={f.soil} description={f.soilHint} autosize minRows={2} maxRows={8} maxLength={2000} value={state.soilNotes} onChange={(e) => put('soilNotes', e.currentTarget.value)} error={errors.soilNotes} />
      </Stack>
    </FormSection>
  );
}

/** The villages whose waste comes to the site: each removable, and a search to add more (up to MAX_SERVED). */
export function ServedSection({ form }: { form: SiteFormModel }) {
  const { state, put, errors } = form;
  return (
    <FormSection title={f.served} hint={f.servedHint}>
      <Stack gap="sm">
        {state.served.length > 0 && (
          <Group gap="xs" data-testid="served-list">
            {state.served.map((v) => (
              <Badge
                key={v.id}
                variant="outline"
                color="gray"
                c="dark"
                className="st-badge"
                rightSection={<CloseButton size="xs" onClick={() => put('served', state.served.filter((x) => x.id !== v.id))} aria-label={f.remove(v.label)} />}
              >
                {v.label}
              </Badge>
            ))}
          </Group>
        )}
        {state.served.length < MAX_SERVED && (
          <DivisionSearch
            label={f.servedSearch}
            description=""
            levels={['village']}
            exclude={state.served.map((v) => v.id)}
            onPick={(p) => put('served', [...state.served, { id: p.id, label: p.label.split('،')[0] ?? p.label }])}
            error={errors.servedVillageIds}
            testId="field-served"
          />
        )}
      </Stack>
    </FormSection>
  );
}
