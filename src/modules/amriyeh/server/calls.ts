// Calls (فراخوان): opening one with its published rules, criteria and quotas, its states, the public lottery seed,
// and how it is shown (rules and criteria in plain Persian).
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits as fa } from '../../../core/fa/normalize.js';
import { badRequest, conflict, notFound } from '../../../core/http/errors.js';
import { orgDivisions } from '../../../core/org/schema.js';
import type { CallSummary, CallView } from '../api-types.js';
import {
  CALL_STATE_TITLES,
  CONSCRIPTION_TITLES,
  CRITERION_TITLES,
  EDUCATION_LEVELS,
  EDUCATION_TITLES,
  PRIORITY_TITLES,
  RESIDENCE_TITLES,
  type CallCreate,
  type CallState,
  type EligibilityRules,
  type ScoringCriterion,
} from '../contract.js';
import { AFA } from './fa.js';
import { canonicalKey } from './lottery.js';
import { amriyehCallQuotas, amriyehCalls, amriyehStations } from './schema.js';

export type CallRow = typeof amriyehCalls.$inferSelect;
const DAY_MS = 86_400_000;

/** Loads a call, or 404. Drafts are found only when `includeDrafts` (staff who manage calls). */
export async function getCall(db: DbOrTx, id: number, includeDrafts = false): Promise<CallRow> {
  const [c] = Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? await db.select().from(amriyehCalls).where(eq(amriyehCalls.id, id)) : [];
  if (!c || (c.state === 'draft' && !includeDrafts)) throw notFound(AFA.callNoun);
  return c;
}

/** True while the call accepts applications: open, and now within its period. */
export function isAccepting(c: Pick<CallRow, 'state' | 'startsAt' | 'endsAt'>, now = new Date()): boolean {
  return c.state === 'open' && c.startsAt.getTime() <= now.getTime() && now.getTime() <= c.endsAt.getTime();
}

/** True once registration is over: the call was closed, or its last day has passed. */
export function registrationOver(c: Pick<CallRow, 'state' | 'endsAt'>, now = new Date()): boolean {
  return c.state === 'closed' || c.state === 'allocated' || c.state === 'archived' || (c.state === 'open' && now.getTime() > c.endsAt.getTime());
}

/** Opens a call as a draft (or directly open when `open`), with its province quotas. Audited. */
export async function createCall(db: DbOrTx, input: CallCreate, actor: Actor, opts: { open?: boolean } = {}): Promise<CallRow> {
  return db.transaction(async (tx) => {
    if (input.provinceQuotas.length) {
      const ids = input.provinceQuotas.map((q) => q.provinceId);
      const found = await tx.select({ id: orgDivisions.id }).from(orgDivisions).where(and(inArray(orgDivisions.id, ids), eq(orgDivisions.level, 'province')));
      if (found.length !== ids.length) throw badRequest('province_invalid', AFA.provinceInvalid, undefined, { errors: [{ path: 'provinceQuotas', message: AFA.provinceInvalid }] });
    }
    let seed: string | null = null;
    if (input.lotterySeed) seed = input.lotterySeed;
    const [call] = await tx
      .insert(amriyehCalls)
      .values({
        title: input.title, description: input.description, startsAt: input.startsOn,
        // The last day of registration is accepted whole (Tehran has no daylight saving since 1401).
        endsAt: new Date(input.endsOn.getTime() + DAY_MS - 1), referenceDate: input.referenceDate,
        nationalQuota: input.nationalQuota, rules: input.rules, criteria: input.criteria,
        lotterySeed: seed, seedPublishedAt: seed ? new Date() : null, state: opts.open ? 'open' : 'draft', createdById: actor.id,
      })
      .returning();
    if (input.provinceQuotas.length) await tx.insert(amriyehCallQuotas).values(input.provinceQuotas.map((q) => ({ callId: call!.id, provinceId: q.provinceId, quota: q.quota })));
    await appendAudit(tx, actor, { action: 'amriyeh.call.create', entityType: 'amriyeh_call', entityId: String(call!.id), divisionPath: '/', data: { title: input.title, nationalQuota: input.nationalQuota, seed } });
    return call!;
  });
}

