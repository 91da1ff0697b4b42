import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { orgDivisions } from '../../../../core/org/schema.js';

import { MODULES } from '../../../index.js';
import { createTestApp } from '../../../../test/app.js';

import { createTree } from '../../../../test/factories.js';
import { ensureCategories } from '../categories.js';
import { complaints } from '../schema.js';

import { createApiKey } from './keys.js';
import { M } from './messages.js';

import { asXmlText, ERROR, parseXml, problems, xmlToSpark, type Schema } from './spec-check.js';

// Shared setup of the Open311 test files.
/**
 * The app under test: the real app with every module (a name kept for the tests that open extra instances).
 */
export function openApp(env: Record<string, string> = {}) {
  return createTestApp(env);
}

export type T = Awaited<ReturnType<typeof openApp>>;
let t: T;
let key: string;
let tree: Awaited<ReturnType<typeof createTree>>;
let ip = 0;

/** What a test file gets from {@link useOpen311App}: the app, the API key, the divisions. Filled in beforeAll. */
export const fixture = {} as { t: T; key: string; tree: Awaited<ReturnType<typeof createTree>> };
// TRUST_PROXY is on: each test speaks from its own address, so the per-client limits do not mix between tests.
export const from = () => ({ 'x-forwarded-for': `10.1.${Math.floor(++ip / 250) % 250}.${ip % 250}` });
export const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
export const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/**
 * Registers the suite's setup: the app (TRUST_PROXY on), the default categories, a divisions tree with coordinates
 * and Statistical Centre codes, and an API key.
 */
export function useOpen311App() {
beforeAll(async () => {
  t = await openApp({ TRUST_PROXY: '1' });
  await ensureCategories(t.db);
  tree = await createTree(t.db);
  // Coordinates: the city near Sari, the village 10 km east of it (the tree's other village has none).
  await t.db.update(orgDivisions).set({ lat: 36.5659, lon: 53.0586 }).where(eq(orgDivisions.id, tree.city.id));
  await t.db.update(orgDivisions).set({ lat: 36.5659, lon: 53.17 }).where(eq(orgDivisions.id, tree.village.id));
  tree.city.lat = 36.5659; tree.city.lon = 53.0586;
  // Statistical Centre codes as they look after an import (the factory's own codes are not numeric).
  await t.db.update(orgDivisions).set({ code: '87' }).where(eq(orgDivisions.id, tree.province.id));
  await t.db.update(orgDivisions).set({ code: '8701010101' }).where(eq(orgDivisions.id, tree.city.id));
  await t.db.update(orgDivisions).set({ code: '8701020304005' }).where(eq(orgDivisions.id, tree.otherVillage.id));
  key = await createApiKey(t.db, 'civic-app');
  Object.assign(fixture, { t, key, tree });
});
afterAll(async () => { await t?.close(); });
}

export const get = (url: string) => t.app.inject({ url: `/open311/v2/${url}`, headers: from() });
export const post = (url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({ method: 'POST', url: `/open311/v2/${url}`, payload: body.toString(), headers: { ...FORM, ...from(), ...headers } });
};

/** The JSON document conforms: an array of `schema` items (or one object), and its .xml twin says the same. */
export async function expectDocument(path: string, root: string, schema: Schema, opts: { array?: boolean } = { array: true }) {
  const res = await get(`${path.replace('{f}', 'json')}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers['access-control-allow-origin']).toBe('*');
  const json = res.json();
  const items = opts.array ? json : [json];
  expect(Array.isArray(items)).toBe(true);
  for (const item of items) expect(problems(schema, item)).toEqual([]);
  const xml = await get(`${path.replace('{f}', 'xml')}`);
  expect(xml.statusCode).toBe(200);
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  const { root: el } = parseXml(xml.body);
  expect(el.name).toBe(root);
  expect(xmlToSpark(el)).toEqual(asXmlText(json));
  return json;
}

/** The response is a spec error document with this status — and never the "general error" that hides a fault. */
export async function expectError(res: Awaited<ReturnType<typeof get>>, status: number, format: 'json' | 'xml' = 'json') {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.body).not.toContain(M.general);
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json();
    expect(Array.isArray(body) && body.length > 0).toBe(true);
    for (const e of body) expect(problems(ERROR, e)).toEqual([]);
    expect(body[0].code).toBe(status);
    return body[0].description as string;
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const { root } = parseXml(res.body);
  expect(root.name).toBe('errors');
  const errors = xmlToSpark(root) as { code: string; description: string }[];
  expect(errors[0]!.code).toBe(String(status));
  return errors[0]!.description;
}

export const pothole = (extra: Record<string, string | string[]> = {}) => ({
  api_key: key, service_code: 'pothole', lat: '36.566', long: '53.06', description: 'چاله بزرگ وسط خیابان امام\nنزدیک میدان',
  'attribute[pothole_size]': 'large', 'attribute[dangerous]': 'true', ...extra,
});
