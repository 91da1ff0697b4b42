// Small plain-markup building blocks of the instructor bank's public pages: the sub-navigation, the page frame, a
// state badge, and the sign-in step shown when a page needs the instructor.
// The shell's page layout classes first, so this service's own rules (instructors.css, which begins with the
// services' shared blocks, src/web/styles/service.css) come after them.
import '../../../../web/styles/pages.css';
import './instructors.css';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';
import { StateBadge as Badge } from '../../../../web/components/StateBadge.js';
import type { Citizen } from '../../../../web/citizen-auth.js';
import { faNumber } from '../../../../web/format.js';
import { ifa } from './fa.js';

export { Alert, described, Field, Select, useFormErrors } from '../../../../web/components/form.js';
export { PageLoader as Loading } from '../../../../web/components/PageLoader.js';
export { faDigits, faNumber, jDate, jDateTime } from '../../../../web/format.js';

/** A score or an average with Persian digits and at most one decimal (72.5 → '۷۲٫۵'), or '—'. */
export const faScore = (n: number | null | undefined) => faNumber(n, 1);

/** A training ID for display: Persian digits, read left to right (show it in an LTR element). */
export const faTrainingId = (id: string) => toPersianDigits(id);

/** The links between the instructor pages, above each page's title. */
export function InsNav() {
  return (
    <nav className="cx-subnav cx-noprint" aria-label={ifa.nav.label}>
      <NavLink to="/instructors" end>
        {ifa.nav.home}
      </NavLink>
      <NavLink to="/instructors/profile">{ifa.nav.profile}</NavLink>
      <NavLink to="/instructors/me" end>
        {ifa.nav.me}
      </NavLink>
      <NavLink to="/verify/training-id">{ifa.nav.verify}</NavLink>
    </nav>
  );
}

/** The frame of an instructor page: the sub-navigation, then the page. */
export function InsPage({ children, wide = false, nav = true }: { children: ReactNode; wide?: boolean; nav?: boolean }) {
  return (
    <div className={wide ? 'cx-page ins-page-wide' : 'cx-page'}>
      {nav && <InsNav />}
      {children}
    </div>
  );
}

export function StateBadge({ state, title }: { state: string; title: string }) {
  return <Badge state={state} title={title} className="cx-state ins-state" />;
}

/** The one-time-code sign-in, worded for the instructor pages. */
export function InsSignIn({ onSignedIn, subtitle = ifa.otp.subtitle }: { onSignedIn: (c: Citizen) => void | Promise<void>; subtitle?: string }) {
  return <OtpForm title={ifa.otp.title} subtitle={subtitle} codeLabel={ifa.otp.code} verifyLabel={ifa.otp.verify} onSignedIn={onSignedIn} />;
}
