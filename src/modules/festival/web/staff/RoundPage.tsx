import { useState } from 'react';
import { Button, Container, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { CaseHeading, PageSection } from '../../../../web/staff/case.js';
import { ConfirmStep } from '../../../../web/staff/ConfirmStep.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RoundView } from '../../api-types.js';
import { ffa } from './fa.js';
import { rfa } from './fa-round.js';
import { RoundEditor } from './round-editor.js';
import { RoundLinks, RoundSettings, RoundStatus } from './round-view.js';
import { actionError, API, BASE, jalaliText, PhaseBadge, Refusal, useFestViewer, useRound, yearText } from './shared.js';

const t = rfa.page;
const cmd = rfa.cmd;

/**
 * `/app/festival/rounds/:id`: one round — its phase and window, entries by state, its settings (read, or the editor
 * while something may still change) and the next step the secretariat may take: open the round, start judging
 * (refusals say why: entries still in screening, entries short of judges), or go to the results to announce.
 */
export default function RoundPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const qc = useQueryClient();
  const v = useFestViewer();
  const q = useRound(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [refusal, setRefusal] = useState<unknown>(null);
  usePageTitle(q.data ? q.data.title : rfa.list.title);

  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const round = q.data;

  function done(r: RoundView, message: string) {
    qc.setQueryData(['festival', 'round', r.id], r);
    void qc.invalidateQueries({ queryKey: ['festival', 'rounds'] });
    setRefusal(null);
    setNotice(message);
    setEditing(false);
    window.scrollTo({ top: 0 });
  }
  async function step(path: string, message: string) {
    try {
      done(await api.post<RoundView>(`${API}/rounds/${round.id}/${path}`, { version: round.version }), message);
    } catch (err) {
      setNotice(null);
      setRefusal(err);
      if (actionError(err).conflict) await q.refetch();
      window.scrollTo({ top: 0 });
    }
  }

  const canStep = v.manage && (round.can.open || round.can.startJudging || round.can.announce);
  return (
    <Container size="xl">
      <Stack gap="lg">
        <CaseHeading
          backTo={`${BASE}/rounds`}
          title={round.title}
          titleTestId="round-heading"
          sub={ffa.common.roundYear(yearText(round.year))}
          aside={<PhaseBadge phase={round.phase} title={round.phaseTitle} />}
        />
        <Notice tone="ok" onClose={() => setNotice(null)}>
          {notice}
        </Notice>
        <Refusal err={refusal} onClose={() => setRefusal(null)} />

        <div className="fs-page">
          <Stack gap="lg" className="fs-top">
            <RoundStatus round={round} />
            <PageSection
              id="settings"
              title={t.settings}
              extra={
                v.manage && round.can.edit && !editing ? (
                  <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="edit-round">
                    {t.edit}
                  </Button>
                ) : null
              }
            >
              {editing ? <RoundEditor round={round} onCancel={() => setEditing(false)} onSaved={(r) => done(r, t.saved)} /> : <RoundSettings round={round} />}
            </PageSection>
          </Stack>

          <Stack gap="lg" className="fs-side">
            {v.manage && (
              <PageSection id="commands" title={t.commands} testId="round-commands">
                <Stack gap="sm">
                  {round.can.open && <ConfirmStep yesLabel={ffa.common.yes} label={cmd.open} question={cmd.openQ} color="green" onConfirm={() => step('open', cmd.opened)} testId="open-round" />}
                  {round.state === 'open' && !round.can.startJudging && (
                    <Text size="sm" c="dimmed">
                      {cmd.waitDeadline(jalaliText(round.deadline))}
                    </Text>
                  )}
                  {round.can.startJudging && <ConfirmStep yesLabel={ffa.common.yes} label={cmd.startJudging} question={cmd.startJudgingQ} color="violet" onConfirm={() => step('start-judging', cmd.started)} testId="start-judging" />}
                  {round.can.announce && (
                    <>
                      <Button component={Link} to={`${BASE}/rounds/${round.id}/results`} color="green" variant="light" data-testid="go-announce">
                        {cmd.announce}
                      </Button>
                      <Text size="xs" c="dimmed">
                        {cmd.announceHint}
                      </Text>
                    </>
                  )}
                  {!canStep && round.state !== 'open' && (
                    <Text size="sm" c="dimmed">
                      {t.noCommand}
                    </Text>
                  )}
                </Stack>
              </PageSection>
            )}
            <RoundLinks round={round} />
          </Stack>
        </div>
      </Stack>
    </Container>
  );
}
