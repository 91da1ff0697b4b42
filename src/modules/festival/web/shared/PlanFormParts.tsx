// Building blocks of the plan form (PlanForm.tsx): a section card, text and number fields wired to the form's
// errors, the uploads of one list of files, the rows of funding and of before→after figures, the completeness meter
// and the deadline line. Plain markup (the cx- classes of src/web/styles), usable on public and staff pages.
import { useEffect, useRef, type ReactNode } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { onlyDigits } from '../../../../web/components/digits.js';
import { described, Field, Select } from '../../../../web/components/form.js';
import { FileUploads, MAX_MB, useUploads } from '../../../../web/components/Uploads.js';
import { faNumber } from '../../../../web/format.js';
import type { Completeness } from '../../completeness.js';
import { MAX_PLAN_PHOTOS } from '../../enums.js';
import { FUNDING_SOURCE_TITLES, FUNDING_SOURCES } from '../../titles.js';
import { planFa } from './fa-plan.js';
import { faRial } from './format.js';
import { decimalTyped, MAX_FIGURES, MAX_FUNDING, rowKey, wholeOrNull, type Errors, type FigureRow, type FundingRow } from './plan-form-state.js';

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="cx-card fp-section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p className="cx-hint">{intro}</p>}
      {children}
    </section>
  );
}

interface TextProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** required to submit (the round asks for it): marked in the label */
  needed?: boolean;
  max: number;
  rows?: number;
}

const neededMark = (needed?: boolean) => (needed ? <span className="fp-needed"> {planFa.requiredMark}</span> : null);

/** A one-line text box (rows 0) or a text area, with a count once half of the room is used. */
export function TextField({ id, label, value, onChange, error, hint, needed, max, rows = 0 }: TextProps) {
  const common = { ...described(id, !!hint, error), maxLength: max, value, onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value) };
  return (
    <Field id={id} label={<>{label}{neededMark(needed)}</>} hint={hint} error={error}>
      {rows > 0 ? <textarea {...common} className="cx-textarea" rows={rows} /> : <input {...common} className="cx-input" autoComplete="off" />}
      {value.length > max / 2 && <span className="cx-hint fp-count">{toPersianDigits(`${value.length} / ${max}`)}</span>}
    </Field>
  );
}

/** A whole number typed in Persian or ASCII digits (kept ASCII, shown Persian); rials get their amount in words. */
export function NumberField({ id, label, value, onChange, error, hint, needed, digits, rial = false }: Omit<TextProps, 'max' | 'rows'> & { digits: number; rial?: boolean }) {
  const n = wholeOrNull(value);
  const words = rial && n !== null && n >= 1000 ? planFa.rial(`${faNumber(n)} — ${faRial(n)}`) : undefined;
  return (
    <Field id={id} label={<>{label}{neededMark(needed)}</>} hint={hint} error={error}>
      <input
        {...described(id, !!hint, error)}
        className="cx-input cx-ltr"
        inputMode="numeric"
        autoComplete="off"
        value={toPersianDigits(value)}
        onChange={(e) => onChange(onlyDigits(e.currentTarget.value, digits))}
      />
      {words && <span className="cx-hint fp-words">{words}</span>}
    </Field>
  );
}

/** One list of files (photos, or a required document), uploaded as soon as picked; ids and busy go up. */
export function DocsField({ id, label, hint, ids, name, purpose, needed, error, onChange, onBusy, maxFiles }: {
  id: string;
  label: string;
  hint: string;
  ids: string[];
  name: (n: string) => string;
  purpose: string;
  needed: boolean;
  error?: string | undefined;
  onChange: (ids: string[]) => void;
  onBusy: (busy: boolean) => void;
  /** Most files (the upload component's default when not given). */
  maxFiles?: number;
}) {
  const uploads = useUploads(purpose, ids.map((d, i) => ({ id: d, name: name(toPersianDigits(i + 1)) })), maxFiles);
  const latest = useRef({ onChange, onBusy });
  latest.current = { onChange, onBusy };
  const joined = uploads.documentIds.join(',');
  useEffect(() => {
    latest.current.onChange(joined ? joined.split(',') : []);
  }, [joined]);
  useEffect(() => {
    latest.current.onBusy(uploads.busy);
  }, [uploads.busy]);
  return <FileUploads id={id} uploads={uploads} label={needed ? `${label} ${planFa.requiredMark}` : label} hint={hint} optional={!needed} error={error} className="cx-field fp-docs" />;
}

export const photosHint = () => planFa.photosHint(toPersianDigits(MAX_PLAN_PHOTOS), toPersianDigits(MAX_MB));

function RowFrame({ n, onRemove, children, testId }: { n: number; onRemove: () => void; children: ReactNode; testId: string }) {
  const label = planFa.row(toPersianDigits(n));
  return (
    <fieldset className="fp-row" data-testid={testId}>
      <legend className="fp-row-legend">{label}</legend>
      {children}
      <button type="button" className="cx-link-btn fp-remove" onClick={onRemove} aria-label={planFa.removeNamed(label)}>
        {planFa.remove}
      </button>
    </fieldset>
  );
}

