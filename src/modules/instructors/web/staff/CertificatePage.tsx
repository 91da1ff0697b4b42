import { Alert, Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { QueryStatus } from '../../../../web/staff/ui.js';
import type { Certificate } from '../../api-types.js';
import { ifa } from './fa.js';
import { API, BASE, Code, jalaliText } from './shared.js';

const t = ifa.certificate;

/**
 * `/app/instructors/profiles/:id/certificate`: an instructor's qualification certificate as the staff print it —
 * his name, province, qualified fields, dates, training ID and the QR code of the public verification page. Printing
 * leaves out everything but the sheet.
 */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['instructors', 'certificate', id],
    queryFn: ({ signal }) => api.get<Certificate>(`${API}/profiles/${encodeURIComponent(id)}/certificate`, signal),
  });
  usePageTitle(q.data ? `${t.title} — ${q.data.name}` : t.title);
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  const c = q.data;
  return (
    <Container size="md">
      <Stack gap="lg">
        <Group justify="space-between" className="in-noprint">
          <Anchor component={Link} to={`${BASE}/profiles/${encodeURIComponent(id)}`} size="sm">
            → {ifa.common.back}
          </Anchor>
          <Button onClick={() => window.print()} data-testid="print">
            {t.print}
          </Button>
        </Group>
        {!c.valid && (
          <Alert color="orange" variant="light" className="in-noprint" role="status">
            {t.expired}
          </Alert>
        )}
        <article className="in-cert in-print" data-testid="certificate">
          <Text size="sm" c="dimmed">
            {t.issuer}
          </Text>
          <Title order={1} size="h2" my="sm">
            {t.title}
          </Title>
          <Text>{t.body(c.name, c.province)}</Text>
          <Text fw={700} my="xs" data-testid="certificate-fields">
            {c.fields.map((f) => f.title).join('، ')}
          </Text>
          <Text>
            {ifa.page.trainingId}: <Code value={c.trainingId} />
          </Text>
          <Text>
            {t.qualifiedAt}: <span className="in-num">{jalaliText(c.qualifiedAt)}</span> — {t.validUntil}: <span className="in-num">{jalaliText(c.validUntil)}</span>
          </Text>
          <Stack align="center" gap={4} mt="md">
            <div className="in-qr" role="img" aria-label={c.verifyUrl} dangerouslySetInnerHTML={{ __html: c.qrSvg }} />
            <Text size="xs">{t.verifyHint}</Text>
            <span className="in-url">{c.verifyUrl}</span>
          </Stack>
        </article>
      </Stack>
    </Container>
  );
}
