// A signed-in citizen's own data for a public page: the one-time code when nobody (or staff) is signed in, the
// Persian message when the request fails, and «another mobile» (sign out, then ask for the code again).
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.js';
import { currentCitizen, publicErrorMessage, signOut, type Citizen } from './citizen-auth.js';

export type SignedInState<T extends object> =
  | { kind: 'loading' }
  | { kind: 'auth' }
  | { kind: 'error'; message: string }
  | ({ kind: 'open'; citizen: Citizen } & T);

/**
 * Loads `fetchOwn` (a stable function: declare it outside the component) once a citizen is signed in. A 401 or 403
 * asks for the code again; other failures show their message. `setState` lets the page show what a change returned.
 */
export function useSignedInLoad<T extends object>(fetchOwn: () => Promise<T>) {
  const [state, setState] = useState<SignedInState<T>>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const citizen = await currentCitizen();
    if (!citizen) return setState({ kind: 'auth' });
    try {
      setState({ kind: 'open', citizen, ...(await fetchOwn()) });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setState({ kind: 'auth' });
      else setState({ kind: 'error', message: publicErrorMessage(e) });
    }
  }, [fetchOwn]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Sign out, then ask for the code of another mobile. */
  const otherMobile = useCallback(() => void signOut().then(() => setState({ kind: 'auth' })), []);
  return { state, setState, load, otherMobile };
}
