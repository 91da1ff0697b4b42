// What a positive decision writes on the instructor: the training ID (issued once, from a database sequence so a
// number is never reused, and kept for renewals), the qualified fields and validity, the approved scores, and the
// renewal reminders before expiry.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { jalaliParts, tehranDateKey } from '../../../core/fa/jalali.js';
import { AppError } from '../../../core/http/errors.js';
import { enqueue, type JobContext, type JobWorker } from '../../../core/jobs/queue.js';
import { notify } from '../../../core/notify/outbox.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { RENEWAL_REMINDER_DAYS } from '../enums.js';
import { formatTrainingId } from '../training-id.js';
import { IFA } from './fa.js';
import { recomputeScores } from './ratings-store.js';
import { instApplications, instProfiles, instReminders } from './schema.js';

const DAY = 86_400_000;
/** Job kind of a renewal reminder. */
export const RENEWAL_JOB = 'instructors.renewal_reminder';
const dayKey = (d: Date) => d.toISOString().slice(0, 10);
export const renewalJobKey = (profileId: number, until: Date, days: number) => `inst-renew:${profileId}:${dayKey(until)}:${days}`;

/** The two-digit Statistical Centre code of a province (00 when it has none, as for test divisions). */
function provinceNumber(code: string | undefined): number {
  return code && /^\d{1,2}$/.test(code) ? Number(code) : 0;
}

/** A new training ID: this Jalali year, the province's code, the sequence's next number (never issued again). */
export async function issueTrainingId(tx: DbOrTx, provinceId: number, at = new Date()): Promise<string> {
  const [p] = await tx.select({ code: orgDivisions.code }).from(orgDivisions).where(eq(orgDivisions.id, provinceId));
  let seq: number;
  try {
    // A savepoint: on PostgreSQL an exhausted sequence would otherwise abort the caller's whole transaction.
    seq = await tx.transaction(async (sp) => Number((await rows<{ n: string }>(sp, sql`select nextval('inst_training_seq') as n`))[0]!.n));
  } catch {
    throw new AppError(503, 'training_ids_exhausted', IFA.trainingIdsExhausted);
  }
  return formatTrainingId(jalaliParts(at).year, provinceNumber(p?.code), seq);
}

export interface Qualification {
  profileId: number;
  fields: string[];
  /** the last valid day (a `date` column value) */
  until: Date;
  /** the application whose decision this is (null: imported or test data) */
  applicationId: string | null;
  /** the profile version approved */
  approvedDataVersion: number;
  /** when the decision is made (default now): the qualification date and the year of a first training ID */
  at?: Date;
}

/**
 * Writes a qualification on the profile (in the decision's transaction): the training ID if he has none, fields,
 * dates, the decision, approved scores, and schedules the renewal reminders. Returns the training ID.
 */
export async function applyQualification(tx: DbOrTx, q: Qualification): Promise<string> {
  const [p] = await tx.select().from(instProfiles).where(eq(instProfiles.id, q.profileId)).for('update');
  if (!p) throw new Error(`instructor profile ${q.profileId} is missing`);
  const now = q.at ?? new Date();
  const trainingId = p.trainingId ?? (await issueTrainingId(tx, p.provinceId, now));
  await tx
    .update(instProfiles)
    .set({ trainingId, qualifiedFields: q.fields, qualifiedAt: now, qualifiedUntil: q.until, decisionApplicationId: q.applicationId, approvedDataVersion: q.approvedDataVersion, updatedAt: now })
    .where(eq(instProfiles.id, p.id));
  await recomputeScores(tx, p.id);
  await scheduleRenewalReminders(tx, p.id, q.until);
  return trainingId;
}

/** One job per threshold, at 09:00 Tehran time that many days before the last valid day (a passed one runs at once). */
export async function scheduleRenewalReminders(tx: DbOrTx, profileId: number, until: Date): Promise<void> {
  for (const days of RENEWAL_REMINDER_DAYS) {
    const runAt = new Date(until.getTime() - days * DAY + 5.5 * 3_600_000);
    await enqueue(tx, { kind: RENEWAL_JOB, key: renewalJobKey(profileId, until, days), payload: { profileId, until: dayKey(until), days }, runAt });
  }
}

/** Whole days from today (Tehran) to a `date` value. */
const daysUntil = (until: Date, now = new Date()): number => Math.round((until.getTime() - new Date(`${tehranDateKey(now)}T00:00:00Z`).getTime()) / DAY);

/**
 * The renewal reminder: an SMS, once per qualification and threshold (inst_reminders), when the qualification it was
 * scheduled for still ends that day, has not ended, no application is open (a renewal under way), and no nearer
 * threshold already applies (a qualification granted 10 days before its end gets the 14-day reminder only).
 */
export async function handleRenewalReminder(payload: Record<string, unknown>, { tx }: Pick<JobContext, 'tx'>): Promise<void> {
  const profileId = Number(payload.profileId);
  const days = Number(payload.days);
  const until = new Date(`${String(payload.until)}T00:00:00Z`);
  if (!Number.isSafeInteger(profileId) || !Number.isFinite(days) || Number.isNaN(until.getTime())) return;
  const [p] = await tx.select().from(instProfiles).where(eq(instProfiles.id, profileId));
  if (!p?.qualifiedUntil || dayKey(p.qualifiedUntil) !== dayKey(until)) return;
  const left = daysUntil(until);
  if (left < 0 || left > days) return;
  if (RENEWAL_REMINDER_DAYS.some((d) => d < days && left <= d)) return;
  const [open] = await tx.select({ id: instApplications.id }).from(instApplications).where(and(eq(instApplications.profileId, p.id), isNull(instApplications.closedAt)));
  if (open) return;
  const sent = await tx.insert(instReminders).values({ profileId: p.id, until, daysBefore: days }).onConflictDoNothing().returning({ id: instReminders.id });
  if (sent.length) await notify(tx, { channel: 'sms', to: p.mobile, body: IFA.sms.renewal(left, jalaliFromDbDate(until)) });
}

/** The module's job handlers (its `registerJobs`). */
export function registerInstructorJobs(worker: JobWorker): void {
  worker.register(RENEWAL_JOB, handleRenewalReminder);
}
