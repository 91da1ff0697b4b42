// The plans of the closed demo rounds that reached judging (forty of them), written at once in the state the owners'
// submission and the two screenings leave them in (`eligible`): the entry rows with their copies and search text (the
// module's own searchTextOf), the cases of `festival.entry` at the village with their three history steps (open by the
// owner, province_accept by the province's screener, national_accept by the secretariat). The open round's plans, and
// the closed rounds' returned and rejected ones, go through the commands one by one (demo-rounds.ts); these would cost
// seconds of start-up each time the demo loads. Starting judging and the announcements that follow are the commands.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../../core/audit/audit.js';
import { generateTrackingCode } from '../../../core/codes/tracking-code.js';
import type { Tx } from '../../../core/db/client.js';
import { pathIds } from '../../../core/org/path.js';
import { wfCases, wfHistory } from '../../../core/workflow/schema.js';
import type { Plan } from '../contract.js';
import { countyPathOf, placeRefs, type RoundRow } from './common.js';
import type { DemoPlan } from './demo-data.js';
import { ownerActor, provinceScreener, type DemoPeople } from './demo-people.js';
import { searchTextOf } from './entries.js';
import { festEntries } from './schema.js';
import { entryWorkflow } from './workflow.js';

export const ACCEPT_COMMENT = 'مدارک کامل است؛ طرح شرایط جشنواره را دارد.';

/** Writes the plans of `round` as eligible entries (submitted, accepted by the province and the nation); returns their ids by plan key. */
export async function fileEligible(tx: Tx, people: DemoPeople, round: RoundRow, items: { d: DemoPlan; plan: Plan }[]): Promise<Map<string, string>> {
  if (!items.length) return new Map();
  const places = await placeRefs(tx, items.map(({ d }) => people.villages[d.village].id));
  const now = new Date();
  const rows = items.map(({ d, plan }) => {
    const village = people.villages[d.village];
    const owner = ownerActor(people, d);
    return { d, plan, village, owner, entryId: randomUUID(), caseId: randomUUID() };
  });
  await tx.insert(wfCases).values(rows.map((r) => ({
    id: r.caseId, definition: entryWorkflow.key, state: 'eligible', version: 3, divisionId: r.village.id, divisionPath: r.village.path, title: r.plan.title,
    subjectRef: `festival:${r.entryId}`, data: { entryId: r.entryId, roundId: round.id }, createdById: r.owner.id, dueAt: null, createdAt: now, updatedAt: now,
  })));
  await tx.insert(wfHistory).values(rows.flatMap((r) => [
    { caseId: r.caseId, seq: 1, action: 'open', fromState: null, toState: 'province_screening', actorId: r.owner.id, at: now },
    { caseId: r.caseId, seq: 2, action: 'province_accept', fromState: 'province_screening', toState: 'national_screening', actorId: provinceScreener(people, r.d.village).id, at: now },
    { caseId: r.caseId, seq: 3, action: 'national_accept', fromState: 'national_screening', toState: 'eligible', actorId: people.national.id, comment: ACCEPT_COMMENT, at: now },
  ]));
  await tx.insert(festEntries).values(rows.map((r) => ({
    id: r.entryId, roundId: round.id, caseId: r.caseId, trackingCode: generateTrackingCode(), ownerKind: r.d.by === 'dehyari' ? ('dehyari' as const) : ('entrepreneur' as const),
    ownerUserId: r.owner.id!, villageId: r.village.id, villagePath: r.village.path, countyPath: countyPathOf(r.village.path), provinceId: pathIds(r.village.path)[0]!,
    state: 'eligible' as const, plan: r.plan, axis: r.plan.axis, category: r.plan.category, title: r.plan.title, jobs: r.plan.jobs,
    searchText: searchTextOf(r.plan, places.get(r.village.id)), version: 4, submittedAt: now,
  })));
  await appendAudit(tx, people.national, {
    action: 'festival.demo.entries', entityType: 'fest_round', entityId: round.id, divisionPath: '/',
    data: { eligible: rows.length, entries: rows.map((r) => r.entryId) },
  });
  return new Map(rows.map((r) => [r.d.key, r.entryId]));
}
