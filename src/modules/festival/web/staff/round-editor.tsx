// A round's settings editor (the national secretariat): year, title, the Jalali window, the axes with their
// categories and rubric (weights total 100 per axis, shown as they are typed), required parts and documents, judges
// per entry and the disagreement threshold. What the round's state locks (`editable`) is shown disabled with a note.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, CloseButton, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { jalaliParts } from '../../../../core/fa/jalali.js';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { decimalOnly } from '../../../../web/components/digits.js';
import { FormSection } from '../../../../web/staff/ui.js';
import type { RoundView } from '../../api-types.js';
import { OPTIONAL_PARTS, PART_TITLES, type OptionalPart } from '../../enums.js';
import { AxisEditor, WholeField } from './axis-editor.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';
import { canChange, defaultRoundForm, freshKey, roundBody, roundFormOf, type AxisForm, type RoundForm } from './round-form.js';
import { API, JalaliInput, Refusal } from './shared.js';

const t = rfa.editor;

/** The Jalali year of today (a new round's default). */
const thisJalaliYear = (): number => jalaliParts(new Date()).year;

function firstFreeYear(from: number, taken: readonly number[]): number {
  let y = from;
  while (taken.includes(y)) y++;
  return y;
}

/** `takenYears`: the years that have a round (a new one starts at the first free year from this one). */
export function RoundEditor({ round, takenYears = [], onCancel, onSaved }: { round: RoundView | null; takenYears?: number[]; onCancel: () => void; onSaved: (r: RoundView) => void }) {
  const [form, setForm] = useState<RoundForm>(() => (round ? roundFormOf(round) : defaultRoundForm(firstFreeYear(thisJalaliYear(), takenYears))));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editable = round?.editable ?? 'all';
  const may = (f: Parameters<typeof canChange>[1]) => canChange(editable, f);
  const put = <K extends keyof RoundForm>(k: K, v: RoundForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setAxis = (i: number, a: AxisForm) => setForm((f) => ({ ...f, axes: f.axes.map((x, k) => (k === i ? a : x)) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const body = roundBody(form, errs);
    setErrors(errs);
    setRefusal(null);
    if (Object.keys(errs).length) {
      setFormError(ffa.common.formErrors);
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      onSaved(round ? await api.put<RoundView>(`${API}/rounds/${round.id}`, { ...body, version: round.version }) : await api.post<RoundView>(`${API}/rounds`, body));
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      if (Object.keys(fe).length) setFormError(Object.values(fe).join(' — '));
      else setRefusal(err);
    } finally {
      setBusy(false);
    }
  }

  const togglePart = (part: OptionalPart, on: boolean) => put('requiredParts', on ? [...form.requiredParts, part] : form.requiredParts.filter((p) => p !== part));

  return (
    <form onSubmit={submit} noValidate data-testid="round-form">
      <Stack gap="lg">
        <div>
          <Title order={2} size="h3">
            {round ? t.editTitle : t.newTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {rfa.page.lockedNote[editable]}
          </Text>
        </div>

        <FormSection title={t.basics}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <WholeField label={t.year} value={form.year} onChange={(v) => put('year', v)} error={errors.year} disabled={!may('year')} testId="round-year" max={4} />
            <TextInput label={t.title} required maxLength={200} value={form.title} onChange={(e) => put('title', e.currentTarget.value)} error={errors.title} disabled={!may('title')} data-testid="round-title" />
            <JalaliInput label={t.opensOn} required value={form.opensOn} onChange={(v) => put('opensOn', v)} error={errors.opensOn} disabled={!may('dates.opensOn')} data-testid="round-opens" />
            <JalaliInput label={t.deadline} description={t.deadlineHint} required value={form.deadline} onChange={(v) => put('deadline', v)} error={errors.deadline} disabled={!may('dates.deadline')} data-testid="round-deadline" />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t.axes} hint={t.axesHint}>
          <Stack gap="md">
            {form.axes.map((a, i) => (
              <AxisEditor
                key={a.key}
                axis={a}
                index={i}
                errors={errors}
                shapeLocked={!may('axes')}
                rubricLocked={!may('rubric')}
                canRemove={form.axes.length > 1}
                onChange={(x) => setAxis(i, x)}
                onRemove={() => put('axes', form.axes.filter((_, k) => k !== i))}
              />
            ))}
            {errors.axes && (
              <Text size="sm" c="red.8" role="alert">
                {errors.axes}
              </Text>
            )}
            {may('axes') && form.axes.length < 6 && (
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                onClick={() => put('axes', [...form.axes, { key: freshKey('axis', form.axes.map((x) => x.key)), title: t.newAxis, categories: [], rubric: [{ key: 'c1', title: '', weight: '100', max: '10' }] }])}
                data-testid="add-axis"
              >
                {t.addAxis}
              </Button>
            )}
          </Stack>
        </FormSection>

        <FormSection title={t.requirements} hint={t.requiredPartsHint}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" data-testid="required-parts">
              {OPTIONAL_PARTS.map((part) => (
                <Checkbox key={part} label={PART_TITLES[part]} checked={form.requiredParts.includes(part)} onChange={(e) => togglePart(part, e.currentTarget.checked)} disabled={!may('requirements')} data-testid={`part-${part}`} />
              ))}
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t.requiredDocuments}
            </Text>
            {form.requiredDocuments.map((d, j) => (
              <Group key={d.key} gap={4} wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={t.documentTitle}
                  placeholder={t.documentTitle}
                  maxLength={150}
                  value={d.title}
                  onChange={(e) => put('requiredDocuments', form.requiredDocuments.map((x, k) => (k === j ? { ...x, title: e.currentTarget.value } : x)))}
                  error={errors[`requiredDocuments.${j}.title`]}
                  disabled={!may('requirements')}
                  style={{ flex: 1 }}
                  data-testid="document-title"
                />
                {may('requirements') && <CloseButton mt={4} aria-label={`${t.removeDocument}: ${d.title}`} onClick={() => put('requiredDocuments', form.requiredDocuments.filter((_, k) => k !== j))} />}
              </Group>
            ))}
            {may('requirements') && form.requiredDocuments.length < 10 && (
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() => put('requiredDocuments', [...form.requiredDocuments, { key: freshKey('doc', form.requiredDocuments.map((x) => x.key)), title: '' }])}
                data-testid="add-document"
              >
                {t.addDocument}
              </Button>
            )}
          </Stack>
        </FormSection>

        <FormSection title={t.judging}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <WholeField label={t.judgesPerEntry} description={t.judgesPerEntryHint} value={form.judgesPerEntry} onChange={(v) => put('judgesPerEntry', v)} error={errors.judgesPerEntry} disabled={!may('judging')} testId="round-judges-per-entry" max={1} />
            <TextInput
              label={t.threshold}
              description={t.thresholdHint}
              inputMode="decimal"
              value={toPersianDigits(form.disagreementThreshold).replace('.', '٫')}
              onChange={(e) => put('disagreementThreshold', decimalOnly(e.currentTarget.value, 2))}
              error={errors.disagreementThreshold}
              disabled={!may('judging')}
              classNames={{ input: 'st-ltr' }}
              data-testid="round-threshold"
            />
          </SimpleGrid>
        </FormSection>

        {formError && (
          <Alert color="red" variant="light" role="alert" data-testid="form-error">
            {formError}
          </Alert>
        )}
        <Refusal err={refusal} onClose={() => setRefusal(null)} />
        <Group>
          <Button type="submit" loading={busy} size="md" data-testid="round-submit">
            {round ? t.save : t.create}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {ffa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
