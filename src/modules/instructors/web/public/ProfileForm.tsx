// The instructor's profile form (lazy-loaded by Profile.tsx): the sections, the live completeness meter, saving
// (PUT /me/profile with the version it was loaded from) and submitting for review. Whatever happens on the way,
// what was typed stays: errors are shown next to their fields, a lost session asks for the code above the form.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { loadProvinces } from '../../../../web/components/PlacePicker.js';
import { completeness } from '../../completeness.js';
import type { FieldView, MyInstructor } from '../../api-types.js';
import { pfa } from './fa-profile.js';
import { api, ApiError, INS, problemMessages, publicErrorMessage } from './http.js';
import { asCompletenessInput, mapServerErrors, payload, stateFrom, validate, type FormState, type ListKey } from './profile-form-state.js';
import { CertificatesSection, EducationSection, ExperienceSection, PublicationsSection, TeachingSection, type ListProps } from './ProfileItems.js';
import { AvailabilitySection, BioSection, CompletenessMeter, ExpertiseSection, IdentitySection, type Province } from './ProfileSections.js';
import { Alert, InsSignIn, useFormErrors } from './ui.js';
// After ui.js, which brings the shell's page styles and the service's own.
import './profile.css';

type Row<K extends ListKey> = FormState[K][number];

/** The label of the submit button: what submitting will file. */
function submitLabel(me: MyInstructor | null): string | null {
  if (me?.open) return me.open.state === 'returned' ? pfa.submit.resubmit : null;
  if (!me) return pfa.submit.initial;
  if (me.canApply) return pfa.submit[me.canApply];
  return null;
}

