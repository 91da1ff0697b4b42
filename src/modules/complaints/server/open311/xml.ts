// The XML side of GeoReport v2. The spec defines its JSON as the Spark-convention mapping of its XML, so one
// generic converter covers every document: a JSON array becomes a container element whose items take the
// singular name the spec gives them (services → service, service_requests → request, …).

/** Container element → the element name of each of its items, as written in GeoReport v2 and mySociety's extension. */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

/** A value a GeoReport document holds: scalars, null, arrays and plain objects of those. */
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [k: string]: XmlValue };

// Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/F).
// User text reaches these documents (complaint descriptions), so they are removed rather than escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an element's content: drops characters XML cannot hold and escapes the five markup characters. */
export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: XmlValue, out: string[], indent: string): void {
  // Names come from our own documents, never from input; refuse anything else rather than emit broken XML.
  if (!NAME.test(name)) throw new Error(`xml: not an element name: ${name}`);
  if (value === null || value === undefined) {
    out.push(`${indent}<${name}></${name}>`);
  } else if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`xml: no item name for array ${name}`);
    if (value.length === 0) { out.push(`${indent}<${name}></${name}>`); return; }
    out.push(`${indent}<${name}>`);
    for (const v of value) element(item, v, out, `${indent}  `);
    out.push(`${indent}</${name}>`);
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, XmlValue>);
    if (entries.length === 0) { out.push(`${indent}<${name}></${name}>`); return; }
    out.push(`${indent}<${name}>`);
    for (const [k, v] of entries) element(k, v, out, `${indent}  `);
    out.push(`${indent}</${name}>`);
  } else {
    const text = typeof value === 'string' ? escapeXml(value) : String(value);
    out.push(`${indent}<${name}>${text}</${name}>`);
  }
}

/**
 * Serializes a document under `root` with the UTF-8 declaration the spec requires: `toXml('services', [...])`
 * gives `<services><service>…</service></services>`; `toXml('service_definition', {...})` one element per key.
 * Null is an empty element, as in the spec's examples.
 */
export function toXml(root: string, value: XmlValue): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, value, out, '');
  return `${out.join('\n')}\n`;
}