const NEXT_STATES: Record<CallState, CallState[]> = { draft: ['open'], open: ['closed'], closed: ['open', 'archived'], allocated: ['archived'], archived: [] };

/** Moves a call to `to` (draft → open → closed → archived; a closed call may reopen before any run). Audited. */
export async function setCallState(db: DbOrTx, id: number, to: CallState, actor: Actor): Promise<CallRow> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(amriyehCalls).where(eq(amriyehCalls.id, id)).for('update');
    if (!c) throw notFound(AFA.callNoun);
    if (!NEXT_STATES[c.state].includes(to)) throw conflict('call_state_invalid', AFA.callStateInvalid, `${c.state} → ${to}`);
    const [u] = await tx.update(amriyehCalls).set({ state: to, updatedAt: new Date() }).where(eq(amriyehCalls.id, id)).returning();
    await appendAudit(tx, actor, { action: 'amriyeh.call.state', entityType: 'amriyeh_call', entityId: String(id), divisionPath: '/', data: { from: c.state, to } });
    return u!;
  });
}

/**
 * Publishes the lottery seed: the RFC 3797 canonical key of the public random sources (e.g. the numbers of a
 * public draw). Once only, and before registration ends — so nobody can choose it knowing who applied. Audited.
 */
export async function publishSeed(db: DbOrTx, id: number, sources: (number[] | string)[], actor: Actor, now = new Date()): Promise<CallRow> {
  let key: string;
  try {
    // Persian or Arabic digits typed in a text source become ASCII: the key must be readable by RFC 3797's program.
    key = canonicalKey(sources.map((src) => (typeof src === 'string' ? toAsciiDigits(src) : src)));
  } catch {
    throw badRequest('seed_invalid', AFA.seedInvalid);
  }
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(amriyehCalls).where(eq(amriyehCalls.id, id)).for('update');
    if (!c) throw notFound(AFA.callNoun);
    if (c.lotterySeed) throw conflict('seed_already_set', AFA.seedAlreadySet);
    if (registrationOver(c, now)) throw conflict('seed_too_late', AFA.seedTooLate);
    const [u] = await tx.update(amriyehCalls).set({ lotterySeed: key, seedPublishedAt: now, updatedAt: now }).where(eq(amriyehCalls.id, id)).returning();
    await appendAudit(tx, actor, { action: 'amriyeh.call.seed', entityType: 'amriyeh_call', entityId: String(id), divisionPath: '/', data: { seed: key } });
    return u!;
  });
}

/** The published eligibility rules, one plain Persian sentence each. */
export function rulesText(rules: EligibilityRules, referenceDate: Date): string[] {
  const out: string[] = [];
  out.push(rules.minEducation ? `حداقل مدرک تحصیلی: ${EDUCATION_TITLES[rules.minEducation]}` : 'بدون شرط مدرک تحصیلی');
  out.push(rules.acceptedFields.length ? `رشته‌های تحصیلی پذیرفته: ${rules.acceptedFields.join('، ')}` : 'همه رشته‌های تحصیلی پذیرفته می‌شوند');
  const on = `در تاریخ ${formatJalaliDate(referenceDate)}`;
  if (rules.minAge !== null && rules.maxAge !== null) out.push(`سن ${on}: از ${fa(rules.minAge)} تا ${fa(rules.maxAge)} سال تمام`);
  else if (rules.minAge !== null) out.push(`سن ${on}: دست‌کم ${fa(rules.minAge)} سال تمام`);
  else if (rules.maxAge !== null) out.push(`سن ${on}: حداکثر ${fa(rules.maxAge)} سال تمام`);
  out.push(RESIDENCE_TITLES[rules.residence]);
  out.push(`وضعیت نظام وظیفه پذیرفته: ${rules.conscriptionStatuses.map((s) => CONSCRIPTION_TITLES[s]).join('، ')}`);
  return out;
}

const pct = (share: number) => `${fa(Math.round(share * 100))}٪`;

