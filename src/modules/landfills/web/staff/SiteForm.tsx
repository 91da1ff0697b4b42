import { useState, type FormEvent, type ReactNode } from 'react';
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
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { divisionTitle } from '../../../../core/org/labels.js';
import { api, fieldErrors, type DivisionLevel } from '../../../../web/api.js';
import { MAX_FILES, MAX_MB, useUploads, type Uploads } from '../../../../web/components/Uploads.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faSize } from '../../../../web/format.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
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

const f = lfa.form;
/** The levels a site's own division may be (the server refuses any other). */
const SITE_LEVELS: DivisionLevel[] = ['village', 'rural_district', 'district'];
const MAX_SERVED = 500;
/** Hints under the inputs, so the inputs of a row line up whatever their hints' length. */
const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** The measured fields, kept as typed (ASCII digits, '.' for the decimal point) until sent. */
const NUMBER_FIELDS = [
  'lat',
  'lon',
  'startYear',
  'areaM2',
  'capacity',
  'fillPercent',
  'dailyIntakeT',
  'designIntakeT',
  'distWaterM',
  'distSettlementM',
  'distRoadM',
  'groundwaterDepthM',
  'populationExposed',
  'requiredFundingMrial',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
const INTEGER_FIELDS: ReadonlySet<NumberField> = new Set(['startYear', 'populationExposed', 'requiredFundingMrial']);

interface Place {
  id: number;
  label: string;
}

interface FormState {
  name: string;
  externalId: string;
  kind: SiteKind | '';
  status: SiteStatus;
  statusNote: string;
  division: Place | null;
  operator: string;
  capacityUnit: CapacityUnit;
  soilNotes: string;
  flags: SensitivityFlag[];
  served: Place[];
  nums: Record<NumberField, string>;
}

/** A number as typed (Persian, Arabic or ASCII digits; '٫', '/' or ',' as the decimal point) → ASCII '12.5'. */
function typedNumber(s: string, integer: boolean): string {
  const ascii = toAsciiDigits(s).replace(/[٫/,]/g, '.');
  if (integer) return ascii.replace(/\D/g, '').slice(0, 12);
  const [int = '', ...rest] = ascii.replace(/[^\d.]/g, '').split('.');
  return (rest.length ? `${int}.${rest.join('')}` : int).slice(0, 16);
}
const shownNumber = (s: string) => toPersianDigits(s).replace('.', '٫');

const numText = (n: number | null) => (n === null ? '' : String(n));

function fromSite(s: SiteView | null, home: Place | null): FormState {
  return {
    name: s?.name ?? '',
    externalId: s?.externalId ?? '',
    kind: s?.kind ?? '',
    status: s?.status ?? 'active',
    statusNote: '',
    division: s ? { id: s.divisionId, label: s.place } : home,
    operator: s?.operator ?? '',
    capacityUnit: s?.capacityUnit ?? 'm3',
    soilNotes: s?.soilNotes ?? '',
    flags: s?.flags ?? [],
    served: s?.servedVillages.map((v) => ({ id: v.id, label: v.name })) ?? [],
    nums: Object.fromEntries(NUMBER_FIELDS.map((k) => [k, numText(s ? s[k] : null)])) as Record<NumberField, string>,
  };
}

interface DivisionHit {
  id: number;
  name: string;
  level: DivisionLevel;
  context: string;
}

/**
 * A division found by name (the public divisions search: any keyboard, typo-tolerant), in the given levels; each
 * hit says where it is. `onPick` gets the chosen one and the box empties.
 */
function DivisionSearch({
  label,
  description,
  levels,
  onPick,
  error,
  exclude = [],
  required = false,
  testId,
}: {
  label: string;
  required?: boolean;
  description: string;
  levels: DivisionLevel[];
  onPick: (p: Place) => void;
  error?: string | undefined;
  exclude?: number[];
  testId: string;
}) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const level = levels.length === 1 ? `&level=${levels[0]}` : '';
  const hits = useQuery({
    queryKey: ['divisions', 'search', q, levels.join(',')],
    queryFn: ({ signal }) => api.get<{ items: DivisionHit[] }>(`/api/v1/divisions?q=${encodeURIComponent(q)}${level}&limit=30`, signal),
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
  });
  const items = (hits.data?.items ?? []).filter((d) => levels.includes(d.level) && !exclude.includes(d.id)).slice(0, 12);
  const open = q.length >= 2 && text.trim().length >= 2;
  return (
    <div>
      <TextInput
        label={label}
        description={description}
        placeholder={f.divisionSearch}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
        required={required}
        autoComplete="off"
        data-testid={testId}
      />
      <div aria-live="polite">
        {open && hits.isFetching && items.length === 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            {f.searching}
          </Text>
        )}
        {open && !hits.isFetching && hits.isSuccess && items.length === 0 && (
          <Text size="xs" c="orange.9" mt={4}>
            {f.divisionNone}
          </Text>
        )}
        {open && items.length > 0 && (
          <ul className="lf-hits" data-testid={`${testId}-hits`}>
            {items.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="lf-hit"
                  onClick={() => {
                    onPick({ id: d.id, label: d.context ? `${divisionTitle(d)}، ${d.context}` : divisionTitle(d) });
                    setText('');
                  }}
                >
                  <Text size="sm" fw={700} span>
                    {divisionTitle(d)}
                  </Text>
                  {d.context && (
                    <Text size="xs" c="dimmed">
                      {d.context}
                    </Text>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function NumberInput({ field, label, hint, state, set, errors }: { field: NumberField; label: string; hint?: string; state: FormState; set: (k: NumberField, v: string) => void; errors: Record<string, string> }) {
  const integer = INTEGER_FIELDS.has(field);
  return (
    <TextInput
      label={label}
      description={hint}
      required={field === 'lat' || field === 'lon'}
      value={shownNumber(state.nums[field])}
      onChange={(e) => set(field, typedNumber(e.currentTarget.value, integer))}
      error={errors[field]}
      classNames={{ input: 'st-ltr' }}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      inputWrapperOrder={HINT_BELOW}
      data-testid={`field-${field}`}
    />
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** The photos and documents of the site: each file uploaded as soon as it is picked (Uploads.tsx), with progress. */
function Files({ uploads, error }: { uploads: Uploads; error?: string | undefined }) {
  const full = uploads.items.filter((i) => i.status !== 'error').length >= MAX_FILES;
  const shownError = uploads.notice ?? error;
  return (
    <Stack gap="xs">
      {uploads.items.length > 0 && (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite" data-testid="files">
          {uploads.items.map((i) => (
            <li key={i.key}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {i.existing ? (
                    <Anchor href={`/api/v1/documents/${i.documentId}`} target="_blank" rel="noopener" size="sm">
                      <bdi>{i.name}</bdi>
                    </Anchor>
                  ) : (
                    <>
                      <bdi>{i.name}</bdi>{' '}
                      <Text span size="xs" c="dimmed">
                        ({faSize(i.size ?? 0)})
                      </Text>
                    </>
                  )}
                </Text>
                <CloseButton size="sm" onClick={() => uploads.remove(i.key)} aria-label={f.remove(i.name)} />
              </Group>
              {i.status === 'uploading' && (
                <>
                  <Progress value={i.progress} size="sm" aria-hidden="true" mt={4} />
                  <Text size="xs" c="dimmed">
                    {f.uploading(toPersianDigits(i.progress))}
                  </Text>
                </>
              )}
              {i.status === 'done' && !i.existing && (
                <Text size="xs" c="green.9">
                  {f.uploaded}
                </Text>
              )}
              {i.status === 'error' && (
                <Text size="xs" c="red.8" role="alert">
                  {i.error}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
      {!full && (
        <label className="lf-file-pick">
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            aria-label={f.addFile}
            onChange={(e) => {
              if (e.currentTarget.files?.length) uploads.add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
            data-testid="file-input"
          />
          <Button component="span" variant="light" aria-hidden="true">
            + {f.addFile}
          </Button>
        </label>
      )}
      {shownError && (
        <Text size="sm" c="red.8" role="alert">
          {shownError}
        </Text>
      )}
    </Stack>
  );
}

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

        <Section title={f.identity}>
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
        </Section>

        <Section title={f.kindStatus}>
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
        </Section>

        <Section title={f.capacity} hint={f.capacityHint}>
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
        </Section>

        <Section title={f.environment} hint={f.capacityHint}>
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
        </Section>

        <Section title={f.served} hint={f.servedHint}>
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
        </Section>

        <Section title={f.funding}>
          <NumberInput field="requiredFundingMrial" label={f.requiredFunding} hint={f.requiredFundingHint} {...num} />
        </Section>

        <Section title={f.documents} hint={f.documentsHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}>
          <Files uploads={uploads} error={errors.documentIds} />
        </Section>

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
