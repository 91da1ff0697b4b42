// The festival's plan form, for an entrepreneur (public pages: villages 'pick') and a dehyari (staff pages: his
// villages): every part of a plan in sections, the live completeness meter (the server's own check), saving the
// draft (POST, then PUT with the version it was loaded from), submitting and resubmitting. Whatever goes wrong, what
// was typed stays: field errors beside their fields, a stale version or a passed deadline on top. An entry that may
// not be edited now is shown read-only (PlanView). Plain markup, no Mantine.
// The shell's page layout classes first (cx-row, cx-choice, files…), then the form's own rules.
import '../../../../web/styles/pages.css';
import './plan.css';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { api, ApiError } from '../../../../web/api.js';
import { publicErrorMessage } from '../../../../web/citizen-auth.js';
import { Alert, useFormErrors } from '../../../../web/components/form.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { emptyPlace, PlacePicker, type PlaceValue } from '../../../../web/components/PlacePicker.js';
import type { OwnerEntry, RoundPublic } from '../../api-types.js';
import { entryCompleteness } from '../../completeness.js';
import { Deadline } from './Deadline.js';
import { FEST, ownDocumentUrl } from './paths.js';
import { planFa } from './fa-plan.js';
import { mapServerErrors, planFrom, stateFrom, validate, type FormState } from './plan-form-state.js';
import { Meter } from './PlanFormParts.js';
import { PlanSections, VillageSection } from './PlanSections.js';

// The read-only view, fetched only for an entry that may not be edited now.
const PlanView = lazy(() => import('./PlanView.js'));

export { FEST, ownDocumentUrl } from './paths.js';

/** The messages of a problem+json `errors[]` (what a plan lacks on 422 entry_incomplete), in order. */
function problemMessages(err: unknown): string[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.errors)) return [];
  return (err.errors as { message?: unknown }[]).map((x) => (typeof x.message === 'string' ? x.message : '')).filter(Boolean);
}

const placeText = (e: OwnerEntry) => `${e.place.village}، ${e.place.county}، ${e.place.province}`;

/**
 * `entry` is the saved entry when the form opens (null for a new plan); the form keeps its own copy after that and
 * reports each saved one through `onChange` (key the form by the entry's id). `villages`: 'pick' lets the owner
 * choose any village (an entrepreneur); a list offers those (a dehyari's villages).
 */
