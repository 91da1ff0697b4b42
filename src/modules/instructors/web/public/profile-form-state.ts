// Pure helpers of the profile form (ProfileForm.tsx): the form's state (what was typed, as text), the state from a
// saved profile, the request body, the light client checks (the server's contract is the authority), and the
// mapping of server field errors to the form's fields. Error keys are the body's paths ('education.0.year').
import { parseJalaliDate } from '../../../../core/fa/jalali.js';
import { normalizeFa, toAsciiDigits } from '../../../../core/fa/normalize.js';
import type { MyInstructor, ProfileView } from '../../api-types.js';
import type { CompletenessInput } from '../../completeness.js';
import type { Degree, PublicationKind } from '../../enums.js';
import { pfa } from './fa-profile.js';
import { fieldErrors } from './http.js';

export type Errors = Record<string, string>;

export interface EducationRow { id: string; degree: Degree | ''; field: string; university: string; year: string; documents: string[] }
export interface TeachingRow { id: string; course: string; organization: string; field: string; hours: string; year: string; documents: string[] }
export interface ExperienceRow { id: string; organization: string; title: string; fromYear: string; toYear: string; documents: string[] }
export interface PublicationRow { id: string; kind: PublicationKind | ''; title: string; publisher: string; year: string; field: string; documents: string[] }
export interface CertificateRow { id: string; title: string; issuer: string; year: string; documents: string[] }

export interface FormState {
  nationalCode: string;
  firstName: string;
  lastName: string;
  /** Jalali, as typed (ASCII digits) */
  birthDate: string;
  email: string;
  provinceId: string;
  bio: string;
  expertise: string[];
  education: EducationRow[];
  teaching: TeachingRow[];
  experience: ExperienceRow[];
  publications: PublicationRow[];
  certificates: CertificateRow[];
  availability: { provinceIds: number[]; inPerson: boolean; online: boolean };
}

export type ListKey = 'education' | 'teaching' | 'experience' | 'publications' | 'certificates';
export const LIST_MAX: Record<ListKey, number> = { education: 10, teaching: 60, experience: 30, publications: 60, certificates: 30 };
export const MAX_EXPERTISE = 5;
export const MAX_BIO = 2000;

/** A new row's id: random, made here, kept with the item for good (a reviewer marks its evidence verified by it). */
export function newRowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

const year = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export const emptyRow: { [K in ListKey]: () => FormState[K][number] } = {
  education: () => ({ id: newRowId(), degree: '', field: '', university: '', year: '', documents: [] }),
  teaching: () => ({ id: newRowId(), course: '', organization: '', field: '', hours: '', year: '', documents: [] }),
  experience: () => ({ id: newRowId(), organization: '', title: '', fromYear: '', toYear: '', documents: [] }),
  publications: () => ({ id: newRowId(), kind: '', title: '', publisher: '', year: '', field: '', documents: [] }),
  certificates: () => ({ id: newRowId(), title: '', issuer: '', year: '', documents: [] }),
};

/** The form's state: empty for a new profile, or the saved one. */
export function stateFrom(me: MyInstructor | null): FormState {
  const p = me?.profile;
  if (!p) {
    return {
      nationalCode: '', firstName: '', lastName: '', birthDate: '', email: '', provinceId: '', bio: '', expertise: [],
      education: [], teaching: [], experience: [], publications: [], certificates: [],
      availability: { provinceIds: [], inPerson: true, online: false },
    };
  }
  return {
    nationalCode: p.nationalCode,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: toAsciiDigits(me.birthDateJalali),
    email: p.email,
    provinceId: String(p.provinceId),
    bio: p.bio,
    expertise: [...p.expertise],
    education: p.education.map((e) => ({ ...e, year: year(e.year), documents: [...e.documents] })),
    teaching: p.teaching.map((t) => ({ ...t, hours: year(t.hours), year: year(t.year), documents: [...t.documents] })),
    experience: p.experience.map((e) => ({ ...e, fromYear: year(e.fromYear), toYear: year(e.toYear), documents: [...e.documents] })),
    publications: p.publications.map((x) => ({ ...x, year: year(x.year), field: x.field ?? '', documents: [...x.documents] })),
    certificates: p.certificates.map((c) => ({ ...c, year: year(c.year), documents: [...c.documents] })),
    availability: { ...p.availability, provinceIds: [...p.availability.provinceIds] },
  };
}

