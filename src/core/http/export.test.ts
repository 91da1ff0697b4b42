import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { cellText, contentDisposition, csvField, csvLines, MAX_EXPORT_ROWS, sendExport, xlsxBuffer, type ExportColumn } from './export.js';

interface Row { code: string; name: string; at: Date | null; n: number; ok: boolean }
const columns: ExportColumn<Row>[] = [
  { key: 'code', title: 'کد' },
  { key: 'name', title: 'نام' },
  { key: 'at', title: 'تاریخ', date: 'date' },
  { key: 'n', title: 'تعداد' },
  { key: 'ok', title: 'تأیید', value: (r) => r.ok },
];
// 2026-03-21 12:00 Tehran = 1405/01/01.
const nowruz = new Date('2026-03-21T08:30:00Z');

async function collect(gen: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const x of gen) s += x;
  return s;
}

describe('cellText and csvField', () => {
  it('guards text that a spreadsheet would run as a formula, but not numbers', () => {
    for (const bad of ['=1+1', '+98912', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) expect(cellText(bad)).toBe(`'${bad}`);
    expect(cellText('سلام = درود')).toBe('سلام = درود');
    expect(cellText(-5)).toBe('-5');
  });

  it('writes dates in Jalali (Tehran), booleans in Persian, nothing for null', () => {
    expect(cellText(nowruz, 'date')).toBe('۱۴۰۵/۰۱/۰۱');
    expect(cellText(nowruz)).toBe('۱۴۰۵/۰۱/۰۱ ۱۲:۰۰');
    expect(cellText(true)).toBe('بله');
    expect(cellText(null)).toBe('');
  });

  it('quotes per RFC 4180 only when needed, doubling inner quotes', () => {
    expect(csvField('ساده')).toBe('ساده');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the Persian name in RFC 5987 form', () => {
    const h = contentDisposition('شکایات-۱۴۰۵.csv');
    expect(h).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(h.split("UTF-8''")[1]!)).toBe('شکایات-۱۴۰۵.csv');
  });

  it('cannot be broken by quotes, semicolons or newlines in the name', () => {
    const h = contentDisposition('a";\r\nx=y\'(1).csv');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(h).toMatch(/^attachment; filename="[^"]*"; /);
  });
});

describe('csvLines', () => {
  it('starts with a BOM and a Persian header, ends lines with CRLF, stops at the cap', async () => {
    const rows: Row[] = [
      { code: '=HYPERLINK("x")', name: 'علی, رضایی', at: nowruz, n: 3, ok: false },
      { code: '2', name: 'زهرا', at: null, n: -1, ok: true },
    ];
    const text = await collect(csvLines(columns, rows));
    expect(text.startsWith('\uFEFFکد,نام,تاریخ,تعداد,تأیید\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")","علی, رضایی",۱۴۰۵/۰۱/۰۱,3,خیر`);
    expect(lines[2]).toBe('2,زهرا,,-1,بله');
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    const capped = await collect(csvLines(columns, rows, 1));
    expect(capped.split('\r\n')).toHaveLength(3);
  });

  it('reads an async source lazily and no further than the cap', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 10_000; i++) {
        pulled++;
        yield { code: String(i), name: 'x', at: null, n: i, ok: true } as Row;
      }
    }
    const text = await collect(csvLines(columns, source(), 1200));
    expect(text.split('\r\n')).toHaveLength(1202);
    expect(pulled).toBeLessThanOrEqual(1201);
    expect(MAX_EXPORT_ROWS).toBe(100_000);
  });
});

describe('xlsxBuffer', () => {
  it('is a zip holding a right-to-left sheet with the Persian header', async () => {
    const buf = await xlsxBuffer(columns, [{ code: '=1', name: 'علی', at: nowruz, n: 2, ok: true }]);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(new Uint8Array(buf));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/rightToLeft="(1|true)"/);
    expect(sheet).toContain('<col ');
    const all = Object.values(files).map((f) => strFromU8(f)).join('');
    expect(all).toContain('تأیید');
    expect(all).toContain('۱۴۰۵/۰۱/۰۱');
  });
});

describe('sendExport', () => {
  it('answers CSV with type, disposition and no-store; XLSX with its media type', async () => {
    const app = Fastify();
    app.get('/csv', (_q, reply) => sendExport(reply, { format: 'csv', filename: 'خروجی', columns, rows: [{ code: '1', name: 'a', at: null, n: 1, ok: true }] }));
    app.get('/xlsx', (_q, reply) => sendExport(reply, { format: 'xlsx', filename: 'خروجی', columns, rows: [] }));
    const csv = await app.inject({ url: '/csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('خروجی.csv')}`);
    expect(csv.headers['cache-control']).toBe('private, no-store');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const xlsx = await app.inject({ url: '/xlsx' });
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    await app.close();
  });
});
