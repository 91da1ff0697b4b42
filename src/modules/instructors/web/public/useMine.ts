// The signed-in instructor's own view (GET /me), for his pages: the one-time code when nobody (or staff) is signed
// in, `null` when he has no profile yet.
import { useCallback, useEffect, useState } from 'react';
import type { MyInstructor } from '../../api-types.js';
import { api, ApiError, currentCitizen, INS, publicErrorMessage, signOut, type Citizen } from './http.js';

export type MineState =
  | { kind: 'loading' }
  | { kind: 'auth' }
  | { kind: 'error'; message: string }
  | { kind: 'open'; citizen: Citizen; me: MyInstructor | null };

export function useMine() {
  const [state, setState] = useState<MineState>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const citizen = await currentCitizen();
    if (!citizen) return setState({ kind: 'auth' });
    try {
      setState({ kind: 'open', citizen, me: await api.get<MyInstructor>(`${INS}/me`) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setState({ kind: 'open', citizen, me: null });
      else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setState({ kind: 'auth' });
      else setState({ kind: 'error', message: publicErrorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Show what the server answered after a change. */
  const show = useCallback((me: MyInstructor) => setState((s) => (s.kind === 'open' ? { ...s, me } : s)), []);
  /** Sign out, then ask for the code of another mobile. */
  const otherMobile = useCallback(() => void signOut().then(() => setState({ kind: 'auth' })), []);

  return { state, load, show, otherMobile };
}
