import { eq } from 'drizzle-orm';
import { seedDemo } from './core/auth/demo.js';
import { hashPassword, passwordProblem } from './core/auth/passwords.js';
import { authUserRoles, authUsers } from './core/auth/schema.js';
import { appendAudit, verifyAudit } from './core/audit/audit.js';
import { loadConfig, ConfigError } from './core/config/config.js';
import { backupDatabase, restoreDatabase } from './core/db/backup.js';
import { DataDirLockedError } from './core/db/lock.js';
import { importDivisions } from './core/org/import.js';
import { amriyehAllocateCommand, lotteryCommand, type CommandResult } from './modules/amriyeh/server/cli-commands.js';
import { createApiKey } from './modules/complaints/server/open311/keys.js';
import { landfillAllocateCommand, landfillPlanCommand } from './modules/landfills/server/cli-commands.js';
import { MODULES } from './modules/index.js';
import { generateCommand, GENERATE_USAGE } from './generate/cli.js';
import { openPlatform, type Platform } from './platform.js';

const USAGE = `usage: npm run cli -- <command>
  migrate                      apply database migrations
  import-divisions DIR         import the Statistical Centre CSV files in DIR (idempotent)
  seed-demo                    load demo divisions and demo accounts
  backup FILE                  write a consistent backup of the whole database to FILE (.ndjson.gz)
  restore FILE                 replace the database with the backup in FILE (stop the server first)
  audit-verify                 check the audit log's hash chain; exit 1 at the first broken link
  create-admin USERNAME        create a national administrator (password from SHAHRDEH_PASSWORD)
  open311-key NAME             create an Open311 API key for a client (printed once)
  amriyeh-allocate             amriyeh seat allocation: input JSON on stdin, output JSON on stdout (no database)
  lottery --seed KEY --pool N --pick K
                               RFC 3797 lottery: the K selected positions (1..N), one per line (no database)
  landfill-plan [--progress]   landfill consolidation plan: scenario JSON on stdin, plan JSON on stdout (no database)
  landfill-allocate            landfill fund allocation (exact knapsack): JSON on stdin, JSON on stdout (no database)
  ${GENERATE_USAGE}
Uses the same DATABASE_URL / DATA_DIR as the server (except the commands marked "no database").`;

type Command = (p: Platform, args: string[]) => Promise<number>;
type PureCommand = (args: string[]) => Promise<number>;

/** Commands that need no configuration and no database: run before the platform is opened. */
const pureCommands: Record<string, PureCommand> = {
  async 'amriyeh-allocate'() {
    return emit(amriyehAllocateCommand(await readStdin()));
  },
  async lottery(args) {
    return emit(lotteryCommand(args));
  },
  async 'landfill-plan'(args) {
    const input = await readStdin();
    return emit(landfillPlanCommand(input, args, (line) => process.stderr.write(line)));
  },
  async 'landfill-allocate'(args) {
    return emit(landfillAllocateCommand(await readStdin(), args));
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function emit(r: CommandResult): Promise<number> {
  const write = (stream: NodeJS.WriteStream, text: string) =>
    text ? new Promise<void>((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve()))) : Promise.resolve();
  await write(process.stdout, r.stdout);
  await write(process.stderr, r.stderr);
  return r.code;
}

const commands: Record<string, Command> = {
  async 'open311-key'(p, [name]) {
    if (!name) return usage();
    console.log(await createApiKey(p.database.db, name));
    return 0;
  },
  async generate(p, args) {
    return generateCommand(p.database, args);
  },
  async migrate() {
    console.log('migrations applied');
    return 0;
  },
  async 'import-divisions'(p, [dir]) {
    if (!dir) return usage();
    const report = await importDivisions(p.database.db, dir);
    console.log(JSON.stringify({ counts: report.counts, inserted: report.inserted, updated: report.updated, skipped: report.skipped, errors: report.errors.length }, null, 2));
    for (const e of report.errors.slice(0, 200)) console.log(`${e.file}:${e.line}: ${e.reason}`);
    if (report.errors.length > 200) console.log(`… and ${report.errors.length - 200} more`);
    return 0;
  },
  async 'seed-demo'(p) {
    for (const m of MODULES) await m.init?.(p.database.db);
    const places = await seedDemo(p.database.db);
    for (const m of MODULES) await m.seedDemo?.(p.database.db, places);
    console.log(JSON.stringify(places));
    return 0;
  },
  async backup(p, [file]) {
    if (!file) return usage();
    const r = await backupDatabase(p.database, file);
    console.log(`backup written to ${file}: ${r.tables} tables, ${r.rows} rows`);
    return 0;
  },
  async restore(p, [file]) {
    if (!file) return usage();
    const r = await restoreDatabase(p.database, file);
    console.log(`restored ${r.rows} rows into ${r.tables} tables from ${file}`);
    const v = await verifyAudit(p.database.db);
    console.log(v.ok ? `audit chain ok (${v.rows} events)` : `WARNING: audit chain broken at event ${v.brokenAt}: ${v.reason}`);
    return v.ok ? 0 : 1;
  },
  async 'audit-verify'(p) {
    const v = await verifyAudit(p.database.db);
    if (v.ok) {
      console.log(`audit chain ok: ${v.rows} events verified`);
      return 0;
    }
    console.log(`audit chain BROKEN at event ${v.brokenAt}: ${v.reason} (${v.rows} events verified before it)`);
    return 1;
  },
  async 'create-admin'(p, [username]) {
    const password = process.env.SHAHRDEH_PASSWORD;
    if (!username || !password) {
      console.error('create-admin USERNAME needs SHAHRDEH_PASSWORD in the environment');
      return 2;
    }
    const weak = passwordProblem(password, username);
    if (weak) {
      console.error(`SHAHRDEH_PASSWORD refused: ${weak}`);
      return 2;
    }
    const db = p.database.db;
    await db.transaction(async (tx) => {
      const [exists] = await tx.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.username, username));
      if (exists) throw new Error(`user ${username} already exists`);
      const [u] = await tx.insert(authUsers).values({ kind: 'staff', username, displayName: username, passwordHash: await hashPassword(password) }).returning();
      await tx.insert(authUserRoles).values({ userId: u!.id, role: 'admin', divisionId: null });
      await appendAudit(tx, null, { action: 'user.create', entityType: 'user', entityId: u!.id, data: { username, role: 'admin', via: 'cli' } });
    });
    console.log(`administrator ${username} created`);
    return 0;
  },
};

function usage(): number {
  console.error(USAGE);
  return 2;
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const pure = name && Object.hasOwn(pureCommands, name) ? pureCommands[name] : undefined;
  if (pure) return pure(args);
  const command = name ? commands[name] : undefined;
  if (!command) return usage();
  let platform: Platform;
  try {
    platform = await openPlatform(loadConfig());
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataDirLockedError) {
      console.error(`shahrdeh: ${e.message}`);
      return 1;
    }
    throw e;
  }
  try {
    return await command(platform, args);
  } finally {
    await platform.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    // A driver error carries the whole failed query and its parameters: print the cause, on one line.
    const err = e as { message?: string; cause?: { message?: string } };
    const message = err.cause?.message ?? err.message?.split('\n')[0] ?? String(e);
    console.error(`shahrdeh: ${message.slice(0, 500)}`);
    process.exit(1);
  },
);
