// The downloadable files of the landfill import: the template (CSV and XLSX, Persian headers and one example row;
// the XLSX has a second sheet with each column's help) and the per-row report of an import.
import writeXlsxFile, { type Row as XlsxRow } from 'write-excel-file/node';
import { cellText, csvField } from '../../../core/http/export.js';
import { IMPORT_COLUMNS } from './import-format.js';

const CRLF = '\r\n';
const BOM = '\uFEFF';
const csvLine = (cells: string[]) => cells.map((c) => csvField(cellText(c))).join(',') + CRLF;

/** The CSV template: a UTF-8 BOM (so Excel reads Persian), the Persian headers and the example row. */
export function templateCsv(): string {
  return BOM + csvLine(IMPORT_COLUMNS.map((c) => c.header)) + csvLine(IMPORT_COLUMNS.map((c) => c.example));
}

/** Rows below the example whose code cells are pre-formatted as text, so Excel keeps long codes digit for digit. */
const TEXT_ROWS = 500;
const HEAD = { fontWeight: 'bold' as const, backgroundColor: '#e9ecef', align: 'right' as const };
const width = (n: number) => Math.min(Math.max(n + 2, 8), 60);

/**
 * The XLSX template: sheet «محل‌ها» with the headers (frozen) and the example row — numbers as numeric cells,
 * everything else as text — and sheet «راهنما» with each column's help, whether it is required, and its example.
 */
export async function templateXlsx(): Promise<Buffer> {
  const isNumber = (c: (typeof IMPORT_COLUMNS)[number]) => c.conv.type === 'number';
  const isCode = (c: (typeof IMPORT_COLUMNS)[number]) => c.conv.type === 'division' || c.conv.type === 'villages' || c.conv.type === 'id';
  const sites: XlsxRow[] = [
    IMPORT_COLUMNS.map((c) => ({ value: c.header, ...HEAD })),
    IMPORT_COLUMNS.map((c) => (isNumber(c) ? { value: Number(c.example), type: Number } : { value: c.example, type: String, format: '@' })),
  ];
  for (let i = 0; i < TEXT_ROWS; i++) sites.push(IMPORT_COLUMNS.map((c) => (isCode(c) ? { type: String, format: '@' } : null)));
  const help: XlsxRow[] = [
    ['ستون', 'اجباری', 'توضیح', 'نمونه'].map((value) => ({ value, ...HEAD })),
    ...IMPORT_COLUMNS.map((c) => [
      { value: c.header, type: String },
      { value: c.required ? 'بله' : 'خیر', type: String },
      { value: c.help, type: String, wrap: true },
      { value: c.example, type: String, format: '@' },
    ]),
  ];
  return writeXlsxFile([
    {
      data: sites,
      sheet: 'محل‌ها',
      rightToLeft: true,
      stickyRowsCount: 1,
      columns: IMPORT_COLUMNS.map((c) => ({ width: width(Math.max(c.header.length, c.example.length)) })),
    },
    {
      data: help,
      sheet: 'راهنما',
      rightToLeft: true,
      stickyRowsCount: 1,
      columns: [{ width: 30 }, { width: 8 }, { width: 80 }, { width: 30 }],
    },
  ]).toBuffer();
}

/** The per-row report of an import as CSV (BOM, Persian headers): row number, column header, reason. */
export function reportCsv(issues: readonly { row: number; column: string; reason: string }[]): string {
  const sorted = [...issues].sort((a, b) => a.row - b.row);
  return BOM + csvLine(['ردیف', 'ستون', 'علت']) + sorted.map((i) => csvLine([String(i.row), i.column, i.reason])).join('');
}
