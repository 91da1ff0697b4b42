import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CategoryQuestion } from '../../contract.js';
import { parseAttributes, parseDescription, parseForm, parseLocation } from './form.js';
import { errorDocument, formatOfUrl, Open311Error, parseW3cDate, splitFormat, w3cDateTime } from './format.js';
import { parseRange } from './query.js';
import { parseXml, xmlToSpark } from './spec-check.js';
import { toXml } from './xml.js';

const W3C_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('toXml', () => {
  it('writes well-formed XML that reads back to the same text, for any string (forbidden characters dropped)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const xml = toXml('service_requests', [{ service_request_id: '1', description: s }]);
        const back = xmlToSpark(parseXml(xml).root) as { description: string }[];
        const allowed = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
        expect(back[0]!.description).toBe(allowed);
      }),
      { numRuns: 500 },
    );
  });

  it('names array items as the spec does and writes null as an empty element', () => {
    const xml = toXml('services', [{ service_code: 'a', metadata: true, group: null }]);
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>a</service_code>\n    <metadata>true</metadata>\n    <group></group>\n  </service>\n</services>\n');
    expect(toXml('errors', [{ code: 403, description: 'x' }])).toContain('<errors>\n  <error>\n    <code>403</code>');
    expect(() => toXml('bad name', 1)).toThrow();
    expect(() => toXml('unknown_list', [1])).toThrow();
  });

  it('errorDocument: [{code, description}] in JSON, <errors><error> in XML', () => {
    expect(JSON.parse(errorDocument('json', [{ code: 400, description: 'd' }]))).toEqual([{ code: 400, description: 'd' }]);
    expect(xmlToSpark(parseXml(errorDocument('xml', [{ code: 404, description: '<&>' }])).root)).toEqual([{ code: '404', description: '<&>' }]);
    expect(new Open311Error(403, 'k').code).toBe(403);
  });
});

describe('formats from the URL', () => {
  it('reads the suffix of the last segment; XML when there is none', () => {
    expect(splitFormat('services.json')).toEqual({ name: 'services', format: 'json', ext: 'json' });
    expect(splitFormat('a.b.XML')).toEqual({ name: 'a.b', format: 'xml', ext: 'xml' });
    expect(splitFormat('services').format).toBeNull();
    expect(splitFormat('.json').format).toBeNull();
    expect(formatOfUrl('/open311/v2/requests/12.json?x=a.xml')).toBe('json');
    expect(formatOfUrl('/open311/v2/requests')).toBe('xml');
    expect(formatOfUrl('/open311/v2/%E0%A4%A.json')).toBe('json');
  });
});

describe('dates', () => {
  it('w3cDateTime: Tehran time with its offset, the same instant to the second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const s = w3cDateTime(d)!;
        expect(s).toMatch(W3C_TZ);
        expect(new Date(s).getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
      { numRuns: 300 },
    );
    expect(w3cDateTime(new Date('2024-06-01T00:00:00Z'))).toBe('2024-06-01T03:30:00+03:30');
    // Before 2022 Tehran kept summer time.
    expect(w3cDateTime(new Date('2015-06-01T00:00:00Z'))).toBe('2015-06-01T04:30:00+04:30');
    expect(w3cDateTime(null)).toBeNull();
  });

  it('parseW3cDate: W3C forms, a date alone as Tehran midnight, a space for an unencoded +; null for the rest', () => {
    expect(parseW3cDate('2010-01-01T00:00:00Z')!.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDate('2024-05-01T10:00:00+03:30')!.toISOString()).toBe('2024-05-01T06:30:00.000Z');
    expect(parseW3cDate('2024-05-01T10:00:00 03:30')!.toISOString()).toBe('2024-05-01T06:30:00.000Z');
    expect(parseW3cDate('2024-05-01T10:00:00-0500')!.toISOString()).toBe('2024-05-01T15:00:00.000Z');
    expect(parseW3cDate('2024-05-01')!.toISOString()).toBe('2024-04-30T20:30:00.000Z');
    expect(parseW3cDate('۲۰۲۴-۰۵-۰۱')!.toISOString()).toBe('2024-04-30T20:30:00.000Z');
    for (const bad of ['', 'yesterday', '2024-02-30', '2024-13-01', '2024-05-01T25:00:00Z', '2024-05-01T10:00:00+3', '1403-02-11x']) expect(parseW3cDate(bad)).toBeNull();
  });

  it('parseRange: the last 90 days by default; 90 days from or up to one date; 400 past 90 days or reversed', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(parseRange({}, now)).toEqual({ start: new Date('2024-03-03T00:00:00Z'), end: now });
    expect(parseRange({ start_date: '2024-01-01T00:00:00Z' }, now).end.toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(parseRange({ end_date: '2024-01-01T00:00:00Z' }, now).start.toISOString()).toBe('2023-10-03T00:00:00.000Z');
    expect(() => parseRange({ start_date: '2024-01-01T00:00:00Z', end_date: '2024-05-01T00:00:00Z' }, now)).toThrow(Open311Error);
    expect(() => parseRange({ start_date: '2024-02-01T00:00:00Z', end_date: '2024-01-01T00:00:00Z' }, now)).toThrow(Open311Error);
    expect(() => parseRange({ start_date: ['x', 'y'] }, now)).toThrow(Open311Error);
  });
});

