import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Container, Group, List, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, fieldErrors } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RequestView, SheetView } from '../../api-types.js';
import { missingDocuments } from '../../server/rules.js';
import { gfa } from './fa.js';
import { DocumentLinks, EvaluationSummary } from './indicator-parts.js';
import { GradeFlow, useMyEntities, useRuleSet, yearText } from './shared.js';

const t = gfa.request;
const MAX_JUSTIFICATION = 4000;

/**
 * `/app/grading/requests/new?sheetId=`: an upgrade request from a saved sheet — the sheet's evaluation (current
 * grade → the grade it supports, the points of each indicator), indicators without documents or values warned, the
 * justification, and the submit (→ the request's page). The server's refusals (a request already open, not an
 * upgrade, too soon for a dehyari, incomplete) are shown in their Persian words.
 */
export default function RequestNew() {
  usePageTitle(t.newTitle);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const sheetId = Number(params.get('sheetId'));
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sheetQ = useQuery({
    queryKey: ['grading', 'sheet', String(sheetId)],
    enabled: Number.isInteger(sheetId) && sheetId > 0,
    queryFn: ({ signal }) => api.get<SheetView>(`/api/v1/grading/sheets/${sheetId}`, signal),
  });
  const entities = useMyEntities();
  const rules = useRuleSet(sheetQ.data?.subject, sheetQ.data?.evaluation.ruleSetId);
  const [serverIssues, setServerIssues] = useState<string[]>([]);

  if (!Number.isInteger(sheetId) || sheetId <= 0) return <Navigate to="/app/grading/entity" replace />;
  if (sheetQ.isPending || sheetQ.isError) return <QueryStatus query={sheetQ} />;
  if (entities.isPending || entities.isError) return <QueryStatus query={entities} />;
  const sheet = sheetQ.data;
  const entity = entities.data.find((e) => e.subject === sheet.subject && e.divisionId === sheet.divisionId);
  const ev = sheet.evaluation;
  // What the server will refuse as incomplete: a required value missing, or no document where evidence is asked.
  const noDocs = rules.data ? missingDocuments(rules.data.definition, sheet.documents) : [];
  const missing = ev.parts.filter((p) => p.missing);
  const incomplete = missing.length > 0 || noDocs.length > 0;
  const currentGrade = entity?.grade ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!justification.trim()) {
      setError(gfa.common.required);
      return;
    }
    setBusy(true);
    setFormError(null);
    setServerIssues([]);
    try {
      const created = await api.post<RequestView>('/api/v1/grading/requests', { sheetId, justification: justification.trim() });
      qc.setQueryData(['grading', 'request', created.id], created);
      void qc.invalidateQueries({ queryKey: ['grading', 'entities'] });
      void qc.invalidateQueries({ queryKey: ['grading', 'sheets'] });
      navigate(`/app/grading/requests/${created.id}`, { state: { notice: t.submitted } });
    } catch (err) {
      const { justification: onField, ...rest } = fieldErrors(err);
      setError(onField ?? null);
      setServerIssues(Object.values(rest));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Anchor component={Link} to={`/app/grading/sheets/${sheet.id}`} size="sm">
          → {t.back}
        </Anchor>
        <div>
          <Title order={1} size="h2">
            {t.newTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {sheet.name} — {gfa.common.year(yearText(sheet.year))}
          </Text>
        </div>
        <Paper withBorder p="md" radius="md">
          <GradeFlow
            size="lg"
            labelled
            steps={[
              { label: gfa.page.fromGrade, grade: currentGrade },
              { label: gfa.page.supportedGrade, grade: ev.grade },
            ]}
          />
        </Paper>
        {ev.grade <= (currentGrade ?? 0) && (
          <Alert color="red" variant="light">
            {t.notUpgrade}
          </Alert>
        )}
        <EvaluationSummary ev={ev} title={t.summary} testId="summary" />
        <Paper withBorder p="md" radius="md" component="section" aria-label={gfa.page.indicators}>
          <Title order={2} size="h4" mb="sm">
            {gfa.page.indicators}
          </Title>
          <div className="gr-scroll">
            <Table verticalSpacing="xs" data-testid="parts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{gfa.page.colIndicator}</Table.Th>
                  <Table.Th>{gfa.page.colValue}</Table.Th>
                  <Table.Th>{gfa.page.colDocs}</Table.Th>
                  <Table.Th>{gfa.page.colPoints}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ev.parts.map((p) => (
                  <Table.Tr key={p.key}>
                    <Table.Td>{p.title}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={p.missing ? 'orange.9' : undefined}>
                        {p.valueText}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DocumentLinks docs={sheet.documents[p.key]} />
                    </Table.Td>
                    <Table.Td className="gr-num">{gfa.common.pointsOf(faNumber(p.points, 2), faNumber(p.maxPoints, 2))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
        {(missing.length > 0 || noDocs.length > 0) && (
          <Alert color="red" variant="light" title={t.incomplete} data-testid="warnings">
            <Stack gap="xs">
              {missing.length > 0 && (
                <div>
                  <Text size="sm">{t.missingValues}</Text>
                  <List size="sm">
                    {missing.map((p) => (
                      <List.Item key={p.key}>{p.title}</List.Item>
                    ))}
                  </List>
                </div>
              )}
              {noDocs.length > 0 && (
                <div>
                  <Text size="sm">{t.missingDocs}</Text>
                  <List size="sm">
                    {noDocs.map((i) => (
                      <List.Item key={i.key}>
                        {i.title} ({i.evidence})
                      </List.Item>
                    ))}
                  </List>
                </div>
              )}
              {!sheet.locked && (
                <Anchor component={Link} to={`/app/grading/sheets/${sheet.id}`} size="sm" fw={700}>
                  {t.editSheet} ←
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}
        <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate data-testid="request-form">
          <Stack gap="sm">
            <Textarea
              label={t.justification}
              description={t.justificationHint}
              required
              autosize
              minRows={4}
              maxRows={14}
              maxLength={MAX_JUSTIFICATION}
              value={justification}
              onChange={(e) => {
                setJustification(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-testid="justification"
            />
            <Text size="xs" c="dimmed">
              {gfa.common.charCount(faNumber(justification.length), faNumber(MAX_JUSTIFICATION))}
            </Text>
            {formError && (
              <Notice tone="error" onClose={() => setFormError(null)}>
                {formError}
                {serverIssues.length > 0 && (
                  <List size="sm" mt={4}>
                    {serverIssues.map((m) => (
                      <List.Item key={m}>{m}</List.Item>
                    ))}
                  </List>
                )}
              </Notice>
            )}
            <Group>
              <Button type="submit" loading={busy} disabled={incomplete || rules.isPending} data-testid="submit-request">
                {t.submit}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
