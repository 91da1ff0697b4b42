// Hostile uploads against every upload route (documents — which complaint attachments, festival photos and
// documents, grading and instructor evidence all go through — and the landfill CSV/XLSX import): wrong magic bytes,
// polyglots, SVG with script, oversized, empty, several files, zip bombs that lie about their sizes. Each is refused
// with a Persian problem and a stable code, and nothing is stored; what is stored is served so it cannot run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { crc32, deflateRawSync } from 'node:zlib';
import { docFiles } from '../core/documents/schema.js';
import { PDF, PNG, citizenHelpers, type Headers } from '../test/citizen.js';
import { createTestApp } from '../test/app.js';
import { createStaff, createTree } from '../test/factories.js';
import { landfillImports } from '../modules/landfills/server/schema.js';
import { MAX_XLSX_UNPACKED, zipInflatedSize, zipUnpackedSize } from '../modules/landfills/server/import-parse.js';
import { expectSafeAnswer } from './support.js';

// A real 1×1 JPEG (the smallest baseline JPEG browsers decode).
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9', 'hex');

/** A ZIP written by hand, so a test can make its headers lie: `declared` overrides each entry's stated size. */
function zip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A minimal XLSX whose one sheet is `sheetXml`. */
function xlsx(sheetXml: Buffer, declared?: number): Buffer {
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
  return zip([
    { name: '[Content_Types].xml', data: x('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: x('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: x('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: x('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, declared },
  ]);
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let h: ReturnType<typeof citizenHelpers>;
let staff: Headers;
let citizen: Headers;
let dehyar: Headers;
beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_MB: '1' });
  h = citizenHelpers(t.app, t.db);
  const tree = await createTree(t.db);
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr', password: 'secret-pass' });
  await createStaff(t.db, [['dehyari', tree.village]], { username: 'dehyar', password: 'secret-pass' });
  staff = await t.login('dr');
  dehyar = await t.login('dehyar');
  citizen = (await h.citizenLogin('09128880001')).headers;
});
afterAll(async () => { await t.close(); });

const stored = async () => Number((await t.db.select({ n: count() }).from(docFiles))[0]!.n);
const imports = async () => Number((await t.db.select({ n: count() }).from(landfillImports))[0]!.n);

/** Posts a multipart body with several files (field `file`), for the too-many-files case. */
function postFiles(headers: Headers, url: string, files: { content: Buffer; filename: string }[]) {
  const b = '----shahrdeh' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    ...files.flatMap((f) => [Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.filename}"\r\nContent-Type: image/png\r\n\r\n`), f.content, Buffer.from('\r\n')]),
    Buffer.from(`--${b}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${b}` } });
}

function expectRefused(res: Awaited<ReturnType<typeof t.app.inject>>, status: number, code: string, label: string) {
  expectSafeAnswer(res, `POST ${label}`);
  expect({ label, status: res.statusCode, code: res.json().code }).toEqual({ label, status, code });
}

const HOSTILE_FILES: [string, Buffer, string, number, string][] = [
  ['a Windows executable named .jpg', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]), 'photo.jpg', 415, 'file_type_not_allowed'],
  ['an HTML page named .jpg', Buffer.from('<!doctype html><html><body><script>window.__xss=1</script></body></html>'), 'photo.jpg', 415, 'file_type_not_allowed'],
  ['an SVG with script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>'), 'drawing.svg', 415, 'file_type_not_allowed'],
  ['an SVG named .png', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'photo.png', 415, 'file_type_not_allowed'],
  ['a ZIP named .pdf', zip([{ name: 'a.txt', data: Buffer.from('x') }]), 'letter.pdf', 415, 'file_type_not_allowed'],
  ['a JPEG with an HTML page appended', Buffer.concat([JPEG, Buffer.from('<html><script>window.__xss=1</script></html>')]), 'photo.jpg', 415, 'file_polyglot'],
  ['a PNG with an SVG inside', Buffer.concat([PNG, Buffer.from('<svg onload=alert(1)>')]), 'photo.png', 415, 'file_polyglot'],
  ['a GIFAR-like JPEG with a ZIP appended', Buffer.concat([JPEG, zip([{ name: 'Evil.class', data: Buffer.alloc(100, 1) }])]), 'photo.jpg', 415, 'file_polyglot'],
  ['a PDF with a ZIP appended', Buffer.concat([PDF, zip([{ name: 'x.html', data: Buffer.from('<script>1</script>') }])]), 'letter.pdf', 415, 'file_polyglot'],
  ['an empty file', Buffer.alloc(0), 'empty.png', 400, 'file_empty'],
  ['a file over the limit (1 MB here)', Buffer.concat([PNG, Buffer.alloc(1_100_000)]), 'big.png', 413, 'file_too_large'],
];

