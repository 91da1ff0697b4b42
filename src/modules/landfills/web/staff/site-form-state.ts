// The state of the site form and its pure steps (no React): a record into the form, numbers as typed and shown, the
// check before sending, the body sent, and the server's field errors placed on the form's fields.
import { toAsciiDigits, toPersianDigits } from '../../../../core/fa/normalize.js';
import type { SiteView } from '../../api-types.js';
import type { CapacityUnit, SensitivityFlag, SiteKind, SiteStatus } from '../../enums.js';
import { lfa } from './fa.js';

/** The measured fields, kept as typed (ASCII digits, '.' for the decimal point) until sent. */
export const NUMBER_FIELDS = [
  'lat',
  'lon',
  'startYear',
  'areaM2',
  'capacity',
  'fillPercent',
  'dailyIntakeT',
  'designIntakeT',
  'distWaterM',
  'distSettlementM',
  'distRoadM',
  'groundwaterDepthM',
  'populationExposed',
  'requiredFundingMrial',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];
export const INTEGER_FIELDS: ReadonlySet<NumberField> = new Set(['startYear', 'populationExposed', 'requiredFundingMrial']);

export interface Place {
  id: number;
  label: string;
}

export interface FormState {
  name: string;
  externalId: string;
  kind: SiteKind | '';
  status: SiteStatus;
  statusNote: string;
  division: Place | null;
  operator: string;
  capacityUnit: CapacityUnit;
  soilNotes: string;
  flags: SensitivityFlag[];
  served: Place[];
  nums: Record<NumberField, string>;
}

/** A number as typed (Persian, Arabic or ASCII digits; '٫', '/' or ',' as the decimal point) → ASCII '12.5'. */
export function typedNumber(s: string, integer: boolean): string {
  const ascii = toAsciiDigits(s).replace(/[٫/,]/g, '.');
  if (integer) return ascii.replace(/\D/g, '').slice(0, 12);
  const [int = '', ...rest] = ascii.replace(/[^\d.]/g, '').split('.');
  return (rest.length ? `${int}.${rest.join('')}` : int).slice(0, 16);
}
export const shownNumber = (s: string) => toPersianDigits(s).replace('.', '٫');

export const numText = (n: number | null) => (n === null ? '' : String(n));

export function fromSite(s: SiteView | null, home: Place | null): FormState {
  return {
    name: s?.name ?? '',
    externalId: s?.externalId ?? '',
    kind: s?.kind ?? '',
    status: s?.status ?? 'active',
    statusNote: '',
    division: s ? { id: s.divisionId, label: s.place } : home,
    operator: s?.operator ?? '',
    capacityUnit: s?.capacityUnit ?? 'm3',
    soilNotes: s?.soilNotes ?? '',
    flags: s?.flags ?? [],
    served: s?.servedVillages.map((v) => ({ id: v.id, label: v.name })) ?? [],
    nums: Object.fromEntries(NUMBER_FIELDS.map((k) => [k, numText(s ? s[k] : null)])) as Record<NumberField, string>,
  };
}

export type SiteNumbers = Record<NumberField, number | null>;

/** The form checked before it is sent: the errors by field, and the measured fields as numbers (null: left empty). */
export function checkSite(state: FormState, uploadsBusy: boolean): { errors: Record<string, string>; values: SiteNumbers } {
  const e: Record<string, string> = {};
  if (!state.name.trim()) e.name = lfa.common.required;
  if (!state.kind) e.kind = lfa.common.required;
  if (!state.division) e.divisionId = lfa.common.required;
  const values = {} as SiteNumbers;
  for (const k of NUMBER_FIELDS) {
    const v = state.nums[k];
    if (v === '' || v === '.') {
      values[k] = null;
      if (k === 'lat' || k === 'lon') e[k] = lfa.common.required;
      continue;
    }
    const n = Number(v);
    if (!Number.isFinite(n)) e[k] = lfa.common.numberInvalid;
    values[k] = n;
  }
  if (uploadsBusy) e.documentIds = lfa.form.waitUploads;
  return { errors: e, values };
}

/**
 * The body of a new site or of an edit (`edit`: the version the form started from, and whether the status changed,
 * which sends the note of the change). The form has passed `checkSite`: it has a division.
 */
export function siteBody(state: FormState, values: SiteNumbers, documentIds: string[], edit: { version: number; statusChanged: boolean } | null) {
  return {
    externalId: state.externalId.trim() ? toAsciiDigits(state.externalId.trim()) : null,
    name: state.name.trim(),
    kind: state.kind,
    status: state.status,
    divisionId: state.division!.id,
    operator: state.operator.trim(),
    capacityUnit: state.capacityUnit,
    soilNotes: state.soilNotes.trim(),
    flags: state.flags,
    servedVillageIds: state.served.map((v) => v.id),
    documentIds,
    ...values,
    ...(edit ? { version: edit.version, statusNote: edit.statusChanged ? state.statusNote.trim() : '' } : {}),
  };
}

/** The server's field errors by the form's fields: an array's item error ('servedVillageIds.3') shows under the array's field. */
export function errorsByField(fieldErrors: Record<string, string>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors)) {
    const field = k.split('.')[0] ?? k;
    if (!(field in byField)) byField[field] = v;
  }
  return byField;
}
