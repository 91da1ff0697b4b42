import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Container, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { EmptyCard, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { FieldView } from '../../api-types.js';
import type { FieldInput } from '../../contract.js';
import { kfa } from './fa-criteria.js';
import { ifa } from './fa.js';
import { API, InstHeader, useFields, useInstViewer } from './shared.js';

const t = kfa.fields;

/** A key for a new field: a Latin identifier the API needs and nobody has to see or type. */
function freshKey(taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`field_${n}`)) return `field_${n}`;
}

/** One field's form (a new one gets a fresh key). */
function FieldForm({ field, taken, onSaved, onCancel }: { field: FieldView | null; taken: string[]; onSaved: (f: FieldView) => void; onCancel: () => void }) {
  const [key] = useState(field?.key ?? freshKey(taken));
  const [title, setTitle] = useState(field?.title ?? '');
  const [related, setRelated] = useState((field?.relatedStudies ?? []).join('\n'));
  const [active, setActive] = useState(field?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = ifa.common.required;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body: FieldInput = {
        key,
        title: title.trim(),
        relatedStudies: related.split('\n').map((s) => s.trim()).filter(Boolean),
        active,
      };
      onSaved(await api.put<FieldView>(`${API}/fields/${encodeURIComponent(key)}`, body));
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label={field ? field.title : t.add} data-testid="field-form">
      <Stack gap="sm">
        <TextInput label={t.fieldTitle} required maxLength={120} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} data-testid="field-title" />
        <Textarea label={t.related} description={t.relatedHint} autosize minRows={3} maxRows={12} value={related} onChange={(e) => setRelated(e.currentTarget.value)} error={errors.relatedStudies} data-testid="field-related" />
        <Checkbox label={t.active} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="field-active" />
        <Notice tone="error" onClose={() => setFormError(null)}>
          {formError}
        </Notice>
        <Group gap="xs">
          <Button type="submit" loading={busy} data-testid="field-save">
            {ifa.common.save}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {ifa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * `/app/instructors/fields`: the organization's training taxonomy — each field with its related studies (which make
 * «ارتباط رشته تحصیلی») and whether instructors may still choose it; editable by those who hold `instructors.criteria`.
 */
export default function Fields() {
  usePageTitle(t.title);
  const viewer = useInstViewer();
  const qc = useQueryClient();
  const fields = useFields();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function saved(f: FieldView) {
    qc.setQueryData<FieldView[]>(['instructors', 'fields'], (old) => (old?.some((x) => x.key === f.key) ? old.map((x) => (x.key === f.key ? f : x)) : [...(old ?? []), f]));
    void qc.invalidateQueries({ queryKey: ['instructors', 'fields'] });
    setEditing(null);
    setNotice(t.saved(f.title));
  }

  return (
    <Container size="lg">
      <Stack gap="lg">
        <InstHeader title={t.title} />
        <Text>{t.intro}</Text>
        {!viewer.criteria && (
          <Text size="sm" c="dimmed">
            {t.readOnly}
          </Text>
        )}
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        {viewer.criteria && editing !== '' && (
          <Group>
            <Button onClick={() => setEditing('')} data-testid="field-new">
              {t.add}
            </Button>
          </Group>
        )}
        {editing === '' && <FieldForm field={null} taken={(fields.data ?? []).map((f) => f.key)} onSaved={saved} onCancel={() => setEditing(null)} />}
        {fields.isPending || fields.isError ? (
          <QueryStatus query={fields} />
        ) : fields.data.length === 0 ? (
          <EmptyCard>{t.empty}</EmptyCard>
        ) : (
          <Stack gap="sm" component="ul" className="in-plain" data-testid="fields">
            {fields.data.map((f) =>
              editing === f.key ? (
                <li key={f.key}>
                  <FieldForm field={f} taken={[]} onSaved={saved} onCancel={() => setEditing(null)} />
                </li>
              ) : (
                <Paper key={f.key} withBorder p="sm" radius="md" component="li" data-testid="field-row" data-key={f.key}>
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Group gap="xs" wrap="wrap">
                        <Title order={2} size="h5">
                          {f.title}
                        </Title>
                        {!f.active && (
                          <Badge color="gray" c="gray.8" variant="light" size="sm" className="st-badge">
                            {t.inactive}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t.relatedCount(faNumber(f.relatedStudies.length))}
                      </Text>
                      {f.relatedStudies.length > 0 && <Text size="sm">{f.relatedStudies.join('، ')}</Text>}
                    </div>
                    {viewer.criteria && (
                      <Button size="xs" variant="light" style={{ flex: 'none' }} onClick={() => setEditing(f.key)} aria-label={`${t.edit} — ${f.title}`} data-testid="field-edit">
                        {t.edit}
                      </Button>
                    )}
                  </Group>
                </Paper>
              ),
            )}
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
