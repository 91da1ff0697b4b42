import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { logout } from '../api.js';
import { fa } from '../fa.js';
import { clearSession } from '../session.js';

/** Header navigation of a signed-in area: who is signed in, a link home, and logout. */
export function SessionNav({ name, homePath, homeLabel }: { name: string; homePath: string; homeLabel: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  async function onLogout() {
    setBusy(true);
    try {
      await logout();
    } catch {
      // The session is forgotten on this side either way; an expired one is already gone on the server.
    } finally {
      clearSession();
      setBusy(false);
      navigate('/login', { replace: true });
    }
  }

  return (
    <>
      <span className="shell-user" data-testid="session-user">
        {name}
      </span>
      <NavLink to={homePath} end>
        {homeLabel}
      </NavLink>
      <button type="button" onClick={() => void onLogout()} disabled={busy} data-testid="logout">
        {fa.nav.logout}
      </button>
    </>
  );
}
