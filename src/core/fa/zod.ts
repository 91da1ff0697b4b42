import { z } from 'zod';
import { parseJalaliDate } from './jalali.js';
import { normalizeFa, toPersianDigits } from './normalize.js';
import {
  normalizeLegalNationalId,
  normalizeMobile,
  normalizeNationalCode,
  normalizePostalCode,
  normalizeSheba,
} from './validators.js';

/** The Persian error messages of the schemas below, in one place. */
export const FA_MESSAGES = {
  nationalCodeEmpty: 'کد ملی را وارد کنید',
  nationalCodeInvalid: 'کد ملی معتبر نیست',
  legalIdEmpty: 'شناسه ملی را وارد کنید',
  legalIdInvalid: 'شناسه ملی معتبر نیست',
  mobileEmpty: 'شماره همراه را وارد کنید',
  mobileInvalid: 'شماره همراه معتبر نیست (نمونه: ۰۹۱۲۳۴۵۶۷۸۹)',
  postalCodeEmpty: 'کد پستی را وارد کنید',
  postalCodeInvalid: 'کد پستی معتبر نیست (۱۰ رقم)',
  shebaEmpty: 'شماره شبا را وارد کنید',
  shebaInvalid: 'شماره شبا معتبر نیست (IR و ۲۴ رقم)',
  dateEmpty: 'تاریخ را وارد کنید',
  dateInvalid: 'تاریخ معتبر نیست (نمونه: ۱۴۰۳/۰۱/۱۵)',
  textEmpty: 'این بخش را پر کنید',
  textTooLong: (max: number) => `حداکثر ${toPersianDigits(max)} نویسه مجاز است`,
} as const;

/**
 * A string schema for an identifier: trims, refuses empty input with `empty`, replaces the value by its canonical
 * form (`normalize`: ASCII digits, no separators) and refuses it with `invalid` when there is none. `.overwrite`
 * keeps it a plain string schema, so it is representable in JSON Schema/OpenAPI for requests and responses.
 */
function identifier(normalize: (s: string) => string | null, empty: string, invalid: string) {
  return z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty, abort: true })
    .overwrite((s) => normalize(s) ?? s)
    .refine((s) => normalize(s) === s, { error: invalid });
}

/** National code (کد ملی): Persian/Arabic digits, spaces and dashes accepted; output is 10 ASCII digits. */
export const zNationalCode = identifier(
  normalizeNationalCode,
  FA_MESSAGES.nationalCodeEmpty,
  FA_MESSAGES.nationalCodeInvalid,
);

/** National ID of a legal person (شناسه ملی): output is 11 ASCII digits. */
export const zLegalNationalId = identifier(
  normalizeLegalNationalId,
  FA_MESSAGES.legalIdEmpty,
  FA_MESSAGES.legalIdInvalid,
);

/** Mobile number in any usual form (+98…, 0098…, 9…, Persian digits); output is canonical '09xxxxxxxxx'. */
export const zMobile = identifier(normalizeMobile, FA_MESSAGES.mobileEmpty, FA_MESSAGES.mobileInvalid);

/** Postal code (کد پستی): output is 10 ASCII digits. */
export const zPostalCode = identifier(normalizePostalCode, FA_MESSAGES.postalCodeEmpty, FA_MESSAGES.postalCodeInvalid);

/** Sheba (شبا): output is 'IR' + 24 ASCII digits, no spaces. */
export const zSheba = identifier(normalizeSheba, FA_MESSAGES.shebaEmpty, FA_MESSAGES.shebaInvalid);

/**
 * A Jalali date typed as text ('1405/09/05', '۱۴۰۵/۰۹/۰۵', '1405-9-5') parsed to the Date at which that day
 * begins in Tehran (see parseJalaliDate). Input is a string, output a Date: use it for request inputs only.
 */
export const zJalaliDate = z
  .string({ error: FA_MESSAGES.dateEmpty })
  .trim()
  .min(1, { error: FA_MESSAGES.dateEmpty, abort: true })
  .transform((s, ctx) => {
    const date = parseJalaliDate(s);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: FA_MESSAGES.dateInvalid, input: s });
      return z.NEVER;
    }
    return date;
  });

/**
 * Free Persian text (a title, a description) of at most `max` characters. Trims the ends and otherwise keeps the
 * text exactly as typed (digits are not converted). Refuses text that is empty once normalized, i.e. made only
 * of spaces, half-spaces, tatweel or marks.
 */
export function zFaText(max: number) {
  return z
    .string({ error: FA_MESSAGES.textEmpty })
    // Control characters (NUL above all: PostgreSQL refuses it in text) have no place in what people write;
    // newlines and tabs stay.
    .overwrite((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''))
    .trim()
    .refine((s) => normalizeFa(s) !== '', { error: FA_MESSAGES.textEmpty, abort: true })
    .max(max, { error: FA_MESSAGES.textTooLong(max) });
}
