import './plan.css';
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  FileButton,
  Group,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import type { ScenarioView } from '../../api-types.js';
import type { ScenarioCreate as ScenarioCreateBody } from '../../contract.js';
import { DEFAULT_KG_PER_CAPITA, SITE_STATUS_TITLES } from '../../enums.js';
import { fp } from './fa-plan.js';
import { actionError, useLandfillViewer } from './shared.js';
import { AreaField, FormSection, NumberField } from './plan-fields.js';

const t = fp.create;

// ---- the scenario form ---------------------------------------------------------------------------------------------

interface CandidateRow {
  key: number;
  name: string;
  lat: string;
  lon: string;
  capacity: string;
}

type UploadInput = Extract<ScenarioCreateBody, { source: 'upload' }>['input'];

interface UploadedFile {
  filename: string;
  data: Record<string, unknown>;
  sites: number;
  villages: number;
  hasDistances: boolean;
}

const EXAMPLE = `{
  "p": 2,
  "sites": [
    { "id": "S1", "name": "محل دفن الف", "lat": 36.68, "lon": 48.49, "capacity": 40 },
    { "id": "S2", "name": "محل دفن ب", "lat": 36.41, "lon": 48.21, "capacity": null }
  ],
  "villages": [
    { "id": "V1", "name": "روستای یک", "lat": 36.70, "lon": 48.50, "demand": 1.2 },
    { "id": "V2", "name": "روستای دو", "lat": 36.45, "lon": 48.30, "demand": 0.8 }
  ]
}`;

const num = (s: string) => (s === '' || s === '.' ? null : Number(s));
const asText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/** A server path inside the uploaded input in Persian words: 'sites.3.lat' → 'محل ۴ (lat)'. */
function uploadPath(path: string): string {
  const m = /^(sites|villages|distances)\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return path;
  const what = m[1] === 'sites' ? 'محل' : m[1] === 'villages' ? 'روستای' : 'سطر';
  return `${what} ${faNumber(Number(m[2]) + 1)}${m[3] ? ` (${m[3]})` : ''}`;
}

/**
 * `/app/landfills/scenarios/new`: a consolidation scenario — its area, its data (the registry of the area, or an
 * uploaded file in the `landfill-plan` input format), how many regional sites stay (p, or a fixed cost per site),
 * the road factor and an optional time limit. Solved off the request: the page of the new scenario shows progress.
 */
