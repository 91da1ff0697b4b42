// The application form of the public site (lazy-loaded by Apply.tsx and MyApplication.tsx): form state,
// validation, the eligibility check and the submission; helpers in application-form-fields.ts, parts in
// ApplicationFormParts.tsx.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatJalaliDate } from '../../../../core/fa/jalali.js';
import { normalizeFa, toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { emptyPlace, loadProvinces } from '../../../../web/components/PlacePicker.js';
import type { ApplicantView, CallView, EligibilityCheck } from '../../api-types.js';
import {
  CONSCRIPTION_STATUSES,
  CONSCRIPTION_TITLES,
  EDUCATION_LEVELS,
  EDUCATION_TITLES,
  MAX_PREFERENCES,
  type ConscriptionStatus,
  type EducationLevel,
  type MaritalStatus,
} from '../../enums.js';
import {
  cleanJalali,
  mapServerErrors,
  MAX_FIELD,
  MAX_FIRST,
  MAX_LAST,
  nationalCodeOk,
  parseGpa,
  placeId,
  type Body,
  type Errors,
  type PlaceState,
} from './application-form-fields.js';
import { ApplicationReview, MaritalField, PlaceField, Section } from './ApplicationFormParts.js';
import { ClaimsField, claimsPayload, emptyClaims, type ClaimsValue } from './ClaimsField.js';
import { afa } from './fa.js';
import { ffa } from './fa-form.js';
import { AMR, api, ApiError, publicErrorMessage, type Citizen } from './http.js';
import { StationPicker, type StationsValue } from './StationPicker.js';
import { described, Alert, Field, Select, useFormErrors } from './ui.js';

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

  function handleError(err: unknown) {
    if (err instanceof ApiError && err.status === 401) {
      setFormError(null);
      go('form');
      onNeedAuth();
      return;
    }
    const mapped = mapServerErrors(err, payload());
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
          <MaritalField value={maritalStatus} onChange={setMaritalStatus} error={errors.maritalStatus} />
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
        <ApplicationReview
          check={check}
          formError={formError}
          reviewRef={reviewRef}
          confirmed={confirmed}
          setConfirmed={setConfirmed}
          confirmError={confirmError}
          setConfirmError={setConfirmError}
          busy={busy}
          resubmit={!!initial}
          submit={submit}
          go={go}
        />
      )}
    </>
  );
}
