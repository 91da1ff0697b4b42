// Test helpers of the complaints service: a place tree with districts in two provinces, the staff of the
// staff-side tests, and complaints filed through the real `submitComplaint`. Used by *.test.ts only.
import { eq } from 'drizzle-orm';

import type { Actor } from '../../../core/access/actor.js';
import { createSession } from '../../../core/auth/sessions.js';
import type { Db } from '../../../core/db/client.js';

import { createCitizen, createDivision, createStaff, createTree, type TestDivision } from '../../../test/factories.js';
import { ComplaintCreate } from '../contract.js';
import { ensureCategories } from './categories.js';
import { submitComplaint } from './commands/submit.js';
import { complaintsCategories } from './schema.js';

import { ensureTemplates } from './templates.js';

import { createTestApp } from '../../../test/app.js';

const pw = { password: 'secret-pass' };

/**
 * Categories and templates, the test tree plus a city in the other province, and staff: `dr1`/`dr2` (district
 * reviewers of the central district), `drOther` (the other district), `prov` (province reviewer), `insp`
 * (national inspection), `inspProv` (provincial inspection), `adm` (administrator). Usernames get `prefix` so
 * several files can share nothing but the code.
 */
export async function complaintsFixture(db: Db) {
  await ensureCategories(db);
  await ensureTemplates(db);
  const tree = await createTree(db);
  const otherCounty = await createDivision(db, 'county', tree.otherProvince, 'شهرستان دوم');
  const otherProvDistrict = await createDivision(db, 'district', otherCounty, 'بخش دوم');
  const otherProvCity = await createDivision(db, 'city', otherProvDistrict, 'شهر دوم');
  const staff = {
    dr1: await createStaff(db, [['district.reviewer', tree.district]], { username: 'dr1', ...pw }),
    dr2: await createStaff(db, [['district.reviewer', tree.district]], { username: 'dr2', ...pw }),
    drOther: await createStaff(db, [['district.reviewer', tree.otherDistrict]], { username: 'drother', ...pw }),
    prov: await createStaff(db, [['province.reviewer', tree.province]], { username: 'prov', ...pw }),
    insp: await createStaff(db, [['inspector', null]], { username: 'insp', ...pw }),
    inspProv: await createStaff(db, [['inspector', tree.province]], { username: 'inspprov', ...pw }),
    adm: await createStaff(db, [['admin', null]], { username: 'adm', ...pw }),
    trainer: await createStaff(db, [['expert.training', null]], { username: 'trainer', ...pw }),
  };
  const leaf = async (code: string) => (await db.select().from(complaintsCategories).where(eq(complaintsCategories.code, code)))[0]!;
  const lighting = await leaf('street-lighting');
  const waste = await leaf('waste-collection');
  const behaviour = await leaf('staff-behaviour');
  const group = (await db.select().from(complaintsCategories).where(eq(complaintsCategories.id, lighting.parentId!)))[0]!;
  return { tree: { ...tree, otherProvCity }, staff, categories: { lighting, waste, behaviour, group } };
}

export interface FileOptions {
  place: TestDivision;
  categoryId: number;
  subject?: string;
  body?: string;
  kind?: ComplaintCreate['kind'];
  name?: string;
  anonymous?: boolean;
  citizen?: Actor;
  answers?: Record<string, string | number | boolean>;
}

/** Files a complaint as a (new, unless given) citizen through the real submit command; returns ids and code. */
export async function fileComplaint(db: Db, o: FileOptions) {
  const citizen = o.citizen ?? (await createCitizen(db));
  const input = ComplaintCreate.parse({
    kind: o.kind ?? 'complaint', categoryId: o.categoryId, divisionId: o.place.id,
    subject: o.subject ?? 'موضوع آزمایشی', body: o.body ?? 'متن آزمایشی شکایت برای آزمون سامانه',
    name: o.name, anonymous: o.anonymous ?? false, answers: o.answers ?? {},
  });
  const r = await submitComplaint(db, input, { actor: citizen, source: 'web', sms: false });
  return { ...r, citizen };
}

/** Headers of a signed-in citizen (cookie + CSRF), without going through the one-time code. */
export async function citizenHeaders(db: Db, citizen: Actor) {
  const s = await createSession(db, citizen.id!, 1);
  return { cookie: `shahrdeh_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
}

/** The real app with every module on a fresh database (the complaints tests' name for createTestApp). */
export function createComplaintsTestApp() {
  return createTestApp();
}
