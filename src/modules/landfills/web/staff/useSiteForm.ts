// The site form's state and actions: its fields, errors and uploads, the device's position, and saving (a new site
// or an edit from the version the form started from). The sections that show it: SiteFormSections.tsx.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { divisionTitle } from '../../../../core/org/labels.js';
import { api, fieldErrors } from '../../../../web/api.js';
import { useUploads } from '../../../../web/components/Uploads.js';
import type { SiteView } from '../../api-types.js';
import { lfa } from './fa.js';
import { actionError, useLandfillViewer } from './shared.js';
import { f } from './site-form-parts.js';
import { checkSite, errorsByField, fromSite, siteBody, type FormState, type NumberField } from './site-form-state.js';

export function useSiteForm(site: SiteView | null) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const viewer = useLandfillViewer();
  // A dehyar registers the sites of his own village: it is chosen for him (he may still change it).
  const only = viewer.scopes.length === 1 && viewer.scopes[0]!.level === 'village' ? viewer.scopes[0]! : null;
  const [state, setState] = useState<FormState>(() => fromSite(site, only ? { id: only.id, label: divisionTitle({ level: 'village', name: only.name }) } : null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [locating, setLocating] = useState(false);
  const uploads = useUploads(
    'landfill-site',
    (site?.documents ?? []).map((d) => ({ id: d.id, name: d.filename })),
  );

  const put = <K extends keyof FormState>(k: K, v: FormState[K]) => setState((s) => ({ ...s, [k]: v }));
  const setNum = (k: NumberField, v: string) => setState((s) => ({ ...s, nums: { ...s.nums, [k]: v } }));
  // The version this form started from: a later refetch does not change it, so another editor's save meanwhile
  // is a conflict (409) rather than silently overwritten.
  const [version] = useState(site?.version ?? 0);
  const [startStatus] = useState(site?.status ?? null);
  const statusChanged = site !== null && state.status !== startStatus;
  const num = { state, set: setNum, errors };

  function locate() {
    if (!navigator.geolocation) {
      setErrors((e) => ({ ...e, lat: f.locateFailed }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setState((s) => ({ ...s, nums: { ...s.nums, lat: pos.coords.latitude.toFixed(6), lon: pos.coords.longitude.toFixed(6) } }));
        setErrors(({ lat: _lat, lon: _lon, ...rest }) => rest);
      },
      () => {
        setLocating(false);
        setErrors((e) => ({ ...e, lat: f.locateFailed }));
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const { errors: e, values } = checkSite(state, uploads.busy);
    setErrors(e);
    if (Object.keys(e).length > 0) {
      setFormError(lfa.common.formErrors);
      return;
    }
    setFormError(null);
    setBusy(true);
    const body = siteBody(state, values, uploads.documentIds, site ? { version, statusChanged } : null);
    try {
      const saved = site ? await api.put<SiteView>(`/api/v1/landfills/sites/${site.id}`, body) : await api.post<SiteView>('/api/v1/landfills/sites', body);
      qc.setQueryData(['landfills', 'site', String(saved.id)], saved);
      void qc.invalidateQueries({ queryKey: ['landfills', 'sites'] });
      void qc.invalidateQueries({ queryKey: ['landfills', 'summary'] });
      navigate(`/app/landfills/sites/${saved.id}`, { state: { notice: site ? lfa.site.saved : lfa.site.created } });
    } catch (err) {
      const byField = errorsByField(fieldErrors(err));
      setErrors(byField);
      setFormError(Object.keys(byField).length > 0 ? lfa.common.formErrors : actionError(err).message);
      if (actionError(err).conflict) void qc.invalidateQueries({ queryKey: ['landfills', 'site', String(site?.id)] });
    } finally {
      setBusy(false);
    }
  }

  return { site, state, put, errors, num, formError, setFormError, busy, locating, locate, uploads, statusChanged, submit };
}

/** The site form as its sections read it. */
export type SiteFormModel = ReturnType<typeof useSiteForm>;
