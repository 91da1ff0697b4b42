import { describe, expect, it } from 'vitest';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { MAX_IMPORT_ROWS, ImportFileError, parseImportFile, WHOLE_ROW, type ImportFileErrorCode } from './import-parse.js';

const REQ = 'name,kind,lat,lon,division_code';
const csv = (text: string) => Buffer.from(text, 'utf8');

async function refusal(buf: Buffer, filename = 'sites.csv'): Promise<ImportFileError> {
  try {
    await parseImportFile(buf, filename);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return e as ImportFileError;
  }
  throw new Error('the file was accepted');
}

/** Windows-1256 bytes of a text (the reverse of the decoder's table). */
function cp1256(text: string): Buffer {
  const table = new Map<string, number>();
  const dec = new TextDecoder('windows-1256');
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

describe('parseImportFile: CSV', () => {
  it('reads RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes, CRLF, a BOM', async () => {
    const text =
      '\uFEFFنام محل,نوع محل,عرض جغرافیایی,طول جغرافیایی,کد آماری آبادی، دهستان یا بخش,یادداشت خاک و زمین\r\n' +
      '"محل دفن، شماره ۱",تخلیه روباز,36.5,53.1,9902010101,"خاک ""رسی""\r\nشیب ملایم"\r\n' +
      'محل دوم,کمپوست,۳۶٫۴,۵۳٫۲,9902010101,\r\n';
    const r = await parseImportFile(csv(text), 'sites.csv');
    expect(r.format).toBe('csv');
    expect(r.rows).toEqual([
      { name: 'محل دفن، شماره ۱', kind: 'تخلیه روباز', lat: '36.5', lon: '53.1', division_code: '9902010101', soilNotes: 'خاک "رسی"\r\nشیب ملایم' },
      { name: 'محل دوم', kind: 'کمپوست', lat: '۳۶٫۴', lon: '۵۳٫۲', division_code: '9902010101', soilNotes: '' },
    ]);
    // The quoted line break does not make a spreadsheet row: the second record is row 3.
    expect(r.rowNumbers).toEqual([2, 3]);
    expect(r.problems).toEqual([]);
  });

  const separated: [string, string][] = [
    ['semicolon', 'name;kind;lat;lon;division_code;operator\n"الف; ب";کمپوست;36,5;53;1;x, y\n'],
    ['tab', 'name\tkind\tlat\tlon\tdivision_code\toperator\n"الف; ب"\tکمپوست\t36,5\t53\t1\tx, y\n'],
  ];
  it.each(separated)('sniffs a %s separated file from its header line and keeps commas in cells', async (_, text) => {
    const r = await parseImportFile(csv(text), 'sites.txt');
    expect(r.rows).toEqual([{ name: 'الف; ب', kind: 'کمپوست', lat: '36,5', lon: '53', division_code: '1', operator: 'x, y' }]);
  });

  it('matches headers by key or Persian header after normalization (Arabic ي/ك, half-space, case, spaces)', async () => {
    const r = await parseImportFile(csv(' NAME ,نوع  محل,Lat,lon,DIVISION_CODE,بهره بردار,شناسه خارجي\nالف,کمپوست,36,53,1,دهیاری,A-1\n'), 'x.csv');
    expect(r.rows).toEqual([{ name: 'الف', kind: 'کمپوست', lat: '36', lon: '53', division_code: '1', operator: 'دهیاری', externalId: 'A-1' }]);
  });

  it('skips fully empty rows and counts them in the row numbers', async () => {
    const r = await parseImportFile(csv(`${REQ}\n\nالف,کمپوست,36,53,1\n,,,,\n  \nب,کمپوست,36,53,1\n`), 'x.csv');
    expect(r.rows.map((x) => x.name)).toEqual(['الف', 'ب']);
    expect(r.rowNumbers).toEqual([3, 6]);
  });

  it('reads UTF-16 ("Unicode text" of Excel) and Windows-1256 ("CSV" of a Persian Windows)', async () => {
    const text = 'نام محل\tنوع محل\tlat\tlon\tdivision_code\r\nمحل گچساران\tکمپوست\t30.3\t50.8\t12\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const ansi = cp1256(text.replace(/\t/g, ','));
    for (const buf of [utf16, ansi]) {
      const r = await parseImportFile(buf, 'x.csv');
      expect(r.rows).toEqual([{ name: 'محل گچساران', kind: 'کمپوست', lat: '30.3', lon: '50.8', division_code: '12' }]);
    }
  });

  it('reads a CSV by its content even when named .xlsx', async () => {
    const r = await parseImportFile(csv(`${REQ}\nالف,کمپوست,36,53,1\n`), 'sites.xlsx');
    expect(r.format).toBe('csv');
    expect(r.rows).toHaveLength(1);
  });

  it('leaves out, and reports, a row with a cell under no header or text after a closing quote', async () => {
    const r = await parseImportFile(csv(`${REQ}\nالف,کمپوست,36,53,1\nب، ج,کمپوست,36,53,1,اضافه\n"د"x,کمپوست,36,53,1\nه,کمپوست,36,53,1,\n`), 'x.csv');
    expect(r.rows.map((x) => x.name)).toEqual(['الف', 'ه']);
    expect(r.rowNumbers).toEqual([2, 5]);
    expect(r.problems).toEqual([
      { row: 3, column: WHOLE_ROW, reason: expect.stringContaining('زیر هیچ سرستونی نیست') },
      { row: 4, column: WHOLE_ROW, reason: expect.stringContaining('نقل‌قول') },
    ]);
  });
});

describe('parseImportFile: XLSX', () => {
  it('reads the first sheet, with numbers, dates and booleans as the text a person sees', async () => {
    const data: Row[] = [
      ['نام محل', 'kind', 'عرض جغرافیایی', 'lon', 'division_code', 'مساحت (مترمربع)', 'operator', 'startYear', 'soilNotes'].map((value) => ({ value })),
      ['محل دفن ساری', 'دفن بهداشتی', 36.5, 53.0154, 9902010101, 0.1 + 0.2, 'دهیاری', { value: new Date(Date.UTC(2020, 0, 2)), format: 'yyyy-mm-dd' }, true],
      [null, null, null, null, null, null, null, null, null],
      ['محل دوم', 'کمپوست', '۳۶٫۵', 53, { value: '0099', type: String, format: '@' }, 1e21, null, 1395, 'الف\nب'],
    ];
    const buf = await writeXlsxFile([{ data, sheet: 'محل‌ها' }, { data: [['دیگر']], sheet: 'دیگر' }]).toBuffer();
    const r = await parseImportFile(buf, 'whatever.bin');
    expect(r.format).toBe('xlsx');
    expect(r.rows).toEqual([
      { name: 'محل دفن ساری', kind: 'دفن بهداشتی', lat: '36.5', lon: '53.0154', division_code: '9902010101', areaM2: '0.3', operator: 'دهیاری', startYear: '2020-01-02', soilNotes: 'TRUE' },
      { name: 'محل دوم', kind: 'کمپوست', lat: '۳۶٫۵', lon: '53', division_code: '0099', areaM2: '1e+21', operator: '', startYear: '1395', soilNotes: 'الف\nب' },
    ]);
    expect(r.rowNumbers).toEqual([2, 4]);
  });

  it('refuses a zip that is not a workbook, an old .xls and a damaged workbook', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('word/document.xml....')]);
    expect((await refusal(zip, 'x.docx')).code).toBe('file_type');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const xls = await refusal(ole, 'old.xls');
    expect([xls.code, xls.fa]).toEqual(['file_type', expect.stringContaining('xlsx')]);
    const good = await writeXlsxFile([[{ value: 'name' }]]).toBuffer();
    expect((await refusal(good.subarray(0, Math.floor(good.length / 2)), 'cut.xlsx')).code).toBe('file_corrupt');
  });
});

