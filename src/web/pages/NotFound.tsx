import { Link } from 'react-router';
import { fa } from '../fa.js';
import { faPages } from './fa.js';
import { usePageTitle } from '../components/usePageTitle.js';

/** Any address no route knows. */
export default function NotFound() {
  usePageTitle(faPages.notFound.title);
  return (
    <div className="page page-narrow">
      <section className="card notice">
        <p className="notice-code" aria-hidden="true">
          {faPages.notFound.code}
        </p>
        <h1>{faPages.notFound.title}</h1>
        <p className="card-text">{faPages.notFound.text}</p>
        <Link to="/" className="btn">
          {fa.app.backHome}
        </Link>
      </section>
    </div>
  );
}