describe('the POST form', () => {
  const questions: CategoryQuestion[] = [
    { code: 'size', label: 'اندازه', type: 'select', required: true, options: [{ value: 's', label: 'کوچک' }, { value: 'l', label: 'بزرگ' }] },
    { code: 'n', label: 'تعداد', type: 'number', required: false },
    { code: 'ok', label: 'خطرناک؟', type: 'boolean', required: false },
    { code: 'note', label: 'توضیح', type: 'text', required: false },
  ];

  it('reads attribute[code]=value (and attribute[code][]=…) against the questions; ignores attributes it does not define', () => {
    const form = parseForm('attribute%5Bsize%5D=l&attribute[n]=%DB%B1%DB%B2&attribute[ok]=false&attribute[note]=a+b&attribute[fms_extra_title]=MR');
    expect(parseAttributes(form, questions)).toEqual({ size: 'l', n: 12, ok: false, note: 'a b' });
    expect(parseAttributes(parseForm('attribute[size][]=s'), questions)).toEqual({ size: 's' });
  });

  it('400 for a missing required attribute, a value outside the list, two values, a non-number', () => {
    for (const body of ['', 'attribute[size]=m', 'attribute[size][]=s&attribute[size][]=l', 'attribute[size]=s&attribute[n]=12abc', 'attribute[size]=s&attribute[ok]=maybe']) {
      expect(() => parseAttributes(parseForm(body), questions), body).toThrow(Open311Error);
    }
  });

  it('lat/long: both or neither, decimal degrees inside Iran', () => {
    expect(parseLocation(parseForm(''))).toBeNull();
    expect(parseLocation(parseForm('lat=35.7&long=51.4'))).toEqual({ lat: 35.7, lon: 51.4 });
    expect(parseLocation(parseForm('lat=%DB%B3%DB%B5&long=51'))).toEqual({ lat: 35, lon: 51 });
    for (const body of ['lat=35.7', 'lat=35.7&long=', 'lat=51.4&long=35.7', 'lat=1e1&long=51', 'lat=NaN&long=51', 'lat=35.7&long=-122.4']) {
      expect(() => parseLocation(parseForm(body)), body).toThrow(Open311Error);
    }
  });

  it('description: required, its first line the subject (at most 150 characters)', () => {
    expect(parseDescription(parseForm('description=%D8%A7%D9%84%D9%81%0D%0A%D8%A8'))).toEqual({ subject: 'الف', body: 'الف\nب' });
    expect(parseDescription(parseForm(`description=${'x'.repeat(300)}`)).subject).toHaveLength(150);
    expect(() => parseDescription(parseForm('description=+++'))).toThrow(Open311Error);
    expect(() => parseDescription(parseForm(''))).toThrow(Open311Error);
  });

  it('parseForm never throws on any string but a flood of fields (a spec 400)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (s) => { parseForm(s); }), { numRuns: 500 });
    expect(() => parseForm(Array.from({ length: 300 }, (_, i) => `f${i}=1`).join('&'))).toThrow(Open311Error);
  });
});
