import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { parseJalaliDate } from '../../../../core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import {
  CONSCRIPTION_STATUSES,
  CONSCRIPTION_TITLES,
  CRITERION_KINDS,
  CRITERION_TITLES,
  EDUCATION_LEVELS,
  EDUCATION_TITLES,
  PRIORITY_TITLES,
  RESIDENCE_SCOPES,
  RESIDENCE_TITLES,
  type ConscriptionStatus,
  type CriterionKind,
  type EducationLevel,
  type ResidenceScope,
} from '../../enums.js';
import type { CallView } from '../../api-types.js';
import type { ScoringCriterion } from '../../contract.js';
import { afa } from './fa.js';
import { decimalOnly, onlyDigits } from '../../../../web/components/digits.js';
import { FormSection, QueryStatus, useProvinces } from '../../../../web/staff/ui.js';
import { faNum } from '../format.js';
import { useViewer } from './shared.js';

const PRIORITY_SHARE_GROUPS = ['martyr_family', 'veteran', 'freed_pow', 'relief_supported'] as const;
type PriorityShareGroup = (typeof PRIORITY_SHARE_GROUPS)[number];

const faDecimal = (s: string) => toPersianDigits(s).replace('.', '٫');
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface CriterionForm {
  on: boolean;
  weight: string;
  countyShare: string;
  eduShares: Record<EducationLevel, string>;
  fields: string;
  groupShares: Record<PriorityShareGroup, string>;
}

// The starting values: the example criteria and rules of the regulation (the same as the server's defaults).
const START_CRITERIA: Record<CriterionKind, CriterionForm> = (() => {
  const base: Omit<CriterionForm, 'on' | 'weight'> = {
    countyShare: '0.5',
    eduShares: { below_diploma: '0', diploma: '0.4', associate: '0.7', bachelor: '1', master: '1', doctorate: '1' },
    fields: ['آتش‌نشانی', 'آتش‌نشانی و خدمات ایمنی', 'ایمنی صنعتی', 'مهندسی ایمنی', 'بهداشت حرفه‌ای', 'امداد و نجات', 'فوریت‌های پزشکی', 'مدیریت بحران'].join('\n'),
    groupShares: { martyr_family: '1', veteran: '0.8', freed_pow: '0.8', relief_supported: '0.6' },
  };
  const weights: Record<CriterionKind, string> = { native: '30', education: '15', field_relevance: '15', deprived_area: '10', priority_group: '20', married: '10' };
  return Object.fromEntries(CRITERION_KINDS.map((k) => [k, { ...base, on: true, weight: weights[k] }])) as Record<CriterionKind, CriterionForm>;
})();

function DateField({ label, value, onChange, error, description, testId }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; description?: string; testId: string }) {
  return (
    <TextInput
      label={label}
      required
      placeholder={afa.common.dateHint}
      description={description}
      value={toPersianDigits(value)}
      onChange={(e) => onChange(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
      error={error}
      classNames={{ input: 'st-ltr' }}
      inputMode="numeric"
      data-testid={testId}
    />
  );
}

function NumberField({ label, value, onChange, error, description, max = 7, testId, required }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; description?: string; max?: number; testId?: string; required?: boolean }) {
  return (
    <TextInput
      label={label}
      required={required}
      description={description}
      value={toPersianDigits(value)}
      onChange={(e) => onChange(onlyDigits(e.currentTarget.value, max))}
      error={error}
      classNames={{ input: 'st-ltr' }}
      inputMode="numeric"
      data-testid={testId}
    />
  );
}

function ShareField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return <TextInput label={label} value={faDecimal(value)} onChange={(e) => onChange(decimalOnly(e.currentTarget.value))} error={error} classNames={{ input: 'st-ltr' }} inputMode="decimal" />;
}


/**
 * `/app/amriyeh/calls/new` (the Deputy for Dehyari Affairs): a new call as a draft — period, national and provincial
 * quotas, the published eligibility rules and the weighted scoring criteria.
 */
