import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/org/csv.js';
import { exampleRow, IMPORT_COLUMNS, isTemplateExample, rowToSiteInput, type CodeResolver } from './import-format.js';
import { parseImportFile } from './import-parse.js';
import { reportCsv, templateCsv, templateXlsx } from './import-template.js';

/** Knows exactly the codes of the template's example. */
const exampleCodes: CodeResolver = {
  division: (code) => (code === exampleRow().division_code ? { id: 5 } : null),
  village: (code) => (exampleRow().villages_served!.split('؛').includes(code) ? { id: Number(code.slice(-3)) } : null),
};

describe('the template', () => {
  const files: [string, () => Promise<Buffer>, 'csv' | 'xlsx'][] = [
    ['CSV', async () => Buffer.from(templateCsv(), 'utf8'), 'csv'],
    ['XLSX', templateXlsx, 'xlsx'],
  ];
  it.each(files)('%s reads back as the example row, which is a valid site', async (_, make, format) => {
    const r = await parseImportFile(await make(), `template.${format}`);
    expect(r.format).toBe(format);
    expect(r.rows).toEqual([exampleRow()]);
    expect(r.rowNumbers).toEqual([2]);
    expect(r.problems).toEqual([]);
    const { input, issues } = rowToSiteInput(r.rows[0]!, exampleCodes);
    expect(issues).toEqual([]);
    expect(input).toMatchObject({ divisionId: 5, servedVillageIds: [1, 2], kind: 'open_dump' });
    expect(isTemplateExample(r.rows[0]!)).toBe(true);
  });

  it('CSV starts with a BOM and has the Persian headers', () => {
    const t = templateCsv();
    expect(t.startsWith('\uFEFF')).toBe(true);
    const { records } = parseCsv(t);
    expect(records[0]!.fields).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(records).toHaveLength(2);
  });

  it('XLSX has the sites sheet first and a help sheet with every column', async () => {
    const sheets = await readXlsxFile(await templateXlsx());
    expect(sheets.map((s) => s.sheet)).toEqual(['محل‌ها', 'راهنما']);
    const help = sheets[1]!.data;
    expect(help[0]).toEqual(['ستون', 'اجباری', 'توضیح', 'نمونه']);
    expect(help.slice(1)).toEqual(IMPORT_COLUMNS.map((c) => [c.header, c.required ? 'بله' : 'خیر', c.help, c.example]));
    // Numbers of the example are numeric cells; codes are text (Excel keeps their digits).
    const example = sheets[0]!.data[1]!;
    const at = (key: string) => example[IMPORT_COLUMNS.findIndex((c) => c.key === key)];
    expect(at('lat')).toBe(36.5981);
    expect(at('division_code')).toBe(exampleRow().division_code);
  });
});

describe('reportCsv', () => {
  it('lists the issues by row under Persian headers, quoting what needs it', () => {
    const issues = [
      { row: 7, column: 'نام محل', reason: 'این بخش را پر کنید' },
      { row: 3, column: 'کد آماری آبادی، دهستان یا بخش', reason: 'کد ۱۲۳ در تقسیمات کشوری پیدا نشد' },
      { row: 3, column: 'یادداشت', reason: 'دو "خط"\nدارد' },
      { row: 5, column: 'کل ردیف', reason: '=نه فرمول' },
    ];
    const text = reportCsv(issues);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      ['ردیف', 'ستون', 'علت'],
      ['3', 'کد آماری آبادی، دهستان یا بخش', 'کد ۱۲۳ در تقسیمات کشوری پیدا نشد'],
      ['3', 'یادداشت', 'دو "خط"\nدارد'],
      ['5', 'کل ردیف', "'=نه فرمول"],
      ['7', 'نام محل', 'این بخش را پر کنید'],
    ]);
  });

  it('is only the header line when there is nothing to report', () => {
    expect(reportCsv([])).toBe('\uFEFFردیف,ستون,علت\r\n');
  });
});
