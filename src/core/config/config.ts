import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Every environment variable the server reads, with defaults. README documents each one; keep them in step. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().min(1).max(24 * 30).default(12),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(100).default(10),
  METRICS_TOKEN: z.string().optional(),
  WORKER: bool.default(true),
  CLOCK_OFFSET_DAYS: z.coerce.number().int().min(-3650).max(3650).default(0),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  poolSize: number;
  demo: boolean;
  logLevel: string;
  trustProxy: boolean;
  sessionTtlHours: number;
  uploadMaxBytes: number;
  metricsToken?: string;
  worker: boolean;
  /** Days the deadline clock is shifted by (rehearsals and browser tests on the embedded database only). */
  clockOffsetDays: number;
}

/** A configuration that cannot be used; the message is one line fit to print and exit on. */
export class ConfigError extends Error {}

/**
 * Reads the configuration from the environment. Demo data is on by default with the embedded database and off
 * with PostgreSQL unless DEMO=1. Throws {@link ConfigError} naming the variable and what is wrong with it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`invalid ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.CLOCK_OFFSET_DAYS !== 0 && e.DATABASE_URL) throw new ConfigError('invalid CLOCK_OFFSET_DAYS: a shifted clock is for rehearsals on the embedded database, never with DATABASE_URL');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    demo: e.DEMO ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    metricsToken: e.METRICS_TOKEN || undefined,
    worker: e.WORKER,
    clockOffsetDays: e.CLOCK_OFFSET_DAYS,
  };
}
