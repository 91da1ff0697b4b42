// Fire stations in a call: the dehyari declares the seats it asks for, the district governorate confirms them, the
// province caps them by its quota. The allocation uses the cap, or else the confirmation.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can, grantsFor, scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import { appendAudit } from '../../../core/audit/audit.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../../core/http/errors.js';
import { divisionNames } from '../../../core/org/queries.js';
import { pathIds } from '../../../core/org/path.js';
import { orgDehyaris, orgDivisions } from '../../../core/org/schema.js';
import type { StationManage, StationPublic } from '../api-types.js';
import { callQuotas, getCall } from './calls.js';
import { AFA } from './fa.js';
import { amriyehAllocationRuns, amriyehStations } from './schema.js';

export type StationRow = typeof amriyehStations.$inferSelect;

/** Staff who see the stations of a call in their scope. */
export const STATION_VIEW_ROLES: readonly Role[] = ['dehyari', 'district.reviewer', 'province.reviewer', 'expert.rural', 'admin'];

/** The seats the allocation uses: the province's cap, else the district's confirmation, else none. */
export const effectiveSeats = (s: Pick<StationRow, 'seatsCapped' | 'seatsConfirmed'>): number => s.seatsCapped ?? s.seatsConfirmed ?? 0;

const STATUS_TITLES = { requested: 'در انتظار تأیید بخشداری', confirmed: 'تأیید بخشداری', capped: 'تعیین سقف استان' } as const;
const statusOf = (s: StationRow): StationManage['status'] => (s.seatsCapped !== null ? 'capped' : s.seatsConfirmed !== null ? 'confirmed' : 'requested');

/** Stations with their place names, for both views. */
async function withPlaces(db: DbOrTx, stations: StationRow[]): Promise<(StationPublic & { row: StationRow })[]> {
  const names = await divisionNames(db, stations.flatMap((s) => pathIds(s.divisionPath)));
  return stations.map((s) => {
    const ids = pathIds(s.divisionPath);
    return {
      id: s.id, name: s.name, villageName: names.get(s.divisionId) ?? '', districtName: names.get(ids[2]!) ?? '', countyName: names.get(ids[1]!) ?? '',
      provinceId: s.provinceId, provinceName: names.get(ids[0]!) ?? '', seats: effectiveSeats(s), row: s,
    };
  });
}

/** Stations an applicant may choose: seats confirmed (or capped) above zero; optionally one province. */
export async function publicStations(db: DbOrTx, callId: number, provinceId?: number): Promise<StationPublic[]> {
  await getCall(db, callId);
  const rows = await db
    .select()
    .from(amriyehStations)
    .where(and(eq(amriyehStations.callId, callId), provinceId ? eq(amriyehStations.provinceId, provinceId) : undefined, sql`coalesce(${amriyehStations.seatsCapped}, ${amriyehStations.seatsConfirmed}, 0) > 0`))
    .orderBy(asc(amriyehStations.name))
    .limit(5000);
  return (await withPlaces(db, rows)).map(({ row: _row, ...s }) => s);
}

/** The selection runs a call has had: a national one, and the provinces run one by one. */
export async function callRuns(db: DbOrTx, callId: number): Promise<{ any: boolean; settled: (provinceId: number) => boolean }> {
  const runs = await db.select({ scope: amriyehAllocationRuns.scope, provinceId: amriyehAllocationRuns.provinceId }).from(amriyehAllocationRuns).where(eq(amriyehAllocationRuns.callId, callId));
  const national = runs.some((r) => r.scope === 'national');
  const provinces = new Set(runs.map((r) => r.provinceId));
  // A province's seats are settled by its own run or by the national one.
  return { any: runs.length > 0, settled: (p) => national || provinces.has(p) };
}

const settledProvinces = async (db: DbOrTx, callId: number) => (await callRuns(db, callId)).settled;

function present(actor: Actor, s: StationPublic & { row: StationRow }, settled: (provinceId: number) => boolean): StationManage {
  const { row, ...pub } = s;
  const open = !settled(row.provinceId);
  return {
    ...pub, callId: row.callId, dehyariId: row.dehyariId, seatsRequested: row.seatsRequested, seatsConfirmed: row.seatsConfirmed, seatsCapped: row.seatsCapped,
    status: statusOf(row), statusTitle: STATUS_TITLES[statusOf(row)],
    canConfirm: open && can(actor, 'workflow.act', row.divisionPath, ['district.reviewer']),
    canCap: open && row.seatsConfirmed !== null && can(actor, 'workflow.act', row.divisionPath, ['province.reviewer']),
  };
}

