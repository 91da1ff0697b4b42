import { Link } from 'react-router';
import { usePageTitle } from '../../../../web/components/usePageTitle.js';
import { lfa } from './fa-landing.js';
import { InsPage } from './ui.js';

const LINKS = [
  { to: '/instructors/profile', title: lfa.landing.register, text: lfa.landing.registerText, testId: 'go-profile' },
  { to: '/instructors/me', title: lfa.landing.me, text: lfa.landing.meText, testId: 'go-me' },
  { to: '/verify/training-id', title: lfa.landing.verify, text: lfa.landing.verifyText, testId: 'go-verify' },
] as const;

/** `/instructors`: what the instructor bank is, how qualification works, and the ways in. Public. */
export default function Landing() {
  usePageTitle(lfa.landing.title);
  return (
    <InsPage>
      <h1 className="cx-title">{lfa.landing.title}</h1>
      <p className="cx-lead">{lfa.landing.lead}</p>
      <ul className="ins-links">
        {LINKS.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="cx-card ins-link-card" data-testid={l.testId}>
              <strong>{l.title}</strong>
              <span className="cx-hint">{l.text}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section className="cx-card" aria-labelledby="how-title">
        <h2 id="how-title">{lfa.landing.howTitle}</h2>
        <ol className="ins-how">
          {lfa.landing.how.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>
    </InsPage>
  );
}
