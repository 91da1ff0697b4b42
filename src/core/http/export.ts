import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import writeXlsxFile, { type Row as XlsxRow } from 'write-excel-file/node';
import { formatJalaliDate, formatJalaliDateTime } from '../fa/index.js';
import { csvField, formulaSafe } from './csv-text.js';
import { AppError } from './errors.js';

/** The most rows one export may hold. A larger list must be narrowed (by date, place…) before exporting. */
export const MAX_EXPORT_ROWS = 100_000;

export type ExportFormat = 'csv' | 'xlsx';
type Cell = string | number | boolean | Date | null | undefined;

/** One column of an export: the row's `key` (or `value(row)`), under a Persian `title`. */
export interface ExportColumn<T> {
  key: string;
  title: string;
  value?: (row: T) => Cell;
  /** How a Date is written (Jalali, Tehran time): 'datetime' (default) '۱۴۰۵/۰۹/۰۵ ۱۵:۳۰', or 'date' '۱۴۰۵/۰۹/۰۵'. */
  date?: 'date' | 'datetime';
}

export interface ExportInput<T> {
  format: ExportFormat;
  /** File name without extension, Persian allowed («شکایات-۱۴۰۵-۰۹-۰۵»). */
  filename: string;
  columns: readonly ExportColumn<T>[];
  /** The rows; an async iterable (e.g. pages read one after the other) is consumed lazily for CSV. */
  rows: Iterable<T> | AsyncIterable<T>;
  /** At most this many rows are written (default and ceiling MAX_EXPORT_ROWS). */
  maxRows?: number;
}

export const exportTooLarge = (max = MAX_EXPORT_ROWS) =>
  new AppError(400, 'export_too_large', `خروجی بیش از ${max.toLocaleString('fa-IR')} ردیف است؛ با فیلتر (مثلاً بازه تاریخ) آن را محدودتر کنید.`);

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A `content-disposition: attachment` value with an ASCII fallback name and the real (Persian) name in RFC 5987
 * form (`filename*=UTF-8''…`), which every current browser prefers. The fallback keeps only safe ASCII so no
 * quote, semicolon or newline can break the header.
 */
export function contentDisposition(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot > 0 ? filename.slice(0, dot) : filename).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+|_+$/g, '');
  const fallback = `${base || 'export'}${ext}`;
  // encodeURIComponent leaves ' ( ) * unescaped; RFC 5987 attr-char does not allow them.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A cell as text: dates in Jalali (Tehran), booleans as بله/خیر, and — the CSV-injection guard — text starting
 * with = + - @ (or a tab / carriage return, which some spreadsheets skip before reading a formula) gets a leading
 * apostrophe, so a spreadsheet shows it instead of evaluating it. Numbers stay numbers (a negative number is
 * not a formula).
 */
export function cellText(v: Cell, date: 'date' | 'datetime' = 'datetime'): string {
  if (v == null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : date === 'date' ? formatJalaliDate(v) : formatJalaliDateTime(v);
  if (typeof v === 'boolean') return v ? 'بله' : 'خیر';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return formulaSafe(v);
}

export { csvField };

const valueOf = <T>(c: ExportColumn<T>, row: T): Cell => (c.value ? c.value(row) : (row as Record<string, Cell>)[c.key]);

async function* limited<T>(rows: Iterable<T> | AsyncIterable<T>, max: number): AsyncGenerator<T> {
  let n = 0;
  for await (const r of rows) {
    if (n++ >= max) return;
    yield r;
  }
}

/** The CSV text of an export, line by line (CRLF), starting with a UTF-8 BOM so Excel reads Persian correctly. */
export async function* csvLines<T>(columns: readonly ExportColumn<T>[], rows: Iterable<T> | AsyncIterable<T>, max = MAX_EXPORT_ROWS): AsyncGenerator<string> {
  yield '\uFEFF' + columns.map((c) => csvField(cellText(c.title))).join(',') + '\r\n';
  let batch = '';
  let n = 0;
  for await (const r of limited(rows, max)) {
    batch += columns.map((c) => csvField(cellText(valueOf(c, r), c.date))).join(',') + '\r\n';
    // Hand the socket chunks of a few hundred rows rather than one write per row.
    if (++n % 500 === 0) (yield batch, (batch = ''));
  }
  if (batch) yield batch;
}

/** The XLSX file of an export: one right-to-left sheet, a bold Persian header row (frozen), widths from the content. */
export async function xlsxBuffer<T>(columns: readonly ExportColumn<T>[], rows: Iterable<T> | AsyncIterable<T>, max = MAX_EXPORT_ROWS, sheet = 'خروجی'): Promise<Buffer> {
  const widths = columns.map((c) => c.title.length);
  const data: XlsxRow[] = [columns.map((c) => ({ value: c.title, fontWeight: 'bold' as const, backgroundColor: '#e9ecef', align: 'right' as const }))];
  for await (const r of limited(rows, max)) {
    data.push(columns.map((c, i) => {
      const v = valueOf(c, r);
      // Numbers stay numeric cells; everything else (Jalali dates included) is text, written as such so Excel
      // does not reinterpret tracking codes or dates. Text cells need no formula guard: XLSX stores them as strings.
      const cell = typeof v === 'number' && Number.isFinite(v) ? v : v == null ? null : (v instanceof Date || typeof v === 'boolean') ? cellText(v, c.date) : String(v);
      widths[i] = Math.max(widths[i]!, cell == null ? 0 : Math.min(String(cell).length, 200));
      return cell == null ? null : typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String, format: '@' };
    }));
  }
  return writeXlsxFile(data, {
    sheet: sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    rightToLeft: true,
    stickyRowsCount: 1,
    columns: widths.map((w) => ({ width: Math.min(Math.max(w + 2, 8), 60) })),
  }).toBuffer();
}

/**
 * Sends a list as a downloadable CSV or XLSX file (see DESIGN: "CSV/XLSX export of any list the user can see").
 * The caller has already filtered `rows` by the actor's scope — this function only formats. CSV is streamed
 * as the rows arrive (pass an async iterable of pages to keep memory flat); XLSX is a zip built in memory.
 * At most `maxRows` (≤ MAX_EXPORT_ROWS) rows are written; callers that know the total should refuse a larger
 * one first with {@link exportTooLarge}, so nobody receives a silently cut file.
 */
export async function sendExport<T>(reply: FastifyReply, input: ExportInput<T>): Promise<FastifyReply> {
  const max = Math.min(input.maxRows ?? MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
  reply
    .type(MIME[input.format])
    .header('content-disposition', contentDisposition(`${input.filename}.${input.format}`))
    .header('cache-control', 'private, no-store');
  if (input.format === 'csv') return reply.send(Readable.from(csvLines(input.columns, input.rows, max)));
  return reply.send(await xlsxBuffer(input.columns, input.rows, max, input.filename));
}
