// What only the citizen who owns it may see on a light public page (a case's full file, an application, a letter,
// their applications): loaded with the citizen's session; the one-time code when there is none; «not yours» with
// the offer to sign in with another mobile when the server will not show it to this citizen.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import { currentCitizen, publicErrorMessage, signOut } from '../citizen-auth.js';
import { Alert } from './form.js';

const otherMobileLabel = 'ورود با شماره همراه دیگر';

export type OwnedState<T> = { kind: 'loading' } | { kind: 'auth' } | { kind: 'error'; message: string; relogin: boolean } | { kind: 'open'; data: T };

/**
 * GET `url` as the signed-in citizen. A 401 asks for the one-time code (`auth`). With `notOwner`, a 400, 403 or 404
 * says it (the citizen may have signed in with another mobile: `relogin`); without it, a 403 (not a citizen's
 * session) asks for the code too. `citizenFirst` checks the session before asking, and asks for the code at once
 * when nobody (or staff) is signed in.
 */
export function useOwned<T>(url: string, { notOwner, citizenFirst = false }: { notOwner?: string; citizenFirst?: boolean } = {}) {
  const [state, setState] = useState<OwnedState<T>>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'open', data: await api.get<T>(url) });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (status === 401 || (!notOwner && status === 403)) setState({ kind: 'auth' });
      else if (notOwner && (status === 400 || status === 403 || status === 404)) setState({ kind: 'error', message: notOwner, relogin: true });
      else setState({ kind: 'error', message: publicErrorMessage(err), relogin: false });
    }
  }, [url, notOwner]);

  useEffect(() => {
    if (!citizenFirst) {
      void load();
      return;
    }
    let live = true;
    void currentCitizen().then((c) => {
      if (!live) return;
      if (c) void load();
      else setState({ kind: 'auth' });
    });
    return () => {
      live = false;
    };
  }, [load, citizenFirst]);

  /** Show what the server answered after a change (the refreshed view). */
  const show = useCallback((data: T) => setState({ kind: 'open', data }), []);
  /** Sign out, then ask for the one-time code of another mobile. */
  const otherMobile = useCallback(() => void signOut().then(() => setState({ kind: 'auth' })), []);

  return { state, setState, load, show, otherMobile };
}

/** The load's error, and for «not yours» the button to sign in with another mobile. */
export function OwnedError({ message, relogin, onOtherMobile, testId }: { message: string; relogin: boolean; onOtherMobile: () => void; testId: string }) {
  return (
    <>
      <Alert testId={testId}>{message}</Alert>
      {relogin && (
        <div>
          <button type="button" className="cx-btn cx-btn-light" onClick={onOtherMobile}>
            {otherMobileLabel}
          </button>
        </div>
      )}
    </>
  );
}
