import {
  Alert,
  Button,
  Container,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { RuleSetView } from '../../api-types.js';
import { SUBJECTS, SUBJECT_TITLES, type Subject } from '../../enums.js';
import { rfa } from './fa-rules.js';
import { GradingHeader, jalaliText, useGradingViewer } from './shared.js';
import { inEffectOf, statusOf, todayJalali } from '../../../../web/staff/versions.js';
import { VersionList, VersionDetail } from './rules-versions.js';
import { RuleEditor } from './rules-editor.js';

// ---- the screen ----

/**
 * `/app/grading/rules`: the versions of each subject's grading rules (effective date, approver, example badge, how
 * many requests used each), one version's tables (indicators with their bands or choices, grade thresholds), and for
 * the admin (`grading.rules`) a «نسخه تازه» editor prefilled from the version in effect.
 */
export default function Rules() {
  usePageTitle(rfa.title);
  const viewer = useGradingViewer();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const subjects = viewer.admin || viewer.subjects.length === 0 ? [...SUBJECTS] : viewer.subjects;
  const asked = params.get('subject') as Subject | null;
  const subject: Subject = asked && subjects.includes(asked) ? asked : subjects[0]!;
  const editing = params.get('new') === '1' && viewer.admin;
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;

  const list = useQuery({
    queryKey: ['grading', 'rules', subject, 'all'],
    queryFn: ({ signal }) => api.get<{ items: RuleSetView[] }>(`/api/v1/grading/rules?subject=${subject}`, signal).then((r) => r.items),
  });

  const today = todayJalali();
  const items = list.data ?? [];
  const current = inEffectOf(items, today);
  const askedId = Number(params.get('v')) || null;
  const shown = items.find((r) => r.id === askedId) ?? current ?? items[0] ?? null;
  const linkTo = (id: number) => `?subject=${subject}&v=${id}`;

  const go = (next: Record<string, string | null>, state?: unknown) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ subject, ...next })) if (v) p.set(k, v);
    navigate({ search: `?${p}` }, { state });
  };

  return (
    <Container size="xl">
      <Stack gap="lg">
        <GradingHeader title={rfa.title} />
        <Notice tone="ok" onClose={() => navigate({ search: location.search }, { replace: true, state: null })}>
          {notice}
        </Notice>
        {!editing && <Text>{rfa.intro}</Text>}
        <Group justify="space-between" align="center" gap="sm">
          {subjects.length > 1 ? (
            <SegmentedControl
              value={subject}
              onChange={(v) => setParams(new URLSearchParams({ subject: v }))}
              data={subjects.map((s) => ({ value: s, label: SUBJECT_TITLES[s] }))}
              aria-label={rfa.subject}
              data-testid="rule-subject"
            />
          ) : (
            <Title order={2} size="h4">
              {SUBJECT_TITLES[subject]}
            </Title>
          )}
          {viewer.admin && !editing && (
            <Button onClick={() => go({ new: '1' })} disabled={!items.length} data-testid="rule-new">
              {rfa.newVersion}
            </Button>
          )}
        </Group>

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : editing ? (
          <RuleEditor
            key={subject}
            subject={subject}
            base={current ?? items[0]!}
            onCancel={() => go({})}
            onCreated={(created) => {
              void qc.invalidateQueries({ queryKey: ['grading', 'rules'] });
              go({ v: String(created.id) }, { notice: rfa.created(faNumber(created.version), jalaliText(created.effectiveFrom)) });
            }}
          />
        ) : !items.length ? (
          <Paper withBorder p="xl" radius="md">
            <Text ta="center">{rfa.noVersions}</Text>
          </Paper>
        ) : (
          <>
            <section aria-label={rfa.versions}>
              <VersionList items={items} shownId={shown?.id ?? null} current={current} today={today} linkTo={linkTo} />
            </section>
            {shown && <VersionDetail rule={shown} status={statusOf(shown, current, today)} />}
          </>
        )}
        {params.get('new') === '1' && !viewer.admin && (
          <Alert color="red" variant="light" role="alert">
            {rfa.notAllowed}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
