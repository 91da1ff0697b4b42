// Small plain-markup building blocks of the public complaint pages: the shell's form blocks, and a loader.
import { cfa } from '../fa.js';

export { Alert, described, Field } from '../../../../web/components/form.js';

export function Loading() {
  return (
    <div className="page-loader" role="status" aria-live="polite">
      <span>{cfa.common.loading}</span>
    </div>
  );
}
