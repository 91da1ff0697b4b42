import { useMemo, useState, type FormEvent } from 'react';
import { normalizeFa, toPersianDigits } from '../../../../core/fa/normalize.js';
import { cfa } from '../fa.js';
import { faNumber } from '../../../../web/format.js';
import type { CategoryGroup, CategoryLeaf, ComplaintKind, SimilarItem } from '../types.js';
import { FileUploads, useUploads } from '../../../../web/components/Uploads.js';
import { nfa } from './fa-new.js';
import { api, ApiError, fieldErrors, publicErrorMessage, type Citizen } from './http.js';
import { emptyPlace, PlacePicker, type PlaceValue } from '../../../../web/components/PlacePicker.js';
import { Alert, described, Field, Select, useFormErrors } from './ui.js';
import { QuestionField, type Answer } from './QuestionField.js';
import { SimilarList } from './SimilarList.js';
import { LocationField } from './LocationField.js';

const MAX_BODY = 4000;
const MAX_SUBJECT = 150;
const MAX_NAME = 100;
const MAX_ADDRESS = 300;
const KINDS = Object.keys(nfa.kinds) as ComplaintKind[];

type Errors = Record<string, string>;

export default function ComplaintForm({
  citizen,
  categories,
  catError,
  onRetryCategories,
  onStep,
  onNeedAuth,
  onDone,
}: {
  citizen: Citizen | null;
  categories: CategoryGroup[] | null;
  catError: string | null;
  onRetryCategories: () => void;
  onStep: (step: 'form' | 'similar') => void;
  onNeedAuth: () => void;
  onDone: (trackingCode: string) => void;
}) {
  const [step, setStep] = useState<'form' | 'similar'>('form');
  const [kind, setKind] = useState<ComplaintKind | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [leafId, setLeafId] = useState<number | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [place, setPlace] = useState<PlaceValue>(emptyPlace);
  const [address, setAddress] = useState('');
  const [coords, setCoords] = useState<{ lat: number; lon: number } | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const uploads = useUploads('complaint');

  const { formRef, errors, setErrors, formError, setFormError, showErrors, clearFieldError } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [similar, setSimilar] = useState<SimilarItem[]>([]);

  const group = useMemo(() => categories?.find((g) => g.id === groupId) ?? null, [categories, groupId]);
  const leaf: CategoryLeaf | null = useMemo(() => group?.children.find((c) => c.id === leafId) ?? null, [group, leafId]);

  function go(next: 'form' | 'similar') {
    setStep(next);
    onStep(next);
    window.scrollTo(0, 0);
  }

  function validate(): Errors {
    const e: Errors = {};
    if (!kind) e.kind = cfa.common.required;
    if (!groupId) e.group = cfa.common.required;
    else if (!leafId) e.categoryId = cfa.common.required;
    if (!place.provinceId) e.province = cfa.common.required;
    else if (!place.countyId) e.county = cfa.common.required;
    else if (!place.placeId) e.place = cfa.common.required;
    for (const q of leaf?.questions ?? []) {
      const v = answers[q.code];
      if (q.required && (v === undefined || v === '')) e[`q-${q.code}`] = cfa.common.required;
      if (q.type === 'number' && typeof v === 'string' && v !== '' && !Number.isFinite(Number(v))) e[`q-${q.code}`] = cfa.common.required;
    }
    if (normalizeFa(subject) === '') e.subject = cfa.common.required;
    else if (subject.trim().length > MAX_SUBJECT) e.subject = cfa.common.tooLong(faNumber(MAX_SUBJECT));
    if (normalizeFa(body) === '') e.body = cfa.common.required;
    else if (body.trim().length > MAX_BODY) e.body = cfa.common.tooLong(faNumber(MAX_BODY));
    if (uploads.busy) e.attachments = cfa.common.waitUploads;
    return e;
  }

  function payload() {
    const cleanAnswers: Record<string, Answer> = {};
    for (const q of leaf?.questions ?? []) {
      const v = answers[q.code];
      if (v === undefined || v === '') continue;
      cleanAnswers[q.code] = q.type === 'number' ? Number(v) : v;
    }
    return {
      kind: kind!,
      categoryId: leafId!,
      divisionId: place.placeId!,
      ...(coords ? { lat: coords.lat, lon: coords.lon } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      subject: subject.trim(),
      body: body.trim(),
      answers: cleanAnswers,
      ...(name.trim() ? { name: name.trim() } : {}),
      anonymous,
      documentIds: uploads.documentIds,
    };
  }

  async function onContinue(e: FormEvent) {
    e.preventDefault();
    const errs = validate();
    if (Object.keys(errs).length) return showErrors(errs);
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      const text = `${subject.trim()} ${body.trim()}`.slice(0, MAX_BODY);
      const qs = new URLSearchParams({ categoryId: String(leafId), divisionId: String(place.placeId), text });
      const res = await api.get<{ items: SimilarItem[] }>(`/api/v1/complaints/similar?${qs}`);
      if (res.items.length > 0) {
        setSimilar(res.items);
        setBusy(false);
        go('similar');
        return;
      }
    } catch {
      // Similar cases are a courtesy: if they cannot be fetched, file anyway.
    }
    await submit();
  }

  async function submit() {
    setBusy(true);
    setFormError(null);
    try {
      const res = await api.post<{ trackingCode: string; id: string }>('/api/v1/complaints', payload());
      onDone(res.trackingCode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        // The session ran out while the form was being filled: sign in again; this form stays mounted, kept.
        setFormError(null);
        go('form');
        onNeedAuth();
        return;
      }
      const fe = fieldErrors(err);
      const mapped: Errors = {};
      for (const [path, msg] of Object.entries(fe)) {
        if (path === 'divisionId') mapped.place = msg;
        else if (path.startsWith('answers.')) mapped[`q-${path.slice(8)}`] = msg;
        else if (path === 'documentIds' || path.startsWith('documentIds.')) mapped.attachments = msg;
        else if (path === 'categoryId') mapped.categoryId = msg;
        else mapped[path] = msg;
      }
      if (step !== 'form') go('form');
      showErrors(mapped, publicErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const bodyLen = body.length;

  return (
    <>
      {step === 'form' && (
        <form ref={formRef} className="cx-page" style={{ padding: 0 }} onSubmit={onContinue} onChange={clearFieldError} noValidate aria-busy={busy}>
          {citizen && <p className="cx-muted">{cfa.otp.signedInAs(toPersianDigits(citizen.mobile))}</p>}
          <Alert testId="form-error">{formError}</Alert>

          <section className="cx-card" aria-labelledby="sec-what">
            <h2 id="sec-what">{nfa.create.kind}</h2>
            <fieldset className="cx-field" data-field="kind" aria-describedby={errors.kind ? 'kind-error' : undefined}>
              <legend className="cx-sr">{nfa.create.kind}</legend>
              <div className="cx-choices">
                {KINDS.map((k) => (
                  <label key={k} className="cx-choice">
                    <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                    <span className="cx-choice-title">{nfa.kinds[k].title}</span>
                    <span className="cx-choice-hint">{nfa.kinds[k].hint}</span>
                  </label>
                ))}
              </div>
              {errors.kind && (
                <p className="cx-error" id="kind-error" role="alert">
                  {errors.kind}
                </p>
              )}
            </fieldset>

            {catError && (
              <Alert>
                {catError}{' '}
                <button type="button" className="cx-link-btn" onClick={onRetryCategories}>
                  {cfa.common.retry}
                </button>
              </Alert>
            )}
            <div className="cx-row cx-row-2">
              <Select
                id="group"
                label={nfa.create.category}
                hint={nfa.create.categoryHint}
                error={errors.group}
                value={groupId}
                loading={!categories}
                disabled={!categories}
                onChange={(v) => {
                  const id = v ? Number(v) : null;
                  setGroupId(id);
                  const g = categories?.find((c) => c.id === id);
                  setLeafId(g && g.children.length === 1 ? g.children[0]!.id : null);
                  setAnswers({});
                }}
              >
                {categories?.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
              <Select
                id="categoryId"
                label={nfa.create.subcategory}
                error={errors.categoryId}
                value={leafId}
                disabled={!group}
                onChange={(v) => {
                  setLeafId(v ? Number(v) : null);
                  setAnswers({});
                }}
              >
                {group?.children.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </div>
            {leaf && (
              <p className="cx-hint" data-testid="category-info">
                {leaf.description ? `${leaf.description} — ` : ''}
                {nfa.create.office(leaf.officeTitle ?? '', cfa.common.days(toPersianDigits(leaf.slaDays)))}
              </p>
            )}
          </section>

          <section className="cx-card" aria-labelledby="sec-where">
            <h2 id="sec-where">{nfa.create.place}</h2>
            <PlacePicker
              value={place}
              onChange={(v) => {
                setPlace(v);
                setErrors(({ province: _p, county: _c, place: _pl, ...rest }) => rest);
              }}
              errors={{ province: errors.province, county: errors.county, place: errors.place }}
              hints={{ countyNone: nfa.create.countyNone, placeNone: nfa.create.localityNone }}
            />
            <Field id="address" label={nfa.create.address} hint={nfa.create.addressHint} optional error={errors.address}>
              <input {...described('address', true, errors.address)} className="cx-input" maxLength={MAX_ADDRESS} value={address} onChange={(e) => setAddress(e.currentTarget.value)} autoComplete="street-address" />
            </Field>
            <LocationField coords={coords} onChange={setCoords} />
          </section>

          <section className="cx-card" aria-labelledby="sec-why">
            <h2 id="sec-why">{nfa.create.body}</h2>
            {leaf && leaf.questions.length > 0 && (
              <div className="cx-row cx-row-2" data-testid="questions">
                {leaf.questions.map((q) => (
                  <QuestionField
                    key={q.code}
                    q={q}
                    value={answers[q.code]}
                    error={errors[`q-${q.code}`]}
                    onChange={(v) =>
                      setAnswers((a) => {
                        const next = { ...a };
                        if (v === undefined) delete next[q.code];
                        else next[q.code] = v;
                        return next;
                      })
                    }
                  />
                ))}
              </div>
            )}
            <Field id="subject" label={nfa.create.subject} hint={nfa.create.subjectHint} error={errors.subject}>
              <input {...described('subject', true, errors.subject)} className="cx-input" maxLength={MAX_SUBJECT} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
            </Field>
            <Field id="body" label={nfa.create.body} hint={nfa.create.bodyHint} error={errors.body}>
              <textarea {...described('body', true, errors.body)} className="cx-textarea" rows={6} value={body} onChange={(e) => setBody(e.currentTarget.value.slice(0, MAX_BODY + 200))} />
              <span className="cx-counter" data-over={bodyLen > MAX_BODY} aria-live="polite" data-testid="body-counter">
                {cfa.common.charCount(faNumber(bodyLen), faNumber(MAX_BODY))}
              </span>
            </Field>
            <FileUploads id="attachments" uploads={uploads} error={errors.attachments} optional />
          </section>

          <section className="cx-card" aria-labelledby="sec-who">
            <h2 id="sec-who">{nfa.create.name}</h2>
            <Field id="name" label={nfa.create.name} optional error={errors.name}>
              <input {...described('name', false, errors.name)} className="cx-input" maxLength={MAX_NAME} autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
            </Field>
            <label className="cx-check" data-field="anonymous">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} aria-describedby="anonymous-hint" />
              <span>
                <strong>{nfa.create.anonymous}</strong>
                <span className="cx-hint" id="anonymous-hint" style={{ display: 'block' }}>
                  {nfa.create.anonymousHint}
                </span>
              </span>
            </label>
          </section>

          <button type="submit" className="cx-btn cx-btn-block" disabled={busy}>
            {busy ? nfa.create.checking : nfa.create.next}
          </button>
        </form>
      )}

      {step === 'similar' && (
        <section className="cx-card" aria-labelledby="sec-similar">
          <h2 id="sec-similar">{nfa.create.similarTitle}</h2>
          <p className="cx-lead">{nfa.create.similarText}</p>
          <Alert testId="form-error">{formError}</Alert>
          <SimilarList similar={similar} />
          <div className="cx-actions">
            <button type="button" className="cx-btn" onClick={() => void submit()} disabled={busy}>
              {busy ? nfa.create.submitting : nfa.create.similarStillSubmit}
            </button>
            <button type="button" className="cx-btn cx-btn-light" onClick={() => go('form')} disabled={busy}>
              {nfa.create.edit}
            </button>
          </div>
        </section>
      )}

    </>
  );
}
