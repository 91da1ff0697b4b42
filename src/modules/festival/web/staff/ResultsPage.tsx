import { useState } from 'react';
import { Alert, Container, List, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { ConfirmStep } from '../../../../web/staff/ConfirmStep.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RoundResults, RoundView } from '../../api-types.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';
import { Agreement, RankingTable } from './results-parts.js';
import { actionError, API, BASE, PhaseBadge, Refusal, useFestViewer, useRound } from './shared.js';

const t = rfa.results;

/**
 * `/app/festival/rounds/:id/results`: per axis the agreement of the judges (ICC, with its reading) and the ranking
 * (national and province ranks, raw and normalized means, the judges' spread with the flag, each judge's total and
 * z); the scores still missing and the panels left short; while the round may be announced, the winners (the
 * suggestions pre-ticked) and «اعلام برگزیدگان» (a refusal lists the missing scores).
 */
export default function ResultsPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const v = useFestViewer();
  const round = useRound(id);
  const key = ['festival', 'results', Number(id)];
  const results = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<RoundResults>(`${API}/rounds/${id}/results`, signal) });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  usePageTitle(t.title);

  if (round.isPending || round.isError) return <QueryStatus query={round} />;
  if (results.isPending || results.isError) return <QueryStatus query={results} />;
  const r = round.data;
  const res = results.data;
  const picking = v.manage && r.can.announce && !res.final;
  const picked = chosen ?? new Set(res.axes.flatMap((a) => a.rows.filter((x) => x.suggested).map((x) => x.entryId)));
  const pick = (entryId: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(entryId);
    else next.delete(entryId);
    setChosen(next);
  };

  async function announce() {
    try {
      const updated = await api.post<RoundView>(`${API}/rounds/${r.id}/announce`, { winners: [...picked], version: r.version });
      qc.setQueryData(['festival', 'round', r.id], updated);
      void qc.invalidateQueries({ queryKey: ['festival'] });
      setRefusal(null);
      setChosen(null);
      setNotice(t.announced);
    } catch (err) {
      setNotice(null);
      setRefusal(err);
      if (actionError(err).conflict) await round.refetch();
      await results.refetch();
    }
    window.scrollTo({ top: 0 });
  }

  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading backTo={`${BASE}/rounds/${r.id}`} title={t.title} titleTestId="results-title" sub={r.title} aside={<PhaseBadge phase={r.phase} title={r.phaseTitle} />} />
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Refusal err={refusal} onClose={() => setRefusal(null)} />
        <Alert color={res.final ? 'green' : 'blue'} variant="light" data-testid="results-status">
          {res.final ? t.final : t.live}
        </Alert>

        {!res.final && (
          <PageSection id="missing" title={t.missing} testId="missing-scores">
            {res.missing.length === 0 ? (
              <Text size="sm">{t.noMissing}</Text>
            ) : (
              <List size="sm">
                {res.missing.map((m) => (
                  <List.Item key={`${m.entryId}:${m.judgeId}`}>
                    {m.title} — {m.judge}
                  </List.Item>
                ))}
              </List>
            )}
            {res.shortPanels.length > 0 && (
              <>
                <Text size="sm" fw={700} mt="sm">
                  {t.shortPanels}
                </Text>
                <List size="sm" data-testid="short-panels">
                  {res.shortPanels.map((s) => (
                    <List.Item key={s.entryId}>{rfa.judges.shortPanel(s.title, faNumber(s.judges), faNumber(r.judgesPerEntry))}</List.Item>
                  ))}
                </List>
              </>
            )}
          </PageSection>
        )}

        {res.axes.map((a) => (
          <PageSection key={a.axis} id={`axis-${a.axis}`} title={t.axis(a.axisTitle)} testId={`results-${a.axis}`}>
            <Stack gap="md">
              <Agreement a={a.agreement} />
              <RankingTable rows={a.rows} picking={picking} chosen={picked} onPick={pick} final={res.final} />
            </Stack>
          </PageSection>
        ))}

        {picking && (
          <PageSection id="announce" title={t.announceTitle} hint={t.announceHint} testId="announce-section">
            <Stack gap="sm">
              <Text fw={700} data-testid="chosen-count">
                {t.chosen(faNumber(picked.size))}
              </Text>
              <ConfirmStep yesLabel={ffa.common.yes} label={t.announceTitle} question={t.announceQ(faNumber(picked.size))} color="green" disabled={picked.size === 0} onConfirm={announce} testId="announce" />
            </Stack>
          </PageSection>
        )}
      </Stack>
    </Container>
  );
}
