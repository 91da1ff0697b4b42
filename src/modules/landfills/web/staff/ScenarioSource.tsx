// The data of a new scenario, as the scenario form asks for it: from the registry of the area (waste per person,
// which sites are candidates, capacities, new candidate points) or from an uploaded file in the `landfill-plan`
// input format (with its help and an example).
import { Button, Checkbox, FileButton, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { faNumber } from '../../../../web/format.js';
import { SITE_STATUS_TITLES } from '../../enums.js';
import { fp } from './fa-plan.js';
import { NumberField } from './plan-fields.js';
import type { ScenarioFormModel } from './useScenarioForm.js';

const t = fp.create;

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

/** The registry's settings and the new candidate points (up to 200). */
export function RegistryFields({ form }: { form: ScenarioFormModel }) {
  const { errors, candidates, setRow } = form;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t.registryHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberField label={t.kgPerCapita} description={t.kgPerCapitaHint} value={form.kg} onChange={form.setKg} decimals={2} maxDigits={1} error={errors.kgPerCapita} testId="kg-per-capita" />
        <Checkbox.Group label={t.candidateStatuses} description={t.candidateStatusesHint} value={form.statuses} onChange={form.setStatuses} error={errors.candidateStatuses}>
          <Group gap="lg" mt="xs">
            {(['active', 'full'] as const).map((s) => (
              <Checkbox key={s} value={s} label={SITE_STATUS_TITLES[s]} data-testid={`status-${s}`} />
            ))}
          </Group>
        </Checkbox.Group>
      </SimpleGrid>
      <Switch label={t.capacitated} description={t.capacitatedHint} checked={form.capacitated} onChange={(e) => form.setCapacitated(e.currentTarget.checked)} data-testid="capacitated" />
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
              <Button variant="subtle" color="red" size="xs" onClick={() => form.removeRow(c.key)}>
                {t.removeCandidate(faNumber(i + 1))}
              </Button>
            </Group>
          </div>
        ))}
        <Group>
          <Button variant="light" size="sm" onClick={form.addRow} disabled={candidates.length >= 200} data-testid="add-candidate">
            + {t.addCandidate}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

/** The uploaded file: choosing it, what was read from it or why it was refused, and the format's help. */
export function UploadFields({ form }: { form: ScenarioFormModel }) {
  const { upload, errors } = form;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <FileButton onChange={(f) => void form.readFile(f)} accept="application/json,.json">
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
  );
}
