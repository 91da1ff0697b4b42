// Reads an uploaded import file (CSV or XLSX) into rows of cells keyed by column, with the spreadsheet row number of
// each, refusing with a Persian ImportFileError what is not a usable file. Content of cells is not judged here
// (rowToSiteInput does that), only the shape of the file.
import { inflateRawSync } from 'node:zlib';
import { readSheet } from 'read-excel-file/node';
import { toPersianDigits } from '../../../core/fa/index.js';
import { AppError } from '../../../core/http/errors.js';
import { decodeUtf8, parseCsv } from '../../../core/org/csv.js';
import { columnForHeader, IMPORT_COLUMNS, importColumn, REQUIRED_COLUMNS, type ImportColumn } from './import-format.js';

/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 20_000;

export type ImportFileErrorCode =
  | 'file_type'
  | 'file_empty'
  | 'file_too_large'
  | 'no_header'
  | 'unknown_columns'
  | 'duplicate_columns'
  | 'missing_columns'
  | 'too_many_rows'
  | 'file_corrupt';

/** A file that cannot be imported at all; `fa` says why, in Persian; `columns` lists the headers concerned. */
export class ImportFileError extends AppError {
  declare readonly code: ImportFileErrorCode;
  constructor(
    code: ImportFileErrorCode,
    readonly fa: string,
    readonly columns: string[] = [],
  ) {
    super(400, code, fa, undefined, columns.length ? { columns } : undefined);
    this.name = 'ImportFileError';
  }
}

/** A row left out while reading the file (the runner adds it to the report). */
export interface ReadProblem {
  row: number;
  column: string;
  reason: string;
}

export interface ParsedImportFile {
  format: 'csv' | 'xlsx';
  /** Data rows (fully empty ones skipped): trimmed cells keyed by column key; a missing column is absent. */
  rows: Record<string, string>[];
  /** Spreadsheet row number of each row (the header is row 1 when it is the first line). */
  rowNumbers: number[];
  /** Rows that could not be read as a whole (a CSV record broken by quotes, cells beyond the last header). */
  problems: ReadProblem[];
}

const fmt = (n: number) => toPersianDigits(n.toLocaleString('en-US').replace(/,/g, '٬'));
const quoteList = (xs: string[]) => xs.map((x) => `«${x}»`).join('، ');
const GENERAL = 'فایل';
/** The column of a problem that concerns a whole row. */
export const WHOLE_ROW = 'کل ردیف';

// ---------- format ----------

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Text of a CSV file: UTF-8 (BOM or not), UTF-16 with a BOM ("Unicode text" of Excel), else Windows-1256. */
function decodeText(buf: Buffer): string {
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const body = startsWith(buf, [0xef, 0xbb, 0xbf]) ? buf.subarray(3) : buf;
  // Excel's plain "CSV" on a Persian Windows is saved in the system code page, Windows-1256.
  return decodeUtf8(body) ?? new TextDecoder('windows-1256').decode(body);
}

/** The file's format from its first bytes (the name's extension is not trusted), or an ImportFileError. */
function sniff(buf: Buffer, filename: string): { format: 'xlsx' } | { format: 'csv'; text: string } {
  if (buf.length === 0) throw new ImportFileError('file_empty', `${GENERAL} «${filename}» خالی است.`);
  const refuse = (what: string) =>
    new ImportFileError('file_type', `${GENERAL} «${filename}» ${what}؛ فقط صفحه‌گستردهٔ CSV یا XLSX (اکسل) پذیرفته می‌شود. قالب را از همین صفحه دریافت کنید.`);
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: an XLSX names its parts xl/…; a .docx or a plain zip does not.
    if (buf.includes('xl/')) return { format: 'xlsx' };
    throw refuse('یک پروندهٔ فشرده یا سند Word است و صفحه‌گسترده نیست');
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportFileError('file_type', `${GENERAL} «${filename}» در قالب قدیمی اکسل (xls) است؛ آن را در اکسل با «Save As» به قالب «Excel Workbook (xlsx)» یا «CSV UTF-8» ذخیره کنید و دوباره بفرستید.`);
  }
  const text = decodeText(buf);
  // Text files hold no NUL and hardly any other control character; images, PDFs and executables do.
  const head = text.slice(0, 8192);
  if (/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.test(head)) throw refuse('متنی یا صفحه‌گسترده نیست');
  return { format: 'csv', text };
}

// ---------- reading ----------

/** Rows of cells with their spreadsheet row numbers, plus reading problems found on the way. */
interface Grid {
  rows: { row: number; cells: string[] }[];
  problems: { row: number; reason: string }[];
}

/**
 * CSV records via the core RFC 4180 reader, which splits on commas: a `;` or tab separated file (the separator is
 * the most frequent of the three in the header line) is read by swapping its separator with the comma — a swap
 * of two characters that the reader's result undoes exactly.
 */
