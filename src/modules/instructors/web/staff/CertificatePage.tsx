import { Anchor, Button, Container, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/api.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { QueryStatus } from '../../../../web/staff/ui.js';
import type { Certificate } from '../../api-types.js';
import { CertificateSheet } from '../certificate-sheet.js';
import { ifa } from './fa.js';
import { API, BASE } from './shared.js';

const t = ifa.certificate;

/**
 * `/app/instructors/profiles/:id/certificate`: an instructor's qualification certificate as the staff print it — the
 * same official sheet the instructor prints from his page (../certificate-sheet.tsx): his name, province, qualified
 * fields, dates, training ID and the QR code of the public verification page. Printing leaves out everything but
 * the sheet, on one A4 page.
 */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['instructors', 'certificate', id],
    queryFn: ({ signal }) => api.get<Certificate>(`${API}/profiles/${encodeURIComponent(id)}/certificate`, signal),
  });
  usePageTitle(q.data ? `${t.title} — ${q.data.name}` : t.title);
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  return (
    // The sheet's width, as on the instructor's page; the print styles drop the column's padding (cx-sheet-page).
    <Container size={860} className="cx-sheet-page">
      <Stack gap="lg">
        <Group justify="space-between" className="cx-noprint">
          <Anchor component={Link} to={`${BASE}/profiles/${encodeURIComponent(id)}`} size="sm">
            → {ifa.common.back}
          </Anchor>
          <Button onClick={() => window.print()} data-testid="print">
            {t.print}
          </Button>
        </Group>
        <CertificateSheet c={q.data} />
      </Stack>
    </Container>
  );
}
