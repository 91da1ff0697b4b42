// Selection runs (stored and published so anyone can recompute them) and the amriyeh letters they lead to.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Actor } from '../../../core/access/actor.js';
import { SYSTEM_ACTOR } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { canonicalJson } from '../../../core/audit/canonical.js';
import { insertWithFreshCode, normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import { rows as rowsOf, type DbOrTx } from '../../../core/db/client.js';
import { maskName, maskNationalCode } from '../../../core/fa/mask.js';
import { toAsciiDigits, toPersianDigits } from '../../../core/fa/normalize.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../core/http/errors.js';
import { divisionNames } from '../../../core/org/queries.js';
import { pathIds } from '../../../core/org/path.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { notifyMany, type NotifyInput } from '../../../core/notify/outbox.js';
import { systemTransitionMany } from '../../../core/workflow/bulk.js';
import { transition } from '../../../core/workflow/engine.js';
import { amriyehStateTitle, amriyehWorkflow } from './workflow.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { LetterVerification, LetterView, RunRow, RunSummary, RunView } from '../api-types.js';
import { allocate, type AllocationInput } from './allocate.js';
import { applicationScope, birthInstant, loadApplication, REVIEW_STATES, tellApplicant } from './applications.js';
import { callQuotas, registrationOver } from './calls.js';
import { AFA } from './fa.js';
import { amriyehAllocationRuns, amriyehApplications, amriyehCalls, amriyehLetters, amriyehStations } from './schema.js';
import { callRuns, effectiveSeats } from './stations.js';

/** Reserves: after a run, the next unselected applicants of each province, this share of its selected ones (rounded up). */
export const RESERVE_SHARE = 0.2;

const RESULT_TITLES = { selected: 'پذیرفته شده', reserve: 'ذخیره', not_selected: 'پذیرفته نشده' } as const;

/** SHA-256 (hex) of the canonical JSON of a run's input: what the published file must hash to. */
export const inputHash = (input: AllocationInput): string => createHash('sha256').update(canonicalJson(input)).digest('hex');

/**
 * Runs the selection of a call for one province (a province reviewer of it) or for the whole country (a national
 * expert), and applies it. Serialized per call by a row lock on the call, and refused (409) when that scope was
 * already run (also by unique indexes), while any application of the scope still awaits review, before
 * registration is over or without a published seed. The input (eligible applicants with their scores and
 * preferences; stations with their seats; the quotas) is stored with its hash, the seed and the output; each
 * applicant moves to selected / reserve / not selected (system transitions) and gets an SMS.
 */
export async function runSelection(db: DbOrTx, callId: number, provinceId: number | null, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(amriyehCalls).where(eq(amriyehCalls.id, callId)).for('update');
    if (!call || call.state === 'draft') throw notFound(AFA.callNoun);
    let scopePath = '/';
    if (provinceId === null) {
      if (!can(actor, 'workflow.act', '/', ['expert.rural'])) throw new AppError(403, 'forbidden', AFA.runScope);
    } else {
      const [p] = await tx.select({ path: orgDivisions.path }).from(orgDivisions).where(and(eq(orgDivisions.id, provinceId), eq(orgDivisions.level, 'province')));
      if (!p) throw badRequest('province_invalid', AFA.provinceInvalid);
      if (!can(actor, 'workflow.act', p.path, ['province.reviewer'])) throw new AppError(403, 'forbidden', AFA.runScope);
      scopePath = p.path;
    }
    if (!registrationOver(call)) throw conflict('registration_open', AFA.runNeedsClosed);
    if (!call.lotterySeed) throw conflict('seed_missing', AFA.runNeedsSeed);
    const runs = await callRuns(tx, callId);
    if (provinceId === null ? runs.any : runs.settled(provinceId)) throw conflict('run_done', AFA.runDone);

    const inScope = sql`${wfCases.divisionPath} like ${scopePath + '%'}`;
    const [{ pending } = { pending: 0 }] = await tx
      .select({ pending: sql<number>`count(*)::int` })
      .from(amriyehApplications)
      .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
      .where(and(eq(amriyehApplications.callId, callId), inScope, inArray(wfCases.state, [...REVIEW_STATES])));
    if (pending > 0) throw conflict('reviews_pending', AFA.reviewsPending(pending), undefined, { pending });

    // Applications returned for correction and not corrected by now are closed: they cannot wait for a later run.
    const stale = await tx
      .select({ app: amriyehApplications, version: wfCases.version })
      .from(amriyehApplications)
      .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
      .where(and(eq(amriyehApplications.callId, callId), inScope, eq(wfCases.state, 'returned')));
    await systemTransitionMany(tx, { definition: amriyehWorkflow.key, action: 'expire', cases: stale.map(({ app, version }) => ({ id: app.caseId, version })), divisionPath: scopePath, comment: AFA.expired });
    await notifyMany(tx, stale.filter(({ app }) => app.mobile).map(({ app }) => ({ channel: 'sms' as const, to: app.mobile, body: AFA.sms.decision(app.trackingCode, amriyehStateTitle('rejected')) })));

    const stations = await tx
      .select()
      .from(amriyehStations)
      .where(and(eq(amriyehStations.callId, callId), provinceId === null ? undefined : eq(amriyehStations.provinceId, provinceId)));
    const quotas = await callQuotas(tx, callId);
    const apps = await tx
      .select({ app: amriyehApplications, version: wfCases.version })
      .from(amriyehApplications)
      .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
      .where(and(eq(amriyehApplications.callId, callId), inScope, eq(wfCases.state, 'eligible')));

    const provinces = new Set(stations.map((s) => s.provinceId));
    const input: AllocationInput = {
      seed: call.lotterySeed,
      stations: stations.filter((s) => effectiveSeats(s) > 0).map((s) => ({ id: String(s.id), province: String(s.provinceId), seats: effectiveSeats(s) })).sort((a, b) => Number(a.id) - Number(b.id)),
      provinceQuotas: Object.fromEntries([...quotas].filter(([p]) => provinces.has(p) && (provinceId === null || p === provinceId)).map(([p, q]) => [String(p), q])),
      applicants: apps
        .map(({ app }) => ({ id: app.trackingCode, province: String(app.provinceId), score: app.score ?? 0, preferences: app.preferences.map(String) }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
    const output = allocate(input);
    const [run] = await tx
      .insert(amriyehAllocationRuns)
      .values({ callId, scope: provinceId === null ? 'national' : 'province', provinceId, inputHash: inputHash(input), seed: call.lotterySeed, input, output, createdById: actor.id! })
      .returning();

    const byCode = new Map(apps.map((a) => [a.app.trackingCode, a]));
    const reserves = reserveSet(run!);
    const stationName = new Map(stations.map((s) => [String(s.id), s.name]));
    // Applied set-based: one bulk system transition per outcome, the applications in chunks, the SMS in batches.
    const outcome = { select: [] as { id: string; version: number }[], reserve: [] as { id: string; version: number }[], not_select: [] as { id: string; version: number }[] };
    const placed: { id: string; rank: number; station: number | null }[] = [];
    const sms: NotifyInput[] = [];
    output.order.forEach((code, i) => {
      const { app, version } = byCode.get(code)!;
      const station = output.assignments[code] ?? null;
      const action = station ? 'select' : reserves.has(code) ? 'reserve' : 'not_select';
      outcome[action].push({ id: app.caseId, version });
      placed.push({ id: app.id, rank: i + 1, station: station ? Number(station) : null });
      const state = action === 'select' ? 'selected' : action === 'reserve' ? 'reserve' : 'not_selected';
      if (app.mobile) sms.push({ channel: 'sms', to: app.mobile, body: station ? AFA.sms.selected(app.trackingCode, stationName.get(station) ?? '') : AFA.sms.decision(app.trackingCode, amriyehStateTitle(state)) });
    });
    for (const action of ['select', 'reserve', 'not_select'] as const) {
      await systemTransitionMany(tx, { definition: amriyehWorkflow.key, action, cases: outcome[action], divisionPath: scopePath, comment: `گزینش شماره ${toPersianDigits(run!.id)}` });
    }
    for (let i = 0; i < placed.length; i += 2_000) {
      await tx.execute(sql`
        update amriyeh_applications a set run_id = ${run!.id}, rank = x.rank, assigned_station_id = x.station, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(placed.slice(i, i + 2_000))}::jsonb) as x(id uuid, rank int, station int)
        where a.id = x.id`);
    }
    await notifyMany(tx, sms);
    // The call is allocated once every province with seats has been run (or the country at once).
    const left = provinceId === null ? [] : await rowsOf(tx, sql`
      select 1 from amriyeh_stations s where s.call_id = ${callId} and coalesce(s.seats_capped, s.seats_confirmed, 0) > 0
        and not exists (select 1 from amriyeh_allocation_runs r where r.call_id = ${callId} and r.province_id = s.province_id) limit 1`);
    if (left.length === 0) await tx.update(amriyehCalls).set({ state: 'allocated', updatedAt: new Date() }).where(eq(amriyehCalls.id, callId));
    await appendAudit(tx, actor, {
      action: 'amriyeh.run', entityType: 'amriyeh_run', entityId: String(run!.id), divisionPath: scopePath,
      data: { callId, provinceId, inputHash: run!.inputHash, seed: call.lotterySeed, applicants: input.applicants.length, selected: Object.values(output.assignments).filter(Boolean).length, reserve: reserves.size },
    });
    return run!.id;
  });
}

async function summaries(db: DbOrTx, runs: (typeof amriyehAllocationRuns.$inferSelect)[]): Promise<RunSummary[]> {
  const names = await divisionNames(db, runs.flatMap((r) => (r.provinceId ? [r.provinceId] : [])));
  return runs.map((r) => ({
    id: r.id, callId: r.callId, scope: r.scope, provinceId: r.provinceId, provinceName: r.provinceId ? names.get(r.provinceId) ?? null : null, seed: r.seed, inputHash: r.inputHash,
    applicants: r.input.applicants.length, selected: Object.values(r.output.assignments).filter((s) => s !== null).length, reserve: reserveSet(r).size,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The runs of a call, newest first. */
export async function listRuns(db: DbOrTx, callId: number): Promise<RunSummary[]> {
  const runs = await db.select().from(amriyehAllocationRuns).where(eq(amriyehAllocationRuns.callId, callId)).orderBy(desc(amriyehAllocationRuns.createdAt));
  return summaries(db, runs);
}

export async function getRun(db: DbOrTx, id: number) {
  const [r] = Number.isSafeInteger(id) && id > 0 ? await db.select().from(amriyehAllocationRuns).where(eq(amriyehAllocationRuns.id, id)) : [];
  if (!r) throw notFound(AFA.runNoun);
  return r;
}

/** The published list of a run: a page of rows in rank order, masked national codes, optionally one searched row. */
export async function presentRun(db: DbOrTx, id: number, query: { page: number; pageSize: number; q?: string }): Promise<RunView> {
  const r = await getRun(db, id);
  const [summary] = await summaries(db, [r]);
  const [call] = await db.select({ title: amriyehCalls.title }).from(amriyehCalls).where(eq(amriyehCalls.id, r.callId));
  const conds = [eq(amriyehApplications.runId, id)];
  const q = query.q?.trim();
  if (q) {
    const code = normalizeTrackingCode(q);
    const digits = toAsciiDigits(q).replace(/\D/g, '');
    conds.push(code ? eq(amriyehApplications.trackingCode, code) : digits.length >= 2 ? sql`(left(${amriyehApplications.nationalCode}, 2) || right(${amriyehApplications.nationalCode}, 3)) like ${'%' + digits + '%'}` : sql`false`);
  }
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(amriyehApplications).where(and(...conds));
  const found = await db
    .select({ app: amriyehApplications, state: wfCases.state, stationName: amriyehStations.name })
    .from(amriyehApplications)
    .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
    .leftJoin(amriyehStations, eq(amriyehStations.id, amriyehApplications.assignedStationId))
    .where(and(...conds))
    .orderBy(asc(amriyehApplications.rank))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // The result as the run decided it (a later withdrawal or revocation does not rewrite the published list).
  const decided = new Map<string, RunRow['result']>();
  const reserveIds = reserveSet(r);
  for (const [code, s] of Object.entries(r.output.assignments)) decided.set(code, s ? 'selected' : reserveIds.has(code) ? 'reserve' : 'not_selected');
  const scoreOf = new Map(r.input.applicants.map((a) => [a.id, a.score]));
  const rows: RunRow[] = found.map(({ app, stationName }) => {
    const result = decided.get(app.trackingCode) ?? 'not_selected';
    const stationId = r.output.assignments[app.trackingCode];
    return {
      rank: app.rank ?? 0, ref: app.trackingCode, maskedNationalCode: maskNationalCode(app.nationalCode), score: scoreOf.get(app.trackingCode) ?? app.score ?? 0,
      result, resultTitle: RESULT_TITLES[result], stationId: stationId ? Number(stationId) : null, stationName: stationId ? stationName ?? null : null,
    };
  });
  return {
    ...summary!, callTitle: call?.title ?? '', rows, total,
    recomputeHelp: `فایل ورودی (input.json) را دریافت کنید؛ چکیده SHA-256 آن (مثلاً با sha256sum) باید ${r.inputHash} باشد. سپس با دستور «npm run --silent cli -- amriyeh-allocate < input.json > output.json» همین نتیجه را دوباره بسازید و با فایل خروجی منتشرشده مقایسه کنید. ترتیب برابری‌ها با قرعه‌کشی RFC 3797 و بذر منتشرشده «${r.seed}» تعیین شده است.`,
  };
}

/** The reserves a run decided: per province, the first unselected in its order, RESERVE_SHARE of its selected. */
export function reserveSet(r: typeof amriyehAllocationRuns.$inferSelect): Set<string> {
  const province = new Map(r.input.applicants.map((a) => [a.id, a.province]));
  const perProvince = new Map<string, number>();
  for (const [id, s] of Object.entries(r.output.assignments)) if (s) perProvince.set(province.get(id)!, (perProvince.get(province.get(id)!) ?? 0) + 1);
  const left = new Map([...perProvince].map(([p, n]) => [p, Math.ceil(n * RESERVE_SHARE)]));
  const out = new Set<string>();
  for (const id of r.output.order) {
    if (r.output.assignments[id]) continue;
    const p = province.get(id)!;
    if ((left.get(p) ?? 0) > 0) {
      out.add(id);
      left.set(p, left.get(p)! - 1);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Letters

/**
 * Issues the letters of every selected applicant of the call in the actor's province (the engine checks the
 * province reviewer's scope on each), or only `applicationId`'s: a unique public number, the `issue` transition, SMS.
 * Returns how many.
 */
export async function issueLetters(db: DbOrTx, callId: number, provinceId: number | null, actor: Actor, applicationId?: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rowsSel = await tx
      .select({ app: amriyehApplications, version: wfCases.version })
      .from(amriyehApplications)
      .innerJoin(wfCases, eq(wfCases.id, amriyehApplications.caseId))
      .where(and(eq(amriyehApplications.callId, callId), eq(wfCases.state, 'selected'), applicationScope(actor, wfCases.divisionPath), provinceId ? eq(amriyehApplications.provinceId, provinceId) : undefined, applicationId ? eq(amriyehApplications.id, applicationId) : undefined))
      .orderBy(asc(amriyehApplications.rank));
    if (!rowsSel.length && !can(actor, 'workflow.act', null, ['province.reviewer'])) throw forbidden();
    let n = 0;
    for (const { app, version } of rowsSel) {
      await transition(tx, { caseId: app.caseId, action: 'issue', actor, expectedVersion: version });
      const number = await insertWithFreshCode(tx, async (code, sp) => {
        await sp.insert(amriyehLetters).values({ number: code, applicationId: app.id, stationId: app.assignedStationId!, runId: app.runId, issuedById: actor.id });
      }, { constraint: 'amriyeh_letters_number_unique', column: 'number' });
      if (!number) throw new AppError(503, 'letter_number_failed', AFA.codeFailed);
      await tellApplicant(tx, app, 'issued', AFA.sms.issued(number));
      await appendAudit(tx, actor, { action: 'amriyeh.letter.issue', entityType: 'amriyeh_letter', entityId: number, divisionPath: '/', data: { applicationId: app.id, stationId: app.assignedStationId } });
      n++;
    }
    return n;
  });
}

async function letterByNumber(db: DbOrTx, number: string) {
  const code = normalizeTrackingCode(number);
  if (!code) return null;
  const [row] = await db
    .select({ letter: amriyehLetters, app: amriyehApplications, station: amriyehStations, callTitle: amriyehCalls.title })
    .from(amriyehLetters)
    .innerJoin(amriyehApplications, eq(amriyehApplications.id, amriyehLetters.applicationId))
    .innerJoin(amriyehStations, eq(amriyehStations.id, amriyehLetters.stationId))
    .innerJoin(amriyehCalls, eq(amriyehCalls.id, amriyehApplications.callId))
    .where(eq(amriyehLetters.number, code));
  return row ?? null;
}

/** Revokes an issued letter with its reason (a province reviewer of its province, or a national expert). */
export async function revokeLetter(db: DbOrTx, number: string, reason: string, actor: Actor): Promise<void> {
  const found = await letterByNumber(db, number);
  if (!found) throw notFound(AFA.letterNoun);
  // Scope first: a letter outside the actor's scope is refused (403, as the engine would), whatever its state.
  const loaded = await loadApplication(db, found.app.id, applicationScope(actor, wfCases.divisionPath));
  if (!loaded) throw forbidden();
  if (found.letter.revokedAt) throw conflict('already_revoked', AFA.alreadyRevoked);
  await db.transaction(async (tx) => {
    await transition(tx, {
      caseId: loaded.case.id, action: 'revoke', actor, expectedVersion: loaded.case.version, comment: reason,
      apply: async (t) => {
        await t.update(amriyehLetters).set({ revokedAt: new Date(), revokedReason: reason, revokedById: actor.id }).where(eq(amriyehLetters.id, found.letter.id));
      },
    });
    await tellApplicant(tx, found.app, 'revoked', AFA.sms.revoked(found.letter.number));
  });
}

async function placeNames(db: DbOrTx, path: string) {
  const ids = pathIds(path);
  const names = await divisionNames(db, ids);
  return { provinceName: names.get(ids[0]!) ?? '', countyName: names.get(ids[1]!) ?? '', districtName: names.get(ids[2]!) ?? '', villageName: names.get(ids[ids.length - 1]!) ?? '' };
}

/** The public verification of a letter by its number: validity, masked holder, station and dates; 404 when unknown. */
export async function verifyLetter(db: DbOrTx, number: string): Promise<LetterVerification> {
  const found = await letterByNumber(db, number);
  if (!found) throw notFound(AFA.letterNoun);
  const { letter, app, station } = found;
  const places = await placeNames(db, station.divisionPath);
  return {
    number: letter.number, valid: letter.revokedAt === null, revoked: letter.revokedAt !== null, revokedAt: letter.revokedAt?.toISOString() ?? null,
    revokedReason: letter.revokedReason, holderName: maskName(app.firstName, app.lastName), stationName: station.name, villageName: places.villageName,
    provinceName: places.provinceName, callTitle: found.callTitle, issuedAt: letter.issuedAt.toISOString(),
  };
}

/** The whole letter, for its holder or for staff whose scope holds the application; 404 for anyone else. */
export async function letterView(db: DbOrTx, number: string, actor: Actor, verifyBase: string): Promise<LetterView> {
  const found = await letterByNumber(db, number);
  if (!found) throw notFound(AFA.letterNoun);
  const { letter, app, station } = found;
  if (app.applicantId !== actor.id) {
    const [c] = await db.select({ path: wfCases.divisionPath }).from(wfCases).where(and(eq(wfCases.id, app.caseId), applicationScope(actor, wfCases.divisionPath)));
    if (!c) throw notFound(AFA.letterNoun);
  }
  const places = await placeNames(db, station.divisionPath);
  const verifyUrl = `${verifyBase}/verify/amriyeh/${letter.number}`;
  const qrSvg = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return {
    number: letter.number, issuedAt: letter.issuedAt.toISOString(), revoked: letter.revokedAt !== null, revokedAt: letter.revokedAt?.toISOString() ?? null,
    revokedReason: letter.revokedReason, holderName: `${app.firstName} ${app.lastName}`, fatherName: app.fatherName, nationalCode: app.nationalCode,
    birthDate: birthInstant(app.birthDate).toISOString(), stationName: station.name, ...places, callTitle: found.callTitle, verifyUrl, qrSvg,
  };
}

/** A run's stored input and output, for the public files. */
export async function runFiles(db: DbOrTx, id: number) {
  const r = await getRun(db, id);
  return { input: r.input, output: r.output };
}

