// The training ID in public: verification by anyone (validity, name, qualified fields, dates) and the printable
// certificate with a QR code to that verification page, for the instructor himself and for staff in scope.
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Actor } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { toAsciiDigits } from '../../../core/fa/normalize.js';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import { badRequest, notFound } from '../../../core/http/errors.js';
import { divisionNames } from '../../../core/org/queries.js';
import type { Certificate, TrainingIdVerification } from '../api-types.js';
import { normalizeTrainingId } from '../training-id.js';
import { APPLICATION_VIEW_ROLES } from './applications.js';
import { IFA } from './fa.js';
import { fieldTitles } from './fields.js';
import { ownProfile, today } from './profiles.js';
import type { ProfileRow } from './ratings-store.js';
import { instProfiles } from './schema.js';

/** What verification and the certificate share: the holder, fields, dates and validity. */
async function qualificationOf(db: DbOrTx, p: ProfileRow) {
  const [names, title] = await Promise.all([divisionNames(db, [p.provinceId]), fieldTitles(db)]);
  const until = p.qualifiedUntil!;
  const valid = until.getTime() >= today().getTime();
  return {
    trainingId: p.trainingId!, name: `${p.firstName} ${p.lastName}`, province: names.get(p.provinceId) ?? '',
    fields: p.qualifiedFields.map((key) => ({ key, title: title(key) })),
    qualifiedAt: p.qualifiedAt ? toAsciiDigits(formatJalaliDate(p.qualifiedAt)) : '', until: jalaliFromDbDate(until), valid,
    // The end of the last valid day in Tehran.
    expiresAtIso: new Date(`${until.toISOString().slice(0, 10)}T23:59:59.999+03:30`).toISOString(),
  };
}

/**
 * Public verification of a typed training ID (Persian digits, spaces or dashes fine): 400 `training_id_invalid` when
 * its check digit does not match (a typo), 404 when no instructor holds it.
 */
export async function verifyTrainingId(db: DbOrTx, typed: string): Promise<TrainingIdVerification> {
  const id = normalizeTrainingId(typed);
  if (!id) throw badRequest('training_id_invalid', IFA.trainingIdInvalid);
  const [p] = await db.select().from(instProfiles).where(eq(instProfiles.trainingId, id));
  if (!p?.qualifiedUntil) throw notFound(IFA.trainingIdNoun);
  const q = await qualificationOf(db, p);
  return {
    trainingId: q.trainingId, valid: q.valid, status: q.valid ? 'valid' : 'expired', statusTitle: q.valid ? 'معتبر' : 'منقضی شده',
    name: q.name, province: q.province, fields: q.fields, qualifiedAt: q.qualifiedAt, expiresAt: q.until, expiresAtIso: q.expiresAtIso,
  };
}

async function certificateOf(db: DbOrTx, p: ProfileRow, origin: string): Promise<Certificate> {
  const q = await qualificationOf(db, p);
  const verifyUrl = `${origin}/verify/training-id/${q.trainingId}`;
  const qrSvg = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { trainingId: q.trainingId, name: q.name, fields: q.fields, qualifiedAt: q.qualifiedAt, validUntil: q.until, province: q.province, valid: q.valid, verifyUrl, qrSvg };
}

/** The signed-in instructor's certificate (404 until he has a training ID). */
export async function myCertificate(db: DbOrTx, actor: Actor, origin: string): Promise<Certificate> {
  const p = await ownProfile(db, actor);
  if (!p?.trainingId || !p.qualifiedUntil) throw notFound(IFA.certificateNoun);
  return certificateOf(db, p, origin);
}

/** An instructor's certificate for staff whose scope holds his province (training experts, units, the committee); else 404. */
export async function staffCertificate(db: DbOrTx, actor: Actor, profileId: number, origin: string): Promise<Certificate> {
  const [p] = Number.isSafeInteger(profileId) ? await db.select().from(instProfiles).where(eq(instProfiles.id, profileId)) : [];
  const allowed = p && (can(actor, 'instructors.courses', p.provincePath) || can(actor, 'workflow.act', p.provincePath, APPLICATION_VIEW_ROLES));
  if (!p?.trainingId || !p.qualifiedUntil || !allowed) throw notFound(IFA.certificateNoun);
  return certificateOf(db, p, origin);
}
