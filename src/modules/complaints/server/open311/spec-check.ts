// Test support (imported only by *.test.ts): the GeoReport v2 field definitions as small schemas, and a strict
// little XML reader that turns a document back into the spec's JSON (Spark convention) for comparison.
import { ITEM_NAMES } from './xml.js';

type Check = (v: unknown) => boolean;
const W3C_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const str: Check = (v) => typeof v === 'string';
const nonEmpty: Check = (v) => typeof v === 'string' && v.length > 0;
const opt = (c: Check): Check => (v) => v === null || c(v);
const bool: Check = (v) => typeof v === 'boolean';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const date: Check = (v) => typeof v === 'string' && W3C_TZ.test(v);
const oneOf = (...xs: unknown[]): Check => (v) => xs.includes(v);
const arrayOf = (schema: Schema): Check => (v) => Array.isArray(v) && v.every((x) => problems(schema, x).length === 0);
const arrayOfStrings: Check = (v) => Array.isArray(v) && v.every(str);

export type Schema = Record<string, Check>;

/** GET services: one service. */
export const SERVICE: Schema = {
  service_code: nonEmpty, service_name: nonEmpty, description: str, metadata: bool, type: oneOf('realtime', 'batch', 'blackbox'), keywords: str, group: str,
};
/** GET services/{code}: the definition. */
export const ATTRIBUTE_VALUE: Schema = { key: nonEmpty, name: nonEmpty };
export const ATTRIBUTE: Schema = {
  variable: bool, code: nonEmpty, datatype: oneOf('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'), required: bool,
  datatype_description: opt(str), order: (v) => Number.isInteger(v) && (v as number) >= 1, description: str, values: arrayOf(ATTRIBUTE_VALUE),
};
export const SERVICE_DEFINITION: Schema = { service_code: nonEmpty, attributes: arrayOf(ATTRIBUTE) };
/** GET requests / requests/{id}: one request. */
export const REQUEST: Schema = {
  service_request_id: nonEmpty, status: oneOf('open', 'closed'), status_notes: opt(str), service_name: str, service_code: str, description: opt(str),
  agency_responsible: opt(str), service_notice: opt(str), requested_datetime: date, updated_datetime: date, expected_datetime: opt(date),
  address: opt(str), address_id: opt(str), zipcode: opt(str), lat: opt(num), long: opt(num), media_url: opt(str),
};
/** POST requests: the answer (realtime: service_request_id, never token). */
export const CREATED: Schema = { service_request_id: nonEmpty, service_notice: opt(str), account_id: opt(str) };
/** GET tokens/{token}. */
export const TOKEN: Schema = { service_request_id: nonEmpty, token: nonEmpty };
/** mySociety servicerequestupdates: one update. */
export const UPDATE: Schema = {
  update_id: nonEmpty, service_request_id: nonEmpty, status: oneOf('open', 'closed'), updated_datetime: date, description: str, media_url: opt(str),
};
/** An error. */
export const ERROR: Schema = { code: num, description: nonEmpty };
/** Service discovery. */
export const ENDPOINT: Schema = { specification: nonEmpty, url: nonEmpty, changeset: nonEmpty, type: oneOf('production', 'test'), formats: arrayOfStrings };
export const DISCOVERY: Schema = { changeset: nonEmpty, contact: nonEmpty, key_service: nonEmpty, endpoints: arrayOf(ENDPOINT) };

/** What is wrong with `value` under `schema`: missing, foreign or mistyped fields (empty when it conforms). */
export function problems(schema: Schema, value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['not an object'];
  const out: string[] = [];
  for (const [k, check] of Object.entries(schema)) {
    if (!Object.hasOwn(value, k)) out.push(`missing ${k}`);
    else if (!check((value as Record<string, unknown>)[k])) out.push(`bad ${k}: ${JSON.stringify((value as Record<string, unknown>)[k])}`);
  }
  for (const k of Object.keys(value)) if (!Object.hasOwn(schema, k)) out.push(`foreign field ${k}`);
  return out;
}

/** An element of a parsed XML document. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Parses the XML our documents use (a declaration, elements without attributes, text, the five entities) and
 * throws on anything malformed: unbalanced or crossed tags, a bare `&` or `<` in text, text beside elements,
 * characters XML forbids, content after the root.
 */
export function parseXml(xml: string): { declaration: string; root: XmlElement } {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/i.exec(xml);
  if (!decl) throw new Error('no UTF-8 XML declaration');
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('character not allowed in XML');
  const tokens = xml.slice(decl[0].length).split(/(<[^>]*>)/).filter((t) => t !== '');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  for (const t of tokens) {
    if (t.startsWith('<')) {
      const close = /^<\/([A-Za-z_][\w.-]*)>$/.exec(t);
      const open = /^<([A-Za-z_][\w.-]*)(\/?)>$/.exec(t);
      if (close) {
        const top = stack.pop();
        if (!top || top.name !== close[1]) throw new Error(`unbalanced </${close[1]}>`);
        if (top.children.length && top.text.trim()) throw new Error(`mixed content in <${top.name}>`);
      } else if (open) {
        if (root && stack.length === 0) throw new Error('content after the root');
        const el: XmlElement = { name: open[1]!, children: [], text: '' };
        if (stack.length) stack[stack.length - 1]!.children.push(el);
        else root = el;
        if (!open[2]) stack.push(el);
      } else throw new Error(`bad tag ${t}`);
    } else {
      if (t.includes('<') || /&(?!(amp|lt|gt|quot|apos);)/.test(t)) throw new Error(`bad text ${JSON.stringify(t)}`);
      const text = t.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
      if (stack.length) stack[stack.length - 1]!.text += text;
      else if (text.trim()) throw new Error('text outside the root');
    }
  }
  if (stack.length || !root) throw new Error('unclosed elements');
  return { declaration: decl[0], root };
}

/** An element as the Spark-convention JSON, with every scalar as its text (arrays for the spec's containers). */
export function xmlToSpark(el: XmlElement): unknown {
  if (Object.hasOwn(ITEM_NAMES, el.name)) {
    const item = ITEM_NAMES[el.name]!;
    if (!el.children.every((c) => c.name === item)) throw new Error(`<${el.name}> holds something other than <${item}>`);
    return el.children.map(xmlToSpark);
  }
  if (el.children.length === 0) return el.text;
  const o: Record<string, unknown> = {};
  for (const c of el.children) {
    if (Object.hasOwn(o, c.name)) throw new Error(`<${c.name}> twice in <${el.name}>`);
    o[c.name] = xmlToSpark(c);
  }
  return o;
}

/** A JSON document with its scalars as XML would carry them (null → '', numbers and booleans as text). */
export function asXmlText(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(asXmlText);
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    // An empty object is an empty element, i.e. text ''.
    return entries.length ? Object.fromEntries(entries.map(([k, x]) => [k, asXmlText(x)])) : '';
  }
  return String(v);
}
