import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorMessage, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { EntityView, EvaluationPart, RuleSetView, SheetView } from '../../api-types.js';
import type { Indicator } from '../../contract.js';
import { SUBJECTS, type Subject } from '../../enums.js';
import { evaluate } from '../../server/rules.js';
import { gfa } from './fa.js';
import { DocumentLinks, EvaluationSummary, IndicatorDocuments, IndicatorValueInput, toInput, valueError, valuesOf } from './indicator-parts.js';
import { ruleSetLike, useMyEntities, useRuleSet, useSheets, yearText } from './shared.js';

const t = gfa.sheet;

interface Target {
  subject: Subject;
  divisionId: number;
  year: number;
}

/** The row of one indicator: what it is, its value, its documents, and the points it earns now. */
function IndicatorRow({
  ind,
  part,
  raw,
  onValue,
  error,
  docError,
  sheet,
  locked,
  onDocs,
  hasDocs,
}: {
  hasDocs: boolean;
  ind: Indicator;
  part: EvaluationPart | undefined;
  raw: string;
  onValue: (key: string, raw: string) => void;
  error: string | undefined;
  docError: string | undefined;
  sheet: SheetView | null;
  locked: boolean;
  onDocs: (key: string, ids: string[], busy: boolean) => void;
}) {
  const noEvidence = ind.required && !!ind.evidence && !hasDocs;
  const state = error || part?.outOfRange ? 'error' : part?.missing || (raw && noEvidence) ? 'missing' : raw ? 'ok' : 'empty';
  return (
    <Paper withBorder p="md" radius="md" className="gr-indicator" data-state={state} data-field={`values.${ind.key}`} data-testid={`indicator-${ind.key}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              {ind.title}
              {!ind.required && (
                <Text span size="sm" c="dimmed" fw={400}>
                  {' '}
                  {t.optional}
                </Text>
              )}
            </Title>
            {ind.evidence && (
              <Text size="xs" c="dimmed">
                {t.evidence(ind.evidence)}
              </Text>
            )}
          </div>
          <Badge variant="light" color={part && part.points > 0 ? 'green' : 'gray'} size="lg" style={{ flex: 'none' }} data-testid="points">
            {gfa.common.pointsOf(faNumber(part?.points ?? 0, 2), faNumber(part?.maxPoints ?? 0, 2))}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {locked ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t.value}
              </Text>
              <Text size="sm" fw={700} data-testid={`value-${ind.key}`}>
                {part?.valueText ?? gfa.common.none}
              </Text>
            </Stack>
          ) : (
            <IndicatorValueInput ind={ind} value={raw} onChange={(v) => onValue(ind.key, v)} error={error} testId={`value-${ind.key}`} />
          )}
          {locked ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t.documents}
              </Text>
              <DocumentLinks docs={sheet?.documents[ind.key]} />
            </Stack>
          ) : (
            <IndicatorDocuments indicatorKey={ind.key} title={ind.title} existing={sheet?.documents[ind.key] ?? []} onChange={onDocs} error={docError} />
          )}
        </SimpleGrid>
        {part && !part.missing && raw && (
          <Text size="xs" c={part.outOfRange ? 'red.8' : 'dimmed'} data-testid="rule">
            {part.valueText} — {t.rule}: {part.rule}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The form of one sheet (new or saved) under the rule set in effect, with the live evaluation beside it. */
function SheetForm({ sheet, rules, target, entity, notice: firstNotice }: { sheet: SheetView | null; rules: RuleSetView; target: Target; entity: EntityView | undefined; notice: string | null }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const indicators = rules.definition.indicators;
  const [raw, setRaw] = useState<Record<string, string>>(() => Object.fromEntries(indicators.map((i) => [i.key, toInput(sheet?.values[i.key])])));
  const [docs, setDocs] = useState<Record<string, { ids: string[]; busy: boolean }>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(firstNotice);
  const [busy, setBusy] = useState(false);
  const locked = sheet?.locked ?? false;

  const live = useMemo(() => evaluate(ruleSetLike(rules), valuesOf(indicators, raw)), [rules, indicators, raw]);
  const parts = new Map(live.parts.map((p) => [p.key, p]));
  const onDocs = useCallback((key: string, ids: string[], uploading: boolean) => setDocs((d) => ({ ...d, [key]: { ids, busy: uploading } })), []);
  const onValue = (key: string, v: string) => {
    setRaw((r) => ({ ...r, [key]: v }));
    setNotice(null);
    setErrors(({ [`values.${key}`]: _, ...rest }) => rest);
  };
  const uploading = Object.values(docs).some((d) => d.busy);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const ind of indicators) {
      const err = valueError(ind, raw[ind.key] ?? '');
      // A sheet may be saved unfinished: a required value still empty is a warning (the live grade), not an error.
      if (err && err !== gfa.common.required) found[`values.${ind.key}`] = err;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(gfa.common.formErrors);
      return;
    }
    if (uploading) {
      setFormError(t.waitUploads);
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      const body = {
        ...target,
        values: valuesOf(indicators, raw),
        documents: Object.fromEntries(indicators.map((i) => [i.key, docs[i.key]?.ids ?? (sheet?.documents[i.key] ?? []).map((d) => d.id)])),
      };
      const saved = await api.put<SheetView>('/api/v1/grading/sheets', body);
      qc.setQueryData(['grading', 'sheet', String(saved.id)], saved);
      void qc.invalidateQueries({ queryKey: ['grading', 'sheets'] });
      void qc.invalidateQueries({ queryKey: ['grading', 'entities'] });
      setNotice(t.saved);
      if (!sheet || sheet.id !== saved.id) navigate(`/app/grading/sheets/${saved.id}`, { replace: true, state: { notice: t.saved } });
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const canUpgrade = !!sheet && !!entity && !entity.openRequestId && !(entity.subject === 'dehyari' && entity.nextReviewFrom) && sheet.evaluation.grade > (entity.grade ?? 0);
  const otherErrors = Object.entries(errors).filter(([k]) => !indicators.some((i) => k === `values.${i.key}` || k === `documents.${i.key}`));

  return (
    <form onSubmit={submit} noValidate data-testid="sheet-form">
      <div className="gr-layout">
        <Stack gap="md">
          {indicators.map((ind) => (
            <IndicatorRow
              key={ind.key}
              ind={ind}
              part={parts.get(ind.key)}
              raw={raw[ind.key] ?? ''}
              onValue={onValue}
              error={errors[`values.${ind.key}`]}
              docError={errors[`documents.${ind.key}`]}
              sheet={sheet}
              locked={locked}
              onDocs={onDocs}
              hasDocs={(docs[ind.key]?.ids ?? sheet?.documents[ind.key] ?? []).length > 0}
            />
          ))}
        </Stack>
        <Stack gap="md" className="gr-side">
          <EvaluationSummary ev={live} title={t.live} currentGrade={entity ? entity.grade : undefined} testId="live" />
          <Notice tone="ok" onClose={() => setNotice(null)}>
            {notice}
          </Notice>
          {(formError || otherErrors.length > 0) && (
            <Notice tone="error" onClose={() => setFormError(null)}>
              {formError}
              {otherErrors.length > 0 && (
                <ul>
                  {otherErrors.map(([k, m]) => (
                    <li key={k}>{m}</li>
                  ))}
                </ul>
              )}
            </Notice>
          )}
          {!locked && (
            <Button type="submit" size="md" loading={busy} disabled={uploading} data-testid="save-sheet">
              {t.save}
            </Button>
          )}
          {canUpgrade && (
            <Button component={Link} to={`/app/grading/requests/new?sheetId=${sheet.id}`} variant="light" color="green" data-testid="request-upgrade">
              {t.requestUpgrade}
            </Button>
          )}
        </Stack>
      </div>
      {!locked && (
        <div className="gr-live-bar" aria-hidden="true">
          <Text size="sm" fw={700}>
            {t.total}: {faNumber(live.total, 2)} — {t.supported}: {gfa.common.grade(faNumber(live.grade))}
          </Text>
        </div>
      )}
    </form>
  );
}

function validTarget(params: URLSearchParams): Target | null {
  const subject = params.get('subject') as Subject | null;
  const divisionId = Number(params.get('divisionId'));
  const year = Number(params.get('year'));
  if (!subject || !SUBJECTS.includes(subject) || !Number.isInteger(divisionId) || divisionId <= 0 || !Number.isInteger(year) || year < 1390 || year > 1500) return null;
  return { subject, divisionId, year };
}

/**
 * `/app/grading/sheets/:id` and `/app/grading/sheets/new?subject=&divisionId=&year=`: the yearly indicator sheet of
 * a municipality or dehyari. The rule set in effect drives the form (one row per indicator: its value, its
 * documents, its points); the grade is evaluated in the browser as the user types, with the same engine the server
 * uses. A sheet under review is read-only.
 */
export default function SheetEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const sheetQ = useQuery({
    queryKey: ['grading', 'sheet', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<SheetView>(`/api/v1/grading/sheets/${encodeURIComponent(id!)}`, signal),
  });
  const fromParams = id ? null : validTarget(params);
  const target: Target | null = id ? (sheetQ.data ? { subject: sheetQ.data.subject, divisionId: sheetQ.data.divisionId, year: sheetQ.data.year } : null) : fromParams;
  const entities = useMyEntities();
  const entity = entities.data?.find((e) => target && e.subject === target.subject && e.divisionId === target.divisionId);
  const sheets = useSheets(!id && fromParams ? fromParams : null);
  const rules = useRuleSet(target?.subject);
  const name = sheetQ.data?.name ?? entity?.name ?? '';
  usePageTitle(target ? (name ? t.title(name, yearText(target.year)) : t.titleNew(yearText(target.year))) : gfa.nav.title);

  if (!id && !fromParams) return <Navigate to="/app/grading" replace />;
  if (id && (sheetQ.isPending || sheetQ.isError)) return <QueryStatus query={sheetQ} />;
  if (!id && (sheets.isPending || sheets.isError)) return <QueryStatus query={sheets} />;
  const existing = !id ? sheets.data?.find((s) => s.year === fromParams!.year) : undefined;
  if (existing) return <Navigate to={`/app/grading/sheets/${existing.id}`} replace />;
  if (rules.isPending || rules.isError) return <QueryStatus query={rules} />;
  if (entities.isPending) return <QueryStatus query={entities} />;
  const sheet = id ? sheetQ.data! : null;
  const notice = ((location.state as { notice?: string } | null) ?? null)?.notice ?? null;

  return (
    <Container size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/grading/entity" size="sm">
          → {t.back}
        </Anchor>
        <div>
          <Title order={1} size="h2" data-testid="sheet-title">
            {name ? t.title(name, yearText(target!.year)) : t.titleNew(yearText(target!.year))}
          </Title>
          {entity && (
            <Text size="sm" c="dimmed">
              {entity.place}
            </Text>
          )}
        </div>
        {sheet?.locked ? (
          <Alert color="orange" variant="light" data-testid="locked">
            {t.locked}
          </Alert>
        ) : (
          <Text size="sm">{t.intro}</Text>
        )}
        <SheetForm key={sheet?.id ?? 'new'} sheet={sheet} rules={rules.data} target={target!} entity={entity} notice={notice} />
      </Stack>
    </Container>
  );
}
