// Parts of the application form (ApplicationForm.tsx): a form section card, the place field (a place kept from the
// previous application, or picked anew), the marital status choice, and the review step (failed rules, expected score, confirm and submit).
import type { ReactNode, RefObject } from 'react';
import { PlacePicker, emptyPlace } from '../../../../web/components/PlacePicker.js';
import type { EligibilityCheck } from '../../api-types.js';
import { MARITAL_STATUSES, MARITAL_TITLES, type MaritalStatus } from '../../enums.js';
import type { Errors, PlaceState } from './application-form-fields.js';
import { ffa } from './fa-form.js';
import { Alert, Failures, ScoreTable } from './ui.js';

export function PlaceField({ idPrefix, legend, state, onChange, errors }: { idPrefix: string; legend: string; state: PlaceState; onChange: (s: PlaceState) => void; errors: Errors }) {
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

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="cx-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function MaritalField({ value, onChange, error }: { value: MaritalStatus | ''; onChange: (v: MaritalStatus) => void; error: string | undefined }) {
  return (
    <fieldset className="cx-field" data-field="maritalStatus" aria-describedby={error ? 'maritalStatus-error' : undefined}>
      <legend className="cx-label">{ffa.person.marital}</legend>
      <div className="amr-choices">
        {MARITAL_STATUSES.map((m) => (
          <label key={m} className="cx-choice">
            <input type="radio" name="maritalStatus" value={m} checked={value === m} onChange={() => onChange(m)} />
            <span className="cx-choice-title">{MARITAL_TITLES[m]}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="cx-error" id="maritalStatus-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The review step: eligibility (or the failed rules), the expected score, the confirmation and the final submit. */
export function ApplicationReview({
  check,
  formError,
  reviewRef,
  confirmed,
  setConfirmed,
  confirmError,
  setConfirmError,
  busy,
  resubmit,
  submit,
  go,
}: {
  check: EligibilityCheck;
  formError: string | null;
  reviewRef: RefObject<HTMLHeadingElement | null>;
  confirmed: boolean;
  setConfirmed: (v: boolean) => void;
  confirmError: string | null;
  setConfirmError: (v: string | null) => void;
  busy: boolean;
  resubmit: boolean;
  submit: () => Promise<void>;
  go: (next: 'form' | 'review') => void;
}) {
  return (
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
            {busy ? ffa.review.submitting : resubmit ? ffa.review.resubmit : ffa.review.submit}
          </button>
        )}
        <button type="button" className="cx-btn cx-btn-light" onClick={() => go('form')} disabled={busy}>
          {ffa.review.edit}
        </button>
      </div>
    </section>
  );
}
