// A round's results: per axis each judge's totals are normalized (z per judge within the axis), averaged per entry and
// ranked nationally (mean z, 4 decimals) and per province; entries whose judges disagree are flagged; agreement (ICC)
// of raw totals and of z-scores per axis with a Persian reading. Live while judging; frozen at the announcement, when
// the chosen winners are selected (system actions), the figures stored and the owners told.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { AppError, conflict } from '../../../core/http/errors.js';
import type { AxisAgreement, PlaceRef, ResultRow, RoundResults } from '../api-types.js';
import type { AnnounceInput } from '../contract.js';
import { SUGGESTED_NATIONAL_WINNERS } from '../enums.js';
import { disagreement, entryMeans, iccFromScores, normalizeScores, rank, type RawScore } from '../judging.js';
import type { z } from 'zod';
import { getRound, placeRefs, type RoundRow } from './common.js';
import { checkRoundVersion, touchRound } from './assignment.js';
import { iccReading, JFA } from './fa-judging.js';
import { assertNational } from './rounds.js';
import { festAssignments, festEntries, festScores } from './schema.js';
import { notifyOwner } from './entries-owner.js';
import { moveEntry } from './screening.js';

type EntryRow = typeof festEntries.$inferSelect;
const JUDGED_STATES = ['judging', 'selected', 'not_selected'] as const;
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

interface Computed {
  results: RoundResults;
  entries: EntryRow[];
  rows: Map<string, ResultRow & { axisTitle: string }>;
}

