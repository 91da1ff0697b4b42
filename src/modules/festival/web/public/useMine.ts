// The signed-in entrepreneur's festival (GET /festival/mine): the one-time code when nobody (or staff) is signed in.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../../../web/api.js';
import { currentCitizen, publicErrorMessage, signOut, type Citizen } from '../../../../web/citizen-auth.js';
import type { MyEntries, OwnerEntry } from '../../api-types.js';
import { FEST } from '../shared/paths.js';

export type MineState =
  | { kind: 'loading' }
  | { kind: 'auth' }
  | { kind: 'error'; message: string }
  | { kind: 'open'; citizen: Citizen; mine: MyEntries };

export function useMine() {
  const [state, setState] = useState<MineState>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const citizen = await currentCitizen();
    if (!citizen) return setState({ kind: 'auth' });
    try {
      setState({ kind: 'open', citizen, mine: await api.get<MyEntries>(`${FEST}/mine`) });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setState({ kind: 'auth' });
      else setState({ kind: 'error', message: publicErrorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Sign out, then ask for the code of another mobile. */
  const otherMobile = useCallback(() => void signOut().then(() => setState({ kind: 'auth' })), []);
  return { state, load, otherMobile };
}

/** Entries that count against the limit of a round (withdrawn and ineligible do not). */
export const liveCount = (entries: OwnerEntry[], roundId: number) => entries.filter((e) => e.roundId === roundId && e.state !== 'withdrawn' && e.state !== 'ineligible').length;
