// What owners and screeners see of an entry: the owner's view (plan, completeness, what he may do now, the
// screener's comment, the history — staff shown by their role title to citizens), his entries page, and one
// entry's staff page (screening actions, the owner's contact, the panel with scores and conflicts, the result).
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import { ROLES, isRole } from '../../../core/access/roles.js';
import { authUserRoles, authUsers } from '../../../core/auth/schema.js';
import { clockNow } from '../../../core/clock.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { placeLabels } from '../../../core/org/queries.js';
import { availableActions, caseHistory, getCase } from '../../../core/workflow/engine.js';
import type { HistoryItem, MyEntries, OwnerEntry, PlaceRef, StaffEntryView } from '../api-types.js';
import { entryCompleteness } from '../completeness.js';
import { SCREENING_ACTIONS } from '../contract.js';
import { ENTRY_STATE_TITLES } from '../enums.js';
import { normalizeScores } from '../judging.js';
import { accepting, getRound, placeRefs, roundPublic, type RoundRow } from './common.js';
import { ownerCondition, ownerOf, type EntryRow } from './entries.js';
import { WITHDRAWABLE } from './entries-owner.js';
import { FFA } from './fa.js';
import { acceptingRound } from './rounds.js';
import { festAssignments, festConflicts, festEntries, festScores } from './schema.js';
import { RETURN_ACTIONS, returnsOpen, staffEntry } from './screening.js';
import { entryWorkflow } from './workflow.js';
import { actionTitle } from '../../../core/workflow/definition.js';

type ActionKey = keyof typeof entryWorkflow.actions;
const actionDef = (key: string) => (Object.hasOwn(entryWorkflow.actions, key) ? entryWorkflow.actions[key as ActionKey] : undefined);
const REVIEW_COMMENTS = new Set(['province_return', 'national_return', 'province_reject', 'national_reject']);
const JUDGED = new Set(['judging', 'selected', 'not_selected']);
const EMPTY_PLACE = (villageId: number): PlaceRef => ({ villageId, village: '', county: '', province: '', provinceId: 0 });

/**
 * An entry's history from its case. To a citizen, staff appear by their role title (the role the action needs, e.g.
 * «کارشناس استانداری»), himself as «شما», the platform as «سامانه»; to staff, by their names.
 */
async function historyOf(db: DbOrTx, entry: EntryRow, viewer: Actor): Promise<{ items: HistoryItem[]; reviewerComment: string | null }> {
  if (!entry.caseId) return { items: [], reviewerComment: null };
  const rows = await caseHistory(db, entry.caseId);
  const ids = [...new Set(rows.flatMap((h) => (h.actorId != null ? [h.actorId] : [])))];
  const names = new Map<number, string>();
  const roles = new Map<number, string[]>();
  if (ids.length) {
    for (const u of await db.select({ id: authUsers.id, name: authUsers.displayName }).from(authUsers).where(inArray(authUsers.id, ids))) names.set(u.id, u.name);
    if (viewer.kind === 'citizen') {
      for (const r of await db.select({ userId: authUserRoles.userId, role: authUserRoles.role }).from(authUserRoles).where(inArray(authUserRoles.userId, ids))) {
        roles.set(r.userId, [...(roles.get(r.userId) ?? []), r.role]);
      }
    }
  }
  const who = (actorId: number | null, action: string): string => {
    if (actorId == null) return FFA.system;
    if (viewer.kind !== 'citizen') return names.get(actorId) ?? '';
    if (actorId === viewer.id) return FFA.you;
    const held = roles.get(actorId) ?? [];
    const role = held.find((r) => (actionDef(action)?.roles as readonly string[] | undefined)?.includes(r)) ?? held[0];
    return role && isRole(role) ? ROLES[role].title : (names.get(actorId) ?? '');
  };
  const items = rows.map((h) => ({
    at: h.at.toISOString(), action: h.action, actionTitle: actionTitle(entryWorkflow, h.action, FFA.opened),
    toStateTitle: ENTRY_STATE_TITLES[h.toState as keyof typeof ENTRY_STATE_TITLES] ?? h.toState, actor: who(h.actorId, h.action), comment: h.comment,
  }));
  const last = entry.state === 'returned' || entry.state === 'ineligible' ? [...rows].reverse().find((h) => REVIEW_COMMENTS.has(h.action)) : undefined;
  return { items, reviewerComment: last?.comment ?? null };
}