/** A number typed with Persian or ASCII digits; '' → null (the server says what is missing). */
function num(s: string): number | null {
  const t = toAsciiDigits(s).trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

/** The body of PUT /me/profile (JSON: the birth date as Jalali text; empty numbers as null for the server to name). */
export function payload(s: FormState, version: number): ProfileView {
  const { education, teaching, experience, publications, certificates, provinceId, ...rest } = s;
  return {
    ...rest,
    nationalCode: toAsciiDigits(s.nationalCode),
    birthDate: toAsciiDigits(s.birthDate).trim(),
    email: s.email.trim(),
    provinceId: num(provinceId) as number,
    education: education.map((e) => ({ ...e, degree: e.degree as Degree, year: num(e.year) as number })),
    teaching: teaching.map((t) => ({ ...t, hours: num(t.hours) as number, year: num(t.year) as number })),
    experience: experience.map((e) => ({ ...e, fromYear: num(e.fromYear) as number, toYear: num(e.toYear) })),
    publications: publications.map((x) => ({ ...x, kind: x.kind as PublicationKind, year: num(x.year) as number, field: x.field || null })),
    certificates: certificates.map((c) => ({ ...c, year: num(c.year) as number })),
    version,
  };
}

/** The form as completeness reads a saved profile, for the live meter (the server computes its own on submission). */
export function asCompletenessInput(s: FormState): CompletenessInput {
  return { ...payload(s, 0), nationalCode: toAsciiDigits(s.nationalCode) };
}

const blank = (s: string) => normalizeFa(s) === '';

function checkYear(e: Errors, key: string, v: string, required = true) {
  if (v.trim() === '') {
    if (required) e[key] = pfa.required;
    return;
  }
  const n = num(v);
  if (n === null || n < 1330 || n > 1500) e[key] = pfa.yearInvalid;
}

function required(e: Errors, key: string, v: string) {
  if (blank(v)) e[key] = pfa.required;
}

/** What the form can tell before sending: the missing and the malformed. Everything else is the server's. */
export function validate(s: FormState): Errors {
  const e: Errors = {};
  const code = toAsciiDigits(s.nationalCode);
  if (!code) e.nationalCode = pfa.required;
  else if (!/^\d{10}$/.test(code)) e.nationalCode = pfa.identity.nationalCodeInvalid;
  required(e, 'firstName', s.firstName);
  required(e, 'lastName', s.lastName);
  if (!s.birthDate.trim()) e.birthDate = pfa.required;
  else if (!parseJalaliDate(toAsciiDigits(s.birthDate).trim())) e.birthDate = pfa.identity.birthDateInvalid;
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) e.email = pfa.contact.emailInvalid;
  if (!s.provinceId) e.provinceId = pfa.required;
  s.education.forEach((r, i) => {
    if (!r.degree) e[`education.${i}.degree`] = pfa.required;
    required(e, `education.${i}.field`, r.field);
    required(e, `education.${i}.university`, r.university);
    checkYear(e, `education.${i}.year`, r.year);
  });
  s.teaching.forEach((r, i) => {
    required(e, `teaching.${i}.course`, r.course);
    required(e, `teaching.${i}.organization`, r.organization);
    if (!r.field) e[`teaching.${i}.field`] = pfa.required;
    const h = num(r.hours);
    if (!r.hours.trim()) e[`teaching.${i}.hours`] = pfa.required;
    else if (h === null || h < 1 || h > 2000) e[`teaching.${i}.hours`] = pfa.numberInvalid;
    checkYear(e, `teaching.${i}.year`, r.year);
  });
  s.experience.forEach((r, i) => {
    required(e, `experience.${i}.organization`, r.organization);
    required(e, `experience.${i}.title`, r.title);
    checkYear(e, `experience.${i}.fromYear`, r.fromYear);
    checkYear(e, `experience.${i}.toYear`, r.toYear, false);
    const from = num(r.fromYear);
    const to = num(r.toYear);
    if (!e[`experience.${i}.toYear`] && from !== null && to !== null && to < from) e[`experience.${i}.toYear`] = pfa.experience.toBeforeFrom;
  });
  s.publications.forEach((r, i) => {
    if (!r.kind) e[`publications.${i}.kind`] = pfa.required;
    required(e, `publications.${i}.title`, r.title);
    checkYear(e, `publications.${i}.year`, r.year);
  });
  s.certificates.forEach((r, i) => {
    required(e, `certificates.${i}.title`, r.title);
    required(e, `certificates.${i}.issuer`, r.issuer);
    checkYear(e, `certificates.${i}.year`, r.year);
  });
  if (s.availability.provinceIds.length > 31) e.availability = pfa.numberInvalid;
  return e;
}

/**
 * Server field errors → this form's fields: a row's field keeps its path ('teaching.2.hours'); an error on a whole
 * list or on a row lands on the list; the documents of a row on that row's uploads; the availability's parts on it.
 */
export function mapServerErrors(err: unknown): Errors {
  const mapped: Errors = {};
  for (const [path, msg] of Object.entries(fieldErrors(err))) {
    const row = /^(education|teaching|experience|publications|certificates)\.(\d+)(?:\.(\w+))?/.exec(path);
    if (row) {
      const key = row[3] === undefined ? row[1]! : row[3] === 'documents' ? `${row[1]}.${row[2]}.documents` : `${row[1]}.${row[2]}.${row[3]}`;
      mapped[key] ??= msg;
    } else if (path.startsWith('availability')) mapped.availability ??= msg;
    else if (path.startsWith('expertise')) mapped.expertise ??= msg;
    else mapped[path.split('.')[0] || 'form'] ??= msg;
  }
  return mapped;
}
