// The plain-markup building blocks of the public complaint pages: the shell's form blocks, state badge and loader.
export { Alert, described, Field, Select, useFormErrors } from '../../../../web/components/form.js';
export { StateBadge } from '../../../../web/components/StateBadge.js';
export { PageLoader as Loading } from '../../../../web/components/PageLoader.js';