/** An entry as its owner sees it. */
export async function ownerEntryView(db: DbOrTx, viewer: Actor, entry: EntryRow, round?: RoundRow, place?: PlaceRef, now = clockNow()): Promise<OwnerEntry> {
  const r = round ?? (await getRound(db, entry.roundId));
  const p = place ?? (await placeRefs(db, [entry.villageId])).get(entry.villageId) ?? EMPTY_PLACE(entry.villageId);
  const { items, reviewerComment } = await historyOf(db, entry, viewer);
  const open = accepting(r, now);
  // the engine decides whether he may withdraw (a case handed back to its screener after a resubmission is locked to him)
  const c = entry.caseId && WITHDRAWABLE.includes(entry.state) ? await getCase(db, entry.caseId) : null;
  const withdraw = !!c && availableActions(c, viewer).some((a) => a === 'withdraw' || a === 'withdraw_village');
  const editable = entry.state === 'draft' || entry.state === 'returned';
  return {
    id: entry.id, roundId: entry.roundId, roundYear: r.year, ownerKind: entry.ownerKind, state: entry.state, stateTitle: ENTRY_STATE_TITLES[entry.state],
    trackingCode: entry.trackingCode, place: p, plan: entry.plan, version: entry.version, completeness: entryCompleteness(entry.plan, r, true),
    can: {
      edit: editable && open, submit: entry.state === 'draft' && open, resubmit: entry.state === 'returned' && open,
      withdraw, delete: entry.state === 'draft',
    },
    reviewerComment, history: items, submittedAt: entry.submittedAt?.toISOString() ?? null, updatedAt: entry.updatedAt.toISOString(),
    award: entry.award, rankNational: entry.rankNational,
  };
}

/** The owner's page: the round accepting submissions, his entries of every round (newest first), his villages. */
export async function myEntries(db: DbOrTx, actor: Actor, now = clockNow()): Promise<MyEntries> {
  const owner = ownerOf(actor);
  const [round, rows] = await Promise.all([
    acceptingRound(db, now),
    db.select().from(festEntries).where(ownerCondition(owner)).orderBy(desc(festEntries.createdAt), desc(festEntries.id)),
  ]);
  const rounds = new Map<number, RoundRow>();
  for (const id of new Set(rows.map((e) => e.roundId))) rounds.set(id, await getRound(db, id));
  const places = await placeRefs(db, rows.map((e) => e.villageId));
  const entries = await Promise.all(rows.map((e) => ownerEntryView(db, actor, e, rounds.get(e.roundId), places.get(e.villageId), now)));
  let villages: MyEntries['villages'] = [];
  if (owner.kind === 'dehyari') {
    const labels = await placeLabels(db, owner.villages.map((v) => v.path));
    villages = owner.villages.map((v) => ({ id: v.id, label: labels.get(v.path) ?? '' }));
  }
  return { round: round ? roundPublic(round, now) : null, entries, villages };
}

/** Each judge's z-score per entry on an axis of an announced round (the normalization of the results). */
async function axisZ(db: DbOrTx, roundId: number, axis: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ judge: festScores.judgeId, entry: festScores.entryId, total: festScores.total })
    .from(festScores)
    .innerJoin(festEntries, eq(festEntries.id, festScores.entryId))
    .where(and(eq(festEntries.roundId, roundId), eq(festEntries.axis, axis), inArray(festEntries.state, ['selected', 'not_selected'])));
  const z = normalizeScores(rows.map((r) => ({ judge: String(r.judge), entry: r.entry, score: r.total })));
  return new Map(z.map((s) => [`${s.judge}|${s.entry}`, s.z]));
}

