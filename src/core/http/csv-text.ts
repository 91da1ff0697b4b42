// CSV text helpers with no Node dependency, shared by the server's exports (export.ts) and the files the browser
// makes itself (src/web/download.ts), so both apply the same formula-injection guard.

/**
 * The CSV-injection guard: text starting with = + - @ (or a tab / carriage return, which some spreadsheets skip
 * before reading a formula) gets a leading apostrophe, so a spreadsheet shows it instead of evaluating it.
 */
export const formulaSafe = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** One CSV field per RFC 4180: quoted (inner quotes doubled) when it holds a comma, quote, CR or LF. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
