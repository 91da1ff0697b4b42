// The priority-group claims of an application with their documents side by side: the district reviewer opens each
// document in the preview pane and marks each claim verified or not.
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { errorMessage, ApiError } from '../../../../web/api.js';
import { fa } from '../../../../web/fa.js';
import type { ClaimablePriorityGroup } from '../../enums.js';
import type { ApplicantView } from '../../api-types.js';
import { afa } from './fa.js';

type Claim = ApplicantView['priorityClaims'][number];
export type Verdicts = Partial<Record<ClaimablePriorityGroup, boolean>>;

const docUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;

/** One document shown in place when it is an image; anything else (a PDF) is offered for download. */
function Preview({ id }: { id: string | null }) {
  const [state, setState] = useState<{ id: string; url: string | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    const ctrl = new AbortController();
    let url: string | null = null;
    setState(null);
    fetch(docUrl(id), { credentials: 'same-origin', signal: ctrl.signal })
      .then(async (res) => {
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { title?: string } | null;
          throw new ApiError({ status: res.status, code: `http_${res.status}`, title: body?.title ?? fa.errors.generic });
        }
        const blob = await res.blob();
        if (blob.type.startsWith('image/')) {
          url = URL.createObjectURL(blob);
          setState({ id, url, error: null });
        } else setState({ id, url: null, error: null });
      })
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') return;
        setState({ id, url: null, error: errorMessage(err) });
      });
    return () => {
      ctrl.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);

  if (!id) return <Text c="dimmed" size="sm">{afa.review.previewEmpty}</Text>;
  if (!state || state.id !== id) return <Text size="sm">{afa.review.previewLoading}</Text>;
  if (state.error) return <Text size="sm" c="red.8" role="alert">{state.error}</Text>;
  if (state.url) return <img src={state.url} alt={afa.review.previewTitle} data-testid="doc-image" />;
  return (
    <Stack gap="xs" align="center">
      <Text size="sm">{afa.review.previewNotImage}</Text>
      <Button component="a" href={docUrl(id)} download variant="light" size="xs">
        {afa.review.download}
      </Button>
    </Stack>
  );
}

function verdictBadge(v: boolean | null) {
  if (v === true)
    return (
      <Badge color="green" c="green.9" variant="light" className="st-badge">
        {afa.review.verified}
      </Badge>
    );
  if (v === false)
    return (
      <Badge color="red" c="red.9" variant="light" className="st-badge">
        {afa.review.notVerified}
      </Badge>
    );
  return (
    <Badge color="gray" c="gray.8" variant="light" className="st-badge">
      {afa.review.pending}
    </Badge>
  );
}

export function ClaimsReview({ claims, editable, verdicts, onVerdict }: { claims: Claim[]; editable: boolean; verdicts: Verdicts; onVerdict: (g: ClaimablePriorityGroup, v: boolean) => void }) {
  const first = claims.find((c) => c.documentIds.length > 0)?.documentIds[0] ?? null;
  const [shown, setShown] = useState<string | null>(first);
  if (claims.length === 0) return <Text c="dimmed" size="sm">{afa.review.noClaims}</Text>;
  let n = 0;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="claims">
          {claims.map((c) => {
            const v = editable ? verdicts[c.group] : c.verified;
            return (
              <li key={c.group} className="am-claim" data-verdict={v === undefined || v === null ? undefined : String(v)} data-claim={c.group}>
                <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
                  <Text fw={700} size="sm">
                    {c.title}
                  </Text>
                  {!editable && verdictBadge(c.verified)}
                </Group>
                <Group gap="xs" mt={6} wrap="wrap">
                  {c.documentIds.map((d) => {
                    n += 1;
                    const label = c.documents.find((x) => x.id === d)?.filename || afa.review.document(toPersianDigits(n));
                    return (
                      <Group key={d} gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant={shown === d ? 'filled' : 'light'} onClick={() => setShown(d)} aria-pressed={shown === d} data-testid="doc-preview">
                          {label}
                        </Button>
                        <Anchor href={docUrl(d)} download size="xs" aria-label={`${afa.review.download} — ${label}`}>
                          {afa.review.download}
                        </Anchor>
                      </Group>
                    );
                  })}
                </Group>
                {editable && (
                  <SegmentedControl
                    mt="sm"
                    size="xs"
                    fullWidth
                    value={v === true ? 'yes' : v === false ? 'no' : ''}
                    onChange={(x) => onVerdict(c.group, x === 'yes')}
                    data={[
                      { value: 'yes', label: afa.review.verify },
                      { value: 'no', label: afa.review.reject },
                    ]}
                    color={v === true ? 'green' : v === false ? 'red' : 'gray'}
                    aria-label={`${afa.review.claimsVerdict} — ${c.title}`}
                    data-testid={`verdict-${c.group}`}
                  />
                )}
              </li>
            );
          })}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Text size="sm" fw={700} mb={4}>
          {afa.review.previewTitle}
        </Text>
        <div className="am-preview" data-testid="preview">
          <Preview id={shown} />
        </div>
      </Grid.Col>
    </Grid>
  );
}
