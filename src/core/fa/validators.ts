import { isShebaValid, verifyIranianLegalId, verifyIranianNationalId } from '@persian-tools/persian-tools';
import { toAsciiDigits } from './normalize.js';

/** ASCII digits, with the spaces and dashes people put inside identifiers ('049-937089-9') taken out. */
function compact(s: string): string {
  return toAsciiDigits(s).replace(/[\s\u200c\-‐–_]/g, '');
}

/**
 * The canonical form of an Iranian national code (کد ملی): exactly 10 ASCII digits, or null when the input is
 * not a valid code. Persian/Arabic digits, spaces and dashes are accepted. Valid means: 10 digits, the check
 * digit right (persian-tools, called with `checkPrefix: false` so codes from new city prefixes are not
 * refused), not ten times the same digit, and digits 4–9 not all zero. Codes with dropped leading zeros (8 or 9
 * digits, as spreadsheets produce) are refused: the form must ask for all 10 digits.
 */
export function normalizeNationalCode(s: string): string | null {
  const code = compact(s);
  if (!/^\d{10}$/.test(code) || /^(\d)\1{9}$/.test(code)) return null;
  return verifyIranianNationalId(code, { checkPrefix: false }) ? code : null;
}

/**
 * A national code made from its first 9 digits (an integer 0 … 999,999,999) with the right check digit: for demo
 * data and tests. The weighted sum Σ dᵢ·(10 − i) mod 11 = r gives the check digit r when r < 2, else 11 − r.
 */
export function nationalCodeFrom(n: number): string {
  const body = String(Math.trunc(Math.abs(n)) % 1_000_000_000).padStart(9, '0');
  const r = [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0) % 11;
  return body + String(r < 2 ? r : 11 - r);
}

/** Whether the text is a valid Iranian national code (کد ملی); see normalizeNationalCode for the rules. */
export function isValidNationalCode(s: string): boolean {
  return normalizeNationalCode(s) !== null;
}

/**
 * The canonical form of a national ID of a legal person (شناسه ملی اشخاص حقوقی): exactly 11 ASCII digits whose
 * last digit is the check digit of persian-tools' `verifyIranianLegalId`, or null. The library only checks the
 * length is at least 11 (a 12-digit string can pass), so the exact length is enforced here.
 */
export function normalizeLegalNationalId(s: string): string | null {
  const id = compact(s);
  if (!/^\d{11}$/.test(id)) return null;
  return verifyIranianLegalId(id) === true ? id : null;
}

/** Whether the text is a valid national ID of a legal person (شناسه ملی, 11 digits); see normalizeLegalNationalId. */
export function isValidLegalNationalId(s: string): boolean {
  return normalizeLegalNationalId(s) !== null;
}

/**
 * The canonical form '09xxxxxxxxx' of an Iranian mobile number, or null. Accepts 09xxxxxxxxx, +989…, 00989…,
 * 989… and 9xxxxxxxxx, with Persian/Arabic digits, spaces, dashes and parentheses. Only the shape is checked
 * (a 9 followed by 9 digits): persian-tools' operator table misses prefixes in service (e.g. 0934), and a
 * citizen whose number we refuse cannot log in; the OTP proves the number anyway.
 */
export function normalizeMobile(s: string): string | null {
  const m = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(compact(s).replace(/[()]/g, ''));
  return m ? `0${m[1]}` : null;
}

/**
 * The canonical form of an Iranian postal code (کد پستی): 10 ASCII digits, or null. persian-tools has no postal
 * code check, so the rule is ours (the widely used one): 10 digits; the first five contain neither 0 nor 2;
 * not ten times the same digit. Spaces and dashes
 * ('12345-67890') and Persian/Arabic digits are accepted.
 */
export function normalizePostalCode(s: string): string | null {
  const code = compact(s);
  if (!/^[13-9]{5}\d{5}$/.test(code) || /^(\d)\1{9}$/.test(code)) return null;
  return code;
}

/** Whether the text is a valid Iranian postal code; see normalizePostalCode for the rule. */
export function isValidPostalCode(s: string): boolean {
  return normalizePostalCode(s) !== null;
}

/**
 * The canonical form of a Sheba (Iranian IBAN): 'IR' + 24 ASCII digits, upper case, no spaces; or null when it
 * is not 'IR' + 24 digits with a correct ISO 13616 mod-97 check (persian-tools' `isShebaValid`). Lower-case
 * 'ir', spaces, dashes and Persian/Arabic digits are accepted; the 'IR' itself is required.
 */
export function normalizeSheba(s: string): string | null {
  const iban = compact(s).toUpperCase();
  if (!/^IR\d{24}$/.test(iban)) return null;
  return isShebaValid(iban) ? iban : null;
}

/** Whether the text is a valid Sheba number (IR + 24 digits, mod-97); see normalizeSheba. */
export function isValidSheba(s: string): boolean {
  return normalizeSheba(s) !== null;
}
