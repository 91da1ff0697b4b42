// Small plain-markup building blocks of the amriyeh public pages: the service's sub-navigation, a state badge,
// the score table, the list of failed rules, and the sign-in step shown when a page needs the applicant.
// The shell's page layout classes first, so this service's own rules (amriyeh.css, which begins with the services'
// shared blocks, src/web/styles/service.css) come after them.
import '../../../../web/styles/pages.css';
import './amriyeh.css';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { StateBadge as Badge } from '../../../../web/components/StateBadge.js';
import { OtpForm } from '../../../../web/components/OtpForm.js';
import type { Citizen } from '../../../../web/citizen-auth.js';
import type { ScorePartView } from '../../api-types.js';
import { faNum } from '../format.js';
import { afa } from './fa.js';

export { Alert, described, Field, Select, useFormErrors } from '../../../../web/components/form.js';
export { PageLoader as Loading } from '../../../../web/components/PageLoader.js';
export { faNumber, jDate, jDateTime } from '../../../../web/format.js';
export { faNum, groupCode } from '../format.js';

/** The links between the amriyeh pages, above each page's title. */
export function AmrNav() {
  return (
    <nav className="cx-subnav cx-noprint" aria-label={afa.nav.label}>
      <NavLink to="/amriyeh" end>
        {afa.nav.calls}
      </NavLink>
      <NavLink to="/amriyeh/my">{afa.nav.mine}</NavLink>
      <NavLink to="/verify/amriyeh">{afa.nav.verify}</NavLink>
    </nav>
  );
}

/** The frame of an amriyeh page: the sub-navigation, then the page. */
export function AmrPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'cx-page amr-page-wide' : 'cx-page'}>
      <AmrNav />
      {children}
    </div>
  );
}

export function StateBadge({ state, title }: { state: string; title: string }) {
  return <Badge state={state} title={title} className="cx-state amr-state" />;
}

/** The score broken down by criterion, as the server explained it, with the total. */
export function ScoreTable({ parts, total, caption }: { parts: ScorePartView[]; total: number | null; caption: string }) {
  return (
    <div className="cx-table-wrap">
      <table className="cx-table cx-table-cards amr-score" data-testid="score-table">
        <caption className="cx-sr">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{afa.common.criterion}</th>
            <th scope="col">{afa.common.points}</th>
            <th scope="col">{afa.common.reason}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.criterion}>
              <th scope="row">{p.title}</th>
              <td className="cx-num">{afa.common.outOf(faNum(p.points), faNum(p.max))}</td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{afa.common.total}</th>
            <td className="cx-num" data-testid="score-total">
              {afa.common.outOf(faNum(total), faNum(parts.reduce((s, p) => s + p.max, 0)))}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The rules an application fails, each with the server's Persian reason. */
export function Failures({ failures, testId = 'failures' }: { failures: { rule: string; message: string }[]; testId?: string }) {
  return (
    <ul className="amr-failures" data-testid={testId}>
      {failures.map((f, i) => (
        <li key={`${f.rule}-${i}`} data-rule={f.rule}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/** The one-time-code sign-in, worded for the amriyeh pages. */
export function AmrSignIn({ onSignedIn, subtitle = afa.otp.subtitle }: { onSignedIn: (c: Citizen) => void | Promise<void>; subtitle?: string }) {
  return <OtpForm title={afa.otp.title} subtitle={subtitle} codeLabel={afa.otp.code} verifyLabel={afa.otp.verify} onSignedIn={onSignedIn} />;
}
