import './plan.css';
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Container, Group, NativeSelect, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import type { AllocationView } from '../../api-types.js';
import type { AllocationCreate as AllocationCreateBody } from '../../contract.js';
import { PRIORITY_CRITERIA, PRIORITY_CRITERION_INFO, type PriorityCriterionKey } from '../../enums.js';
import { ahpWeights, matrixFromUpper, MAX_CONSISTENCY_RATIO } from '../../server/priority.js';
import { fp, units } from './fa-plan.js';
import { AreaField, FormSection, NumberField } from './plan-fields.js';
import { actionError, useLandfillViewer } from './shared.js';

const t = fp.allocationCreate;

/** Saaty's scale from «the first is much more important» to «the second is much more important». */
const SAATY: { value: string; n: number; word: string | null; first: boolean }[] = [
  { value: '9', n: 9, word: 'بسیار مهم‌تر', first: true },
  { value: '7', n: 7, word: 'خیلی مهم‌تر', first: true },
  { value: '5', n: 5, word: 'مهم‌تر', first: true },
  { value: '3', n: 3, word: 'کمی مهم‌تر', first: true },
  { value: '1', n: 1, word: null, first: true },
  { value: '1/3', n: 1 / 3, word: 'کمی مهم‌تر', first: false },
  { value: '1/5', n: 1 / 5, word: 'مهم‌تر', first: false },
  { value: '1/7', n: 1 / 7, word: 'خیلی مهم‌تر', first: false },
  { value: '1/9', n: 1 / 9, word: 'بسیار مهم‌تر', first: false },
];
const saatyValue = (v: string | undefined) => SAATY.find((s) => s.value === v)?.n ?? 1;
const title = (k: PriorityCriterionKey) => PRIORITY_CRITERION_INFO[k].title;
const pairKey = (a: PriorityCriterionKey, b: PriorityCriterionKey) => `${a}|${b}`;

/**
 * The options of one pairwise judgement, in words: ««A» بسیار مهم‌تر (از دیگری)» … «برابر» … ««B» بسیار مهم‌تر». The
 * field's label names the pair, so the options stay short enough to be read whole in a closed select on a phone.
 */
function pairOptions(a: PriorityCriterionKey, b: PriorityCriterionKey) {
  return SAATY.map((s) => ({ value: s.value, label: s.word === null ? 'هر دو برابرند' : `«${s.first ? title(a) : title(b)}» ${s.word}` }));
}

/** The judgements above the diagonal: upper[i][k] compares criteria[i] with criteria[i+1+k]. */
export function upperOf(criteria: PriorityCriterionKey[], judgements: Record<string, string>): number[][] {
  return criteria.slice(0, -1).map((a, i) => criteria.slice(i + 1).map((b) => saatyValue(judgements[pairKey(a, b)])));
}

/** The weights and consistency ratio the judgements give now (for the live preview; the server decides). */
function preview(criteria: PriorityCriterionKey[], judgements: Record<string, string>): { weights: number[]; cr: number } | null {
  if (criteria.length < 2) return null;
  try {
    const r = ahpWeights(matrixFromUpper(upperOf(criteria, judgements), criteria.length), { allowInconsistent: true });
    return { weights: r.weights, cr: r.cr };
  } catch {
    return null;
  }
}

