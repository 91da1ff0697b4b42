// A small RFC 4180 CSV reader: no CSV package is installed, and the importers need line numbers per record,
// which is the one thing that makes their error reports useful.

/** One record of a CSV text: the physical line it starts on (1-based) and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record that could not be read, with the line it starts on and a Persian reason. */
export interface CsvProblem {
  line: number;
  reason: string;
}

/**
 * Splits CSV text into records. Comma-separated; a field may be quoted with `"` (a doubled `""` inside is one
 * quote, and a quoted field may hold commas and line breaks); line ends may be LF, CRLF or CR; a leading UTF-8
 * BOM is dropped; blank lines are skipped. A quote inside an unquoted field is kept as a character. A record with
 * text after a closing quote, or a quote that is never closed, is not returned but reported in `problems`.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let bad: string | null = null;
  let i = 0;
  const n = s.length;

  const endRecord = () => {
    fields.push(field);
    if (bad) problems.push({ line: recordLine, reason: bad });
    else if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    bad = null;
  };

  while (i < n) {
    const c = s[i]!;
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote, counting the line breaks inside it.
      i++;
      let closed = false;
      while (i < n) {
        const q = s[i]!;
        if (q === '"') {
          if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          closed = true;
          break;
        }
        if (q === '\r' && s[i + 1] === '\n') { field += '\r\n'; i += 2; line++; continue; }
        if (q === '\r' || q === '\n') line++;
        field += q;
        i++;
      }
      if (!closed) {
        problems.push({ line: recordLine, reason: 'علامت نقل‌قول (") باز شده و بسته نشده است' });
        return { records, problems };
      }
      // After the closing quote only a delimiter or a line end may follow.
      while (i < n && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') {
        bad ??= 'پس از علامت نقل‌قولِ بسته، نویسهٔ اضافه آمده است';
        i++;
      }
      continue;
    }
    if (c === ',') { fields.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, problems };
}

/** A CSV table read by header name: each row's values keyed by the lower-cased, trimmed column name. */
export interface CsvTable {
  columns: string[];
  rows: { line: number; values: Record<string, string> }[];
  problems: CsvProblem[];
}

/**
 * Reads a CSV text whose first record is a header. Values are trimmed. A record whose field count differs from the
 * header's is reported (an unquoted comma inside a name shifts every later column, so guessing would import
 * wrong data) and left out.
 */
export function readCsvTable(text: string): CsvTable {
  const { records, problems } = parseCsv(text);
  const [head, ...body] = records;
  if (!head) return { columns: [], rows: [], problems: problems.length ? problems : [{ line: 1, reason: 'پرونده خالی است' }] };
  const columns = head.fields.map((f) => f.trim().toLowerCase());
  const rows: CsvTable['rows'] = [];
  for (const r of body) {
    if (r.fields.length !== columns.length) {
      problems.push({ line: r.line, reason: `این ردیف ${r.fields.length} ستون دارد و سرستون ${columns.length} ستون` });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((col, k) => { values[col] = r.fields[k]!.trim(); });
    rows.push({ line: r.line, values });
  }
  problems.sort((a, b) => a.line - b.line);
  return { columns, rows, problems };
}

/** Decodes bytes as UTF-8, or returns null when they are not valid UTF-8 (e.g. a Windows-1256 export). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
