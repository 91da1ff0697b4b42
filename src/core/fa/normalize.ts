import { digitsArToEn, digitsEnToFa, digitsFaToEn } from '@persian-tools/persian-tools';
import { CHAR_MAP, COMPOSE } from './charmap.js';

/**
 * Converts Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII digits and leaves everything else as it is.
 * Use it on every identifier, number or date a user types before checking it: Persian keyboards produce ۰-۹,
 * Arabic ones ٠-٩, and text pasted from other systems mixes the two.
 */
export function toAsciiDigits(s: string): string {
  return digitsArToEn(digitsFaToEn(s));
}

/**
 * Converts ASCII digits to Persian digits (۰-۹) for display; a number is converted through `String(n)`, so
 * `toPersianDigits(1405)` is '۱۴۰۵'. Stored values and API payloads keep ASCII digits; only the UI converts.
 */
export function toPersianDigits(s: string | number): string {
  return digitsEnToFa(String(s));
}

const COMPOSE_RE = COMPOSE.map(([pattern, to]) => [new RegExp(pattern, 'g'), to] as const);

/**
 * Normalizes Persian text for storage keys, uniqueness checks and search, so that the same word typed on a
 * Persian, Arabic or Latin keyboard, with or without a half-space, compares equal. In order:
 * (1) decomposed forms are composed: ا + U+0653 (maddah) → آ, and ی/ي/ى + U+0654 (hamza above) → ئ;
 * (2) one character-for-character pass: Arabic ي and ى → ی, ك → ک, ۀ and ة → ه, أ إ ٱ → ا (آ stays آ),
 * ؤ → و, Persian and Arabic-Indic digits → ASCII, Latin A–Z → a–z (ONLY A–Z: other scripts are not case-folded,
 * so that SQL `lower()` and its locale play no part); tatweel (U+0640), harakat (U+064B–U+065F, U+0670), soft
 * hyphen and bidi marks (U+061C, U+200E/F, U+202A–E, U+2066–9) are removed; ZWNJ (U+200C) and the other
 * zero-width characters (U+200B, U+200D, U+FEFF) become a space, as does every Unicode white space character,
 * so "می‌روم" and "می روم" match; (3) runs of spaces collapse to one and the ends are trimmed.
 * `FA_NORMALIZE_SQL` does exactly the same in PostgreSQL (a test checks both agree on random input).
 */
export function normalizeFa(s: string): string {
  let t = s;
  for (const [re, to] of COMPOSE_RE) t = t.replace(re, to);
  let out = '';
  for (const ch of t) {
    const mapped = CHAR_MAP.get(ch);
    out += mapped === undefined ? ch : mapped;
  }
  return out.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

/** A string as an ASCII-only PostgreSQL escape-string literal, E'\u0627…', so migrations carry no invisible characters. */
function sqlLiteral(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f && ch !== "'" && ch !== '\\') out += ch;
    else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `E'${out}'`;
}

function buildSql(): string {
  let expr = 't';
  for (const [pattern, to] of COMPOSE) expr = `regexp_replace(${expr}, ${sqlLiteral(pattern)}, ${sqlLiteral(to)}, 'g')`;
  // translate() maps the i-th char of `from` to the i-th char of `to` and deletes chars past the end of `to`,
  // so the mapped characters come first and the deleted ones last.
  const mapped = [...CHAR_MAP].filter(([, to]) => to !== '');
  const deleted = [...CHAR_MAP].filter(([, to]) => to === '');
  const from = mapped.map(([c]) => c).join('') + deleted.map(([c]) => c).join('');
  const to = mapped.map(([, c]) => c).join('');
  expr = `translate(${expr}, ${sqlLiteral(from)}, ${sqlLiteral(to)})`;
  expr = `btrim(regexp_replace(${expr}, ' +', ' ', 'g'), ' ')`;
  return (
    'CREATE OR REPLACE FUNCTION fa_normalize(t text) RETURNS text\n' +
    'LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$\n' +
    `  SELECT ${expr}\n` +
    '$$;'
  );
}

/**
 * The PostgreSQL definition of `fa_normalize(t text)`, the SQL twin of `normalizeFa` (same steps, same tables:
 * it is generated from them). IMMUTABLE, so it can back expression indexes such as
 * `CREATE INDEX … USING gin (fa_normalize(name) gin_trgm_ops)`. The text is pure ASCII (non-ASCII characters
 * are written as E'\uXXXX' escapes), which needs a UTF8 database, the default of PGlite and of our servers.
 */
export const FA_NORMALIZE_SQL: string = buildSql();
