// An instructor's own profile: saving it (identity, education, records, availability, evidence), where he stands
// (status) and what he may file (initial, renewal, or a review of changes after qualification).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { dbDateOf } from '../../../core/db/dates.js';
import { docFiles } from '../../../core/documents/schema.js';
import { AppError, badRequest, conflict, forbidden } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { Profile } from '../contract.js';
import { RENEWAL_WINDOW_DAYS, type ApplicationKind, type InstructorStatus } from '../enums.js';
import { IFA } from './fa.js';
import { assertActiveFields } from './fields.js';
import type { ProfileRow } from './ratings-store.js';
import { instApplications, instProfiles } from './schema.js';

export type ProfileData = ProfileRow['data'];
const DAY = 86_400_000;

const fieldError = (code: string, title: string, path: string, message = title) => badRequest(code, title, undefined, { errors: [{ path, message }] });

/** The signed-in citizen's profile, or null. */
export async function ownProfile(db: DbOrTx, actor: Actor, lock = false): Promise<ProfileRow | null> {
  if (actor.kind !== 'citizen' || actor.id == null) return null;
  const q = db.select().from(instProfiles).where(eq(instProfiles.userId, actor.id));
  const [p] = lock ? await q.for('update') : await q;
  return p ?? null;
}

/** The open application of a profile (not closed) with its case state, or null. */
export async function openApplicationOf(db: DbOrTx, profileId: number): Promise<{ id: string; state: string } | null> {
  const [found] = await db
    .select({ id: instApplications.id, state: wfCases.state })
    .from(instApplications)
    .innerJoin(wfCases, eq(wfCases.id, instApplications.caseId))
    .where(and(eq(instApplications.profileId, profileId), isNull(instApplications.closedAt)));
  return found ?? null;
}

/** Today's `date` value (Tehran). */
export const today = (now = new Date()): Date => dbDateOf(now);

/** Where he stands: in review, holding a valid qualification, expired, refused, or not yet filed. */
export function instructorStatus(p: Pick<ProfileRow, 'qualifiedUntil'>, open: boolean, decided: boolean, now = new Date()): InstructorStatus {
  if (open) return 'in_review';
  if (p.qualifiedUntil) return p.qualifiedUntil.getTime() >= today(now).getTime() ? 'qualified' : 'expired';
  return decided ? 'not_qualified' : 'draft';
}

/** Saved changes since the qualification in force (they count only once reviewed). */
export const changedSinceQualification = (p: Pick<ProfileRow, 'qualifiedUntil' | 'version' | 'approvedDataVersion'>): boolean =>
  p.qualifiedUntil !== null && p.approvedDataVersion !== null && p.version > p.approvedDataVersion;

/**
 * What he may file now: nothing while an application is open; `initial` when never qualified; `renewal` within
 * RENEWAL_WINDOW_DAYS of expiry or after it; `update` when qualified, outside the window, with saved changes.
 */
export function canApply(p: Pick<ProfileRow, 'qualifiedUntil' | 'version' | 'approvedDataVersion'>, open: boolean, now = new Date()): ApplicationKind | null {
  if (open) return null;
  if (!p.qualifiedUntil) return 'initial';
  if (p.qualifiedUntil.getTime() - today(now).getTime() <= RENEWAL_WINDOW_DAYS * DAY) return 'renewal';
  return changedSinceQualification(p) ? 'update' : null;
}

/** The stored form of a parsed profile: without the form's version, birth date as ISO, evidence ids deduplicated. */
function toData(input: Profile): ProfileData {
  const { version: _version, birthDate, ...rest } = input;
  const docs = <T extends { documents: string[] }>(items: T[]) => items.map((i) => ({ ...i, documents: [...new Set(i.documents)] }));
  return {
    ...rest,
    education: docs(rest.education), teaching: docs(rest.teaching), experience: docs(rest.experience), publications: docs(rest.publications), certificates: docs(rest.certificates),
    availability: { ...rest.availability, provinceIds: [...new Set(rest.availability.provinceIds)].filter((id) => id !== rest.provinceId) },
    birthDate: birthDate.toISOString(),
  };
}

/** Every evidence document id of a profile. */
export const documentIdsOf = (d: Pick<ProfileData, 'education' | 'teaching' | 'experience' | 'publications' | 'certificates'>): string[] =>
  [...new Set([...d.education, ...d.teaching, ...d.experience, ...d.publications, ...d.certificates].flatMap((i) => i.documents))];

