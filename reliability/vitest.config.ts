import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Reliability suite: real built server processes (`npm run build` first, or SHAHRDEH_DIST=<folder>) killed,
// restarted, doubled and backed up under load, on the embedded database and on PostgreSQL
// (RELIABILITY_DATABASE_URL, default TEST_DATABASE_URL or the local `test` database). One file at a time: each
// starts its own servers, and the machine may have two cores.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['reliability/**/*.test.ts'],
    globalSetup: ['reliability/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The in-process app of the embedded backup test reads the complaints settings from the environment at import:
    // a streaming client files far more than a person's 30 an hour (the child servers get the same in their env).
    env: { COMPLAINT_SUBMITS_PER_HOUR: '1000000' },
    pool: 'forks',
    reporters: ['default'],
  },
});