/** The judges of an entry with their totals (z once announced), and declared conflicts: for the national secretariat. */
async function panelOf(db: DbOrTx, entry: EntryRow, round: RoundRow): Promise<Pick<StaffEntryView, 'panel' | 'conflicts'>> {
  const [seats, scores, conflicts] = await Promise.all([
    db.select({ judgeId: festAssignments.judgeId, judge: authUsers.displayName }).from(festAssignments).innerJoin(authUsers, eq(authUsers.id, festAssignments.judgeId)).where(eq(festAssignments.entryId, entry.id)),
    db.select({ judgeId: festScores.judgeId, judge: authUsers.displayName, total: festScores.total, criteria: festScores.criteria }).from(festScores).innerJoin(authUsers, eq(authUsers.id, festScores.judgeId)).where(eq(festScores.entryId, entry.id)),
    db.select({ judge: authUsers.displayName, reason: festConflicts.reason, at: festConflicts.declaredAt }).from(festConflicts).innerJoin(authUsers, eq(authUsers.id, festConflicts.judgeId)).where(eq(festConflicts.entryId, entry.id)),
  ]);
  const z = round.state === 'announced' ? await axisZ(db, round.id, entry.axis) : null;
  const byJudge = new Map(scores.map((s) => [s.judgeId, s]));
  const judges = new Map<number, string>([...seats, ...scores].map((s) => [s.judgeId, s.judge]));
  return {
    panel: [...judges].map(([judgeId, judge]) => {
      const s = byJudge.get(judgeId);
      return { judgeId, judge, total: s?.total ?? null, z: (s && z?.get(`${judgeId}|${entry.id}`)) ?? null, criteria: s?.criteria ?? null };
    }),
    conflicts: conflicts.map((c) => ({ judge: c.judge, reason: c.reason, at: c.at.toISOString() })),
  };
}

/** One entry's staff page (404 outside the viewer's scope, and for drafts). */
export async function staffEntryView(db: DbOrTx, actor: Actor, id: string, now = clockNow()): Promise<StaffEntryView> {
  const entry = await staffEntry(db, actor, id);
  const round = await getRound(db, entry.roundId);
  const c = entry.caseId ? await getCase(db, entry.caseId) : null;
  const { can: _can, ...base } = await ownerEntryView(db, actor, entry, round, undefined, now);
  const [owner] = await db.select({ name: authUsers.displayName, mobile: authUsers.mobile }).from(authUsers).where(eq(authUsers.id, entry.ownerUserId));
  const returns = returnsOpen(round, now);
  const actions = c
    ? availableActions(c, actor)
        .filter((k) => (SCREENING_ACTIONS as readonly string[]).includes(k) && (returns || !RETURN_ACTIONS.includes(k)))
        .map((key) => ({ key, title: actionDef(key)!.title, requireComment: !!actionDef(key)!.requireComment }))
    : [];
  const secretariat = can(actor, 'festival.manage', '/') && JUDGED.has(entry.state);
  const final = c ? !!entryWorkflow.states[c.state as keyof typeof entryWorkflow.states]?.final : true;
  const { panel, conflicts } = secretariat ? await panelOf(db, entry, round) : { panel: [], conflicts: [] };
  let result: StaffEntryView['result'] = null;
  if (entry.rankNational != null && entry.rawMean != null && entry.meanZ != null) {
    const [n] = await db.select({ n: count() }).from(festScores).where(eq(festScores.entryId, entry.id));
    result = { rawMean: entry.rawMean, meanZ: entry.meanZ, spread: entry.spread ?? 0, flagged: !!entry.flagged, rankNational: entry.rankNational, rankProvince: entry.rankProvince ?? 0, judges: Number(n?.n ?? 0) };
  }
  return {
    ...base, caseId: entry.caseId, caseVersion: c?.version ?? null, actions, dueAt: final ? null : (c?.dueAt?.toISOString() ?? null),
    owner: { name: owner?.name ?? '', mobile: owner?.mobile ?? null }, panel, conflicts, result,
  };
}
