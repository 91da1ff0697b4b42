import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formatJalaliDate } from '../../../../core/fa/jalali.js';
import { normalizeFa, toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { emptyPlace, loadProvinces, PlacePicker, type PlaceValue } from '../../../../web/components/PlacePicker.js';
import type { ApplicantView, CallView, EligibilityCheck } from '../../api-types.js';
import type { ApplicationCreate } from '../../contract.js';
import {
  CONSCRIPTION_STATUSES,
  CONSCRIPTION_TITLES,
  EDUCATION_LEVELS,
  EDUCATION_TITLES,
  MARITAL_STATUSES,
  MARITAL_TITLES,
  MAX_PREFERENCES,
  type ConscriptionStatus,
  type EducationLevel,
  type MaritalStatus,
} from '../../enums.js';
import { ClaimsField, claimsPayload, emptyClaims, type ClaimsValue } from './ClaimsField.js';
import { afa } from './fa.js';
import { ffa } from './fa-form.js';
import { AMR, api, ApiError, fieldErrors, publicErrorMessage, type Citizen } from './http.js';
import { StationPicker, type StationsValue } from './StationPicker.js';
import { Alert, described, Failures, Field, ScoreTable, Select, useFormErrors } from './ui.js';

/** The body of POST /applications as JSON carries it (the birth date as Jalali text). */
type Body = { [K in keyof ApplicationCreate]: K extends 'birthDate' ? string : ApplicationCreate[K] };
type Errors = Record<string, string>;

const MAX_FIRST = 50;
const MAX_LAST = 80;
const MAX_FIELD = 100;

/** A Jalali date typed by a person, checked loosely (the server checks it exactly): 'YYYY/MM/DD' → ASCII, or null. */
function cleanJalali(s: string): string | null {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(toAsciiDigits(s).trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1300 || y > 1500 || mo < 1 || mo > 12 || d < 1 || d > (mo <= 6 ? 31 : 30)) return null;
  return `${y}/${String(mo).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
}

/**
 * Whether 10 digits are a well-formed national code (the check digit, not ten equal digits, digits 4–9 not all
 * zero). The server's zNationalCode is the authority; this is the same arithmetic without persian-tools' table of
 * city prefixes, which would weigh on every page's first chunk.
 */
function nationalCodeOk(code: string): boolean {
  if (!/^\d{10}$/.test(code) || /^(\d)\1{9}$/.test(code) || /^\d{3}0{6}/.test(code)) return false;
  const d = [...code].map(Number);
  const r = d.slice(0, 9).reduce((s, x, i) => s + x * (10 - i), 0) % 11;
  return d[9] === (r < 2 ? r : 11 - r);
}

/** A GPA typed with Persian or ASCII digits and '.', '٫' or '/' as the decimal mark; '' → null, bad → NaN. */
function parseGpa(s: string): number | null {
  const t = toAsciiDigits(s).trim().replace(/[٫/,]/g, '.');
  if (t === '') return null;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(t)) return NaN;
  return Number(t);
}

/** A place already chosen (when correcting): shown by name, with a button to pick another. */
interface PlaceState {
  keepId: number | null;
  keepName: string;
  changing: boolean;
  value: PlaceValue;
}
const placeId = (p: PlaceState) => (p.changing || p.keepId === null ? p.value.placeId : p.keepId);

function PlaceField({ idPrefix, legend, state, onChange, errors }: { idPrefix: string; legend: string; state: PlaceState; onChange: (s: PlaceState) => void; errors: Errors }) {
  if (state.keepId !== null && !state.changing) {
    return (
      <fieldset className="cx-field amr-fieldset" data-field={`${idPrefix}-place`}>
        <legend className="cx-label">{legend}</legend>
        <p className="amr-kept">
          <span data-testid={`${idPrefix}-current`}>{ffa.places.current(state.keepName)}</span>
          <button type="button" className="cx-link-btn" onClick={() => onChange({ ...state, changing: true })}>
            {ffa.places.change}
          </button>
        </p>
      </fieldset>
    );
  }
  return (
    <div>
      <fieldset className="cx-field amr-fieldset">
        <legend className="cx-label">{legend}</legend>
        <PlacePicker
          idPrefix={idPrefix}
          value={state.value}
          onChange={(value) => onChange({ ...state, value })}
          errors={{ province: errors[`${idPrefix}-province`], county: errors[`${idPrefix}-county`], place: errors[`${idPrefix}-place`] }}
          hints={{ placeNone: ffa.places.localityNone }}
        />
      </fieldset>
      {state.keepId !== null && (
        <button type="button" className="cx-link-btn" onClick={() => onChange({ ...state, changing: false, value: emptyPlace })}>
          {ffa.places.keep}
        </button>
      )}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="cx-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The application (or its correction, when `initial` is given): stations, person, education, places, priority
 * claims with documents; then «بررسی شرایط و امتیاز» (POST /applications/check, nothing stored) shows every failed
 * rule and the expected score, and the final submit (POST /applications, or PUT …/mine/:id when correcting).
 */
export default function ApplicationForm({
  call,
  citizen,
  initial,
  onStep,
  onNeedAuth,
  onDone,
}: {
  call: CallView;
  citizen: Citizen;
  initial?: ApplicantView | undefined;
  onStep?: (step: 'form' | 'review') => void;
  onNeedAuth: () => void;
  onDone: (view: ApplicantView) => void;
}) {
  const [step, setStep] = useState<'form' | 'review'>('form');
  const [stations, setStations] = useState<StationsValue>(() => ({
    provinceId: null,
    chosen: initial?.preferences.map((p) => ({ id: p.stationId, name: p.name, villageName: p.villageName, districtName: p.districtName })) ?? [],
  }));
  const [provinces, setProvinces] = useState<{ id: number; name: string }[] | null>(call.provinceQuotas.length ? call.provinceQuotas.map((q) => ({ id: q.provinceId, name: q.provinceName })) : null);
  const [nationalCode, setNationalCode] = useState(initial?.nationalCode ?? '');
  const [firstName, setFirstName] = useState(initial?.firstName ?? '');
  const [lastName, setLastName] = useState(initial?.lastName ?? '');
  const [fatherName, setFatherName] = useState(initial?.fatherName ?? '');
  const [birthDate, setBirthDate] = useState(initial ? toAsciiDigits(formatJalaliDate(initial.birthDate)) : '');
  const [educationLevel, setEducationLevel] = useState<EducationLevel | ''>(initial?.educationLevel ?? '');
  const [fieldOfStudy, setFieldOfStudy] = useState(initial?.fieldOfStudy ?? '');
  const [gpa, setGpa] = useState(initial?.gpa !== null && initial?.gpa !== undefined ? toPersianDigits(String(initial.gpa)).replace('.', '٫') : '');
  const [residence, setResidence] = useState<PlaceState>({ keepId: initial?.residenceDivisionId ?? null, keepName: initial?.residenceName ?? '', changing: false, value: emptyPlace });
  const [birthPlace, setBirthPlace] = useState<PlaceState>({ keepId: initial?.birthPlaceDivisionId ?? null, keepName: initial?.birthPlaceName ?? '', changing: false, value: emptyPlace });
  const [maritalStatus, setMaritalStatus] = useState<MaritalStatus | ''>(initial?.maritalStatus ?? '');
  const [conscriptionStatus, setConscriptionStatus] = useState<ConscriptionStatus | ''>(initial?.conscriptionStatus ?? '');
  const [claims, setClaims] = useState<ClaimsValue>(() => emptyClaims(initial?.priorityClaims));

  const { formRef, errors, setErrors, formError, setFormError, showErrors, clearFieldError } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<EligibilityCheck | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const reviewRef = useRef<HTMLHeadingElement>(null);

  // Provinces of the stations: those with a quota in the call, or every province when the call has none.
  useEffect(() => {
    if (provinces) return;
    let live = true;
    loadProvinces().then(
      (items) => live && setProvinces(items.map((d) => ({ id: d.id, name: d.name }))),
      (e: unknown) => live && setFormError(publicErrorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [provinces]);

  // Correcting: find the province of the stations chosen before, so the list of its stations shows again.
  useEffect(() => {
    const first = initial?.preferences[0];
    if (!first || call.provinceQuotas.length === 0) return;
    let live = true;
    void (async () => {
      for (const q of call.provinceQuotas) {
        try {
          const r = await api.get<{ items: { id: number }[] }>(`${AMR}/calls/${call.id}/stations?provinceId=${q.provinceId}`);
          if (!live) return;
          if (r.items.some((s) => s.id === first.stationId)) {
            setStations((v) => (v.provinceId === null ? { ...v, provinceId: q.provinceId } : v));
            return;
          }
        } catch {
          return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [initial, call]);

  function go(next: 'form' | 'review') {
    setStep(next);
    onStep?.(next);
    if (next === 'review') setTimeout(() => reviewRef.current?.focus(), 0);
    else window.scrollTo(0, 0);
  }

  const uploadsBusy = Object.values(claims).some((c) => c.checked && c.busy);

  function validate(): Errors {
    const e: Errors = {};
    if (stations.chosen.length === 0) e.stationIds = ffa.stations.atLeastOne;
    if (!nationalCode.trim()) e.nationalCode = ffa.required;
    else if (!nationalCodeOk(nationalCode)) e.nationalCode = ffa.person.nationalCodeInvalid;
    if (normalizeFa(firstName) === '') e.firstName = ffa.required;
    else if (firstName.trim().length > MAX_FIRST) e.firstName = ffa.person.tooLong(toPersianDigits(MAX_FIRST));
    if (normalizeFa(lastName) === '') e.lastName = ffa.required;
    else if (lastName.trim().length > MAX_LAST) e.lastName = ffa.person.tooLong(toPersianDigits(MAX_LAST));
    if (normalizeFa(fatherName) === '') e.fatherName = ffa.required;
    else if (fatherName.trim().length > MAX_FIRST) e.fatherName = ffa.person.tooLong(toPersianDigits(MAX_FIRST));
    if (!birthDate.trim()) e.birthDate = ffa.required;
    else if (!cleanJalali(birthDate)) e.birthDate = ffa.person.dateInvalid;
    if (!educationLevel) e.educationLevel = ffa.required;
    if (educationLevel && educationLevel !== 'below_diploma' && normalizeFa(fieldOfStudy) === '') e.fieldOfStudy = ffa.required;
    const g = parseGpa(gpa);
    if (g !== null && (Number.isNaN(g) || g < 0 || g > 20)) e.gpa = ffa.education.gpaInvalid;
    for (const [prefix, p] of [['res', residence], ['birth', birthPlace]] as const) {
      if (placeId(p) !== null) continue;
      if (p.value.provinceId === null) e[`${prefix}-province`] = ffa.required;
      else if (p.value.countyId === null) e[`${prefix}-county`] = ffa.required;
      else e[`${prefix}-place`] = ffa.required;
    }
    if (!maritalStatus) e.maritalStatus = ffa.required;
    if (!conscriptionStatus) e.conscriptionStatus = ffa.required;
    for (const c of claimsPayload(claims)) if (c.documentIds.length === 0) e[`claim-${c.group}`] = ffa.claims.needDocument;
    if (uploadsBusy) e.claims = ffa.review.waitUploads;
    return e;
  }

  function payload(): Body {
    return {
      callId: call.id,
      nationalCode: onlyDigits(nationalCode, 10),
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      fatherName: fatherName.trim(),
      birthDate: cleanJalali(birthDate) ?? birthDate,
      educationLevel: educationLevel as EducationLevel,
      fieldOfStudy: fieldOfStudy.trim(),
      gpa: parseGpa(gpa),
      residenceDivisionId: placeId(residence)!,
      birthPlaceDivisionId: placeId(birthPlace)!,
      maritalStatus: maritalStatus as MaritalStatus,
      priorityClaims: claimsPayload(claims),
      conscriptionStatus: conscriptionStatus as ConscriptionStatus,
      stationIds: stations.chosen.map((s) => s.id),
    };
  }

  /** Server field errors → this form's fields. */
  function mapServerErrors(err: unknown): Errors {
    const body = payload();
    const mapped: Errors = {};
    for (const [path, msg] of Object.entries(fieldErrors(err))) {
      const claim = /^priorityClaims\.(\d+)/.exec(path);
      if (path.startsWith('stationIds')) mapped.stationIds ??= msg;
      else if (path === 'residenceDivisionId') mapped['res-place'] = msg;
      else if (path === 'birthPlaceDivisionId') mapped['birth-place'] = msg;
      else if (claim) {
        const g = body.priorityClaims[Number(claim[1])]?.group;
        if (g) mapped[`claim-${g}`] ??= msg;
      } else mapped[path.split('.')[0] ?? path] ??= msg;
    }
    return mapped;
  }

  function handleError(err: unknown) {
    if (err instanceof ApiError && err.status === 401) {
      setFormError(null);
      go('form');
      onNeedAuth();
      return;
    }
    const mapped = mapServerErrors(err);
    if (err instanceof ApiError && err.code === 'duplicate_application') mapped.nationalCode = err.title;
    go('form');
    showErrors(mapped, publicErrorMessage(err));
  }

  async function runCheck(): Promise<boolean> {
    try {
      const res = await api.post<EligibilityCheck>(`${AMR}/applications/check`, payload());
      setCheck(res);
      setConfirmed(false);
      setConfirmError(null);
      return true;
    } catch (err) {
      handleError(err);
      return false;
    }
  }

  async function onCheck(e: FormEvent) {
    e.preventDefault();
    const errs = validate();
    if (Object.keys(errs).length) return showErrors(errs);
    setErrors({});
    setFormError(null);
    setBusy(true);
    const ok = await runCheck();
    setBusy(false);
    if (ok) go('review');
  }

  async function submit() {
    if (!confirmed) {
      setConfirmError(ffa.review.mustConfirm);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const view = initial
        ? await api.put<ApplicantView>(`${AMR}/applications/mine/${encodeURIComponent(initial.id)}`, payload())
        : await api.post<ApplicantView>(`${AMR}/applications`, payload());
      onDone(view);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_eligible') {
        // The rules failed at submission (e.g. the call's rules changed): show them, as the check does.
        setFormError(err.title);
        await runCheck();
      } else if (err instanceof ApiError && err.code === 'duplicate_application') {
        // One application per national code and call: the code is the field to look at.
        go('form');
        showErrors({ nationalCode: err.title }, err.title);
      } else if (err instanceof ApiError && err.status === 409) {
        setFormError(err.title); // e.g. registration closed meanwhile, or the application was already decided
      } else handleError(err);
    } finally {
      setBusy(false);
    }
  }

  const gpaValue = gpa;

  return (
    <>
      <form ref={formRef} className="amr-form" onSubmit={onCheck} onChange={clearFieldError} noValidate aria-busy={busy} hidden={step !== 'form'} data-testid="application-form">
        <p className="cx-muted">{afa.common.signedInAs(toPersianDigits(citizen.mobile))}</p>
        {initial && <Alert tone="info">{ffa.resubmitIntro}</Alert>}
        {initial?.lastComment && (
          <Alert tone="info">
            {ffa.lastComment}: {initial.lastComment}
          </Alert>
        )}
        <Alert testId="form-error">{formError}</Alert>

        <Section id="sec-stations" title={ffa.stations.title}>
          <p className="cx-hint">{ffa.stations.intro(toPersianDigits(MAX_PREFERENCES))}</p>
          <StationPicker callId={call.id} provinces={provinces} value={stations} onChange={(v) => {
            setStations(v);
            if (errors.stationIds) setErrors(({ stationIds: _, ...rest }) => rest);
          }} error={errors.stationIds} />
        </Section>

        <Section id="sec-person" title={ffa.person.title}>
          <div className="cx-row cx-row-2">
            <Field id="nationalCode" label={ffa.person.nationalCode} hint={ffa.person.nationalCodeHint} error={errors.nationalCode}>
              <input
                {...described('nationalCode', true, errors.nationalCode)}
                className="cx-input cx-ltr"
                inputMode="numeric"
                autoComplete="off"
                value={toPersianDigits(nationalCode)}
                onChange={(e) => setNationalCode(onlyDigits(e.currentTarget.value, 10))}
              />
            </Field>
            <Field id="birthDate" label={ffa.person.birthDate} hint={ffa.person.birthDateHint} error={errors.birthDate}>
              <input
                {...described('birthDate', true, errors.birthDate)}
                className="cx-input cx-ltr"
                inputMode="numeric"
                autoComplete="bday"
                value={toPersianDigits(birthDate)}
                onChange={(e) => setBirthDate(toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
              />
            </Field>
            <Field id="firstName" label={ffa.person.firstName} error={errors.firstName}>
              <input {...described('firstName', false, errors.firstName)} className="cx-input" autoComplete="given-name" maxLength={MAX_FIRST + 10} value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} />
            </Field>
            <Field id="lastName" label={ffa.person.lastName} error={errors.lastName}>
              <input {...described('lastName', false, errors.lastName)} className="cx-input" autoComplete="family-name" maxLength={MAX_LAST + 10} value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} />
            </Field>
            <Field id="fatherName" label={ffa.person.fatherName} error={errors.fatherName}>
              <input {...described('fatherName', false, errors.fatherName)} className="cx-input" maxLength={MAX_FIRST + 10} value={fatherName} onChange={(e) => setFatherName(e.currentTarget.value)} />
            </Field>
            <Select
              id="conscriptionStatus"
              label={ffa.person.conscription}
              hint={ffa.person.conscriptionHint}
              error={errors.conscriptionStatus}
              value={conscriptionStatus}
              onChange={(v) => setConscriptionStatus(v as ConscriptionStatus | '')}
            >
              {CONSCRIPTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CONSCRIPTION_TITLES[s]}
                </option>
              ))}
            </Select>
          </div>
          <fieldset className="cx-field" data-field="maritalStatus" aria-describedby={errors.maritalStatus ? 'maritalStatus-error' : undefined}>
            <legend className="cx-label">{ffa.person.marital}</legend>
            <div className="amr-choices">
              {MARITAL_STATUSES.map((m) => (
                <label key={m} className="cx-choice">
                  <input type="radio" name="maritalStatus" value={m} checked={maritalStatus === m} onChange={() => setMaritalStatus(m)} />
                  <span className="cx-choice-title">{MARITAL_TITLES[m]}</span>
                </label>
              ))}
            </div>
            {errors.maritalStatus && (
              <p className="cx-error" id="maritalStatus-error" role="alert">
                {errors.maritalStatus}
              </p>
            )}
          </fieldset>
        </Section>

        <Section id="sec-education" title={ffa.education.title}>
          <div className="cx-row cx-row-3">
            <Select id="educationLevel" label={ffa.education.level} error={errors.educationLevel} value={educationLevel} onChange={(v) => setEducationLevel(v as EducationLevel | '')}>
              {EDUCATION_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {EDUCATION_TITLES[l]}
                </option>
              ))}
            </Select>
            <Field id="fieldOfStudy" label={ffa.education.field} hint={ffa.education.fieldHint} error={errors.fieldOfStudy}>
              <input
                {...described('fieldOfStudy', true, errors.fieldOfStudy)}
                className="cx-input"
                maxLength={MAX_FIELD}
                value={fieldOfStudy}
                disabled={educationLevel === 'below_diploma'}
                onChange={(e) => setFieldOfStudy(e.currentTarget.value)}
              />
            </Field>
            <Field id="gpa" label={ffa.education.gpa} hint={ffa.education.gpaHint} error={errors.gpa} optional>
              <input
                {...described('gpa', true, errors.gpa)}
                className="cx-input cx-ltr"
                inputMode="decimal"
                autoComplete="off"
                value={gpaValue}
                onChange={(e) => setGpa(toPersianDigits(e.currentTarget.value.replace(/[^\d۰-۹٠-٩.٫/]/g, '').replace('.', '٫').slice(0, 5)))}
              />
            </Field>
          </div>
        </Section>

        <Section id="sec-places" title={ffa.places.title}>
          <PlaceField idPrefix="res" legend={ffa.places.residence} state={residence} errors={errors} onChange={(s) => {
            setResidence(s);
            setErrors(({ 'res-province': _a, 'res-county': _b, 'res-place': _c, ...rest }) => rest);
          }} />
          <PlaceField idPrefix="birth" legend={ffa.places.birthPlace} state={birthPlace} errors={errors} onChange={(s) => {
            setBirthPlace(s);
            setErrors(({ 'birth-province': _a, 'birth-county': _b, 'birth-place': _c, ...rest }) => rest);
          }} />
        </Section>

        <Section id="sec-claims" title={ffa.claims.title}>
          <p className="cx-hint">{ffa.claims.intro}</p>
          <ClaimsField value={claims} setValue={setClaims} errors={errors} />
          {errors.claims && (
            <p className="cx-error" role="alert">
              {errors.claims}
            </p>
          )}
        </Section>

        <button type="submit" className="cx-btn cx-btn-block" disabled={busy} data-testid="check">
          {busy ? ffa.review.checking : ffa.review.check}
        </button>
      </form>

      {step === 'review' && check && (
        <section className="cx-card" aria-labelledby="review-title" data-testid="review">
          <h2 id="review-title" ref={reviewRef} tabIndex={-1}>
            {ffa.review.title}
          </h2>
          <Alert testId="form-error">{formError}</Alert>
          {check.eligible ? (
            <Alert tone="ok" testId="eligible">
              {ffa.review.eligible}
            </Alert>
          ) : (
            <div className="cx-alert" role="alert" data-testid="not-eligible">
              <p className="amr-strong">{ffa.review.notEligible}</p>
              <Failures failures={check.failures} />
              <p>{ffa.review.notEligibleHelp}</p>
            </div>
          )}
          <h3>{ffa.review.score}</h3>
          <p className="cx-hint">{ffa.review.scoreNote}</p>
          <ScoreTable parts={check.scoreParts} total={check.score} caption={ffa.review.score} />
          {check.eligible && (
            <div className="cx-field" data-field="confirm">
              <label className="cx-check">
                <input
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => {
                    setConfirmed(e.currentTarget.checked);
                    setConfirmError(null);
                  }}
                  aria-describedby={confirmError ? 'confirm-error' : undefined}
                />
                <span>{ffa.review.confirm}</span>
              </label>
              {confirmError && (
                <p className="cx-error" id="confirm-error" role="alert">
                  {confirmError}
                </p>
              )}
            </div>
          )}
          <div className="cx-actions">
            {check.eligible && (
              <button type="button" className="cx-btn" onClick={() => void submit()} disabled={busy} data-testid="submit">
                {busy ? ffa.review.submitting : initial ? ffa.review.resubmit : ffa.review.submit}
              </button>
            )}
            <button type="button" className="cx-btn cx-btn-light" onClick={() => go('form')} disabled={busy}>
              {ffa.review.edit}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
