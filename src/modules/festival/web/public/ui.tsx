// Small plain-markup blocks of the festival's public pages: the sub-navigation, the page frame, a state badge, a
// loading error with retry. (The entrepreneur's sign-in step is SignIn.tsx, for the pages that need it.)
// The shell's page layout classes first, so this service's own rules (festival.css) come after them.
import '../../../../web/styles/pages.css';
import './festival.css';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { StateBadge as Badge } from '../../../../web/components/StateBadge.js';
import { ffa } from './fa.js';

export { Alert } from '../../../../web/components/form.js';
export { PageLoader as Loading } from '../../../../web/components/PageLoader.js';

export function FestNav() {
  return (
    <nav className="cx-subnav" aria-label={ffa.nav.label}>
      <NavLink to="/festival" end>
        {ffa.nav.home}
      </NavLink>
      <NavLink to="/festival/my">{ffa.nav.my}</NavLink>
      <NavLink to="/showcase">{ffa.nav.showcase}</NavLink>
    </nav>
  );
}

/** The frame of a festival page: the sub-navigation, then the page; `wide` for the catalogue and a plan's page. */
export function FestPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'cx-page fe-wide' : 'cx-page'}>
      <FestNav />
      {children}
    </div>
  );
}

export function StateBadge({ state, title }: { state: string; title: string }) {
  return <Badge state={state} title={title} className="cx-state fe-state" />;
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="cx-alert" role="alert">
      <p>{message}</p>
      <button type="button" className="cx-btn cx-btn-light" onClick={onRetry}>
        {ffa.common.retry}
      </button>
    </div>
  );
}