function readCsvGrid(text: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r|\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const sep = [',', ';', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
  const swap = (s: string) => (sep === ',' ? s : s.replace(new RegExp(`[,${sep}]`, 'g'), (c) => (c === ',' ? sep : ',')));
  const { records, problems } = parseCsv(swap(body));
  // parseCsv numbers physical lines; a spreadsheet shows a record with line breaks inside quotes as one row.
  const breaks = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  const rows: Grid['rows'] = [];
  let extra = 0;
  const rowOfLine = (line: number) => {
    let e = 0;
    for (const r of records) {
      if (r.line >= line) break;
      e += breaks(r.fields);
    }
    return line - e;
  };
  for (const r of records) {
    rows.push({ row: r.line - extra, cells: r.fields.map(swap) });
    extra += breaks(r.fields);
  }
  const unclosed = problems.find((p) => p.reason.includes('بسته نشده'));
  if (unclosed) throw new ImportFileError('file_corrupt', `ساختار CSV در ردیف ${toPersianDigits(rowOfLine(unclosed.line))} خراب است: ${unclosed.reason}.`);
  return { rows, problems: problems.map((p) => ({ row: rowOfLine(p.line), reason: p.reason })) };
}

/** A cell of a sheet as the text a person sees: numbers in their shortest form (15 significant digits, as Excel). */
function cellString(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** What an XLSX may unpack to (its parts' declared sizes summed): a real 20,000-row sheet is a few megabytes. */
export const MAX_XLSX_UNPACKED = 100 * 1024 * 1024;

/**
 * The sum of the uncompressed sizes the ZIP's central directory declares, or null when the directory cannot be read.
 * A zip bomb (a few kilobytes that unpack to gigabytes) is refused before anything is unpacked.
 */
export function zipUnpackedSize(buf: Buffer): number | null {
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // ZIP64: far beyond any sheet we accept
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}

/**
 * What the ZIP's entries really inflate to, walked the way a streaming reader walks them (local headers in order,
 * so an entry missing from the central directory counts too), stopping as soon as `limit` is passed (then
 * Infinity). The declared sizes can lie; this counts bytes actually produced, never more than `limit` + 1 at once.
 * Null when the entries cannot be walked (an unknown compression method, a truncated entry).
 */
export function zipInflatedSize(buf: Buffer, limit = MAX_XLSX_UNPACKED): number | null {
  let at = 0;
  let total = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const flags = buf.readUInt16LE(at + 6);
    const method = buf.readUInt16LE(at + 8);
    const declared = buf.readUInt32LE(at + 18);
    const data = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const streamed = (flags & 0x08) !== 0; // sizes follow the data (a data descriptor)
    let consumed: number;
    if (method === 0 && !streamed) {
      total += declared;
      consumed = declared;
    } else if (method === 8) {
      try {
        const { buffer, engine } = inflateRawSync(buf.subarray(data, streamed ? buf.length : data + declared), { maxOutputLength: limit - total + 1, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
        total += buffer.length;
        consumed = engine.bytesWritten;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return Number.POSITIVE_INFINITY;
        return null;
      }
    } else return null;
    if (total > limit) return Number.POSITIVE_INFINITY;
    at = data + consumed;
    if (streamed) at += buf.readUInt32LE(at) === 0x08074b50 ? 16 : 12;
    if (at > buf.length) return null;
  }
  return total;
}

async function readXlsxGrid(buf: Buffer): Promise<Grid> {
  const unpacked = zipUnpackedSize(buf);
  if (unpacked === null) throw new ImportFileError('file_corrupt', 'پروندهٔ اکسل خراب است (فهرست محتوای آن خوانده نشد)؛ آن را در اکسل باز کنید، دوباره ذخیره کنید و بفرستید.');
  // The declared sizes first (cheap), then what the entries really inflate to: a crafted file can declare little.
  const inflated = unpacked > MAX_XLSX_UNPACKED ? unpacked : zipInflatedSize(buf);
  if (inflated === null) throw new ImportFileError('file_corrupt', 'پروندهٔ اکسل خراب است (محتوای آن خوانده نشد)؛ آن را در اکسل باز کنید، دوباره ذخیره کنید و بفرستید.');
  if (inflated > MAX_XLSX_UNPACKED) throw new ImportFileError('file_too_large', 'محتوای بازشدهٔ این پروندهٔ اکسل بیش از ۱۰۰ مگابایت است؛ فایل را به چند فایل کوچک‌تر تقسیم کنید.');
  let data: unknown[][];
  try {
    data = (await readSheet(buf)) as unknown[][];
  } catch {
    throw new ImportFileError('file_corrupt', 'پروندهٔ اکسل خوانده نشد (خراب است یا با رمز محافظت شده)؛ آن را در اکسل باز کنید، دوباره ذخیره کنید و بفرستید.');
  }
  return { rows: data.map((r, i) => ({ row: i + 1, cells: (r ?? []).map(cellString) })), problems: [] };
}

// ---------- header and rows ----------

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

function mapHeader(cells: string[]): (ImportColumn | null)[] {
  const named = cells.map((c) => c.trim());
  const cols = named.map((c) => (c ? columnForHeader(c) : null));
  if (!cols.some(Boolean)) {
    throw new ImportFileError(
      'no_header',
      `ردیف اول ${GENERAL} باید سرستون‌های قالب باشد (مانند ${quoteList(REQUIRED_COLUMNS.map((k) => importColumn(k).header))})؛ قالب را از همین صفحه دریافت کنید.`,
    );
  }
  const unknown = named.filter((c, i) => c && !cols[i]);
  if (unknown.length) {
    throw new ImportFileError(
      'unknown_columns',
      `این ستون‌ها در قالب نیستند: ${quoteList(unknown)}. نام ستون‌ها را مانند قالب بنویسید یا ستون‌های اضافه را حذف کنید.`,
      unknown,
    );
  }
  const seen = new Map<string, number>();
  for (const c of cols) if (c) seen.set(c.key, (seen.get(c.key) ?? 0) + 1);
  const dup = IMPORT_COLUMNS.filter((c) => (seen.get(c.key) ?? 0) > 1).map((c) => c.header);
  if (dup.length) throw new ImportFileError('duplicate_columns', `این ستون‌ها بیش از یک بار آمده‌اند: ${quoteList(dup)}.`, dup);
  const missing = REQUIRED_COLUMNS.filter((k) => !seen.has(k)).map((k) => importColumn(k).header);
  if (missing.length) throw new ImportFileError('missing_columns', `ستون‌های اجباری در ${GENERAL} نیستند: ${quoteList(missing)}.`, missing);
  return cols;
}

function toRows(grid: Grid, format: 'csv' | 'xlsx'): ParsedImportFile {
  const first = grid.rows.findIndex((r) => !isEmpty(r.cells));
  if (first < 0) throw new ImportFileError('file_empty', `${GENERAL} خالی است.`);
  const header = grid.rows[first]!;
  const cols = mapHeader(header.cells);
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  const problems: ReadProblem[] = grid.problems.map((p) => ({ ...p, column: WHOLE_ROW }));
  let dataRows = grid.problems.length;
  for (const r of grid.rows.slice(first + 1)) {
    if (isEmpty(r.cells)) continue;
    if (++dataRows > MAX_IMPORT_ROWS) {
      throw new ImportFileError('too_many_rows', `${GENERAL} بیش از ${fmt(MAX_IMPORT_ROWS)} ردیف دارد؛ آن را به چند فایل کوچک‌تر بخش کنید.`);
    }
    const stray = r.cells.findIndex((c, i) => c.trim() !== '' && !cols[i]);
    if (stray >= 0) {
      problems.push({
        row: r.row,
        column: WHOLE_ROW,
        reason: `خانهٔ شمارهٔ ${toPersianDigits(stray + 1)} این ردیف زیر هیچ سرستونی نیست (احتمالاً جداکننده‌ای بیرون از نقل‌قول آمده و خانه‌ها جابه‌جا شده‌اند)؛ ردیف خوانده نشد`,
      });
      continue;
    }
    const row: Record<string, string> = {};
    cols.forEach((c, i) => {
      if (c) row[c.key] = (r.cells[i] ?? '').trim();
    });
    rows.push(row);
    rowNumbers.push(r.row);
  }
  if (rows.length === 0 && problems.length === 0) throw new ImportFileError('file_empty', `${GENERAL} جز سرستون‌ها ردیفی ندارد.`);
  problems.sort((a, b) => a.row - b.row);
  return { format, rows, rowNumbers, problems };
}

/**
 * Reads an import file. The format comes from the first bytes (PK… = XLSX, text = CSV), not the name. CSV: RFC
 * 4180, comma, `;` or tab separated, UTF-8 with or without BOM (UTF-16 with BOM and Windows-1256 also read); XLSX:
 * the first sheet. The first non-empty row is the header; each header cell must name a column (Persian header or
 * key), the required ones must all be there. Throws ImportFileError for a file that cannot be imported at all.
 */
export async function parseImportFile(buf: Buffer, filename: string): Promise<ParsedImportFile> {
  const kind = sniff(buf, filename);
  const grid = kind.format === 'xlsx' ? await readXlsxGrid(buf) : readCsvGrid(kind.text);
  return toRows(grid, kind.format);
}