export default function CallCreate() {
  usePageTitle(afa.create.title);
  const viewer = useViewer();
  const provinces = useProvinces();
  const navigate = useNavigate();
  const qc = useQueryClient();

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [referenceDate, setReferenceDate] = useState('');
  const [nationalQuota, setNationalQuota] = useState('');
  const [quotas, setQuotas] = useState<Record<number, string>>({});
  const [minEducation, setMinEducation] = useState<EducationLevel | ''>('diploma');
  const [acceptedFields, setAcceptedFields] = useState('');
  const [minAge, setMinAge] = useState('18');
  const [maxAge, setMaxAge] = useState('30');
  const [residence, setResidence] = useState<ResidenceScope>('county');
  const [conscription, setConscription] = useState<ConscriptionStatus[]>(['eligible', 'ready_to_serve']);
  const [criteria, setCriteria] = useState(START_CRITERIA);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!viewer.national) {
    return (
      <Container size="sm">
        <Alert color="red" variant="light" role="alert">
          {afa.create.notAllowed}
        </Alert>
      </Container>
    );
  }

  const setCrit = (k: CriterionKind, patch: Partial<CriterionForm>) => setCriteria((c) => ({ ...c, [k]: { ...c[k], ...patch } }));
  const quotaSum = Object.values(quotas).reduce((s, v) => s + (Number(v) || 0), 0);
  const maxScore = CRITERION_KINDS.filter((k) => criteria[k].on).reduce((s, k) => s + (Number(criteria[k].weight) || 0), 0);

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = afa.common.required;
    for (const [k, v] of [
      ['startsOn', startsOn],
      ['endsOn', endsOn],
      ['referenceDate', referenceDate],
    ] as const) {
      if (!v.trim()) e[k] = afa.common.required;
      else if (!parseJalaliDate(v)) e[k] = afa.common.dateInvalid;
    }
    const s = parseJalaliDate(startsOn);
    const en = parseJalaliDate(endsOn);
    if (s && en && s.getTime() > en.getTime()) e.endsOn = 'پایان ثبت‌نام پیش از آغاز آن است.';
    if (!nationalQuota) e.nationalQuota = afa.common.required;
    else if (quotaSum > Number(nationalQuota)) e.provinceQuotas = afa.create.quotaOver;
    if (minAge && maxAge && Number(minAge) > Number(maxAge)) e['rules.maxAge'] = afa.create.ageOrder;
    if (conscription.length === 0) e['rules.conscriptionStatuses'] = afa.create.conscriptionRequired;
    for (const k of CRITERION_KINDS) {
      const c = criteria[k];
      if (!c.on) continue;
      const w = Number(c.weight);
      if (c.weight === '' || !(w >= 0 && w <= 1000)) e[`criteria.${k}.weight`] = afa.create.weightInvalid;
      const shares: [string, string][] =
        k === 'native' ? [['countyShare', c.countyShare]] : k === 'education' ? Object.entries(c.eduShares) : k === 'priority_group' ? Object.entries(c.groupShares) : [];
      for (const [name, v] of shares) {
        const n = Number(v);
        if (v !== '' && !(n >= 0 && n <= 1)) e[`criteria.${k}.${name}`] = afa.create.shareInvalid;
      }
    }
    return e;
  }

  function buildCriteria(): ScoringCriterion[] {
    const out: ScoringCriterion[] = [];
    const shares = <K extends string>(r: Record<K, string>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])) as Partial<Record<K, number>>;
    for (const k of CRITERION_KINDS) {
      const c = criteria[k];
      if (!c.on) continue;
      const weight = Number(c.weight);
      if (k === 'native') out.push({ kind: 'native', weight, countyShare: c.countyShare === '' ? 0.5 : Number(c.countyShare) });
      else if (k === 'education') out.push({ kind: 'education', weight, shares: shares(c.eduShares) });
      else if (k === 'field_relevance') out.push({ kind: 'field_relevance', weight, fields: lines(c.fields) });
      else if (k === 'priority_group') out.push({ kind: 'priority_group', weight, shares: shares(c.groupShares) });
      else out.push({ kind: k, weight });
    }
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    setFormError(Object.keys(errs).length ? afa.common.formErrors : null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const created = await api.post<CallView>('/api/v1/amriyeh/calls', {
        title: title.trim(),
        description: description.trim(),
        startsOn,
        endsOn,
        referenceDate,
        nationalQuota: Number(nationalQuota),
        provinceQuotas: Object.entries(quotas)
          .filter(([, v]) => v !== '')
          .map(([id, v]) => ({ provinceId: Number(id), quota: Number(v) })),
        rules: {
          minEducation: minEducation || null,
          acceptedFields: lines(acceptedFields),
          minAge: minAge === '' ? null : Number(minAge),
          maxAge: maxAge === '' ? null : Number(maxAge),
          residence,
          conscriptionStatuses: conscription,
        },
        criteria: buildCriteria(),
      });
      void qc.invalidateQueries({ queryKey: ['amriyeh', 'calls'] });
      navigate(`/app/amriyeh/calls/${created.id}`, { state: { notice: afa.create.created } });
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      const unmapped = Object.entries(fe).filter(([k]) => !['title', 'startsOn', 'endsOn', 'referenceDate', 'nationalQuota', 'provinceQuotas', 'rules.maxAge', 'rules.minAge', 'rules.conscriptionStatuses', 'criteria'].includes(k));
      setFormError([err instanceof Error ? err.message : afa.common.formErrors, ...unmapped.map(([, m]) => m)].join(' — '));
    } finally {
      setBusy(false);
    }
  }

  const critError = (k: CriterionKind, name: string) => errors[`criteria.${k}.${name}`];

  return (
    <Container size="lg">
      <form onSubmit={submit} noValidate data-testid="call-form">
        <Stack gap="lg">
          <Anchor component={Link} to="/app/amriyeh" size="sm">
            → {afa.create.back}
          </Anchor>
          <Title order={1} size="h2">
            {afa.create.title}
          </Title>
          <Text>{afa.create.intro}</Text>

          <FormSection title={afa.create.basics}>
            <Stack gap="sm">
              <TextInput label={afa.create.callTitle} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} data-testid="call-title" />
              <Textarea label={afa.create.description} autosize minRows={3} maxRows={10} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                <DateField label={afa.create.startsOn} value={startsOn} onChange={setStartsOn} error={errors.startsOn} testId="starts-on" />
                <DateField label={afa.create.endsOn} value={endsOn} onChange={setEndsOn} error={errors.endsOn} testId="ends-on" />
                <DateField label={afa.create.referenceDate} description={afa.create.referenceHint} value={referenceDate} onChange={setReferenceDate} error={errors.referenceDate} testId="reference-date" />
                <NumberField label={afa.create.nationalQuota} required value={nationalQuota} onChange={setNationalQuota} error={errors.nationalQuota} testId="national-quota" />
              </SimpleGrid>
            </Stack>
          </FormSection>

          <FormSection title={afa.create.quotas} hint={afa.create.quotasHint}>
            {provinces.isPending || provinces.isError ? (
              <QueryStatus query={provinces} />
            ) : (
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
                  {provinces.data.map((p) => (
                    <NumberField key={p.id} label={p.name} value={quotas[p.id] ?? ''} onChange={(v) => setQuotas((q) => ({ ...q, [p.id]: v }))} testId={`quota-${p.id}`} />
                  ))}
                </SimpleGrid>
                <Text size="sm" fw={700} c={errors.provinceQuotas ? 'red.8' : undefined} data-testid="quota-sum">
                  {afa.create.quotaSum(faNum(quotaSum), nationalQuota ? faNum(Number(nationalQuota)) : afa.common.none)}
                </Text>
                {errors.provinceQuotas && (
                  <Text size="sm" c="red.8" role="alert">
                    {errors.provinceQuotas}
                  </Text>
                )}
              </Stack>
            )}
          </FormSection>

          <FormSection title={afa.create.rules}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                <NativeSelect
                  label={afa.create.minEducation}
                  value={minEducation}
                  onChange={(e) => setMinEducation(e.currentTarget.value as EducationLevel | '')}
                  data={[{ value: '', label: afa.create.noMinimum }, ...EDUCATION_LEVELS.map((l) => ({ value: l, label: EDUCATION_TITLES[l] }))]}
                />
                <NumberField label={afa.create.minAge} description={afa.create.ageHint} value={minAge} onChange={setMinAge} max={3} error={errors['rules.minAge']} />
                <NumberField label={afa.create.maxAge} description={afa.create.ageHint} value={maxAge} onChange={setMaxAge} max={3} error={errors['rules.maxAge']} />
                <NativeSelect
                  label={afa.create.residence}
                  value={residence}
                  onChange={(e) => setResidence(e.currentTarget.value as ResidenceScope)}
                  data={RESIDENCE_SCOPES.map((r) => ({ value: r, label: RESIDENCE_TITLES[r] }))}
                />
              </SimpleGrid>
              <Textarea label={afa.create.acceptedFields} description={afa.create.acceptedFieldsHint} autosize minRows={2} maxRows={8} value={acceptedFields} onChange={(e) => setAcceptedFields(e.currentTarget.value)} error={errors['rules.acceptedFields']} />
              <Checkbox.Group label={afa.create.conscription} value={conscription} onChange={(v) => setConscription(v as ConscriptionStatus[])} error={errors['rules.conscriptionStatuses']} required>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
                  {CONSCRIPTION_STATUSES.map((s) => (
                    <Checkbox key={s} value={s} label={CONSCRIPTION_TITLES[s]} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </FormSection>

          <FormSection title={afa.create.criteria} hint={afa.create.criteriaHint}>
            <Stack gap="md">
              {errors.criteria && (
                <Text size="sm" c="red.8" role="alert">
                  {errors.criteria}
                </Text>
              )}
              {CRITERION_KINDS.map((k) => {
                const c = criteria[k];
                return (
                  <Fieldset key={k} legend={CRITERION_TITLES[k]} data-criterion={k}>
                    <Stack gap="sm">
                      <Group gap="md" align="flex-end" wrap="wrap">
                        <Checkbox label={afa.create.include} checked={c.on} onChange={(e) => setCrit(k, { on: e.currentTarget.checked })} />
                        {c.on && <NumberField label={afa.create.weight} value={c.weight} onChange={(v) => setCrit(k, { weight: v })} max={4} error={critError(k, 'weight')} />}
                      </Group>
                      {c.on && k === 'native' && (
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                          <ShareField label={afa.create.countyShare} value={c.countyShare} onChange={(v) => setCrit(k, { countyShare: v })} error={critError(k, 'countyShare')} />
                        </SimpleGrid>
                      )}
                      {c.on && k === 'education' && (
                        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
                          {EDUCATION_LEVELS.map((l) => (
                            <ShareField key={l} label={afa.create.shareOf(EDUCATION_TITLES[l])} value={c.eduShares[l]} onChange={(v) => setCrit(k, { eduShares: { ...c.eduShares, [l]: v } })} error={critError(k, l)} />
                          ))}
                        </SimpleGrid>
                      )}
                      {c.on && k === 'field_relevance' && (
                        <Textarea label={afa.create.fields} description={afa.create.fieldsHint} autosize minRows={3} maxRows={10} value={c.fields} onChange={(e) => setCrit(k, { fields: e.currentTarget.value })} />
                      )}
                      {c.on && k === 'priority_group' && (
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                          {PRIORITY_SHARE_GROUPS.map((g) => (
                            <ShareField key={g} label={afa.create.shareOf(PRIORITY_TITLES[g])} value={c.groupShares[g]} onChange={(v) => setCrit(k, { groupShares: { ...c.groupShares, [g]: v } })} error={critError(k, g)} />
                          ))}
                        </SimpleGrid>
                      )}
                    </Stack>
                  </Fieldset>
                );
              })}
              <Text fw={700} data-testid="max-score">
                {afa.create.maxScore(faNum(maxScore))}
              </Text>
            </Stack>
          </FormSection>

          {formError && (
            <Alert color="red" variant="light" role="alert" data-testid="form-error">
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} size="md" data-testid="create-call">
              {afa.create.submit}
            </Button>
            <Button component={Link} to="/app/amriyeh" variant="subtle">
              {afa.common.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
