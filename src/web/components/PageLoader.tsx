import { fa } from '../fa.js';

/** The Suspense fallback while a route's chunk downloads: plain markup, no Mantine. */
export function PageLoader() {
  return (
    <div className="page-loader" role="status" aria-live="polite">
      <span>{fa.app.loading}</span>
    </div>
  );
}
