// The single-value sections of the profile form (ProfileForm.tsx): identity with contact, the ordered fields of
// expertise, availability, the short bio, and the live completeness meter.
import { useState } from 'react';
import { Link } from 'react-router';
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import type { Completeness, FieldScore, FieldView } from '../../api-types.js';
import { pfa } from './fa-profile.js';
import { MAX_BIO, MAX_EXPERTISE, type Errors, type FormState } from './profile-form-state.js';
import { Section, TextField } from './ProfileParts.js';
import { described, Field, faScore, Select } from './ui.js';

type SetField = <K extends keyof FormState>(key: K, value: FormState[K]) => void;
interface Props {
  state: FormState;
  set: SetField;
  errors: Errors;
}
export interface Province {
  id: number;
  name: string;
}

export function IdentitySection({ state, set, errors, provinces, mobile }: Props & { provinces: Province[] | null; mobile: string }) {
  return (
    <Section id="sec-identity" title={pfa.identity.title}>
      <div className="cx-row cx-row-2">
        <Field id="nationalCode" label={pfa.identity.nationalCode} hint={pfa.identity.nationalCodeHint} error={errors.nationalCode}>
          <input
            {...described('nationalCode', true, errors.nationalCode)}
            className="cx-input cx-ltr"
            inputMode="numeric"
            autoComplete="off"
            value={toPersianDigits(state.nationalCode)}
            onChange={(e) => set('nationalCode', onlyDigits(e.currentTarget.value, 10))}
          />
        </Field>
        <Field id="birthDate" label={pfa.identity.birthDate} hint={pfa.identity.birthDateHint} error={errors.birthDate}>
          <input
            {...described('birthDate', true, errors.birthDate)}
            className="cx-input cx-ltr"
            inputMode="numeric"
            autoComplete="bday"
            value={toPersianDigits(state.birthDate)}
            onChange={(e) => set('birthDate', toAsciiDigits(e.currentTarget.value).replace(/[^\d/-]/g, '').slice(0, 10))}
          />
        </Field>
        <TextField id="firstName" label={pfa.identity.firstName} maxLength={50} autoComplete="given-name" value={state.firstName} error={errors.firstName} onChange={(v) => set('firstName', v)} />
        <TextField id="lastName" label={pfa.identity.lastName} maxLength={80} autoComplete="family-name" value={state.lastName} error={errors.lastName} onChange={(v) => set('lastName', v)} />
      </div>
      <h3>{pfa.contact.title}</h3>
      {/* Not a text box: the mobile is the account's (the one-time code's), changed by signing in with another. */}
      <p className="cx-hint" data-testid="contact-mobile">
        {pfa.contact.mobile(toPersianDigits(mobile))}
      </p>
      <div className="cx-row cx-row-2">
        <TextField id="email" label={pfa.contact.email} type="email" ltr optional maxLength={200} autoComplete="email" value={state.email} error={errors.email} onChange={(v) => set('email', v)} />
        <Select id="provinceId" label={pfa.contact.province} error={errors.provinceId} value={state.provinceId} loading={!provinces} onChange={(v) => set('provinceId', v)}>
          {provinces?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
    </Section>
  );
}

/** The chosen fields of expertise in order (the first is the main one), with up, down and remove, and a picker to add. */
export function ExpertiseSection({ state, set, errors, fields }: Props & { fields: FieldView[] | null }) {
  const [pick, setPick] = useState('');
  const [said, setSaid] = useState('');
  const chosen = state.expertise;
  const title = (k: string) => fields?.find((f) => f.key === k)?.title ?? k;
  const move = (i: number, d: -1 | 1) => {
    const next = [...chosen];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    set('expertise', next);
    setSaid(`${title(chosen[i]!)}: ${toPersianDigits(i + d + 1)}`);
  };
  const full = chosen.length >= MAX_EXPERTISE;
  return (
    <Section id="sec-expertise" title={pfa.expertise.title} intro={pfa.expertise.intro(toPersianDigits(MAX_EXPERTISE))}>
      <div className="cx-field" data-field="expertise">
        {chosen.length === 0 ? (
          <p className="cx-muted">{pfa.expertise.empty}</p>
        ) : (
          <ol className="cx-rank-list ins-rank-list" data-testid="expertise-list">
            {chosen.map((k, i) => (
              <li key={k}>
                <span className="cx-rank" aria-hidden="true">
                  {toPersianDigits(i + 1)}
                </span>
                <span className="ins-rank-text">{title(k)}</span>
                <span className="cx-rank-actions ins-rank-actions">
                  <button type="button" className="cx-icon-btn" disabled={i === 0} onClick={() => move(i, -1)} aria-label={pfa.expertise.upNamed(title(k))}>
                    ↑
                  </button>
                  <button type="button" className="cx-icon-btn" disabled={i === chosen.length - 1} onClick={() => move(i, 1)} aria-label={pfa.expertise.downNamed(title(k))}>
                    ↓
                  </button>
                  <button type="button" className="cx-icon-btn cx-icon-danger" onClick={() => set('expertise', chosen.filter((x) => x !== k))} aria-label={pfa.expertise.removeNamed(title(k))}>
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <p className="cx-sr" aria-live="polite">
          {said}
        </p>
        {errors.expertise && (
          <p className="cx-error" role="alert">
            {errors.expertise}
          </p>
        )}
      </div>
      {full ? (
        <p className="cx-hint">{pfa.expertise.full(toPersianDigits(MAX_EXPERTISE))}</p>
      ) : (
        <div className="ins-add-row">
          <Select id="expertise-pick" label={pfa.expertise.add} value={pick} loading={!fields} onChange={setPick}>
            {fields
              ?.filter((f) => !chosen.includes(f.key))
              .map((f) => (
                <option key={f.key} value={f.key}>
                  {f.title}
                </option>
              ))}
          </Select>
          <button
            type="button"
            className="cx-btn cx-btn-light"
            disabled={!pick}
            data-testid="expertise-add"
            onClick={() => {
              set('expertise', [...chosen, pick]);
              setPick('');
            }}
          >
            {pfa.expertise.addButton}
          </button>
        </div>
      )}
    </Section>
  );
}

export function AvailabilitySection({ state, set, errors, provinces }: Props & { provinces: Province[] | null }) {
  const a = state.availability;
  const own = Number(state.provinceId);
  const toggle = (id: number, on: boolean) => set('availability', { ...a, provinceIds: on ? [...a.provinceIds, id] : a.provinceIds.filter((x) => x !== id) });
  return (
    <Section id="sec-availability" title={pfa.availability.title}>
      <fieldset className="cx-field" data-field="availability" aria-describedby={errors.availability ? 'availability-error' : undefined}>
        <legend className="cx-label">{pfa.availability.legend}</legend>
        <div className="ins-choices">
          <label className="cx-choice">
            <input type="checkbox" checked={a.inPerson} onChange={(e) => set('availability', { ...a, inPerson: e.currentTarget.checked })} />
            <span className="cx-choice-title">{pfa.availability.inPerson}</span>
            <span className="cx-choice-hint">{pfa.availability.inPersonHint}</span>
          </label>
          <label className="cx-choice">
            <input type="checkbox" checked={a.online} onChange={(e) => set('availability', { ...a, online: e.currentTarget.checked })} />
            <span className="cx-choice-title">{pfa.availability.online}</span>
            <span className="cx-choice-hint">{pfa.availability.onlineHint}</span>
          </label>
        </div>
        {errors.availability && (
          <p className="cx-error" id="availability-error" role="alert">
            {errors.availability}
          </p>
        )}
      </fieldset>
      {a.inPerson && (
        <fieldset className="cx-field">
          <legend className="cx-label">{pfa.availability.provinces}</legend>
          <div className="ins-checks" data-testid="availability-provinces">
            {provinces
              ?.filter((p) => p.id !== own)
              .map((p) => (
                <label key={p.id} className="cx-check">
                  <input type="checkbox" checked={a.provinceIds.includes(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                  <span>{p.name}</span>
                </label>
              ))}
          </div>
        </fieldset>
      )}
    </Section>
  );
}

export function BioSection({ state, set, errors }: Props) {
  return (
    <Section id="sec-bio" title={pfa.bio.title}>
      <Field id="bio" label={pfa.bio.label} hint={pfa.bio.hint} error={errors.bio} optional>
        <textarea {...described('bio', true, errors.bio)} className="cx-textarea" maxLength={MAX_BIO} value={state.bio} onChange={(e) => set('bio', e.currentTarget.value)} />
      </Field>
      <p className="cx-hint ins-count">{pfa.bio.count(toPersianDigits(state.bio.length), toPersianDigits(MAX_BIO))}</p>
    </Section>
  );
}

/** How complete the profile is as typed, what it still lacks, and the saved profile's pre-score per field. */
export function CompletenessMeter({ c, scores }: { c: Completeness; scores: FieldScore[] }) {
  return (
    <section className="cx-card ins-meter" aria-labelledby="meter-title" data-testid="completeness" data-ready={c.ready}>
      <h2 id="meter-title">{pfa.meter.title}</h2>
      <div className="ins-meter-bar">
        <progress max={100} value={c.percent} aria-labelledby="meter-title" aria-valuetext={pfa.meter.percent(toPersianDigits(Math.round(c.percent)))} />
        <span data-testid="completeness-percent">{pfa.meter.percent(toPersianDigits(Math.round(c.percent)))}</span>
      </div>
      {c.ready ? (
        <p className="ins-ok">{pfa.meter.ready}</p>
      ) : (
        <>
          <p>{pfa.meter.missing}</p>
          <ul className="ins-missing" data-testid="missing">
            {c.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {scores.length > 0 && (
        <>
          <h3>{pfa.meter.prescore}</h3>
          <ul className="ins-inline-list" data-testid="prescores">
            {scores.map((s) => (
              <li key={s.field} data-passes={s.passes}>
                {s.fieldTitle}: <strong>{faScore(s.total)}</strong>
              </li>
            ))}
          </ul>
          <Link to="/instructors/me" className="cx-link-btn">
            {pfa.meter.prescoreLink}
          </Link>
        </>
      )}
    </section>
  );
}
