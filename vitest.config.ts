import { defineConfig } from 'vitest/config';

// Unit + integration suite. Every test file gets its own database (in-memory PGlite, or a fresh PostgreSQL
// database cloned from a migrated template when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    globalSetup: ['src/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
