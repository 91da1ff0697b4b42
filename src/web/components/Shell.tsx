import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { formatJalaliLong } from '../../core/fa/jalali.js';
import { fa } from '../fa.js';
import { Logo } from './Logo.js';

function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The frame of every page: a header with the platform name, today's Jalali date
 * and the navigation given by the area (public, staff, citizen), the page in
 * `<main>`, and a footer. Focus moves to `<main>` on navigation so keyboard and
 * screen-reader users start at the new page, not at the old scroll position.
 */
export function Shell({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  const today = new Date();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {fa.app.skipToContent}
      </a>
      <header className="shell-header">
        <div className="shell-container shell-header-inner">
          <Link to="/" className="shell-brand">
            <Logo className="shell-brand-logo" />
            <span>
              <span className="shell-brand-name">{fa.app.name}</span>
              <span className="shell-brand-sub">{fa.app.fullName}</span>
            </span>
          </Link>
          <div className="shell-side">
            <time className="shell-date" dateTime={isoDay(today)} data-testid="today">
              {fa.app.today} {formatJalaliLong(today)}
            </time>
            <nav className="shell-nav" aria-label={fa.app.mainNav}>
              {nav}
            </nav>
          </div>
        </div>
      </header>
      <main id="main" className="shell-main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        <div className="shell-container">{fa.app.footer}</div>
      </footer>
    </>
  );
}
