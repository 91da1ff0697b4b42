// A dehyari's room for new plans in a round (pure, unit-tested): each of his villages may have at most
// MAX_ENTRIES_PER_OWNER live entries per round (withdrawn and ineligible ones do not count).
import type { OwnerEntry } from '../../api-types.js';
import { MAX_ENTRIES_PER_OWNER } from '../../enums.js';

const live = (e: Pick<OwnerEntry, 'state'>) => e.state !== 'withdrawn' && e.state !== 'ineligible';

/** His villages that may still file a plan in the round. */
export function villagesWithRoom<V extends { id: number }>(entries: readonly Pick<OwnerEntry, 'roundId' | 'state' | 'place'>[], roundId: number, villages: readonly V[]): V[] {
  return villages.filter((v) => entries.filter((e) => e.roundId === roundId && e.place.villageId === v.id && live(e)).length < MAX_ENTRIES_PER_OWNER);
}
