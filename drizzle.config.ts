import { defineConfig } from 'drizzle-kit';

// One migration history for the whole platform: every module's `schema.ts` is read.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/core/**/schema.ts', './src/modules/*/server/schema.ts'],
  out: './drizzle',
});
