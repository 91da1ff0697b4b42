import { Link } from 'react-router';
import { faPages } from '../pages/fa.js';
import { publicServices } from '../pages/services.js';

/**
 * Cards linking every public service. Plain markup and CSS (no Mantine) because
 * the public home shows it and must stay light on a slow phone.
 */
export function PublicServiceGrid({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="card-grid">
      {publicServices.map(({ key, path, icon: Icon }) => (
        <li key={key}>
          <Link to={path} className="card service-card" data-service={key}>
            <span className="icon-badge">
              <Icon />
            </span>
            <H className="card-title">{faPages.services[key].title}</H>
            <p className="card-text">{faPages.services[key].text}</p>
            <span className="service-card-go" aria-hidden="true">
              {faPages.home.go} ←
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
