// One axis of a round's settings: its title, its categories and its judging rubric (criteria with weights and a
// scale), with the running total of the weights, which must reach 100 (said in words and a mark, not colour alone).
// Keys are made here, never typed. Once the round is open only the rubric may change (`rubricOnly`).
import { Button, CloseButton, Fieldset, Grid, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { faNumber } from '../../../../web/format.js';
import { rfa } from './fa-round.js';
import { freshKey, weightTotal, type AxisForm, type CriterionForm } from './round-form.js';

const t = rfa.editor;

/** A whole number typed in Persian or ASCII digits, shown in Persian digits. */
export function WholeField({ label, value, onChange, error, disabled, testId, description, max = 3 }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; disabled?: boolean; testId?: string; description?: string; max?: number }) {
  return (
    <TextInput
      label={label}
      description={description}
      inputMode="numeric"
      value={toPersianDigits(value)}
      onChange={(e) => onChange(onlyDigits(e.currentTarget.value, max))}
      error={error}
      disabled={disabled}
      classNames={{ input: 'st-ltr' }}
      data-testid={testId}
    />
  );
}

/** The running total of an axis's weights: ✓ at exactly 100, ✗ with the sum otherwise. */
export function WeightTotal({ axis, testId }: { axis: AxisForm; testId?: string }) {
  const sum = weightTotal(axis);
  const ok = sum === 100;
  return (
    <Text size="sm" fw={700} c={ok ? 'green.9' : 'red.8'} role="status" aria-live="polite" data-testid={testId ?? 'weight-total'} data-ok={ok}>
      {ok ? `✓ ${t.totalOk(faNumber(sum))}` : `✗ ${t.totalBad(faNumber(sum))}`}
    </Text>
  );
}

function CriterionRow({ c, p, errors, disabled, canRemove, onChange, onRemove }: { c: CriterionForm; p: string; errors: Record<string, string>; disabled: boolean; canRemove: boolean; onChange: (c: CriterionForm) => void; onRemove: () => void }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" className="fs-part" data-testid="criterion">
      <Grid gap="xs" style={{ flex: 1 }}>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label={t.criterionTitle} maxLength={200} value={c.title} onChange={(e) => onChange({ ...c, title: e.currentTarget.value })} error={errors[`${p}.title`]} disabled={disabled} data-testid="criterion-title" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <WholeField label={t.weight} value={c.weight} onChange={(weight) => onChange({ ...c, weight })} error={errors[`${p}.weight`]} disabled={disabled} testId="criterion-weight" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <WholeField label={t.max} value={c.max} onChange={(max) => onChange({ ...c, max })} error={errors[`${p}.max`]} disabled={disabled} testId="criterion-max" />
        </Grid.Col>
      </Grid>
      {!disabled && <CloseButton mt={28} aria-label={`${t.removeCriterion}: ${c.title}`} disabled={!canRemove} onClick={onRemove} />}
    </Group>
  );
}

export function AxisEditor({
  axis,
  index,
  errors,
  shapeLocked,
  rubricLocked,
  canRemove,
  onChange,
  onRemove,
}: {
  axis: AxisForm;
  index: number;
  errors: Record<string, string>;
  /** title and categories may not change (the round is open) */
  shapeLocked: boolean;
  rubricLocked: boolean;
  canRemove: boolean;
  onChange: (a: AxisForm) => void;
  onRemove: () => void;
}) {
  const p = `axes.${index}`;
  const setCat = (j: number, title: string) => onChange({ ...axis, categories: axis.categories.map((x, k) => (k === j ? { ...x, title } : x)) });
  const setCrit = (j: number, c: CriterionForm) => onChange({ ...axis, rubric: axis.rubric.map((x, k) => (k === j ? c : x)) });
  return (
    <Fieldset legend={axis.title || t.axis(faNumber(index + 1))} data-testid={`axis-${axis.key}`}>
      <Stack gap="sm">
        <TextInput label={t.axisTitle} required maxLength={200} value={axis.title} onChange={(e) => onChange({ ...axis, title: e.currentTarget.value })} error={errors[`${p}.title`]} disabled={shapeLocked} data-testid="axis-title" />

        <Text size="sm" fw={500}>
          {t.categories}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {axis.categories.map((cat, j) => (
            <Group key={cat.key} gap={4} wrap="nowrap" align="flex-start">
              <TextInput aria-label={t.categoryTitle} maxLength={150} value={cat.title} onChange={(e) => setCat(j, e.currentTarget.value)} error={errors[`${p}.categories.${j}.title`]} disabled={shapeLocked} style={{ flex: 1 }} data-testid="category-title" />
              {!shapeLocked && <CloseButton mt={4} aria-label={`${t.removeCategory}: ${cat.title}`} onClick={() => onChange({ ...axis, categories: axis.categories.filter((_, k) => k !== j) })} />}
            </Group>
          ))}
        </SimpleGrid>
        {!shapeLocked && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            onClick={() => onChange({ ...axis, categories: [...axis.categories, { key: freshKey('cat', axis.categories.map((x) => x.key)), title: '' }] })}
            data-testid="add-category"
          >
            {t.addCategory}
          </Button>
        )}

        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={500}>
            {t.rubric}
          </Text>
          <WeightTotal axis={axis} />
        </Group>
        <Stack gap="xs">
          {axis.rubric.map((c, j) => (
            <CriterionRow key={c.key} c={c} p={`${p}.rubric.${j}`} errors={errors} disabled={rubricLocked} canRemove={axis.rubric.length > 1} onChange={(x) => setCrit(j, x)} onRemove={() => onChange({ ...axis, rubric: axis.rubric.filter((_, k) => k !== j) })} />
          ))}
        </Stack>
        {errors[`${p}.rubric`] && (
          <Text size="sm" c="red.8" role="alert">
            {errors[`${p}.rubric`]}
          </Text>
        )}
        <Group justify="space-between" wrap="wrap" gap="xs">
          {!rubricLocked && axis.rubric.length < 12 ? (
            <Button variant="subtle" size="xs" onClick={() => onChange({ ...axis, rubric: [...axis.rubric, { key: freshKey('c', axis.rubric.map((x) => x.key)), title: '', weight: '', max: '10' }] })} data-testid="add-criterion">
              {t.addCriterion}
            </Button>
          ) : (
            <span />
          )}
          {!shapeLocked && canRemove && (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove} data-testid="remove-axis">
              {t.removeAxis}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
