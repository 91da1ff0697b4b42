import { Alert, Button, Container, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { faNumber } from '../../../../web/format.js';
import { Notice, QueryStatus } from '../../../../web/staff/ui.js';
import { CriteriaEditor } from './criteria-editor.js';
import { inEffectOf, statusOf, todayJalali } from '../../../../web/staff/versions.js';
import { VersionDetail, VersionList } from './criteria-view.js';
import { kfa } from './fa-criteria.js';
import { ifa } from './fa.js';
import { BASE, InstHeader, jalaliText, useCriteriaSets, useInstViewer } from './shared.js';

const t = kfa.criteria;

/**
 * `/app/instructors/criteria`: the versions of the qualification criteria (effective date, approver, example badge,
 * how many applications used each), one version's criteria with their scales (`?v=`), and for those who hold
 * `instructors.criteria` a «نسخه تازه» editor (`?new=1`) prefilled from the version in effect, and the taxonomy.
 */
export default function Criteria() {
  usePageTitle(t.title);
  const viewer = useInstViewer();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const editing = params.get('new') === '1' && viewer.criteria;
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const list = useCriteriaSets();

  const today = todayJalali();
  const items = list.data ?? [];
  const current = inEffectOf(items, today);
  const askedId = Number(params.get('v')) || null;
  const shown = items.find((r) => r.id === askedId) ?? current ?? items[0] ?? null;
  const go = (search: string, state?: unknown) => navigate({ search }, { state });

  return (
    <Container size="xl">
      <Stack gap="lg">
        <InstHeader
          title={t.title}
          extra={
            <Button component={Link} to={`${BASE}/fields`} size="sm" variant="outline" data-testid="fields-link">
              {ifa.nav.fields}
            </Button>
          }
        />
        <Notice tone="ok" onClose={() => navigate({ search: location.search }, { replace: true, state: null })}>
          {notice}
        </Notice>
        {!editing && (
          <Group justify="space-between" align="center" gap="sm">
            <Text style={{ flex: '1 1 20rem' }}>{t.intro}</Text>
            {viewer.criteria && (
              <Button onClick={() => go('?new=1')} disabled={list.isPending} data-testid="criteria-new">
                {t.newVersion}
              </Button>
            )}
          </Group>
        )}

        {list.isPending || list.isError ? (
          <QueryStatus query={list} />
        ) : editing ? (
          <CriteriaEditor
            base={current ?? items[0] ?? null}
            onCancel={() => go('')}
            onCreated={(created) => {
              void qc.invalidateQueries({ queryKey: ['instructors', 'criteria'] });
              go(`?v=${created.id}`, { notice: t.created(faNumber(created.version), jalaliText(created.effectiveFrom)) });
            }}
          />
        ) : !items.length ? (
          <Paper withBorder p="xl" radius="md">
            <Text ta="center">{t.noVersions}</Text>
          </Paper>
        ) : (
          <>
            <section aria-label={t.versions}>
              <VersionList items={items} shownId={shown?.id ?? null} current={current} today={today} linkTo={(id) => `?v=${id}`} />
            </section>
            {shown && <VersionDetail set={shown} status={statusOf(shown, current, today)} />}
          </>
        )}
        {params.get('new') === '1' && !viewer.criteria && (
          <Alert color="red" variant="light" role="alert">
            {t.notAllowed}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
