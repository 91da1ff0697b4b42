// The selection runs of a call (each a published list anyone can recompute), running a selection in the viewer's
// scope, and issuing the letters of those selected.
import { useState } from 'react';
import { Anchor, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/api.js';
import type { CallView, RunView } from '../../api-types.js';
import { ConfirmButton } from './ConfirmButton.js';
import { afa } from './fa.js';
import { jDateTime } from '../../../../web/format.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { faNum } from '../format.js';
import { actionError, provinceDecided, useRuns, type Viewer } from './shared.js';

export function RunsSection({ call, viewer }: { call: CallView; viewer: Viewer }) {
  const qc = useQueryClient();
  const runs = useRuns(call.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const canRun = call.state === 'closed' || call.state === 'allocated';
  const nationalDone = (runs.data ?? []).some((r) => r.scope === 'national');
  const runProvinces = viewer.provinces.filter((p) => !provinceDecided(runs.data, p.id));
  const runNational = viewer.national && !nationalDone;
  // Letters are issued by the province, for the selected of a run that decided it who have none yet.
  const waiting = useQuery({
    queryKey: ['amriyeh', 'applications', 'count', 'selected', call.id],
    queryFn: ({ signal }) => api.get<{ total: number }>(`/api/v1/amriyeh/applications?callId=${call.id}&state=selected&page=1&pageSize=1`, signal).then((r) => r.total),
    enabled: viewer.provinces.length > 0,
  });
  const issueProvinces = (waiting.data ?? 0) > 0 ? viewer.provinces.filter((p) => provinceDecided(runs.data, p.id)) : [];

  async function act(key: string, fn: () => Promise<string>) {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      setNotice(await fn());
      void qc.invalidateQueries({ queryKey: ['amriyeh'] });
    } catch (err) {
      const { message, conflict } = actionError(err);
      setError(message);
      if (conflict) void qc.invalidateQueries({ queryKey: ['amriyeh'] });
    } finally {
      setBusy(null);
    }
  }

  const run = (provinceId?: number) =>
    act(`run-${provinceId ?? 'national'}`, async () => {
      const r = await api.post<RunView>(`/api/v1/amriyeh/calls/${call.id}/runs`, provinceId ? { provinceId } : {});
      return afa.runs.runDone(faNum(r.selected));
    });
  const issue = (provinceId: number) =>
    act(`issue-${provinceId}`, async () => {
      const r = await api.post<{ issued: number }>(`/api/v1/amriyeh/calls/${call.id}/letters`, { provinceId });
      return afa.runs.issued(faNum(r.issued));
    });


  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="runs-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="runs-title">
          {afa.runs.title}
        </Title>
        <Text size="sm" c="dimmed">
          {afa.runs.hint}
        </Text>
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>
        {runs.isPending || runs.isError ? (
          <QueryStatus query={runs} />
        ) : runs.data.length === 0 ? (
          <Text c="dimmed">{afa.runs.empty}</Text>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="runs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{afa.runs.scope}</Table.Th>
                  <Table.Th>{afa.runs.at}</Table.Th>
                  <Table.Th>{afa.runs.applicants}</Table.Th>
                  <Table.Th>{afa.runs.selected}</Table.Th>
                  <Table.Th>{afa.runs.reserve}</Table.Th>
                  <Table.Th>{afa.runs.view}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.scope === 'national' ? afa.runs.national : afa.runs.provinceScope(r.provinceName ?? afa.common.none)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {jDateTime(r.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{faNum(r.applicants)}</Table.Td>
                    <Table.Td>{faNum(r.selected)}</Table.Td>
                    <Table.Td>{faNum(r.reserve)}</Table.Td>
                    <Table.Td>
                      <Anchor href={`/amriyeh/runs/${r.id}`} target="_blank" rel="noopener" size="sm" pos="relative" data-testid="run-link">
                        {afa.runs.view} <VisuallyHidden>{afa.common.opensNewTab}</VisuallyHidden>
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}

        {canRun && runs.isSuccess && (runNational || runProvinces.length > 0) && (
          <Stack gap={6}>
            <Text size="sm">{afa.runs.runHint}</Text>
            <Group gap="xs">
              {runNational && (
                <ConfirmButton onConfirm={() => void run()} loading={busy === 'run-national'} testId="run-national">
                  {afa.runs.runNational}
                </ConfirmButton>
              )}
              {runProvinces.map((p) => (
                <ConfirmButton key={p.id} onConfirm={() => void run(p.id)} loading={busy === `run-${p.id}`} testId={`run-${p.id}`}>
                  {afa.runs.runProvince(p.name)}
                </ConfirmButton>
              ))}
            </Group>
          </Stack>
        )}

        {issueProvinces.length > 0 && (
          <Stack gap={6}>
            <Text size="sm">
              {afa.runs.issueHint} {afa.runs.waitingLetters(faNum(waiting.data ?? 0))}
            </Text>
            <Group gap="xs" align="flex-end">
              {issueProvinces.map((p) => (
                <ConfirmButton key={p.id} color="green" onConfirm={() => void issue(p.id)} loading={busy === `issue-${p.id}`} testId={`issue-${p.id}`}>
                  {afa.runs.issueProvince(p.name)}
                </ConfirmButton>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
