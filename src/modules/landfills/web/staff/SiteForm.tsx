import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Container,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { divisionTitle } from '../../../../core/org/labels.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { MAX_FILES, MAX_MB, useUploads } from '../../../../web/components/Uploads.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { FormSection, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { SiteView } from '../../api-types.js';
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
import { actionError, kindTitle, useLandfillViewer } from './shared.js';

import { DivisionSearch, Files, fromSite, HINT_BELOW, MAX_SERVED, NUMBER_FIELDS, NumberInput, SITE_LEVELS, f, type FormState, type NumberField } from './site-form-parts.js';

/** The form itself, for a new site (`site` null) or an edit. */
function SiteFormBody({ site }: { site: SiteView | null }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const viewer = useLandfillViewer();
  // A dehyar registers the sites of his own village: it is chosen for him (he may still change it).
  const only = viewer.scopes.length === 1 && viewer.scopes[0]!.level === 'village' ? viewer.scopes[0]! : null;
  const [state, setState] = useState<FormState>(() => fromSite(site, only ? { id: only.id, label: divisionTitle({ level: 'village', name: only.name }) } : null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [locating, setLocating] = useState(false);
  const uploads = useUploads(
    'landfill-site',
    (site?.documents ?? []).map((d) => ({ id: d.id, name: d.filename })),
  );

  const put = <K extends keyof FormState>(k: K, v: FormState[K]) => setState((s) => ({ ...s, [k]: v }));
  const setNum = (k: NumberField, v: string) => setState((s) => ({ ...s, nums: { ...s.nums, [k]: v } }));
  // The version this form started from: a later refetch does not change it, so another editor's save meanwhile
  // is a conflict (409) rather than silently overwritten.
  const [version] = useState(site?.version ?? 0);
  const [startStatus] = useState(site?.status ?? null);
  const statusChanged = site !== null && state.status !== startStatus;
  const num = { state, set: setNum, errors };

  function locate() {
    if (!navigator.geolocation) {
      setErrors((e) => ({ ...e, lat: f.locateFailed }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setState((s) => ({ ...s, nums: { ...s.nums, lat: pos.coords.latitude.toFixed(6), lon: pos.coords.longitude.toFixed(6) } }));
        setErrors(({ lat: _lat, lon: _lon, ...rest }) => rest);
      },
      () => {
        setLocating(false);
        setErrors((e) => ({ ...e, lat: f.locateFailed }));
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  }

  function validate(): { errors: Record<string, string>; values: Record<NumberField, number | null> } {
    const e: Record<string, string> = {};
    if (!state.name.trim()) e.name = lfa.common.required;
    if (!state.kind) e.kind = lfa.common.required;
    if (!state.division) e.divisionId = lfa.common.required;
    const values = {} as Record<NumberField, number | null>;
    for (const k of NUMBER_FIELDS) {
      const v = state.nums[k];
      if (v === '' || v === '.') {
        values[k] = null;
        if (k === 'lat' || k === 'lon') e[k] = lfa.common.required;
        continue;
      }
      const n = Number(v);
      if (!Number.isFinite(n)) e[k] = lfa.common.numberInvalid;
      values[k] = n;
    }
    if (uploads.busy) e.documentIds = f.waitUploads;
    return { errors: e, values };
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const { errors: e, values } = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) {
      setFormError(lfa.common.formErrors);
      return;
    }
    setFormError(null);
    setBusy(true);
    const body = {
      externalId: state.externalId.trim() ? toAsciiDigits(state.externalId.trim()) : null,
      name: state.name.trim(),
      kind: state.kind,
      status: state.status,
      divisionId: state.division!.id,
      operator: state.operator.trim(),
      capacityUnit: state.capacityUnit,
      soilNotes: state.soilNotes.trim(),
      flags: state.flags,
      servedVillageIds: state.served.map((v) => v.id),
      documentIds: uploads.documentIds,
      ...values,
      ...(site ? { version, statusNote: statusChanged ? state.statusNote.trim() : '' } : {}),
    };
    try {
      const saved = site ? await api.put<SiteView>(`/api/v1/landfills/sites/${site.id}`, body) : await api.post<SiteView>('/api/v1/landfills/sites', body);
      qc.setQueryData(['landfills', 'site', String(saved.id)], saved);
      void qc.invalidateQueries({ queryKey: ['landfills', 'sites'] });
      void qc.invalidateQueries({ queryKey: ['landfills', 'summary'] });
      navigate(`/app/landfills/sites/${saved.id}`, { state: { notice: site ? lfa.site.saved : lfa.site.created } });
    } catch (err) {
      const fe = fieldErrors(err);
      // An array's item error ('servedVillageIds.3') shows under the array's field.
      const byField: Record<string, string> = {};
      for (const [k, v] of Object.entries(fe)) {
        const field = k.split('.')[0] ?? k;
        if (!(field in byField)) byField[field] = v;
      }
      setErrors(byField);
      setFormError(Object.keys(byField).length > 0 ? lfa.common.formErrors : actionError(err).message);
      if (actionError(err).conflict) void qc.invalidateQueries({ queryKey: ['landfills', 'site', String(site?.id)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="site-form">
      <Stack gap="lg">
        <Alert color="blue" variant="light" data-testid="review-note">
          {f.reviewNote}
        </Alert>
        <Notice tone="error" onClose={() => setFormError(null)}>
          {formError}
        </Notice>

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
                <Button size="xs" variant="light" onClick={locate} loading={locating} data-testid="locate">
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
            {statusChanged && (
              <TextInput label={f.statusNote} description={f.statusNoteHint} value={state.statusNote} onChange={(e) => put('statusNote', e.currentTarget.value)} error={errors.statusNote} maxLength={500} data-testid="field-statusNote" />
            )}
          </Stack>
        </FormSection>

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

        <FormSection title={f.funding}>
          <NumberInput field="requiredFundingMrial" label={f.requiredFunding} hint={f.requiredFundingHint} {...num} />
        </FormSection>

        <FormSection title={f.documents} hint={f.documentsHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}>
          <Files uploads={uploads} error={errors.documentIds} />
        </FormSection>

        <Notice tone="error" testId="form-error-bottom">
          {formError}
        </Notice>
        <Group gap="sm">
          <Button type="submit" loading={busy} size="md" data-testid="save-site">
            {f.save}
          </Button>
          <Button component={Link} to={site ? `/app/landfills/sites/${site.id}` : '/app/landfills'} variant="subtle" disabled={busy}>
            {lfa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form once the site to edit has loaded. */
function EditSite({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['landfills', 'site', id],
    queryFn: ({ signal }) => api.get<SiteView>(`/api/v1/landfills/sites/${encodeURIComponent(id)}`, signal),
    refetchOnWindowFocus: false,
  });
  usePageTitle(q.data ? f.titleEdit(q.data.name) : f.titleNew);
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  return (
    <>
      <Title order={1} size="h2">
        {f.titleEdit(q.data.name)}
      </Title>
      {q.data.canEdit ? (
        <SiteFormBody site={q.data} />
      ) : (
        <Alert color="orange" variant="light" role="alert">
          {f.cannotEdit}
        </Alert>
      )}
    </>
  );
}

function NewSite() {
  usePageTitle(f.titleNew);
  return (
    <>
      <Title order={1} size="h2">
        {f.titleNew}
      </Title>
      <SiteFormBody site={null} />
    </>
  );
}

/**
 * `/app/landfills/sites/new` and `/app/landfills/sites/:id/edit`: a site record in sections (identity and place,
 * kind and status, capacity, environment, villages served, funding, photos and documents), each field with its
 * unit and help; numbers take Persian or ASCII digits. Saving sends the record to the district for verification.
 */
export default function SiteForm() {
  const { id } = useParams();
  const viewer = useLandfillViewer();
  return (
    <Container size="md">
      <Stack gap="lg">
        <Anchor component={Link} to={id ? `/app/landfills/sites/${id}` : '/app/landfills'} size="sm">
          → {id ? f.backToSite : lfa.common.back}
        </Anchor>
        {!viewer.edits ? (
          <Alert color="red" variant="light" role="alert">
            {f.notAllowed}
          </Alert>
        ) : id ? (
          <EditSite id={id} />
        ) : (
          <NewSite />
        )}
      </Stack>
    </Container>
  );
}
