// The sections of the plan form (PlanForm.tsx): the village, axis and category, the plan in words, cost and funding,
// measured results with before→after figures, lessons, the public contact, photos and the round's documents. What
// the round requires is marked «لازم برای ارسال».
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { described, Field, Select } from '../../../../web/components/form.js';
import { PlacePicker, type PlaceValue } from '../../../../web/components/PlacePicker.js';
import type { RoundPublic } from '../../api-types.js';
import { MAX_PLAN_PHOTOS } from '../../enums.js';
import type { OptionalPart } from '../../titles.js';
import { planFa } from './fa-plan.js';
import { NUMBER_DIGITS, type Errors, type FormState, type NumberKey } from './plan-form-state.js';
import { DocsField, FigureRows, FundingRows, NumberField, photosHint, Section, TextField } from './PlanFormParts.js';

/** Purposes the festival's uploads are stored under. */
export const PHOTO_PURPOSE = 'festival-photo';
export const DOCUMENT_PURPOSE = 'festival-document';

export function VillageSection(props: {
  villages: { id: number; label: string }[] | 'pick';
  /** the saved village in words, while it is not being changed */
  current: string | null;
  onChangeVillage: () => void;
  pick: PlaceValue;
  onPick: (v: PlaceValue) => void;
  listValue: number | null;
  onList: (id: number | null) => void;
  error?: string | undefined;
}) {
  const { villages, current, error } = props;
  return (
    <Section id="fp-village" title={planFa.sections.village}>
      {villages !== 'pick' ? (
        <Select id="village" label={planFa.village} value={props.listValue} error={error} onChange={(v) => props.onList(v ? Number(v) : null)}>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </Select>
      ) : current ? (
        <div className="fp-current" data-field="village">
          <p data-testid="village-current">{planFa.villageCurrent(current)}</p>
          <button type="button" className="cx-link-btn" onClick={props.onChangeVillage}>
            {planFa.villageChange}
          </button>
          {error && <p className="cx-error" role="alert">{error}</p>}
        </div>
      ) : (
        <div data-field="village">
          <PlacePicker idPrefix="vil" villagesOnly value={props.pick} onChange={props.onPick} errors={{ place: error }} hints={{ countyNone: planFa.countyNone, placeNone: planFa.villageNone }} />
        </div>
      )}
    </Section>
  );
}

type SetField = <K extends keyof FormState>(key: K, value: FormState[K]) => void;

