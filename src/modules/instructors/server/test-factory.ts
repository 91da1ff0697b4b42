// Test data for the instructor bank: a valid profile as the form would send it, and an instructor inserted directly
// (a citizen user and his profile; when qualified, a training ID from the sequence, the fields, validity and scores).
// Used by *.test.ts only.
import { authUsers } from '../../../core/auth/schema.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { parseJalaliDate } from '../../../core/fa/jalali.js';
import { nationalCodeFrom } from '../../../core/fa/validators.js';
import type { TestDivision } from '../../../test/factories.js';
import type { Availability, Profile } from '../contract.js';
import { applyQualification } from './decision.js';
import { DEFAULT_FIELDS } from './defaults.js';
import { instProfiles } from './schema.js';
import './index.js';

/** A profile as the form sends it: every list present, the birth date as Jalali text. */
export type ProfileForm = Omit<Profile, 'birthDate'> & { birthDate: string };

let seq = 0;
const DAY = 86_400_000;

/**
 * A complete profile as the form sends it (Jalali birth date), in `fields` of the shipped taxonomy: a master's degree
 * in a study related to the first field and a bachelor's, 8 years of experience, 120 hours taught in each field, two
 * publications in the first field, one certificate. `documents` go on every education item (none: incomplete).
 */
export function sampleProfile(provinceId: number, fields: string[], opts: { n?: number; documents?: string[]; name?: [string, string] } = {}): ProfileForm {
  const n = opts.n ?? ++seq;
  const related = DEFAULT_FIELDS.find((f) => f.key === fields[0])?.relatedStudies[0] ?? 'مدیریت شهری';
  const docs = opts.documents ?? [];
  return {
    nationalCode: nationalCodeFrom(700_000_000 + (process.pid % 1000) * 10_000 + n),
    firstName: opts.name?.[0] ?? 'مریم',
    lastName: opts.name?.[1] ?? `احمدی ${n}`,
    birthDate: '1360/04/12',
    email: '',
    provinceId,
    bio: 'مدرس دوره‌های آموزشی شهرداری‌ها و دهیاری‌ها',
    expertise: fields,
    education: [
      { id: `ed${n}a`, degree: 'master', field: related, university: 'دانشگاه تهران', year: 1390, documents: docs },
      { id: `ed${n}b`, degree: 'bachelor', field: 'مدیریت دولتی', university: 'دانشگاه مازندران', year: 1384, documents: docs },
    ],
    teaching: fields.map((f, i) => ({ id: `te${n}${i}`, course: 'دوره آموزشی ضمن خدمت', organization: 'سازمان شهرداری‌ها و دهیاری‌ها', field: f, hours: 120, year: 1400, documents: [] })),
    experience: [{ id: `ex${n}`, organization: 'شهرداری ساری', title: 'کارشناس', fromYear: 1394, toYear: 1402, documents: [] }],
    publications: fields.length
      ? [
          { id: `pu${n}a`, kind: 'article', title: 'مقاله نخست', publisher: 'فصلنامه مدیریت شهری', year: 1399, field: fields[0]!, documents: [] },
          { id: `pu${n}b`, kind: 'book', title: 'کتاب راهنما', publisher: 'نشر شهر', year: 1401, field: fields[0]!, documents: [] },
        ]
      : [],
    certificates: [{ id: `ce${n}`, title: 'گواهی مدرسی', issuer: 'سازمان مدیریت و برنامه‌ریزی', year: 1398, documents: [] }],
    availability: { provinceIds: [], inPerson: true, online: false },
    version: 0,
  };
}

export interface InsertedInstructor {
  profileId: number;
  userId: number;
  trainingId: string | null;
  mobile: string;
}

/**
 * Inserts an instructor directly: a citizen user (mobile given or a fresh 0937…) and his saved profile (version 1) of
 * {@link sampleProfile} in `fields`. With `qualified`: qualified in all of `fields` until `until` (default three years
 * ahead) through the same code as a committee decision (training ID, scores, reminders), without an application.
 */
export async function insertInstructor(
  db: DbOrTx,
  opts: { province: TestDivision; fields: string[]; qualified?: { until?: Date }; availability?: Partial<Availability>; mobile?: string; name?: [string, string] },
): Promise<InsertedInstructor> {
  const n = ++seq;
  const mobile = opts.mobile ?? `0937${String((process.pid % 100) * 100_000 + n).padStart(7, '0')}`;
  const [u] = await db.insert(authUsers).values({ kind: 'citizen', mobile, displayName: mobile }).returning({ id: authUsers.id });
  // National codes of their own range: tests also save sampleProfile(…, { n }) profiles over HTTP.
  const input = { ...sampleProfile(opts.province.id, opts.fields, { n, name: opts.name }), nationalCode: nationalCodeFrom(800_000_000 + (process.pid % 1000) * 10_000 + n) };
  const { version: _v, birthDate, ...rest } = input;
  const data = {
    ...rest,
    availability: { provinceIds: [], inPerson: true, online: false, ...opts.availability },
    birthDate: parseJalaliDate(birthDate)!.toISOString(),
  };
  const [p] = await db
    .insert(instProfiles)
    .values({
      userId: u!.id, nationalCode: input.nationalCode, firstName: data.firstName, lastName: data.lastName, mobile,
      provinceId: opts.province.id, provincePath: opts.province.path, data, version: 1,
    })
    .returning({ id: instProfiles.id });
  let trainingId: string | null = null;
  if (opts.qualified) {
    const until = dbDateOf(opts.qualified.until ?? new Date(Date.now() + 3 * 365 * DAY));
    trainingId = await db.transaction((tx) => applyQualification(tx, { profileId: p!.id, fields: opts.fields, until, applicationId: null, approvedDataVersion: 1 }));
  }
  return { profileId: p!.id, userId: u!.id, trainingId, mobile };
}

/** The Jalali day `days` days from now, ASCII digits as the API takes it ('1405/03/01'). */
export const jalaliInDays = (days: number): string => jalaliFromDbDate(dbDateOf(new Date(Date.now() + days * DAY)));
