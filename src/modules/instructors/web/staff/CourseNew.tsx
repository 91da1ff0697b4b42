import { useState, type FormEvent } from 'react';
import { Anchor, Button, Container, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { parseJalaliDate } from '../../../../core/fa/jalali.js';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, errorMessage, fieldErrors } from '../../../../web/api.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { FormSection, Notice, useProvinces } from '../../../../web/staff/ui.js';
import type { CourseView } from '../../api-types.js';
import type { CourseCreate } from '../../contract.js';
import { COURSE_MODE_TITLES, COURSE_MODES, type CourseMode } from '../../enums.js';
import { cfa } from './fa-courses.js';
import { ifa } from './fa.js';
import { API, BASE, JalaliInput, todayJalali, useFields, useInstViewer } from './shared.js';

const t = cfa.form;

interface Form {
  title: string;
  field: string;
  provinceId: string;
  mode: CourseMode;
  place: string;
  startsOn: string;
  endsOn: string;
  hours: string;
  trainees: string;
  description: string;
}

const inRange = (raw: string, min: number, max: number) => {
  const n = Number(raw);
  return raw !== '' && Number.isInteger(n) && n >= min && n <= max;
};

/**
 * `/app/instructors/courses/new`: a new course — title, field, province (a national organizer chooses it, or none for
 * a national online course; a province organizer's is fixed), mode, place, Jalali dates, hours, trainees and
 * description. Saved, it opens the course page to assign instructors.
 */
export default function CourseNew() {
  usePageTitle(t.title);
  const viewer = useInstViewer();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const fields = useFields();
  const provinces = useProvinces(!viewer.courseProvince);
  const [f, setF] = useState<Form>({ title: '', field: '', provinceId: '', mode: 'in_person', place: '', startsOn: todayJalali(), endsOn: todayJalali(), hours: '', trainees: '', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!f.title.trim()) found.title = ifa.common.required;
    if (!f.field) found.field = ifa.common.required;
    const provinceId = viewer.courseProvince ? viewer.courseProvince.id : f.provinceId ? Number(f.provinceId) : null;
    if (f.mode === 'in_person' && provinceId === null) found.provinceId = ifa.common.required;
    const starts = parseJalaliDate(f.startsOn);
    const ends = parseJalaliDate(f.endsOn);
    if (!starts) found.startsOn = ifa.common.dateInvalid;
    if (!ends) found.endsOn = ifa.common.dateInvalid;
    if (starts && ends && ends < starts) found.endsOn = t.endBeforeStart;
    if (!inRange(f.hours, 1, 500)) found.hours = t.numberRange('۱', '۵۰۰');
    if (!inRange(f.trainees, 1, 500)) found.trainees = t.numberRange('۱', '۵۰۰');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(ifa.common.formErrors);
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      const body: CourseCreate = {
        title: f.title.trim(),
        field: f.field,
        provinceId,
        mode: f.mode,
        place: f.place.trim(),
        startsOn: f.startsOn,
        endsOn: f.endsOn,
        hours: Number(f.hours),
        trainees: Number(f.trainees),
        description: f.description.trim(),
      };
      const created = await api.post<CourseView>(`${API}/courses`, body);
      void qc.invalidateQueries({ queryKey: ['instructors', `${API}/courses`] });
      navigate(`${BASE}/courses/${created.id}`, { state: { notice: t.created } });
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="md">
      <form onSubmit={submit} noValidate aria-labelledby="course-new-title">
        <Stack gap="lg">
          <Anchor component={Link} to={`${BASE}/courses`} size="sm">
            → {ifa.common.back}
          </Anchor>
          <div>
            <Title order={1} size="h2" id="course-new-title">
              {t.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t.hint}
            </Text>
          </div>
          <FormSection title={cfa.page.facts}>
            <Stack gap="sm">
              <TextInput label={t.courseTitle} required maxLength={200} value={f.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} data-testid="course-title" />
              <NativeSelect
                label={t.field}
                required
                value={f.field}
                onChange={(e) => set({ field: e.currentTarget.value })}
                data={[{ value: '', label: ifa.common.choose }, ...(fields.data ?? []).filter((x) => x.active).map((x) => ({ value: x.key, label: x.title }))]}
                error={errors.field}
                data-testid="course-field"
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="course-mode">
                  {t.mode}
                </Text>
                <SegmentedControl value={f.mode} onChange={(v) => set({ mode: v as CourseMode })} data={COURSE_MODES.map((m) => ({ value: m, label: COURSE_MODE_TITLES[m] }))} aria-labelledby="course-mode" data-testid="course-mode" />
              </div>
              {viewer.courseProvince ? (
                <Text size="sm" data-testid="course-province-fixed">
                  {t.provinceFixed(viewer.courseProvince.name)}
                </Text>
              ) : (
                <NativeSelect
                  label={f.mode === 'online' ? t.provinceOnline : t.province}
                  required={f.mode === 'in_person'}
                  value={f.provinceId}
                  onChange={(e) => set({ provinceId: e.currentTarget.value })}
                  data={[{ value: '', label: f.mode === 'online' ? t.nationalOnline : ifa.common.choose }, ...(provinces.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
                  error={errors.provinceId}
                  data-testid="course-province"
                />
              )}
              <TextInput label={t.place} description={f.mode === 'online' ? t.placeHintOnline : undefined} maxLength={300} value={f.place} onChange={(e) => set({ place: e.currentTarget.value })} error={errors.place} data-testid="course-place" />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <JalaliInput label={t.startsOn} required value={f.startsOn} onChange={(v) => set({ startsOn: v })} error={errors.startsOn} data-testid="course-starts" />
                <JalaliInput label={t.endsOn} required value={f.endsOn} onChange={(v) => set({ endsOn: v })} error={errors.endsOn} data-testid="course-ends" />
                <TextInput label={t.hours} required inputMode="numeric" value={toPersianDigits(f.hours)} onChange={(e) => set({ hours: onlyDigits(e.currentTarget.value, 3) })} error={errors.hours} classNames={{ input: 'st-ltr' }} data-testid="course-hours" />
                <TextInput label={t.trainees} required inputMode="numeric" value={toPersianDigits(f.trainees)} onChange={(e) => set({ trainees: onlyDigits(e.currentTarget.value, 3) })} error={errors.trainees} classNames={{ input: 'st-ltr' }} data-testid="course-trainees" />
              </SimpleGrid>
              <Textarea label={t.description} autosize minRows={3} maxRows={10} maxLength={2000} value={f.description} onChange={(e) => set({ description: e.currentTarget.value })} error={errors.description} data-testid="course-description" />
            </Stack>
          </FormSection>
          <Notice tone="error" onClose={() => setFormError(null)}>
            {formError}
          </Notice>
          <Group>
            <Button type="submit" loading={busy} data-testid="course-submit">
              {t.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