/** A small list of bars: label, bar, percent. */
export function WeightBars({ items, testId }: { items: { key: string; label: string; share: number }[]; testId?: string }) {
  return (
    <ul className="lp-bars" data-testid={testId}>
      {items.map((i) => (
        <li key={i.key}>
          <Text size="sm">{i.label}</Text>
          <Progress value={i.share * 100} size="lg" radius="sm" aria-label={`${i.label}: ${units.percent(i.share, 0)}`} />
          <Text size="sm" fw={700} className="lp-num">
            {units.percent(i.share, 0)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * `/app/landfills/allocations/new`: a fund allocation — its area, the budget in million rials and how much each
 * urgency criterion counts, either as direct weights or from pairwise judgements (AHP) whose consistency is shown
 * as they are made. Inconsistent judgements (422 `ahp_inconsistent`) stay on the form to be fixed.
 */
export default function AllocationCreate() {
  usePageTitle(t.title);
  const viewer = useLandfillViewer();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const ahpRef = useRef<HTMLDivElement>(null);

  const [name, setName] = useState('');
  const [divisionId, setDivisionId] = useState('');
  const [budget, setBudget] = useState('');
  const [mode, setMode] = useState<'direct' | 'ahp'>('direct');
  const [direct, setDirect] = useState<Record<PriorityCriterionKey, string>>(() => Object.fromEntries(PRIORITY_CRITERIA.map((k) => [k, '50'])) as Record<PriorityCriterionKey, string>);
  const [chosen, setChosen] = useState<PriorityCriterionKey[]>([...PRIORITY_CRITERIA]);
  const [judgements, setJudgements] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [ahpError, setAhpError] = useState<{ title: string; detail: string | undefined } | null>(null);
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

  const criteria = PRIORITY_CRITERIA.filter((k) => chosen.includes(k));
  const directSum = PRIORITY_CRITERIA.reduce((s, k) => s + (Number(direct[k]) || 0), 0);
  const live = mode === 'ahp' ? preview(criteria, judgements) : null;

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = fp.common.required;
    if (!divisionId) e.divisionId = fp.common.chooseArea;
    if (budget === '') e.budget = fp.common.required;
    if (mode === 'direct') {
      for (const k of PRIORITY_CRITERIA) if (Number(direct[k]) > 100) e[`weights.weights.${k}`] = fp.common.between('۰', '۱۰۰');
      if (directSum <= 0) e.weights = t.weightsRequired;
    } else if (criteria.length < 2) e['weights.criteria'] = t.criteriaRequired;
    return e;
  }

  function body(): AllocationCreateBody {
    return {
      name: name.trim(),
      divisionId: Number(divisionId),
      budget: Number(budget),
      weights:
        mode === 'direct'
          ? { mode: 'direct', weights: Object.fromEntries(PRIORITY_CRITERIA.map((k) => [k, Number(direct[k]) || 0])) }
          : { mode: 'ahp', criteria, upper: upperOf(criteria, judgements) },
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    setAhpError(null);
    setFormError(Object.keys(errs).length ? fp.common.formErrors : null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const created = await api.post<AllocationView>('/api/v1/landfills/allocations', body());
      void qc.invalidateQueries({ queryKey: ['landfills', 'allocations'] });
      qc.setQueryData(['landfills', 'allocation', created.id], created);
      navigate(`/app/landfills/allocations/${created.id}`, { state: { notice: t.created } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ahp_inconsistent') {
        setAhpError({ title: err.title, detail: err.detail });
        setFormError(null);
        setTimeout(() => ahpRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 0);
        return;
      }
      const fe = fieldErrors(err);
      const placed: Record<string, string> = {};
      const rest: string[] = [];
      for (const [path, message] of Object.entries(fe)) {
        if (['name', 'divisionId', 'budget', 'weights', 'weights.criteria'].includes(path) || path.startsWith('weights.weights.')) placed[path] = message;
        else if (path.startsWith('weights.upper')) placed['weights.upper'] ??= message;
        else rest.push(message);
      }
      setErrors(placed);
      setFormError([actionError(err).message, ...rest].join(' — '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="lg">
      <form onSubmit={submit} noValidate data-testid="allocation-form">
        <Stack gap="lg">
          <Anchor component={Link} to="/app/landfills/allocations" size="sm">
            → {t.back}
          </Anchor>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          <Text>{t.intro}</Text>

          <FormSection title={t.basics}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t.allocationName} description={fp.common.nameHint} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-testid="allocation-name" />
              <AreaField value={divisionId} onChange={setDivisionId} error={errors.divisionId} />
              <NumberField
                label={t.budget}
                description={budget ? t.budgetWords(units.mrial(Number(budget))) : t.budgetHint}
                required
                value={budget}
                onChange={setBudget}
                maxDigits={12}
                error={errors.budget}
                testId="budget"
              />
            </SimpleGrid>
          </FormSection>

          <FormSection title={t.weighting}>
            <Stack gap="md">
              <SegmentedControl
                fullWidth
                value={mode}
                onChange={(v) => {
                  setMode(v as 'direct' | 'ahp');
                  setAhpError(null);
                }}
                data={[
                  { value: 'direct', label: t.direct },
                  { value: 'ahp', label: t.ahp },
                ]}
                aria-label={t.weighting}
                data-testid="weight-mode"
              />
              {mode === 'direct' ? (
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {t.directHint}
                  </Text>
                  {errors.weights && (
                    <Text size="sm" c="red.8" role="alert">
                      {errors.weights}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
                    {PRIORITY_CRITERIA.map((k) => {
                      const info = PRIORITY_CRITERION_INFO[k];
                      const w = Number(direct[k]) || 0;
                      return (
                        <Paper key={k} withBorder p="sm" radius="md" data-criterion={k} style={{ display: 'flex', flexDirection: 'column' }}>
                          <Text fw={700}>{info.title}</Text>
                          <Text size="xs" c="dimmed">
                            {info.explain}
                          </Text>
                          <Badge variant="light" color={info.direction === 'benefit' ? 'civic' : 'grape'} size="sm" className="st-badge" mt={4} mb="xs" w="fit-content">
                            {info.direction === 'benefit' ? t.benefit : t.cost}
                          </Badge>
                          <div style={{ flex: 1 }} />
                          <NumberField label={t.weight} value={direct[k]} onChange={(v) => setDirect((d) => ({ ...d, [k]: v }))} maxDigits={3} error={errors[`weights.weights.${k}`]} testId={`weight-${k}`} />
                          <Text size="sm" mt={4} className="lp-num">
                            {t.share(units.percent(directSum > 0 ? w / directSum : 0, 0))}
                          </Text>
                        </Paper>
                      );
                    })}
                  </SimpleGrid>
                </Stack>
              ) : (
                <Stack gap="md" ref={ahpRef}>
                  <Text size="sm" c="dimmed">
                    {t.ahpHint}
                  </Text>
                  {ahpError && (
                    <Alert color="red" variant="light" title={ahpError.title} role="alert" data-testid="ahp-inconsistent" styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}>
                      <Text size="sm" fw={700} c="red.9">
                        {t.inconsistentTitle}
                      </Text>
                      {ahpError.detail && <Text size="sm">{ahpError.detail}</Text>}
                    </Alert>
                  )}
                  <Checkbox.Group label={t.chooseCriteria} value={chosen} onChange={(v) => setChosen(v as PriorityCriterionKey[])} error={errors['weights.criteria']}>
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
                      {PRIORITY_CRITERIA.map((k) => (
                        <Checkbox key={k} value={k} label={title(k)} description={PRIORITY_CRITERION_INFO[k].explain} data-testid={`criterion-${k}`} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                  {criteria.length >= 2 && (
                    <Stack gap="sm">
                      <Text fw={700}>{t.pairs}</Text>
                      {errors['weights.upper'] && (
                        <Text size="sm" c="red.8" role="alert">
                          {errors['weights.upper']}
                        </Text>
                      )}
                      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                        {criteria.flatMap((a, i) =>
                          criteria.slice(i + 1).map((b) => (
                            <NativeSelect
                              key={pairKey(a, b)}
                              label={t.pairLabel(title(a), title(b))}
                              value={judgements[pairKey(a, b)] ?? '1'}
                              onChange={(e) => {
                                const v = e.currentTarget.value;
                                setJudgements((j) => ({ ...j, [pairKey(a, b)]: v }));
                              }}
                              data={pairOptions(a, b)}
                              data-testid={`pair-${a}-${b}`}
                            />
                          )),
                        )}
                      </SimpleGrid>
                      {live && (
                        <Paper withBorder p="sm" radius="md" data-testid="ahp-preview">
                          <Group gap="sm" mb="sm" wrap="wrap">
                            <Text size="sm">
                              {t.consistency}: <b className="lp-num">{faNumber(live.cr, 3)}</b>
                            </Text>
                            <Badge color={live.cr < MAX_CONSISTENCY_RATIO ? 'green' : 'red'} variant="light" className="st-badge" data-testid="ahp-cr">
                              {live.cr < MAX_CONSISTENCY_RATIO ? t.consistent : t.inconsistent}
                            </Badge>
                          </Group>
                          <Text size="sm" fw={700} mb={4}>
                            {t.derived}
                          </Text>
                          <WeightBars items={criteria.map((k, i) => ({ key: k, label: title(k), share: live.weights[i] ?? 0 }))} />
                        </Paper>
                      )}
                    </Stack>
                  )}
                </Stack>
              )}
            </Stack>
          </FormSection>

          {formError && (
            <Alert color="red" variant="light" role="alert" data-testid="form-error">
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" loading={busy} data-testid="allocation-submit">
              {t.submit}
            </Button>
            <Button component={Link} to="/app/landfills/allocations" variant="subtle">
              {fp.common.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