describe('documents (every module\'s attachments, photos and evidence)', () => {
  it.each(HOSTILE_FILES)('refuses %s, for staff and citizens, and stores nothing', async (label, content, filename, status, code) => {
    const before = await stored();
    for (const who of [staff, citizen]) expectRefused(await h.postFile(who, '/api/v1/documents', content, filename, { purpose: 'complaint' }), status, code, `/api/v1/documents ${label}`);
    expect(await stored()).toBe(before);
  });

  it('refuses two files in one upload (400 too_many_files) and more than five (413), storing nothing', async () => {
    const before = await stored();
    expectRefused(await postFiles(staff, '/api/v1/documents', [{ content: PNG, filename: 'a.png' }, { content: PNG, filename: 'b.png' }]), 400, 'too_many_files', 'two files');
    const six = await postFiles(staff, '/api/v1/documents', Array.from({ length: 6 }, (_, i) => ({ content: PNG, filename: `${i}.png` })));
    expectSafeAnswer(six, 'POST /api/v1/documents six files');
    expect(six.statusCode).toBeGreaterThanOrEqual(400);
    expectRefused(await postFiles(staff, '/api/v1/documents', []), 400, 'file_missing', 'no file');
    expect(await stored()).toBe(before);
  });

  it('accepts real files whatever their name, and serves them so they cannot run: attachment, nosniff, sandboxing CSP', async () => {
    for (const [content, name, mime] of [[JPEG, 'x.html', 'image/jpeg'], [PNG, '<script>.svg', 'image/png'], [PDF, 'نامه.pdf', 'application/pdf']] as const) {
      const up = await h.postFile(staff, '/api/v1/documents', content, name, { purpose: 'evidence' });
      expect(up.statusCode).toBe(201);
      expect(up.json().mime).toBe(mime);
      const get = await t.app.inject({ url: `/api/v1/documents/${up.json().id}`, headers: staff });
      expect(get.statusCode).toBe(200);
      expect(get.headers['content-type']).toBe(mime);
      expect(get.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''/);
      expect(get.headers['content-disposition']).not.toMatch(/[<>]/);
      expect(get.headers['x-content-type-options']).toBe('nosniff');
      expect(get.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    }
  });
});

describe('landfill import (CSV / XLSX)', () => {
  const importFile = (content: Buffer, filename: string) => h.postFile(dehyar, '/api/v1/landfills/imports', content, filename);

  it('the guard counts what an XLSX really inflates to, not what its headers declare', () => {
    const honest = xlsx(Buffer.alloc(2_000_000, 0x20));
    expect(zipUnpackedSize(honest)).toBeGreaterThan(2_000_000);
    expect(zipInflatedSize(honest)).toBe(zipUnpackedSize(honest));
    const lying = xlsx(Buffer.alloc(MAX_XLSX_UNPACKED + 1_000_000, 0x20), 1_000);
    expect(zipUnpackedSize(lying)).toBeLessThan(10_000);
    expect(zipInflatedSize(lying)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a zip bomb that lies about its sizes (file_too_large), an executable, an HTML page, an empty file and two files; nothing is stored', async () => {
    const before = await imports();
    const bomb = xlsx(Buffer.concat([Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), Buffer.alloc(MAX_XLSX_UNPACKED + 1_000_000, 0x20), Buffer.from('</sheetData></worksheet>')]), 1_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    const started = Date.now();
    expectRefused(await importFile(bomb, 'sites.xlsx'), 400, 'file_too_large', 'imports zip bomb');
    expect(Date.now() - started).toBeLessThan(30_000);
    const bad = await importFile(Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(300, 0)]), 'sites.xlsx');
    expectSafeAnswer(bad, 'POST /api/v1/landfills/imports exe');
    expect(bad.statusCode).toBe(400);
    const html = await importFile(Buffer.from('<html><script>alert(1)</script></html>'), 'sites.csv');
    expectSafeAnswer(html, 'POST /api/v1/landfills/imports html');
    expect(html.statusCode).toBe(400);
    const empty = await importFile(Buffer.alloc(0), 'sites.csv');
    expectSafeAnswer(empty, 'POST /api/v1/landfills/imports empty');
    expect(empty.statusCode).toBe(400);
    const corrupt = await importFile(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 7)]), 'sites.xlsx');
    expectSafeAnswer(corrupt, 'POST /api/v1/landfills/imports corrupt');
    expect(corrupt.statusCode).toBe(400);
    expectRefused(await postFiles(dehyar, '/api/v1/landfills/imports', [{ content: Buffer.from('a,b\n'), filename: 'a.csv' }, { content: Buffer.from('a,b\n'), filename: 'b.csv' }]), 400, 'too_many_files', 'imports two files');
    expectRefused(await importFile(Buffer.alloc(1_100_000, 0x41), 'big.csv'), 413, 'file_too_large', 'imports oversized');
    expect(await imports()).toBe(before);
  });
});
