import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Container, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, ApiError, errorMessage, getCsrfToken } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { fa } from '../../../../web/fa.js';
import { faNumber, faSize, jDateTime } from '../../../../web/format.js';
import { Notice, Pager, QueryStatus } from '../../../../web/staff/ui.js';
import type { ImportView } from '../../api-types.js';
import { lfa } from './fa.js';
import { LandfillsHeader, useLandfillViewer } from './shared.js';

const t = lfa.import;
const ISSUES_PAGE = 50;
const FILE_TYPES = /\.(csv|xlsx)$/i;

/** Send the file as `multipart/form-data` (field `file`) with the session's CSRF header; the server answers 202. */
async function sendImport(file: File): Promise<ImportView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch('/api/v1/landfills/imports', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: fa.errors.network });
  }
  const body = (await res.json().catch(() => null)) as (ImportView & { title?: string; code?: string }) | null;
  if (!res.ok || !body) throw new ApiError({ status: res.status, code: body?.code ?? `http_${res.status}`, title: body?.title || fa.errors.generic });
  return body;
}

function Count({ label, value, tone, testId }: { label: string; value: number; tone?: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="lf-stat-value" c={tone}>
        {faNumber(value)}
      </Text>
    </Paper>
  );
}

/** One import: progress while it runs (polled every second), then its counts and the per-row report. */
function ImportProgress({ id, onAnother }: { id: number; onAnother: () => void }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['landfills', 'import', id],
    queryFn: ({ signal }) => api.get<ImportView>(`/api/v1/landfills/imports/${id}`, signal),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const v = q.data;
  const percent = v.totalRows > 0 ? Math.round((v.processedRows / v.totalRows) * 100) : 100;
  const pages = Math.max(1, Math.ceil(v.issues.length / ISSUES_PAGE));
  const shown = v.issues.slice((page - 1) * ISSUES_PAGE, page * ISSUES_PAGE);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-progress-title" data-testid="import-progress" data-state={v.state}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="import-progress-title">
            <bdi>{v.filename}</bdi>
          </Title>
          <Badge variant="light" className="st-badge" color={v.state === 'running' ? 'blue' : v.state === 'done' ? 'green' : 'red'} data-testid="import-state">
            {v.state === 'running' ? t.running : v.state === 'done' ? t.done : t.failed}
          </Badge>
        </Group>
        <div>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {t.progress}
            </Text>
            <Text size="sm" data-testid="import-rows">
              {t.rows(faNumber(v.processedRows), faNumber(v.totalRows))}
            </Text>
          </Group>
          <Progress
            value={percent}
            size="lg"
            mt={4}
            animated={v.state === 'running'}
            color={v.state === 'failed' ? 'red' : undefined}
            aria-label={t.progress}
            aria-valuetext={`${faNumber(percent)}٪`}
          />
        </div>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Count label={t.created} value={v.created} tone="green.9" testId="count-created" />
          <Count label={t.updated} value={v.updated} tone="blue.9" testId="count-updated" />
          <Count label={t.unchanged} value={v.unchanged} testId="count-unchanged" />
          <Count label={t.failedRows} value={v.failedRows} tone={v.failedRows > 0 ? 'red.8' : undefined} testId="count-failed" />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t.startedAt}: {jDateTime(v.createdAt)}
          {v.finishedAt ? ` — ${t.finishedAt}: ${jDateTime(v.finishedAt)}` : ''}
        </Text>

        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={3} size="h5">
              {t.issues}
            </Title>
            {v.issues.length > 0 && (
              <Anchor href={`/api/v1/landfills/imports/${v.id}/report.csv`} download size="sm" data-testid="import-report">
                {t.report}
              </Anchor>
            )}
          </Group>
          {v.issues.length === 0 ? (
            <Text size="sm" c="dimmed">
              {v.state === 'running' ? t.running : t.noIssues}
            </Text>
          ) : (
            <>
              <div className="lf-scroll">
                <Table verticalSpacing="xs" striped data-testid="import-issues">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.issueRow}</Table.Th>
                      <Table.Th>{t.issueColumn}</Table.Th>
                      <Table.Th>{t.issueReason}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((i, n) => (
                      <Table.Tr key={`${i.row}-${i.column}-${n}`}>
                        <Table.Td className="lf-num">{faNumber(i.row)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.column}</Table.Td>
                        <Table.Td>{i.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
              {pages > 1 && <Pager page={page} pages={pages} onPage={setPage} />}
            </>
          )}
        </Stack>
        {v.state !== 'running' && (
          <Group>
            <Button variant="light" onClick={onAnother} data-testid="import-another">
              {t.another}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * `/app/landfills/import`: the template (CSV or Excel) and its columns, the file sent for processing, then the
 * import's progress, counts and per-row report. The import's id stays in the address, so a reload keeps following it.
 */
export default function ImportPage() {
  usePageTitle(t.title);
  const viewer = useLandfillViewer();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = Number(params.get('id')) || null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setError(lfa.common.required);
      return;
    }
    if (!FILE_TYPES.test(file.name)) {
      setError(t.fileBadType);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const v = await sendImport(file);
      qc.setQueryData(['landfills', 'import', v.id], v);
      void qc.invalidateQueries({ queryKey: ['landfills', 'sites'] });
      setFile(null);
      setParams({ id: String(v.id) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <LandfillsHeader title={t.title} />
        {!viewer.edits ? (
          <Alert color="red" variant="light" role="alert">
            {t.notAllowed}
          </Alert>
        ) : (
          <>
            <Text>{t.intro}</Text>
            {id ? (
              <ImportProgress key={id} id={id} onAnother={() => setParams({})} />
            ) : (
              <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label={t.send} data-testid="import-form">
                <Stack gap="sm">
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={500}>
                      {t.template}:
                    </Text>
                    <Button component="a" href="/api/v1/landfills/import/template.xlsx" download variant="default" size="xs" data-testid="template-xlsx">
                      {t.templateXlsx}
                    </Button>
                    <Button component="a" href="/api/v1/landfills/import/template.csv" download variant="default" size="xs" data-testid="template-csv">
                      {t.templateCsv}
                    </Button>
                  </Group>
                  <div>
                    <Text size="sm" fw={500} id="import-file-label">
                      {t.file}
                    </Text>
                    <Text size="xs" c="dimmed" id="import-file-hint">
                      {t.fileHint}
                    </Text>
                    <Group gap="sm" mt={6} wrap="wrap">
                      <label className="lf-file-pick">
                        <input
                          id="import-file"
                          type="file"
                          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                          aria-labelledby="import-file-label"
                          aria-describedby="import-file-hint import-file-name"
                          onChange={(e) => {
                            setFile(e.currentTarget.files?.[0] ?? null);
                            setError(null);
                          }}
                          data-testid="import-file"
                        />
                        <Button component="span" variant="light" aria-hidden="true">
                          {t.pick}
                        </Button>
                      </label>
                      <Text size="sm" c={file ? undefined : 'dimmed'} id="import-file-name" data-testid="import-file-name">
                        {file ? (
                          <>
                            <bdi>{file.name}</bdi> ({faSize(file.size)})
                          </>
                        ) : (
                          t.noFile
                        )}
                      </Text>
                    </Group>
                  </div>
                  <Notice tone="error">{error}</Notice>
                  <Group>
                    <Button type="submit" loading={busy} data-testid="import-send">
                      {t.send}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )}

            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="columns-title">
              <Title order={2} size="h4" id="columns-title" mb={4}>
                {t.columns}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t.columnsIntro}
              </Text>
              <div className="lf-scroll">
                <Table verticalSpacing="xs" data-testid="import-columns">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.colName}</Table.Th>
                      <Table.Th>{t.colHelp}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {t.columnList.map((c) => (
                      <Table.Tr key={c.header}>
                        <Table.Td>
                          <Text size="sm" fw={700}>
                            {c.header}
                          </Text>
                          <Text size="xs" c={c.required ? 'red.8' : 'dimmed'}>
                            {c.required ? t.required : t.optional}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.help}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