/** The places and keys a profile names: his province and the provinces he teaches in, taxonomy keys. 400 otherwise. */
async function checkReferences(db: DbOrTx, d: ProfileData): Promise<string> {
  const ids = [...new Set([d.provinceId, ...d.availability.provinceIds])];
  const found = await db.select({ id: orgDivisions.id, path: orgDivisions.path }).from(orgDivisions).where(and(inArray(orgDivisions.id, ids), eq(orgDivisions.level, 'province')));
  const province = found.find((f) => f.id === d.provinceId);
  if (!province) throw fieldError('province_invalid', IFA.provinceInvalid, 'body.provinceId');
  if (found.length !== ids.length) throw fieldError('province_invalid', IFA.availabilityProvinceInvalid, 'body.availability.provinceIds');
  await assertActiveFields(db, d.expertise, 'body.expertise');
  await assertActiveFields(db, [...new Set(d.teaching.map((t) => t.field))], 'body.teaching');
  await assertActiveFields(db, [...new Set(d.publications.flatMap((x) => (x.field ? [x.field] : [])))], 'body.publications');
  return province.path;
}

/**
 * Evidence must be files he uploaded himself (or already on his profile); they are placed at his province so its
 * training experts may open them. 400 `attachment_invalid`.
 */
async function placeEvidence(tx: DbOrTx, actor: Actor, ids: string[], path: string, current: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const owned = await tx.select({ id: docFiles.id }).from(docFiles).where(and(inArray(docFiles.id, ids), eq(docFiles.ownerId, actor.id!)));
  const have = new Set([...owned.map((o) => o.id), ...current]);
  if (ids.some((id) => !have.has(id))) throw fieldError('attachment_invalid', IFA.documentInvalid, 'body.education');
  await tx.update(docFiles).set({ divisionPath: path }).where(and(inArray(docFiles.id, ids), eq(docFiles.ownerId, actor.id!)));
}

/**
 * Saves the signed-in citizen's profile (creates it on the first save): his verified mobile is the contact. 409
 * `version_conflict` when the form was loaded from an older version, `application_open` while an application is
 * under review (not returned to him), `national_code_taken` when another instructor has the national code. Bumps the
 * version; audited. Returns the profile id.
 */
export async function saveProfile(db: DbOrTx, actor: Actor, input: Profile): Promise<number> {
  if (actor.kind !== 'citizen' || actor.id == null) throw forbidden();
  const data = toData(input);
  const provincePath = await checkReferences(db, data);
  try {
    return await db.transaction(async (tx) => {
      const existing = await ownProfile(tx, actor, true);
      if ((existing?.version ?? 0) !== input.version) throw conflict('version_conflict', IFA.versionConflict, undefined, { version: existing?.version ?? 0 });
      if (existing) {
        const open = await openApplicationOf(tx, existing.id);
        if (open && open.state !== 'returned') throw conflict('application_open', IFA.applicationOpen);
      }
      await placeEvidence(tx, actor, documentIdsOf(data), provincePath, existing ? documentIdsOf(existing.data) : []);
      const now = new Date();
      const columns = { nationalCode: data.nationalCode, firstName: data.firstName, lastName: data.lastName, mobile: actor.mobile ?? existing?.mobile ?? '', provinceId: data.provinceId, provincePath, data, updatedAt: now };
      const [row] = existing
        ? await tx.update(instProfiles).set({ ...columns, version: existing.version + 1 }).where(eq(instProfiles.id, existing.id)).returning({ id: instProfiles.id, version: instProfiles.version })
        : await tx.insert(instProfiles).values({ ...columns, userId: actor.id!, version: 1 }).returning({ id: instProfiles.id, version: instProfiles.version });
      await appendAudit(tx, actor, {
        action: existing ? 'instructors.profile.update' : 'instructors.profile.create', entityType: 'inst_profile', entityId: row!.id, divisionPath: provincePath,
        data: { version: row!.version, provinceId: data.provinceId, expertise: data.expertise },
      });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'inst_profiles_national_code_unique', 'national_code')) throw conflict('national_code_taken', IFA.nationalCodeTaken);
    // Two first saves of one account at once: the loser's form is stale.
    if (isUniqueViolation(e, 'inst_profiles_user_id_unique', 'user_id')) throw conflict('version_conflict', IFA.profileTaken);
    throw e;
  }
}

/** Thrown when a citizen without a profile asks for his page. */
export const noProfile = () => new AppError(404, 'not_found', IFA.noProfile);
