// Persian helpers shared by server and browser: text normalization, digits, Jalali dates, Iranian identifiers.
// Pure modules only (no Node built-ins), so the web bundle can import them.
export { FA_NORMALIZE_SQL, normalizeFa, toAsciiDigits, toPersianDigits } from './normalize.js';
export {
  formatJalaliDate,
  formatJalaliDateTime,
  formatJalaliLong,
  jalaliParts,
  jalaliToDate,
  JALALI_MAX_YEAR,
  JALALI_MIN_YEAR,
  parseJalaliDate,
  TEHRAN_OFFSET_MINUTES,
  tehranDateKey,
  tehranDayOfWeek,
  type DateInput,
} from './jalali.js';
export {
  isValidLegalNationalId,
  isValidNationalCode,
  isValidPostalCode,
  isValidSheba,
  normalizeLegalNationalId,
  normalizeMobile,
  normalizeNationalCode,
  normalizePostalCode,
  normalizeSheba,
} from './validators.js';
export {
  FA_MESSAGES,
  zFaText,
  zJalaliDate,
  zLegalNationalId,
  zMobile,
  zNationalCode,
  zPostalCode,
  zSheba,
} from './zod.js';
