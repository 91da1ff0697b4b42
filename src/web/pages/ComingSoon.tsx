import { Link } from 'react-router';
import { fa } from '../fa.js';
import { faPages } from './fa.js';
import { IconClock } from '../components/Icons.js';
import { usePageTitle } from '../components/usePageTitle.js';
import type { PublicServiceKey } from './services.js';

/** A public service whose page is not built yet: its name and a friendly «به‌زودی». */
export default function ComingSoon({ service }: { service: PublicServiceKey }) {
  const title = faPages.services[service].title;
  usePageTitle(title);
  return (
    <div className="page page-narrow">
      <section className="card notice">
        <span className="icon-badge icon-badge-lg">
          <IconClock />
        </span>
        <h1>{title}</h1>
        <p className="notice-tag">{faPages.comingSoon.title}</p>
        <p className="card-text">{faPages.comingSoon.text}</p>
        <Link to="/" className="btn btn-light">
          {fa.app.backHome}
        </Link>
      </section>
    </div>
  );
}
