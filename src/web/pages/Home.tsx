import { Link } from 'react-router';
import { fa } from '../fa.js';
import { faPages } from './fa.js';
import { PublicServiceGrid } from '../components/PublicServiceGrid.js';
import { usePageTitle } from '../components/usePageTitle.js';

/**
 * `/`: what شهرده is, the public services, and the two ways in (citizen, staff).
 * Plain markup: this is the page most people open first, often on a slow phone.
 */
export default function Home() {
  usePageTitle(null);
  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{faPages.home.heroTitle}</h1>
        <p>{faPages.home.heroText}</p>
      </section>

      <section aria-labelledby="services-title">
        <h2 id="services-title" className="section-title">
          {faPages.home.servicesTitle}
        </h2>
        <PublicServiceGrid />
      </section>

      <div className="two-col">
        <section className="card" aria-labelledby="citizen-title">
          <h2 id="citizen-title" className="card-title">
            {faPages.home.citizenTitle}
          </h2>
          <p className="card-text">{faPages.home.citizenText}</p>
          <div>
            <Link to="/citizen/login" className="btn btn-light">
              {fa.nav.citizenLogin}
            </Link>
          </div>
        </section>
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title" className="card-title">
            {faPages.home.staffTitle}
          </h2>
          <p className="card-text">{faPages.home.staffText}</p>
          <div>
            <Link to="/login" className="btn">
              {fa.nav.staffLogin}
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}