describe('parseImportFile: refusals', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201', 'hex');
  const many = `${REQ}\n` + 'الف,کمپوست,36,53,1\n'.repeat(MAX_IMPORT_ROWS + 1);
  const cases: [string, Buffer, ImportFileErrorCode, string[]][] = [
    ['PNG bytes', png, 'file_type', []],
    ['an empty file', Buffer.alloc(0), 'file_empty', []],
    ['a BOM and blank lines', csv('\uFEFF\r\n \r\n'), 'file_empty', []],
    ['headers only', csv(`${REQ}\r\n`), 'file_empty', []],
    ['data where the header should be', csv('الف,کمپوست,36,53,1\n'), 'no_header', []],
    ['an unknown column', csv(`${REQ},رنگ,operator,وزن\nالف,کمپوست,36,53,1,سبز,x,3\n`), 'unknown_columns', ['رنگ', 'وزن']],
    ['a required column missing', csv('name,division_code,status\nالف,1,فعال\n'), 'missing_columns', ['نوع محل', 'عرض جغرافیایی', 'طول جغرافیایی']],
    ['a column twice', csv(`${REQ},نام محل\nالف,کمپوست,36,53,1,ب\n`), 'duplicate_columns', ['نام محل']],
    ['a quote never closed', csv(`${REQ}\nالف,کمپوست,36,53,1\n"ب,کمپوست,36,53,1\n`), 'file_corrupt', []],
    [`more than ${MAX_IMPORT_ROWS} rows`, csv(many), 'too_many_rows', []],
  ];
  it.each(cases)('refuses %s', async (_, buf, code, columns) => {
    const e = await refusal(buf);
    expect(e.code).toBe(code);
    expect(e.columns).toEqual(columns);
    expect(e.fa).toMatch(/[\u0600-\u06FF]/);
    expect(e.status).toBe(400);
    for (const c of columns) expect(e.fa).toContain(`«${c}»`);
  });

  it('accepts exactly the maximum number of rows', async () => {
    const r = await parseImportFile(csv(`${REQ}\n` + 'الف,کمپوست,36,53,1\n'.repeat(MAX_IMPORT_ROWS)), 'x.csv');
    expect(r.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(r.rowNumbers.at(-1)).toBe(MAX_IMPORT_ROWS + 1);
  });
});

describe('zip bombs', () => {
  it('reads the declared unpacked size of a real workbook and refuses one that claims too much, before unpacking', async () => {
    const { templateXlsx } = await import('./import-template.js');
    const { zipUnpackedSize, MAX_XLSX_UNPACKED } = await import('./import-parse.js');
    const real = await templateXlsx();
    const size = zipUnpackedSize(real);
    expect(size).toBeGreaterThan(real.length);
    expect(size).toBeLessThan(MAX_XLSX_UNPACKED);
    // Rewrite every central-directory entry's uncompressed size to 1 GB: the file is refused as too large.
    const bomb = Buffer.from(real);
    for (let i = 0; i + 4 <= bomb.length; i++) if (bomb.readUInt32LE(i) === 0x02014b50) bomb.writeUInt32LE(1_000_000_000, i + 24);
    await expect(parseImportFile(bomb, 'bomb.xlsx')).rejects.toMatchObject({ code: 'file_too_large' });
    // A workbook whose directory is cut off is corrupt, not a crash.
    await expect(parseImportFile(real.subarray(0, real.length - 30), 'cut.xlsx')).rejects.toMatchObject({ code: 'file_corrupt' });
  });
});
