import { loadConfig, ConfigError } from './core/config/config.js';
import { setClockOffsetDays } from './core/clock.js';
import { seedDemo } from './core/auth/demo.js';
import { DataDirLockedError } from './core/db/lock.js';
import { buildApp } from './core/http/app.js';
import { startBackground } from './core/jobs/background.js';
import { MODULES } from './modules/index.js';
import { openPlatform } from './platform.js';

/** Prints one line and exits: what a person starting the server needs, not a stack trace. */
function die(message: string): never {
  process.stderr.write(`shahrdeh: ${message}\n`);
  process.exit(1);
}

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
    setClockOffsetDays(config.clockOffsetDays);
  } catch (e) {
    if (e instanceof ConfigError) die(`configuration error: ${e.message}`);
    throw e;
  }
  const platform = await openPlatform(config).catch((e: unknown) => {
    if (e instanceof DataDirLockedError) die(e.message);
    const err = e as { code?: string; message?: string };
    die(config.databaseUrl ? `cannot use PostgreSQL (${err.code ?? ''} ${err.message ?? e})` : `cannot open the embedded database in ${config.dataDir}: ${err.message ?? e}`);
  });
  const { db, backend } = platform.database;
  const ctx = { db, backend, config };
  for (const m of MODULES) await m.init?.(db);
  if (config.demo) {
    const places = await seedDemo(db);
    for (const m of MODULES) await m.seedDemo?.(db, places);
  }
  const app = await buildApp(ctx, { modules: MODULES });
  const background = config.worker ? startBackground(ctx, app.log, MODULES) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await background?.stop();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await platform.close();
    const err = e as { code?: string };
    die(err.code === 'EADDRINUSE' ? `port ${config.port} is already in use; set PORT to another port` : String(e));
  }
  app.log.info({ backend, demo: config.demo, startupMs: Date.now() - started }, `Shahrdeh is serving at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
}

main().catch((e) => {
  process.stderr.write(`shahrdeh: start-up failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