export function PlanSections({ round, state, set, setDocs, errors, onBusy }: {
  round: RoundPublic;
  state: FormState;
  set: SetField;
  /** a required document's files (by its key) */
  setDocs: (key: string, ids: string[]) => void;
  errors: Errors;
  onBusy: (id: string, busy: boolean) => void;
}) {
  const needed = (p: OptionalPart) => round.requiredParts.includes(p);
  const axis = round.axes.find((a) => a.key === state.axis);
  const num = (key: NumberKey, label: string, part: OptionalPart | null, rial = false, hint?: string) => (
    <NumberField id={key} label={label} hint={hint} value={state[key]} digits={NUMBER_DIGITS[key]} rial={rial} needed={part ? needed(part) : false} error={errors[key]} onChange={(v) => set(key, v)} />
  );
  const txt = (key: 'title' | 'summary' | 'problem' | 'actions' | 'partners' | 'lessons', label: string, hint: string, max: number, rows: number, isNeeded: boolean) => (
    <TextField id={key} label={label} hint={hint} value={state[key]} max={max} rows={rows} needed={isNeeded} error={errors[key]} onChange={(v) => set(key, v)} />
  );

  return (
    <>
      <Section id="fp-axis" title={planFa.sections.axis}>
        <fieldset className="cx-field" data-field="axis" aria-describedby={errors.axis ? 'axis-error' : undefined}>
          <legend className="cx-label">
            {planFa.axis} <span className="fp-needed">{planFa.requiredMark}</span>
          </legend>
          <div className="fp-choices">
            {round.axes.map((a) => (
              <label key={a.key} className="cx-choice">
                <input
                  type="radio"
                  name="axis"
                  value={a.key}
                  checked={state.axis === a.key}
                  onChange={() => {
                    set('axis', a.key);
                    if (!a.categories.some((c) => c.key === state.category)) set('category', '');
                  }}
                />
                <span className="cx-choice-title">{a.title}</span>
                {a.categories.length > 0 && <span className="cx-choice-hint">{a.categories.map((c) => c.title).join('، ')}</span>}
              </label>
            ))}
          </div>
          {errors.axis && (
            <p className="cx-error" id="axis-error" role="alert">
              {errors.axis}
            </p>
          )}
        </fieldset>
        {axis && axis.categories.length > 0 && (
          <Select id="category" label={planFa.category} value={state.category} error={errors.category} onChange={(v) => set('category', v)}>
            {axis.categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.title}
              </option>
            ))}
          </Select>
        )}
      </Section>

      <Section id="fp-about" title={planFa.sections.about}>
        {txt('title', planFa.title, planFa.titleHint, 150, 0, true)}
        {txt('summary', planFa.summary, planFa.summaryHint, 1000, 4, true)}
        {txt('problem', planFa.problem, planFa.problemHint, 3000, 5, needed('problem'))}
        {txt('actions', planFa.actions, planFa.actionsHint, 5000, 8, true)}
        {txt('partners', planFa.partners, planFa.partnersHint, 1000, 3, needed('partners'))}
        <div className="cx-row cx-row-2">{num('startYear', planFa.startYear, null, false, planFa.startYearHint)}</div>
      </Section>

      <Section id="fp-money" title={planFa.sections.money}>
        <div className="cx-row cx-row-2">{num('cost', planFa.cost, 'cost', true)}</div>
        <h3>
          {planFa.funding}
          {needed('funding') && <span className="fp-needed"> {planFa.requiredMark}</span>}
        </h3>
        <p className="cx-hint">{planFa.fundingHint}</p>
        <FundingRows rows={state.funding} errors={errors} onChange={(rows) => set('funding', rows)} />
      </Section>

      <Section id="fp-results" title={planFa.sections.results}>
        <div className="cx-row cx-row-2">
          {num('jobs', planFa.jobs, 'jobs')}
          {num('beneficiaries', planFa.beneficiaries, 'beneficiaries')}
          {num('incomePerYear', planFa.incomePerYear, 'incomePerYear', true)}
          {num('investment', planFa.investment, 'investment', true)}
        </div>
        <h3>
          {planFa.sections.figures}
          {needed('figures') && <span className="fp-needed"> {planFa.requiredMark}</span>}
        </h3>
        <p className="cx-hint">{planFa.figuresHint}</p>
        <FigureRows rows={state.figures} errors={errors} onChange={(rows) => set('figures', rows)} />
      </Section>

      <Section id="fp-lessons" title={planFa.sections.lessons}>
        {txt('lessons', planFa.lessons, planFa.lessonsHint, 3000, 5, needed('lessons'))}
      </Section>

      <Section id="fp-contact" title={planFa.sections.contact}>
        <p className="cx-msg fp-publish-note" data-kind="info_request" data-testid="contact-note">
          {planFa.contactNote}
        </p>
        <div className="cx-row cx-row-2">
          <TextField id="contactName" label={planFa.contactName} value={state.contactName} max={100} needed={needed('contact')} error={errors.contactName} onChange={(v) => set('contactName', v)} />
          <Field id="contactPhone" label={<>{planFa.contactPhone}{needed('contact') && <span className="fp-needed"> {planFa.requiredMark}</span>}</>} hint={planFa.contactPhoneHint} error={errors.contactPhone}>
            <input
              {...described('contactPhone', true, errors.contactPhone)}
              className="cx-input cx-ltr"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={toPersianDigits(state.contactPhone)}
              onChange={(e) => set('contactPhone', onlyDigits(e.currentTarget.value, 11))}
            />
          </Field>
        </div>
      </Section>

      <Section id="fp-files" title={planFa.sections.photos}>
        <DocsField
          id="photos"
          label={planFa.photos}
          hint={photosHint()}
          ids={state.photos}
          name={planFa.photoName}
          purpose={PHOTO_PURPOSE}
          maxFiles={MAX_PLAN_PHOTOS}
          needed={needed('photos')}
          error={errors.photos}
          onChange={(ids) => set('photos', ids)}
          onBusy={(b) => onBusy('photos', b)}
        />
        {round.requiredDocuments.map((d) => (
          <DocsField
            key={d.key}
            id={`documents.${d.key}`}
            label={d.title}
            hint={planFa.docHint}
            ids={state.documents[d.key] ?? []}
            name={planFa.docName}
            purpose={DOCUMENT_PURPOSE}
            needed
            error={errors[`documents.${d.key}`]}
            onChange={(ids) => setDocs(d.key, ids)}
            onBusy={(b) => onBusy(`documents.${d.key}`, b)}
          />
        ))}
      </Section>
    </>
  );
}