/** The stations of a call inside the actor's scope, with what he may do to each. */
export async function manageStations(db: DbOrTx, callId: number, actor: Actor): Promise<StationManage[]> {
  await getCall(db, callId, true);
  const rows = await db
    .select()
    .from(amriyehStations)
    .where(and(eq(amriyehStations.callId, callId), scopeCondition(actor, 'workflow.act', amriyehStations.divisionPath, STATION_VIEW_ROLES)))
    .orderBy(asc(amriyehStations.provinceId), asc(amriyehStations.name))
    .limit(5000);
  const settled = await settledProvinces(db, callId);
  return (await withPlaces(db, rows)).map((s) => present(actor, s, settled));
}

async function stationOf(db: DbOrTx, id: number, actor: Actor, forUpdate = false): Promise<StationRow> {
  const q = db.select().from(amriyehStations).where(eq(amriyehStations.id, id));
  const [s] = Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? await (forUpdate ? q.for('update') : q) : [];
  // Outside the actor's scope a station does not exist for him (404, not 403).
  if (!s || !can(actor, 'workflow.act', s.divisionPath, STATION_VIEW_ROLES)) throw notFound(AFA.stationNoun);
  return s;
}

async function presentOne(db: DbOrTx, actor: Actor, s: StationRow): Promise<StationManage> {
  return present(actor, (await withPlaces(db, [s]))[0]!, await settledProvinces(db, s.callId));
}

/**
 * A dehyari declares its fire station's requested seats (again, while not yet confirmed). Only a dehyari user
 * whose scope holds the village, only a dehyari with a fire station, only before the province's run. Audited.
 */
export async function declareStation(db: DbOrTx, callId: number, input: { dehyariId?: number; name: string; seats: number }, actor: Actor): Promise<StationManage> {
  return db.transaction(async (tx) => {
    const call = await getCall(tx, callId, true);
    if (call.state === 'allocated' || call.state === 'archived') throw conflict('stations_closed', AFA.stationsClosed);
    let dehyari: { id: number; divisionId: number; hasFireStation: boolean; path: string; name: string } | undefined;
    const q = tx
      .select({ id: orgDehyaris.id, divisionId: orgDehyaris.divisionId, hasFireStation: orgDehyaris.hasFireStation, path: orgDivisions.path, name: orgDivisions.name })
      .from(orgDehyaris)
      .innerJoin(orgDivisions, eq(orgDivisions.id, orgDehyaris.divisionId));
    if (input.dehyariId !== undefined) [dehyari] = await q.where(eq(orgDehyaris.id, input.dehyariId));
    else {
      // Without an id: the dehyari of the village the user is bound to (a dehyar holds one village).
      const paths = grantsFor(actor, 'workflow.act', ['dehyari']).map((g) => g.path);
      [dehyari] = paths.length === 1 ? await q.where(eq(orgDivisions.path, paths[0]!)) : [];
    }
    if (!dehyari || !can(actor, 'workflow.act', dehyari.path, ['dehyari'])) throw badRequest('dehyari_invalid', AFA.dehyariInvalid);
    if (!dehyari.hasFireStation) throw badRequest('no_fire_station', AFA.noFireStation);
    const provinceId = pathIds(dehyari.path)[0]!;
    if ((await settledProvinces(tx, callId))(provinceId)) throw conflict('stations_closed', AFA.stationsClosed);
    const [existing] = await tx.select().from(amriyehStations).where(and(eq(amriyehStations.callId, callId), eq(amriyehStations.dehyariId, dehyari.id))).for('update');
    let row: StationRow;
    if (existing) {
      if (existing.seatsConfirmed !== null) throw conflict('station_exists', AFA.stationExists);
      [row] = await tx.update(amriyehStations).set({ name: input.name, seatsRequested: input.seats, requestedById: actor.id, updatedAt: new Date() }).where(eq(amriyehStations.id, existing.id)).returning() as [StationRow];
    } else {
      [row] = await tx
        .insert(amriyehStations)
        .values({ callId, dehyariId: dehyari.id, divisionId: dehyari.divisionId, divisionPath: dehyari.path, provinceId, name: input.name, seatsRequested: input.seats, requestedById: actor.id })
        .returning() as [StationRow];
    }
    await appendAudit(tx, actor, { action: 'amriyeh.station.declare', entityType: 'amriyeh_station', entityId: String(row.id), divisionPath: row.divisionPath, data: { callId, seats: input.seats } });
    return presentOne(tx, actor, row);
  });
}