export default function ProfileForm({ initial, fields, mobile }: { initial: MyInstructor | null; fields: FieldView[]; mobile: string }) {
  const navigate = useNavigate();
  const [provinces, setProvinces] = useState<Province[] | null>(null);
  useEffect(() => {
    let live = true;
    loadProvinces().then(
      (items) => live && setProvinces(items.map((d) => ({ id: d.id, name: d.name }))),
      () => live && setProvinces([]),
    );
    return () => {
      live = false;
    };
  }, []);
  const [me, setMe] = useState<MyInstructor | null>(initial);
  const [state, setState] = useState<FormState>(() => stateFrom(initial));
  const [savedJson, setSavedJson] = useState(() => (initial ? JSON.stringify(payload(stateFrom(initial), 0)) : null));
  const [busyRows, setBusyRows] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState(false);
  const [needAuth, setNeedAuth] = useState(false);
  const { formRef, errors, setErrors, formError, setFormError, showErrors, clearFieldError } = useFormErrors();
  const authRef = useRef<HTMLDivElement>(null);

  const readOnly = !!me?.open && me.open.state !== 'returned';
  const live = useMemo(() => completeness(asCompletenessInput(state)), [state]);
  const dirty = savedJson === null || JSON.stringify(payload(state, 0)) !== savedJson;
  const uploading = Object.values(busyRows).some(Boolean);
  const label = submitLabel(me) ?? (dirty && me?.status === 'qualified' ? pfa.submit.update : null);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setNotice(null);
    if (errors[key as string]) setErrors(({ [key as string]: _, ...rest }) => rest);
  };
  const list: ListProps = {
    state,
    errors,
    fields,
    updateList: <K extends ListKey>(key: K, fn: (rows: Row<K>[]) => Row<K>[]) => {
      setState((s) => ({ ...s, [key]: fn(s[key] as Row<K>[]) }));
      setNotice(null);
    },
    setBusy: (id, b) => setBusyRows((m) => (m[id] === b ? m : { ...m, [id]: b })),
  };

  function failed(err: unknown) {
    setConflict(false);
    if (err instanceof ApiError && err.status === 401) {
      setNeedAuth(true);
      setFormError(null); // the sign-in card above the form says it
      setTimeout(() => authRef.current?.scrollIntoView({ block: 'start' }), 0);
      return;
    }
    if (err instanceof ApiError && err.code === 'version_conflict') {
      setConflict(true);
      setFormError(pfa.conflict);
      window.scrollTo(0, 0);
      return;
    }
    if (err instanceof ApiError && err.code === 'national_code_taken') return showErrors({ nationalCode: err.title }, err.title);
    const mapped = mapServerErrors(err);
    if (Object.keys(mapped).length) return showErrors(mapped, publicErrorMessage(err));
    setFormError(publicErrorMessage(err));
    window.scrollTo(0, 0);
  }

  /** Save what is typed; the saved view, or null when it failed (the error is shown). */
  async function save(): Promise<MyInstructor | null> {
    const errs = validate(state);
    if (Object.keys(errs).length) {
      showErrors(errs);
      return null;
    }
    if (uploading) {
      setFormError(pfa.waitUploads);
      return null;
    }
    setErrors({});
    setFormError(null);
    setMissing(null);
    try {
      const body = payload(state, me?.version ?? 0);
      const res = await api.put<MyInstructor>(`${INS}/me/profile`, body);
      setMe(res);
      setSavedJson(JSON.stringify(payload(state, 0)));
      setNeedAuth(false);
      return res;
    } catch (err) {
      failed(err);
      return null;
    }
  }

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setBusy('save');
    const res = await save();
    setBusy(null);
    if (res) setNotice(pfa.saved);
  }

  async function onSubmit() {
    setBusy('submit');
    try {
      const cur = dirty || !me ? await save() : me;
      if (!cur) return;
      const open = cur.open;
      if (open && open.state === 'returned') await api.put(`${INS}/me/applications/${encodeURIComponent(open.id)}/resubmit`, {});
      else await api.post(`${INS}/me/applications`, {});
      void navigate('/instructors/me', { state: { notice: open ? 'resubmitted' : 'submitted' } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'profile_incomplete') {
        const list = problemMessages(err);
        setMissing(list.length ? list : [err.title]);
        setFormError(null);
        window.scrollTo(0, 0);
      } else failed(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {needAuth && (
        <div ref={authRef}>
          <InsSignIn subtitle={pfa.signInAgain} onSignedIn={() => { setNeedAuth(false); setFormError(null); }} />
        </div>
      )}
      <CompletenessMeter c={live} scores={dirty ? [] : (me?.preScores ?? [])} />
      {me?.open?.state === 'returned' && (
        <div className="cx-msg" data-kind="info_request" data-testid="returned">
          <p>{pfa.returned}</p>
          {me.open.returnComment && (
            <p>
              <strong>{pfa.returnComment}: </strong>
              {me.open.returnComment}
            </p>
          )}
        </div>
      )}
      {readOnly && <Alert tone="info" testId="read-only">{pfa.readOnly}</Alert>}
      {me?.status === 'qualified' && !me.open && <Alert tone="info">{pfa.qualifiedNote}</Alert>}
      {missing && (
        <div className="cx-alert" role="alert" data-testid="submit-missing">
          <p>{pfa.submit.incomplete}</p>
          <ul className="ins-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <Alert testId="form-error">{formError}</Alert>
      {conflict && (
        <div>
          <button type="button" className="cx-btn cx-btn-light" onClick={() => window.location.reload()}>
            {pfa.reload}
          </button>
        </div>
      )}
      <form ref={formRef} className="ins-form" onSubmit={onSave} onChange={clearFieldError} noValidate aria-busy={busy !== null} data-testid="profile-form">
        <fieldset className="ins-form-body" disabled={readOnly}>
          <IdentitySection state={state} set={set} errors={errors} provinces={provinces} mobile={mobile} />
          <ExpertiseSection state={state} set={set} errors={errors} fields={fields} />
          <EducationSection {...list} />
          <TeachingSection {...list} />
          <ExperienceSection {...list} />
          <PublicationsSection {...list} />
          <CertificatesSection {...list} />
          <AvailabilitySection state={state} set={set} errors={errors} provinces={provinces} />
          <BioSection state={state} set={set} errors={errors} />
        </fieldset>
        {!readOnly && (
          <div className="ins-savebar" data-testid="savebar">
            <span className="ins-savebar-state" aria-live="polite">
              {notice ?? (uploading ? pfa.waitUploads : dirty ? pfa.unsaved : pfa.meter.percent(toPersianDigits(live.percent)))}
            </span>
            <div className="cx-actions">
              <button type="submit" className="cx-btn" disabled={busy !== null} data-testid="save">
                {busy === 'save' ? pfa.saving : pfa.save}
              </button>
              {label && (
                <button type="button" className="cx-btn cx-btn-light" disabled={busy !== null} onClick={() => void onSubmit()} data-testid="submit">
                  {busy === 'submit' ? pfa.submit.sending : label}
                </button>
              )}
            </div>
          </div>
        )}
      </form>
    </>
  );
}