/** The live computation from the scores as they are now (also the basis of the stored figures). */
async function compute(db: DbOrTx, round: RoundRow): Promise<Computed> {
  const entries = await db.select().from(festEntries).where(and(eq(festEntries.roundId, round.id), inArray(festEntries.state, [...JUDGED_STATES])));
  const ids = entries.map((e) => e.id);
  const assignments = ids.length ? await db.select({ e: festAssignments.entryId, j: festAssignments.judgeId }).from(festAssignments).where(inArray(festAssignments.entryId, ids)) : [];
  const scores = ids.length ? await db.select({ e: festScores.entryId, j: festScores.judgeId, total: festScores.total }).from(festScores).where(inArray(festScores.entryId, ids)) : [];
  const judgeIds = [...new Set([...assignments.map((a) => a.j), ...scores.map((s) => s.j)])];
  const names = new Map((judgeIds.length ? await db.select({ id: authUsers.id, name: authUsers.displayName }).from(authUsers).where(inArray(authUsers.id, judgeIds)) : []).map((u) => [u.id, u.name]));
  const places = await placeRefs(db, entries.map((e) => e.villageId));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const scored = new Set(scores.map((s) => `${s.e}|${s.j}`));
  const rows = new Map<string, ResultRow & { axisTitle: string }>();

  const axes = round.axes.map((axis) => {
    const axisEntries = new Set(entries.filter((e) => e.axis === axis.key).map((e) => e.id));
    const raw: RawScore[] = scores.filter((s) => axisEntries.has(s.e)).map((s) => ({ judge: String(s.j), entry: s.e, score: s.total }));
    const norm = normalizeScores(raw);
    const means = entryMeans(norm);
    const national = new Map(rank(means.map((m) => ({ id: m.entry, value: round4(m.meanZ) }))).map((r) => [r.id, r.rank]));
    const provincial = new Map<string, number>();
    const byProvince = new Map<number, typeof means>();
    for (const m of means) {
      const p = byId.get(m.entry)!.provinceId;
      byProvince.set(p, [...(byProvince.get(p) ?? []), m]);
    }
    for (const group of byProvince.values()) for (const r of rank(group.map((m) => ({ id: m.entry, value: round4(m.meanZ) })))) provincial.set(r.id, r.rank);
    const iccRaw = iccFromScores(raw);
    const iccZ = iccFromScores(norm.map((n) => ({ judge: n.judge, entry: n.entry, score: n.z })));
    const agreement: AxisAgreement = {
      axis: axis.key, axisTitle: axis.title, entries: means.length, judges: new Set(raw.map((r) => r.judge)).size, design: iccRaw?.design ?? 'incomplete',
      icc1: iccRaw?.icc1_1 ?? null, icc1k: iccRaw?.icc1_k ?? null, icc1Z: iccZ?.icc1_1 ?? null, icc1kZ: iccZ?.icc1_k ?? null, reading: iccReading(iccRaw?.icc1_k ?? null),
    };
    const axisRows: ResultRow[] = means.map((m) => {
      const e = byId.get(m.entry)!;
      const mine = norm.filter((n) => n.entry === m.entry);
      const d = disagreement(mine.map((n) => n.z), round.disagreementThreshold);
      const rankNational = national.get(m.entry)!;
      const rankProvince = provincial.get(m.entry)!;
      const row: ResultRow = {
        entryId: e.id, title: e.title, trackingCode: e.trackingCode, place: places.get(e.villageId)!, ownerKind: e.ownerKind,
        rawMean: m.rawMean, meanZ: m.meanZ, spread: d.spread, flagged: d.flagged, rankNational, rankProvince, judges: m.judges,
        scores: mine.map((n) => ({ judgeId: Number(n.judge), judge: names.get(Number(n.judge)) ?? '', total: n.score, z: n.z })),
        suggested: rankNational <= SUGGESTED_NATIONAL_WINNERS || rankProvince === 1,
        award: e.award,
      };
      rows.set(e.id, { ...row, axisTitle: axis.title });
      return row;
    });
    axisRows.sort((a, b) => a.rankNational - b.rankNational || (a.entryId < b.entryId ? -1 : 1));
    return { axis: axis.key, axisTitle: axis.title, agreement, rows: axisRows };
  });

  const panel = new Map<string, number>();
  for (const a of assignments) panel.set(a.e, (panel.get(a.e) ?? 0) + 1);
  const live = entries.filter((e) => e.state === 'judging');
  const liveIds = new Set(live.map((e) => e.id));
  const missing = assignments
    .filter((a) => liveIds.has(a.e) && !scored.has(`${a.e}|${a.j}`))
    .map((a) => ({ entryId: a.e, title: byId.get(a.e)!.title, judgeId: a.j, judge: names.get(a.j) ?? '' }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fa') || a.judgeId - b.judgeId);
  const shortPanels = live
    .filter((e) => (panel.get(e.id) ?? 0) < round.judgesPerEntry)
    .map((e) => ({ entryId: e.id, title: e.title, judges: panel.get(e.id) ?? 0 }));
  return { results: { roundId: round.id, final: false, axes, missing, shortPanels }, entries, rows };
}

/** The stored figures replace the live ones after the announcement (they were computed from the same scores). */
function frozen(c: Computed, round: RoundRow): RoundResults {
  const stored = new Map(c.entries.map((e) => [e.id, e]));
  const axes = c.results.axes.map((a) => ({
    ...a,
    agreement: round.agreement?.find((g) => g.axis === a.axis) ?? a.agreement,
    rows: a.rows.map((r) => {
      const e = stored.get(r.entryId)!;
      if (e.rawMean === null || e.meanZ === null || e.rankNational === null || e.rankProvince === null) return r;
      return { ...r, rawMean: e.rawMean, meanZ: e.meanZ, spread: e.spread ?? r.spread, flagged: e.flagged ?? r.flagged, rankNational: e.rankNational, rankProvince: e.rankProvince, award: e.award };
    }),
  }));
  return { ...c.results, final: true, axes };
}

/** GET …/rounds/:id/results (national secretariat): live while judging, stored after the announcement; empty before. */
export async function roundResults(db: DbOrTx, actor: Actor, roundId: number): Promise<RoundResults> {
  assertNational(actor);
  const round = await getRound(db, roundId);
  const c = await compute(db, round);
  return round.state === 'announced' ? frozen(c, round) : c.results;
}

/** The award text of a winner from its ranks. */
function awardOf(row: ResultRow & { axisTitle: string }, place: PlaceRef): string {
  if (row.rankNational <= SUGGESTED_NATIONAL_WINNERS) return JFA.awardNational(row.rankNational, row.axisTitle);
  if (row.rankProvince === 1) return JFA.awardProvince(place.province, row.axisTitle);
  return JFA.awardSelected(row.axisTitle);
}

/**
 * Announces the round (POST …/announce, national secretariat, while judging): every assignment scored (409
 * `scores_missing` {missing}) and every panel full (409 `panels_short` {entries}); the winners are entries of the
 * round being judged (422 `winner_invalid`, at least one: 422 `winners_required`). Every judged entry keeps its figures
 * and ranks; winners → selected with their award, the others → not_selected; the round keeps its agreement figures
 * and becomes `announced`; owners are told by SMS.
 */
export async function announceRound(db: DbOrTx, actor: Actor, roundId: number, input: z.infer<typeof AnnounceInput>): Promise<void> {
  assertNational(actor);
  await db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, true);
    checkRoundVersion(round, input.version);
    if (round.state !== 'judging') throw conflict('not_judging', JFA.notJudging);
    const c = await compute(tx, round);
    const { missing, shortPanels } = c.results;
    if (missing.length) throw conflict('scores_missing', JFA.scoresMissing(missing.length), undefined, { missing });
    if (shortPanels.length) throw conflict('panels_short', JFA.panelsShort(shortPanels.length), undefined, { entries: shortPanels });
    const judging = c.entries.filter((e) => e.state === 'judging');
    const winners = new Set(input.winners);
    if (!winners.size) throw new AppError(422, 'winners_required', JFA.winnersRequired);
    if ([...winners].some((id) => !judging.some((e) => e.id === id && c.rows.has(id)))) throw new AppError(422, 'winner_invalid', JFA.winnerInvalid);
    const places = await placeRefs(tx, judging.map((e) => e.villageId));
    const at = new Date();
    for (const e of judging) {
      const row = c.rows.get(e.id);
      const win = winners.has(e.id);
      const award = win && row ? awardOf(row, places.get(e.villageId)!) : null;
      await moveEntry(tx, e, win ? 'select' : 'not_select', {
        set: {
          rawMean: row?.rawMean ?? null, meanZ: row?.meanZ ?? null, spread: row?.spread ?? null, flagged: row?.flagged ?? null,
          rankNational: row?.rankNational ?? null, rankProvince: row?.rankProvince ?? null, award, selectedAt: win ? at : null,
        },
      });
      await notifyOwner(tx, e, award ? JFA.sms.selected(e.title, award) : JFA.sms.notSelected(e.title));
    }
    const agreement = c.results.axes.map((a) => a.agreement);
    await touchRound(tx, roundId, { state: 'announced', announcedAt: at, agreement });
    await appendAudit(tx, actor, {
      action: 'festival.round.announce', entityType: 'fest_round', entityId: roundId,
      data: { winners: [...winners], judged: judging.length, agreement: agreement.map((a) => [a.axis, a.icc1k, a.icc1kZ]) },
    });
  });
}
