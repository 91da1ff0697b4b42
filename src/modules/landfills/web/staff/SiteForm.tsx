import { Alert, Anchor, Button, Container, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api } from '../../../../web/api.js';
import { MAX_FILES, MAX_MB } from '../../../../web/components/Uploads.js';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { FormSection, Notice, QueryStatus } from '../../../../web/staff/ui.js';
import type { SiteView } from '../../api-types.js';
import { lfa } from './fa.js';
import { useLandfillViewer } from './shared.js';
import { f, Files, NumberInput } from './site-form-parts.js';
import { CapacitySection, EnvironmentSection, IdentitySection, KindStatusSection, ServedSection } from './SiteFormSections.js';
import { useSiteForm } from './useSiteForm.js';

/** The form itself, for a new site (`site` null) or an edit. */
function SiteFormBody({ site }: { site: SiteView | null }) {
  const form = useSiteForm(site);
  const { errors, formError, setFormError, busy } = form;

  return (
    <form onSubmit={form.submit} noValidate data-testid="site-form">
      <Stack gap="lg">
        <Alert color="blue" variant="light" data-testid="review-note">
          {f.reviewNote}
        </Alert>
        <Notice tone="error" onClose={() => setFormError(null)}>
          {formError}
        </Notice>

        <IdentitySection form={form} />
        <KindStatusSection form={form} />
        <CapacitySection form={form} />
        <EnvironmentSection form={form} />
        <ServedSection form={form} />

        <FormSection title={f.funding}>
          <NumberInput field="requiredFundingMrial" label={f.requiredFunding} hint={f.requiredFundingHint} {...form.num} />
        </FormSection>

        <FormSection title={f.documents} hint={f.documentsHint(toPersianDigits(MAX_FILES), toPersianDigits(MAX_MB))}>
          <Files uploads={form.uploads} error={errors.documentIds} />
        </FormSection>

        <Notice tone="error" testId="form-error-bottom">
          {formError}
        </Notice>
        <Group gap="sm">
          <Button type="submit" loading={busy} size="md" data-testid="save-site">
            {f.save}
          </Button>
          <Button component={Link} to={site ? `/app/landfills/sites/${site.id}` : '/app/landfills'} variant="subtle" disabled={busy}>
            {lfa.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form once the site to edit has loaded. */
function EditSite({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['landfills', 'site', id],
    queryFn: ({ signal }) => api.get<SiteView>(`/api/v1/landfills/sites/${encodeURIComponent(id)}`, signal),
    refetchOnWindowFocus: false,
  });
  usePageTitle(q.data ? f.titleEdit(q.data.name) : f.titleNew);
  if (q.isPending || q.isError) return <QueryStatus query={q} />;
  return (
    <>
      <Title order={1} size="h2">
        {f.titleEdit(q.data.name)}
      </Title>
      {q.data.canEdit ? (
        <SiteFormBody site={q.data} />
      ) : (
        <Alert color="orange" variant="light" role="alert">
          {f.cannotEdit}
        </Alert>
      )}
    </>
  );
}

function NewSite() {
  usePageTitle(f.titleNew);
  return (
    <>
      <Title order={1} size="h2">
        {f.titleNew}
      </Title>
      <SiteFormBody site={null} />
    </>
  );
}

/**
 * `/app/landfills/sites/new` and `/app/landfills/sites/:id/edit`: a site record in sections (identity and place,
 * kind and status, capacity, environment, villages served, funding, photos and documents), each field with its
 * unit and help; numbers take Persian or ASCII digits. Saving sends the record to the district for verification.
 */
export default function SiteForm() {
  const { id } = useParams();
  const viewer = useLandfillViewer();
  return (
    <Container size="md">
      <Stack gap="lg">
        <Anchor component={Link} to={id ? `/app/landfills/sites/${id}` : '/app/landfills'} size="sm">
          → {id ? f.backToSite : lfa.common.back}
        </Anchor>
        {!viewer.edits ? (
          <Alert color="red" variant="light" role="alert">
            {f.notAllowed}
          </Alert>
        ) : id ? (
          <EditSite id={id} />
        ) : (
          <NewSite />
        )}
      </Stack>
    </Container>
  );
}