/** The funding lines: source and amount each, with their total. */
export function FundingRows({ rows, errors, onChange }: { rows: FundingRow[]; errors: Errors; onChange: (rows: FundingRow[]) => void }) {
  const patch = (i: number, p: Partial<FundingRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const total = rows.reduce((s, r) => s + (wholeOrNull(r.amount) ?? 0), 0);
  return (
    <div className="fp-rows" data-field="funding">
      {rows.map((r, i) => (
        <RowFrame key={r.key} n={i + 1} testId="funding-row" onRemove={() => onChange(rows.filter((_, j) => j !== i))}>
          <div className="cx-row cx-row-2">
            <Select id={`funding.${i}.source`} label={planFa.fundingSource} value={r.source} error={errors[`funding.${i}.source`]} onChange={(v) => patch(i, { source: v as FundingRow['source'] })}>
              {FUNDING_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {FUNDING_SOURCE_TITLES[s]}
                </option>
              ))}
            </Select>
            <NumberField id={`funding.${i}.amount`} label={planFa.fundingAmount} value={r.amount} digits={15} rial error={errors[`funding.${i}.amount`]} onChange={(v) => patch(i, { amount: v })} />
          </div>
        </RowFrame>
      ))}
      {rows.length > 1 && <p className="cx-hint">{planFa.fundingTotal(faNumber(total))}</p>}
      {errors.funding && <p className="cx-error" role="alert">{errors.funding}</p>}
      {rows.length < MAX_FUNDING && (
        <button type="button" className="cx-btn cx-btn-light fp-add" onClick={() => onChange([...rows, { key: rowKey(), source: '', amount: '' }])} data-testid="funding-add">
          + {planFa.fundingAdd}
        </button>
      )}
    </div>
  );
}

/** The before→after figures: label, unit, and the two values (decimals and negatives allowed). */
export function FigureRows({ rows, errors, onChange }: { rows: FigureRow[]; errors: Errors; onChange: (rows: FigureRow[]) => void }) {
  const patch = (i: number, p: Partial<FigureRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const dec = (id: string, label: string, value: string, set: (v: string) => void) => (
    <Field id={id} label={label} error={errors[id]}>
      <input {...described(id, false, errors[id])} className="cx-input cx-ltr" inputMode="decimal" autoComplete="off" value={toPersianDigits(value).replace('.', '٫')} onChange={(e) => set(decimalTyped(e.currentTarget.value))} />
    </Field>
  );
  return (
    <div className="fp-rows" data-field="figures">
      {rows.map((r, i) => (
        <RowFrame key={r.key} n={i + 1} testId="figure-row" onRemove={() => onChange(rows.filter((_, j) => j !== i))}>
          <div className="fp-figure">
            <TextField id={`figures.${i}.label`} label={planFa.figureLabel} value={r.label} max={100} error={errors[`figures.${i}.label`]} onChange={(v) => patch(i, { label: v })} />
            <TextField id={`figures.${i}.unit`} label={planFa.figureUnit} value={r.unit} max={30} error={errors[`figures.${i}.unit`]} onChange={(v) => patch(i, { unit: v })} />
            {dec(`figures.${i}.before`, planFa.figureBefore, r.before, (v) => patch(i, { before: v }))}
            {dec(`figures.${i}.after`, planFa.figureAfter, r.after, (v) => patch(i, { after: v }))}
          </div>
        </RowFrame>
      ))}
      {errors.figures && <p className="cx-error" role="alert">{errors.figures}</p>}
      {rows.length < MAX_FIGURES && (
        <button type="button" className="cx-btn cx-btn-light fp-add" onClick={() => onChange([...rows, { key: rowKey(), label: '', unit: '', before: '', after: '' }])} data-testid="figure-add">
          + {planFa.figureAdd}
        </button>
      )}
    </div>
  );
}

/** How ready the plan is as typed (the same check the server makes on submission) and what it still lacks. */
export function Meter({ c }: { c: Completeness }) {
  const p = planFa.meter.percent(toPersianDigits(c.percent));
  return (
    <section className="cx-card fp-meter" aria-labelledby="fp-meter-title" data-testid="completeness" data-ready={c.ready}>
      <h2 id="fp-meter-title">{planFa.meter.title}</h2>
      <div className="fp-meter-bar">
        <progress max={100} value={c.percent} aria-labelledby="fp-meter-title" aria-valuetext={p} />
        <span data-testid="completeness-percent">{p}</span>
      </div>
      {c.ready ? (
        <p className="fp-ok">{planFa.meter.ready}</p>
      ) : (
        <>
          <p>{planFa.meter.missing}</p>
          <ul className="fp-missing" data-testid="missing">
            {c.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
