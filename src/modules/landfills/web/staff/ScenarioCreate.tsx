import './plan.css';
import { Alert, Anchor, Button, Container, Group, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { fp } from './fa-plan.js';
import { useLandfillViewer } from './shared.js';
import { AreaField, FormSection, NumberField } from './plan-fields.js';
import type { SolveMode } from './scenario-form.js';
import { RegistryFields, UploadFields } from './ScenarioSource.js';
import { useScenarioForm } from './useScenarioForm.js';

const t = fp.create;

/**
 * `/app/landfills/scenarios/new`: a consolidation scenario — its area, its data (the registry of the area, or an
 * uploaded file in the `landfill-plan` input format), how many regional sites stay (p, or a fixed cost per site),
 * the road factor and an optional time limit. Solved off the request: the page of the new scenario shows progress.
 */
export default function ScenarioCreate() {
  usePageTitle(t.title);
  const viewer = useLandfillViewer();
  const form = useScenarioForm();
  const { errors, mode } = form;

  if (!viewer.plans) {
    return (
      <Container size="sm">
        <Alert color="red" variant="light" role="alert">
          {fp.common.notAllowed}
        </Alert>
      </Container>
    );
  }

  return (
    <Container size="lg">
      <form onSubmit={form.submit} noValidate data-testid="scenario-form">
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
              <TextInput label={t.scenarioName} description={fp.common.nameHint} required maxLength={200} value={form.name} onChange={(e) => form.setName(e.currentTarget.value)} error={errors.name} data-testid="scenario-name" />
              <AreaField value={form.divisionId} onChange={form.setDivisionId} error={errors.divisionId} description={t.areaHint} />
            </SimpleGrid>
          </FormSection>

          <FormSection title={t.source}>
            <Stack gap="md">
              <SegmentedControl
                fullWidth
                value={form.source}
                onChange={(v) => form.setSource(v as 'registry' | 'upload')}
                data={[
                  { value: 'registry', label: t.sourceRegistry },
                  { value: 'upload', label: t.sourceUpload },
                ]}
                aria-label={t.source}
                data-testid="source"
              />
              {form.source === 'registry' ? <RegistryFields form={form} /> : <UploadFields form={form} />}
            </Stack>
          </FormSection>

          <FormSection title={t.settings}>
            <Stack gap="md">
              <Radio.Group label={t.mode} value={mode} onChange={(v) => form.setMode(v as SolveMode)}>
                <Stack gap="sm" mt="xs">
                  <Radio value="p" label={t.modeP} description={t.modePHint} data-testid="mode-p" />
                  <Radio value="openCost" label={t.modeCost} description={t.modeCostHint} data-testid="mode-cost" />
                </Stack>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {mode === 'p' ? (
                  <NumberField label={t.p} required value={form.p} onChange={form.setP} maxDigits={6} error={errors.p} testId="p" />
                ) : (
                  <NumberField label={t.openCost} required value={form.openCost} onChange={form.setOpenCost} decimals={2} maxDigits={12} error={errors.openCost} testId="open-cost" />
                )}
                <NumberField label={t.roadFactor} required value={form.roadFactor} onChange={form.setRoadFactor} decimals={2} maxDigits={1} error={errors.roadFactor} testId="road-factor" />
                <NumberField label={t.timeLimit} value={form.timeLimit} onChange={form.setTimeLimit} maxDigits={3} error={errors.timeLimitSeconds} testId="time-limit" />
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                {t.roadFactorHint} {t.timeLimitHint}
              </Text>
            </Stack>
          </FormSection>

          {form.formError && (
            <Alert color="red" variant="light" role="alert" data-testid="form-error">
              {form.formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" loading={form.busy} data-testid="scenario-submit">
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