export default function ScenarioCreate() {
  usePageTitle(t.title);
  const viewer = useLandfillViewer();
  const navigate = useNavigate();
  const qc = useQueryClient();

  const [name, setName] = useState('');
  const [divisionId, setDivisionId] = useState('');
  const [source, setSource] = useState<'registry' | 'upload'>('registry');
  const [kg, setKg] = useState(String(DEFAULT_KG_PER_CAPITA));
  const [statuses, setStatuses] = useState<string[]>(['active']);
  const [capacitated, setCapacitated] = useState(true);
  const [candidates, setCandidates] = useState<CandidateRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [upload, setUpload] = useState<UploadedFile | null>(null);
  const [mode, setMode] = useState<'p' | 'openCost'>('p');
  const [p, setP] = useState('');
  const [openCost, setOpenCost] = useState('');
  const [roadFactor, setRoadFactor] = useState('1.3');
  const [timeLimit, setTimeLimit] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!viewer.plans) {
    return (
      <Container size="sm">
        <Alert color="red" variant="light" role="alert">
          {fp.common.notAllowed}
        </Alert>
      </Container>
    );
  }

  const setRow = (key: number, patch: Partial<CandidateRow>) => setCandidates((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => {
    setCandidates((rows) => [...rows, { key: nextKey, name: '', lat: '', lon: '', capacity: '' }]);
    setNextKey((k) => k + 1);
  };

  async function readFile(file: File | null) {
    setUpload(null);
    setErrors((e) => ({ ...e, file: '' }));
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setErrors((e) => ({ ...e, file: t.fileNotJson }));
      return;
    }
    const o = data as Record<string, unknown> | null;
    if (!o || typeof o !== 'object' || Array.isArray(o) || !Array.isArray(o.sites) || !Array.isArray(o.villages)) {
      setErrors((e) => ({ ...e, file: t.fileShape }));
      return;
    }
    setUpload({ filename: file.name, data: o, sites: o.sites.length, villages: o.villages.length, hasDistances: Array.isArray(o.distances) });
    // the file's own settings fill the form (the form's values are what is sent)
    if (typeof o.p === 'number') {
      setMode('p');
      setP(asText(o.p));
    } else if (typeof o.openCost === 'number') {
      setMode('openCost');
      setOpenCost(asText(o.openCost));
    }
    if (typeof o.roadFactor === 'number') setRoadFactor(asText(o.roadFactor));
    if (typeof o.timeLimitSeconds === 'number') setTimeLimit(asText(Math.round(o.timeLimitSeconds)));
  }

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = fp.common.required;
    if (!divisionId) e.divisionId = fp.common.chooseArea;
    if (mode === 'p') {
      const v = num(p);
      if (v === null) e.p = fp.common.required;
      else if (!Number.isInteger(v) || v < 1) e.p = fp.common.between('۱', faNumber(100_000));
    } else {
      const v = num(openCost);
      if (v === null) e.openCost = fp.common.required;
    }
    const rf = num(roadFactor);
    if (rf === null || rf < 1 || rf > 3) e.roadFactor = fp.common.between('۱', '۳');
    const tl = num(timeLimit);
    if (tl !== null && (tl < 1 || tl > 120)) e.timeLimitSeconds = fp.common.between('۱', '۱۲۰');
    if (source === 'registry') {
      const k = num(kg);
      if (k === null || k < 0.05 || k > 5) e.kgPerCapita = fp.common.between('۰٫۰۵', '۵');
      if (statuses.length === 0) e.candidateStatuses = t.statusesRequired;
      candidates.forEach((c, i) => {
        if (!c.name.trim()) e[`newCandidates.${i}.name`] = fp.common.required;
        if (num(c.lat) === null) e[`newCandidates.${i}.lat`] = fp.common.required;
        if (num(c.lon) === null) e[`newCandidates.${i}.lon`] = fp.common.required;
      });
    } else if (!upload) e.file = errors.file || t.fileMissing;
    return e;
  }

  function body(): ScenarioCreateBody {
    const common = {
      name: name.trim(),
      divisionId: Number(divisionId),
    };
    const pv = mode === 'p' ? num(p) : null;
    const cv = mode === 'openCost' ? num(openCost) : null;
    if (source === 'upload') {
      return {
        source: 'upload',
        ...common,
        input: { ...(upload!.data as UploadInput), p: pv, openCost: cv, roadFactor: num(roadFactor), timeLimitSeconds: num(timeLimit) },
      };
    }
    return {
      source: 'registry',
      ...common,
      p: pv,
      openCost: cv,
      roadFactor: num(roadFactor) ?? 1.3,
      timeLimitSeconds: num(timeLimit),
      kgPerCapita: num(kg) ?? DEFAULT_KG_PER_CAPITA,
      candidateStatuses: statuses as ('active' | 'full')[],
      capacitated,
      newCandidates: candidates.map((c) => ({ name: c.name.trim(), lat: num(c.lat)!, lon: num(c.lon)!, capacity: num(c.capacity) })),
    };
  }

  /** Field errors of the server keyed as the form's fields; what does not belong to a field goes on top. */
  function placeServerErrors(err: unknown) {
    const fe = fieldErrors(err);
    const placed: Record<string, string> = {};
    const rest: string[] = [];
    for (const [path, message] of Object.entries(fe)) {
      const key = path.replace(/^input\.(p|openCost|roadFactor|timeLimitSeconds)$/, '$1');
      if (['name', 'divisionId', 'p', 'openCost', 'roadFactor', 'timeLimitSeconds', 'kgPerCapita', 'candidateStatuses'].includes(key) || key.startsWith('newCandidates.')) placed[key] = message;
      else if (key.startsWith('input.')) placed.file ??= `${uploadPath(key.slice(6))}: ${message}`;
      else rest.push(message);
    }
    setErrors(placed);
    setFormError([actionError(err).message, ...rest].join(' — '));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    setFormError(Object.keys(errs).length ? fp.common.formErrors : null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const created = await api.post<ScenarioView>('/api/v1/landfills/scenarios', body());
      void qc.invalidateQueries({ queryKey: ['landfills', 'scenarios'] });
      qc.setQueryData(['landfills', 'scenario', created.id], created);
      navigate(`/app/landfills/scenarios/${created.id}`, { state: { notice: t.created } });
    } catch (err) {
      placeServerErrors(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="lg">
      <form onSubmit={submit} noValidate data-testid="scenario-form">
        <Stack gap="lg">
          <Anchor component={Link} to="/app/landfills/scenarios" size="sm">
            → {t.back}
          </Anchor>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          <Text>{t.intro}</Text>

          <FormSection title={t.basics}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t.scenarioName} description={fp.common.nameHint} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-testid="scenario-name" />
              <AreaField value={divisionId} onChange={setDivisionId} error={errors.divisionId} description={t.areaHint} />
            </SimpleGrid>
          </FormSection>

          <FormSection title={t.source}>
            <Stack gap="md">
              <SegmentedControl
                fullWidth
                value={source}
                onChange={(v) => setSource(v as 'registry' | 'upload')}
                data={[
                  { value: 'registry', label: t.sourceRegistry },
                  { value: 'upload', label: t.sourceUpload },
                ]}
                aria-label={t.source}
                data-testid="source"
              />
              {source === 'registry' ? (
                <Stack gap="md">
                  <Text size="sm" c="dimmed">
                    {t.registryHint}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <NumberField label={t.kgPerCapita} description={t.kgPerCapitaHint} value={kg} onChange={setKg} decimals={2} maxDigits={1} error={errors.kgPerCapita} testId="kg-per-capita" />
                    <Checkbox.Group label={t.candidateStatuses} description={t.candidateStatusesHint} value={statuses} onChange={setStatuses} error={errors.candidateStatuses}>
                      <Group gap="lg" mt="xs">
                        {(['active', 'full'] as const).map((s) => (
                          <Checkbox key={s} value={s} label={SITE_STATUS_TITLES[s]} data-testid={`status-${s}`} />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  </SimpleGrid>
                  <Switch label={t.capacitated} description={t.capacitatedHint} checked={capacitated} onChange={(e) => setCapacitated(e.currentTarget.checked)} data-testid="capacitated" />
                  <Stack gap="sm">
                    <div>
                      <Text fw={700}>{t.newCandidates}</Text>
                      <Text size="sm" c="dimmed">
                        {t.newCandidatesHint}
                      </Text>
                    </div>
                    {candidates.map((c, i) => (
                      <div key={c.key} className="lp-candidate" data-testid="candidate-row">
                        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
                          <TextInput label={t.candidateName} required maxLength={200} value={c.name} onChange={(e) => setRow(c.key, { name: e.currentTarget.value })} error={errors[`newCandidates.${i}.name`]} />
                          <NumberField label={t.lat} placeholder={t.latHint} required decimals={6} maxDigits={2} value={c.lat} onChange={(v) => setRow(c.key, { lat: v })} error={errors[`newCandidates.${i}.lat`]} />
                          <NumberField label={t.lon} placeholder={t.lonHint} required decimals={6} maxDigits={2} value={c.lon} onChange={(v) => setRow(c.key, { lon: v })} error={errors[`newCandidates.${i}.lon`]} />
                          <NumberField label={t.capacity} placeholder={t.capacityHint} decimals={1} maxDigits={6} value={c.capacity} onChange={(v) => setRow(c.key, { capacity: v })} error={errors[`newCandidates.${i}.capacity`]} />
                        </SimpleGrid>
                        <Group justify="flex-end" mt="xs">
                          <Button variant="subtle" color="red" size="xs" onClick={() => setCandidates((rows) => rows.filter((r) => r.key !== c.key))}>
                            {t.removeCandidate(faNumber(i + 1))}
                          </Button>
                        </Group>
                      </div>
                    ))}
                    <Group>
                      <Button variant="light" size="sm" onClick={addRow} disabled={candidates.length >= 200} data-testid="add-candidate">
                        + {t.addCandidate}
                      </Button>
                    </Group>
                  </Stack>
                </Stack>
              ) : (
                <Stack gap="sm">
                  <Group gap="sm" align="center">
                    <FileButton onChange={(f) => void readFile(f)} accept="application/json,.json">
                      {(props) => (
                        <Button {...props} variant="light" data-testid="choose-file">
                          {t.chooseFile}
                        </Button>
                      )}
                    </FileButton>
                    <Text size="sm" fw={500}>
                      {upload ? <bdi className="st-ltr">{upload.filename}</bdi> : t.file}
                    </Text>
                  </Group>
                  {upload && (
                    <Text size="sm" c="green.9" role="status" data-testid="file-read">
                      {t.fileRead(faNumber(upload.sites), faNumber(upload.villages))}
                    </Text>
                  )}
                  {upload?.hasDistances && (
                    <Text size="sm" c="dimmed">
                      {t.fileDistances}
                    </Text>
                  )}
                  {errors.file && (
                    <Text size="sm" c="red.8" role="alert" data-testid="file-error">
                      {errors.file}
                    </Text>
                  )}
                  <details className="lp-help">
                    <summary>{t.formatHelp}</summary>
                    <Stack gap="xs" mt="xs">
                      <Text size="sm">{t.formatIntro}</Text>
                      <dl className="st-facts">
                        {t.formatFields.map(([k, v]) => (
                          <div key={k} style={{ display: 'contents' }}>
                            <dt>
                              <bdi className="st-ltr">{k}</bdi>
                            </dt>
                            <dd>
                              <Text size="sm">{v}</Text>
                            </dd>
                          </div>
                        ))}
                      </dl>
                      <pre className="lp-code" dir="ltr">
                        {EXAMPLE}
                      </pre>
                    </Stack>
                  </details>
                </Stack>
              )}
            </Stack>
          </FormSection>

          <FormSection title={t.settings}>
            <Stack gap="md">
              <Radio.Group label={t.mode} value={mode} onChange={(v) => setMode(v as 'p' | 'openCost')}>
                <Stack gap="sm" mt="xs">
                  <Radio value="p" label={t.modeP} description={t.modePHint} data-testid="mode-p" />
                  <Radio value="openCost" label={t.modeCost} description={t.modeCostHint} data-testid="mode-cost" />
                </Stack>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {mode === 'p' ? (
                  <NumberField label={t.p} required value={p} onChange={setP} maxDigits={6} error={errors.p} testId="p" />
                ) : (
                  <NumberField label={t.openCost} required value={openCost} onChange={setOpenCost} decimals={2} maxDigits={12} error={errors.openCost} testId="open-cost" />
                )}
                <NumberField label={t.roadFactor} required value={roadFactor} onChange={setRoadFactor} decimals={2} maxDigits={1} error={errors.roadFactor} testId="road-factor" />
                <NumberField label={t.timeLimit} value={timeLimit} onChange={setTimeLimit} maxDigits={3} error={errors.timeLimitSeconds} testId="time-limit" />
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                {t.roadFactorHint} {t.timeLimitHint}
              </Text>
            </Stack>
          </FormSection>

          {formError && (
            <Alert color="red" variant="light" role="alert" data-testid="form-error">
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" loading={busy} data-testid="scenario-submit">
              {t.submit}
            </Button>
            <Button component={Link} to="/app/landfills/scenarios" variant="subtle">
              {fp.common.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