export default function PlanForm(props: { round: RoundPublic; entry: OwnerEntry | null; villages: { id: number; label: string }[] | 'pick'; onChange?: (e: OwnerEntry) => void }) {
  const { round, villages, onChange } = props;
  const [entry, setEntry] = useState<OwnerEntry | null>(props.entry);
  const [state, setState] = useState<FormState>(() => stateFrom(props.entry?.plan ?? null));
  const [listVillage, setListVillage] = useState<number | null>(() => props.entry?.place.villageId ?? (villages !== 'pick' && villages.length === 1 ? villages[0]!.id : null));
  const [pick, setPick] = useState<PlaceValue>(emptyPlace);
  const [changingVillage, setChangingVillage] = useState(!props.entry);
  const [busyUploads, setBusyUploads] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState(false);
  const [needAuth, setNeedAuth] = useState(false);
  const { formRef, errors, setErrors, formError, setFormError, showErrors, clearFieldError } = useFormErrors();
  const topRef = useRef<HTMLDivElement>(null);

  const villageId = villages === 'pick' ? (changingVillage ? pick.placeId : (entry?.place.villageId ?? null)) : listVillage;
  const plan = useMemo(() => planFrom(state), [state]);
  const live = useMemo(() => entryCompleteness(plan, round, villageId !== null), [plan, round, villageId]);
  const json = JSON.stringify({ villageId, plan });
  // What was saved (for a new plan: the empty form, so nothing counts as unsaved until something is typed).
  const [savedJson, setSavedJson] = useState<string>(() => json);
  const dirty = savedJson !== json;
  const uploading = Object.values(busyUploads).some(Boolean);
  const editable = entry ? entry.can.edit : round.phase === 'accepting';

  // Leaving with unsaved text asks first (the browser's own question).
  useEffect(() => {
    if (!dirty || !editable) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, editable]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setNotice(null);
  };
  const setDocs = (key: string, ids: string[]) => setState((s) => ({ ...s, documents: { ...s.documents, [key]: ids } }));
  const setBusyFor = (id: string, b: boolean) => setBusyUploads((m) => (m[id] === b ? m : { ...m, [id]: b }));
  // Messages on top are scrolled to once they are on screen (after the render that shows them).
  const [scrollTick, setScrollTick] = useState(0);
  const toTop = () => setScrollTick((t) => t + 1);
  useEffect(() => {
    if (scrollTick) topRef.current?.scrollIntoView({ block: 'start' });
  }, [scrollTick]);

  function adopt(e: OwnerEntry, typedJson: string) {
    setEntry(e);
    setSavedJson(typedJson);
    setNeedAuth(false);
    if (villages === 'pick') setChangingVillage(false);
    onChange?.(e);
  }

  function failed(err: unknown) {
    setConflict(false);
    if (err instanceof ApiError && err.status === 401) {
      setNeedAuth(true);
      setFormError(planFa.sessionLost);
      return toTop();
    }
    if (err instanceof ApiError && err.code === 'version_conflict') {
      setConflict(true);
      setFormError(planFa.conflict);
      return toTop();
    }
    const mapped = mapServerErrors(err);
    if (Object.keys(mapped).length) return showErrors(mapped, publicErrorMessage(err));
    setFormError(publicErrorMessage(err));
    toTop();
  }

  /** Save what is typed; the saved entry, or null when it failed (the error is shown, the text kept). */
  async function save(): Promise<OwnerEntry | null> {
    const errs = validate(state);
    if (Object.keys(errs).length) {
      showErrors(errs);
      return null;
    }
    if (uploading) {
      setFormError(planFa.waitUploads);
      return null;
    }
    setErrors({});
    setFormError(null);
    setMissing(null);
    const typed = json;
    try {
      const res = entry
        ? await api.put<OwnerEntry>(`${FEST}/mine/entries/${encodeURIComponent(entry.id)}`, { villageId, plan, version: entry.version })
        : await api.post<OwnerEntry>(`${FEST}/mine/entries`, { roundId: round.id, villageId, plan });
      adopt(res, typed);
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
    if (res) setNotice(planFa.saved);
  }

  async function onSubmit() {
    setBusy('submit');
    try {
      const cur = dirty || !entry ? await save() : entry;
      if (!cur) return;
      const resubmit = cur.state === 'returned';
      const typed = json;
      const res = await api.post<OwnerEntry>(`${FEST}/mine/entries/${encodeURIComponent(cur.id)}/${resubmit ? 'resubmit' : 'submit'}`, { version: cur.version });
      adopt(res, typed);
      setNotice(resubmit ? planFa.resubmitted : planFa.submitted(toPersianDigits(res.trackingCode ?? '')));
      toTop();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'entry_incomplete') {
        const list = problemMessages(err);
        setMissing(list.length ? list : [err.title]);
        setErrors(mapServerErrors(err));
        setFormError(null);
        toTop();
      } else failed(err);
    } finally {
      setBusy(null);
    }
  }

  async function reload() {
    if (!entry) return;
    try {
      const fresh = await api.get<OwnerEntry>(`${FEST}/mine/entries/${encodeURIComponent(entry.id)}`);
      const s = stateFrom(fresh.plan);
      setState(s);
      setListVillage(fresh.place.villageId);
      setChangingVillage(false);
      adopt(fresh, JSON.stringify({ villageId: fresh.place.villageId, plan: planFrom(s) }));
      setConflict(false);
      setFormError(null);
    } catch (err) {
      failed(err);
    }
  }

  const submitLabel = entry ? (entry.can.resubmit ? planFa.resubmit : entry.can.submit ? planFa.submit : null) : editable ? planFa.submit : null;
  const top = (
    <div ref={topRef} className="fp-top">
      {needAuth && villages === 'pick' && (
        <OtpForm title={planFa.signInAgain} subtitle={planFa.sessionLost} codeLabel={planFa.otpCode} verifyLabel={planFa.otpVerify} onSignedIn={() => { setNeedAuth(false); setFormError(null); }} />
      )}
      {needAuth && villages !== 'pick' && (
        <a className="cx-btn cx-btn-light" href={`/login?next=${encodeURIComponent(window.location.pathname)}`} target="_blank" rel="noreferrer">
          {planFa.signInAgain}
        </a>
      )}
      {notice && <Alert tone="ok" testId="form-notice">{notice}</Alert>}
      {entry?.state === 'returned' && (
        <div className="cx-msg" data-kind="info_request" data-testid="returned">
          <p>{planFa.returned}</p>
          {entry.reviewerComment && (
            <p>
              <strong>{planFa.reviewerComment}: </strong>
              {entry.reviewerComment}
            </p>
          )}
        </div>
      )}
      {missing && (
        <div className="cx-alert" role="alert" data-testid="submit-missing">
          <p>{planFa.incomplete}</p>
          <ul className="fp-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <Alert testId="form-error">{formError}</Alert>
      {conflict && (
        <button type="button" className="cx-btn cx-btn-light" onClick={() => void reload()} data-testid="reload">
          {planFa.reload}
        </button>
      )}
    </div>
  );

  if (entry && !editable) {
    return (
      <div className="fp-form">
        {top}
        {(entry.state === 'province_screening' || entry.state === 'national_screening') && <Alert tone="info" testId="read-only">{planFa.readOnly}</Alert>}
        <Suspense fallback={<PageLoader />}>
          <PlanView plan={entry.plan} axes={round.axes} place={entry.place} ownerKind={entry.ownerKind} photoUrl={ownDocumentUrl} showContact />
        </Suspense>
      </div>
    );
  }

  return (
    <div className="fp-form">
      {top}
      {(round.phase === 'accepting' || editable) && <Deadline round={round} />}
      <Meter c={live} />
      <form ref={formRef} className="fp-form" onSubmit={onSave} onChange={clearFieldError} noValidate aria-busy={busy !== null} data-testid="plan-form">
        <fieldset className="fp-body" disabled={!editable}>
          <VillageSection
            villages={villages}
            current={entry && !changingVillage ? placeText(entry) : null}
            onChangeVillage={() => setChangingVillage(true)}
            pick={pick}
            onPick={setPick}
            listValue={listVillage}
            onList={setListVillage}
            error={errors.village}
          />
          <PlanSections round={round} state={state} set={set} setDocs={setDocs} errors={errors} onBusy={setBusyFor} />
        </fieldset>
        {editable && (
          <div className="fp-savebar" data-testid="savebar">
            <span className="fp-savebar-state" aria-live="polite">
              {uploading ? planFa.waitUploads : dirty ? planFa.unsaved : notice ?? planFa.meter.percent(toPersianDigits(live.percent))}
            </span>
            <div className="cx-actions">
              <button type="submit" className="cx-btn cx-btn-light" disabled={busy !== null} data-testid="save">
                {busy === 'save' ? planFa.saving : planFa.save}
              </button>
              {submitLabel && (
                <button type="button" className="cx-btn" disabled={busy !== null} onClick={() => void onSubmit()} data-testid="submit">
                  {busy === 'submit' ? planFa.sending : submitLabel}
                </button>
              )}
            </div>
          </div>
        )}
      </form>
    </div>
  );
}
