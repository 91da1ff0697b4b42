// Every table of the core, for the typed database handle. Modules add theirs in src/modules/*/server/schema.ts.
export * from '../org/schema.js';
export * from '../auth/schema.js';
export * from '../workflow/schema.js';
export * from '../jobs/schema.js';
export * from '../audit/schema.js';
export * from '../documents/schema.js';
export * from '../notify/schema.js';
export * from '../http/schema.js';
