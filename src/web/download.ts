// Files made in the browser from what a page already shows (a summary table, a dashboard's figures).

import { csvField, formulaSafe } from '../core/http/csv-text.js';

/** Rows as a CSV file (UTF-8 with BOM, so Excel reads the Persian; text cells guarded against formulas), downloaded as `<name>.csv`. */
export function downloadCsv(name: string, rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): void {
  const text = '\uFEFF' + rows.map((r) => r.map((v) => csvField(v == null ? '' : typeof v === 'string' ? formulaSafe(v) : String(v))).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
