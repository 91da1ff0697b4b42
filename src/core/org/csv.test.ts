import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv, readCsvTable } from './csv.js';

const fieldsOf = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('splits plain records on LF, CRLF and CR alike', () => {
    expect(fieldsOf('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const { records } = parseCsv('"id","name"\r\n"1","ری, شهر ری"\r\n"2","نام ""دار"""\r\n"3","دو\r\nخط"\r\n4,آخر\r\n');
    expect(records.map((r) => r.fields)).toEqual([['id', 'name'], ['1', 'ری, شهر ری'], ['2', 'نام "دار"'], ['3', 'دو\r\nخط'], ['4', 'آخر']]);
    // A record starts on the line of its first character; the quoted line break moves the next one down.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('drops a leading BOM and skips blank lines, counting them', () => {
    const { records } = parseCsv('\uFEFFid,name\n\n1,الف\n   \n2,ب');
    expect(records.map((r) => r.fields)).toEqual([['id', 'name'], ['1', 'الف'], ['2', 'ب']]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reports text after a closing quote and leaves only that record out', () => {
    const { records, problems } = parseCsv('id,name\n1,"الف"ب\n2,ج\n');
    expect(records.map((r) => r.fields[0])).toEqual(['id', '2']);
    expect(problems).toEqual([{ line: 2, reason: expect.stringContaining('نقل‌قول') }]);
  });

  it('reports a quote that is never closed at the line it opened', () => {
    const { records, problems } = parseCsv('id,name\n1,الف\n2,"ب\n3,ج\n');
    expect(records.map((r) => r.fields[0])).toEqual(['id', '1']);
    expect(problems).toEqual([{ line: 3, reason: expect.stringContaining('بسته نشده') }]);
  });
});

describe('readCsvTable', () => {
  it('keys values by trimmed, lower-cased header names and trims values', () => {
    const t = readCsvTable(' ID , Name \n 7 , ساری \n');
    expect(t.columns).toEqual(['id', 'name']);
    expect(t.rows).toEqual([{ line: 2, values: { id: '7', name: 'ساری' } }]);
  });

  it('rejects a row whose field count differs from the header (an unquoted comma in a name)', () => {
    const t = readCsvTable('id,name,amar_code\n1,ری, شهر ری,2301\n2,تهران,23\n');
    expect(t.rows.map((r) => r.values.id)).toEqual(['2']);
    expect(t.problems).toEqual([{ line: 2, reason: expect.stringContaining('4 ستون') }]);
  });

  it('reports an empty file', () => {
    expect(readCsvTable('').problems).toHaveLength(1);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and refuses Windows-1256 bytes', () => {
    expect(decodeUtf8(new TextEncoder().encode('ساری'))).toBe('ساری');
    expect(decodeUtf8(Uint8Array.from([0xd3, 0xc7, 0xd1, 0xed]))).toBeNull();
  });
});
