// The signed-in instructor's own view (GET /me), for his pages: the one-time code when nobody (or staff) is signed
// in, `null` when he has no profile yet.
import { useCallback } from 'react';
import { useSignedInLoad, type SignedInState } from '../../../../web/useSignedInLoad.js';
import type { MyInstructor } from '../../api-types.js';
import { api, ApiError, INS } from './http.js';

export type MineState = SignedInState<{ me: MyInstructor | null }>;

/** His view, or `null` (404) when he has no profile yet. */
const fetchMe = async () => ({
  me: await api.get<MyInstructor>(`${INS}/me`).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }),
});

export function useMine() {
  const { state, setState, load, otherMobile } = useSignedInLoad(fetchMe);
  /** Show what the server answered after a change. */
  const show = useCallback((me: MyInstructor) => setState((s) => (s.kind === 'open' ? { ...s, me } : s)), [setState]);
  return { state, load, show, otherMobile };
}
