// The signed-in entrepreneur's festival (GET /festival/mine): the one-time code when nobody (or staff) is signed in.
import { api } from '../../../../web/api.js';
import { useSignedInLoad, type SignedInState } from '../../../../web/useSignedInLoad.js';
import type { MyEntries, OwnerEntry } from '../../api-types.js';
import { FEST } from '../shared/paths.js';

export type MineState = SignedInState<{ mine: MyEntries }>;

const fetchMine = async () => ({ mine: await api.get<MyEntries>(`${FEST}/mine`) });

export function useMine() {
  const { state, load, otherMobile } = useSignedInLoad(fetchMine);
  return { state, load, otherMobile };
}

/** Entries that count against the limit of a round (withdrawn and ineligible do not). */
export const liveCount = (entries: OwnerEntry[], roundId: number) => entries.filter((e) => e.roundId === roundId && e.state !== 'withdrawn' && e.state !== 'ineligible').length;
