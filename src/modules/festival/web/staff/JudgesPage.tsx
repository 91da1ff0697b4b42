import { useState } from 'react';
import { Button, Container, Group, List, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { EmptyCard, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RoundJudgesView, RoundResults, RoundView } from '../../api-types.js';
import { CountyPicker, type CountyValue } from './county-picker.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';
import { API, BASE, PhaseBadge, Refusal, useFestViewer, useRound } from './shared.js';

const t = rfa.judges;
type Row = RoundJudgesView['judges'][number];
interface DraftRow {
  userId: number;
  name: string;
  username: string;
  county: CountyValue | null;
  row: Row | null;
}

const draftOf = (v: RoundJudgesView): DraftRow[] =>
  v.judges.map((j) => ({ userId: j.userId, name: j.name, username: j.username, county: j.countyId === null ? null : { id: j.countyId, name: j.county ?? '' }, row: j }));

const sameAs = (draft: DraftRow[], v: RoundJudgesView) =>
  draft.length === v.judges.length && draft.every((d) => v.judges.some((j) => j.userId === d.userId && j.countyId === (d.county?.id ?? null)));

/** Panels short of judges after declared conflicts, and «fill them» (while judging). */
function ShortPanels({ round, onFilled, onFailed }: { round: RoundView; onFilled: (r: RoundView) => void; onFailed: (err: unknown) => void }) {
  const results = useQuery({ queryKey: ['festival', 'results', round.id], queryFn: ({ signal }) => api.get<RoundResults>(`${API}/rounds/${round.id}/results`, signal) });
  const [busy, setBusy] = useState(false);
  const short = results.data?.shortPanels ?? [];
  async function fill() {
    setBusy(true);
    try {
      onFilled(await api.post<RoundView>(`${API}/rounds/${round.id}/fill-panels`));
      await results.refetch();
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <PageSection id="short" title={t.shortPanels} hint={t.fillHint} testId="short-panels">
      {results.isPending || results.isError ? (
        <QueryStatus query={results} />
      ) : short.length === 0 ? (
        <Text size="sm">{t.noShort}</Text>
      ) : (
        <Stack gap="sm">
          <List size="sm">
            {short.map((s) => (
              <List.Item key={s.entryId}>{t.shortPanel(s.title, faNumber(s.judges), faNumber(round.judgesPerEntry))}</List.Item>
            ))}
          </List>
          <Button w="fit-content" variant="light" loading={busy} onClick={() => void fill()} data-testid="fill-panels">
            {t.fill}
          </Button>
        </Stack>
      )}
    </PageSection>
  );
}

/**
 * `/app/festival/rounds/:id/judges`: the round's judges — add from the users holding the judge role, set each one's
 * home county (his county's entries never reach him), remove; with what each has been given, scored and declined.
 * While judging, the panels left short by declared conflicts and «fill them».
 */
export default function JudgesPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const v = useFestViewer();
  const round = useRound(id);
  const key = ['festival', 'judges', Number(id)];
  const judges = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<RoundJudgesView>(`${API}/rounds/${id}/judges`, signal) });
  const [draft, setDraft] = useState<DraftRow[] | null>(null);
  const [adding, setAdding] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  usePageTitle(t.title);

  if (round.isPending || round.isError) return <QueryStatus query={round} />;
  if (judges.isPending || judges.isError) return <QueryStatus query={judges} />;
  const r = round.data;
  const view = judges.data;
  const rows = draft ?? draftOf(view);
  const manage = v.manage && r.can.manageJudges;
  const dirty = draft !== null && !sameAs(draft, view);
  const available = view.available.filter((a) => !rows.some((x) => x.userId === a.userId));

  const edit = (next: DraftRow[]) => {
    setDraft(next);
    setNotice(null);
  };
  function add() {
    const a = view.available.find((x) => String(x.userId) === adding);
    if (!a) return;
    edit([...rows, { userId: a.userId, name: a.name, username: a.username, county: null, row: null }]);
    setAdding('');
  }
  async function save() {
    setBusy(true);
    setRefusal(null);
    try {
      const saved = await api.put<RoundJudgesView>(`${API}/rounds/${r.id}/judges`, { judges: rows.map((x) => ({ userId: x.userId, countyId: x.county?.id ?? null })) });
      qc.setQueryData(key, saved);
      void qc.invalidateQueries({ queryKey: ['festival', 'round', r.id] });
      setDraft(null);
      setNotice(t.saved);
    } catch (err) {
      setRefusal(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading backTo={`${BASE}/rounds/${r.id}`} title={rfa.page.judgesLink} titleTestId="judges-title" sub={r.title} aside={<PhaseBadge phase={r.phase} title={r.phaseTitle} />} />
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Refusal err={refusal} onClose={() => setRefusal(null)} />

        <PageSection id="judges" title={t.title} hint={t.hint} testId="judges-section">
          <Stack gap="md">
            {rows.length === 0 ? (
              <EmptyCard>{t.empty}</EmptyCard>
            ) : (
              <div className="st-scroll">
                <Table verticalSpacing="sm" data-testid="judges-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.colName}</Table.Th>
                      <Table.Th>{t.colCounty}</Table.Th>
                      <Table.Th>{t.colAssigned}</Table.Th>
                      <Table.Th>{t.colScored}</Table.Th>
                      <Table.Th>{t.colConflicts}</Table.Th>
                      {manage && <Table.Th aria-label={t.remove} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((x, i) => (
                      <Table.Tr key={x.userId} data-testid="judge-row">
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {x.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <CountyPicker label={x.name} value={x.county} disabled={!manage} onChange={(county) => edit(rows.map((y, k) => (k === i ? { ...y, county } : y)))} />
                        </Table.Td>
                        <Table.Td className="fs-num">{faNumber(x.row?.assigned ?? 0)}</Table.Td>
                        <Table.Td className="fs-num">{faNumber(x.row?.scored ?? 0)}</Table.Td>
                        <Table.Td className="fs-num">{faNumber(x.row?.conflicts ?? 0)}</Table.Td>
                        {manage && (
                          <Table.Td>
                            <Button variant="subtle" color="red" size="compact-xs" disabled={(x.row?.scored ?? 0) > 0} onClick={() => edit(rows.filter((_, k) => k !== i))} aria-label={`${t.remove}: ${x.name}`} data-testid="judge-remove">
                              {t.remove}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {manage && (
              <Group align="flex-end" gap="sm" wrap="wrap">
                {available.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t.noneAvailable}
                  </Text>
                ) : (
                  <>
                    <NativeSelect
                      label={t.addLabel}
                      value={adding}
                      onChange={(e) => setAdding(e.currentTarget.value)}
                      data={[{ value: '', label: t.choose }, ...available.map((a) => ({ value: String(a.userId), label: view.available.filter((b) => b.name === a.name).length > 1 ? `${a.name} (${a.username})` : a.name }))]}
                      data-testid="judge-add-select"
                    />
                    <Button variant="light" disabled={!adding} onClick={add} data-testid="judge-add">
                      {t.add}
                    </Button>
                  </>
                )}
              </Group>
            )}
            {manage && (
              <Group gap="sm">
                <Button onClick={() => void save()} loading={busy} disabled={!dirty} data-testid="judges-save">
                  {t.save}
                </Button>
                {dirty && (
                  <>
                    <Text size="sm" c="orange.9" fw={500}>
                      {t.unsaved}
                    </Text>
                    <Button variant="subtle" size="xs" onClick={() => setDraft(null)}>
                      {ffa.common.cancel}
                    </Button>
                  </>
                )}
              </Group>
            )}
          </Stack>
        </PageSection>

        {r.state === 'judging' && v.manage && (
          <ShortPanels
            round={r}
            onFilled={(x) => {
              qc.setQueryData(['festival', 'round', x.id], x);
              void qc.invalidateQueries({ queryKey: key });
              setNotice(t.filled);
            }}
            onFailed={setRefusal}
          />
        )}
      </Stack>
    </Container>
  );
}
