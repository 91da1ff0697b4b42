import { Container, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { rfa } from './fa-round.js';
import { RoundEditor } from './round-editor.js';
import { BASE, FestHeader, useFestViewer, useRounds } from './shared.js';

/** `/app/festival/rounds/new`: a new round (the national secretariat), from the festival's default axes and rubric. */
export default function RoundNew() {
  usePageTitle(rfa.editor.newTitle);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const v = useFestViewer();
  const rounds = useRounds();
  return (
    <Container size="lg">
      <Stack gap="lg">
        <FestHeader title={rfa.list.title} />
        {rounds.isPending ? (
          <QueryStatus query={rounds} />
        ) : v.manage ? (
          <RoundEditor
            round={null}
            takenYears={(rounds.data ?? []).map((r) => r.year)}
            onCancel={() => void navigate(`${BASE}/rounds`)}
            onSaved={(r) => {
              void qc.invalidateQueries({ queryKey: ['festival', 'rounds'] });
              qc.setQueryData(['festival', 'round', r.id], r);
              void navigate(`${BASE}/rounds/${r.id}`, { state: { notice: rfa.page.created } });
            }}
          />
        ) : (
          <Notice tone="error">{rfa.page.notAllowed}</Notice>
        )}
      </Stack>
    </Container>
  );
}