/** What each criterion rewards, in plain Persian. */
export function criterionDescription(c: ScoringCriterion): string {
  switch (c.kind) {
    case 'native':
      return `تولد در بخش محل سکونت: همه امتیاز؛ تولد در شهرستان محل سکونت: ${pct(c.countyShare)} امتیاز`;
    case 'education':
      return EDUCATION_LEVELS.filter((l) => (c.shares[l] ?? 0) > 0).map((l) => `${EDUCATION_TITLES[l]}: ${pct(c.shares[l]!)}`).join('، ') || 'بدون امتیاز';
    case 'field_relevance':
      return `رشته‌های مرتبط: ${c.fields.join('، ') || '—'}`;
    case 'deprived_area':
      return 'سکونت در منطقه محروم با تأیید بخشداری';
    case 'priority_group':
      return (Object.entries(c.shares) as [keyof typeof PRIORITY_TITLES, number][]).map(([g, s]) => `${PRIORITY_TITLES[g]}: ${pct(s)}`).join('، ') + ' (بیشترین سهم، با تأیید مدارک)';
    case 'married':
      return 'متأهل: همه امتیاز';
  }
}

function summary(c: CallRow, stationCount: number, now: Date): CallSummary {
  return {
    id: c.id, title: c.title, state: c.state, stateTitle: CALL_STATE_TITLES[c.state], startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(),
    accepting: isAccepting(c, now), nationalQuota: c.nationalQuota, stationCount,
  };
}

async function stationCounts(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const counts = await db
    .select({ callId: amriyehStations.callId, n: sql<number>`count(*)::int` })
    .from(amriyehStations)
    .where(and(inArray(amriyehStations.callId, ids), sql`coalesce(${amriyehStations.seatsCapped}, ${amriyehStations.seatsConfirmed}, 0) > 0`))
    .groupBy(amriyehStations.callId);
  return new Map(counts.map((r) => [r.callId, r.n]));
}

/** Calls, newest first; drafts only for staff who manage calls. */
export async function listCalls(db: DbOrTx, includeDrafts: boolean): Promise<CallSummary[]> {
  const rows = await db.select().from(amriyehCalls).where(includeDrafts ? undefined : ne(amriyehCalls.state, 'draft')).orderBy(desc(amriyehCalls.startsAt), desc(amriyehCalls.id)).limit(200);
  const counts = await stationCounts(db, rows.map((r) => r.id));
  const now = new Date();
  return rows.map((r) => summary(r, counts.get(r.id) ?? 0, now));
}

/** The whole published call. */
export async function presentCall(db: DbOrTx, c: CallRow): Promise<CallView> {
  const quotas = await db
    .select({ provinceId: amriyehCallQuotas.provinceId, provinceName: orgDivisions.name, quota: amriyehCallQuotas.quota })
    .from(amriyehCallQuotas)
    .innerJoin(orgDivisions, eq(orgDivisions.id, amriyehCallQuotas.provinceId))
    .where(eq(amriyehCallQuotas.callId, c.id))
    .orderBy(asc(orgDivisions.name));
  const counts = await stationCounts(db, [c.id]);
  return {
    ...summary(c, counts.get(c.id) ?? 0, new Date()),
    description: c.description,
    referenceDate: c.referenceDate.toISOString(),
    provinceQuotas: quotas,
    rules: c.rules,
    rulesText: rulesText(c.rules, c.referenceDate),
    criteria: c.criteria,
    criteriaText: c.criteria.map((cr) => ({ kind: cr.kind, title: CRITERION_TITLES[cr.kind], weight: cr.weight, description: criterionDescription(cr) })),
    lotterySeed: c.lotterySeed,
    seedPublishedAt: c.seedPublishedAt?.toISOString() ?? null,
  };
}

/** The quota of each province in the call (provinces without a row have no cap). */
export async function callQuotas(db: DbOrTx, callId: number): Promise<Map<number, number>> {
  const rows = await db.select().from(amriyehCallQuotas).where(eq(amriyehCallQuotas.callId, callId));
  return new Map(rows.map((r) => [r.provinceId, r.quota]));
}