/** The district governorate confirms a station's seats (at most what was requested). A later cap above it is dropped. */
export async function confirmStation(db: DbOrTx, stationId: number, seats: number, actor: Actor): Promise<StationManage> {
  return db.transaction(async (tx) => {
    const s = await stationOf(tx, stationId, actor, true);
    if (!can(actor, 'workflow.act', s.divisionPath, ['district.reviewer'])) throw forbidden();
    if ((await settledProvinces(tx, s.callId))(s.provinceId)) throw conflict('stations_closed', AFA.stationsClosed);
    if (seats > s.seatsRequested) throw badRequest('seats_invalid', AFA.seatsOverRequested, undefined, { errors: [{ path: 'seats', message: AFA.seatsOverRequested }] });
    const cap = s.seatsCapped !== null && s.seatsCapped > seats ? null : s.seatsCapped;
    const [row] = await tx.update(amriyehStations).set({ seatsConfirmed: seats, seatsCapped: cap, confirmedById: actor.id, updatedAt: new Date() }).where(eq(amriyehStations.id, s.id)).returning();
    await appendAudit(tx, actor, { action: 'amriyeh.station.confirm', entityType: 'amriyeh_station', entityId: String(s.id), divisionPath: s.divisionPath, data: { seats } });
    return presentOne(tx, actor, row!);
  });
}

/**
 * The province caps its stations' seats: each at most its confirmed seats, and all the province's stations together
 * (the capped ones and the others at their confirmed seats) at most the province's quota in the call. Audited.
 */
export async function capStations(db: DbOrTx, callId: number, provinceId: number, caps: { stationId: number; seats: number }[], actor: Actor): Promise<StationManage[]> {
  return db.transaction(async (tx) => {
    await getCall(tx, callId, true);
    const [province] = await tx.select({ path: orgDivisions.path }).from(orgDivisions).where(and(eq(orgDivisions.id, provinceId), eq(orgDivisions.level, 'province')));
    if (!province || !can(actor, 'workflow.act', province.path, ['province.reviewer'])) throw forbidden();
    if ((await settledProvinces(tx, callId))(provinceId)) throw conflict('stations_closed', AFA.stationsClosed);
    const all = await tx.select().from(amriyehStations).where(and(eq(amriyehStations.callId, callId), eq(amriyehStations.provinceId, provinceId))).for('update');
    const byId = new Map(all.map((s) => [s.id, s]));
    const wanted = new Map<number, number>();
    for (const c of caps) {
      const s = byId.get(c.stationId);
      if (!s) throw notFound(AFA.stationNoun);
      if (s.seatsConfirmed === null) throw badRequest('station_not_confirmed', AFA.stationNotConfirmed);
      if (c.seats > s.seatsConfirmed) throw badRequest('seats_invalid', AFA.capOverConfirmed, undefined, { errors: [{ path: `caps.${c.stationId}`, message: AFA.capOverConfirmed }] });
      wanted.set(s.id, c.seats);
    }
    const total = all.reduce((sum, s) => sum + (wanted.get(s.id) ?? effectiveSeats(s)), 0);
    const quota = (await callQuotas(tx, callId)).get(provinceId);
    if (quota !== undefined && total > quota) throw badRequest('quota_exceeded', AFA.capOverQuota(quota));
    if (wanted.size) {
      for (const [id, seats] of wanted) await tx.update(amriyehStations).set({ seatsCapped: seats, cappedById: actor.id, updatedAt: new Date() }).where(eq(amriyehStations.id, id));
    }
    await appendAudit(tx, actor, { action: 'amriyeh.station.cap', entityType: 'amriyeh_call', entityId: String(callId), divisionPath: province.path, data: { provinceId, caps } });
    const rows = await tx.select().from(amriyehStations).where(and(eq(amriyehStations.callId, callId), eq(amriyehStations.provinceId, provinceId))).orderBy(asc(amriyehStations.name));
    const settled = await settledProvinces(tx, callId);
    return (await withPlaces(tx, rows)).map((s) => present(actor, s, settled));
  });
}

/** Stations by id (any call), for the application's checks and views. */
export async function stationsByIds(db: DbOrTx, ids: readonly number[]): Promise<StationRow[]> {
  const valid = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
  return valid.length ? db.select().from(amriyehStations).where(inArray(amriyehStations.id, valid)) : [];
}

export { withPlaces as stationsWithPlaces };
